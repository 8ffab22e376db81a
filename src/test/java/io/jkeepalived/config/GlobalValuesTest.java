package io.jkeepalived.config;

import static io.jkeepalived.config.GlobalCheckTest.global;
import static io.jkeepalived.config.GlobalCheckTest.globalDefs;
import static io.jkeepalived.config.GlobalCheckTest.likeKeepalived;
import static io.jkeepalived.config.GlobalCheckTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.read.IncludeCheck;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.value.GlobalValues.DynamicInterfaces;
import io.jkeepalived.config.value.GlobalValues.IncludeCheckOptions;
import io.jkeepalived.config.value.GlobalValues.IptablesChains;
import io.jkeepalived.config.value.GlobalValues.LvsFlushOnStop;
import io.jkeepalived.config.value.GlobalValues.LvsSyncDaemon;
import io.jkeepalived.config.value.GlobalValues.LvsTimeouts;
import io.jkeepalived.config.value.GlobalValues.NotifyFifo;
import io.jkeepalived.config.value.GlobalValues.RxBufsPolicy;
import io.jkeepalived.config.value.GlobalValues.SmtpServer;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.VrrpValues.GarpExtraIf;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How global_defs values with a shape of their own are read, against keepalived 2.2.7. */
class GlobalValuesTest {

    private static <T> T read(Keyword.Value<T> k, String args) {
        return globalDefs(ConfigFixture.load(global(k.name() + " " + args))).explicit(k).orElseThrow();
    }

    private static LoadResult load(String... lines) {
        return ConfigFixture.load(global(lines));
    }

    // ---- lvs_sync_daemon ------------------------------------------------------------------------

