package io.jkeepalived.config.value;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A lightweight tunnel encapsulation of a route or next hop ({@code encap mpls|ip|ip6|ila ...},
 * Linux 4.4+), as keepalived 2.2.7 parses it (parse_encap in vrrp_iproute.c).
 *
 * <p>keepalived reports errors inside an encap but keeps the route, with the encapsulation as far
 * as it got (e.g. {@code encap ip} with no destination), and carries on parsing the route from the
 * word that failed: so {@code encap ip id x} ends up an unknown route keyword "id".
 */
public sealed interface RouteEncap {

    /** The words after "encap". */
    List<String> words();

    Map<String, Object> json();

    /** {@code encap mpls LABEL[/LABEL]}: at most two labels of 20 bits (MAX_MPLS_LABELS is 2). */
    record Mpls(List<Long> labels) implements RouteEncap {
        public Mpls {
            labels = List.copyOf(labels);
        }

        @Override
        public List<String> words() {
            List<String> out = new ArrayList<>(List.of("mpls"));
            if (!labels.isEmpty()) {
                out.add(String.join("/", labels.stream().map(String::valueOf).toList()));
            }
            return out;
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "mpls");
            m.put("labels", labels);
            return m;
        }
    }

    /**
     * {@code encap ip [id N] [dst ADDR] [src ADDR] [tos DS] [ttl N] [flags N]} (IPv4 endpoints);
     * also {@code encap ip6 [id N] [dst ADDR] [src ADDR] [tc DS] [hoplimit N] [flags N]}.
     *
     * @param id    the tunnel id (unsigned 64 bits), or null
     * @param tos   tos / tc, or null
     * @param ttl   ttl / hoplimit, or null
     */
    record Ip(boolean ipv6, Long id, InetAddress dst, InetAddress src, Integer tos, Integer ttl, Integer flags)
            implements RouteEncap {

        @Override
        public List<String> words() {
            List<String> out = new ArrayList<>(List.of(ipv6 ? "ip6" : "ip"));
            if (id != null) {
                out.addAll(List.of("id", Long.toUnsignedString(id)));
            }
            if (dst != null) {
                out.addAll(List.of("dst", Types.formatAddress(dst)));
            }
            if (src != null) {
                out.addAll(List.of("src", Types.formatAddress(src)));
            }
            if (tos != null) {
                out.addAll(List.of(ipv6 ? "tc" : "tos", tos.toString()));
            }
            if (ttl != null) {
                out.addAll(List.of(ipv6 ? "hoplimit" : "ttl", ttl.toString()));
            }
            if (flags != null) {
                out.addAll(List.of("flags", flags.toString()));
            }
            return out;
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", ipv6 ? "ip6" : "ip");
            if (id != null) {
                m.put("id", Long.toUnsignedString(id));
            }
            if (dst != null) {
                m.put("dst", Types.formatAddress(dst));
            }
            if (src != null) {
                m.put("src", Types.formatAddress(src));
            }
            if (tos != null) {
                m.put(ipv6 ? "tc" : "tos", tos);
            }
            if (ttl != null) {
                m.put(ipv6 ? "hoplimit" : "ttl", ttl);
            }
            if (flags != null) {
                m.put("flags", flags);
            }
            return m;
        }
    }

    /** {@code encap ila LOCATOR}: four 16-bit hex groups, a:b:c:d. */
    record Ila(long locator) implements RouteEncap {
        @Override
        public List<String> words() {
            return List.of("ila", locatorText());
        }

        String locatorText() {
            return String.format("%x:%x:%x:%x", locator >>> 48 & 0xffff, locator >>> 32 & 0xffff,
                    locator >>> 16 & 0xffff, locator & 0xffff);
        }

        @Override
        public Map<String, Object> json() {
            return Map.of("type", "ila", "locator", locatorText());
        }
    }

    // ---- parsing ------------------------------------------------------------------------

    /**
     * Parses from the word after "encap" (the cursor is on "encap"). Returns null only when
     * keepalived ignores the encap altogether ("Missing encap type", "Unknown encap type").
     * On return the cursor is on the last word used, as keepalived leaves its index.
     */
    static RouteEncap parse(RouteWords w) {
        if (w.size() <= w.i + 1) {
            w.warning("Missing encap type");
            return null;
        }
        String type = w.next();
        w.i++;
        RouteEncap e = switch (type) {
            case "ip" -> parseIp(w, false);
            case "ip6" -> parseIp(w, true);
            case "mpls" -> parseMpls(w);
            case "ila" -> parseIla(w);
            default -> null;
        };
        if (e == null) {
            // keepalived returns before stepping back, so the word after the type is skipped too
            w.warning("Unknown encap type - " + type);
            return null;
        }
        w.i--;
        return e;
    }

    private static RouteEncap parseMpls(RouteWords w) {
        if (!w.more()) {
            w.warning("missing address for MPLS encapsulation");
            return new Mpls(List.of());
        }
        String s = w.word();
        w.i++;
        List<Long> labels = parseMplsLabels(s);
        if (labels == null) {
            w.warning("invalid mpls address " + s + " for encapsulation");
            return new Mpls(List.of());
        }
        return new Mpls(labels);
    }

    /** parse_mpls_address: labels by strtoul base 0, '/'-separated, at most 2, each below 2^20. */
    static List<Long> parseMplsLabels(String s) {
        List<Long> labels = new ArrayList<>();
        String rest = s;
        for (int count = 0; count < 2; count++) {
            if (rest.startsWith("-")) {
                return null;
            }
            RouteNumbers.Strtoul r = RouteNumbers.strtoul(rest, 0);
            if (!r.digits() || r.overflow() || r.value().longValue() > 0xfffffL || r.value().signum() < 0
                    || r.value().bitLength() > 20) {
                return null;
            }
            labels.add(r.value().longValue());
            if (r.end() == rest.length()) {
                return labels;
            }
            if (rest.charAt(r.end()) != '/') {
                return null;
            }
            rest = rest.substring(r.end() + 1);
        }
        return null;
    }

    private static RouteEncap parseIla(RouteWords w) {
        if (!w.more()) {
            w.warning("missing locator for ILA encapsulation");
            return new Ila(0);
        }
        String s = w.word();
        w.i++;
        Long locator = parseLocator(s);
        if (locator == null) {
            w.warning("invalid locator " + s + " for ila encapsulation");
            return new Ila(0);
        }
        return new Ila(locator);
    }

    /** get_addr64: four hex groups up to ffff, separated by ':'. */
    static Long parseLocator(String s) {
        int p = 0;
        while (p < s.length() && RouteNumbers.isCSpace(s.charAt(p))) {
            p++;
        }
        long v = 0;
        for (int g = 0; g < 4; g++) {
            if (p >= s.length() || Character.digit(s.charAt(p), 16) < 0) {
                return null;
            }
            RouteNumbers.Strtoul r = RouteNumbers.strtoul(s.substring(p), 16);
            if (r.overflow() || r.value().longValue() > 0xffff) {
                return null;
            }
            v = v << 16 | r.value().longValue();
            int end = p + r.end();
            if (end == s.length()) {
                return g == 3 ? v : null;
            }
            if (g == 3 || s.charAt(end) != ':') {
                return null;
            }
            p = end + 1;
        }
        return null;
    }

    private static RouteEncap parseIp(RouteWords w, boolean v6) {
        Long id = null;
        InetAddress dst = null;
        InetAddress src = null;
        Integer tos = null;
        Integer ttl = null;
        Integer flags = null;
        String kind = v6 ? "ip6" : "ip";
        String tosKey = v6 ? "tc" : "tos";
        String ttlKey = v6 ? "hoplimit" : "ttl";
        try {
            keys:
            while (w.i + 1 < w.size()) {
                String key = w.word();
                String value = w.word(w.i + 1);
                if (key.equals("id")) {
                    id = RouteSpec.number(() -> RouteNumbers.readUnsigned64(value), v6
                            ? "id " + value + " value invalid for IPv6 encapsulation"
                            : "encap id " + value + " value is invalid");
                } else if (key.equals("dst") || key.equals("src")) {
                    InetAddress a;
                    try {
                        a = RoutePrefix.parseAddress(value);
                    } catch (ValueException e) {
                        throw new ValueException("Invalid encap " + kind + " " + key + " " + value);
                    }
                    if ((a instanceof Inet6Address) != v6) {
                        throw new ValueException((v6 ? "IPv4" : "IPv6") + " address " + value + " not valid for "
                                + kind + " encapsulation");
                    }
                    if (key.equals("dst")) {
                        dst = a;
                    } else {
                        src = a;
                    }
                } else if (key.equals(tosKey)) {
                    var d = RouteNames.find(RouteNames.Kind.DSFIELD, value);
                    if (d.isEmpty()) {
                        // keepalived 2.2.7 names the keyword, not the value, for ip6
                        throw new ValueException(v6 ? "tc value " + key + " is invalid for ip6 encapsulation"
                                : "dsfield " + value + " not valid for ip encapsulation");
                    }
                    tos = (int) (d.getAsLong() & 0xff);
                } else if (key.equals(ttlKey)) {
                    ttl = (int) RouteSpec.number(() -> RouteNumbers.readUnsigned(value, 0, 255, 10), v6
                            ? "Invalid hoplimit " + value + " specified for ip6 encapsulation"
                            : "ttl " + value + " is not valid for ip encapsulation");
                } else if (key.equals("flags")) {
                    flags = (int) RouteSpec.number(() -> RouteNumbers.readUnsigned(value, 0, 65535, 10),
                            "flags " + value + " is not valid for " + kind + " encapsulation");
                } else {
                    break keys;
                }
                w.i += 2;
            }
        } catch (ValueException e) {
            // keepalived drops the addresses, keeps the rest, and resumes the route at this word
            w.warning(e.getMessage());
            return new Ip(v6, id, null, null, tos, ttl, flags);
        }
        if (dst == null && id == null) {
            w.warning("address or id missing for " + kind + " encapsulation");
            return new Ip(v6, null, null, null, tos, ttl, flags);
        }
        return new Ip(v6, id, dst, src, tos, ttl, flags);
    }

    static RouteEncap sample(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> new Mpls(r.nextBoolean() ? List.of((long) r.nextInt(0x100000))
                    : List.of((long) r.nextInt(0x100000), (long) r.nextInt(0x100000)));
            case 1 -> new Ip(false, r.nextBoolean() ? r.nextLong() : null, Types.sampleAddress(r, false),
                    r.nextBoolean() ? Types.sampleAddress(r, false) : null, r.nextBoolean() ? r.nextInt(256) : null,
                    r.nextBoolean() ? r.nextInt(256) : null, r.nextBoolean() ? r.nextInt(65536) : null);
            case 2 -> new Ip(true, r.nextLong(), r.nextBoolean() ? Types.sampleAddress(r, true) : null, null,
                    r.nextBoolean() ? r.nextInt(256) : null, r.nextBoolean() ? r.nextInt(256) : null, null);
            default -> new Ila(r.nextLong());
        };
    }

}
