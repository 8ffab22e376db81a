package io.jkeepalived.linux;

import static io.jkeepalived.linux.RoutesTest.addAll;
import static io.jkeepalived.linux.RoutesTest.lan;
import static io.jkeepalived.linux.RoutesTest.parseRoutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.value.RouteSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encapsulations byte for byte: the RTA_ENCAP, RTA_ENCAP_TYPE and RTA_MULTIPATH attributes we
 * send against those ip(8) sends for the same words, read from strace's dump of its sendmsg.
 * That reaches the encapsulations this kernel lacks (MPLS: CONFIG_MPLS_ROUTING unset; ILA:
 * CONFIG_IPV6_ILA unset), which it refuses to both of us with EOPNOTSUPP.
 */
class RoutesEncapTest {

    @BeforeAll
    static void tools() {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
        assumeTrue(NetNs.run("strace", "-V") == 0, "needs strace");
    }

    static Stream<Arguments> encaps() {
        return Stream.of(
                Arguments.of("10.9.0.0/16 via 10.0.0.1 dev eth0 encap mpls 100",
                        "route add 10.9.0.0/16 encap mpls 100 via 10.0.0.1 dev eth0 proto 18"),
                Arguments.of("10.9.0.0/16 via 10.0.0.1 dev eth0 encap mpls 100/0xfffff",
                        "route add 10.9.0.0/16 encap mpls 100/1048575 via 10.0.0.1 dev eth0 proto 18"),
                Arguments.of("2001:db8:9::/64 dev eth0 encap ila 1:2:3:ab",
                        "route add 2001:db8:9::/64 encap ila 1:2:3:ab dev eth0 proto 18"),
                Arguments.of("10.9.0.0/16 dev eth0 encap ip id 42 dst 10.0.0.9 src 10.0.0.2 tos 0x10 ttl 5",
                        "route add 10.9.0.0/16 encap ip id 42 dst 10.0.0.9 src 10.0.0.2 tos 0x10 ttl 5 dev eth0 proto 18"),
                Arguments.of("2001:db8:9::/64 dev eth0 encap ip6 id 7 dst 2001:db8::9 src 2001:db8::2 tc 0x10 hoplimit 3",
                        "route add 2001:db8:9::/64 encap ip6 id 7 dst 2001:db8::9 src 2001:db8::2 tc 0x10 hoplimit 3 dev eth0"
                                + " proto 18"),
                Arguments.of("10.9.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 3 onlink realms 2/3 encap mpls 200/300"
                                + " nexthop via 10.1.1.1 dev eth1 encap ip id 5 dst 10.0.0.7",
                        "route add 10.9.0.0/16 proto 18 nexthop via 10.0.0.1 dev eth0 weight 3 onlink realms 2/3"
                                + " encap mpls 200/300 nexthop via 10.1.1.1 dev eth1 encap ip id 5 dst 10.0.0.7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encaps")
    void theEncapsulationIsWhatIpSends(String line, String ipCommand) throws Exception {
        RouteSpec r = parseRoutes(line).getFirst();
        try (NetNs ns = lan("jkre")) {
            byte[] theirs = ipRequest(ns, ipCommand);
            byte[] ours = ourRequest(ns, r);
            for (int type : new int[] {RouteMessage.RTA_ENCAP, RouteMessage.RTA_ENCAP_TYPE, RouteMessage.RTA_MULTIPATH}) {
                assertThat(attribute(ours, type)).as("attribute %d", type).isEqualTo(attribute(theirs, type));
            }
        }
    }

    @Test
    void mplsAndIlaAreRefusedByThisKernelAsTheyAreToIp() throws Exception {
        for (String line : List.of("10.9.0.0/16 via 10.0.0.1 dev eth0 encap mpls 100", "2001:db8:9::/64 dev eth0 encap ila 1:2:3:4")) {
            RouteSpec r = parseRoutes(line).getFirst();
            try (NetNs ns = lan("jkre")) {
                LinuxException e = assertThrows(LinuxException.class, () -> addAll(ns, List.of(r)));
                assertThat(e).hasMessage("add route " + r + ": Operation not supported (errno 95)");
            }
        }
    }

    @Test
    void mplsLabelsAreStackEntries() {
        // label << 12, bottom of stack (0x100) on the last: 100 = 0x00064000, 0xfffff = 0xfffff100
        assertThat(HexFormat.of().formatHex(RouteMessage.mplsLabels(List.of(100L, 0xfffffL)))).isEqualTo("00064000fffff100");
        assertThat(HexFormat.of().formatHex(RouteMessage.mplsLabels(List.of(16L)))).isEqualTo("00010100");
    }

    // ---- the two requests --------------------------------------------------------------------

    private static byte[] ourRequest(NetNs ns, RouteSpec r) throws Exception {
        int[] nh = new int[r.nexthops().size()];
        for (int i = 0; i < nh.length; i++) {
            String dev = r.nexthops().get(i).dev();
            nh[i] = dev == null ? 0 : ns.call(() -> Libc.ifNameToIndex(dev));
        }
        int oif = r.dev() == null ? 0 : ns.call(() -> Libc.ifNameToIndex(r.dev()));
        NlMessage m = new NlMessage(4096);
        RouteMessage.encode(m, RouteMessage.Command.ADD, 1, r, new RouteMessage.Resolved(oif, nh, RouteMessage.RT_TABLE_MAIN));
        ByteBuffer b = m.finish();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** The RTM_NEWROUTE request ip(8) sends for {@code command}, from strace's hex dump of its sendmsg. */
    private static byte[] ipRequest(NetNs ns, String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("strace", "-qq", "-e", "trace=sendmsg", "-e", "write=all",
                "ip", "-n", ns.name()));
        cmd.addAll(List.of(command.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<byte[]> buffers = new ArrayList<>();
        ByteArrayOutputStream current = null;
        for (String l : out.lines().toList()) {
            if (l.startsWith(" * ") && l.contains(" bytes in buffer ")) {
                current = new ByteArrayOutputStream();
                buffers.add(null);
            } else if (current != null && l.startsWith(" | ") && l.length() >= 59) {
                for (String hex : l.substring(10, 59).trim().split("\\s+")) {
                    current.write(Integer.parseInt(hex, 16));
                }
                buffers.set(buffers.size() - 1, current.toByteArray());
            }
        }
        return buffers.stream()
                .filter(b -> b != null && b.length >= 28 && ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getShort(4)
                        == RouteMessage.RTM_NEWROUTE)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RTM_NEWROUTE in\n" + out));
    }

    /**
     * The top-level attribute {@code type} of a route request, as text: its payload in hex,
     * with the nested encapsulations it holds written the same way (NLA_F_NESTED, which ip
     * sets and keepalived does not, left out); or "absent".
     */
    static String attribute(byte[] request, int type) {
        ByteBuffer b = ByteBuffer.wrap(request).order(ByteOrder.nativeOrder());
        int at = NlMessage.HEADER + 12;
        int end = b.getInt(0);
        while (at + 4 <= end) {
            int len = b.getShort(at) & 0xffff;
            int t = b.getShort(at + 2) & 0x3fff;
            if (t == type) {
                return describe(b, t, at + 4, at + len);
            }
            at += (len + 3) & ~3;
        }
        return "absent";
    }

    private static String describe(ByteBuffer b, int type, int from, int to) {
        if (type == RouteMessage.RTA_ENCAP) {
            return "{" + attrs(b, from, to) + "}";
        }
        if (type == RouteMessage.RTA_MULTIPATH) {
            StringBuilder s = new StringBuilder();
            int at = from;
            while (at + 8 <= to) {
                int len = b.getShort(at) & 0xffff;
                s.append("[nexthop flags ").append(b.get(at + 2)).append(" hops ").append(b.get(at + 3))
                        .append(" ifindex ").append(b.getInt(at + 4)).append(' ').append(attrs(b, at + 8, at + len)).append(']');
                at += (len + 3) & ~3;
            }
            return s.toString();
        }
        return hex(b, from, to);
    }

    private static String attrs(ByteBuffer b, int from, int to) {
        StringBuilder s = new StringBuilder();
        int at = from;
        while (at + 4 <= to) {
            int len = b.getShort(at) & 0xffff;
            int t = b.getShort(at + 2) & 0x3fff;
            s.append(t).append('=').append(describe(b, t, at + 4, at + len)).append(' ');
            at += (len + 3) & ~3;
        }
        return s.toString().trim();
    }

    private static String hex(ByteBuffer b, int from, int to) {
        byte[] v = new byte[to - from];
        b.get(from, v);
        return HexFormat.of().formatHex(v);
    }
}
