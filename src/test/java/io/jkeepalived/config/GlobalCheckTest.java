package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.GlobalValues.LvsSyncDaemon;
import io.jkeepalived.config.value.GlobalValues.LvsTimeouts;
import io.jkeepalived.config.value.GlobalValues.NotifyFifo;
import io.jkeepalived.config.value.GlobalValues.RxBufsPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global_defs rules of GlobalCheck, one test per rule: the message, the value keepalived
 * would run with, and where keepalived -t behaves the same, a comparison with it.
 */
class GlobalCheckTest {

    // ---- helpers, also used by the other Global*Test classes ------------------------------------

    /** A configuration of one global_defs block; its lines are lines 2, 3, ... */
    static String global(String... lines) {
        return "global_defs {\n" + String.join("\n", lines) + "\n}\n";
    }

    static Block globalDefs(LoadResult r) {
        return ConfigFixture.root(r).section(RootKeywords.GLOBAL_DEFS);
    }

    /** The messages that are not about keywords jkeepalived has not implemented yet. */
    static List<String> messages(LoadResult r) {
        return ConfigFixture.messages(r);
    }

    private static final Pattern KEEPALIVED_LINE = Pattern.compile("\\((?:[^()]*: )?Line (\\d+)\\)");

    /**
     * keepalived -t gives the same exit status, and complains about the same lines as the
     * messages that count toward ours (lint excluded).
     */
    static void likeKeepalived(String text) {
        assumeTrue(KeepalivedOracle.available(), "keepalived is not installed");
        LoadResult ours = ConfigFixture.load(text);
        KeepalivedOracle.Verdict theirs = KeepalivedOracle.configTest(text, "lb01");
        SortedSet<Integer> theirLines = new TreeSet<>();
        for (String line : theirs.lines()) {
            Matcher m = KEEPALIVED_LINE.matcher(line);
            if (m.find()) {
                theirLines.add(Integer.parseInt(m.group(1)));
            }
        }
        SortedSet<Integer> ourLines = new TreeSet<>();
        ours.diagnostics().stream().filter(d -> d.exit() != ExitStatus.OK).forEach(d -> ourLines.add(d.pos().line()));
        assertThat(ours.exitStatus().code()).as("exit status for\n%s\nkeepalived said %s, we said %s", text,
                theirs.lines(), ours.diagnostics()).isEqualTo(theirs.exitStatus());
        assertThat(ourLines).as("lines complained about for\n%s\nkeepalived said %s, we said %s", text,
                theirs.lines(), ours.diagnostics()).isEqualTo(theirLines);
    }

    /** The same, where keepalived reports on the line of a closing brace and we on the keyword. */
    static void sameExitStatusAsKeepalived(String text) {
        assumeTrue(KeepalivedOracle.available(), "keepalived is not installed");
        LoadResult ours = ConfigFixture.load(text);
        KeepalivedOracle.Verdict theirs = KeepalivedOracle.configTest(text, "lb01");
        assertThat(ours.exitStatus().code()).as("keepalived said %s", theirs.lines()).isEqualTo(theirs.exitStatus());
    }