    @Test
    void lvsSyncDaemonTakesAllItsOptions() {
        String text = global("lvs_sync_daemon eth0 inst VI_1 id 5 maxlen 1000 port 8000 ttl 3 group 224.0.0.82")
                + GlobalCheckTest.VI_1;
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).isEmpty();
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_SYNC_DAEMON)).isEqualTo(new LvsSyncDaemon("eth0", "VI_1", 5, 1000, 8000, 3,
                Types.parseAddress("224.0.0.82")));
        likeKeepalived(text);
        likeKeepalived(global("lvs_sync_daemon eth0 group ff02::1 maxlen 65507 ttl 255 port 65535"));
    }

    @Test
    void lvsSyncDaemonOldSyntaxWantsTheIdKeyword() {
        String text = global("lvs_sync_daemon eth0 VI_1 7") + GlobalCheckTest.VI_1;
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: Please use keyword \"id\" before lvs_sync_daemon SYNCID");
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_SYNC_DAEMON)).isEqualTo(new LvsSyncDaemon("eth0", "VI_1", 7, null, null, null, null));
        likeKeepalived(text);
    }

    @Test
    void lvsSyncDaemonIgnoresBadOptions() {
        String text = global("lvs_sync_daemon eth0 id 256 maxlen 0 port 0 ttl 0 group 10.0.0.1");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: warning: Invalid syncid (256): number '256' outside range [0, 255] - defaulting to vrid",
                "2: warning: Invalid lvs_sync_daemon maxlen (0): number '0' outside range [1, 65507] - ignoring",
                "2: warning: Invalid lvs_sync_daemon port (0): number '0' outside range [1, 65535] - ignoring",
                "2: warning: Invalid lvs_sync_daemon ttl (0): number '0' outside range [1, 255] - ignoring",
                "2: warning: lvs_sync_daemon group address 10.0.0.1 is not multicast - ignoring");
        // no instance: the id defaults to 0
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_SYNC_DAEMON)).isEqualTo(new LvsSyncDaemon("eth0", null, 0, null, null, null, null));
        likeKeepalived(text);
    }

    @Test
    void lvsSyncDaemonReportsUnknownAndIncompleteOptions() {
        String text = global("lvs_sync_daemon eth0 foo bar baz");
        assertThat(messages(ConfigFixture.load(text))).containsExactly(
                "2: warning: Invalid syncid (bar): invalid number 'bar' - defaulting to vrid",
                "2: warning: Unknown option baz specified for lvs_sync_daemon - ignoring",
                "2: warning: Unable to find vrrp instance foo for lvs_syncd - clearing lvs_syncd config");
        likeKeepalived(text);
        String incomplete = global("lvs_sync_daemon eth0 id 5 id");
        assertThat(messages(ConfigFixture.load(incomplete)))
                .containsExactly("2: warning: No value specified for lvs_sync_daemon id, defaulting to vrid");
        likeKeepalived(incomplete);
        String twice = global("lvs_sync_daemon eth0 VI_1 inst VI_2") + GlobalCheckTest.VI_1;
        assertThat(messages(ConfigFixture.load(twice)))
                .containsExactly("2: warning: lvs_sync_daemon vrrp instance has already been specified as VI_1 - ignoring");
        likeKeepalived(twice);
    }

    @Test
    void lvsSyncDaemonInterfaceNameMustFitIpvs() {
        String text = global("lvs_sync_daemon eth0123456789abcdef");
        assertThat(messages(ConfigFixture.load(text)))
                .containsExactly("2: error: lvs_sync_daemon: interface name 'eth0123456789abcdef' too long - ignored");
        likeKeepalived(text);
    }

    // ---- lvs_timeouts, lvs_flush_on_stop --------------------------------------------------------------

    @Test
    void lvsTimeoutsKeepsTheValidOnes() {
        String text = global("lvs_timeouts tcp x udp 5 tcpfin");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: warning: Invalid lvs_timeout tcp (x): invalid number 'x' - ignoring",
                "2: warning: No value specified for lvs_timeout tcpfin - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.LVS_TIMEOUTS)).isEqualTo(new LvsTimeouts(null, null, 5));
        likeKeepalived(text);
        assertThat(read(GlobalKeywords.LVS_TIMEOUTS, "tcp 2678400 tcpfin 0")).isEqualTo(new LvsTimeouts(2678400, 0, null));
    }

    @Test
    void lvsTimeoutsWithoutAnyValidOptionIsIgnored() {
        String text = global("lvs_timeouts foo 3 udp", "lvs_timeouts tcp");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: warning: Unknown option foo specified for lvs_timeouts - ignoring",
                "2: warning: Unknown option 3 specified for lvs_timeouts - ignoring",
                "2: error: lvs_timeouts: No value specified for lvs_timeout udp - ignored",
                "3: error: lvs_timeouts: lvs_timeouts requires at least one option - ignored");
        assertThat(globalDefs(r).isSet(GlobalKeywords.LVS_TIMEOUTS)).isFalse();
        likeKeepalived(text);
    }

    @Test
    void lvsFlushOnStopIsFullOrVs() {
        assertThat(read(GlobalKeywords.LVS_FLUSH_ON_STOP, "")).isEqualTo(LvsFlushOnStop.FULL);
        assertThat(read(GlobalKeywords.LVS_FLUSH_ON_STOP, "VS")).isEqualTo(LvsFlushOnStop.VS);
        String text = global("lvs_flush_on_stop vs");
        assertThat(messages(ConfigFixture.load(text))).containsExactly("2: error: lvs_flush_on_stop: Unknown lvs_flush_on_stop type vs - ignored");
        likeKeepalived(text);
        likeKeepalived(global("lvs_flush_onstop VS"));
    }

    // ---- umask ------------------------------------------------------------------------------------

    @Test
    void umaskNumbersAreReadAsStrtolDoes() {
        assertThat(read(GlobalKeywords.UMASK, "022")).isEqualTo(022);
        assertThat(read(GlobalKeywords.UMASK, "0x12")).isEqualTo(022);
        assertThat(read(GlobalKeywords.UMASK, "18")).isEqualTo(022);
        assertThat(read(GlobalKeywords.UMASK, "0777")).isEqualTo(0777);
        assertThat(read(GlobalKeywords.UMASK, "0")).isEqualTo(0);
        for (String ok : List.of("022", "0x12", "18", "0777", "0")) {
            likeKeepalived(global("umask " + ok));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01000", "08", "0x", "1000", "022 x", "99999999999999999999"})
    void umaskRejectsNumbersBeyondThePermissionBits(String v) {
        String text = global("umask " + v);
        assertThat(messages(ConfigFixture.load(text))).singleElement().asString().startsWith("2: error: umask: ");
        likeKeepalived(text);
    }

    @Test
    void umaskBitNamesAreJoinedByBars() {
        assertThat(read(GlobalKeywords.UMASK, "IWGRP|IWOTH")).isEqualTo(022);
        assertThat(read(GlobalKeywords.UMASK, "IWGRP | IWOTH")).isEqualTo(022);
        assertThat(read(GlobalKeywords.UMASK, "IWGRP |IWOTH")).isEqualTo(022);
        assertThat(read(GlobalKeywords.UMASK, "IRUSR|IWUSR|IXUSR|IRGRP|IWGRP|IXGRP|IROTH|IWOTH|IXOTH")).isEqualTo(0777);
        likeKeepalived(global("umask IWGRP | IWOTH"));
    }

    @Test
    void umaskBitNamesReportKeepalivedsErrors() {
        record Case(String value, String message) {
        }
        for (Case c : List.of(new Case("IWGRP IWOTH", "Invalid umask syntax IWOTH"),
                new Case("IWGRP|", "umask missing bit value"), new Case("iwgrp", "Unknown umask bit iwgrp"),
                new Case("IWGRPX", "Invalid umask syntax IWGRPX"), new Case("-1", "Unknown umask bit -1"))) {
            String text = global("umask " + c.value());
            assertThat(messages(ConfigFixture.load(text))).containsExactly("2: error: umask: " + c.message() + " - ignored");
            likeKeepalived(text);
        }
    }

    @Test
    void umaskDefaultIsTheBinarys() {
        // keepalived 2.2.7 reports umask = 0177 in its dump; keepalived.conf(5) says IWGRP|IWOTH
        assertThat(ConfigFixture.dump(load("router_id r"))).contains("    umask 0177\n");
    }

    // ---- include_check ----------------------------------------------------------------------------

    @Test
    void includeCheckWithoutOptionsTurnsAllOn() {
        assertThat(read(GlobalKeywords.INCLUDE_CHECK, "")).isEqualTo(IncludeCheckOptions.ALL);
        assertThat(IncludeCheckOptions.ALL.applyTo(Set.of())).isEqualTo(EnumSet.allOf(IncludeCheck.class));
    }

    @Test
    void includeCheckBareWordSetsItPlusRead() {
        IncludeCheckOptions o = read(GlobalKeywords.INCLUDE_CHECK, "match");
        assertThat(o.applyTo(EnumSet.allOf(IncludeCheck.class))).containsExactlyInAnyOrder(IncludeCheck.READABLE, IncludeCheck.MATCH);
        assertThat(o.applyTo(Set.of())).containsExactlyInAnyOrder(IncludeCheck.READABLE, IncludeCheck.MATCH);
        likeKeepalived(global("include_check match"));
    }

    @Test
    void includeCheckPlusAndMinusChangeTheCurrentChecks() {
        IncludeCheckOptions o = read(GlobalKeywords.INCLUDE_CHECK, "+match -wildcard_match");
        assertThat(o.applyTo(Set.of(IncludeCheck.WILDCARD_MATCH, IncludeCheck.BRACE_MATCH)))
                .containsExactlyInAnyOrder(IncludeCheck.MATCH, IncludeCheck.BRACE_MATCH);
        likeKeepalived(global("include_check +match -wildcard_match"));
        likeKeepalived(global("include_check +read -read +brace_match"));
    }

    @Test
    void includeCheckSpellsReadableRead() {
        String text = global("include_check readable");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: Unknown include_check type 'readable' - ignoring"
                + " (keepalived 2.2.7 calls it 'read'); all include checks are off");
        // a bare first word starts from no checks, even when it is not a check
        assertThat(globalDefs(r).get(GlobalKeywords.INCLUDE_CHECK).applyTo(EnumSet.allOf(IncludeCheck.class))).isEmpty();
        likeKeepalived(text);
    }

    @Test
    void includeCheckTakesOneBareWordOnly() {
        String text = global("include_check brace_match wildcard_match");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: Duplicate include_check 'wildcard_match' specified - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.INCLUDE_CHECK).applyTo(Set.of()))
                .containsExactlyInAnyOrder(IncludeCheck.READABLE, IncludeCheck.BRACE_MATCH);
        likeKeepalived(text);
    }

    @Test
    void includeCheckWithNothingUsableIsIgnored() {
        String text = global("include_check +foo -");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: Unknown include_check type 'foo' - ignoring",
                "2: error: include_check: Unknown include_check type '' - ignored");
        assertThat(globalDefs(r).isSet(GlobalKeywords.INCLUDE_CHECK)).isFalse();
        likeKeepalived(text);
    }

    // ---- vrrp_rx_bufs_policy, vrrp_rx_bufs_multiplier -----------------------------------------------

    @Test
    void rxBufsPolicyIsAPolicyOrASize() {
        assertThat(read(GlobalKeywords.VRRP_RX_BUFS_POLICY, "mtu")).isEqualTo(new RxBufsPolicy(true, false, null));
        assertThat(read(GlobalKeywords.VRRP_RX_BUFS_POLICY, "Advert")).isEqualTo(new RxBufsPolicy(false, true, null));
        assertThat(read(GlobalKeywords.VRRP_RX_BUFS_POLICY, "100 200")).isEqualTo(new RxBufsPolicy(false, false, 100L));
        likeKeepalived(global("vrrp_rx_bufs_policy mtu"));
        likeKeepalived(global("vrrp_rx_bufs_policy 100 200"));
    }

    @Test
    void rxBufsPolicySizeIsReadFromTheFirstWord() {
        // keepalived's quirk: "MTU 100" reads the size from "MTU"
        String text = global("vrrp_rx_bufs_policy MTU 100");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: Invalid vrrp_rx_bufs_policy 100: invalid number 'MTU' - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_RX_BUFS_POLICY)).isEqualTo(new RxBufsPolicy(true, false, null));
        likeKeepalived(text);
        String bad = global("vrrp_rx_bufs_policy x");
        assertThat(messages(ConfigFixture.load(bad)))
                .containsExactly("2: error: vrrp_rx_bufs_policy: Invalid vrrp_rx_bufs_policy x: invalid number 'x' - ignored");
        likeKeepalived(bad);
        likeKeepalived(global("vrrp_rx_bufs_policy"));
    }

    @Test
    void rxBufsMultiplierTakesExactlyOneNumber() {
        String text = global("vrrp_rx_bufs_multiplier 2 3");
        assertThat(messages(ConfigFixture.load(text))).containsExactly("2: error: vrrp_rx_bufs_multiplier: Invalid vrrp_rx_bufs_multiplier - ignored");
        likeKeepalived(text);
    }

    // ---- smtp ---------------------------------------------------------------------------------------

    @Test
    void smtpServerIsAnAddressOrHostNameAndAPort() {
        assertThat(read(GlobalKeywords.SMTP_SERVER, "127.0.0.1")).isEqualTo(new SmtpServer("127.0.0.1", 25));
        assertThat(read(GlobalKeywords.SMTP_SERVER, "0:0::1 2525")).isEqualTo(new SmtpServer("::1", 2525));
        assertThat(read(GlobalKeywords.SMTP_SERVER, "localhost 587")).isEqualTo(new SmtpServer("localhost", 587));
        likeKeepalived(global("smtp_server 127.0.0.1"));
        likeKeepalived(global("smtp_server ::1 2525"));
        likeKeepalived(global("smtp_server localhost 587"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4 99999", "1.2.3.4 0", "1.2.3.4 x", "1.2.3.4 -1", "a-b/c", "-x"})
    void smtpServerRejectsBadPortsAndNames(String v) {
        String text = global("smtp_server " + v);
        assertThat(messages(ConfigFixture.load(text))).singleElement().asString()
                .startsWith("2: error: smtp_server: Invalid smtp server ");
        likeKeepalived(text);
    }

    // ---- process scheduling ---------------------------------------------------------------------------

    @Test
    void realtimePriorityIsClampedToOneToNinetyNine() {
        String text = global("vrrp_rt_priority 0", "checker_rt_priority 100", "bfd_rt_priority -2147483648");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: warning: vrrp process real-time priority 0 less than minimum 1 - setting to minimum",
                "3: warning: checker process real-time priority 100 greater than maximum 99 - setting to maximum",
                "4: warning: bfd process real-time priority -2147483648 less than minimum 1 - setting to minimum");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_RT_PRIORITY)).isEqualTo(1);
        assertThat(globalDefs(r).get(GlobalKeywords.CHECKER_RT_PRIORITY)).isEqualTo(99);
        likeKeepalived(text);
    }

    @Test
    void realtimeLimitOfOneIsTwo() {
        LoadResult r = load("vrrp_rlimit_rttime 1", "bfd_rlimit_rtime 1");
        assertThat(messages(r)).containsExactly("3: warning: 'bfd_rlimit_rtime' is deprecated - use 'bfd_rlimit_rttime'");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_RLIMIT_RTTIME)).isEqualTo(2L);
        assertThat(globalDefs(r).get(GlobalKeywords.BFD_RLIMIT_RTTIME)).isEqualTo(2L);
        assertThat(globalDefs(r).get(GlobalKeywords.CHECKER_RLIMIT_RTTIME)).isEqualTo(10000L);
    }

    @Test
    void maxAutoPriorityWithoutValueIsTheMaximum() {
        assertThat(read(GlobalKeywords.MAX_AUTO_PRIORITY, "")).isEqualTo(99);
        assertThat(globalDefs(load("router_id r")).get(GlobalKeywords.MAX_AUTO_PRIORITY)).isEqualTo(0);
        likeKeepalived(global("max_auto_priority"));
    }

    @Test
    void cpuAffinityIsASetOfCpus() {
        assertThat(read(GlobalKeywords.VRRP_CPU_AFFINITY, "1 0 1")).containsExactly(0, 1);
        String none = global("vrrp_cpu_affinity");
        assertThat(messages(ConfigFixture.load(none))).containsExactly("2: error: vrrp_cpu_affinity: No vrrp cpu_id set specified - ignored");
        likeKeepalived(none);
        String bad = global("checker_cpu_affinity 0 x");
        assertThat(messages(ConfigFixture.load(bad)))
                .containsExactly("2: error: checker_cpu_affinity: Invalid cpu_id 'x' specified for checker process: invalid number 'x' - ignored");
        likeKeepalived(bad);
    }

    @Test
    void processNamesLongerThanFifteenAreTruncated() {
        String text = global("process_name abcdefghijklmnopq", "checker_process_name abcdefghijklmno");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: Process name abcdefghijklmnopq more than 15 characters, truncating");
        assertThat(globalDefs(r).get(GlobalKeywords.PROCESS_NAME)).isEqualTo("abcdefghijklmno");
        assertThat(globalDefs(r).get(GlobalKeywords.CHECKER_PROCESS_NAME)).isEqualTo("abcdefghijklmno");
        likeKeepalived(text);
    }

    // ---- VRRP ----------------------------------------------------------------------------------------

    @Test
    void garpExtraIfTakesAllAndTheLastNumberInAnyOrder() {
        assertThat(read(GlobalKeywords.VRRP_GARP_EXTRA_IF, "100 all")).isEqualTo(new GarpExtraIf(true, 100));
        assertThat(read(GlobalKeywords.VRRP_GARP_EXTRA_IF, "5 6")).isEqualTo(new GarpExtraIf(false, 6));
        likeKeepalived(global("vrrp_garp_extra_if 100 all"));
        likeKeepalived(global("vrrp_garp_extra_if 5 6"));
        String noTime = global("vrrp_garp_extra_if all");
        assertThat(messages(ConfigFixture.load(noTime))).containsExactly("2: error: vrrp_garp_extra_if: specified without time - ignored");
        likeKeepalived(noTime);
    }

    @Test
    void dynamicInterfacesMayAllowInterfaceChanges() {
        assertThat(read(GlobalKeywords.DYNAMIC_INTERFACES, "")).isEqualTo(DynamicInterfaces.ON);
        assertThat(read(GlobalKeywords.DYNAMIC_INTERFACES, "allow_if_changes")).isEqualTo(DynamicInterfaces.ALLOW_IF_CHANGES);
        String text = global("dynamic_interfaces foo");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: Unknown dynamic_interfaces option 'foo' - ignoring it");
        // keepalived still turns them on
        assertThat(globalDefs(r).get(GlobalKeywords.DYNAMIC_INTERFACES)).isEqualTo(DynamicInterfaces.ON);
        likeKeepalived(text);
    }

    @Test
    void multicastGroupsMustBeMulticastOfTheirFamily() {
        for (String line : List.of("vrrp_mcast_group4 10.0.0.1", "vrrp_mcast_group4 ff02::1", "vrrp_mcast_group4 x",
                "vrrp_mcast_group6 224.0.0.1", "vrrp_mcast_group6 fe80::1")) {
            String text = global(line);
            assertThat(messages(ConfigFixture.load(text))).as(line).singleElement().asString().startsWith("2: error: ");
            likeKeepalived(text);
        }
        assertThat(read(GlobalKeywords.VRRP_MCAST_GROUP4, "224.0.0.19")).isEqualTo(Types.parseAddress("224.0.0.19"));
    }

    // ---- firewall -------------------------------------------------------------------------------------

    @Test
    void vrrpIptablesChainsAreReadAndReported() {
        assertThat(read(GlobalKeywords.VRRP_IPTABLES, "")).isEqualTo(new IptablesChains(null, null));
        assertThat(read(GlobalKeywords.VRRP_IPTABLES, "ka_in ka_out")).isEqualTo(new IptablesChains("ka_in", "ka_out"));
        likeKeepalived(global("vrrp_iptables"));
    }

    @Test
    void vrrpIpsetsIsReadButHasNoEffectInThisBuild() {
        String text = global("vrrp_ipsets ka ka6");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "2: warning: vrrp_ipsets is not supported by keepalived 2.2.7 as built for Debian (no ipset support) - ignoring");
        assertThat(globalDefs(r).get(GlobalKeywords.VRRP_IPSETS)).containsExactly("ka", "ka6");
        // keepalived says "Unknown keyword" on the same line
        likeKeepalived(text);
    }

    @Test
    void nftablesTableNamesAreShorterThan256() {
        assertThat(read(GlobalKeywords.NFTABLES, "")).isEqualTo("keepalived");
        assertThat(read(GlobalKeywords.NFTABLES_IPVS, "")).isEqualTo("keepalived_ipvs");
        String ok = global("nftables " + "a".repeat(255));
        assertThat(messages(ConfigFixture.load(ok))).isEmpty();
        likeKeepalived(ok);
        String tooLong = global("nftables_ipvs " + "a".repeat(256));
        assertThat(messages(ConfigFixture.load(tooLong))).containsExactly("2: error: nftables_ipvs: ipvs nftables table name too long - ignored");
        likeKeepalived(tooLong);
    }

    // ---- notify FIFOs ---------------------------------------------------------------------------------

    @Test
    void notifyFifoTakesAnOwner() {
        assertThat(read(GlobalKeywords.NOTIFY_FIFO, "/run/f nobody nogroup")).isEqualTo(new NotifyFifo("/run/f", "nobody", "nogroup"));
        assertThat(read(GlobalKeywords.LVS_NOTIFY_FIFO, "/run/f")).isEqualTo(new NotifyFifo("/run/f", null, null));
        String none = global("vrrp_notify_fifo");
        assertThat(messages(ConfigFixture.load(none))).containsExactly("2: error: vrrp_notify_fifo: No vrrp_notify_fifo name specified - ignored");
        likeKeepalived(none);
    }

    // ---- keywords with a fixed number of words --------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"reload_time_file", "snmp_socket", "router_id", "notification_email_from", "default_interface",
            "dbus_service_name", "tmp_config_directory", "startup_script", "notify_fifo_script", "script_user"})
    void keywordsNeedingAValueAreIgnoredWithout(String keyword) {
        String text = global(keyword);
        assertThat(messages(ConfigFixture.load(text))).singleElement().asString().startsWith("2: error: " + keyword + ": ");
        likeKeepalived(text);
    }

    @Test
    void reloadTimeFileAndSnmpSocketTakeOneWord() {
        for (String line : List.of("reload_time_file /a b", "snmp_socket a b")) {
            String text = global(line);
            assertThat(messages(ConfigFixture.load(text))).as(line).singleElement().asString().startsWith("2: error: ");
            likeKeepalived(text);
        }
    }

    @Test
    void optionalFilesHaveTheirDefaults() {
        assertThat(read(GlobalKeywords.RELOAD_CHECK_CONFIG, "")).isEqualTo("/dev/null");
        assertThat(read(GlobalKeywords.RELOAD_CHECK_CONFIG, "/var/log/ka_check")).isEqualTo("/var/log/ka_check");
        assertThat(read(GlobalKeywords.RELOAD_FILE, "/run/ka.reload")).isEqualTo("/run/ka.reload");
        likeKeepalived(global("reload_check_config", "reload_file", "reload_repeat", "reload_time_file /run/ka_time"));
    }

    // ---- booleans -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"smtp_alert", "smtp_alert_vrrp", "smtp_alert_checker", "checker_log_all_failures",
            "vrrp_min_garp", "vrrp_lower_prio_no_advert", "vrrp_higher_prio_send_advert", "vrrp_notify_priority_changes",
            "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs_force",
            "lvs_netlink_monitor_rcv_bufs_force", "process_monitor_rcv_bufs_force", "rs_init_notifies",
            "no_checker_emails", "data_use_instance"})
    void booleansTakeKeepalivedsWords(String keyword) {
        String bad = global(keyword + " maybe");
        assertThat(messages(ConfigFixture.load(bad))).singleElement().asString()
                .isEqualTo("2: error: " + keyword + ": invalid value 'maybe' - expected on|off|true|false|yes|no - ignored");
        likeKeepalived(bad);
        @SuppressWarnings("unchecked")
        Keyword.Value<Boolean> k = (Keyword.Value<Boolean>) GlobalKeywords.BLOCK.lookup(keyword);
        assertThat(read(k, "off")).isFalse();
        assertThat(read(k, "")).isTrue();
        likeKeepalived(global(keyword + " no"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_email_faults", "lvs_flush", "vrrp_check_unicast_src", "vrrp_skip_check_adv_addr", "vrrp_strict",
            "log_unknown_vrids", "nftables_counters", "nftables_ifindex", "vrrp_no_swap", "checker_no_swap", "bfd_no_swap",
            "enable_traps", "enable_snmp_vrrp", "enable_snmp_checker", "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3",
            "enable_dbus", "enable_script_security", "fifo_write_vrrp_states_on_reload", "reload_repeat", "process_names"})
    void flagsIgnoreWhatFollows(String keyword) {
        String text = global(keyword + " x");
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("2: warning: " + keyword + ": extra words ignored: 'x'");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        likeKeepalived(text);
    }
}
