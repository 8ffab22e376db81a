package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.root;
import static io.jkeepalived.config.RouteSpecTest.assertKeepalivedAgrees;
import static io.jkeepalived.config.RouteSpecTest.counted;
import static io.jkeepalived.config.RouteSpecTest.keepalivedLines;
import static io.jkeepalived.config.RouteSpecTest.lint;
import static io.jkeepalived.config.RouteSpecTest.load;
import static io.jkeepalived.config.RouteSpecTest.ourLines;
import static io.jkeepalived.config.RouteSpecTest.prefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.RouteName;
import io.jkeepalived.config.value.RuleRange;
import io.jkeepalived.config.value.RuleSpec;
import io.jkeepalived.config.value.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * static_rules / virtual_rules lines: every option keepalived 2.2.7 takes, its messages, and the
 * verdict of {@code keepalived -t} on the same text.
 */
class RuleSpecTest {

    static String rules(String... lines) {
        return "static_rules {\n" + Arrays.stream(lines).map(l -> "  " + l + "\n").collect(Collectors.joining()) + "}\n";
    }

    static List<RuleSpec> staticRules(LoadResult r) {
        return root(r).list(RootKeywords.STATIC_RULES);
    }

    static RuleSpec only(LoadResult r) {
        assertThat(staticRules(r)).hasSize(1);
        return staticRules(r).getFirst();
    }

    static String format(RuleSpec r) {
        return String.join(" ", RuleSpec.type(true).format(r));
    }

    // ---- selectors ------------------------------------------------------------------------------