    static final String VI_1 = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    10.0.0.1
                }
            }
            """;

    // ---- corrections ------------------------------------------------------------------------------

    @Test
    void smtpConnectTimeoutOfZeroIsOne() {
        String text = global("smtp_connect_timeout 0");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: smtp_connect_timeout must be greater than 0, setting to 1");
        assertThat(globalDefs(r).get(GlobalKeywords.SMTP_CONNECT_TIMEOUT)).isEqualTo(1);
        likeKeepalived(text);
    }

    @Test
    void smtpConnectTimeoutDefaultsToThirty() {
        LoadResult r = ConfigFixture.load(global("smtp_server 127.0.0.1"));
        assertThat(globalDefs(r).get(GlobalKeywords.SMTP_CONNECT_TIMEOUT)).isEqualTo(30);
        assertThat(ConfigFixture.dump(r)).contains("    smtp_connect_timeout 30\n");
    }

    @Test
    void garpMasterRepeatOfZeroIsOne() {
        String text = global("vrrp_garp_master_repeat 0");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: vrrp_garp_master_repeat must be greater than 0, setting to 1");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_GARP_MASTER_REPEAT)).isEqualTo(1L);
        likeKeepalived(text);
    }

    @Test
    void garpMasterRefreshRepeatOfZeroIsOne() {
        String text = global("vrrp_garp_master_refresh_repeat 0");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: vrrp_garp_master_refresh_repeat must be greater than 0, setting to 1");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT)).isEqualTo(1L);
        likeKeepalived(text);
    }

    // ---- derived defaults ---------------------------------------------------------------------

    @Test
    void lowerPriorityGarpDefaultsToTheMasterValues() {
        LoadResult r = ConfigFixture.load(global("vrrp_garp_master_delay 9", "vrrp_garp_master_repeat 3"));
        Block g = globalDefs(r);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY)).isEqualTo(9);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT)).isEqualTo(3L);
        assertThat(ConfigFixture.dump(r)).contains("    vrrp_garp_lower_prio_delay 9\n    vrrp_garp_lower_prio_repeat 3\n");
    }

    @Test
    void lowerPriorityGarpKeepsItsOwnValues() {
        Block g = globalDefs(ConfigFixture.load(global("vrrp_garp_master_delay 9", "vrrp_garp_lower_prio_delay 2",
                "vrrp_garp_lower_prio_repeat 0")));
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY)).isEqualTo(2);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT)).isEqualTo(0L);
    }

    @Test
    void lowerPriorityGarpDefaultsToTheMasterDefaults() {
        Block g = globalDefs(ConfigFixture.load(global("router_id lb01")));
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY)).isEqualTo(5);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT)).isEqualTo(5L);
    }

    @Test
    void withoutGlobalDefsNothingIsAdded() {
        LoadResult r = ConfigFixture.load(VI_1);
        assertThat(ConfigFixture.root(r).blocks(RootKeywords.GLOBAL_DEFS)).isEmpty();
        assertThat(ConfigFixture.dump(r)).doesNotContain("global_defs");
    }

    /** Checked against keepalived's own dump (keepalived -d with a checker process) by hand. */
    @Test
    void minGarpChangesOnlyTheGarpSettingsStillAtTheirDefaults() {
        String text = global("vrrp_garp_master_repeat 5", "vrrp_min_garp", "vrrp_garp_master_delay 7");
        LoadResult r = ConfigFixture.load(text);
        Block g = globalDefs(r);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_REPEAT)).isEqualTo(1L);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_DELAY)).isEqualTo(7);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT)).isEqualTo(1L);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY)).isEqualTo(7);
        assertThat(messages(r)).isEmpty();
        likeKeepalived(text);
    }

    @Test
    void minGarpKeepsValuesSetBeforeIt() {
        Block g = globalDefs(ConfigFixture.load(global("vrrp_garp_master_repeat 3", "vrrp_garp_master_delay 2",
                "vrrp_min_garp")));
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_REPEAT)).isEqualTo(3L);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_DELAY)).isEqualTo(2);
    }

    @Test
    void minGarpSetsNoSecondBatchAndNoRefreshRepeats() {
        Block g = globalDefs(ConfigFixture.load(global("vrrp_garp_master_refresh 60", "vrrp_min_garp")));
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_REPEAT)).isEqualTo(1L);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_DELAY)).isEqualTo(0);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_REFRESH)).isEqualTo(60L);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT)).isEqualTo(0L);
    }

    @Test
    void minGarpFalseChangesNothing() {
        Block g = globalDefs(ConfigFixture.load(global("vrrp_min_garp false")));
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_REPEAT)).isEqualTo(5L);
        assertThat(g.get(GlobalKeywords.VRRP_GARP_MASTER_DELAY)).isEqualTo(5);
    }

    @Test
    void processNamesNamesTheChildProcesses() {
        LoadResult r = ConfigFixture.load(global("vrrp_process_name first", "process_names", "bfd_process_name mine"));
        Block g = globalDefs(r);
        assertThat(g.get(GlobalKeywords.VRRP_PROCESS_NAME)).isEqualTo("keepalived_vrrp");
        assertThat(g.get(GlobalKeywords.CHECKER_PROCESS_NAME)).isEqualTo("keepalived_lvs");
        assertThat(g.get(GlobalKeywords.BFD_PROCESS_NAME)).isEqualTo("mine");
        assertThat(g.get(GlobalKeywords.PROCESS_NAME)).isNull();
        assertThat(messages(r)).isEmpty();
    }

    @Test
    void snmpRfcEnablesBothRfcMibs() {
        LoadResult r = ConfigFixture.load(global("enable_snmp_rfc"));
        assertThat(globalDefs(r).get(GlobalKeywords.ENABLE_SNMP_RFCV2)).isTrue();
        assertThat(globalDefs(r).get(GlobalKeywords.ENABLE_SNMP_RFCV3)).isTrue();
        assertThat(ConfigFixture.dump(r)).contains("    enable_snmp_rfc\n    enable_snmp_rfcv2\n    enable_snmp_rfcv3\n");
        assertThat(globalDefs(ConfigFixture.load(global("enable_snmp_rfcv2"))).get(GlobalKeywords.ENABLE_SNMP_RFCV3)).isNull();
    }

    @Test
    void lvsTimeoutsLinesAddUp() {
        String text = global("lvs_timeouts tcp 5 udp 9", "lvs_timeouts udp 7 tcpfin 3");
        LoadResult r = ConfigFixture.load(text);
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_TIMEOUTS)).isEqualTo(new LvsTimeouts(5, 3, 7));
        assertThat(ConfigFixture.dump(r)).contains("    lvs_timeouts tcp 5 tcpfin 3 udp 7\n");
        likeKeepalived(text);
    }

    // ---- keywords keepalived takes the first of ------------------------------------------------------

    @Test
    void lvsSyncDaemonKeepsTheFirst() {
        String text = global("lvs_sync_daemon eth0", "lvs_sync_daemon eth1") + VI_1;
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("3: error: lvs_sync_daemon has already been specified as eth0  - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_SYNC_DAEMON).ifname()).isEqualTo("eth0");
        likeKeepalived(text);
    }

    @Test
    void notifyFifosKeepTheFirst() {
        String text = global("notify_fifo /run/f1", "notify_fifo /run/f2", "vrrp_notify_fifo /run/v1",
                "vrrp_notify_fifo /run/v2", "lvs_notify_fifo /run/l1", "lvs_notify_fifo /run/l2");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "3: error: notify_fifo already specified - ignoring /run/f2",
                "5: error: vrrp_notify_fifo already specified - ignoring /run/v2",
                "7: error: lvs_notify_fifo already specified - ignoring /run/l2");
        Block g = globalDefs(r);
        assertThat(g.get(GlobalKeywords.NOTIFY_FIFO).path()).isEqualTo("/run/f1");
        assertThat(g.get(GlobalKeywords.VRRP_NOTIFY_FIFO).path()).isEqualTo("/run/v1");
        assertThat(g.get(GlobalKeywords.LVS_NOTIFY_FIFO).path()).isEqualTo("/run/l1");
        likeKeepalived(text);
    }

    @Test
    void notifyFifoScriptsKeepTheFirst() {
        String text = global("script_user root", "enable_script_security", "notify_fifo /run/f1",
                "notify_fifo_script /bin/true", "notify_fifo_script /bin/false");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("6: error: notify_fifo_script already specified - ignoring /bin/false");
        assertThat(globalDefs(r).get(GlobalKeywords.NOTIFY_FIFO_SCRIPT).command()).isEqualTo("/bin/true");
        likeKeepalived(text);
    }

    @Test
    void startupAndShutdownScriptsKeepTheFirst() {
        String text = global("script_user root", "enable_script_security", "startup_script /bin/true",
                "startup_script /bin/false", "shutdown_script /bin/true", "shutdown_script /bin/false");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("5: error: startup script already specified - ignoring",
                "7: error: shutdown script already specified - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.STARTUP_SCRIPT).command()).isEqualTo("/bin/true");
        assertThat(globalDefs(r).get(GlobalKeywords.SHUTDOWN_SCRIPT).command()).isEqualTo("/bin/true");
        likeKeepalived(text);
    }

    @Test
    void snmpSocketKeepsTheFirst() {
        String text = global("snmp_socket udp:1.2.3.4:705", "snmp_socket tcp:localhost:705");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("3: error: SNMP socket already set to udp:1.2.3.4:705 - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.SNMP_SOCKET)).isEqualTo("udp:1.2.3.4:705");
        likeKeepalived(text);
    }

    @Test
    void vmacPrefixesKeepTheFirst() {
        String text = global("vmac_prefix abc", "vmac_prefix def", "vmac_addr_prefix ghi", "vmac_addr_prefix jkl");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("3: error: vmac prefix has already been specified - ignoring def",
                "5: error: vmac_addr prefix has already been specified - ignoring jkl");
        assertThat(globalDefs(r).get(GlobalKeywords.VMAC_PREFIX)).isEqualTo("abc");
        assertThat(globalDefs(r).get(GlobalKeywords.VMAC_ADDR_PREFIX)).isEqualTo("ghi");
        likeKeepalived(text);
    }

    @Test
    void tmpConfigDirectoryKeepsTheFirst() {
        String text = global("tmp_config_directory /tmp", "tmp_config_directory /var/tmp");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("3: error: tmp_config_directory already specified - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.TMP_CONFIG_DIRECTORY)).isEqualTo("/tmp");
        likeKeepalived(text);
    }

    @Test
    void nftablesTablesKeepTheFirst() {
        String text = global("nftables abc", "nftables def", "nftables_ipvs ghi", "nftables_ipvs jkl");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactlyInAnyOrder("3: error: nftables already specified - ignoring",
                "5: error: ipvs nftables already specified - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.NFTABLES)).isEqualTo("abc");
        assertThat(globalDefs(r).get(GlobalKeywords.NFTABLES_IPVS)).isEqualTo("ghi");
        likeKeepalived(text);
    }

    // ---- firewall -----------------------------------------------------------------------------------

    @Test
    void vrrpIptablesUsesNftablesTableKeepalived() {
        String text = global("nftables mine", "vrrp_iptables in out");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("3: warning: iptables not supported, using nftables instead. "
                + "Please replace 'vrrp_iptables and 'vrrp_ipsets' with 'nftables' config option");
        assertThat(globalDefs(r).get(GlobalKeywords.NFTABLES)).isEqualTo("keepalived");
        likeKeepalived(text);
    }

    /** Checked against keepalived's own dump (keepalived -d) by hand. */
    @Test
    void choosingAnNftablesTableResetsItsPriority() {
        LoadResult r = ConfigFixture.load(global("nftables_priority 5", "nftables x", "nftables_ipvs_priority 6",
                "nftables_ipvs_start_fwmark 7", "nftables_ipvs y"));
        assertThat(messages(r)).containsExactly(
                "2: warning: nftables_priority 5 is reset to -1 by nftables on line 3 - set it after that",
                "4: warning: nftables_ipvs_priority 6 is reset to -1 by nftables_ipvs on line 6 - set it after that",
                "5: warning: nftables_ipvs_start_fwmark 7 is reset to 1000 by nftables_ipvs on line 6 - set it after that");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        Block g = globalDefs(r);
        assertThat(g.get(GlobalKeywords.NFTABLES_PRIORITY)).isEqualTo(-1);
        assertThat(g.get(GlobalKeywords.NFTABLES_IPVS_PRIORITY)).isEqualTo(-1);
        assertThat(g.get(GlobalKeywords.NFTABLES_IPVS_START_FWMARK)).isEqualTo(1000L);
    }

    @Test
    void nftablesPriorityAfterTheTableStays() {
        LoadResult r = ConfigFixture.load(global("nftables x", "nftables_priority 5"));
        assertThat(messages(r)).isEmpty();
        assertThat(globalDefs(r).get(GlobalKeywords.NFTABLES_PRIORITY)).isEqualTo(5);
    }

    // ---- vrrp_rx_bufs_policy ----------------------------------------------------------------------

    @Test
    void rxBufsSizeWinsOverAPolicyOnAnotherLine() {
        String text = global("vrrp_rx_bufs_policy 100", "vrrp_rx_bufs_policy MTU");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("3: error: Cannot set vrrp_rx_bufs_policy size and policy, ignoring policy");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_RX_BUFS_POLICY)).isEqualTo(new RxBufsPolicy(false, false, 100L));
        likeKeepalived(text);
    }

    @Test
    void rxBufsMtuWinsOverAdvert() {
        String text = global("vrrp_rx_bufs_policy advert mtu");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: error: Cannot set both vrrp_rx_bufs_policy MTU and ADVERT, ignoring ADVERT");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_RX_BUFS_POLICY)).isEqualTo(new RxBufsPolicy(true, false, null));
        assertThat(ConfigFixture.dump(r)).contains("    vrrp_rx_bufs_policy MTU\n");
        likeKeepalived(text);
    }

    // ---- email ----------------------------------------------------------------------------------------

    @Test
    void emptyNotificationEmailBlockIsReported() {
        String text = global("notification_email {", "}");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: empty notification_email block");
        // keepalived reports it on the line of the closing brace
        sameExitStatusAsKeepalived(text);
    }

    @Test
    void smtpHeloNameWithoutNameIsIgnored() {
        String text = global("smtp_helo_name");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: smtp_helo_name without a name - ignored");
        assertThat(globalDefs(r).isSet(GlobalKeywords.SMTP_HELO_NAME)).isFalse();
        likeKeepalived(text);
    }

    @Test
    void smtpAlertsWithoutSmtpServerAreNoted() {
        String text = global("smtp_alert");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: smtp alerts are on but there is no smtp_server - no email will be sent");
        likeKeepalived(text);
        assertThat(messages(ConfigFixture.load(global("smtp_alert", "smtp_server 127.0.0.1")))).isEmpty();
    }

    // ---- script user and notify FIFOs -------------------------------------------------------------------

    @Test
    void scriptUserMustExist() {
        String text = global("script_user no_such_user_x");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: error: Error setting global script uid/gid: no user 'no_such_user_x' - scripts without a user of their own cannot run");
        // it stays: the default user is that failure (vrrp_scripts without a user are removed)
        assertThat(globalDefs(r).isSet(GlobalKeywords.SCRIPT_USER)).isTrue();
        likeKeepalived(text);
    }

    @Test
    void scriptUserGroupMustExist() {
        String text = global("script_user root no_such_group_x");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: error: Error setting global script uid/gid: no group 'no_such_group_x' - scripts without a user of their own cannot run");
        likeKeepalived(text);
        assertThat(messages(ConfigFixture.load(global("script_user root root")))).isEmpty();
    }

    @Test
    void notifyFifoWithUnknownUserIsIgnored() {
        String text = global("notify_fifo /run/f1 no_such_user_x", "notify_fifo /run/f2");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: warning: Invalid user/group for notify_fifo /run/f1: no user 'no_such_user_x' - ignoring");
        // the ignored FIFO was never set, so the second one is not "already specified"
        assertThat(globalDefs(r).get(GlobalKeywords.NOTIFY_FIFO)).isEqualTo(new NotifyFifo("/run/f2", null, null));
        likeKeepalived(text);
    }

    @Test
    void vrrpFifoSameAsGlobalFifoIsIgnored() {
        String text = global("notify_fifo /run/f", "vrrp_notify_fifo /run/f", "vrrp_notify_fifo_script /bin/true",
                "script_user root", "enable_script_security");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "3: warning: notify FIFO /run/f has been specified for global and vrrp FIFO - ignoring vrrp FIFO");
        assertThat(globalDefs(r).isSet(GlobalKeywords.VRRP_NOTIFY_FIFO)).isFalse();
        assertThat(globalDefs(r).isSet(GlobalKeywords.VRRP_NOTIFY_FIFO_SCRIPT)).isFalse();
        likeKeepalived(text);
    }

    @Test
    void lvsFifoSameAsGlobalFifoIsIgnored() {
        String text = global("notify_fifo /run/f", "lvs_notify_fifo /run/f");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "3: warning: notify FIFO /run/f has been specified for global and LVS FIFO - ignoring LVS FIFO");
        assertThat(globalDefs(r).isSet(GlobalKeywords.LVS_NOTIFY_FIFO)).isFalse();
        likeKeepalived(text);
    }

    @Test
    void sharedLvsAndVrrpFifoRunsOnlyTheVrrpScript() {
        String text = global("script_user root", "enable_script_security", "vrrp_notify_fifo /run/f",
                "vrrp_notify_fifo_script /bin/true", "lvs_notify_fifo /run/f", "lvs_notify_fifo_script /bin/false");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "7: warning: LVS notify FIFO and vrrp FIFO are the same both with scripts - ignoring LVS FIFO script");
        assertThat(globalDefs(r).isSet(GlobalKeywords.LVS_NOTIFY_FIFO_SCRIPT)).isFalse();
        assertThat(globalDefs(r).isSet(GlobalKeywords.LVS_NOTIFY_FIFO)).isTrue();
        likeKeepalived(text);
    }

    @Test
    void fifoScriptWithoutItsFifoIsNeverRun() {
        String text = global("script_user root", "enable_script_security", "vrrp_notify_fifo_script /bin/true");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("4: warning: vrrp_notify_fifo_script without vrrp_notify_fifo is never run");
        likeKeepalived(text);
    }

    // ---- lvs_sync_daemon ---------------------------------------------------------------------------

    @Test
    void lvsSyncDaemonInstanceMustExist() {
        String text = global("lvs_sync_daemon eth0 inst VI_X") + VI_1;
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: warning: Unable to find vrrp instance VI_X for lvs_syncd - clearing lvs_syncd config");
        assertThat(globalDefs(r).isSet(GlobalKeywords.LVS_SYNC_DAEMON)).isFalse();
        likeKeepalived(text);
    }

    @Test
    void lvsSyncDaemonIdDefaultsToTheInstanceVrid() {
        String text = global("lvs_sync_daemon eth0 VI_1") + VI_1;
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).isEmpty();
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_SYNC_DAEMON))
                .isEqualTo(new LvsSyncDaemon("eth0", "VI_1", 51, null, null, null, null));
        assertThat(ConfigFixture.dump(r)).contains("    lvs_sync_daemon eth0 inst VI_1 id 51\n");
        likeKeepalived(text);
    }

    @Test
    void lvsSyncDaemonIdDefaultsToZeroWithoutInstance() {
        LoadResult r = ConfigFixture.load(global("lvs_sync_daemon eth0"));
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_SYNC_DAEMON).syncId()).isEqualTo(0);
    }

    @Test
    void lvsSyncDaemonInterfaceShouldExist() {
        String text = global("lvs_sync_daemon nosuch0");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: lvs_sync_daemon interface nosuch0 does not exist");
        likeKeepalived(text);
    }

    // ---- host dependent ---------------------------------------------------------------------------

    @Test
    void cpuAffinityMustNameOnlineCpus() {
        String text = global("vrrp_cpu_affinity 0 1023");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).singleElement().asString()
                .startsWith("2: error: Invalid cpu_id:1023 specified for vrrp process (this host has ")
                .endsWith(" CPUs online) - ignoring");
        assertThat(globalDefs(r).isSet(GlobalKeywords.VRRP_CPU_AFFINITY)).isFalse();
        likeKeepalived(text);
        likeKeepalived(global("checker_cpu_affinity 0"));
    }

    @Test
    void aBadCpuAffinityLineClearsTheEarlierOne() {
        String text = global("bfd_cpu_affinity 0", "bfd_cpu_affinity 1023");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).singleElement().asString().startsWith("3: error: Invalid cpu_id:1023 specified for bfd process");
        assertThat(globalDefs(r).isSet(GlobalKeywords.BFD_CPU_AFFINITY)).isFalse();
        likeKeepalived(text);
        // a good line after a bad one is used
        Block g = globalDefs(ConfigFixture.load(global("bfd_cpu_affinity 1023", "bfd_cpu_affinity 0")));
        assertThat(g.get(GlobalKeywords.BFD_CPU_AFFINITY)).containsExactly(0);
    }

    @Test
    void configSaveDirThatIsAFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("afile"));
        String text = global("config_save_dir " + file, "config_save_dir " + file.resolve("sub"));
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: error: config_save_dir " + file + " exists and is not a directory",
                "3: error: config_save_dir " + file.resolve("sub") + " error 20 - Not a directory");
        assertThat(globalDefs(r).isSet(GlobalKeywords.CONFIG_SAVE_DIR)).isFalse();
        likeKeepalived(text);
    }

    @Test
    void configSaveDirNeedsItsParent(@TempDir Path dir) {
        String missing = dir.resolve("no/such").toString();
        String text = global("config_save_dir " + missing);
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: error: Unable to create config_save_dir " + missing + " (error 2 - No such file or directory)");
        likeKeepalived(text);
        String fine = dir.resolve("new").toString();
        assertThat(messages(ConfigFixture.load(global("config_save_dir " + fine)))).isEmpty();
    }

    @Test
    void disableLocalIgmpNeedsKernelSupport() {
        String text = global("disable_local_igmp");
        LoadResult r = ConfigFixture.load(text);
        boolean supported = Files.isWritable(Path.of("/proc/sys/net/ipv4/igmp_link_local_mcast_reports"));
        assertThat(globalDefs(r).isSet(GlobalKeywords.DISABLE_LOCAL_IGMP)).isEqualTo(supported);
        assertThat(messages(r)).hasSize(supported ? 0 : 1);
        likeKeepalived(text);
    }

    // ---- spellings ----------------------------------------------------------------------------------

    @Test
    void vrrpVmacGarpIntvlIsDeprecatedAsKeepalivedSays() {
        String text = global("vrrp_vmac_garp_intvl 30");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).contains(
                "2: warning: Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use \"vrrp_garp_extra_if\"");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_GARP_EXTRA_IF).intervalSeconds()).isEqualTo(30);
        assertThat(ConfigFixture.dump(r)).contains("    vrrp_garp_extra_if 30\n");
        likeKeepalived(text);
    }

    @Test
    void otherOldSpellingsAreOnlyNoted() {
        String text = global("vrrp_rlimit_rtime 5000", "lvs_process_name lvs", "enable_snmp_keepalived", "lvs_flush_onstop");
        LoadResult r = ConfigFixture.load(text);
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        Block g = globalDefs(r);
        assertThat(g.get(GlobalKeywords.VRRP_RLIMIT_RTTIME)).isEqualTo(5000L);
        assertThat(g.get(GlobalKeywords.CHECKER_PROCESS_NAME)).isEqualTo("lvs");
        assertThat(g.get(GlobalKeywords.ENABLE_SNMP_VRRP)).isTrue();
        assertThat(g.isSet(GlobalKeywords.LVS_FLUSH_ON_STOP)).isTrue();
        assertThat(ConfigFixture.dump(r)).contains("vrrp_rlimit_rttime 5000", "checker_process_name lvs", "enable_snmp_vrrp",
                "lvs_flush_on_stop\n");
        likeKeepalived(text);
    }

    // ---- -d and JSON ----------------------------------------------------------------------------------

    static final String RICH = global(
            "include_check match", "random_seed 12", "process_names", "vrrp_process_name vr", "startup_script \"/bin/echo a b\" root",
            "router_id lb01", "notification_email {", "a@example.com b@example.com", "}", "notification_email_from ka@example.com",
            "smtp_server 192.0.2.25 2525", "smtp_helo_name lb01.example.com", "smtp_alert", "smtp_alert_vrrp off",
            "lvs_sync_daemon eth1 inst VI_1 maxlen 1400 group 224.0.0.81", "lvs_timeouts tcp 900 udp 30", "lvs_flush_on_stop VS",
            "dynamic_interfaces allow_if_changes", "vrrp_garp_master_repeat 2", "vrrp_min_garp", "vrrp_garp_interval 0.001",
            "vrrp_garp_extra_if all 120", "vrrp_startup_delay 5.5", "nftables ka", "nftables_priority -5",
            "vrrp_cpu_affinity 0", "vrrp_rt_priority 50", "vrrp_rlimit_rttime 20000", "max_auto_priority",
            "snmp_socket udp:127.0.0.1:705", "enable_snmp_rfc", "script_user root", "enable_script_security",
            "notify_fifo /run/ka.fifo root root", "vrrp_notify_fifo /run/ka_vrrp.fifo", "vrrp_rx_bufs_policy ADVERT",
            "umask IWGRP|IWOTH|IXOTH", "reload_check_config", "reload_file /run/ka.reload", "data_use_instance")
            + VI_1;

    @Test
    void dumpReadsBackToTheSameGlobalDefs() {
        LoadResult first = ConfigFixture.load(RICH);
        assertThat(first.exitStatus()).as("%s", first.diagnostics()).isEqualTo(ExitStatus.OK);
        String dump = ConfigFixture.dump(first);
        LoadResult second = ConfigFixture.load(dump);
        assertThat(second.exitStatus()).as("%s", second.diagnostics()).isEqualTo(ExitStatus.OK);
        for (Keyword<?> k : GlobalKeywords.BLOCK.keywords()) {
            switch (k) {
                case Keyword.Value<?> v -> assertThat(globalDefs(second).get(v)).as(k.name()).isEqualTo(globalDefs(first).get(v));
                case Keyword.ListBlock<?> l -> assertThat(globalDefs(second).list(l)).as(k.name()).isEqualTo(globalDefs(first).list(l));
                case Keyword.Block<?> b -> throw new AssertionError("no blocks in global_defs: " + b);
            }
        }
        assertThat(ConfigFixture.dump(second)).isEqualTo(dump);
        likeKeepalived(RICH);
        likeKeepalived(dump);
    }

    @Test
    void jsonShowsTheValuesAsKeepalivedRunsThem() {
        String json = ConfigFixture.json(ConfigFixture.load(RICH));
        assertThat(json).contains("\"smtp_server\"", "\"host\" : \"192.0.2.25\"", "\"port\" : 2525",
                "\"lvs_timeouts\"", "\"tcp\" : 900", "\"umask\" : \"023\"", "\"vrrp_garp_master_repeat\" : 2",
                "\"vrrp_garp_master_delay\" : 0", "\"vrrp_garp_lower_prio_repeat\" : 2", "\"max_auto_priority\" : 99",
                "\"include_check\"", "\"wildcard_match\" : false", "\"id\" : 51");
    }
}
