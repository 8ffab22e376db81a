package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.LvsKeywords;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.LvsAddresses.LvsMethod;
import io.jkeepalived.config.value.LvsAddresses.ServerAddress;
import io.jkeepalived.config.value.LvsValues.StatusRange;
import io.jkeepalived.config.value.Types;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The validation of virtual servers, real servers and checkers (LvsCheck), rule by rule, each
 * compared with keepalived 2.2.7 where it is installed: same exit status of -t, and every line
 * keepalived names we name too (keepalived names no line for what validate_check_config finds;
 * where it names the closing brace of a block we name the block's first line, mapped explicitly).
 */
class LvsCheckTest {

    // ---- helpers shared by the Lvs*Test classes ------------------------------------------------------

    /** The lines of the diagnostics that change the exit status (not lint). */
    static Set<Integer> complainedLines(LoadResult r) {
        Set<Integer> lines = new TreeSet<>();
        r.diagnostics().stream().filter(d -> d.exit() != ExitStatus.OK).forEach(d -> lines.add(d.pos().line()));
        return lines;
    }

    private static final Pattern KEEPALIVED_LINE = Pattern.compile("\\(.*: Line (\\d+)\\)");

    /** The lines keepalived names in its messages ("(file: Line N) ..."). */
    static Set<Integer> keepalivedLines(KeepalivedOracle.Verdict v) {
        Set<Integer> lines = new TreeSet<>();
        for (String l : v.lines()) {
            Matcher m = KEEPALIVED_LINE.matcher(l);
            if (m.find()) {
                lines.add(Integer.parseInt(m.group(1)));
            }
        }
        return lines;
    }

    /**
     * keepalived -t gives the same exit status, and names no line we don't; {@code lineMap} maps
     * lines keepalived names (a block's closing brace) to the line we name (pairs: theirs, ours).
     */
    static KeepalivedOracle.Verdict assertKeepalivedAgrees(String text, LoadResult ours, int... lineMap) {
        assumeTrue(KeepalivedOracle.available());
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        assertThat(ours.exitStatus().code()).as("exit status: ours %s, keepalived %s", ConfigFixture.messages(ours), k.lines())
                .isEqualTo(k.exitStatus());
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i + 1 < lineMap.length; i += 2) {
            map.put(lineMap[i], lineMap[i + 1]);
        }
        Set<Integer> theirs = new TreeSet<>();
        keepalivedLines(k).forEach(l -> theirs.add(map.getOrDefault(l, l)));
        assertThat(complainedLines(ours)).as("ours %s, keepalived %s", ConfigFixture.messages(ours), k.lines())
                .containsAll(theirs);
        return k;
    }

    static LoadResult load(String text) {
        return ConfigFixture.load(text);
    }

    static List<String> messages(LoadResult r) {
        return ConfigFixture.messages(r).stream().filter(m -> !m.contains("not implemented")).toList();
    }

    static List<Block> virtualServers(LoadResult r) {
        return ConfigFixture.root(r).blocks(RootKeywords.VIRTUAL_SERVER);
    }

    static Block vs(LoadResult r) {
        return virtualServers(r).getFirst();
    }

    static List<Block> realServers(LoadResult r) {
        return vs(r).blocks(LvsKeywords.REAL_SERVER_BLOCK);
    }

    static Block rs(LoadResult r) {
        return realServers(r).getFirst();
    }

    /** A virtual server 10.0.0.1:80 (rr, NAT, TCP) with {@code vsLines} from line 5 and one real server 10.0.0.2:80 after them. */
    static String simple(String vsLines, String rsLines) {
        return "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n"
                + vsLines + "  real_server 10.0.0.2 80 {\n" + rsLines + "  }\n}\n";
    }

    private static final String CLEAN = simple("", "");

    @Test
    void aCompleteVirtualServerIsClean() {
        LoadResult r = load(CLEAN);
        assertThat(messages(r)).isEmpty();
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(rs(r).get(LvsKeywords.RS_WEIGHT)).isEqualTo(1L);
        assertThat(rs(r).get(LvsKeywords.RS_LVS_METHOD)).isEqualTo(LvsMethod.of("NAT"));
        assertKeepalivedAgrees(CLEAN, r);
    }

    // ---- while reading the virtual server --------------------------------------------------------------

    @Nested
    class SchedulerFlags {

        @Test
        void shFlagWithoutShSchedulerIsIgnored() {
            String text = simple("  sh-port\n", "").replace("lvs_sched rr", "lvs_sched wrr");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: sh-port only applies to sh scheduler - ignoring");
            assertThat(vs(r).isSet(LvsKeywords.SH_PORT)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void flagBeforeTheSchedulerIsIgnoredEvenIfTheSchedulerIsSh() {
            String text = "virtual_server 10.0.0.1 80 {\n  sh-fallback\n  lvs_sched sh\n  lvs_method NAT\n  protocol TCP\n"
                    + "  real_server 10.0.0.2 80 {\n  }\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("2: warning: sh-fallback only applies to sh scheduler - ignoring");
            assertThat(vs(r).isSet(LvsKeywords.SH_FALLBACK)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void shFlagAfterShSchedulerIsKept() {
            String text = simple("  sh-port\n", "").replace("lvs_sched rr", "lvs_sched sh");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(vs(r).get(LvsKeywords.SH_PORT)).isTrue();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void hashedIsAcceptedButUselessWithShOrMh() {
            String text = simple("  hashed\n  mh-port\n", "").replace("lvs_sched rr", "lb_algo sh");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "5: warning: hashed has no effect with lvs_sched sh",
                    "6: warning: mh-port has no effect with lvs_sched sh");
            assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void mhFlagWithOtherSchedulerIsIgnoredWithKeepalivedsShMessage() {
            String text = simple("  mh-fallback\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: mh-fallback only applies to sh scheduler - ignoring");
            assertKeepalivedAgrees(text, r);
        }
    }

    @Test
    void ipFamilyConflictingWithTheAddressIsIgnored() {
        String text = simple("  ip_family inet6\n", "");
        LoadResult r = load(text);
        assertThat(messages(r)).containsExactly("5: warning: Virtual server specified family inet6 conflicts with server family - ignoring");
        assertThat(vs(r).isSet(LvsKeywords.IP_FAMILY)).isFalse();
        assertKeepalivedAgrees(text, r);
    }

    @Nested
    class PersistenceGranularity {

        @Test
        void ipv4NetmaskMayBeAnyInetAtonForm() {
            String text = simple("  persistence_granularity 255.0.255.0\n  persistence_timeout 50\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(vs(r).get(LvsKeywords.PERSISTENCE_GRANULARITY)).isEqualTo("255.0.255.0");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void invalidIpv4NetmaskIsIgnored() {
            String text = simple("  persistence_granularity x\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: Invalid IPv4 persistence_granularity specified - x - ignoring");
            assertThat(vs(r).isSet(LvsKeywords.PERSISTENCE_GRANULARITY)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void ipv6ServiceTakesAPrefixLength() {
            String text = "virtual_server 2001:db8::1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n"
                    + "  persistence_granularity 129\n  real_server 2001:db8::2 80 {\n  }\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: Invalid IPv6 persistence_granularity specified - 129 - ignoring");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void granularityMakesTheServicePersistent() {
            String text = simple("  persistence_granularity 255.255.255.0\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(vs(r).get(LvsKeywords.PERSISTENCE_TIMEOUT)).isEqualTo(360);
            assertKeepalivedAgrees(text, r);
        }
    }

    @Nested
    class SorryServer {

        @Test
        void inhibitBeforeSorryServerIsIgnored() {
            String text = simple("  sorry_server_inhibit\n  sorry_server 10.0.0.9 80\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: Ignoring sorry_server inhibit used before or without sorry_server");
            assertThat(vs(r).isSet(LvsKeywords.SORRY_SERVER_INHIBIT)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void lvsMethodWithoutSorryServerIsIgnored() {
            String text = simple("  sorry_server_lvs_method DR\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: sorry_server forwarding used without sorry_server - ignoring");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void sorryServerOfTheOtherFamilyIsSkipped() {
            String text = simple("  sorry_server 2001:db8::9 80\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "5: warning: Address family of virtual server and sorry server 2001:db8::9 don't match - skipping sorry server");
            assertThat(vs(r).isSet(LvsKeywords.SORRY_SERVER)).isFalse();
            // keepalived reports it at the virtual server's closing brace
            assertKeepalivedAgrees(text, r, 8, 5);
        }

        @Test
        void sorryServerThatIsARealServerTakesItsInhibitSetting() {
            String text = simple("  sorry_server 10.0.0.2 80\n  sorry_server_inhibit\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: Virtual server [10.0.0.1]:tcp:80: real server [10.0.0.2]:tcp:80 "
                    + "matches sorry server, but inhibit setting differs, clearing on sorry server");
            assertThat(vs(r).isSet(LvsKeywords.SORRY_SERVER_INHIBIT)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void secondSorryServerStartsAfresh() {
            String text = simple("  sorry_server 10.0.0.8 80\n  sorry_server_inhibit\n  sorry_server 10.0.0.9 80\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(vs(r).get(LvsKeywords.SORRY_SERVER)).isEqualTo(new ServerAddress(Types.parseAddress("10.0.0.9"), 80));
            assertThat(vs(r).isSet(LvsKeywords.SORRY_SERVER_INHIBIT)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void directRoutedSorryServerGetsTheServicePort() {
            String text = simple("  sorry_server 10.0.0.9 8080\n  sorry_server_lvs_method DR\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "5: warning: WARNING - virtual server [10.0.0.1]:tcp:80 and sorry server ports don't match - resetting");
            assertThat(vs(r).get(LvsKeywords.SORRY_SERVER)).isEqualTo(new ServerAddress(Types.parseAddress("10.0.0.9"), 80));
            assertKeepalivedAgrees(text, r);
        }
    }

    @Nested
    class Scripts {

        @Test
        void firstQuorumUpCounts() {
            String text = "global_defs {\n  enable_script_security\n  script_user root\n}\n"
                    + simple("  quorum_up /bin/true\n  quorum_up /bin/false\n", "").replace("\n", "\n").strip() + "\n";
            LoadResult r = load(text);
            assertThat(messages(r)).contains("10: warning: ([10.0.0.1]:tcp:80) quorum_up script already specified - ignoring /bin/false");
            assertThat(vs(r).get(LvsKeywords.QUORUM_UP).command()).isEqualTo("/bin/true");
        }

        @Test
        void firstNotifyDownCounts() {
            String text = simple("", "    notify_down /bin/true\n    notify_down /bin/false\n");
            LoadResult r = load(text);
            assertThat(messages(r)).contains("7: warning: ([10.0.0.1]:tcp:80) notify_down script already specified - ignoring /bin/false");
            assertThat(rs(r).get(LvsKeywords.RS_NOTIFY_DOWN).command()).isEqualTo("/bin/true");
        }
    }

    @Nested
    class AddressFamilies {

        @Test
        void realServerOfTheOtherFamilyIsSkipped() {
            String text = simple("", "").replace("real_server 10.0.0.2 80 {\n  }\n",
                    "real_server 10.0.0.2 80 {\n  }\n  real_server 2001:db8::2 80 {\n  }\n");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "7: warning: Address family of virtual server and real server 2001:db8::2 don't match - skipping real server");
            assertThat(realServers(r)).hasSize(1);
            // keepalived reports it at the real server's closing brace
            assertKeepalivedAgrees(text, r, 8, 7);
        }

        @Test
        void granularityWithoutDotMakesAFwmarkServiceIpv6() {
            String text = "virtual_server fwmark 1 {\n  lvs_sched rr\n  lvs_method NAT\n  persistence_granularity 24\n"
                    + "  real_server 10.0.0.2 80 {\n  }\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "5: warning: Address family of virtual server and real server 10.0.0.2 don't match - skipping real server",
                    "1: warning: Virtual server FWM 1 has no real servers - ignoring");
            assertThat(virtualServers(r)).isEmpty();
            assertKeepalivedAgrees(text, r, 6, 5);
        }

        @Test
        void fwmarkServiceMayHaveTunnelledServersOfBothFamilies() {
            String text = "virtual_server fwmark 1 {\n  lvs_sched rr\n  lvs_method TUN\n  real_server 10.0.0.2 {\n  }\n"
                    + "  real_server 2001:db8::2 {\n  }\n  sorry_server 10.0.0.9\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(realServers(r)).hasSize(2);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void tunnelledRealServerMayBeOfTheOtherFamily() {
            String text = simple("", "").replace("real_server 10.0.0.2 80 {\n  }\n",
                    "real_server 10.0.0.2 80 {\n  }\n  real_server 2001:db8::2 80 {\n    lvs_method TUN\n  }\n");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(realServers(r)).hasSize(2);
            assertKeepalivedAgrees(text, r);
        }
    }

    // ---- virtual server groups --------------------------------------------------------------------------

    @Nested
    class Groups {

        static final String GROUP = "virtual_server_group G {\n  10.0.0.1 80\n  10.0.0.5-9 80\n}\n";

        static String groupVs(String group, String vsLines) {
            return group + "virtual_server group G {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n" + vsLines
                    + "  real_server 10.0.0.2 80 {\n  }\n}\n";
        }

        @Test
        void groupOfAddressesIsClean() {
            String text = groupVs(GROUP, "");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(ConfigFixture.root(r).blocks(RootKeywords.VIRTUAL_SERVER_GROUP).getFirst().list(LvsKeywords.VSG_ADDRESSES))
                    .extracting(Object::toString).containsExactly("10.0.0.1 80", "10.0.0.5-9 80");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void emptyGroupIsRemovedAndSoIsItsVirtualServerSilently() {
            String text = groupVs("virtual_server_group G {\n}\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "1: warning: virtual server group G has no entries - removing",
                    "3: warning: Virtual server group G specified but not configured - ignoring virtual server [G]:0");
            assertThat(virtualServers(r)).isEmpty();
            assertThat(ConfigFixture.root(r).blocks(RootKeywords.VIRTUAL_SERVER_GROUP)).isEmpty();
            // keepalived reports the empty group at its closing brace
            assertKeepalivedAgrees(text, r, 2, 1);
        }

        @Test
        void missingGroupDropsTheVirtualServerWithoutChangingTheExitStatus() {
            String text = groupVs("", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "1: warning: Virtual server group G specified but not configured - ignoring virtual server [G]:0");
            assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
            assertThat(virtualServers(r)).isEmpty();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void groupOfTheOtherFamilyDropsTheVirtualServerWithoutChangingTheExitStatus() {
            String text = groupVs("virtual_server_group G {\n  fwmark 1 inet6\n}\n", "").replace("  protocol TCP\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("4: warning: G: address family doesn't match virtual server [G]:0 - ignoring");
            assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
            assertThat(virtualServers(r)).isEmpty();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void groupOfBothFamiliesDropsAVirtualServerWithAFamilyWithoutChangingTheExitStatus() {
            String text = groupVs("virtual_server_group G {\n  10.0.0.1 80\n  2001:db8::1 80\n}\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "5: warning: G: virtual server group with IPv4 & IPv6 doesn't match virtual server [G]:0 - ignoring");
            assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
            assertThat(virtualServers(r)).isEmpty();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void fwmarkGroupOfTunnelledServersWithoutFamilyDefaultsToIpv4() {
            String text = groupVs("virtual_server_group G {\n  fwmark 1\n}\n", "").replace("  protocol TCP\n", "")
                    .replace("lvs_method NAT", "lvs_method TUN").replace("real_server 10.0.0.2 80", "real_server 10.0.0.2");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "4: warning: G: Virtual server [G]:0 address family cannot be determined, defaulting to IPv4");
            assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
            assertThat(virtualServers(r)).hasSize(1);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void fwmarkGroupIgnoresTheRealServersPortUnlessNat() {
            String text = groupVs("virtual_server_group G {\n  fwmark 1 inet\n}\n", "").replace("  protocol TCP\n", "")
                    .replace("lvs_method NAT", "lvs_method DR");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "7: warning: WARNING - fwmark virtual server [G]:0, real server [10.0.0.2]:none:80 has port specified - port will be ignored");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void mixedFamiliesWithFwmarkWithoutFamilyIsRemoved() {
            String text = groupVs("virtual_server_group G {\n  10.0.0.1 80\n  2001:db8::1 80\n  fwmark 3\n}\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "1: warning: virtual server group G cannot have IPv4, IPv6 and fwmark without family - removing",
                    "6: warning: Virtual server group G specified but not configured - ignoring virtual server [G]:0");
            assertKeepalivedAgrees(text, r, 5, 1);
        }

        @Test
        void addressWithoutPortMakesTheServicePersistent() {
            String text = groupVs("virtual_server_group G {\n  10.0.0.1\n}\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("4: warning: Virtual server [G]:0: zero port only valid for persistent services - setting");
            assertThat(vs(r).get(LvsKeywords.PERSISTENCE_TIMEOUT)).isEqualTo(360);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void protocolIsIgnoredForAGroupOfFwmarksOnly() {
            String text = groupVs("virtual_server_group G {\n  fwmark 1 inet\n}\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "7: warning: Warning: Virtual server [G]:0: protocol specified for fwmark - protocol will be ignored");
            assertThat(vs(r).isSet(LvsKeywords.PROTOCOL)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void groupMembersAreNumberedInKeepalivedsNames() {
            String text = GROUP + "virtual_server group G {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n"
                    + "  real_server 10.0.0.2 80 {\n  }\n}\n"
                    + "virtual_server group G {\n  lvs_method NAT\n  protocol UDP\n  real_server 10.0.0.2 80 {\n  }\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("12: warning: Virtual server [G]:1: no scheduler set, setting default 'wlc'");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void directRoutedRealServerPortMustMatchTheGroupsPorts() {
            String text = groupVs(GROUP, "").replace("real_server 10.0.0.2 80 {\n", "real_server 10.0.0.2 8080 {\n    lvs_method DR\n");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "9: warning: virtual server [G]:0:[10.0.0.1 80] and real server [10.0.0.2]:tcp:8080 ports don't match",
                    "9: warning: virtual server [G]:0:[10.0.0.5-9 80] and real server [10.0.0.2]:tcp:8080 ports don't match");
            assertKeepalivedAgrees(text, r);
        }
    }

    // ---- validate_check_config -----------------------------------------------------------------------------

    @Nested
    class Validation {

        @Test
        void virtualServerWithoutRealServersIsIgnored() {
            String text = "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("1: warning: Virtual server [10.0.0.1]:tcp:80 has no real servers - ignoring");
            assertThat(virtualServers(r)).isEmpty();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void haSuspendIsClearedForFwmarks() {
            String text = "virtual_server fwmark 7 {\n  lvs_sched rr\n  lvs_method NAT\n  ha_suspend\n"
                    + "  real_server 10.0.0.2 80 {\n  }\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("4: warning: Virtual server FWM 7: cannot use ha_suspend with fwmarks - clearing ha_suspend");
            assertThat(vs(r).isSet(LvsKeywords.HA_SUSPEND)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void missingProtocolDefaultsToUdp() {
            String text = CLEAN.replace("  protocol TCP\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("1: warning: Virtual server [10.0.0.1]:none:80: no protocol set - defaulting to UDP");
            assertThat(vs(r).get(LvsKeywords.PROTOCOL)).isEqualTo("UDP");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void onePacketSchedulingNeedsUdp() {
            String text = simple("  ops\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("5: warning: Virtual server [10.0.0.1]:tcp:80: one packet scheduling requires UDP - resetting");
            assertThat(vs(r).isSet(LvsKeywords.OPS)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void zeroPortIsOnlyForPersistentServices() {
            String text = CLEAN.replace("virtual_server 10.0.0.1 80 {", "virtual_server 10.0.0.1 {");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("1: warning: Virtual server [10.0.0.1]:tcp:0: zero port only valid for persistent services - setting");
            assertThat(vs(r).get(LvsKeywords.PERSISTENCE_TIMEOUT)).isEqualTo(360);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void fwmarkZeroIsReadAsAServiceWithoutAddressOrPort() {
            String text = CLEAN.replace("virtual_server 10.0.0.1 80 {", "virtual_server fwmark 0 {");
            LoadResult r = load(text);
            // keepalived prints garbage for the name of this service; the rule is the same
            assertThat(messages(r)).containsExactly("1: warning: Virtual server FWM 0: zero port only valid for persistent services - setting");
            assertThat(vs(r).get(LvsKeywords.PERSISTENCE_TIMEOUT)).isEqualTo(360);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void zeroPortWithPersistenceIsClean() {
            String text = simple("  persistence_timeout\n", "").replace("virtual_server 10.0.0.1 80 {", "virtual_server 10.0.0.1 0 {");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void protocolIsIgnoredForFwmarks() {
            String text = CLEAN.replace("virtual_server 10.0.0.1 80 {", "virtual_server fwmark 1 {");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("4: warning: Warning: Virtual server FWM 1: protocol specified for fwmark - protocol will be ignored");
            assertThat(vs(r).isSet(LvsKeywords.PROTOCOL)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void missingSchedulerDefaultsToWlc() {
            String text = CLEAN.replace("  lvs_sched rr\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("1: warning: Virtual server [10.0.0.1]:tcp:80: no scheduler set, setting default 'wlc'");
            assertThat(vs(r).get(LvsKeywords.LVS_SCHED)).isEqualTo("wlc");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void missingForwardingMethodDefaultsToNat() {
            String text = CLEAN.replace("  lvs_method NAT\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("1: warning: Virtual server [10.0.0.1]:tcp:80: no forwarding method set, setting default NAT");
            assertThat(vs(r).get(LvsKeywords.LVS_METHOD)).isEqualTo(LvsMethod.of("NAT"));
            assertThat(rs(r).get(LvsKeywords.RS_LVS_METHOD)).isEqualTo(LvsMethod.of("NAT"));
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void realServerTakesTheMethodTheVirtualServerHadWhenItWasRead() {
            String text = "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  protocol TCP\n  lvs_method DR\n"
                    + "  real_server 10.0.0.2 80 {\n  }\n  lvs_method TUN\n  real_server 10.0.0.3 80 {\n  }\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(realServers(r)).extracting(b -> b.get(LvsKeywords.RS_LVS_METHOD))
                    .containsExactly(LvsMethod.of("DR"), LvsMethod.of("TUN"));
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void duplicateRealServerIsRemoved() {
            String text = CLEAN.replace("  }\n}\n", "  }\n  real_server 10.0.0.2 80 {\n    weight 5\n  }\n}\n");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("7: warning: VS [10.0.0.1]:tcp:80: real server [10.0.0.2]:tcp:80 is duplicated - removing second rs");
            assertThat(realServers(r)).hasSize(1);
            assertThat(rs(r).get(LvsKeywords.RS_WEIGHT)).isEqualTo(1L);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void realServerWeightDefaultsToTheVirtualServers() {
            String text = simple("  weight 7\n", "");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(rs(r).get(LvsKeywords.RS_WEIGHT)).isEqualTo(7L);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void quorumAboveTheTotalWeightIsReduced() {
            String text = simple("  quorum 5\n", "    weight 3\n");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "5: warning: Warning - quorum 5 for [10.0.0.1]:tcp:80 exceeds total weight of real servers 3, reducing quorum to 3");
            assertThat(vs(r).get(LvsKeywords.QUORUM)).isEqualTo(3L);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void hysteresisMustBeBelowTheQuorum() {
            String text = simple("  quorum 2\n  hysteresis 2\n", "    weight 2\n");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("6: warning: Virtual server [10.0.0.1]:tcp:80: hysteresis 2 >= quorum 2; setting hysteresis to 1");
            assertThat(vs(r).get(LvsKeywords.HYSTERESIS)).isEqualTo(1L);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void zeroWeightMakesAZeroQuorumAndKeepalivedsWrappedHysteresis() {
            String text = simple("", "    weight 0\n");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "1: warning: Warning - quorum 1 for [10.0.0.1]:tcp:80 exceeds total weight of real servers 0, reducing quorum to 0",
                    "1: warning: Virtual server [10.0.0.1]:tcp:80: hysteresis 0 >= quorum 0; setting hysteresis to 4294967295");
            assertThat(vs(r).get(LvsKeywords.HYSTERESIS)).isEqualTo(4294967295L);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void directRoutedRealServerPortIsResetToTheServicePort() {
            String text = simple("", "    lvs_method DR\n").replace("real_server 10.0.0.2 80", "real_server 10.0.0.2 8080");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "5: warning: WARNING - virtual server [10.0.0.1]:tcp:80 and real server [10.0.0.2]:tcp:8080 ports don't match - resetting");
            assertThat(rs(r).<ServerAddress>head().port()).isEqualTo(80);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void natRealServerWithoutPortGetsTheServicePort() {
            String text = CLEAN.replace("real_server 10.0.0.2 80", "real_server 10.0.0.2");
            LoadResult r = load(text);
            assertThat(messages(r)).isEmpty();
            assertThat(rs(r).<ServerAddress>head().port()).isEqualTo(80);
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void fwmarkRealServerPortIsClearedUnlessNat() {
            String text = "virtual_server fwmark 1 {\n  lvs_sched rr\n  lvs_method DR\n  real_server 10.0.0.2 80 {\n  }\n}\n";
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "4: warning: WARNING - fwmark virtual server FWM 1, real server [10.0.0.2]:none:80 has port specified - clearing");
            assertThat(rs(r).<ServerAddress>head().port()).isZero();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void smtpAlertDefaultsAreOffForTheVirtualServerAndOnForRealServers() {
            LoadResult r = load(CLEAN);
            assertThat(vs(r).get(LvsKeywords.SMTP_ALERT)).isFalse();
            assertThat(rs(r).get(LvsKeywords.RS_SMTP_ALERT)).isTrue();
        }

        @Test
        void globalSmtpAlertIsTheDefault() {
            LoadResult r = load("global_defs {\n  smtp_alert false\n}\n" + CLEAN);
            assertThat(vs(r).get(LvsKeywords.SMTP_ALERT)).isFalse();
            assertThat(rs(r).get(LvsKeywords.RS_SMTP_ALERT)).isFalse();
        }
    }

    // ---- checkers ------------------------------------------------------------------------------------------

    static Block checker(LoadResult r) {
        return rs(r).settings().stream().filter(s -> LvsKeywords.CHECKERS.contains(s.keyword()))
                .map(s -> (Block) s.value()).findFirst().orElseThrow();
    }

    static String withChecker(String checker) {
        return simple("", "    " + checker.replace("\n", "\n    ") + "\n");
    }

    @Nested
    class Checkers {

        @Test
        void connectIpOfTheOtherFamilyThanBindtoIsSkipped() {
            String text = withChecker("TCP_CHECK {\n  bindto 10.0.0.5\n  connect_ip 2001:db8::1\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("8: warning: connect_ip address 2001:db8::1 does not match address family of bindto - skipping");
            assertThat(checker(r).isSet(LvsKeywords.TCP_CHECK_COMMON.connectIp())).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void linkLocalDestinationNeedsBindIf() {
            String text = withChecker("TCP_CHECK {\n  connect_ip fe80::1\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("7: warning: Checker link local address fe80::1 requires a bind_if - ignoring the checker");
            assertThat(rs(r).blocks(LvsKeywords.RS_TCP_CHECK)).isEmpty();
            assertKeepalivedAgrees(text, r, 8, 7);
        }

        @Test
        void checkerTimersAndRetriesComeFromTheRealServerThenTheVirtualServerThenTheCheckersDefaults() {
            String text = simple("  delay_loop 10\n", "    retry 4\n    TCP_CHECK {\n    }\n    HTTP_GET {\n      url {\n        path /\n      }\n    }\n"
                    + "    DNS_CHECK {\n    }\n    MISC_CHECK {\n      misc_path /bin/true\n    }\n");
            LoadResult r = load("global_defs {\n  enable_script_security\n  script_user root\n}\n" + text);
            Block rs = rs(r);
            Block tcp = rs.blocks(LvsKeywords.RS_TCP_CHECK).getFirst();
            assertThat(tcp.get(LvsKeywords.TCP_CHECK_COMMON.retry())).isEqualTo(4L);
            assertThat(tcp.get(LvsKeywords.TCP_CHECK_COMMON.delayLoop())).isEqualTo(Duration.ofSeconds(10));
            assertThat(tcp.get(LvsKeywords.TCP_CHECK_COMMON.warmup())).isEqualTo(Duration.ofSeconds(10));
            assertThat(tcp.get(LvsKeywords.TCP_CHECK_COMMON.delayBeforeRetry())).isEqualTo(Duration.ofSeconds(1));
            assertThat(tcp.get(LvsKeywords.TCP_CHECK_COMMON.connectTimeout())).isEqualTo(Duration.ofSeconds(5));
            Block http = rs.blocks(LvsKeywords.RS_HTTP_GET).getFirst();
            assertThat(http.get(LvsKeywords.HTTP_GET_COMMON.delayBeforeRetry())).isEqualTo(Duration.ofSeconds(3));
            Block dns = rs.blocks(LvsKeywords.RS_DNS_CHECK).getFirst();
            assertThat(dns.get(LvsKeywords.DNS_CHECK_COMMON.delayBeforeRetry())).isEqualTo(Duration.ofSeconds(10));
            Block misc = rs.blocks(LvsKeywords.RS_MISC_CHECK).getFirst();
            assertThat(misc.get(LvsKeywords.MISC_CHECK_COMMON.retry())).isEqualTo(4L);
        }

        @Test
        void checkersOwnRetryDefaults() {
            String text = withChecker("DNS_CHECK {\n}\n    MISC_CHECK {\n  misc_path /bin/true\n}\n    PING_CHECK {\n}");
            LoadResult r = load("global_defs {\n  enable_script_security\n  script_user root\n}\n" + text);
            assertThat(rs(r).blocks(LvsKeywords.RS_DNS_CHECK).getFirst().get(LvsKeywords.DNS_CHECK_COMMON.retry())).isEqualTo(3L);
            assertThat(rs(r).blocks(LvsKeywords.RS_MISC_CHECK).getFirst().get(LvsKeywords.MISC_CHECK_COMMON.retry())).isZero();
            assertThat(rs(r).blocks(LvsKeywords.RS_PING_CHECK).getFirst().get(LvsKeywords.PING_CHECK_COMMON.retry())).isEqualTo(1L);
        }

        @Test
        void httpGetWithoutUrlsIsIgnored() {
            String text = withChecker("HTTP_GET {\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("6: warning: HTTP/SSL_GET checker has no urls specified - ignoring");
            assertThat(rs(r).blocks(LvsKeywords.RS_HTTP_GET)).isEmpty();
            // keepalived 2.2.7 prints the same message at the checker's closing brace, then crashes (exit 139)
            assumeTrue(KeepalivedOracle.available());
            KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
            assertThat(k.lines()).anyMatch(l -> l.contains("Line 7) HTTP/SSL_GET checker has no urls specified - ignoring"));
            assertThat(r.exitStatus()).isEqualTo(ExitStatus.ERRORS);
        }

        @Test
        void urlWithoutPathIsIgnored() {
            String text = withChecker("SSL_GET {\n  url {\n  }\n  url {\n    path /\n  }\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("7: warning: HTTP/SSL_GET checker url has no path - ignoring");
            assertThat(checker(r).blocks(LvsKeywords.SSL_GET_URL)).hasSize(1);
            assertKeepalivedAgrees(text, r, 8, 7);
        }

        @Test
        void urlStatusCodesDefaultTo200To299() {
            LoadResult r = load(withChecker("HTTP_GET {\n  url {\n    path /\n  }\n}"));
            Block url = checker(r).blocks(LvsKeywords.HTTP_GET_URL).getFirst();
            assertThat(url.get(LvsKeywords.URL_STATUS_CODE)).containsExactly(new StatusRange(200, 299));
        }

        @Test
        void statusCodeAndRegexOptionLinesAddUp() {
            LoadResult r = load(withChecker("HTTP_GET {\n  url {\n    path /\n    status_code 200\n    status_code 301-302\n"
                    + "    regex ok\n    regex_options caseless\n    regex_options multiline\n  }\n}"));
            assertThat(messages(r)).isEmpty();
            Block url = checker(r).blocks(LvsKeywords.HTTP_GET_URL).getFirst();
            assertThat(url.get(LvsKeywords.URL_STATUS_CODE)).containsExactly(new StatusRange(200, 200), new StatusRange(301, 302));
            assertThat(url.get(LvsKeywords.URL_REGEX_OPTIONS)).containsExactly("caseless", "multiline");
        }

        @Test
        void firstDigestCounts() {
            String text = withChecker("HTTP_GET {\n  url {\n    path /\n    digest 0123456789abcdef0123456789abcdef\n"
                    + "    digest ffffffffffffffffffffffffffffffff\n  }\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("10: warning: Digest 'ffffffffffffffffffffffffffffffff' is a duplicate - ignoring");
            assertThat(checker(r).blocks(LvsKeywords.HTTP_GET_URL).getFirst().get(LvsKeywords.URL_DIGEST))
                    .isEqualTo("0123456789abcdef0123456789abcdef");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void regexSettingsWithoutRegexAreDroppedQuietly() {
            String text = withChecker("HTTP_GET {\n  url {\n    path /\n    regex_no_match\n  }\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("7: warning: regex parameters specified without regex - ignoring them");
            assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
            assertThat(checker(r).blocks(LvsKeywords.HTTP_GET_URL).getFirst().isSet(LvsKeywords.URL_REGEX_NO_MATCH)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void regexMinimumOffsetNotBelowTheMaximumDropsBoth() {
            String text = withChecker("HTTP_GET {\n  url {\n    path /\n    regex ok\n    regex_min_offset 5\n    regex_max_offset 4\n  }\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("11: warning: regex min offset 5 > regex_max_offset 4 - ignoring both");
            Block url = checker(r).blocks(LvsKeywords.HTTP_GET_URL).getFirst();
            assertThat(url.isSet(LvsKeywords.URL_REGEX_MIN_OFFSET)).isFalse();
            assertThat(url.isSet(LvsKeywords.URL_REGEX_MAX_OFFSET)).isFalse();
            assertThat(url.get(LvsKeywords.URL_REGEX)).isEqualTo("ok");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void alphaAndInhibitOnFailureAreInheritedFromTheVirtualServer() {
            LoadResult r = load(simple("  alpha\n  inhibit_on_failure\n", "    TCP_CHECK {\n    }\n"));
            assertThat(messages(r)).isEmpty();
            assertThat(rs(r).get(LvsKeywords.RS_ALPHA)).isTrue();
            assertThat(rs(r).get(LvsKeywords.RS_INHIBIT_ON_FAILURE)).isTrue();
            assertThat(checker(r).get(LvsKeywords.TCP_CHECK_COMMON.alpha())).isTrue();
        }

        @Test
        void nbGetRetryIsRetryUnderItsOldName() {
            String text = withChecker("HTTP_GET {\n  retry 2\n  nb_get_retry 5\n  url {\n    path /\n  }\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("8: warning: nb_get_retry is deprecated - please use 'retry'");
            assertThat(checker(r).get(LvsKeywords.HTTP_GET_COMMON.retry())).isEqualTo(5L);
            assertThat(checker(r).isSet(LvsKeywords.HTTP_GET_NB_GET_RETRY)).isFalse();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void miscCheckWithoutPathIsSkipped() {
            String text = withChecker("MISC_CHECK {\n  misc_timeout 5\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("6: warning: No script path has been specified for MISC_CHECKER - skipping");
            assertThat(rs(r).blocks(LvsKeywords.RS_MISC_CHECK)).isEmpty();
            assertKeepalivedAgrees(text, r, 8, 6);
        }

        @Test
        void miscCheckOfAnUnknownUserIsRemoved() {
            String text = withChecker("MISC_CHECK {\n  misc_path /bin/true\n  user no_such_user_here\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("8: warning: Failed to set uid/gid for misc checker script '/bin/true' - removing");
            assertThat(rs(r).blocks(LvsKeywords.RS_MISC_CHECK)).isEmpty();
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void twoDynamicMiscCheckersOnOneRealServerAreReported() {
            String text = "global_defs {\n  enable_script_security\n  script_user root\n}\n"
                    + withChecker("MISC_CHECK {\n  misc_path /bin/true\n  misc_dynamic\n}\n    MISC_CHECK {\n  misc_path /bin/false\n  misc_dynamic\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).contains("16: warning: Warning - more than one dynamic misc checker per real server will cause problems");
            assertThat(rs(r).blocks(LvsKeywords.RS_MISC_CHECK)).hasSize(2);
        }

        @Test
        void firstDnsNameCounts() {
            String text = withChecker("DNS_CHECK {\n  name example.com\n  name example.org\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("8: warning: DNS_CHECK name already specified - ignoring");
            assertThat(checker(r).get(LvsKeywords.DNS_NAME)).isEqualTo("example.com");
            assertKeepalivedAgrees(text, r);
        }

        @Test
        void udpMinimumReplyAboveMaximumWillAlwaysFail() {
            String text = withChecker("UDP_CHECK {\n  min_reply_length 300\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("6: warning: UDP_CHECK min_reply length 300 > max_reply_length 255 - will always fail");
            assertThat(rs(r).blocks(LvsKeywords.RS_UDP_CHECK)).hasSize(1);
            assertKeepalivedAgrees(text, r, 8, 6);
        }

        @Test
        void fileCheckNeedsATrackFileDeclaredBefore() {
            String after = withChecker("FILE_CHECK {\n  track_file tf\n}") + "track_file tf {\n  file /tmp/lvs-check-test-tf\n}\n";
            LoadResult r = load(after);
            assertThat(messages(r)).containsSubsequence(
                    "7: warning: track_file tf not found",
                    "6: warning: FILE_CHECK has no track_file specified - ignoring");
            assertThat(rs(r).blocks(LvsKeywords.RS_FILE_CHECK)).isEmpty();
            assertKeepalivedAgrees(after, r, 8, 6);

            String before = "track_file tf {\n  file /tmp/lvs-check-test-tf\n}\n" + withChecker("FILE_CHECK {\n  track_file tf\n}");
            LoadResult ok = load(before);
            assertThat(messages(ok)).noneMatch(m -> m.contains("FILE_CHECK") || m.contains("tf not found"));
            assertThat(rs(ok).blocks(LvsKeywords.RS_FILE_CHECK)).hasSize(1);
        }

        @Test
        void bfdCheckNeedsAName() {
            String text = withChecker("BFD_CHECK {\n  alpha\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("6: warning: ([10.0.0.2]:tcp:80) No name has been specified for BFD_CHECKER - skipping");
            assertKeepalivedAgrees(text, r, 8, 6);
        }

        @Test
        void bfdCheckNeedsABfdInstanceDeclaredBefore() {
            String text = withChecker("BFD_CHECK {\n  name b1\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly("7: warning: ([10.0.0.2]:tcp:80) BFD_CHECK - BFD b1 not configured - skipping checker");
            assertThat(rs(r).blocks(LvsKeywords.RS_BFD_CHECK)).isEmpty();
            assertKeepalivedAgrees(text, r);
        }
    }

    @Nested
    class CheckersOnDeclaredObjects {

        static final String BFD = "bfd_instance b1 {\n  neighbor_ip 10.0.0.2\n}\n";

        @Test
        void bfdCheckOnABfdInstanceDeclaredBeforeIsKept() {
            LoadResult r = load(BFD + withChecker("BFD_CHECK {\n  name b1\n}"));
            assertThat(messages(r)).noneMatch(m -> m.contains("BFD_CHECK"));
            assertThat(rs(r).blocks(LvsKeywords.RS_BFD_CHECK)).hasSize(1);
        }

        @Test
        void realServerMonitorsABfdInstanceOnce() {
            LoadResult r = load(BFD + withChecker("BFD_CHECK {\n  name b1\n}\n    BFD_CHECK {\n  name b1\n}"));
            assertThat(messages(r)).contains("13: warning: ([10.0.0.2]:tcp:80) BFD_CHECK - RS already monitoring b1 - skipping checker");
            assertThat(rs(r).blocks(LvsKeywords.RS_BFD_CHECK)).hasSize(1);
        }

        @Test
        void smtpHostWithLinkLocalAddressNeedsBindIf() {
            String text = withChecker("SMTP_CHECK {\n  host {\n    connect_ip fe80::1\n  }\n}");
            LoadResult r = load(text);
            assertThat(messages(r)).containsExactly(
                    "7: warning: 'host' is deprecated - define more SMTP_CHECKs instead",
                    "8: warning: Checker link local address fe80::1 requires a bind_if - ignoring the checker");
            assertThat(checker(r).blocks(LvsKeywords.SMTP_CHECK_HOST)).isEmpty();
            assertKeepalivedAgrees(text, r, 9, 8);
        }
    }

    // ---- SSL -----------------------------------------------------------------------------------------------

    @Test
    void sslKeywordGivenTwiceReplacesTheFirst() {
        String text = "SSL {\n  ca /etc/a\n  ca /etc/b\n}\n";
        LoadResult r = load(text);
        assertThat(messages(r)).containsExactly("3: warning: SSL cafile already specified - replacing");
        assertThat(ConfigFixture.root(r).section(RootKeywords.SSL).get(LvsKeywords.SSL_CA)).isEqualTo("/etc/b");
        assertKeepalivedAgrees(text, r);
    }

    @Test
    void aSecondSslBlockReplacesTheFirst() {
        String text = "SSL {\n  password a\n}\nSSL {\n  password b\n  password c\n}\n";
        LoadResult r = load(text);
        assertThat(messages(r)).containsExactly("4: warning: SSL context already specified - replacing",
                "6: warning: SSL password already specified - replacing");
        assertThat(ConfigFixture.root(r).blocks(RootKeywords.SSL)).singleElement()
                .extracting(b -> b.get(LvsKeywords.SSL_PASSWORD)).isEqualTo("c");
        assertKeepalivedAgrees(text, r);
    }

    @Test
    void everyFwmarkOfAGroupIsDumpedAndInTheJson() {
        String text = "virtual_server_group G {\n  fwmark 1 inet\n  fwmark 2 inet\n}\n"
                + "virtual_server group G {\n  lvs_sched rr\n  lvs_method DR\n  real_server 10.0.0.2 {\n  }\n}\n";
        LoadResult r = load(text);
        assertThat(messages(r)).isEmpty();
        String dump = io.jkeepalived.config.dump.ConfigDumper.dump(ConfigFixture.root(r));
        assertThat(dump).contains("fwmark 1 inet\n").contains("fwmark 2 inet\n");
        assertThat(messages(load(dump))).isEmpty();
        Object group = ((List<?>) io.jkeepalived.config.dump.ConfigJson.tree(ConfigFixture.root(r)).get("virtual_server_group")).getFirst();
        assertThat(((Map<?, ?>) group).get("fwmark")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);
        assertKeepalivedAgrees(text, r);
    }
}
