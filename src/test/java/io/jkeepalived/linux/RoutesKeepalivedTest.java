package io.jkeepalived.linux;

import static io.jkeepalived.linux.RoutesTest.block;
import static io.jkeepalived.linux.RoutesTest.in;
import static io.jkeepalived.linux.RoutesTest.lan;
import static io.jkeepalived.linux.RoutesTest.parseRoutes;
import static io.jkeepalived.linux.RoutesTest.parseRules;
import static io.jkeepalived.linux.RoutesTest.routeTable;
import static io.jkeepalived.linux.RoutesTest.ruleTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.RuleSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * keepalived 2.2.7 itself as the oracle: the same static_routes and static_rules are installed by
 * keepalived in one namespace and through {@link Routes} in another (set up alike), and the
 * routing tables and rule lists must be equal; so must the requests the kernel refused (by
 * errno). keepalived removes them when it stops; our deletions must leave the same tables.
 */
class RoutesKeepalivedTest {

    private static final Path KEEPALIVED = Path.of("/usr/sbin/keepalived");

    @BeforeAll
    static void tools() {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
        assumeTrue(Files.isExecutable(KEEPALIVED), "needs keepalived");
    }

    private static final List<String> ROUTES = List.of(
            "10.9.0.0/16 dev eth0",
            "10.10.0.0/16 via 10.0.0.1 dev eth0 table 1000 metric 5",
            "10.11.0.0/16 src 10.0.0.2 dev eth0 scope link tos 0x10 realms 3/4",
            "10.12.0.0/16 via 192.168.50.1 dev eth0 onlink protocol 99 no_track",
            "10.13.0.0/16 dev eth1 mtu lock 1400 hoplimit 9 advmss 1300 rtt 400ms rttvar 300ms reordering 4 window 1000"
                    + " cwnd lock 7 ssthresh 8 rto_min 250ms initcwnd 3 initrwnd 4 features ecn quickack 1 congctl lock cubic"
                    + " fastopen_no_cookie 1",
            "10.13.1.0/24 dev eth1 rtt lock 2s rttvar lock 1s rto_min lock 300ms advmss lock 1000 reordering lock 3"
                    + " ssthresh lock 9",
            "blackhole 10.14.0.0/16",
            "unreachable 10.15.0.0/16 table 100",
            "prohibit 10.16.0.0/16",
            "blackhole 10.16.1.0/24 prepend",
            "unreachable 10.16.2.0/24 append",
            "unicast 10.0.0.0/24 dev eth1",
            "10.1.1.0/24 dev eth2",
            "throw 10.17.0.0/16 table 100",
            "local 10.18.0.1 dev eth0",
            "local 10.18.0.2 dev eth0 scope host",
            "broadcast 10.19.255.255 dev eth0",
            "broadcast 10.19.255.254 dev eth0 scope link",
            "multicast 239.1.0.0/16 dev eth0",
            "anycast 10.20.0.1 dev eth0 scope link",
            "nat 10.20.0.2 dev eth0 scope host",
            "10.21.0.0/16 dev eth0 encap ip id 42 dst 10.0.0.9 ttl 5",
            "10.21.1.0/24 dev eth0 encap mpls 100/200",
            "10.22.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 2 nexthop via 10.1.1.1 dev eth1 weight 3",
            "10.23.0.0/16 nexthop via 192.168.50.1 dev eth0 onlink realms 3/4 nexthop dev eth1",
            "10.24.0.0/16 via 10.0.0.1 or 10.1.1.1",
            "10.25.0.0/16 via 10.0.0.1 or 2001:db8::1",
            "10.26.0.0/16 via 10.0.0.1 dev eth0",
            "10.26.0.0/16 via 10.1.1.1 dev eth1 append",
            "10.27.0.0/16 via 10.0.0.1 dev eth0",
            "10.27.0.0/16 via 10.1.1.1 dev eth1",
            "10.28.0.0/16 via 10.0.0.1 dev eth0 add",
            "10.28.0.0/16 via 10.1.1.1 dev eth1 add",
            "10.29.0.0/16 dev eth0 ttl-propagate enabled",
            "10.30.0.0/16 via 192.168.50.1 dev eth0",
            "10.31.0.0/16 via 10.0.0.1 or 10.1.1.1 dev eth0",
            "default via 10.0.0.1 dev eth0 table 200",
            "2001:db8:9::/64 dev eth0",
            "2001:db8:10::/64 via 2001:db8::1 dev eth0 metric 5 table 70000",
            "2001:db8:11::/64 from 2001:db8:7::/64 via 2001:db8::1 dev eth0",
            "2001:db8:12::/64 dev eth0 expires 300 pref high",
            "2001:db8:13::/64 dev eth0 encap ip6 id 7 dst 2001:db8::9 hoplimit 3 tc 0x10",
            "2001:db8:14::/64 nexthop via 2001:db8::1 dev eth0 weight 4 nexthop via 2001:db8:1::1 dev eth1",
            "blackhole 2001:db8:15::/64",
            "local 2001:db8:16::1 dev eth0",
            "2001:db8:17::/64 src 2001:db8::2 dev eth0 mtu 1400 pref low",
            "2001:db8:18::/64 dev eth0 encap ila 1:2:3:4");

