package io.jkeepalived.linux;

import static io.jkeepalived.linux.RoutesTest.in;
import static io.jkeepalived.linux.RoutesTest.ip;
import static io.jkeepalived.linux.RoutesTest.lan;
import static io.jkeepalived.linux.RoutesTest.parseRules;
import static io.jkeepalived.linux.RoutesTest.ruleTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.ConfigFixture;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules of static_rules / virtual_rules, from configuration text to the kernel, compared with
 * what ip(8) makes of the same words in a namespace set up alike ({@code ip -d rule show}).
 * keepalived's defaults written out for ip: protocol 18 on a tracked rule.
 */
class RoutesRulesTest {

    @BeforeAll
    static void root() {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
    }

    static List<Boolean> addAll(NetNs ns, List<RuleSpec> rules) throws Exception {
        return in(ns, rt -> {
            List<Boolean> out = new ArrayList<>();
            for (RuleSpec r : rules) {
                out.add(rt.add(r));
            }
            return out;
        });
    }

    static List<Boolean> deleteAll(NetNs ns, List<RuleSpec> rules) throws Exception {
        return in(ns, rt -> {
            List<Boolean> out = new ArrayList<>();
            for (RuleSpec r : rules.reversed()) {
                out.add(rt.delete(r));
            }
            return out;
        });
    }

    private static Arguments c(String name, String line, String ipCommand) {
        return Arguments.of(name, line, ipCommand);
    }

