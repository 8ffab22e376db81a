package io.jkeepalived.config.value;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One line of static_rules or virtual_rules: the options of {@code ip rule add} that keepalived
 * 2.2.7 accepts (alloc_rule in vrrp_iprule.c, checked against the binary):
 * <pre>
 * [not] [from PREFIX] [to PREFIX] [preference|priority|order N] [tos|dsfield DS]
 *   [fwmark N[/MASK]] [dev|iif IF] [oif IF] [realms R] [suppress_prefixlength|sup_pl N]
 *   [suppress_ifgroup|sup_group G] [tunnel-id N] [uidrange A-B] [protocol N] [ipproto P]
 *   [sport A-B] [dport A-B] [inet|inet6] [no_track] [track_group G]
 *   table|lookup T | l3mdev | goto N | nop | [type] blackhole|unreachable|prohibit
 * </pre>
 * A rule without a preference gets one when the whole configuration is known (keepalived numbers
 * them down from 16384 per family, in file order, static and virtual rules alike): see
 * {@link PriorityAllocator}, used by the static check.
 *
 * @param ipv6       the family (IPv4 unless an address, inet6 or an IPv6-only option says so)
 * @param not        the rule is inverted
 * @param from       the source prefix, or null for all
 * @param to         the destination prefix, or null for all
 * @param priority   the preference, or null until one is assigned
 * @param fwmark     the firewall mark, or null
 * @param fwmask     the mask written after "/", or null
 * @param iif        the input interface (dev/iif), or null
 * @param oif        the output interface, or null
 * @param suppressPrefixLength suppress_prefixlength, or null
 * @param tunnelId   tunnel-id (unsigned 64 bits; 0 means none to keepalived), or null
 * @param protocol   the rule's protocol, or null for keepalived's own (18)
 * @param ipProto    the IP protocol (ipproto), or null
 * @param realms     (from << 16 | to), or null
 * @param action     what the rule does
 * @param table      the table for {@link Action#TABLE} (null with l3mdev)
 * @param gotoTarget the preference to go to for {@link Action#GOTO}
 * @param trackGroup the track group (static rules only), or null
 * @param pos        where the line was written, for messages; not part of the value
 */
public record RuleSpec(
        boolean ipv6,
        boolean not,
        RoutePrefix from,
        RoutePrefix to,
        Long priority,
        RouteName tos,
        Long fwmark,
        Long fwmask,
        String iif,
        String oif,
        Long suppressPrefixLength,
        RouteName suppressIfgroup,
        Long tunnelId,
        RuleRange uidrange,
        boolean l3mdev,
        Integer protocol,
        RouteName ipProto,
        RuleRange sport,
        RuleRange dport,
        Long realms,
        Action action,
        RouteName table,
        Long gotoTarget,
        boolean noTrack,
        String trackGroup,
        SourcePos pos) {

    /** The FR_ACT_* a rule has. */
    public enum Action { TABLE, GOTO, NOP, BLACKHOLE, UNREACHABLE, PROHIBIT }

    /** keepalived's RULE_START_PRIORITY: the first preference it gives a rule that has none. */
    public static final int RULE_START_PRIORITY = 16384;

    public RuleSpec {
        Objects.requireNonNull(action, "action");
    }

    /** A rule "from PREFIX table T" (the common form). */
    public static RuleSpec fromTable(RoutePrefix from, long table, Long priority) {
        return new RuleSpec(from != null && from.isIpv6(), false, from, null, priority, null, null, null, null, null,
                null, null, null, null, false, null, null, null, null, null, Action.TABLE, RouteName.of(table), null,
                false, null, null);
    }

    public RuleSpec withPriority(Long newPriority) {
        return new RuleSpec(ipv6, not, from, to, newPriority, tos, fwmark, fwmask, iif, oif, suppressPrefixLength,
                suppressIfgroup, tunnelId, uidrange, l3mdev, protocol, ipProto, sport, dport, realms, action, table,
                gotoTarget, noTrack, trackGroup, pos);
    }

    public RuleSpec withTrackGroup(String group) {
        return new RuleSpec(ipv6, not, from, to, priority, tos, fwmark, fwmask, iif, oif, suppressPrefixLength,
                suppressIfgroup, tunnelId, uidrange, l3mdev, protocol, ipProto, sport, dport, realms, action, table,
                gotoTarget, noTrack, group, pos);
    }

    /** Equal if every attribute is; where the line was is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSpec r && ipv6 == r.ipv6 && not == r.not && Objects.equals(from, r.from)
                && Objects.equals(to, r.to) && Objects.equals(priority, r.priority) && Objects.equals(tos, r.tos)
                && Objects.equals(fwmark, r.fwmark) && Objects.equals(fwmask, r.fwmask) && Objects.equals(iif, r.iif)
                && Objects.equals(oif, r.oif) && Objects.equals(suppressPrefixLength, r.suppressPrefixLength)
                && Objects.equals(suppressIfgroup, r.suppressIfgroup) && Objects.equals(tunnelId, r.tunnelId)
                && Objects.equals(uidrange, r.uidrange) && l3mdev == r.l3mdev && Objects.equals(protocol, r.protocol)
                && Objects.equals(ipProto, r.ipProto) && Objects.equals(sport, r.sport)
                && Objects.equals(dport, r.dport) && Objects.equals(realms, r.realms) && action == r.action
                && Objects.equals(table, r.table) && Objects.equals(gotoTarget, r.gotoTarget) && noTrack == r.noTrack
                && Objects.equals(trackGroup, r.trackGroup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipv6, not, from, to, priority, tos, fwmark, fwmask, iif, oif, suppressPrefixLength,
                suppressIfgroup, tunnelId, uidrange, l3mdev, protocol, ipProto, sport, dport, realms, action, table,
                gotoTarget, noTrack, trackGroup);
    }

    @Override
    public String toString() {
        return String.join(" ", words(this));
    }

    // ---- checks against the host and the configuration --------------------------------

    /**
     * What keepalived checks while reading a rule that needs more than the line: that dev/iif
     * and oif exist, and the track group (defined earlier in the file, and only with an input
     * interface). Reports as keepalived does, at the rule's line (or {@code fallback}); returns the
     * rule as keepalived keeps it, or empty if it drops it. Usable for virtual_rules too.
     */
    public static Optional<RuleSpec> check(RuleSpec rule, RouteLookup lookup, Diagnostics diags, SourcePos fallback) {
        SourcePos at = rule.pos != null ? rule.pos : fallback;
        for (String dev : new String[] {rule.iif, rule.oif}) {
            if (dev != null && !lookup.usable(dev)) {
                diags.warning(at, "WARNING - interface " + dev + " for rule doesn't exist");
                return Optional.empty();
            }
        }
        RuleSpec r = rule;
        if (r.trackGroup != null) {
            if (!lookup.trackGroupDefined().test(r.trackGroup)) {
                diags.warning(at, "track_group " + r.trackGroup + " not found");
                r = r.withTrackGroup(null);
            } else if (r.iif == null) {
                diags.warning(at, "Static rule cannot have track_group if dev/iif not specified");
                r = r.withTrackGroup(null);
            }
        }
        return Optional.of(r);
    }

    /**
     * keepalived's numbering of rules written without a preference: 16384, 16383, ... per
     * family, over static and virtual rules in the order they are read.
     */
    public static final class PriorityAllocator {
        private long nextIpv4 = RULE_START_PRIORITY;
        private long nextIpv6 = RULE_START_PRIORITY;

        /** The rule with a preference, reporting one given as keepalived does. */
        public RuleSpec assign(RuleSpec rule, Diagnostics diags, SourcePos fallback) {
            if (rule.priority != null) {
                return rule;
            }
            long p = rule.ipv6 ? nextIpv6-- : nextIpv4--;
            diags.warning(rule.pos != null ? rule.pos : fallback,
                    "Rule has no preference specified - setting to " + p + ". This is probably not what you want.");
            return rule.withPriority(p);
        }
    }

    // ---- the value type -----------------------------------------------------------------

    /** The value type: static rules accept {@code track_group GROUP}, virtual ones do not. */
    public static ValueType<RuleSpec> type(boolean isStatic) {
        return isStatic ? STATIC : VIRTUAL;
    }

    private static final Type STATIC = new Type(true);
    private static final Type VIRTUAL = new Type(false);

    private record Type(boolean isStatic) implements ValueType<RuleSpec> {

        @Override
        public RuleSpec parse(Args args) {
            return new Parser(args, isStatic).parse();
        }

        @Override
        public List<String> format(RuleSpec value) {
            return words(value);
        }

        @Override
        public Object json(RuleSpec value) {
            return RuleSpec.json(value);
        }

        @Override
        public String syntax() {
            return "[not] [from <PREFIX>] [to <PREFIX>] [preference <N>] [tos <DS>] [fwmark <N>[/<MASK>]] [iif <IF>]"
                    + " [oif <IF>] [<SELECTORS>...] [no_track]" + (isStatic ? " [track_group <GROUP>]" : "")
                    + " table <TABLE>|goto <N>|nop|l3mdev|blackhole|unreachable|prohibit";
        }

        @Override
        public RuleSpec sample(RandomGenerator random) {
            return RuleSpec.sample(random, isStatic);
        }
    }

    // ---- parsing ------------------------------------------------------------------------

    private static final int UNSPEC = 0;
    private static final int INET = 4;
    private static final int INET6 = 6;

    private static final class Parser {
        private final RouteWords w;
        private final boolean isStatic;
        private int family = UNSPEC;
        private boolean not;
        private RoutePrefix from;
        private RoutePrefix to;
        private Long priority;
        private RouteName tos;
        private Long fwmark;
        private Long fwmask;
        private String iif;
        private String oif;
        private Long suppressPrefixLength;
        private RouteName suppressIfgroup;
        private Long tunnelId;
        private RuleRange uidrange;
        private boolean l3mdev;
        private Integer protocol;
        private RouteName ipProto;
        private RuleRange sport;
        private RuleRange dport;
        private Long realms;
        private Action action;
        private RouteName table;
        private Long gotoTarget;
        private boolean tableOption;
        private boolean noTrack;
        private String trackGroup;

        Parser(Args args, boolean isStatic) {
            this.w = new RouteWords(args);
            this.isStatic = isStatic;
        }

        RuleSpec parse() {
            loop:
            while (w.more()) {
                String word = w.word();
                switch (word) {
                    case "inet6", "inet" -> {
                        int f = word.equals("inet6") ? INET6 : INET;
                        if (family == UNSPEC) {
                            family = f;
                        } else if (family != f) {
                            throw new ValueException(word + " specified for " + (f == INET6 ? "IPv4" : "IPv6") + " rule");
                        }
                        // keepalived 2.2.7 steps over the next word too
                        if (w.i + 1 < w.size()) {
                            w.lint("'" + w.word(w.i + 1) + "' after '" + word + "' is skipped (keepalived 2.2.7 ignores"
                                    + " the word after inet/inet6)");
                        }
                        w.i++;
                    }
                    case "from" -> from = prefix("from");
                    case "to" -> to = prefix("to");
                    case "table", "lookup" -> {
                        String v = w.next();
                        RouteName t = RouteName.find(RouteNames.Kind.TABLE, v)
                                .orElseThrow(() -> new ValueException("Routing table " + v + " not found for rule"));
                        if (t.value() == 0) {
                            throw new ValueException("Table 0 is not valid");
                        }
                        if (action != null) {
                            throw new ValueException(
                                    "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule");
                        }
                        table = t;
                        action = Action.TABLE;
                    }
                    case "not" -> not = true;
                    case "preference", "order", "priority" -> {
                        String v = w.next();
                        priority = RouteSpec.number(() -> RouteNumbers.readUnsigned(v, 0, RouteNumbers.UINT_MAX, 0),
                                "Invalid rule preference " + word + " specified");
                    }
                    case "tos", "dsfield" -> {
                        String v = w.next();
                        tos = RouteName.find(RouteNames.Kind.DSFIELD, v)
                                .orElseThrow(() -> new ValueException("TOS value " + v + " is invalid"));
                    }
                    case "fwmark" -> fwmark(w.next());
                    case "realms" -> {
                        String v = w.next();
                        realms = RouteSpec.parseRealms(v)
                                .orElseThrow(() -> new ValueException("invalid realms " + v + " for rule"));
                        tableOption = true;
                        if (family == UNSPEC) {
                            family = INET;
                        } else if (family != INET) {
                            throw new ValueException("realms is only valid for IPv4");
                        }
                    }
                    case "suppress_prefixlength", "sup_pl" -> {
                        String v = w.next();
                        suppressPrefixLength = RouteSpec.number(() -> RouteNumbers.readUnsigned(v, 0, Integer.MAX_VALUE, 10),
                                "Invalid suppress_prefixlength " + word + " specified");
                        tableOption = true;
                    }
                    case "suppress_ifgroup", "sup_group" -> {
                        String v = w.next();
                        suppressIfgroup = RouteName.find(RouteNames.Kind.GROUP, v)
                                .orElseThrow(() -> new ValueException("suppress_group " + v + " is invalid"));
                        tableOption = true;
                    }
                    case "dev", "iif" -> iif = w.next();
                    case "oif" -> oif = w.next();
                    case "tunnel-id" -> {
                        String v = w.next();
                        tunnelId = RouteSpec.number(() -> RouteNumbers.readUnsigned64(v),
                                "Invalid tunnel-id " + word + " specified");
                    }
                    case "uidrange" -> {
                        RuleRange r = RuleRange.parse(w.next(), 32);
                        if (r == null) {
                            throw new ValueException("Invalid uidrange " + word + " specified");
                        }
                        uidrange = r;
                    }
                    case "l3mdev" -> {
                        l3mdev = true;
                        if (action != null) {
                            throw new ValueException("Cannot specify l3mdev with other action");
                        }
                        action = Action.TABLE;
                    }
                    case "protocol" -> {
                        String v = w.next();
                        try {
                            protocol = (int) RouteNumbers.readUnsigned(v, 0, 255, 10);
                        } catch (ValueException e) {
                            // keepalived reports it and carries on without a protocol
                            w.warning("Invalid protocol " + v + " (" + e.getMessage() + ")");
                        }
                    }
                    case "ipproto" -> {
                        String v = w.next();
                        var p = RouteNames.ipProtocol(v);
                        if (p.isEmpty()) {
                            w.warning("Invalid ipproto " + v);
                        } else {
                            RouteNumbers.Strtoul r = RouteNumbers.strtoul(v, 10);
                            ipProto = new RouteName(p.getAsInt(), r.digits() && r.end() == v.length() ? null : v);
                        }
                    }
                    case "sport", "dport" -> {
                        String v = w.next();
                        RuleRange r = RuleRange.parse(v, 16);
                        if (r == null) {
                            w.warning("invalid " + word + " range " + v);
                        } else if (word.equals("sport")) {
                            sport = r;
                        } else {
                            dport = r;
                        }
                    }
                    case "no_track" -> noTrack = true;
                    default -> {
                        if (word.equals("track_group") && isStatic) {
                            String g = w.next();
                            if (trackGroup != null) {
                                // keepalived stops reading the rule here (and assumes the first group was found)
                                w.warning("track_group " + g + " is a duplicate");
                                if (w.i + 1 < w.size()) {
                                    w.lint("words after the duplicate track_group are ignored: '"
                                            + String.join(" ", w.args().from(w.i + 1)) + "'");
                                }
                                break loop;
                            }
                            trackGroup = g;
                        } else {
                            action(word);
                        }
                    }
                }
                w.i++;
            }

            if (action == Action.GOTO) {
                if (priority == null) {
                    throw new ValueException("Invalid rule - goto target " + gotoTarget + " specified without preference");
                }
                if (priority >= gotoTarget) {
                    throw new ValueException("Invalid rule - preference " + priority + " >= goto target " + gotoTarget);
                }
            }
            if (action == null) {
                throw new ValueException("No action specified for rule - ignoring");
            }
            if (action != Action.TABLE && tableOption) {
                throw new ValueException("suppressor/realm specified for non table action - skipping");
            }
            if (table != null && l3mdev) {
                throw new ValueException("table cannot be specified for l3mdev rules");
            }
            if (!noTrack && protocol != null && protocol != RouteSpec.RTPROT_KEEPALIVED) {
                w.warning("Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(" + RouteSpec.RTPROT_KEEPALIVED
                        + "), resetting protocol");
                protocol = null;
            }
            boolean v6 = family == INET6;
            return new RuleSpec(v6, not, resolve(from), resolve(to), priority, tos, fwmark, fwmask, iif, oif,
                    suppressPrefixLength, suppressIfgroup, tunnelId, uidrange, l3mdev, protocol, ipProto, sport, dport,
                    realms, action, table, gotoTarget, noTrack, trackGroup, w.args().pos());
        }

        /** "all" (and any zero-length prefix of the zero address) means no selector. */
        private static RoutePrefix resolve(RoutePrefix p) {
            return p == null || p.length() == 0 && RoutePrefix.any(p.isIpv6()).equals(p) ? null : p;
        }

        /** [type] goto N | nop | blackhole | unreachable | prohibit (or their numbers). */
        private void action(String word) {
            String str = word.equals("type") ? w.next() : word;
            Action a;
            if (str.equals("goto")) {
                String v = w.next();
                gotoTarget = RouteSpec.number(() -> RouteNumbers.readUnsigned(v, 0, RouteNumbers.UINT_MAX, 10),
                        "Invalid target " + str + " specified");
                a = Action.GOTO;
            } else if (str.equals("nop")) {
                a = Action.NOP;
            } else {
                var t = RouteNames.routeType(str);
                if (t.isEmpty()) {
                    throw new ValueException("Unknown rule option " + str);
                }
                a = switch (t.getAsInt()) {
                    case RouteNames.RTN_BLACKHOLE -> Action.BLACKHOLE;
                    case RouteNames.RTN_UNREACHABLE -> Action.UNREACHABLE;
                    case RouteNames.RTN_PROHIBIT -> Action.PROHIBIT;
                    default -> throw new ValueException("Invalid rule action " + str);
                };
            }
            if (action != null) {
                throw new ValueException(
                        "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule");
            }
            action = a;
        }

        /** from/to PREFIX: parse_route, with the family kept consistent. */
        private RoutePrefix prefix(String keyword) {
            String v = w.next();
            RoutePrefix p;
            int f;
            switch (v) {
                case "default", "any", "all" -> {
                    p = null;
                    f = UNSPEC;
                }
                case "default6" -> {
                    w.lint("'default6' is deprecated - please replace with 'inet6 default'");
                    p = RoutePrefix.any(true);
                    f = INET6;
                }
                default -> {
                    try {
                        p = RoutePrefix.parse(v, w::warning);
                    } catch (ValueException e) {
                        throw new ValueException("Invalid rule " + keyword + " address " + v);
                    }
                    f = p.isIpv6() ? INET6 : INET;
                }
            }
            if (family == UNSPEC) {
                family = f;
            } else if (f != family) {
                throw new ValueException("rule specification has mixed IPv4 and IPv6");
            }
            return p == null ? RoutePrefix.any(false) : p;
        }

        /** fwmark N[/MASK]: strtoul base 0 for both, each up to 2^32-1. */
        private void fwmark(String word) {
            String s = word;
            int k = 0;
            while (k < s.length() && RouteNumbers.isCSpace(s.charAt(k))) {
                k++;
            }
            s = s.substring(k);
            ValueException bad = new ValueException("Invalid rule fwmark " + s + " specified");
            if (s.startsWith("-")) {
                throw bad;
            }
            RouteNumbers.Strtoul r = RouteNumbers.strtoul(s, 0);
            if (r.value().compareTo(java.math.BigInteger.valueOf(RouteNumbers.UINT_MAX)) > 0) {
                throw bad;
            }
            int end = r.end();
            Long mask = null;
            if (end < s.length() && s.charAt(end) == '/') {
                if (end + 1 < s.length() && (RouteNumbers.isCSpace(s.charAt(end + 1)) || s.charAt(end + 1) == '-')) {
                    throw bad;
                }
                String rest = s.substring(end + 1);
                RouteNumbers.Strtoul m = RouteNumbers.strtoul(rest, 0);
                if (m.value().compareTo(java.math.BigInteger.valueOf(RouteNumbers.UINT_MAX)) > 0) {
                    throw bad;
                }
                mask = m.value().longValue();
                end = end + 1 + m.end();
            }
            if (end < s.length()) {
                throw bad;
            }
            fwmark = r.value().longValue();
            fwmask = mask;
        }
    }

    // ---- formatting ---------------------------------------------------------------------

    /** The rule in canonical order; parsing these words gives an equal rule. */
    static List<String> words(RuleSpec r) {
        List<String> out = new ArrayList<>();
        if (r.not) {
            out.add("not");
        }
        if (r.from != null) {
            out.addAll(List.of("from", r.from.word()));
        }
        if (r.to != null) {
            out.addAll(List.of("to", r.to.word()));
        }
        if (r.ipv6 && r.from == null && r.to == null) {
            // the family has to be said: "inet6" would swallow the next word in keepalived 2.2.7
            out.addAll(List.of("from", "::/0"));
        }
        if (r.priority != null) {
            out.addAll(List.of("preference", r.priority.toString()));
        }
        if (r.tos != null) {
            out.addAll(List.of("tos", Types.quote1(r.tos.word())));
        }
        if (r.fwmark != null) {
            out.addAll(List.of("fwmark", r.fwmark + (r.fwmask == null ? "" : "/" + r.fwmask)));
        }
        if (r.iif != null) {
            out.addAll(List.of("iif", Types.quote1(r.iif)));
        }
        if (r.oif != null) {
            out.addAll(List.of("oif", Types.quote1(r.oif)));
        }
        if (r.suppressPrefixLength != null) {
            out.addAll(List.of("suppress_prefixlength", r.suppressPrefixLength.toString()));
        }
        if (r.suppressIfgroup != null) {
            out.addAll(List.of("suppress_ifgroup", Types.quote1(r.suppressIfgroup.word())));
        }
        if (r.tunnelId != null) {
            out.addAll(List.of("tunnel-id", Long.toUnsignedString(r.tunnelId)));
        }
        out.addAll(RuleRange.words("uidrange", r.uidrange));
        if (r.protocol != null) {
            out.addAll(List.of("protocol", r.protocol.toString()));
        }
        if (r.ipProto != null) {
            out.addAll(List.of("ipproto", Types.quote1(r.ipProto.word())));
        }
        out.addAll(RuleRange.words("sport", r.sport));
        out.addAll(RuleRange.words("dport", r.dport));
        if (r.realms != null) {
            out.addAll(List.of("realms", RouteSpec.realmsWord(r.realms)));
        }
        switch (r.action) {
            case TABLE -> {
                if (r.l3mdev) {
                    out.add("l3mdev");
                } else {
                    out.addAll(List.of("table", Types.quote1(r.table.word())));
                }
            }
            case GOTO -> out.addAll(List.of("goto", r.gotoTarget.toString()));
            case NOP -> out.add("nop");
            case BLACKHOLE -> out.add("blackhole");
            case UNREACHABLE -> out.add("unreachable");
            case PROHIBIT -> out.add("prohibit");
        }
        if (r.noTrack) {
            out.add("no_track");
        }
        if (r.trackGroup != null) {
            out.addAll(List.of("track_group", Types.quote1(r.trackGroup)));
        }
        return out;
    }

    static Map<String, Object> json(RuleSpec r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", r.ipv6 ? "inet6" : "inet");
        if (r.not) {
            m.put("not", true);
        }
        m.put("from", r.from == null ? "all" : r.from.word());
        if (r.to != null) {
            m.put("to", r.to.word());
        }
        if (r.priority != null) {
            m.put("priority", r.priority);
        }
        if (r.tos != null) {
            m.put("tos", r.tos.value());
        }
        if (r.fwmark != null) {
            m.put("fwmark", r.fwmark);
            if (r.fwmask != null) {
                m.put("fwmask", r.fwmask);
            }
        }
        if (r.iif != null) {
            m.put("iif", r.iif);
        }
        if (r.oif != null) {
            m.put("oif", r.oif);
        }
        if (r.suppressPrefixLength != null) {
            m.put("suppress_prefixlength", r.suppressPrefixLength);
        }
        if (r.suppressIfgroup != null) {
            m.put("suppress_ifgroup", r.suppressIfgroup.value());
        }
        if (r.tunnelId != null) {
            m.put("tunnel_id", Long.toUnsignedString(r.tunnelId));
        }
        if (r.uidrange != null) {
            m.put("uidrange", r.uidrange.word());
        }
        if (r.l3mdev) {
            m.put("l3mdev", true);
        }
        m.put("protocol", r.protocol == null ? RouteSpec.RTPROT_KEEPALIVED : r.protocol);
        if (r.ipProto != null) {
            m.put("ipproto", r.ipProto.value());
        }
        if (r.sport != null) {
            m.put("sport", r.sport.word());
        }
        if (r.dport != null) {
            m.put("dport", r.dport.word());
        }
        if (r.realms != null) {
            m.put("realms", RouteSpec.realmsWord(r.realms));
        }
        m.put("action", r.action.name().toLowerCase());
        if (r.table != null) {
            m.put("table", r.table.value());
        }
        if (r.gotoTarget != null) {
            m.put("goto", r.gotoTarget);
        }
        m.put("track", !r.noTrack);
        if (r.trackGroup != null) {
            m.put("track_group", r.trackGroup);
        }
        return m;
    }

    // ---- samples ------------------------------------------------------------------------

    static RuleSpec sample(RandomGenerator r, boolean isStatic) {
        boolean v6 = r.nextInt(3) == 0;
        Action action = r.nextInt(3) == 0 ? Action.values()[r.nextInt(Action.values().length)] : Action.TABLE;
        boolean l3mdev = action == Action.TABLE && r.nextInt(6) == 0;
        Long priority = action == Action.GOTO || r.nextInt(4) != 0 ? (long) r.nextInt(1, 30_000) : null;
        boolean tableAction = action == Action.TABLE;
        boolean noTrack = r.nextInt(4) == 0;
        Long fwmark = r.nextInt(5) == 0 ? (long) r.nextInt(1 << 20) : null;
        return new RuleSpec(
                v6,
                r.nextInt(6) == 0,
                r.nextBoolean() ? prefix(r, v6) : null,
                r.nextInt(3) == 0 ? prefix(r, v6) : null,
                priority,
                r.nextInt(5) == 0 ? RouteName.of(r.nextInt(256)) : null,
                fwmark,
                fwmark != null && r.nextBoolean() ? 0xffffL : null,
                r.nextInt(4) == 0 ? "eth" + r.nextInt(3) : null,
                r.nextInt(8) == 0 ? "eth" + r.nextInt(3) : null,
                tableAction && r.nextInt(8) == 0 ? (long) r.nextInt(129) : null,
                tableAction && r.nextInt(8) == 0 ? RouteName.of(r.nextInt(100)) : null,
                r.nextInt(8) == 0 ? r.nextLong() : null,
                r.nextInt(8) == 0 ? new RuleRange(r.nextInt(1000), r.nextInt(1000, 70_000)) : null,
                l3mdev,
                noTrack && r.nextBoolean() ? Integer.valueOf(r.nextInt(256))
                        : r.nextInt(8) == 0 ? Integer.valueOf(RouteSpec.RTPROT_KEEPALIVED) : null,
                r.nextInt(8) == 0 ? RouteName.of(r.nextInt(128)) : null,
                r.nextInt(8) == 0 ? new RuleRange(r.nextInt(65536), r.nextInt(65536)) : null,
                r.nextInt(8) == 0 ? new RuleRange(r.nextInt(65536), r.nextInt(65536)) : null,
                tableAction && !v6 && r.nextInt(8) == 0 ? (long) (r.nextInt(256) << 16 | r.nextInt(256)) : null,
                action,
                tableAction && !l3mdev ? (r.nextBoolean() ? new RouteName(254, "main") : RouteName.of(r.nextInt(1, 100_000)))
                        : null,
                action == Action.GOTO ? priority + r.nextInt(1, 1000) : null,
                noTrack,
                isStatic && r.nextInt(4) == 0 ? "TG" + r.nextInt(3) : null,
                null);
    }

    private static RoutePrefix prefix(RandomGenerator r, boolean v6) {
        int max = v6 ? 128 : 32;
        int len = r.nextInt(1, max + 1);
        InetAddress a = Types.sampleAddress(r, v6);
        byte[] b = a.getAddress();
        for (int bit = len; bit < b.length * 8; bit++) {
            b[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        try {
            return new RoutePrefix(v6 ? java.net.Inet6Address.getByAddress(null, b, null) : InetAddress.getByAddress(b), len);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