    private static final List<String> RULES = List.of(
            "from 10.5.0.0/16 table 100 priority 100",
            "not to 10.6.0.0/16 tos 0x10 fwmark 7/0xf iif eth0 oif eth1 table 1000 priority 101",
            "from all table main suppress_prefixlength 0 priority 102",
            "from all table main suppress_ifgroup 5 priority 103",
            "uidrange 1000-2000 ipproto 6 sport 1000-2000 dport 80-80 tunnel-id 42 table 100 priority 104",
            "from 10.5.0.0/16 realms 3/4 table 100 priority 105",
            "from 10.5.0.0/16 priority 106 goto 200",
            "from 10.5.0.0/16 priority 107 nop",
            "from 10.5.0.0/16 priority 108 blackhole",
            "from 10.5.0.0/16 priority 109 unreachable",
            "from 10.5.0.0/16 priority 110 prohibit",
            "l3mdev priority 111",
            "from 10.5.0.0/16 table 100 priority 112 protocol 99 no_track",
            "from 10.5.0.0/16 table 100 priority 113 no_track",
            "from 10.5.0.0/16 table 100 priority 100",
            "from 10.7.0.0/16 table 100",
            "from 2001:db8:5::/48 table 100 priority 100",
            "to 2001:db8:6::/48 table 70000 priority 101",
            "from 2001:db8:7::/48 table 100");

    @Test
    void ourRoutesAndRulesAreKeepalivedsAndGoAwayLikeThem() throws Exception {
        List<RouteSpec> routes = parseRoutes(ROUTES.toArray(String[]::new));
        List<RuleSpec> rules = parseRules(RULES.toArray(String[]::new));
        assertThat(routes).hasSize(ROUTES.size());
        assertThat(rules).hasSize(RULES.size());
        String config = "global_defs {\n  router_id jkroutes\n}\n" + block("static_routes", ROUTES.toArray(String[]::new))
                + block("static_rules", RULES.toArray(String[]::new));
        boolean traced = NetNs.run("strace", "-V") == 0;
        try (NetNs ours = lan("jkrk"); NetNs theirs = lan("jkrk")) {
            String routesBefore = routeTable(ours);
            String rulesBefore = ruleTable(ours);
            Outcome added = addAsKeepalived(ours, routes, rules);
            try (Keepalived k = Keepalived.start(theirs, config, traced)) {
                String ourRoutes = routeTable(ours);
                String ourRules = ruleTable(ours);
                k.await(() -> routeTable(theirs).equals(ourRoutes) && ruleTable(theirs).equals(ourRules));
                assertThat(routeTable(theirs)).as("routes").isEqualTo(ourRoutes);
                assertThat(ruleTable(theirs)).as("rules").isEqualTo(ourRules);
                assertThat(k.errnos()).as("what the kernel refused to keepalived, log:\n%s", k.log())
                        .containsExactlyInAnyOrderElementsOf(added.errors());

                k.stop();
                deleteAsKeepalived(ours, added);
                assertThat(routeTable(ours)).isEqualTo(routesBefore).isEqualTo(routeTable(theirs));
                assertThat(ruleTable(ours)).isEqualTo(rulesBefore).isEqualTo(ruleTable(theirs));

                if (traced) {
                    List<String> expected = theirs.call(() -> requestsAsKeepalived(routes, rules, added));
                    assertThat(k.requests()).isEqualTo(expected);
                }
            }
        }
    }

