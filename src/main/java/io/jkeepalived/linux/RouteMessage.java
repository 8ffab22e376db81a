package io.jkeepalived.linux;

import io.jkeepalived.config.value.RouteEncap;
import io.jkeepalived.config.value.RouteMetrics;
import io.jkeepalived.config.value.RouteNexthop;
import io.jkeepalived.config.value.RoutePrefix;
import io.jkeepalived.config.value.RouteSpec;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Encodes one route of virtual_routes / static_routes as the RTM_NEWROUTE or RTM_DELROUTE
 * request keepalived 2.2.7 sends (netlink_route, add_nexthops and add_encap in vrrp_iproute.c),
 * attribute for attribute and in the same order:
 *
 * <pre>
 *   struct rtmsg { u8 family; u8 dst_len; u8 src_len; u8 tos;
 *                  u8 table; u8 protocol; u8 scope; u8 type; u32 flags; }
 *   [RTA_TABLE] RTA_DST [RTA_SRC] [RTA_PREFSRC] [RTA_GATEWAY | RTA_VIA] [RTA_ENCAP RTA_ENCAP_TYPE]
 *   [RTA_OIF] [RTA_PRIORITY] [RTA_FLOW] [RTA_EXPIRES] [RTA_PREF] [RTA_TTL_PROPAGATE]
 *   [RTA_METRICS { RTAX_* ... RTAX_LOCK }] [RTA_MULTIPATH { rtnexthop [attrs] ... }]
 * </pre>
 *
 * keepalived's defaults, which differ from ip(8)'s: protocol 18 (keepalived) unless written;
 * scope universe unless written, whatever the type and whether there is a gateway (so
 * {@code local} and {@code broadcast} routes need {@code scope host/link} written, or the kernel
 * refuses them, as it refuses keepalived); no NLM_F_EXCL unless {@code add} is written (so a
 * route is prepended, like {@code ip route prepend}; but see {@link #typeBit} for a route with
 * a type). A deletion carries the same attributes, with scope "nowhere" unless written and type
 * "unspecified" unless {@link #typeBit}, so that it matches the route keepalived added and no
 * other (the protocol is always set).
 *
 * <p>Where keepalived 2.2.7 is plainly broken this does better, and says so: a next hop's
 * encapsulation is sent (keepalived loses it: add_nexthop gives add_encap no room), and
 * RTA_MULTIPATH has room for any number of next hops (keepalived's 128 bytes hold 7 IPv4 or 4
 * IPv6 gateways; with more the kernel refuses the route).
 */
final class RouteMessage {

    // message types (rtnetlink(7))
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;

    // struct rtmsg attributes (linux/rtnetlink.h)
    static final int RTA_DST = 1;
    static final int RTA_SRC = 2;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_PREFSRC = 7;
    static final int RTA_METRICS = 8;
    static final int RTA_MULTIPATH = 9;
    static final int RTA_FLOW = 11;
    static final int RTA_TABLE = 15;
    static final int RTA_VIA = 18;
    static final int RTA_PREF = 20;
    static final int RTA_ENCAP_TYPE = 21;
    static final int RTA_ENCAP = 22;
    static final int RTA_EXPIRES = 23;
    static final int RTA_TTL_PROPAGATE = 26;

    // RTA_METRICS members (RTAX_*); RTAX_LOCK is a bitmap of (1 << RTAX_x)
    static final int RTAX_LOCK = 1;
    static final int RTAX_MTU = 2;
    static final int RTAX_WINDOW = 3;
    static final int RTAX_RTT = 4;
    static final int RTAX_RTTVAR = 5;
    static final int RTAX_SSTHRESH = 6;
    static final int RTAX_CWND = 7;
    static final int RTAX_ADVMSS = 8;
    static final int RTAX_REORDERING = 9;
    static final int RTAX_HOPLIMIT = 10;
    static final int RTAX_INITCWND = 11;
    static final int RTAX_FEATURES = 12;
    static final int RTAX_RTO_MIN = 13;
    static final int RTAX_INITRWND = 14;
    static final int RTAX_QUICKACK = 15;
    static final int RTAX_CC_ALGO = 16;
    static final int RTAX_FASTOPEN_NO_COOKIE = 17;
    static final int RTAX_FEATURE_ECN = 1;

    // lightweight tunnels (linux/lwtunnel.h, linux/mpls_iptunnel.h, linux/ila.h)
    static final int LWTUNNEL_ENCAP_MPLS = 1;
    static final int LWTUNNEL_ENCAP_IP = 2;
    static final int LWTUNNEL_ENCAP_ILA = 3;
    static final int LWTUNNEL_ENCAP_IP6 = 4;
    static final int LWTUNNEL_IP_ID = 1;
    static final int LWTUNNEL_IP_DST = 2;
    static final int LWTUNNEL_IP_SRC = 3;
    static final int LWTUNNEL_IP_TTL = 4;     // LWTUNNEL_IP6_HOPLIMIT too
    static final int LWTUNNEL_IP_TOS = 5;     // LWTUNNEL_IP6_TC too
    static final int LWTUNNEL_IP_FLAGS = 6;
    static final int MPLS_IPTUNNEL_DST = 1;
    static final int ILA_ATTR_LOCATOR = 1;
    static final int MPLS_LS_LABEL_SHIFT = 12;
    static final int MPLS_LS_S_SHIFT = 8;

    // rtmsg header values
    static final int RTN_UNSPEC = 0;
    static final int RTN_UNICAST = 1;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_NOWHERE = 255;
    static final int RT_TABLE_UNSPEC = 0;
    static final int RT_TABLE_MAIN = 254;
    static final int RTNH_F_ONLINK = 4;

    /** What a request does: keepalived's IPROUTE_ADD, IPROUTE_DEL and IPROUTE_REPLACE (on reload). */
    enum Command { ADD, DELETE, REPLACE }

    /** The interface indexes and table a route needs, resolved by the caller. */
    record Resolved(int oif, int[] nexthopIfindex, long table) {
    }

    private RouteMessage() {
    }

    /** Writes the request for {@code r} into {@code m} (started here with {@code sequence}). */
    static void encode(NlMessage m, Command cmd, int sequence, RouteSpec r, Resolved ifs) {
        boolean delete = cmd == Command.DELETE;
        m.start(delete ? RTM_DELROUTE : RTM_NEWROUTE, flags(cmd, r), sequence);
        int family = r.isIpv6() ? Libc.AF_INET6 : Libc.AF_INET;
        long table = ifs.table();
        int scope = r.scope() != null ? (int) r.scope().value() : delete ? RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE;
        int written = r.type() != null ? r.type() : RTN_UNICAST;
        int type = !delete || typeBit(r) ? written : RTN_UNSPEC;
        int protocol = r.protocol() != null ? (int) r.protocol().value() : RouteSpec.RTPROT_KEEPALIVED;
        m.u8(family)
                .u8(r.dst().length())
                .u8(r.from() != null ? r.from().length() : 0)
                .u8(r.tos() != null ? (int) r.tos().value() : 0)
                .u8(table < 256 ? (int) table : RT_TABLE_UNSPEC)
                .u8(protocol)
                .u8(scope)
                .u8(type)
                .u32(r.onlink() ? RTNH_F_ONLINK : 0);
        if (table >= 256) {
            m.attrU32(RTA_TABLE, (int) table);
        }
        m.attr(RTA_DST, bytes(r.dst()));
        if (r.from() != null) {
            m.attr(RTA_SRC, bytes(r.from()));
        }
        if (r.src() != null) {
            m.attr(RTA_PREFSRC, r.src().getAddress());
        }
        if (r.via() != null) {
            gateway(m, r.via(), r.isIpv6());
        }
        if (r.encap() != null) {
            encap(m, r.encap());
        }
        if (r.dev() != null) {
            m.attrU32(RTA_OIF, ifs.oif());
        }
        if (r.metric() != null) {
            m.attrU32(RTA_PRIORITY, r.metric().intValue());
        }
        if (r.realms() != null && r.realms() != 0) {
            m.attrU32(RTA_FLOW, r.realms().intValue());
        }
        if (r.expires() != null) {
            m.attrU32(RTA_EXPIRES, r.expires().intValue());
        }
        if (r.pref() != null) {
            m.attrU8(RTA_PREF, r.pref());
        }
        if (r.ttlPropagate() != null) {
            m.attrU8(RTA_TTL_PROPAGATE, r.ttlPropagate() ? 1 : 0);
        }
        if (!r.metrics().isEmpty()) {
            metrics(m, r.metrics());
        }
        if (!r.nexthops().isEmpty()) {
            multipath(m, r.nexthops(), ifs.nexthopIfindex(), r.isIpv6());
        }
    }

    /**
     * netlink_route: a deletion has only NLM_F_REQUEST; an addition NLM_F_CREATE, with
     * NLM_F_EXCL if the "add" bit is set (see {@link #typeBit}), else NLM_F_APPEND for "append",
     * else nothing more ("prepend", or nothing written); a replacement NLM_F_CREATE | NLM_F_REPLACE.
     */
    static int flags(Command cmd, RouteSpec r) {
        return switch (cmd) {
            case DELETE -> 0;
            case REPLACE -> NlMessage.NLM_F_CREATE | NlMessage.NLM_F_REPLACE;
            case ADD -> NlMessage.NLM_F_CREATE | (typeBit(r) ? NlMessage.NLM_F_EXCL
                    : r.mode() == RouteSpec.Mode.APPEND ? NlMessage.NLM_F_APPEND : 0);
        };
    }

    /**
     * keepalived 2.2.7's IPROUTE_BIT_ADD is IPROUTE_BIT_TYPE: it is written (1 << IPROUTE_ADD)
     * and IPROUTE_ADD, an enum member, is shadowed by the command macro IPROUTE_ADD (1), the
     * position of IPROUTE_TYPE. So a route with a type written is added with NLM_F_EXCL, and
     * one with "add" is deleted with its type (unicast unless written); "prepend" and "append"
     * clear the bit. Their order on the line is not kept: a mode is taken as written after the
     * type, its usual place (the type leads the destination).
     */
    static boolean typeBit(RouteSpec r) {
        return r.mode() == RouteSpec.Mode.ADD || r.type() != null && r.mode() == null;
    }

    private static byte[] bytes(RoutePrefix p) {
        return p.address().getAddress();
    }

    /** RTA_GATEWAY in the route's family, else RTA_VIA { u16 family; address } (an IPv4 route via IPv6). */
    private static void gateway(NlMessage m, InetAddress via, boolean routeIpv6) {
        boolean viaIpv6 = via instanceof Inet6Address;
        if (viaIpv6 == routeIpv6) {
            m.attr(RTA_GATEWAY, via.getAddress());
        } else {
            m.attr(RTA_VIA, rtvia(via));
        }
    }

    private static byte[] rtvia(InetAddress via) {
        byte[] a = via.getAddress();
        ByteBuffer b = ByteBuffer.allocate(2 + a.length).order(ByteOrder.nativeOrder());
        b.putShort((short) (a.length == 16 ? Libc.AF_INET6 : Libc.AF_INET)).put(a);
        return b.array();
    }

    /**
     * RTA_ENCAP (nested, without NLA_F_NESTED as keepalived writes it) then RTA_ENCAP_TYPE.
     * Tunnel ids and MPLS labels are big-endian; flags are written in host order, as
     * keepalived and ip(8) do.
     */
    static void encap(NlMessage m, RouteEncap e) {
        m.nestPlain(RTA_ENCAP);
        int type = switch (e) {
            case RouteEncap.Mpls mpls -> {
                m.attr(MPLS_IPTUNNEL_DST, mplsLabels(mpls.labels()));
                yield LWTUNNEL_ENCAP_MPLS;
            }
            case RouteEncap.Ip ip -> {
                if (ip.id() != null) {
                    m.attr(LWTUNNEL_IP_ID, bigEndian64(ip.id()));
                }
                if (ip.dst() != null) {
                    m.attr(LWTUNNEL_IP_DST, ip.dst().getAddress());
                }
                if (ip.src() != null) {
                    m.attr(LWTUNNEL_IP_SRC, ip.src().getAddress());
                }
                if (ip.tos() != null) {
                    m.attrU8(LWTUNNEL_IP_TOS, ip.tos());
                }
                if (ip.ttl() != null) {
                    m.attrU8(LWTUNNEL_IP_TTL, ip.ttl());
                }
                if (ip.flags() != null) {
                    m.attrU16(LWTUNNEL_IP_FLAGS, ip.flags());
                }
                yield ip.ipv6() ? LWTUNNEL_ENCAP_IP6 : LWTUNNEL_ENCAP_IP;
            }
            case RouteEncap.Ila ila -> {
                // get_addr64 stores the four groups in network order: the locator's bytes, big-endian
                m.attr(ILA_ATTR_LOCATOR, bigEndian64(ila.locator()));
                yield LWTUNNEL_ENCAP_ILA;
            }
        };
        m.end();
        m.attrU16(RTA_ENCAP_TYPE, type);
    }

    /** MPLS label stack entries: label << 12, bottom-of-stack bit on the last; big-endian. */
    static byte[] mplsLabels(List<Long> labels) {
        ByteBuffer b = ByteBuffer.allocate(4 * labels.size()).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < labels.size(); i++) {
            int entry = (int) (labels.get(i) << MPLS_LS_LABEL_SHIFT);
            if (i == labels.size() - 1) {
                entry |= 1 << MPLS_LS_S_SHIFT;
            }
            b.putInt(entry);
        }
        return b.array();
    }

    private static byte[] bigEndian64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(v).array();
    }

    /**
     * RTA_METRICS in keepalived's order, with RTAX_LOCK last. congctl is a string without its
     * NUL, as keepalived writes it.
     */
    private static void metrics(NlMessage m, RouteMetrics x) {
        m.nestPlain(RTA_METRICS);
        if (x.congctl() != null) {
            m.attr(RTAX_CC_ALGO, x.congctl().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        u32(m, RTAX_RTT, x.rtt());
        u32(m, RTAX_RTTVAR, x.rttvar());
        u32(m, RTAX_RTO_MIN, x.rtoMin());
        if (x.ecn()) {
            m.attrU32(RTAX_FEATURES, RTAX_FEATURE_ECN);
        }
        u32(m, RTAX_MTU, x.mtu());
        u32(m, RTAX_WINDOW, x.window());
        u32(m, RTAX_SSTHRESH, x.ssthresh());
        u32(m, RTAX_CWND, x.cwnd());
        u32(m, RTAX_ADVMSS, x.advmss());
        u32(m, RTAX_REORDERING, x.reordering());
        u32(m, RTAX_HOPLIMIT, x.hoplimit() == null ? null : x.hoplimit().longValue());
        u32(m, RTAX_INITCWND, x.initcwnd());
        u32(m, RTAX_INITRWND, x.initrwnd());
        u32(m, RTAX_QUICKACK, x.quickack() == null ? null : x.quickack().longValue());
        u32(m, RTAX_FASTOPEN_NO_COOKIE, x.fastopenNoCookie() == null ? null : x.fastopenNoCookie().longValue());
        int lock = lockBits(x);
        if (lock != 0) {
            m.attrU32(RTAX_LOCK, lock);
        }
        m.end();
    }

    private static void u32(NlMessage m, int type, Long v) {
        if (v != null) {
            m.attrU32(type, v.intValue());
        }
    }

    /** The RTAX_LOCK bitmap: 1 << RTAX_x for each metric written with "lock". */
    static int lockBits(RouteMetrics x) {
        int bits = 0;
        for (String word : x.locked()) {
            bits |= 1 << switch (word) {
                case "mtu" -> RTAX_MTU;
                case "advmss" -> RTAX_ADVMSS;
                case "rtt" -> RTAX_RTT;
                case "rttvar" -> RTAX_RTTVAR;
                case "reordering" -> RTAX_REORDERING;
                case "cwnd" -> RTAX_CWND;
                case "ssthresh" -> RTAX_SSTHRESH;
                case "rto_min" -> RTAX_RTO_MIN;
                case "congctl" -> RTAX_CC_ALGO;
                default -> throw new IllegalArgumentException("no lock for metric " + word);
            };
        }
        return bits;
    }

    /**
     * RTA_MULTIPATH: one struct rtnexthop { u16 len; u8 flags; u8 hops; i32 ifindex; } per next
     * hop, followed by its RTA_GATEWAY or RTA_VIA, RTA_FLOW and encapsulation. hops is the
     * weight less one. The record's u16 length comes first, like an rtattr's, so it is opened
     * as one: flags and hops take the place of the type.
     */
    private static void multipath(NlMessage m, List<RouteNexthop> nexthops, int[] ifindex, boolean routeIpv6) {
        m.nestPlain(RTA_MULTIPATH);
        for (int i = 0; i < nexthops.size(); i++) {
            RouteNexthop nh = nexthops.get(i);
            int flags = nh.onlink() ? RTNH_F_ONLINK : 0;
            int hops = nh.weight() != null ? (nh.weight() - 1) & 0xff : 0;
            m.nestPlain(twoBytes(flags, hops)).u32(nh.dev() != null ? ifindex[i] : 0);
            if (nh.via() != null) {
                gateway(m, nh.via(), routeIpv6);
            }
            if (nh.realms() != null && nh.realms() != 0) {
                m.attrU32(RTA_FLOW, nh.realms().intValue());
            }
            if (nh.encap() != null) {
                encap(m, nh.encap());
            }
            m.end();
        }
        m.end();
    }

    /** The u16 whose bytes in host order are {@code first}, {@code second}. */
    private static int twoBytes(int first, int second) {
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? first | second << 8 : first << 8 | second;
    }
}
