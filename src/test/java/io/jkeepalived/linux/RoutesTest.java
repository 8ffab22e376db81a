package io.jkeepalived.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.ConfigFixture;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.RouteMetrics;
import io.jkeepalived.config.value.RouteNexthop;
import io.jkeepalived.config.value.RoutePrefix;
import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.RuleSpec;
import io.jkeepalived.config.value.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Routes of static_routes / virtual_routes, from configuration text to the kernel: each line is
 * read by the real configuration front end, added through {@link Routes} in a namespace of its
 * own, and the routing tables ({@code ip -d route show table all}) compared with a second
 * namespace, set up alike, where ip(8) added the same route with keepalived's defaults written
 * out (protocol 18, scope global, table main). Then the route is deleted through our code and
 * the table must be as before, and deleting it again says it was not there.
 */
class RoutesTest {

    @BeforeAll
    static void root() {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
    }

    // ---- fixtures shared with the other Routes*Test classes --------------------------------

    /**
     * A namespace with the interfaces the config fixture knows: eth0..eth2, each a veth whose
     * peer (peer0..peer2) stays in the namespace; eth0 10.0.0.2/24 and 2001:db8::2/64, eth1
     * 10.1.1.2/24 and 2001:db8:1::2/64, eth2 10.2.2.2/24. All up.
     */
    static NetNs lan(String prefix) throws Exception {
        NetNs ns = NetNs.create(prefix);
        try {
            String[][] addresses = {
                {"10.0.0.2/24", "2001:db8::2/64"}, {"10.1.1.2/24", "2001:db8:1::2/64"}, {"10.2.2.2/24", null}};
            for (int i = 0; i < 3; i++) {
                ns.ip("link", "add", "eth" + i, "type", "veth", "peer", "name", "peer" + i);
                ns.ip("addr", "add", addresses[i][0], "dev", "eth" + i);
                if (addresses[i][1] != null) {
                    ns.ip("addr", "add", addresses[i][1], "dev", "eth" + i, "nodad");
                }
                ns.ip("link", "set", "eth" + i, "up");
                ns.ip("link", "set", "peer" + i, "up");
            }
            return ns;
        } catch (Exception e) {
            ns.close();
            throw e;
        }
    }

    /** Both routing tables of {@code ns}, IPv4 then IPv6, with what differs between two namespaces set up alike blanked. */
    static String routeTable(NetNs ns) throws Exception {
        String text = ns.ipOutput("-4", "-d", "route", "show", "table", "all") + ns.ipOutput("-6", "-d", "route", "show", "table", "all");
        return text.lines()
                .filter(l -> !l.matches(".*fe80::[0-9a-f].*"))      // link-local addresses come from random MACs
                .map(l -> l.replaceAll("expires \\d+sec", "expires Nsec").stripTrailing())
                .collect(Collectors.joining("\n"));
    }

    /** Both rule lists of {@code ns}, IPv4 then IPv6. */
    static String ruleTable(NetNs ns) throws Exception {
        return ns.ipOutput("-4", "-d", "rule", "show") + ns.ipOutput("-6", "-d", "rule", "show");
    }

    /** The static_routes lines as the configuration front end reads them. */
    static List<RouteSpec> parseRoutes(String... lines) {
        LoadResult r = ConfigFixture.load(block("static_routes", lines));
        return ConfigFixture.root(r).list(RootKeywords.STATIC_ROUTES);
    }

    /** The static_rules lines as the configuration front end reads them. */
    static List<RuleSpec> parseRules(String... lines) {
        LoadResult r = ConfigFixture.load(block("static_rules", lines));
        return ConfigFixture.root(r).list(RootKeywords.STATIC_RULES);
    }

    static String block(String name, String... lines) {
        return name + " {\n" + Arrays.stream(lines).map(l -> "  " + l + "\n").collect(Collectors.joining()) + "}\n";
    }

    /** Something done with a {@link Routes} opened on the namespace's thread. */
    @FunctionalInterface
    interface WithRoutes<T> {
        T apply(Routes routes) throws Exception;
    }

    static <T> T in(NetNs ns, WithRoutes<T> task) throws Exception {
        return ns.call(() -> {
            try (Routes routes = new Routes()) {
                return task.apply(routes);
            }
        });
    }