    /** What adding gave: the errno of each refusal, and the routes and rules keepalived would count as set. */
    private record Outcome(List<Integer> errors, List<RouteSpec> routesSet, List<RuleSpec> rulesSet) {
    }

    /** Adds in file order, routes then rules, as keepalived does (start_vrrp in vrrp_daemon.c). */
    private static Outcome addAsKeepalived(NetNs ns, List<RouteSpec> routes, List<RuleSpec> rules) throws Exception {
        Outcome out = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        in(ns, rt -> {
            for (RouteSpec r : routes) {
                try {
                    rt.add(r, Libc::ifNameToIndex);
                    out.routesSet().add(r);      // "exists" too: keepalived takes EEXIST as success
                } catch (LinuxException e) {
                    out.errors().add(e.errno());
                }
            }
            for (RuleSpec r : rules) {
                try {
                    if (rt.add(r)) {
                        out.rulesSet().add(r);
                    } else {
                        out.errors().add(Libc.EEXIST);
                    }
                } catch (LinuxException e) {
                    out.errors().add(e.errno());
                }
            }
            return null;
        });
        return out;
    }

    /** keepalived's shutdown: the rules it set, then the routes, in file order (stop_vrrp). */
    private static void deleteAsKeepalived(NetNs ns, Outcome added) throws Exception {
        in(ns, rt -> {
            for (RuleSpec r : added.rulesSet()) {
                assertThat(rt.delete(r)).as("delete rule " + r).isTrue();
            }
            for (RouteSpec r : added.routesSet()) {
                rt.delete(r, Libc::ifNameToIndex);
            }
            return null;
        });
    }

    /**
     * The requests keepalived sends over its life, as ours would be: at start every static rule
     * deleted (leftovers, ENOENT ignored), then the routes and rules added; at the end the rules
     * and routes set deleted. Run on the namespace's thread (interface indexes).
     */
    private static List<String> requestsAsKeepalived(List<RouteSpec> routes, List<RuleSpec> rules, Outcome added) {
        List<String> out = new ArrayList<>();
        for (RuleSpec r : rules) {
            out.add(ruleRequest(true, r));
        }
        for (RouteSpec r : routes) {
            out.add(routeRequest(RouteMessage.Command.ADD, r));
        }
        for (RuleSpec r : rules) {
            out.add(ruleRequest(false, r));
        }
        for (RuleSpec r : added.rulesSet()) {
            out.add(ruleRequest(true, r));
        }
        for (RouteSpec r : added.routesSet()) {
            out.add(routeRequest(RouteMessage.Command.DELETE, r));
        }
        return out;
    }

    // ---- our requests as text, for the comparison with keepalived's ---------------------------

    private static String routeRequest(RouteMessage.Command cmd, RouteSpec r) {
        int[] nh = new int[r.nexthops().size()];
        for (int i = 0; i < nh.length; i++) {
            String dev = r.nexthops().get(i).dev();
            nh[i] = dev == null ? 0 : Libc.ifNameToIndex(dev);
        }
        int oif = r.dev() == null ? 0 : Libc.ifNameToIndex(r.dev());
        long table = r.table() == null ? RouteMessage.RT_TABLE_MAIN : r.table().value();
        NlMessage m = new NlMessage(4096);
        RouteMessage.encode(m, cmd, 0, r, new RouteMessage.Resolved(oif, nh, table));
        return text(m);
    }

