package io.jkeepalived.config.value;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * One line of static_routes or virtual_routes: the options of {@code ip route add} that
 * keepalived 2.2.7 accepts (alloc_route in vrrp_iproute.c, checked against the binary):
 * <pre>
 * [TYPE] [to] DEST [src ADDR] [from PREFIX] [via [inet|inet6] ADDR] [dev|oif IF] [table T]
 *   [protocol P] [scope S] [metric|priority|preference N] [tos|dsfield DS] [onlink] [realms R]
 *   [expires N] [mtu [lock] N] [hoplimit N] [advmss [lock] N] [rtt [lock] T] [rttvar [lock] T]
 *   [reordering [lock] N] [window N] [cwnd [lock] N] [ssthresh [lock] N] [rto_min [lock] T]
 *   [initcwnd N] [initrwnd N] [features ecn] [quickack 0|1] [congctl [lock] NAME]
 *   [fastopen_no_cookie 0|1] [pref low|medium|high|N] [ttl-propagate enabled|disabled] [vrf IF]
 *   [encap ...] [add|append|prepend] [as [to] ADDR] [inet|inet6] [no_track] [track_group G]
 *   [nexthop NH...] | [via A or B]
 * </pre>
 * What keepalived rejects throws (the route is dropped); what it reports and corrects is a
 * warning. Interfaces, VRFs and track groups are checked by {@link #check}, which needs the host
 * and the rest of the configuration.
 *
 * @param type       the route type (RTN_*), or null if not written (unicast)
 * @param dst        the destination, with the route's family ("default" becomes 0.0.0.0/0 or ::/0)
 * @param from       the source prefix ({@code from}, IPv6 only), or null
 * @param src        the preferred source address ({@code src}), or null
 * @param via        the gateway, or null
 * @param dev        the output interface ({@code dev} or {@code oif}), or null
 * @param table      the table, or null for main
 * @param protocol   the protocol, or null for keepalived's own (18); a tracked route always uses 18
 * @param metric     the metric, or null
 * @param realms     (from << 16 | to), or null
 * @param expires    seconds (IPv6), or null
 * @param pref       IPv6 router preference: 3 low, 0 medium, 1 high, or another number; or null
 * @param ttlPropagate ttl-propagate enabled/disabled, or null
 * @param mode       add, append or prepend as written, or null (prepend, the kernel's default)
 * @param nexthops   multipath next hops (also what {@code via A or B} becomes)
 * @param noTrack    not reinstated if deleted; set too when keepalived cannot track (no dev)
 * @param trackGroup the track group (static routes only), or null
 * @param pos        where the line was written, for messages; not part of the value
 */
public record RouteSpec(
        Integer type,
        RoutePrefix dst,
        RoutePrefix from,
        InetAddress src,
        RouteName tos,
        RouteEncap encap,
        InetAddress via,
        String dev,
        RouteName table,
        RouteName protocol,
        RouteName scope,
        Long metric,
        boolean onlink,
        Long realms,
        Long expires,
        RouteMetrics metrics,
        Integer pref,
        Boolean ttlPropagate,
        String vrf,
        Mode mode,
        List<RouteNexthop> nexthops,
        boolean noTrack,
        String trackGroup,
        SourcePos pos) {

    /** How the route is added when a matching one exists (ip route add / append / prepend). */
    public enum Mode { ADD, APPEND, PREPEND }

    /** RTPROT_KEEPALIVED: the protocol of every route keepalived tracks. */
    public static final int RTPROT_KEEPALIVED = 18;

    public RouteSpec {
        Objects.requireNonNull(dst, "dst");
        metrics = metrics == null ? RouteMetrics.NONE : metrics;
        nexthops = List.copyOf(nexthops);
    }

    public boolean isIpv6() {
        return dst.isIpv6();
    }

    /** A plain route "DEST dev IF" (the form most configurations use). */
    public static RouteSpec of(RoutePrefix dst, String dev) {
        return new RouteSpec(null, dst, null, null, null, null, null, dev, null, null, null, null, false, null, null,
                RouteMetrics.NONE, null, null, null, null, List.of(), dev == null, null, null);
    }

    public RouteSpec withDev(String newDev) {
        return new RouteSpec(type, dst, from, src, tos, encap, via, newDev, table, protocol, scope, metric, onlink,
                realms, expires, metrics, pref, ttlPropagate, vrf, mode, nexthops, noTrack, trackGroup, pos);
    }

    public RouteSpec withNexthops(List<RouteNexthop> newNexthops) {
        return new RouteSpec(type, dst, from, src, tos, encap, via, dev, table, protocol, scope, metric, onlink,
                realms, expires, metrics, pref, ttlPropagate, vrf, mode, newNexthops, noTrack, trackGroup, pos);
    }

    public RouteSpec withTrackGroup(String group) {
        return new RouteSpec(type, dst, from, src, tos, encap, via, dev, table, protocol, scope, metric, onlink,
                realms, expires, metrics, pref, ttlPropagate, vrf, mode, nexthops, noTrack, group, pos);
    }

    /** Equal if every attribute is; where the line was is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RouteSpec r && Objects.equals(type, r.type) && dst.equals(r.dst)
                && Objects.equals(from, r.from) && Objects.equals(src, r.src) && Objects.equals(tos, r.tos)
                && Objects.equals(encap, r.encap) && Objects.equals(via, r.via) && Objects.equals(dev, r.dev)
                && Objects.equals(table, r.table) && Objects.equals(protocol, r.protocol)
                && Objects.equals(scope, r.scope) && Objects.equals(metric, r.metric) && onlink == r.onlink
                && Objects.equals(realms, r.realms) && Objects.equals(expires, r.expires)
                && metrics.equals(r.metrics) && Objects.equals(pref, r.pref)
                && Objects.equals(ttlPropagate, r.ttlPropagate) && Objects.equals(vrf, r.vrf) && mode == r.mode
                && nexthops.equals(r.nexthops) && noTrack == r.noTrack && Objects.equals(trackGroup, r.trackGroup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, dst, from, src, tos, encap, via, dev, table, protocol, scope, metric, onlink, realms,
                expires, metrics, pref, ttlPropagate, vrf, mode, nexthops, noTrack, trackGroup);
    }

    @Override
    public String toString() {
        return String.join(" ", words(this));
    }

    // ---- checks against the host and the configuration --------------------------------

    /**
     * What keepalived checks while reading a route that needs more than the line: the interfaces
     * of dev/oif, vrf and each nexthop, and the track group (defined earlier in the file, and
     * only with an interface). Reports as keepalived does, at the route's line (or
     * {@code fallback}); returns the route as keepalived keeps it, or empty if it drops it.
     * Usable for virtual_routes too (with {@link RouteLookup#forInterfaces}).
     */
    public static Optional<RouteSpec> check(RouteSpec route, RouteLookup lookup, Diagnostics diags, SourcePos fallback) {
        SourcePos at = route.pos != null ? route.pos : fallback;
        if (route.dev != null && !lookup.usable(route.dev)) {
            diags.warning(at, "WARNING - interface " + route.dev + " for VROUTE nexthop doesn't exist");
            return Optional.empty();
        }
        if (route.vrf != null && !lookup.usable(route.vrf)) {
            diags.error(at, "VRF " + route.vrf + " not found for route");
            return Optional.empty();
        }
        RouteSpec r = route;
        for (int i = 0; i < r.nexthops.size(); i++) {
            String nhDev = r.nexthops.get(i).dev();
            if (nhDev != null && !lookup.usable(nhDev)) {
                // keepalived stops reading next hops here but keeps the route with those before
                diags.warning(at, "WARNING - interface " + nhDev + " for VROUTE nexthop doesn't exist");
                r = r.withNexthops(r.nexthops.subList(0, i));
                break;
            }
        }
        if (r.trackGroup != null) {
            if (!lookup.trackGroupDefined().test(r.trackGroup)) {
                diags.warning(at, "track_group " + r.trackGroup + " not found");
                r = r.withTrackGroup(null);
            } else if (r.dev == null) {
                diags.warning(at, "Static route cannot have track group if no oif specified");
                r = r.withTrackGroup(null);
            }
        }
        return Optional.of(r);
    }

    // ---- the value type -----------------------------------------------------------------

    /** The value type: static routes accept {@code track_group GROUP}, virtual ones do not. */
    public static ValueType<RouteSpec> type(boolean isStatic) {
        return isStatic ? STATIC : VIRTUAL;
    }

    private static final Type STATIC = new Type(true);
    private static final Type VIRTUAL = new Type(false);

    private record Type(boolean isStatic) implements ValueType<RouteSpec> {

        @Override
        public RouteSpec parse(Args args) {
            return new Parser(args, isStatic).parse();
        }

        @Override
        public List<String> format(RouteSpec value) {
            return words(value);
        }

        @Override
        public Object json(RouteSpec value) {
            return RouteSpec.json(value);
        }

        @Override
        public String syntax() {
            return "[<TYPE>] [to] <PREFIX> [src <IPADDR>] [via <IPADDR>] [dev <IF>] [table <TABLE>] [metric <N>]"
                    + " [scope <SCOPE>] [protocol <PROTO>] [tos <DS>] [<METRIC-OPTIONS>...] [no_track]"
                    + (isStatic ? " [track_group <GROUP>]" : "") + " [nexthop <NEXTHOP>...]";
        }

        @Override
        public RouteSpec sample(RandomGenerator random) {
            return RouteSpec.sample(random, isStatic);
        }
    }

    // ---- parsing ------------------------------------------------------------------------

    private static final int UNSPEC = 0;
    private static final int INET = 4;
    private static final int INET6 = 6;

    /** Runs a number reader; on failure keepalived's message for the option, then the reader's. */
    static long number(LongSupplier reader, String message) {
        try {
            return reader.getAsLong();
        } catch (ValueException e) {
            throw new ValueException(message + " (" + e.getMessage() + ")");
        }
    }

    /** get_realms: "TO" or "FROM/TO", each a number or an rt_realms name up to 255. */
    static Optional<Long> parseRealms(String word) {
        int slash = word.indexOf('/');
        String first = slash < 0 ? word : word.substring(0, slash);
        var a = RouteNames.find(RouteNames.Kind.REALMS, first);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(a.getAsLong());
        }
        var b = RouteNames.find(RouteNames.Kind.REALMS, word.substring(slash + 1));
        return b.isEmpty() ? Optional.empty() : Optional.of(a.getAsLong() << 16 | b.getAsLong());
    }

    static String realmsWord(long realms) {
        return (realms >>> 16) != 0 ? (realms >>> 16) + "/" + (realms & 0xffff) : Long.toString(realms);
    }

    private static final class Parser {
        private final RouteWords w;
        private final boolean isStatic;
        private int family = UNSPEC;
        private Integer type;
        private RoutePrefix dst;
        private boolean dstUnspec;
        private String dest;
        private RoutePrefix from;
        private InetAddress src;
        private RouteName tos;
        private RouteEncap encap;
        private InetAddress via;
        private String dev;
        private RouteName table;
        private RouteName protocol;
        private RouteName scope;
        private Long metric;
        private boolean onlink;
        private Long realms;
        private Long expires;
        private final RouteMetrics.Builder metrics = new RouteMetrics.Builder();
        private Integer pref;
        private Boolean ttlPropagate;
        private String vrf;
        private Mode mode;
        private final List<RouteNexthop> nexthops = new ArrayList<>();
        private boolean noTrack;
        private String trackGroup;

        Parser(Args args, boolean isStatic) {
            this.w = new RouteWords(args);
            this.isStatic = isStatic;
        }

        private void family(int f, String message) {
            if (family == UNSPEC) {
                family = f;
            } else if (family != f) {
                throw new ValueException(message);
            }
        }

        private static int familyOf(InetAddress a) {
            return a instanceof Inet6Address ? INET6 : INET;
        }

        RouteSpec parse() {
            boolean doNexthop = false;
            String dupGroup = null;
            loop:
            while (w.more()) {
                String word = w.word();
                switch (word) {
                    case "inet6", "inet" -> {
                        int f = word.equals("inet6") ? INET6 : INET;
                        family(f, word + " specified for " + (f == INET6 ? "IPv4" : "IPv6") + " route");
                        // keepalived 2.2.7 steps over the next word too
                        if (w.i + 1 < w.size()) {
                            w.lint("'" + w.word(w.i + 1) + "' after '" + word + "' is skipped (keepalived 2.2.7 ignores"
                                    + " the word after inet/inet6)");
                        }
                        w.i++;
                    }
                    case "src" -> {
                        String a = w.next();
                        src = address(a, "invalid route src address " + a);
                        family(familyOf(src), "Cannot mix IPv4 and IPv6 addresses for route");
                    }
                    case "as" -> {
                        if (w.next().equals("to")) {
                            w.i++;
                        }
                        w.warning("\"as to\" for MPLS only - ignoring");
                    }
                    case "via", "gw" -> {
                        if (word.equals("gw")) {
                            w.warning("\"gw\" for routes is deprecated. Please use \"via\"");
                        }
                        String a = w.next();
                        int f = family;
                        if (a.equals("inet") || a.equals("inet6")) {
                            f = a.equals("inet") ? INET : INET6;
                            a = w.next();
                        }
                        if (f != UNSPEC) {
                            family(f, "Cannot mix IPv4 and IPv6 addresses for route");
                        }
                        via = address(a, "invalid route via address " + a);
                        family(familyOf(via), "Cannot mix IPv4 and IPv6 addresses for route");
                    }
                    case "from" -> {
                        String p = w.next();
                        RoutePrefix f = prefix(p, "invalid route from address " + p);
                        if (f == null || !f.isIpv6()) {
                            throw new ValueException("route from address only supported with IPv6 (" + p + ")");
                        }
                        from = f;
                        family(INET6, "Cannot mix IPv4 and IPv6 addresses for route");
                    }
                    case "tos", "dsfield" -> {
                        String v = w.next();
                        tos = RouteName.find(RouteNames.Kind.DSFIELD, v)
                                .orElseThrow(() -> new ValueException("TOS value " + v + " is invalid"));
                    }
                    case "table" -> {
                        String v = w.next();
                        table = RouteName.find(RouteNames.Kind.TABLE, v)
                                .orElseThrow(() -> new ValueException("Routing table " + v + " not found for route"));
                    }
                    case "protocol" -> {
                        String v = w.next();
                        protocol = RouteName.find(RouteNames.Kind.PROTOCOL, v).orElseThrow(
                                () -> new ValueException("Protocol " + v + " not found or invalid for route"));
                    }
                    case "scope" -> {
                        String v = w.next();
                        scope = RouteName.find(RouteNames.Kind.SCOPE, v).orElseThrow(
                                () -> new ValueException("Scope " + v + " not found or invalid for route"));
                    }
                    case "metric", "priority", "preference" -> metric = u32(w.next(), "Invalid metric %s specified for route");
                    case "dev", "oif" -> dev = w.next();
                    case "onlink" -> onlink = true;
                    case "encap" -> {
                        RouteEncap e = RouteEncap.parse(w);
                        encap = e != null ? e : encap;
                    }
                    case "expires" -> {
                        String v = w.next();
                        if (family == INET) {
                            throw new ValueException("expires is only valid for IPv6");
                        }
                        family = INET6;
                        expires = u32(v, "Invalid expires time %s specified for route");
                    }
                    case "mtu" -> metrics.mtu = locked("mtu", "Invalid MTU %s specified for route");
                    case "hoplimit" -> {
                        String v = w.next();
                        metrics.hoplimit = (int) number(() -> RouteNumbers.readUnsigned(v, 0, 255, 10),
                                "Invalid hoplimit " + v + " specified for route");
                    }
                    case "advmss" -> metrics.advmss = locked("advmss", "Invalid advmss %s specified for route");
                    case "rtt" -> metrics.rtt = time(RouteMetrics.Time.RTT, "Invalid rtt %s for route");
                    case "rttvar" -> metrics.rttvar = time(RouteMetrics.Time.RTTVAR, "Invalid rttvar %s for route");
                    case "reordering" -> metrics.reordering =
                            locked("reordering", "Invalid reordering value %s specified for route");
                    case "window" -> metrics.window = u32(w.next(), "Invalid window value %s specified for route");
                    case "cwnd" -> metrics.cwnd = locked("cwnd", "Invalid cwnd value %s specified for route");
                    case "ssthresh" -> metrics.ssthresh = locked("ssthresh", "Invalid ssthresh value %s specified for route");
                    case "realms" -> {
                        String v = w.next();
                        long r = parseRealms(v).orElseThrow(() -> new ValueException("Invalid realms " + v + " for route"));
                        if (family == INET6) {
                            throw new ValueException("realms are only valid for IPv4");
                        }
                        family = INET;
                        realms = r;
                    }
                    case "rto_min" -> metrics.rtoMin = time(RouteMetrics.Time.RTO_MIN,
                            "Invalid rto_min value %s specified for route");
                    case "initcwnd" -> metrics.initcwnd = u32(w.next(), "Invalid initcwnd value %s specified for route");
                    case "initrwnd" -> metrics.initrwnd = u32(w.next(), "Invalid initrwnd value %s specified for route");
                    case "features" -> {
                        String v = w.next();
                        if (v.equals("ecn")) {
                            metrics.ecn = true;
                        } else {
                            w.warning("feature " + v + " not supported");
                        }
                    }
                    case "quickack" -> {
                        String v = w.next();
                        metrics.quickack = (int) number(() -> RouteNumbers.readUnsigned(v, 0, 1, 10),
                                "Invalid quickack value " + v + " specified for route");
                    }
                    case "congctl" -> {
                        String v = w.next();
                        if (v.equals("lock")) {
                            metrics.locked.add("congctl");
                            v = w.next();
                        }
                        metrics.congctl = v;
                    }
                    case "pref" -> {
                        String v = w.next();
                        if (family == INET) {
                            throw new ValueException("pref is only valid for IPv6");
                        }
                        family = INET6;
                        pref = switch (v) {
                            case "low" -> 3;
                            case "medium" -> 0;
                            case "high" -> 1;
                            default -> (int) number(() -> RouteNumbers.readUnsigned(v, 0, 255, 10),
                                    "Invalid pref value " + v + " specified for route");
                        };
                    }
                    case "ttl-propagate" -> {
                        String v = w.next();
                        switch (v) {
                            case "enabled" -> ttlPropagate = true;
                            case "disabled" -> ttlPropagate = false;
                            default -> {
                                // keepalived still sets the attribute, with the value it had (disabled at first)
                                w.warning("ttl-propagate value " + v + " not recognised");
                                ttlPropagate = ttlPropagate != null && ttlPropagate;
                            }
                        }
                    }
                    case "fastopen_no_cookie" -> {
                        String v = w.next();
                        metrics.fastopenNoCookie = (int) number(() -> RouteNumbers.readUnsigned(v, 0, 1, 10),
                                "Invalid fastopen_no_cookie value " + v + " specified for route");
                    }
                    case "vrf" -> vrf = w.next();
                    case "add" -> mode = Mode.ADD;
                    case "append" -> mode = Mode.APPEND;
                    case "prepend" -> mode = Mode.PREPEND;
                    case "or" -> {
                        w.warning("\"or\" for routes is deprecated. Please use \"nexthop\"");
                        if (!nexthops.isEmpty()) {
                            w.warning("\"or\" route already specified - ignoring subsequent");
                            w.i += 2;
                            continue loop;
                        }
                        // the via address becomes the first next hop, the "or" address the second
                        nexthops.add(via == null ? RouteNexthop.EMPTY : RouteNexthop.via(via));
                        via = null;
                        String a = w.next();
                        nexthops.add(RouteNexthop.via(address(a, "Invalid \"or\" address " + a)));
                    }
                    case "nexthop" -> {
                        if (!nexthops.isEmpty()) {
                            w.warning("Cannot specify nexthops with \"or\" route");
                        } else {
                            doNexthop = true;
                        }
                        break loop;
                    }
                    case "no_track" -> noTrack = true;
                    default -> {
                        if (word.equals("track_group") && isStatic) {
                            String g = w.next();
                            if (trackGroup != null) {
                                // keepalived assumes the first group was found; see check() for "not found"
                                w.warning("track_group " + g + " is a duplicate");
                                dupGroup = g;
                                break loop;
                            }
                            trackGroup = g;
                        } else {
                            destination(word);
                        }
                    }
                }
                w.i++;
            }

            if (doNexthop) {
                parseNexthops();
            } else if (w.more()) {
                throw new ValueException("Route has trailing nonsense - " + (dupGroup != null ? dupGroup : w.word()));
            }
            if (dst == null && !dstUnspec) {
                throw new ValueException("Route must have a destination");
            }
            if (!noTrack) {
                if (protocol != null && protocol.value() != RTPROT_KEEPALIVED) {
                    w.warning("Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(" + RTPROT_KEEPALIVED
                            + "), resetting protocol");
                    protocol = null;
                }
                if (dev == null) {
                    w.warning("Warning - cannot track route " + dest + " with no interface specified, not tracking");
                    noTrack = true;
                }
            }
            if (family == UNSPEC) {
                family = INET;
            }
            if (dstUnspec) {
                dst = RoutePrefix.any(family == INET6);
            }
            if (hostBitsSet(dst)) {
                w.lint("destination " + dest + " has host bits set - the kernel refuses such a route");
            }
            return new RouteSpec(type, dst, from, src, tos, encap, via, dev, table, protocol, scope, metric, onlink,
                    realms, expires, metrics.build(), pref, ttlPropagate, vrf, mode, nexthops, noTrack, trackGroup,
                    w.args().pos());
        }

        /** The final branch of keepalived's parser: [to] [TYPE] DEST. */
        private void destination(String word) {
            if (word.equals("to")) {
                w.i++;
            } else {
                var t = RouteNames.routeType(word);
                if (t.isPresent()) {
                    type = t.getAsInt();
                    w.i++;
                }
            }
            dest = w.word();
            RoutePrefix p = prefix(dest, "unknown route keyword " + dest);
            if (p == null) {
                int f = family;
                if (f != UNSPEC) {
                    throw new ValueException("Cannot mix IPv4 and IPv6 addresses for route (" + dest + ")");
                }
                dst = null;
                dstUnspec = true;
            } else {
                int f = p.isIpv6() ? INET6 : INET;
                if (family != UNSPEC && family != f) {
                    throw new ValueException("Cannot mix IPv4 and IPv6 addresses for route (" + dest + ")");
                }
                family = f;
                dst = p;
                dstUnspec = false;
            }
        }

        /** parse_nexthops: errors drop the next hop being read and those after it, not the route. */
        private void parseNexthops() {
            int viaFamily = UNSPEC;
            try {
                while (w.more() && w.word().equals("nexthop")) {
                    w.i++;
                    InetAddress nhVia = null;
                    String nhDev = null;
                    Integer weight = null;
                    boolean nhOnlink = false;
                    Long nhRealms = null;
                    RouteEncap nhEncap = null;
                    inner:
                    while (w.more()) {
                        String word = w.word();
                        switch (word) {
                            case "via" -> {
                                String a = w.next();
                                if (a.equals("inet") || a.equals("inet6")) {
                                    viaFamily = a.equals("inet") ? INET : INET6;
                                    a = w.next();
                                }
                                if (viaFamily != UNSPEC) {
                                    family(viaFamily, "IPv4/6 mismatch for nexthop");
                                }
                                nhVia = address(a, "invalid nexthop address " + a);
                                family(familyOf(nhVia), "Address family mismatch for next hop");
                            }
                            case "dev" -> nhDev = w.next();
                            case "weight" -> {
                                String v = w.next();
                                long n = number(() -> RouteNumbers.readUnsigned(v, 0, 256, 10),
                                        "Invalid weight " + v + " specified for route");
                                if (n == 0) {
                                    throw new ValueException("Invalid weight 0 specified for route");
                                }
                                weight = (int) n;
                            }
                            case "onlink" -> nhOnlink = true;
                            case "encap" -> {
                                RouteEncap e = RouteEncap.parse(w);
                                nhEncap = e != null ? e : nhEncap;
                            }
                            case "realms" -> {
                                String v = w.next();
                                nhRealms = parseRealms(v)
                                        .orElseThrow(() -> new ValueException("Invalid realms " + v + " for route"));
                                family(INET, "realms are only supported for IPv4");
                            }
                            case "as" -> {
                                if (w.next().equals("to")) {
                                    w.i++;
                                }
                                throw new ValueException("'as [to]' (nat) not supported");
                            }
                            default -> {
                                break inner;
                            }
                        }
                        w.i++;
                    }
                    nexthops.add(new RouteNexthop(nhVia, nhDev, weight, nhOnlink, nhRealms, nhEncap));
                }
                if (w.more()) {
                    throw new ValueException("Route has trailing nonsense after nexthops - " + w.word());
                }
            } catch (ValueException e) {
                w.warning(e.getMessage());
            }
        }

        private InetAddress address(String word, String message) {
            try {
                return RoutePrefix.parseAddress(word);
            } catch (ValueException e) {
                throw new ValueException(message);
            }
        }

        /** parse_route: a prefix, or null for "default", "any" and "all" (family still open). */
        private RoutePrefix prefix(String word, String message) {
            switch (word) {
                case "default", "any", "all" -> {
                    return null;
                }
                case "default6" -> {
                    w.lint("'default6' is deprecated - please replace with 'inet6 default'");
                    return RoutePrefix.any(true);
                }
                default -> {
                    try {
                        return RoutePrefix.parse(word, w::warning);
                    } catch (ValueException e) {
                        throw new ValueException(message);
                    }
                }
            }
        }

        private long u32(String v, String message) {
            return number(() -> RouteNumbers.readUnsigned(v, 0, RouteNumbers.UINT_MAX, 10), message.formatted(v));
        }

        /** {@code KEYWORD [lock] N}. */
        private long locked(String keyword, String message) {
            String v = w.next();
            if (v.equals("lock")) {
                metrics.locked.add(keyword);
                v = w.next();
            }
            return u32(v, message);
        }

        /** {@code rtt|rttvar|rto_min [lock] TIME}: keepalived 2.2.7's get_time_rtt. */
        private long time(RouteMetrics.Time t, String message) {
            String v = w.next();
            if (v.equals("lock")) {
                metrics.locked.add(t.word);
                v = w.next();
            }
            String word = v;
            long maxNumber = switch (t) {
                case RTT -> 960_000;
                case RTTVAR -> 480_000;
                case RTO_MIN -> 120_000;
            };
            int unit = -1;
            for (int k = 0; k < word.length(); k++) {
                if (word.charAt(k) == 's' || word.charAt(k) == 'S') {
                    unit = k > 0 && (word.charAt(k - 1) == 'm' || word.charAt(k - 1) == 'M') ? k - 1 : k;
                    break;
                }
            }
            String num = unit < 0 ? word : word.substring(0, unit);
            String suffix = unit < 0 ? "" : word.substring(unit).toLowerCase();
            boolean seconds = suffix.equals("s") || suffix.equals("sec") || suffix.equals("secs");
            boolean millis = suffix.equals("ms") || suffix.equals("msec") || suffix.equals("msecs");
            if (unit >= 0 && (num.isEmpty() || !seconds && !millis)) {
                throw new ValueException(message.formatted(word));
            }
            if (num.indexOf('e') >= 0 || num.indexOf('E') >= 0) {
                w.lint("rtt value exponential form " + word + " no longer supported");
                throw new ValueException(message.formatted(word));
            }
            long n = number(() -> RouteNumbers.readDecimal(num, 0, maxNumber, seconds ? 3 : 0, w::warning),
                    message.formatted(word));
            long units = unit < 0 ? n : n * t.unitsPerMs;
            long min = 200L * t.unitsPerMs;
            long max = 120_000L * t.unitsPerMs;
            if (units > max) {
                w.lint("rtt value " + word + " exceeds maximum 120s, resetting");
                units = max;
            } else if (units < min) {
                w.lint("rtt value " + word + " below minimum 200ms, resetting");
                units = min;
            }
            return units;
        }
    }

    static boolean hostBitsSet(RoutePrefix p) {
        byte[] b = p.address().getAddress();
        for (int bit = p.length(); bit < b.length * 8; bit++) {
            if ((b[bit / 8] >> (7 - bit % 8) & 1) != 0) {
                return true;
            }
        }
        return false;
    }

    // ---- formatting ---------------------------------------------------------------------

    /**
     * The route in canonical order; parsing these words gives an equal route. Next hops come
     * last (keepalived reads everything after "nexthop" as next hops).
     */
    static List<String> words(RouteSpec r) {
        List<String> out = new ArrayList<>();
        // "via A or B" with a B of the other family cannot be written as next hops: keep the "or"
        boolean orForm = r.nexthops.size() == 2 && r.nexthops.stream().allMatch(
                nh -> nh.dev() == null && nh.weight() == null && !nh.onlink() && nh.realms() == null && nh.encap() == null)
                && r.nexthops.get(1).via() != null
                && r.nexthops.stream().anyMatch(nh -> nh.via() != null && (nh.via() instanceof Inet6Address) != r.isIpv6());
        if (r.type != null) {
            out.add(RouteNames.routeTypeName(r.type));
        }
        out.add(r.dst.word());
        if (r.from != null) {
            out.addAll(List.of("from", r.from.word()));
        }
        if (r.src != null) {
            out.addAll(List.of("src", Types.formatAddress(r.src)));
        }
        if (r.tos != null) {
            out.addAll(List.of("tos", Types.quote1(r.tos.word())));
        }
        if (r.via != null && !orForm) {
            out.addAll(List.of("via", Types.formatAddress(r.via)));
        }
        if (r.dev != null) {
            out.addAll(List.of("dev", Types.quote1(r.dev)));
        }
        if (r.table != null) {
            out.addAll(List.of("table", Types.quote1(r.table.word())));
        }
        if (r.protocol != null) {
            out.addAll(List.of("protocol", Types.quote1(r.protocol.word())));
        }
        if (r.scope != null) {
            out.addAll(List.of("scope", Types.quote1(r.scope.word())));
        }
        if (r.metric != null) {
            out.addAll(List.of("metric", r.metric.toString()));
        }
        if (r.onlink) {
            out.add("onlink");
        }
        if (r.realms != null) {
            out.addAll(List.of("realms", realmsWord(r.realms)));
        }
        if (r.expires != null) {
            out.addAll(List.of("expires", r.expires.toString()));
        }
        out.addAll(r.metrics.words());
        if (r.pref != null) {
            out.addAll(List.of("pref", switch (r.pref) {
                case 3 -> "low";
                case 0 -> "medium";
                case 1 -> "high";
                default -> r.pref.toString();
            }));
        }
        if (r.ttlPropagate != null) {
            out.addAll(List.of("ttl-propagate", r.ttlPropagate ? "enabled" : "disabled"));
        }
        if (r.vrf != null) {
            out.addAll(List.of("vrf", Types.quote1(r.vrf)));
        }
        if (r.mode != null) {
            out.add(r.mode.name().toLowerCase());
        }
        // the encapsulation's options (ttl, hoplimit, tos ...) would swallow the route's own if
        // they followed it, so it goes after them; none of the words below is an encap option
        if (r.encap != null) {
            out.add("encap");
            out.addAll(r.encap.words());
        }
        if (r.noTrack) {
            out.add("no_track");
        }
        if (r.trackGroup != null) {
            out.addAll(List.of("track_group", Types.quote1(r.trackGroup)));
        }
        if (orForm) {
            if (r.nexthops.get(0).via() != null) {
                out.addAll(List.of("via", Types.formatAddress(r.nexthops.get(0).via())));
            }
            out.addAll(List.of("or", Types.formatAddress(r.nexthops.get(1).via())));
            if (r.via != null) {
                out.addAll(List.of("via", Types.formatAddress(r.via)));
            }
        } else {
            for (RouteNexthop nh : r.nexthops) {
                out.add("nexthop");
                out.addAll(nh.words());
            }
        }
        return out;
    }

    static Map<String, Object> json(RouteSpec r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type == null ? "unicast" : RouteNames.routeTypeName(r.type));
        m.put("dst", r.dst.word());
        m.put("family", r.isIpv6() ? "inet6" : "inet");
        if (r.from != null) {
            m.put("from", r.from.word());
        }
        if (r.src != null) {
            m.put("src", Types.formatAddress(r.src));
        }
        if (r.tos != null) {
            m.put("tos", r.tos.value());
        }
        if (r.encap != null) {
            m.put("encap", r.encap.json());
        }
        if (r.via != null) {
            m.put("via", Types.formatAddress(r.via));
        }
        if (r.dev != null) {
            m.put("dev", r.dev);
        }
        m.put("table", r.table == null ? 254 : r.table.value());
        m.put("protocol", r.protocol == null ? RTPROT_KEEPALIVED : r.protocol.value());
        if (r.scope != null) {
            m.put("scope", r.scope.value());
        }
        if (r.metric != null) {
            m.put("metric", r.metric);
        }
        if (r.onlink) {
            m.put("onlink", true);
        }
        if (r.realms != null) {
            m.put("realms", realmsWord(r.realms));
        }
        if (r.expires != null) {
            m.put("expires", r.expires);
        }
        if (!r.metrics.isEmpty()) {
            m.put("metrics", r.metrics.json());
        }
        if (r.pref != null) {
            m.put("pref", r.pref);
        }
        if (r.ttlPropagate != null) {
            m.put("ttl_propagate", r.ttlPropagate);
        }
        if (r.vrf != null) {
            m.put("vrf", r.vrf);
        }
        m.put("mode", r.mode == null ? "prepend" : r.mode.name().toLowerCase());
        if (!r.nexthops.isEmpty()) {
            m.put("nexthops", r.nexthops.stream().map(RouteNexthop::json).toList());
        }
        m.put("track", !r.noTrack);
        if (r.trackGroup != null) {
            m.put("track_group", r.trackGroup);
        }
        return m;
    }

    // ---- samples ------------------------------------------------------------------------

    static RouteSpec sample(RandomGenerator r, boolean isStatic) {
        boolean v6 = r.nextInt(3) == 0;
        int max = v6 ? 128 : 32;
        InetAddress a = Types.sampleAddress(r, v6);
        int len = r.nextInt(4) == 0 ? max : r.nextInt(0, max + 1);
        RoutePrefix dst = new RoutePrefix(mask(a, len), len);
        String dev = r.nextInt(4) == 0 ? null : "eth" + r.nextInt(3);
        boolean noTrack = dev == null || r.nextInt(5) == 0;
        RouteMetrics metrics = RouteMetrics.NONE;
        if (r.nextInt(3) == 0) {
            RouteMetrics.Builder b = new RouteMetrics.Builder();
            b.mtu = r.nextBoolean() ? (long) r.nextInt(576, 9001) : null;
            b.hoplimit = r.nextBoolean() ? r.nextInt(256) : null;
            b.rtt = r.nextBoolean() ? r.nextLong(1600, 960_001) : null;
            b.rttvar = r.nextBoolean() ? r.nextLong(800, 480_001) : null;
            b.rtoMin = r.nextBoolean() ? r.nextLong(200, 120_001) : null;
            b.cwnd = r.nextBoolean() ? (long) r.nextInt(100) : null;
            b.ecn = r.nextBoolean();
            b.quickack = r.nextBoolean() ? r.nextInt(2) : null;
            b.congctl = r.nextBoolean() ? "cubic" : null;
            if (b.mtu != null && r.nextBoolean()) {
                b.locked.add("mtu");
            }
            if (b.rtt != null && r.nextBoolean()) {
                b.locked.add("rtt");
            }
            if (b.congctl != null && r.nextBoolean()) {
                b.locked.add("congctl");
            }
            metrics = b.build();
        }
        List<RouteNexthop> nexthops = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            for (int k = r.nextInt(1, 3); k > 0; k--) {
                nexthops.add(new RouteNexthop(Types.sampleAddress(r, v6), r.nextBoolean() ? "eth" + r.nextInt(3) : null,
                        r.nextBoolean() ? r.nextInt(1, 257) : null, !v6 && r.nextBoolean(),
                        !v6 && r.nextInt(4) == 0 ? (long) r.nextInt(256) : null,
                        r.nextInt(5) == 0 ? RouteEncap.sample(r) : null));
            }
        }
        RouteName protocol = noTrack && r.nextBoolean() ? RouteName.of(r.nextInt(256))
                : r.nextInt(6) == 0 ? RouteName.of(RTPROT_KEEPALIVED) : null;
        return new RouteSpec(
                r.nextInt(5) == 0 ? new int[] {1, 2, 3, 6, 7, 8, 9}[r.nextInt(7)] : null,
                dst,
                v6 && r.nextInt(4) == 0 ? new RoutePrefix(mask(Types.sampleAddress(r, true), 64), 64) : null,
                r.nextInt(4) == 0 ? Types.sampleAddress(r, v6) : null,
                r.nextInt(6) == 0 ? RouteName.of(r.nextInt(256)) : null,
                r.nextInt(8) == 0 ? RouteEncap.sample(r) : null,
                r.nextBoolean() ? Types.sampleAddress(r, v6) : null,
                dev,
                r.nextInt(3) == 0 ? (r.nextBoolean() ? new RouteName(254, "main") : RouteName.of(r.nextInt(1, 100_000)))
                        : null,
                protocol,
                r.nextInt(5) == 0 ? RouteName.of(new int[] {0, 200, 253, 254}[r.nextInt(4)]) : null,
                r.nextBoolean() ? (long) r.nextInt(1, 1000) : null,
                r.nextInt(6) == 0,
                !v6 && r.nextInt(6) == 0 ? (long) (r.nextInt(256) << 16 | r.nextInt(256)) : null,
                v6 && r.nextInt(4) == 0 ? (long) r.nextInt(100_000) : null,
                metrics,
                v6 && r.nextInt(4) == 0 ? new int[] {0, 1, 3, 7}[r.nextInt(4)] : null,
                r.nextInt(8) == 0 ? r.nextBoolean() : null,
                r.nextInt(10) == 0 ? "vrf-blue" : null,
                r.nextInt(5) == 0 ? Mode.values()[r.nextInt(3)] : null,
                nexthops,
                noTrack,
                isStatic && r.nextInt(4) == 0 ? "TG" + r.nextInt(3) : null,
                null);
    }

    /** The address with the bits after {@code len} cleared, as sample destinations are written. */
    private static InetAddress mask(InetAddress a, int len) {
        byte[] b = a.getAddress();
        for (int bit = len; bit < b.length * 8; bit++) {
            b[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        try {
            return b.length == 16 ? Inet6Address.getByAddress(null, b, null) : InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