    static Stream<Arguments> ruleCases() {
        return Stream.of(
                c("from", "from 10.5.0.0/16 table 100 priority 100", "rule add from 10.5.0.0/16 table 100 priority 100 protocol 18"),
                c("to", "to 10.6.0.0/16 table 100 priority 100", "rule add to 10.6.0.0/16 table 100 priority 100 protocol 18"),
                c("from and to, a host", "from 10.5.0.1 to 10.6.0.0/16 lookup 100 preference 100",
                        "rule add from 10.5.0.1 to 10.6.0.0/16 table 100 priority 100 protocol 18"),
                c("from all", "from all table 100 priority 100", "rule add from all table 100 priority 100 protocol 18"),
                c("not", "not from 10.5.0.0/16 table 100 priority 100",
                        "rule add not from 10.5.0.0/16 table 100 priority 100 protocol 18"),
                c("tos", "from 10.5.0.0/16 tos 0x10 table 100 priority 100",
                        "rule add from 10.5.0.0/16 tos 0x10 table 100 priority 100 protocol 18"),
                c("dsfield", "from 10.5.0.0/16 dsfield 0x08 table 100 priority 100",
                        "rule add from 10.5.0.0/16 dsfield 0x08 table 100 priority 100 protocol 18"),
                c("fwmark", "fwmark 0x10 table 100 priority 100", "rule add fwmark 0x10 table 100 priority 100 protocol 18"),
                c("fwmark/mask", "fwmark 0x10/0xff table 100 priority 100",
                        "rule add fwmark 0x10/0xff table 100 priority 100 protocol 18"),
                c("iif", "iif eth0 table 100 priority 100", "rule add iif eth0 table 100 priority 100 protocol 18"),
                c("dev (iif)", "dev eth1 table 100 priority 100", "rule add iif eth1 table 100 priority 100 protocol 18"),
                c("oif", "oif eth1 table 100 priority 100", "rule add oif eth1 table 100 priority 100 protocol 18"),
                c("iif and oif", "from 10.5.0.0/16 iif eth0 oif eth1 table 100 priority 100",
                        "rule add from 10.5.0.0/16 iif eth0 oif eth1 table 100 priority 100 protocol 18"),
                c("table above 255 (FRA_TABLE)", "from 10.5.0.0/16 table 1000 priority 100",
                        "rule add from 10.5.0.0/16 table 1000 priority 100 protocol 18"),
                c("table main by name", "from 10.5.0.0/16 table main priority 100",
                        "rule add from 10.5.0.0/16 table main priority 100 protocol 18"),
                c("goto", "from 10.5.0.0/16 priority 100 goto 200", "rule add from 10.5.0.0/16 priority 100 goto 200 protocol 18"),
                c("nop", "from 10.5.0.0/16 priority 100 nop", "rule add from 10.5.0.0/16 priority 100 nop protocol 18"),
                c("blackhole", "from 10.5.0.0/16 priority 100 blackhole",
                        "rule add from 10.5.0.0/16 priority 100 blackhole protocol 18"),
                c("type unreachable", "from 10.5.0.0/16 priority 100 type unreachable",
                        "rule add from 10.5.0.0/16 priority 100 unreachable protocol 18"),
                c("prohibit", "from 10.5.0.0/16 priority 100 prohibit",
                        "rule add from 10.5.0.0/16 priority 100 prohibit protocol 18"),
                c("realms", "from 10.5.0.0/16 realms 3/4 table 100 priority 100",
                        "rule add from 10.5.0.0/16 realms 3/4 table 100 priority 100 protocol 18"),
                c("suppress_prefixlength", "from all table main suppress_prefixlength 0 priority 100",
                        "rule add from all table main suppress_prefixlength 0 priority 100 protocol 18"),
                c("suppress_ifgroup", "from all table main suppress_ifgroup 5 priority 100",
                        "rule add from all table main suppress_ifgroup 5 priority 100 protocol 18"),
                c("uidrange", "uidrange 1000-2000 table 100 priority 100",
                        "rule add uidrange 1000-2000 table 100 priority 100 protocol 18"),
                c("ipproto, sport, dport", "ipproto 6 sport 1000-2000 dport 80-80 table 100 priority 100",
                        "rule add ipproto 6 sport 1000-2000 dport 80 table 100 priority 100 protocol 18"),
                c("ipproto by name", "ipproto udp dport 53-53 table 100 priority 100",
                        "rule add ipproto udp dport 53 table 100 priority 100 protocol 18"),
                c("tunnel-id", "tunnel-id 42 table 100 priority 100", "rule add tun_id 42 table 100 priority 100 protocol 18"),
                c("l3mdev", "l3mdev priority 100", "rule add l3mdev priority 100 protocol 18"),
                c("protocol of an untracked rule", "from 10.5.0.0/16 table 100 priority 100 protocol 99 no_track",
                        "rule add from 10.5.0.0/16 table 100 priority 100 protocol 99"),
                c("untracked rule without protocol", "from 10.5.0.0/16 table 100 priority 100 no_track",
                        "rule add from 10.5.0.0/16 table 100 priority 100"),
                c("tracked rule: protocol 18 whatever is written", "from 10.5.0.0/16 table 100 priority 100 protocol 99",
                        "rule add from 10.5.0.0/16 table 100 priority 100 protocol 18"),
                c("everything a lookup takes",
                        "not from 10.5.0.0/16 to 10.6.0.0/16 priority 100 tos 0x10 fwmark 7/0xf iif eth0 oif eth1"
                                + " suppress_prefixlength 8 tunnel-id 9 uidrange 10-20 ipproto 17 sport 1-2 dport 3-4"
                                + " realms 5 table 1000",
                        "rule add not from 10.5.0.0/16 to 10.6.0.0/16 priority 100 tos 0x10 fwmark 7/0xf iif eth0"
                                + " oif eth1 suppress_prefixlength 8 tun_id 9 uidrange 10-20 ipproto 17 sport 1-2"
                                + " dport 3-4 realms 5 table 1000 protocol 18"),
                // IPv6
                c("IPv6 from", "from 2001:db8:5::/48 table 100 priority 100",
                        "-6 rule add from 2001:db8:5::/48 table 100 priority 100 protocol 18"),
                c("IPv6 to, table above 255", "to 2001:db8:6::/48 table 70000 priority 100",
                        "-6 rule add to 2001:db8:6::/48 table 70000 priority 100 protocol 18"),
                c("IPv6 without an address", "from ::/0 fwmark 5 table 100 priority 100",
                        "-6 rule add fwmark 5 table 100 priority 100 protocol 18"),
                c("IPv6 unreachable", "from 2001:db8:5::/48 priority 100 unreachable",
                        "-6 rule add from 2001:db8:5::/48 priority 100 unreachable protocol 18"),
                c("IPv6 goto", "from 2001:db8:5::/48 priority 100 goto 300",
                        "-6 rule add from 2001:db8:5::/48 priority 100 goto 300 protocol 18"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void theRuleIsWhatIpMakesOfTheSameWords(String name, String line, String ipCommand) throws Exception {
        List<RuleSpec> rules = parseRules(line);
        assertThat(rules).as("rules read from the configuration").hasSize(1);
        try (NetNs ours = lan("jkru"); NetNs oracle = lan("jkro")) {
            String before = ruleTable(ours);
            assertThat(addAll(ours, rules)).containsExactly(true);
            assertThat(ip(oracle, ipCommand)).as("ip " + ipCommand).isZero();
            assertThat(ruleTable(ours)).isEqualTo(ruleTable(oracle)).isNotEqualTo(before);
            assertThat(addAll(ours, rules)).as("added again (NLM_F_EXCL)").containsExactly(false);
            assertThat(deleteAll(ours, rules)).containsExactly(true);
            assertThat(ruleTable(ours)).as("after deleting").isEqualTo(before);
            assertThat(deleteAll(ours, rules)).as("deleted again").containsExactly(false);
        }
    }

    @Test
    void aRuleWithoutPreferenceGetsKeepalivedsNumber() throws Exception {
        List<RuleSpec> rules = parseRules("from 10.5.0.0/16 table 100", "to 10.6.0.0/16 table 100", "from 2001:db8:5::/48 table 100");
        assertThat(rules).extracting(RuleSpec::priority).containsExactly(16384L, 16383L, 16384L);
        try (NetNs ns = lan("jkru")) {
            addAll(ns, rules);
            assertThat(ns.ipOutput("-4", "rule", "show")).contains(
                    "16383:\tfrom all to 10.6.0.0/16 lookup 100 proto keepalived",
                    "16384:\tfrom 10.5.0.0/16 lookup 100 proto keepalived");
            assertThat(ns.ipOutput("-6", "rule", "show")).contains("16384:\tfrom 2001:db8:5::/48 lookup 100 proto keepalived");
        }
    }

    @Test
    void aDeletionTakesOnlyTheRuleKeepalivedAdded() throws Exception {
        List<RuleSpec> rules = parseRules("from 10.5.0.0/16 table 100 priority 100");
        try (NetNs ns = lan("jkru")) {
            ns.ip("rule", "add", "from", "10.5.0.0/16", "table", "100", "priority", "100");
            assertThat(deleteAll(ns, rules)).as("not ours: protocol boot").containsExactly(false);
            assertThat(ns.ipOutput("rule", "show", "priority", "100")).isEqualTo("100:\tfrom 10.5.0.0/16 lookup 100\n");
        }
    }

    @Test
    void aRuleOnAMissingInterfaceIsKeptDetached() throws Exception {
        // rules name interfaces: the kernel keeps the rule and applies it when the interface comes
        List<RuleSpec> rules = parseRules("iif eth2 table 100 priority 100");
        try (NetNs ns = lan("jkru")) {
            ns.ip("link", "del", "eth2");
            assertThat(addAll(ns, rules)).containsExactly(true);
            assertThat(ns.ipOutput("rule", "show", "priority", "100"))
                    .isEqualTo("100:\tfrom all iif eth2 [detached] lookup 100 proto keepalived\n");
        }
    }

    @Test
    void aGotoBackwardsIsRefusedWithTheRuleNamed() throws Exception {
        // the parser refuses "priority >= goto target"; a rule built by hand reaches the kernel
        RuleSpec r = parseRules("from 10.5.0.0/16 priority 100 goto 200").getFirst().withPriority(300L);
        try (NetNs ns = lan("jkru")) {
            LinuxException e = assertThrows(LinuxException.class, () -> addAll(ns, List.of(r)));
            assertThat(e).hasMessage("add rule " + r + ": Invalid argument (errno 22)");
        }
    }

    @Test
    void virtualRulesOfAnInstanceGoInAndOut() throws Exception {
        String text = """
                vrrp_instance VI_1 {
                  state MASTER
                  interface eth0
                  virtual_router_id 51
                  priority 150
                  virtual_ipaddress {
                    10.0.0.3/24
                  }
                  virtual_rules {
                    from 10.0.0.3 table 1000 priority 100
                    to 2001:db8:9::/64 table 1000 priority 100
                  }
                }
                """;
        List<RuleSpec> rules = ConfigFixture.root(ConfigFixture.load(text)).blocks(RootKeywords.VRRP_INSTANCE).getFirst()
                .list(VrrpKeywords.VIRTUAL_RULES);
        assertThat(rules).hasSize(2);
        try (NetNs ours = lan("jkru"); NetNs oracle = lan("jkro")) {
            String before = ruleTable(ours);
            assertThat(addAll(ours, rules)).containsOnly(true);
            assertThat(ip(oracle, "rule add from 10.0.0.3 table 1000 priority 100 protocol 18")).isZero();
            assertThat(ip(oracle, "-6 rule add to 2001:db8:9::/64 table 1000 priority 100 protocol 18")).isZero();
            assertThat(ruleTable(ours)).isEqualTo(ruleTable(oracle));
            assertThat(deleteAll(ours, rules)).containsOnly(true);
            assertThat(ruleTable(ours)).isEqualTo(before);
        }
    }
}