    private static String ruleRequest(boolean delete, RuleSpec r) {
        NlMessage m = new NlMessage(4096);
        RuleMessage.encode(m, delete, 0, r);
        return text(m);
    }

    /** A request as Netlink.request sends it (NLM_F_ACK added), in hex, sequence and port id zeroed. */
    private static String text(NlMessage m) {
        ByteBuffer b = m.finish();
        b.putShort(6, (short) (b.getShort(6) | NlMessage.NLM_F_ACK));
        byte[] v = new byte[b.remaining()];
        b.get(v);
        return requestText(v);
    }

    /**
     * A request in hex, to compare: sequence and port id zeroed; attribute padding zeroed
     * (keepalived leaves stack bytes there); and a rule's from or to of length 0 left out
     * (keepalived writes "from all" as 0.0.0.0/0, RuleSpec keeps no address for it; the kernel
     * takes both alike).
     */
    static String requestText(byte[] v) {
        ByteBuffer b = ByteBuffer.wrap(v.clone()).order(ByteOrder.nativeOrder());
        int end = Math.min(b.getInt(0), v.length);
        b.putLong(8, 0);
        int type = b.getShort(4);
        boolean route = type == RouteMessage.RTM_NEWROUTE || type == RouteMessage.RTM_DELROUTE;
        zeroPadding(b, NlMessage.HEADER + 12, end, route);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b.array(), 0, NlMessage.HEADER + 12);
        int at = NlMessage.HEADER + 12;
        while (at + 4 <= end) {
            int len = b.getShort(at) & 0xffff;
            int t = b.getShort(at + 2) & 0x3fff;
            if (len < 4) {
                break;
            }
            int next = Math.min(at + ((len + 3) & ~3), end);
            boolean emptyPrefix = !route && (t == RuleMessage.FRA_SRC && b.get(18) == 0 || t == RuleMessage.FRA_DST && b.get(17) == 0);
            if (!emptyPrefix) {
                out.write(b.array(), at, next - at);
            }
            at = next;
        }
        byte[] c = out.toByteArray();
        ByteBuffer.wrap(c).order(ByteOrder.nativeOrder()).putInt(0, c.length);
        return HexFormat.of().formatHex(c);
    }

    /**
     * Zeroes the padding after each attribute in [from, to); with {@code nests}, also inside
     * the nests a route has (RTA_METRICS, RTA_ENCAP, RTA_MULTIPATH and its next hops' RTA_ENCAP).
     */
    private static void zeroPadding(ByteBuffer b, int from, int to, boolean nests) {
        int at = from;
        while (at + 4 <= to) {
            int len = b.getShort(at) & 0xffff;
            int t = b.getShort(at + 2) & 0x3fff;
            if (len < 4 || at + len > to) {
                return;
            }
            for (int p = at + len; p < Math.min(at + ((len + 3) & ~3), to); p++) {
                b.put(p, (byte) 0);
            }
            if (nests && (t == RouteMessage.RTA_METRICS || t == RouteMessage.RTA_ENCAP)) {
                zeroPadding(b, at + 4, at + len, false);
            } else if (nests && t == RouteMessage.RTA_MULTIPATH) {
                int nh = at + 4;
                while (nh + 8 <= at + len) {
                    int nhLen = b.getShort(nh) & 0xffff;
                    if (nhLen < 8) {
                        break;
                    }
                    zeroPadding(b, nh + 8, Math.min(nh + nhLen, at + len), true);
                    nh += (nhLen + 3) & ~3;
                }
            }
            at += (len + 3) & ~3;
        }
    }

    @Test
    void keepalivedDropsTheEncapsulationOfANexthopWeKeepIt() throws Exception {
        // add_nexthop in 2.2.7 passes the attribute's current length as the room left, so the
        // encapsulation of a next hop never fits and is left out without a word
        String line = "10.9.0.0/16 nexthop via 10.0.0.1 dev eth0 encap ip id 5 dst 10.0.0.7 nexthop via 10.1.1.1 dev eth1";
        List<RouteSpec> routes = parseRoutes(line);
        try (NetNs ours = lan("jkrk"); NetNs theirs = lan("jkrk")) {
            RoutesTest.addAll(ours, routes);
            try (Keepalived k = Keepalived.start(theirs, block("static_routes", line))) {
                k.await(() -> theirs.ipOutput("route", "show", "10.9.0.0/16").contains("nexthop"));
                assertThat(theirs.ipOutput("route", "show", "10.9.0.0/16")).isEqualTo("""
                        10.9.0.0/16 proto keepalived\s
                        \tnexthop via 10.0.0.1 dev eth0 weight 1\s
                        \tnexthop via 10.1.1.1 dev eth1 weight 1\s
                        """);
                assertThat(ours.ipOutput("route", "show", "10.9.0.0/16")).isEqualTo("""
                        10.9.0.0/16 proto keepalived\s
                        \tnexthop  encap ip id 5 src 0.0.0.0 dst 10.0.0.7 ttl 0 tos 0 via 10.0.0.1 dev eth0 weight 1\s
                        \tnexthop via 10.1.1.1 dev eth1 weight 1\s
                        """);
            }
        }
    }

    @Test
    void keepalivedRefusesALongMultipathRouteWeAddIt() throws Exception {
        // add_nexthops builds RTA_MULTIPATH in 128 bytes: room for 7 IPv4 or 4 IPv6 gateways; the
        // next hop after that goes without its gateway and the kernel refuses the route (ENODEV)
        String v6 = "2001:db8:9::/64" + " nexthop via 2001:db8::1 dev eth0"
                + " nexthop via 2001:db8::3 dev eth0 nexthop via 2001:db8::4 dev eth0 nexthop via 2001:db8::5 dev eth0"
                + " nexthop via 2001:db8::6 dev eth0";
        String v4 = "10.9.0.0/16 nexthop via 10.0.0.1 nexthop via 10.0.0.3 nexthop via 10.0.0.4 nexthop via 10.0.0.5"
                + " nexthop via 10.0.0.6 nexthop via 10.0.0.7 nexthop via 10.0.0.8 nexthop via 10.0.0.9";
        List<RouteSpec> routes = parseRoutes(v6, v4);
        try (NetNs ours = lan("jkrk"); NetNs theirs = lan("jkrk")) {
            assertThat(RoutesTest.addAll(ours, routes)).containsExactly(true, true);
            assertThat(ours.ipOutput("-6", "route", "show", "2001:db8:9::/64").lines().filter(l -> l.contains("nexthop")))
                    .hasSize(5);
            assertThat(ours.ipOutput("route", "show", "10.9.0.0/16").lines().filter(l -> l.contains("nexthop"))).hasSize(8);
            try (Keepalived k = Keepalived.start(theirs, block("static_routes", v6, v4))) {
                k.await(() -> k.errnos().size() == 2);
                assertThat(k.errnos()).containsExactly(Libc.ENODEV, Libc.ENODEV);
                assertThat(theirs.ipOutput("-6", "route", "show", "2001:db8:9::/64")).isEmpty();
                assertThat(theirs.ipOutput("route", "show", "10.9.0.0/16")).isEmpty();
            }
        }
    }

    /** keepalived 2.2.7 running in a namespace with a configuration, its output kept. */
    private static final class Keepalived implements AutoCloseable {
        private static final Pattern NETLINK_ERROR = Pattern.compile("Netlink: error: .*\\((\\d+)\\), type=");

        private final Process process;
        private final Path dir;

        private Keepalived(Process process, Path dir) {
            this.process = process;
            this.dir = dir;
        }

        static Keepalived start(NetNs ns, String config) throws Exception {
            return start(ns, config, false);
        }

        /** Starts keepalived in {@code ns}; {@code traced}: under strace, its sendmsg calls dumped. */
        static Keepalived start(NetNs ns, String config, boolean traced) throws Exception {
            Path dir = Files.createTempDirectory("jk-routes-keepalived");
            Path conf = dir.resolve("keepalived.conf");
            Files.writeString(conf, config);
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
            if (traced) {
                cmd.addAll(List.of("strace", "-f", "-qq", "-o", dir.resolve("trace").toString(), "-e", "trace=sendmsg",
                        "-e", "write=all"));
            }
            cmd.addAll(List.of(KEEPALIVED.toString(), "-n", "-l", "-D", "-f", conf.toString(),
                    "-p", dir.resolve("k.pid").toString(), "-r", dir.resolve("v.pid").toString(),
                    "-c", dir.resolve("c.pid").toString(), "--vrrp"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
            return new Keepalived(p, dir);
        }

        @FunctionalInterface
        interface Condition {
            boolean holds() throws Exception;
        }

        /** Waits up to 10 s for {@code done}, then a little more for the kernel's refusals to be logged. */
        void await(Condition done) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!done.holds() && System.nanoTime() - deadline < 0 && process.isAlive()) {
                Thread.sleep(100);
            }
            Thread.sleep(300);
        }

        String log() throws Exception {
            return Files.readString(dir.resolve("log"));
        }

        /** The errno of each request the kernel refused, from keepalived's log. */
        List<Integer> errnos() throws Exception {
            List<Integer> out = new ArrayList<>();
            Matcher m = NETLINK_ERROR.matcher(log());
            while (m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
            return out;
        }

        /**
         * SIGTERM to keepalived's main process (found by its pid file, as strace may stand between),
         * as a service manager stops it: keepalived removes its static routes and rules.
         */
        void stop() throws Exception {
            Path pidFile = dir.resolve("k.pid");
            Optional<ProcessHandle> main = Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                            .filter(h -> process.descendants().anyMatch(d -> d.pid() == h.pid()) || h.pid() == process.pid())
                    : Optional.empty();
            if (main.isPresent()) {
                main.get().destroy();
            } else {
                process.destroy();
            }
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }

        /**
         * The route and rule requests keepalived sent (RTM_NEWROUTE, RTM_DELROUTE, RTM_NEWRULE,
         * RTM_DELRULE) in order, from the strace dump, as {@link #requestText}.
         */
        List<String> requests() throws Exception {
            List<String> out = new ArrayList<>();
            ByteArrayOutputStream current = null;
            for (String l : Files.readAllLines(dir.resolve("trace"))) {
                if (l.startsWith(" * ") && l.contains(" bytes in buffer ")) {
                    keep(current, out);
                    current = new ByteArrayOutputStream();
                } else if (current != null && l.startsWith(" | ") && l.length() >= 59) {
                    for (String hex : l.substring(10, 59).trim().split("\\s+")) {
                        current.write(Integer.parseInt(hex, 16));
                    }
                } else if (!l.startsWith(" ")) {
                    keep(current, out);
                    current = null;
                }
            }
            keep(current, out);
            return out;
        }

        private static void keep(ByteArrayOutputStream buffer, List<String> out) {
            if (buffer == null || buffer.size() < 16) {
                return;
            }
            byte[] v = buffer.toByteArray();
            int type = ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getShort(4);
            if (type == RouteMessage.RTM_NEWROUTE || type == RouteMessage.RTM_DELROUTE || type == RuleMessage.RTM_NEWRULE
                    || type == RuleMessage.RTM_DELRULE) {
                out.add(requestText(v));
            }
        }

        /** Stops keepalived if it still runs; removes its files. */
        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                stop();
            }
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