    /** Runs ip(8) in {@code ns} with the words of {@code command}; returns its exit status. */
    static int ip(NetNs ns, String command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns.name()));
        cmd.addAll(List.of(command.trim().split("\\s+")));
        return NetNs.run(cmd.toArray(String[]::new));
    }

    static List<Boolean> addAll(NetNs ns, List<RouteSpec> routes) throws Exception {
        return in(ns, rt -> {
            List<Boolean> out = new ArrayList<>();
            for (RouteSpec r : routes) {
                out.add(rt.add(r, Libc::ifNameToIndex));
            }
            return out;
        });
    }

    static List<Boolean> deleteAll(NetNs ns, List<RouteSpec> routes) throws Exception {
        return in(ns, rt -> {
            List<Boolean> out = new ArrayList<>();
            for (RouteSpec r : routes.reversed()) {
                out.add(rt.delete(r, Libc::ifNameToIndex));
            }
            return out;
        });
    }

    // ---- every option, against ip(8) -------------------------------------------------------

    /** A case: configuration lines (separated by " | ") and the ip(8) commands that do the same. */
    private static Arguments c(String name, String lines, String ipCommands) {
        return Arguments.of(name, lines, ipCommands);
    }

    static Stream<Arguments> routeCases() {
        return Stream.of(
                // destinations, gateways, interfaces
                c("dev: scope global, not ip's link", "10.9.0.0/16 dev eth0",
                        "route add 10.9.0.0/16 dev eth0 proto 18 scope global"),
                c("via and dev", "10.9.0.0/16 via 10.0.0.1 dev eth0",
                        "route add 10.9.0.0/16 via 10.0.0.1 dev eth0 proto 18"),
                c("via without dev", "10.9.0.0/16 via 10.0.0.1",
                        "route add 10.9.0.0/16 via 10.0.0.1 proto 18"),
                c("default", "default via 10.1.1.1 dev eth1",
                        "route add default via 10.1.1.1 dev eth1 proto 18"),
                c("host route", "10.9.9.9 dev eth0", "route add 10.9.9.9/32 dev eth0 proto 18 scope global"),
                c("src", "10.9.0.0/16 src 10.0.0.2 dev eth0",
                        "route add 10.9.0.0/16 src 10.0.0.2 dev eth0 proto 18 scope global"),
                c("onlink", "10.9.0.0/16 via 192.168.50.1 dev eth0 onlink",
                        "route add 10.9.0.0/16 via 192.168.50.1 dev eth0 onlink proto 18"),
                // tables
                c("table 100", "10.9.0.0/16 dev eth0 table 100",
                        "route add 10.9.0.0/16 dev eth0 table 100 proto 18 scope global"),
                c("table above 255 (RTA_TABLE)", "10.9.0.0/16 via 10.0.0.1 dev eth0 table 1000",
                        "route add 10.9.0.0/16 via 10.0.0.1 dev eth0 table 1000 proto 18"),
                c("table by name", "10.9.0.0/16 dev eth0 table local",
                        "route add 10.9.0.0/16 dev eth0 table local proto 18 scope global"),
                // protocol, scope, metric, tos, realms
                c("protocol number (untracked)", "10.9.0.0/16 dev eth0 protocol 99 no_track",
                        "route add 10.9.0.0/16 dev eth0 proto 99 scope global"),
                c("protocol name (untracked)", "10.9.0.0/16 dev eth0 protocol static no_track",
                        "route add 10.9.0.0/16 dev eth0 proto static scope global"),
                c("tracked route: protocol 18 whatever is written", "10.9.0.0/16 dev eth0 protocol 99",
                        "route add 10.9.0.0/16 dev eth0 proto 18 scope global"),
                c("scope link", "10.9.0.0/16 dev eth0 scope link",
                        "route add 10.9.0.0/16 dev eth0 proto 18 scope link"),
                c("scope host", "10.9.0.0/16 dev eth0 scope host",
                        "route add 10.9.0.0/16 dev eth0 proto 18 scope host"),
                c("metric", "10.9.0.0/16 dev eth0 metric 50",
                        "route add 10.9.0.0/16 dev eth0 metric 50 proto 18 scope global"),
                c("preference (metric)", "10.9.0.0/16 dev eth0 preference 51",
                        "route add 10.9.0.0/16 dev eth0 metric 51 proto 18 scope global"),
                c("tos", "10.9.0.0/16 dev eth0 tos 0x10",
                        "route add 10.9.0.0/16 dev eth0 tos 0x10 proto 18 scope global"),
                c("realms from/to", "10.9.0.0/16 dev eth0 realms 3/4",
                        "route add 10.9.0.0/16 dev eth0 realms 3/4 proto 18 scope global"),
                c("realms to", "10.9.0.0/16 dev eth0 realms 5",
                        "route add 10.9.0.0/16 dev eth0 realms 5 proto 18 scope global"),
                c("ttl-propagate (accepted, ignored for IPv4)", "10.9.0.0/16 dev eth0 ttl-propagate enabled",
                        "route add 10.9.0.0/16 dev eth0 ttl-propagate enabled proto 18 scope global"),
                // RTA_METRICS
                c("mtu", "10.9.0.0/16 dev eth0 mtu 1400", "route add 10.9.0.0/16 dev eth0 mtu 1400 proto 18 scope global"),
                c("mtu lock", "10.9.0.0/16 dev eth0 mtu lock 1400",
                        "route add 10.9.0.0/16 dev eth0 mtu lock 1400 proto 18 scope global"),
                c("hoplimit", "10.9.0.0/16 dev eth0 hoplimit 32",
                        "route add 10.9.0.0/16 dev eth0 hoplimit 32 proto 18 scope global"),
                c("advmss lock", "10.9.0.0/16 dev eth0 advmss lock 1300",
                        "route add 10.9.0.0/16 dev eth0 advmss lock 1300 proto 18 scope global"),
                c("rtt", "10.9.0.0/16 dev eth0 rtt 300ms", "route add 10.9.0.0/16 dev eth0 rtt 300ms proto 18 scope global"),
                c("rtt lock in seconds", "10.9.0.0/16 dev eth0 rtt lock 1.5s",
                        "route add 10.9.0.0/16 dev eth0 rtt lock 1500ms proto 18 scope global"),
                c("rttvar lock", "10.9.0.0/16 dev eth0 rttvar lock 250ms",
                        "route add 10.9.0.0/16 dev eth0 rttvar lock 250ms proto 18 scope global"),
                c("reordering lock", "10.9.0.0/16 dev eth0 reordering lock 5",
                        "route add 10.9.0.0/16 dev eth0 reordering lock 5 proto 18 scope global"),
                c("window", "10.9.0.0/16 dev eth0 window 65535",
                        "route add 10.9.0.0/16 dev eth0 window 65535 proto 18 scope global"),
                c("cwnd lock", "10.9.0.0/16 dev eth0 cwnd lock 10",
                        "route add 10.9.0.0/16 dev eth0 cwnd lock 10 proto 18 scope global"),
                c("ssthresh lock", "10.9.0.0/16 dev eth0 ssthresh lock 20",
                        "route add 10.9.0.0/16 dev eth0 ssthresh lock 20 proto 18 scope global"),
                // ip always locks rto_min (TCP only uses a locked one) and has no "lock" word for it
                c("rto_min lock", "10.9.0.0/16 dev eth0 rto_min lock 300ms",
                        "route add 10.9.0.0/16 dev eth0 rto_min 300ms proto 18 scope global"),
                c("initcwnd", "10.9.0.0/16 dev eth0 initcwnd 12",
                        "route add 10.9.0.0/16 dev eth0 initcwnd 12 proto 18 scope global"),
                c("initrwnd", "10.9.0.0/16 dev eth0 initrwnd 14",
                        "route add 10.9.0.0/16 dev eth0 initrwnd 14 proto 18 scope global"),
                c("features ecn", "10.9.0.0/16 dev eth0 features ecn",
                        "route add 10.9.0.0/16 dev eth0 features ecn proto 18 scope global"),
                c("quickack", "10.9.0.0/16 dev eth0 quickack 1",
                        "route add 10.9.0.0/16 dev eth0 quickack 1 proto 18 scope global"),
                c("congctl", "10.9.0.0/16 dev eth0 congctl cubic",
                        "route add 10.9.0.0/16 dev eth0 congctl cubic proto 18 scope global"),
                c("congctl lock", "10.9.0.0/16 dev eth0 congctl lock bbr",
                        "route add 10.9.0.0/16 dev eth0 congctl lock bbr proto 18 scope global"),
                c("fastopen_no_cookie", "10.9.0.0/16 dev eth0 fastopen_no_cookie 1",
                        "route add 10.9.0.0/16 dev eth0 fastopen_no_cookie 1 proto 18 scope global"),
                c("every metric at once",
                        "10.9.0.0/16 via 10.0.0.1 dev eth0 mtu lock 1400 hoplimit 9 advmss 1300 rtt 400ms rttvar 300ms"
                                + " reordering 4 window 1000 cwnd lock 7 ssthresh 8 rto_min lock 250ms initcwnd 3 initrwnd 4"
                                + " features ecn quickack 0 congctl lock cubic fastopen_no_cookie 0",
                        "route add 10.9.0.0/16 via 10.0.0.1 dev eth0 mtu lock 1400 hoplimit 9 advmss 1300 rtt 400ms"
                                + " rttvar 300ms reordering 4 window 1000 cwnd lock 7 ssthresh 8 rto_min 250ms initcwnd 3"
                                + " initrwnd 4 features ecn quickack 0 congctl lock cubic fastopen_no_cookie 0 proto 18"),
                // route types
                c("unicast written", "unicast 10.9.0.0/16 dev eth0",
                        "route add unicast 10.9.0.0/16 dev eth0 proto 18 scope global"),
                c("blackhole", "blackhole 10.9.0.0/16", "route add blackhole 10.9.0.0/16 proto 18"),
                c("unreachable", "unreachable 10.9.0.0/16", "route add unreachable 10.9.0.0/16 proto 18"),
                c("prohibit", "prohibit 10.9.0.0/16 metric 7", "route add prohibit 10.9.0.0/16 metric 7 proto 18"),
                c("throw", "throw 10.9.0.0/16 table 100", "route add throw 10.9.0.0/16 table 100 proto 18"),
                c("local with scope host, in main as keepalived does", "local 10.9.9.9 dev eth0 scope host",
                        "route add local 10.9.9.9 dev eth0 table main proto 18 scope host"),
                c("broadcast with scope link", "broadcast 10.9.255.255 dev eth0 scope link",
                        "route add broadcast 10.9.255.255 dev eth0 table main proto 18 scope link"),
                c("anycast with scope link", "anycast 10.9.9.9 dev eth0 scope link",
                        "route add anycast 10.9.9.9 dev eth0 table main proto 18 scope link"),
                c("multicast", "multicast 239.1.0.0/16 dev eth0",
                        "route add multicast 239.1.0.0/16 dev eth0 table main proto 18 scope global"),
                // encapsulation (lightweight tunnels)
                c("encap ip", "10.9.0.0/16 dev eth0 encap ip id 42 dst 10.0.0.9 src 10.0.0.2 tos 0x10 ttl 5",
                        "route add 10.9.0.0/16 encap ip id 42 dst 10.0.0.9 src 10.0.0.2 tos 0x10 ttl 5 dev eth0 proto 18"
                                + " scope global"),
                // keepalived writes the flags number in host order: on x86 "flags 256" is ip's csum (TUNNEL_CSUM, be16 1)
                c("encap ip flags, host order", "10.9.0.0/16 dev eth0 encap ip dst 10.0.0.9 flags 256",
                        "route add 10.9.0.0/16 encap ip dst 10.0.0.9 csum dev eth0 proto 18 scope global"),
                c("encap ip6", "2001:db8:9::/64 dev eth0 encap ip6 id 7 dst 2001:db8::9 src 2001:db8::2 tc 0x10 hoplimit 3",
                        "route add 2001:db8:9::/64 encap ip6 id 7 dst 2001:db8::9 src 2001:db8::2 tc 0x10 hoplimit 3"
                                + " dev eth0 proto 18"),
                // add, append, prepend
                c("prepend by default (no NLM_F_EXCL)", "10.9.0.0/16 via 10.0.0.1 dev eth0 | 10.9.0.0/16 via 10.1.1.1 dev eth1",
                        "route add 10.9.0.0/16 via 10.0.0.1 dev eth0 proto 18 | route prepend 10.9.0.0/16 via 10.1.1.1 dev eth1"
                                + " proto 18"),
                c("append", "10.9.0.0/16 via 10.0.0.1 dev eth0 | 10.9.0.0/16 via 10.1.1.1 dev eth1 append",
                        "route add 10.9.0.0/16 via 10.0.0.1 dev eth0 proto 18 | route append 10.9.0.0/16 via 10.1.1.1 dev eth1"
                                + " proto 18"),
                c("add beside a route of another metric", "10.9.0.0/16 via 10.0.0.1 dev eth0 | 10.9.0.0/16 via 10.1.1.1 dev eth1"
                                + " metric 5 add",
                        "route add 10.9.0.0/16 via 10.0.0.1 dev eth0 proto 18 | route add 10.9.0.0/16 via 10.1.1.1 dev eth1"
                                + " metric 5 proto 18"),
                // multipath
                c("nexthops with weights", "10.9.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 2 nexthop via 10.1.1.1 dev eth1 weight 3",
                        "route add 10.9.0.0/16 proto 18 nexthop via 10.0.0.1 dev eth0 weight 2"
                                + " nexthop via 10.1.1.1 dev eth1 weight 3"),
                c("nexthop weight 256", "10.9.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 256 nexthop via 10.1.1.1 dev eth1",
                        "route add 10.9.0.0/16 proto 18 nexthop via 10.0.0.1 dev eth0 weight 256 nexthop via 10.1.1.1 dev eth1"),
                c("nexthops onlink and realms",
                        "10.9.0.0/16 nexthop via 192.168.50.1 dev eth0 onlink realms 3/4 nexthop via 10.1.1.1 dev eth1 realms 9",
                        "route add 10.9.0.0/16 proto 18 nexthop via 192.168.50.1 dev eth0 onlink realms 3/4"
                                + " nexthop via 10.1.1.1 dev eth1 realms 9"),
                c("nexthops by device only", "10.9.0.0/16 nexthop dev eth0 nexthop dev eth1",
                        "route add 10.9.0.0/16 proto 18 nexthop dev eth0 nexthop dev eth1"),
                c("nexthop encap ip", "10.9.0.0/16 nexthop via 10.0.0.1 dev eth0 encap ip id 5 dst 10.0.0.7"
                                + " nexthop via 10.1.1.1 dev eth1",
                        "route add 10.9.0.0/16 proto 18 nexthop encap ip id 5 dst 10.0.0.7 via 10.0.0.1 dev eth0"
                                + " nexthop via 10.1.1.1 dev eth1"),
                c("multipath with table and metric",
                        "10.9.0.0/16 table 1000 metric 9 nexthop via 10.0.0.1 dev eth0 nexthop via 10.1.1.1 dev eth1",
                        "route add 10.9.0.0/16 table 1000 metric 9 proto 18 nexthop via 10.0.0.1 dev eth0"
                                + " nexthop via 10.1.1.1 dev eth1"),
                c("via A or B (deprecated)", "10.9.0.0/16 via 10.0.0.1 or 10.1.1.1",
                        "route add 10.9.0.0/16 proto 18 nexthop via 10.0.0.1 nexthop via 10.1.1.1"),
                c("via A or B, B IPv6 (RTA_VIA in the next hop)", "10.9.0.0/16 via 10.0.0.1 or 2001:db8::1",
                        "route add 10.9.0.0/16 proto 18 nexthop via 10.0.0.1 nexthop via inet6 2001:db8::1"),
                // IPv6
                c("IPv6 dev", "2001:db8:9::/64 dev eth0", "route add 2001:db8:9::/64 dev eth0 proto 18"),
                c("IPv6 via", "2001:db8:9::/64 via 2001:db8::1 dev eth0",
                        "route add 2001:db8:9::/64 via 2001:db8::1 dev eth0 proto 18"),
                c("IPv6 default", "default via 2001:db8:1::1 dev eth1", "route add default via 2001:db8:1::1 dev eth1 proto 18"),
                c("IPv6 from (source routing)", "2001:db8:9::/64 from 2001:db8:7::/64 via 2001:db8::1 dev eth0",
                        "route add 2001:db8:9::/64 from 2001:db8:7::/64 via 2001:db8::1 dev eth0 proto 18"),
                c("IPv6 src", "2001:db8:9::/64 src 2001:db8::2 dev eth0",
                        "route add 2001:db8:9::/64 src 2001:db8::2 dev eth0 proto 18"),
                c("IPv6 metric and table above 255", "2001:db8:9::/64 dev eth0 metric 5 table 70000",
                        "route add 2001:db8:9::/64 dev eth0 metric 5 table 70000 proto 18"),
                c("IPv6 expires", "2001:db8:9::/64 dev eth0 expires 300",
                        "route add 2001:db8:9::/64 dev eth0 expires 300 proto 18"),
                c("IPv6 pref high", "2001:db8:9::/64 via 2001:db8::1 dev eth0 pref high",
                        "route add 2001:db8:9::/64 via 2001:db8::1 dev eth0 pref high proto 18"),
                c("IPv6 pref low", "2001:db8:9::/64 dev eth0 pref low", "route add 2001:db8:9::/64 dev eth0 pref low proto 18"),
                c("IPv6 mtu and hoplimit", "2001:db8:9::/64 dev eth0 mtu 1400 hoplimit 7",
                        "route add 2001:db8:9::/64 dev eth0 mtu 1400 hoplimit 7 proto 18"),
                c("IPv6 blackhole", "blackhole 2001:db8:9::/64", "route add blackhole 2001:db8:9::/64 proto 18"),
                c("IPv6 unreachable", "unreachable 2001:db8:9::/64", "route add unreachable 2001:db8:9::/64 proto 18"),
                c("IPv6 prohibit", "prohibit 2001:db8:9::/64", "route add prohibit 2001:db8:9::/64 proto 18"),
                c("IPv6 throw", "throw 2001:db8:9::/64 table 100", "route add throw 2001:db8:9::/64 table 100 proto 18"),
                c("IPv6 local", "local 2001:db8:9::1 dev eth0", "route add local 2001:db8:9::1 dev eth0 table main proto 18"),
                c("IPv6 multipath", "2001:db8:9::/64 nexthop via 2001:db8::1 dev eth0 nexthop via 2001:db8:1::1 dev eth1",
                        "route add 2001:db8:9::/64 proto 18 nexthop via 2001:db8::1 dev eth0 nexthop via 2001:db8:1::1 dev eth1"),
                c("IPv6 append", "2001:db8:9::/64 via 2001:db8::1 dev eth0 | 2001:db8:9::/64 via 2001:db8:1::1 dev eth1 append",
                        "route add 2001:db8:9::/64 via 2001:db8::1 dev eth0 proto 18"
                                + " | route append 2001:db8:9::/64 via 2001:db8:1::1 dev eth1 proto 18"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeCases")
    void theRouteIsWhatIpMakesOfTheSameWords(String name, String lines, String ipCommands) throws Exception {
        List<RouteSpec> routes = parseRoutes(lines.split(" \\| "));
        assertThat(routes).as("routes read from the configuration").hasSize(lines.split(" \\| ").length);
        try (NetNs ours = lan("jkrt"); NetNs oracle = lan("jkro")) {
            String before = routeTable(ours);
            assertThat(addAll(ours, routes)).as("added").containsOnly(true);
            for (String cmd : ipCommands.split(" \\| ")) {
                assertThat(ip(oracle, cmd)).as("ip " + cmd).isZero();
            }
            assertThat(routeTable(ours)).isEqualTo(routeTable(oracle)).isNotEqualTo(before);
            assertThat(deleteAll(ours, routes)).as("deleted").containsOnly(true);
            assertThat(routeTable(ours)).as("after deleting").isEqualTo(before);
            assertThat(deleteAll(ours, routes)).as("deleted again").containsOnly(false);
        }
    }

    // ---- what only the expected text can show ---------------------------------------------------

    @Test
    void rtoMinWithoutLockIsSentUnlockedUnlikeIp() throws Exception {
        // keepalived locks rto_min only when told; ip(8) always does, so it cannot write this route
        List<RouteSpec> routes = parseRoutes("10.9.0.0/16 dev eth0 rto_min 300ms");
        try (NetNs ns = lan("jkrt")) {
            addAll(ns, routes);
            assertThat(ns.ipOutput("route", "show", "10.9.0.0/16"))
                    .isEqualTo("10.9.0.0/16 dev eth0 proto keepalived rto_min 300ms \n");
        }
    }

    @Test
    void anIpv4RouteViaAnIpv6GatewayUsesRtaVia() throws Exception {
        // keepalived 2.2.7's parser refuses "via inet6" on an IPv4 route; netlink_route still
        // writes RTA_VIA for it, so the route is built here rather than read
        RouteSpec base = parseRoutes("10.9.0.0/16 dev eth0").getFirst();
        RouteSpec r = new RouteSpec(null, base.dst(), null, null, null, null, Types.parseAddress("2001:db8::1"), "eth0",
                null, null, null, null, false, null, null, RouteMetrics.NONE, null, null, null, null, List.of(), false,
                null, null);
        try (NetNs ours = lan("jkrt"); NetNs oracle = lan("jkro")) {
            addAll(ours, List.of(r));
            assertThat(ip(oracle, "route add 10.9.0.0/16 via inet6 2001:db8::1 dev eth0 proto 18")).isZero();
            assertThat(routeTable(ours)).isEqualTo(routeTable(oracle)).contains("via inet6 2001:db8::1 dev eth0");
            assertThat(deleteAll(ours, List.of(r))).containsExactly(true);
        }
    }

    @Test
    void aNexthopViaTheOtherFamilyUsesRtaVia() throws Exception {
        RoutePrefix dst = parseRoutes("10.9.0.0/16 dev eth0").getFirst().dst();
        RouteSpec r = RouteSpec.of(dst, null).withNexthops(List.of(
                new RouteNexthop(Types.parseAddress("2001:db8::1"), "eth0", 2, false, null, null),
                new RouteNexthop(Types.parseAddress("10.1.1.1"), "eth1", null, false, null, null)));
        try (NetNs ours = lan("jkrt"); NetNs oracle = lan("jkro")) {
            addAll(ours, List.of(r));
            assertThat(ip(oracle, "route add 10.9.0.0/16 proto 18 nexthop via inet6 2001:db8::1 dev eth0 weight 2"
                    + " nexthop via 10.1.1.1 dev eth1")).isZero();
            assertThat(routeTable(ours)).isEqualTo(routeTable(oracle)).contains("nexthop via inet6 2001:db8::1 dev eth0 weight 2");
        }
    }

    // ---- keepalived's defaults the kernel refuses, and other failures ------------------------

    static Stream<Arguments> refusedCases() {
        return Stream.of(
                // keepalived sends scope universe unless told: the kernel wants host for local, link for broadcast
                c("local without scope", "local 10.9.9.9 dev eth0",
                        "route add local 10.9.9.9 dev eth0 table main proto 18 scope global"),
                c("broadcast without scope", "broadcast 10.9.255.255 dev eth0",
                        "route add broadcast 10.9.255.255 dev eth0 table main proto 18 scope global"),
                c("nat (gone from Linux)", "nat 10.9.0.0/16 dev eth0 scope host",
                        "route add nat 10.9.0.0/16 dev eth0 table main proto 18 scope host"),
                c("gateway not on a link", "10.9.0.0/16 via 192.168.50.1 dev eth0",
                        "route add 10.9.0.0/16 via 192.168.50.1 dev eth0 proto 18"),
                c("host bits set", "10.9.0.1/16 dev eth0", "route add 10.9.0.1/16 dev eth0 proto 18 scope global"),
                // the first next hop of "or" has no interface, which does not match RTA_OIF
                c("via A or B with dev", "10.9.0.0/16 via 10.0.0.1 or 10.1.1.1 dev eth0",
                        "route add 10.9.0.0/16 dev eth0 proto 18 nexthop via 10.0.0.1 nexthop via 10.1.1.1"),
                c("onlink without a gateway", "10.9.0.0/16 dev eth0 onlink",
                        "route add 10.9.0.0/16 dev eth0 onlink proto 18 scope global"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCases")
    void theKernelRefusesWhatItRefusesIp(String name, String line, String ipCommand) throws Exception {
        RouteSpec r = parseRoutes(line).getFirst();
        try (NetNs ours = lan("jkrt"); NetNs oracle = lan("jkro")) {
            assertThat(ip(oracle, ipCommand)).as("ip " + ipCommand).isNotZero();
            LinuxException e = assertThrows(LinuxException.class, () -> addAll(ours, List.of(r)));
            assertThat(e.getMessage()).startsWith("add route " + r + ": ");
            assertThat(routeTable(ours)).isEqualTo(routeTable(oracle));
        }
    }

    @Test
    void aRouteThroughAMissingInterfaceNamesTheRouteAndTheReason() throws Exception {
        RouteSpec r = parseRoutes("10.9.0.0/16 via 10.0.0.1 dev eth2").getFirst();
        try (NetNs ns = lan("jkrt")) {
            ns.ip("link", "del", "eth2");
            LinuxException e = assertThrows(LinuxException.class, () -> addAll(ns, List.of(r)));
            assertThat(e).hasMessage("add route 10.9.0.0/16 via 10.0.0.1 dev eth2 (no interface eth2): No such device (errno 19)");
            assertThat(e.errno()).isEqualTo(Libc.ENODEV);
            assertThat(deleteAll(ns, List.of(r))).as("deleting a route whose interface is gone").containsExactly(false);
        }
    }

    @Test
    void aGatewayOffEveryLinkIsTheKernelsNetworkUnreachable() throws Exception {
        RouteSpec r = parseRoutes("10.9.0.0/16 via 192.168.50.1 dev eth0").getFirst();
        try (NetNs ns = lan("jkrt")) {
            LinuxException e = assertThrows(LinuxException.class, () -> addAll(ns, List.of(r)));
            assertThat(e).hasMessage("add route 10.9.0.0/16 via 192.168.50.1 dev eth0: Network is unreachable (errno 101)");
        }
    }

    @Test
    void aRouteOnADownInterfaceIsRefused() throws Exception {
        RouteSpec r = parseRoutes("10.9.0.0/16 dev eth2").getFirst();
        try (NetNs ns = lan("jkrt")) {
            ns.ip("link", "set", "eth2", "down");
            LinuxException e = assertThrows(LinuxException.class, () -> addAll(ns, List.of(r)));
            assertThat(e).hasMessage("add route 10.9.0.0/16 dev eth2: Network is down (errno 100)");
        }
    }

    @Test
    void aVrfThatIsNotOneIsRefusedBeforeAnythingIsSent() throws Exception {
        // this kernel has no VRF (CONFIG_NET_VRF unset): only the lookup's refusals can be shown
        RouteSpec r = parseRoutes("10.9.0.0/16 dev eth0 vrf eth1").getFirst();
        assertThat(r.vrf()).isEqualTo("eth1");
        try (NetNs ns = lan("jkrt")) {
            LinuxException e = assertThrows(LinuxException.class, () -> addAll(ns, List.of(r)));
            assertThat(e).hasMessage("add route " + r + " (eth1 is not a VRF): Invalid argument (errno 22)");
            ns.ip("link", "del", "eth1");
            LinuxException gone = assertThrows(LinuxException.class, () -> addAll(ns, List.of(r)));
            assertThat(gone).hasMessage("add route " + r + " (no VRF eth1): No such device (errno 19)");
            assertThat(deleteAll(ns, List.of(r))).containsExactly(false);
        }
    }

    // ---- add, add again, replace --------------------------------------------------------------

    @Test
    void addingAnExistingRouteSaysSoWhateverTheMode() throws Exception {
        List<RouteSpec> routes = parseRoutes("10.9.0.0/16 via 10.0.0.1 dev eth0", "10.9.0.0/16 via 10.0.0.1 dev eth0 add",
                "10.9.0.0/16 via 10.0.0.1 dev eth0 prepend");
        try (NetNs ns = lan("jkrt")) {
            assertThat(addAll(ns, routes)).containsExactly(true, false, false);
            assertThat(ns.ipOutput("route", "show", "10.9.0.0/16")).isEqualTo("10.9.0.0/16 via 10.0.0.1 dev eth0 proto keepalived \n");
        }
    }

    @Test
    void aRouteWithATypeIsAddedExclusivelyAsKeepalivedDoes() throws Exception {
        // keepalived 2.2.7's "add" bit is its "type" bit (RouteMessage.typeBit): a typed route
        // does not go in front of one to the same destination (here the kernel's), an untyped one does
        List<RouteSpec> routes = parseRoutes("unicast 10.0.0.0/24 dev eth1", "10.0.0.0/24 dev eth1", "blackhole 10.1.1.0/24 prepend");
        try (NetNs ns = lan("jkrt")) {
            assertThat(addAll(ns, routes)).containsExactly(false, true, true);
            assertThat(ns.ipOutput("route", "show", "10.0.0.0/24")).isEqualTo(
                    "10.0.0.0/24 dev eth1 proto keepalived \n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2 \n");
            assertThat(ns.ipOutput("route", "show", "10.1.1.0/24")).startsWith("blackhole 10.1.1.0/24 proto keepalived \n");
        }
    }

    @Test
    void addRefusesARouteToTheSameDestinationAppendDoesNot() throws Exception {
        List<RouteSpec> first = parseRoutes("10.9.0.0/16 via 10.0.0.1 dev eth0", "10.9.0.0/16 via 10.1.1.1 dev eth1 add");
        try (NetNs ns = lan("jkrt")) {
            assertThat(addAll(ns, first)).containsExactly(true, false);
            assertThat(addAll(ns, parseRoutes("10.9.0.0/16 via 10.1.1.1 dev eth1 append"))).containsExactly(true);
            assertThat(ns.ipOutput("route", "show", "10.9.0.0/16")).isEqualTo(
                    "10.9.0.0/16 via 10.0.0.1 dev eth0 proto keepalived \n10.9.0.0/16 via 10.1.1.1 dev eth1 proto keepalived \n");
        }
    }

    @Test
    void replaceChangesTheRouteInPlace() throws Exception {
        List<RouteSpec> routes = parseRoutes("10.9.0.0/16 via 10.0.0.1 dev eth0 mtu 1400", "10.9.0.0/16 via 10.1.1.1 dev eth1 mtu 1300");
        try (NetNs ns = lan("jkrt")) {
            addAll(ns, routes.subList(0, 1));
            in(ns, rt -> {
                rt.replace(routes.get(1), Libc::ifNameToIndex);
                return null;
            });
            assertThat(ns.ipOutput("route", "show", "10.9.0.0/16"))
                    .isEqualTo("10.9.0.0/16 via 10.1.1.1 dev eth1 proto keepalived mtu 1300 \n");
            assertThat(deleteAll(ns, routes.subList(0, 1))).as("the old one is gone").containsExactly(false);
            assertThat(deleteAll(ns, routes.subList(1, 2))).containsExactly(true);
        }
    }

    @Test
    void aDeletionTakesOnlyTheRouteKeepalivedAdded() throws Exception {
        // same destination and gateway, but not ours (protocol boot): keepalived's deletion carries
        // protocol 18, so it does not remove it
        List<RouteSpec> routes = parseRoutes("10.9.0.0/16 via 10.0.0.1 dev eth0");
        try (NetNs ns = lan("jkrt")) {
            ns.ip("route", "add", "10.9.0.0/16", "via", "10.0.0.1", "dev", "eth0");
            assertThat(deleteAll(ns, routes)).containsExactly(false);
            assertThat(ns.ipOutput("route", "show", "10.9.0.0/16")).isEqualTo("10.9.0.0/16 via 10.0.0.1 dev eth0 \n");
        }
    }

    // ---- virtual_routes of a VRRP instance -------------------------------------------------------

    @Test
    void virtualRoutesOfAnInstanceGoInAndOut() throws Exception {
        String text = """
                vrrp_instance VI_1 {
                  state MASTER
                  interface eth0
                  virtual_router_id 51
                  priority 150
                  virtual_ipaddress {
                    10.0.0.3/24
                  }
                  virtual_routes {
                    10.9.0.0/16 via 10.0.0.1 dev eth0 table 1000
                    2001:db8:9::/64 via 2001:db8::1 dev eth0 metric 5
                    blackhole 10.10.0.0/16
                  }
                }
                """;
        List<RouteSpec> routes = ConfigFixture.root(ConfigFixture.load(text)).blocks(RootKeywords.VRRP_INSTANCE).getFirst()
                .list(VrrpKeywords.VIRTUAL_ROUTES);
        assertThat(routes).hasSize(3);
        try (NetNs ours = lan("jkrt"); NetNs oracle = lan("jkro")) {
            String before = routeTable(ours);
            assertThat(addAll(ours, routes)).containsOnly(true);
            for (String cmd : List.of("route add 10.9.0.0/16 via 10.0.0.1 dev eth0 table 1000 proto 18",
                    "route add 2001:db8:9::/64 via 2001:db8::1 dev eth0 metric 5 proto 18",
                    "route add blackhole 10.10.0.0/16 proto 18")) {
                assertThat(ip(oracle, cmd)).isZero();
            }
            assertThat(routeTable(ours)).isEqualTo(routeTable(oracle));
            assertThat(deleteAll(ours, routes)).containsOnly(true);
            assertThat(routeTable(ours)).isEqualTo(before);
        }
    }
}