    @Test
    void fromTableWithPreference() {
        LoadResult r = load(rules("from 10.0.0.0/8 table 100 priority 5"));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r)).isEqualTo(RuleSpec.fromTable(prefix("10.0.0.0/8"), 100, 5L));
        assertThat(format(only(r))).isEqualTo("from 10.0.0.0/8 preference 5 table 100");
        assertKeepalivedAgrees(rules("from 10.0.0.0/8 table 100 priority 5"));
    }

    @Test
    void everySelector() {
        String line = "not from 192.168.28.0/24 to 192.168.29.0/26 table main iif eth0 oif eth1 tos 22 fwmark 24/12"
                + " preference 39 realms 30/20 suppress_prefixlength 5 sup_group 7 tunnel-id 9 uidrange 10000-19999"
                + " protocol 18 ipproto udp sport 10-20 dport 20-30 no_track";
        LoadResult r = load(rules(line));
        assertThat(counted(r)).isEmpty();
        RuleSpec rule = only(r);
        assertThat(rule.not()).isTrue();
        assertThat(rule.to()).isEqualTo(prefix("192.168.29.0/26"));
        assertThat(rule.tos()).isEqualTo(RouteName.of(22));
        assertThat(rule.fwmark()).isEqualTo(24L);
        assertThat(rule.fwmask()).isEqualTo(12L);
        assertThat(rule.realms()).isEqualTo(30L << 16 | 20);
        assertThat(rule.suppressIfgroup()).isEqualTo(RouteName.of(7));
        assertThat(rule.uidrange()).isEqualTo(new RuleRange(10000, 19999));
        assertThat(rule.ipProto()).isEqualTo(new RouteName(17, "udp"));
        assertThat(rule.sport()).isEqualTo(new RuleRange(10, 20));
        assertThat(format(rule)).isEqualTo("not from 192.168.28.0/24 to 192.168.29.0/26 preference 39 tos 22 fwmark 24/12"
                + " iif eth0 oif eth1 suppress_prefixlength 5 suppress_ifgroup 7 tunnel-id 9 uidrange 10000-19999"
                + " protocol 18 ipproto udp sport 10-20 dport 20-30 realms 30/20 table main no_track");
        assertKeepalivedAgrees(rules(line.replace("eth1", "eth0")));
    }

    @Test
    void allAndDefaultMeanNoSelector() {
        LoadResult r = load(rules("from all table 100 priority 5", "from default to 0.0.0.0/0 table 100 priority 6",
                "from 10.0.0.1 table 100 priority 7"));
        assertThat(counted(r)).isEmpty();
        assertThat(staticRules(r)).extracting(RuleSpec::from).containsExactly(null, null, prefix("10.0.0.1/32"));
        assertThat(staticRules(r).get(1).to()).isNull();
    }

    @Test
    void selectorsMustShareAFamily() {
        String text = rules("from 10.0.0.0/8 to 2001:db8::/32 priority 5 table 100",
                "to 10.0.0.0/8 from all priority 5 table 100", "from 10.0.0.0/8 priority 5 table 100 inet6",
                "from 2001:db8::/32 table 100 priority 5 realms 5");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: static_rules: rule specification has mixed IPv4 and IPv6 - ignored",
                "3: static_rules: rule specification has mixed IPv4 and IPv6 - ignored",
                "4: static_rules: inet6 specified for IPv4 rule - ignored",
                "5: static_rules: realms is only valid for IPv4 - ignored");
        assertKeepalivedAgrees(text);
    }

    @Test
    void inet6SwallowsTheNextWordAsKeepalivedDoes() {
        String text = rules("inet6 from 2001:db8::/32 priority 5 table 100", "inet6 x from 2001:db8::/32 priority 5 table 100",
                "inet6 x priority 5 table 100");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: static_rules: Unknown rule option 2001:db8::/32 - ignored");
        assertThat(staticRules(r)).extracting(RuleSpec::ipv6).containsExactly(true, true);
        // an IPv6 rule without addresses is written back with "from ::/0": "inet6" would swallow a word
        assertThat(format(staticRules(r).get(1))).isEqualTo("from ::/0 preference 5 table 100");
        assertKeepalivedAgrees(text);
    }

    @Test
    void badAddressesAndPrefixes() {
        String text = rules("from 10.0.0.0/33 table 100 priority 5", "to 192.168.100./24 table 1 priority 6",
                "from foo table 1 priority 7");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: number '33' outside range [0, 32]",
                "2: Invalid address prefix len 33 for address 10.0.0.0/33 - using 32",
                "3: static_rules: Invalid rule to address 192.168.100./24 - ignored",
                "4: static_rules: Invalid rule from address foo - ignored");
        assertThat(only(r).from()).isEqualTo(prefix("10.0.0.0/32"));
        assertKeepalivedAgrees(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            priority 0x10     | 16
            order 010         | 8
            preference 4294967295 | 4294967295
            """)
    void preferenceIsAnyBaseU32(String option, long priority) {
        LoadResult r = load(rules("from 10.0.0.0/8 table 100 " + option));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).priority()).isEqualTo(priority);
    }

    @Test
    void invalidPreferenceNamesTheKeyword() {
        String text = rules("from 10.0.0.0/8 table 100 priority 4294967296", "from 10.0.0.0/8 table 100 order -1",
                "from 10.0.0.0/8 table 100 preference x");
        LoadResult r = load(text);
        // keepalived 2.2.7 prints the keyword where the value was meant
        assertThat(counted(r)).containsExactly(
                "2: static_rules: Invalid rule preference priority specified (number '4294967296' outside unsigned integer"
                        + " range) - ignored",
                "3: static_rules: Invalid rule preference order specified (negative number '-1') - ignored",
                "4: static_rules: Invalid rule preference preference specified (invalid number 'x') - ignored");
        assertKeepalivedAgrees(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fwmark 5          | 5  |
            fwmark 0x5/0xff   | 5  | 255
            fwmark 5/         | 5  | 0
            fwmark 4294967295 | 4294967295 |
            """)
    void fwmarkWithOptionalMask(String option, long mark, Long mask) {
        LoadResult r = load(rules("from 10.0.0.0/8 table 100 priority 5 " + option));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).fwmark()).isEqualTo(mark);
        assertThat(only(r).fwmask()).isEqualTo(mask);
    }

    @Test
    void invalidFwmarks() {
        String text = rules("from 10.0.0.0/8 table 100 priority 5 fwmark -5", "from 10.0.0.0/8 table 100 priority 5 fwmark 5/-1",
                "from 10.0.0.0/8 table 100 priority 5 fwmark 4294967296", "from 10.0.0.0/8 table 100 priority 5 fwmark 5x",
                "from 10.0.0.0/8 table 100 priority 5 fwmark \"5/ 5\"");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: static_rules: Invalid rule fwmark -5 specified - ignored",
                "3: static_rules: Invalid rule fwmark 5/-1 specified - ignored",
                "4: static_rules: Invalid rule fwmark 4294967296 specified - ignored",
                "5: static_rules: Invalid rule fwmark 5x specified - ignored",
                "6: static_rules: Invalid rule fwmark 5/ 5 specified - ignored");
        assertKeepalivedAgrees(text);
    }

    @Test
    void tosRealmsSuppressorsAndTunnelId() {
        String text = rules("from 10.0.0.0/8 table 100 priority 5 tos foo", "from 10.0.0.0/8 table 100 priority 5 realms foo",
                "from 10.0.0.0/8 table 100 priority 5 suppress_prefixlength -1",
                "from 10.0.0.0/8 table 100 priority 5 sup_pl 2147483648",
                "from 10.0.0.0/8 table 100 priority 5 suppress_ifgroup foo",
                "from 10.0.0.0/8 table 100 priority 5 tunnel-id 0x5",
                "from 10.0.0.0/8 table 100 priority 5 dsfield AF11 sup_group default tunnel-id 18446744073709551615");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: static_rules: TOS value foo is invalid - ignored",
                "3: static_rules: invalid realms foo for rule - ignored",
                "4: static_rules: Invalid suppress_prefixlength suppress_prefixlength specified (negative number '-1')"
                        + " - ignored",
                "5: static_rules: Invalid suppress_prefixlength sup_pl specified (number '2147483648' outside range"
                        + " [0, 2147483647]) - ignored",
                "6: static_rules: suppress_group foo is invalid - ignored",
                "7: static_rules: Invalid tunnel-id tunnel-id specified (invalid number '0x5') - ignored");
        RuleSpec rule = only(r);
        assertThat(rule.tos()).isEqualTo(new RouteName(0x28, "AF11"));
        assertThat(rule.suppressIfgroup()).isEqualTo(new RouteName(0, "default"));
        assertThat(rule.tunnelId()).isEqualTo(-1L);
        assertKeepalivedAgrees(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            uidrange 5-10           | 5          | 10
            uidrange 10-5           | 10         | 5
            uidrange 5-10x          | 5          | 10
            uidrange -5-10          | 4294967291 | 10
            uidrange 4294967296-5   | 0          | 5
            """)
    void uidrangeIsReadBySscanf(String option, long start, long end) {
        LoadResult r = load(rules("from 10.0.0.0/8 table 100 priority 5 " + option));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).uidrange()).isEqualTo(new RuleRange(start, end));
    }

    @Test
    void uidrangeNeedsTwoNumbers() {
        String text = rules("from 10.0.0.0/8 table 100 priority 5 uidrange 5", "from 10.0.0.0/8 table 100 priority 5 uidrange 5-x",
                "from 10.0.0.0/8 table 100 priority 5 uidrange -5-10");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: static_rules: Invalid uidrange uidrange specified - ignored",
                "3: static_rules: Invalid uidrange uidrange specified - ignored");
        assertKeepalivedAgrees(text);
    }

    @Test
    void protocolIpprotoAndPortsAreDroppedNotTheRule() {
        String text = rules("from 10.0.0.0/8 table 100 priority 5 protocol boot",
                "from 10.1.0.0/16 table 100 priority 5 protocol 256", "from 10.2.0.0/16 table 100 priority 5 ipproto 128",
                "from 10.3.0.0/16 table 100 priority 5 ipproto 0x6", "from 10.4.0.0/16 table 100 priority 5 sport 80",
                "from 10.5.0.0/16 table 100 priority 5 dport 65536", "from 10.6.0.0/16 table 100 priority 5 sport x");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: Invalid protocol boot (invalid number 'boot')",
                "3: Invalid protocol 256 (number '256' outside range [0, 255])", "4: Invalid ipproto 128",
                "5: Invalid ipproto 0x6", "6: invalid sport range 80", "7: invalid dport range 65536",
                "8: invalid sport range x");
        assertThat(staticRules(r)).hasSize(7).allSatisfy(rule -> {
            assertThat(rule.protocol()).isNull();
            assertThat(rule.ipProto()).isNull();
            assertThat(rule.sport()).isNull();
            assertThat(rule.dport()).isNull();
        });
        assertKeepalivedAgrees(text);
    }

    @Test
    void ipprotoNamesComeFromEtcProtocols() {
        LoadResult r = load(rules("from 10.0.0.0/8 table 100 priority 5 ipproto tcp",
                "from 10.1.0.0/16 table 100 priority 5 ipproto ipv6-icmp", "from 10.2.0.0/16 table 100 priority 5 ipproto 127",
                "from 10.3.0.0/16 table 100 priority 5 ip_proto 6"));
        assertThat(counted(r)).containsExactly("5: static_rules: Unknown rule option ip_proto - ignored");
        assertThat(staticRules(r)).extracting(RuleSpec::ipProto).containsExactly(new RouteName(6, "tcp"),
                new RouteName(58, "ipv6-icmp"), RouteName.of(127));
    }

    @Test
    void aTrackedRuleUsesKeepalivedsProtocol() {
        String text = rules("from 10.0.0.0/8 table 100 priority 5 protocol 5",
                "from 10.1.0.0/16 table 100 priority 5 protocol 5 no_track", "from 10.2.0.0/16 table 100 priority 5 protocol 18");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
        assertThat(staticRules(r)).extracting(RuleSpec::protocol).containsExactly(null, 5, 18);
        assertKeepalivedAgrees(text);
    }

    // ---- actions ----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lookup 7                | TABLE       | lookup 7
            goto 10                 | GOTO        | goto 10
            type goto 10            | GOTO        | goto 10
            nop                     | NOP         | nop
            blackhole               | BLACKHOLE   | blackhole
            6                       | BLACKHOLE   | blackhole
            type unreachable        | UNREACHABLE | unreachable
            prohibit                | PROHIBIT    | prohibit
            l3mdev                  | TABLE       | l3mdev
            """)
    void actions(String action, RuleSpec.Action expected, String ignored) {
        LoadResult r = load(rules("from 10.0.0.0/8 priority 5 " + action));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).action()).isEqualTo(expected);
        assertThat(only(r).l3mdev()).isEqualTo(action.equals("l3mdev"));
    }

    @Test
    void actionErrors() {
        String text = rules("from 10.0.0.0/8 priority 5", "from 10.0.0.0/8 table 0 priority 5",
                "from 10.0.0.0/8 table foo priority 5", "from 10.0.0.0/8 table 100 table 101 priority 5",
                "from 10.0.0.0/8 priority 5 blackhole table 100", "from 10.0.0.0/8 table 100 priority 5 l3mdev",
                "from 10.0.0.0/8 priority 5 l3mdev table 100", "from 10.0.0.0/8 priority 5 throw",
                "from 10.0.0.0/8 priority 5 foo", "from 10.0.0.0/8 priority 5 goto 5", "from 10.0.0.0/8 goto 10",
                "from 10.0.0.0/8 priority 5 goto x", "from 10.0.0.0/8 priority 5 nop blackhole");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: static_rules: No action specified for rule - ignoring - ignored",
                "3: static_rules: Table 0 is not valid - ignored",
                "4: static_rules: Routing table foo not found for rule - ignored",
                "5: static_rules: Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule"
                        + " - ignored",
                "6: static_rules: Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule"
                        + " - ignored",
                "7: static_rules: Cannot specify l3mdev with other action - ignored",
                "8: static_rules: Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule"
                        + " - ignored",
                "9: static_rules: Invalid rule action throw - ignored",
                "10: static_rules: Unknown rule option foo - ignored",
                "11: static_rules: Invalid rule - preference 5 >= goto target 5 - ignored",
                "12: static_rules: Invalid rule - goto target 10 specified without preference - ignored",
                "13: static_rules: Invalid target goto specified (invalid number 'x') - ignored",
                "14: static_rules: Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev"
                        + " for rule - ignored");
        assertThat(staticRules(r)).isEmpty();
        assertKeepalivedAgrees(text);
    }

    @Test
    void suppressorsAndRealmsNeedATableAction() {
        String text = rules("from 10.0.0.0/8 priority 5 blackhole realms 5",
                "from 10.0.0.0/8 priority 5 blackhole suppress_prefixlength 5", "from 10.0.0.0/8 priority 5 nop sup_group 5",
                "from 10.0.0.0/8 priority 5 l3mdev suppress_prefixlength 5");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: static_rules: suppressor/realm specified for non table action - skipping - ignored",
                "3: static_rules: suppressor/realm specified for non table action - skipping - ignored",
                "4: static_rules: suppressor/realm specified for non table action - skipping - ignored");
        assertThat(only(r).l3mdev()).isTrue();
        assertKeepalivedAgrees(text);
    }

    // ---- preferences ------------------------------------------------------------------------------

    @Test
    void rulesWithoutPreferenceAreNumberedDownPerFamily() {
        String text = rules("from 10.0.0.0/8 table 100", "to 10.0.0.0/8 table 101", "from 2001:db8::/32 table 101",
                "from 10.1.0.0/16 table 102 priority 7");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: Rule has no preference specified - setting to 16384. This is probably not what you want.",
                "3: Rule has no preference specified - setting to 16383. This is probably not what you want.",
                "4: Rule has no preference specified - setting to 16384. This is probably not what you want.");
        assertThat(staticRules(r)).extracting(RuleSpec::priority).containsExactly(16384L, 16383L, 16384L, 7L);
        assertKeepalivedAgrees(text);
    }

    @Test
    void virtualRulesShareTheCounterInFileOrder() {
        String text = """
                static_rules {
                  from 10.0.0.0/8 table 1
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  virtual_ipaddress {
                    192.168.200.16
                  }
                  virtual_rules {
                    from 192.168.200.0/24 table 2
                    from 192.168.201.0/24 table 2 dev ethX
                    from 192.168.202.0/24 table 2 priority 9
                  }
                }
                static_rules {
                  to 10.0.0.0/8 table 1
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).contains(
                "2: Rule has no preference specified - setting to 16384. This is probably not what you want.",
                "11: Rule has no preference specified - setting to 16383. This is probably not what you want.",
                "17: Rule has no preference specified - setting to 16382. This is probably not what you want.");
        List<RuleSpec> vrules = root(r).blocks(RootKeywords.VRRP_INSTANCE).getFirst().list(VrrpKeywords.VIRTUAL_RULES);
        // the rule on a missing interface is the VRRP check's to drop; it takes no number
        assertThat(vrules).extracting(RuleSpec::priority).containsExactly(16383L, null, 9L);
        assumeTrue(KeepalivedOracle.available());
        Set<Integer> theirs = keepalivedLines(KeepalivedOracle.configTest(text, "lb01"));
        assertThat(theirs).containsExactly(2, 11, 12, 17);
        // line 12 (interface ethX for a virtual rule) is reported by the VRRP check
        assertThat(ourLines(r)).containsAll(Set.of(2, 11, 17)).isSubsetOf(theirs);
    }

    // ---- interfaces and track groups ----------------------------------------------------------------

    @Test
    void missingInterfaceDropsTheRule() {
        String text = rules("from 10.0.0.0/8 table 100 priority 5 dev ethX", "from 10.0.0.0/8 table 100 priority 5 oif ethY",
                "from 10.0.0.0/8 table 100 priority 5 iif eth0 oif lo");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: WARNING - interface ethX for rule doesn't exist",
                "3: WARNING - interface ethY for rule doesn't exist");
        assertThat(only(r).iif()).isEqualTo("eth0");
        assertKeepalivedAgrees(text);
    }

    @Test
    void trackGroups() {
        String text = """
                track_group TG {
                  group {
                    VI_1
                  }
                }
                track_group TG3 {
                  group {
                    VI_1
                  }
                }
                static_rules {
                  from 10.1.0.0/16 table 5 priority 5 dev eth0 track_group TG
                  from 10.2.0.0/16 table 5 priority 5 dev eth0 track_group TG no_track
                  from 10.3.0.0/16 table 5 priority 5 track_group TG
                  from 10.4.0.0/16 table 5 priority 5 dev eth0 track_group TG track_group TG3 nop
                  from 10.5.0.0/16 table 5 priority 5 oif eth0 track_group TGX
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  virtual_ipaddress {
                    192.168.200.50
                  }
                  virtual_rules {
                    from 10.9.0.0/16 table 5 priority 5 dev eth0 track_group TG
                  }
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("15: track_group TG3 is a duplicate",
                "25: virtual_rules: Unknown rule option track_group - ignored",
                "14: Static rule cannot have track_group if dev/iif not specified",
                "16: track_group TGX not found");
        assertThat(lint(r)).contains("13: Static rule has both track_group and no_track set - not tracking",
                "15: static_rules: words after the duplicate track_group are ignored: 'nop'");
        assertThat(staticRules(r)).extracting(RuleSpec::trackGroup).containsExactly("TG", "TG", null, "TG", null);
        // keepalived stopped reading the rule at the duplicate, so "nop" was not an action too
        assertThat(staticRules(r).get(3).action()).isEqualTo(RuleSpec.Action.TABLE);
        assumeTrue(KeepalivedOracle.available());
        Set<Integer> theirs = keepalivedLines(KeepalivedOracle.configTest(text, "lb01"));
        assertThat(ourLines(r)).isEqualTo(theirs);
    }

    // ---- the sample configuration -----------------------------------------------------------------------

    @Test
    void sampleKeepalivedConfVrrpRules() throws Exception {
        Path sample = Path.of("/usr/share/doc/keepalived/samples/keepalived.conf.vrrp.rules");
        assumeTrue(Files.isReadable(sample));
        String text = Files.readString(sample);
        LoadResult r = load(text);
        assertThat(counted(r)).contains(
                "10: Rule has no preference specified - setting to 16384. This is probably not what you want.",
                "11: static_rules: Invalid rule to address 192.168.100./24 - ignored",
                "25: Rule has no preference specified - setting to 16383. This is probably not what you want.",
                "26: virtual_rules: Invalid rule to address 192.168.200./24 - ignored");
        assumeTrue(KeepalivedOracle.available());
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        assertThat(k.exitStatus()).isEqualTo(5);
        assertThat(r.exitStatus().code()).isEqualTo(5);
        Set<Integer> theirs = keepalivedLines(k);
        Set<Integer> ours = ourLines(r);
        assertThat(theirs).containsAll(ours);
        // lines 21 and 22: VIPs on eth1 and eth2, which exist in the test host but not where
        // keepalived runs (and are the VRRP check's in any case)
        Set<Integer> rest = new TreeSet<>(theirs);
        rest.removeAll(ours);
        assertThat(rest).isSubsetOf(21, 22);
    }

    // ---- round trip ---------------------------------------------------------------------------------------

    @Test
    void samplesRoundTrip() {
        SplittableRandom random = new SplittableRandom(11);
        for (boolean isStatic : new boolean[] {true, false}) {
            ValueType<RuleSpec> type = RuleSpec.type(isStatic);
            for (int i = 0; i < 2000; i++) {
                RuleSpec v = type.sample(random);
                Diagnostics d = new Diagnostics();
                List<String> words = type.format(v);
                RuleSpec back = type.parse(new Args("static_rules", words.stream().map(RouteSpecTest::unquote).toList(),
                        String.join(" ", words), new SourcePos(Path.of("t"), 1), d));
                assertThat(back).as("%s", words).isEqualTo(v);
                assertThat(d.list()).as("%s", words).allMatch(x -> x.exit() == ExitStatus.OK);
            }
        }
    }
}
