package io.jkeepalived.config.value;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The addresses of the LVS configuration: the head of a virtual_server ({@code IPADDR [PORT]},
 * {@code fwmark N} or {@code group NAME}), of a real_server and sorry_server
 * ({@code IPADDR [PORT]}), the lines of a virtual_server_group (addresses, ranges, prefixes,
 * {@code fwmark N [inet|inet6]}) and {@code lvs_method}. Parsing follows keepalived 2.2.7's
 * alloc_vs, alloc_rs, alloc_ssvr, alloc_vsg_entry, inet_stosockaddr and svr_forwarding_handler.
 */
public final class LvsAddresses {

    private LvsAddresses() {
    }

    /** A port 1..65535, or 0 for none: keepalived reads "0", "00"... as no port (since 2.0.7). */
    static int readPort(String word) {
        if (word.chars().allMatch(c -> c == '0')) {
            return 0;
        }
        return Types.checkRange(word, 1, 65535);
    }

    /**
     * inet_stosockaddr: the family is IPv6 if the text has a ':'; anything from the first '-'
     * (or else '/') on is ignored; then inet_pton.
     *
     * @return the address, or null if inet_pton rejects it
     */
    static InetAddress stosockaddr(String text) {
        int cut = text.indexOf('-');
        if (cut < 0) {
            cut = text.indexOf('/');
        }
        String ip = cut < 0 ? text : text.substring(0, cut);
        if (ip.indexOf(':') < 0 && java.util.Arrays.stream(ip.split("\\.")).anyMatch(p -> p.length() > 1 && p.startsWith("0"))) {
            // inet_pton refuses IPv4 parts with leading zeros (they would read as octal elsewhere)
            return null;
        }
        try {
            InetAddress a = Types.parseAddress(ip);
            boolean v6 = text.indexOf(':') >= 0;
            return (a instanceof Inet6Address) == v6 ? a : null;
        } catch (ValueException e) {
            return null;
        }
    }

    /** The unsigned value of an address, for range arithmetic. */
    static BigInteger value(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    static InetAddress address(BigInteger v, boolean v6) {
        byte[] raw = v.toByteArray();
        byte[] b = new byte[v6 ? 16 : 4];
        int n = Math.min(raw.length, b.length);
        System.arraycopy(raw, raw.length - n, b, b.length - n, n);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- virtual_server head -------------------------------------------------------------------

    /** What a virtual_server is: an address and port, a firewall mark, or a virtual_server_group. */
    public sealed interface VsAddress permits Ip, Fwmark, Group {
    }

    /** {@code virtual_server IPADDR [PORT]}; port 0 means none (only valid for persistent services). */
    public record Ip(InetAddress address, int port) implements VsAddress {
        public boolean isIpv6() {
            return address instanceof Inet6Address;
        }
    }

    /** {@code virtual_server fwmark N}. */
    public record Fwmark(long mark) implements VsAddress {
    }

    /** {@code virtual_server group NAME}. */
    public record Group(String name) implements VsAddress {
    }

    /** The head of virtual_server. */
    public static final ValueType<VsAddress> VIRTUAL_SERVER = new ValueType<>() {
        @Override
        public VsAddress parse(Args args) {
            String first = args.word(0);
            switch (first) {
                case "group" -> {
                    String name = args.word(1);
                    args.ignoreAfter(2);
                    return new Group(name);
                }
                case "fwmark" -> {
                    String w = args.word(1);
                    long mark;
                    try {
                        mark = Types.longRange(0, LvsValues.UINT_MAX).parse(args.with(List.of(w)));
                    } catch (ValueException e) {
                        throw new ValueException(e.getMessage() + ": virtual server fwmark '" + w + "' must be in [0, " + LvsValues.UINT_MAX + "]");
                    }
                    args.ignoreAfter(2);
                    return new Fwmark(mark);
                }
                default -> {
                    String portWord = args.size() > 1 ? args.word(1) : null;
                    int port;
                    try {
                        port = portWord == null ? 0 : readPort(portWord);
                    } catch (ValueException e) {
                        throw new ValueException(e.getMessage() + ": invalid virtual server IP address/port " + first + "/" + portWord);
                    }
                    InetAddress a = stosockaddr(first);
                    if (a == null) {
                        throw new ValueException("invalid virtual server IP address" + (portWord == null ? " " + first : "/port " + first + "/" + portWord));
                    }
                    lintSuffix(args, first);
                    args.ignoreAfter(2);
                    return new Ip(a, port);
                }
            }
        }

        @Override
        public List<String> format(VsAddress value) {
            return switch (value) {
                case Ip ip -> ip.port() == 0 ? List.of(Types.formatAddress(ip.address()))
                        : List.of(Types.formatAddress(ip.address()), Integer.toString(ip.port()));
                case Fwmark f -> List.of("fwmark", Long.toString(f.mark()));
                case Group g -> List.of("group", Types.quote1(g.name()));
            };
        }

        @Override
        public Object json(VsAddress value) {
            Map<String, Object> m = new LinkedHashMap<>();
            switch (value) {
                case Ip ip -> {
                    m.put("address", Types.formatAddress(ip.address()));
                    m.put("port", ip.port());
                }
                case Fwmark f -> m.put("fwmark", f.mark());
                case Group g -> m.put("group", g.name());
            }
            return m;
        }

        @Override
        public String syntax() {
            return "<IPADDR> [<PORT>] | fwmark <INTEGER> | group <STRING>";
        }

        @Override
        public VsAddress sample(RandomGenerator r) {
            return switch (r.nextInt(3)) {
                case 0 -> new Ip(Types.sampleAddress(r, r.nextBoolean()), r.nextInt(0, 65536));
                case 1 -> new Fwmark(r.nextLong(0, LvsValues.UINT_MAX + 1));
                default -> new Group("G" + r.nextInt(10));
            };
        }
    };

    private static void lintSuffix(Args args, String word) {
        int cut = word.indexOf('-');
        if (cut < 0) {
            cut = word.indexOf('/');
        }
        if (cut >= 0) {
            args.lint("'" + word.substring(cut) + "' after the address is ignored");
        }
    }

    // ---- real_server head, sorry_server ----------------------------------------------------------

    /** {@code real_server IPADDR [PORT]}, {@code sorry_server IPADDR [PORT]}; port 0: none given. */
    public record ServerAddress(InetAddress address, int port) {
        public boolean isIpv6() {
            return address instanceof Inet6Address;
        }

        public ServerAddress withPort(int newPort) {
            return new ServerAddress(address, newPort);
        }

        @Override
        public String toString() {
            return "[" + Types.formatAddress(address) + "]:" + port;
        }
    }

    /** The head of real_server ({@code real} true) or the value of sorry_server. */
    public static ValueType<ServerAddress> server(boolean real) {
        return new ValueType<>() {
            @Override
            public ServerAddress parse(Args args) {
                String ip = args.word(0);
                String portWord = args.size() > 1 ? args.word(1) : null;
                String what = real ? "real server ip address/port " + ip + "/" + portWord : "sorry server IP address " + ip;
                int port;
                try {
                    port = portWord == null ? 0 : readPort(portWord);
                } catch (ValueException e) {
                    throw new ValueException(e.getMessage() + ": invalid " + what);
                }
                InetAddress a = stosockaddr(ip);
                if (a == null) {
                    throw new ValueException("invalid " + what);
                }
                lintSuffix(args, ip);
                args.ignoreAfter(2);
                return new ServerAddress(a, port);
            }

            @Override
            public List<String> format(ServerAddress value) {
                return value.port() == 0 ? List.of(Types.formatAddress(value.address()))
                        : List.of(Types.formatAddress(value.address()), Integer.toString(value.port()));
            }

            @Override
            public Object json(ServerAddress value) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", Types.formatAddress(value.address()));
                m.put("port", value.port());
                return m;
            }

            @Override
            public String syntax() {
                return "<IPADDR> [<PORT>]";
            }

            @Override
            public ServerAddress sample(RandomGenerator r) {
                return new ServerAddress(Types.sampleAddress(r, r.nextBoolean()), r.nextInt(0, 65536));
            }
        };
    }

    // ---- virtual_server_group lines -----------------------------------------------------------------

    /** How a virtual_server_group address line was written. */
    public enum Form {
        /** {@code 192.168.200.1} */
        SINGLE,
        /** {@code 192.168.200.1-10}: the last octet (IPv6: the last 16 bits, in hex) ends the range. */
        LAST_PART,
        /** {@code 192.168.200.250-192.168.201.10} */
        FULL,
        /** {@code 192.168.202.8/29} */
        PREFIX
    }

    /**
     * An address line of virtual_server_group: the addresses start..end (inclusive) and a port
     * (0: none).
     *
     * @param prefix the prefix length for {@link Form#PREFIX}, else -1
     */
    public record VsgAddress(InetAddress start, InetAddress end, Form form, int prefix, int port) {
        public boolean isIpv6() {
            return start instanceof Inet6Address;
        }

        @Override
        public String toString() {
            return String.join(" ", VSG_ADDRESS.format(this));
        }
    }

    /** A bare line of virtual_server_group: {@code IPADDR|RANGE|PREFIX [PORT]}. */
    public static final ValueType<VsgAddress> VSG_ADDRESS = new ValueType<>() {
        @Override
        public VsgAddress parse(Args args) {
            String text = args.word(0);
            String portWord = args.size() > 1 ? args.word(1) : null;
            int port;
            try {
                port = portWord == null ? 0 : readPort(portWord);
            } catch (ValueException e) {
                throw new ValueException(e.getMessage() + ": invalid virtual server group IP address " + text + " port " + portWord);
            }
            args.ignoreAfter(2);
            InetAddress start = stosockaddr(text);
            if (start == null) {
                throw new ValueException("invalid virtual server group IP address " + text);
            }
            boolean v6 = start instanceof Inet6Address;
            int bits = v6 ? 128 : 32;
            int slash = text.indexOf('/');
            if (slash >= 0) {
                String m = text.substring(slash + 1);
                int mask = m.matches("\\d{1,3}") ? Integer.parseInt(m) : -1;
                if (mask < 1 || mask > bits) {
                    throw new ValueException("invalid netmask - " + text);
                }
                BigInteger host = BigInteger.ONE.shiftLeft(bits - mask).subtract(BigInteger.ONE);
                BigInteger s = value(start);
                if (s.and(host).signum() != 0) {
                    throw new ValueException("address mask bits not empty - " + text);
                }
                return new VsgAddress(start, address(s.or(host), v6), Form.PREFIX, mask, port);
            }
            int dash = text.indexOf('-');
            if (dash < 0) {
                return new VsgAddress(start, start, Form.SINGLE, -1, port);
            }
            String endText = text.substring(dash + 1);
            if (endText.indexOf(v6 ? ':' : '.') >= 0) {
                InetAddress end = stosockaddr(endText);
                if (end == null) {
                    // an address of the other family is "Invalid range end" too (inet_pton fails)
                    throw new ValueException("invalid range end " + text);
                }
                if ((end instanceof Inet6Address) != v6) {
                    throw new ValueException("range address families do not match " + text);
                }
                if (value(start).compareTo(value(end)) > 0) {
                    throw new ValueException("address range end is less than address range start - " + text);
                }
                return new VsgAddress(start, end, Form.FULL, -1, port);
            }
            // inet_stor: strtoul of the rest, decimal for IPv4, hex for IPv6
            int radix = v6 ? 16 : 10;
            int i = 0;
            while (i < endText.length() && Character.digit(endText.charAt(i), radix) >= 0) {
                i++;
            }
            if (i < endText.length()) {
                throw new ValueException("virtual server group range '" + text + "' has extra characters at end '" + endText.substring(i) + "'");
            }
            BigInteger last = i == 0 ? BigInteger.ZERO : new BigInteger(endText, radix);
            if (last.compareTo(BigInteger.valueOf(v6 ? 0xffff : 255)) > 0) {
                throw new ValueException("virtual server group range '" + text + "' end '" + endText + "' too large");
            }
            int partBits = v6 ? 16 : 8;
            BigInteger partMask = BigInteger.ONE.shiftLeft(partBits).subtract(BigInteger.ONE);
            BigInteger s = value(start);
            if (s.and(partMask).compareTo(last) >= 0) {
                throw new ValueException("address range end is not greater than address range start - " + text);
            }
            return new VsgAddress(start, address(s.andNot(partMask).or(last), v6), Form.LAST_PART, -1, port);
        }

        @Override
        public List<String> format(VsgAddress v) {
            String a = Types.formatAddress(v.start());
            String text = switch (v.form()) {
                case SINGLE -> a;
                case PREFIX -> a + "/" + v.prefix();
                case FULL -> a + "-" + Types.formatAddress(v.end());
                case LAST_PART -> a + "-" + value(v.end()).and(BigInteger.valueOf(v.isIpv6() ? 0xffff : 0xff)).toString(v.isIpv6() ? 16 : 10);
            };
            return v.port() == 0 ? List.of(text) : List.of(text, Integer.toString(v.port()));
        }

        @Override
        public Object json(VsgAddress v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", Types.formatAddress(v.start()));
            m.put("end", Types.formatAddress(v.end()));
            m.put("port", v.port());
            return m;
        }

        @Override
        public String syntax() {
            return "<IPADDR>[-<END>|/<PREFIX>] [<PORT>]";
        }

        @Override
        public VsgAddress sample(RandomGenerator r) {
            boolean v6 = r.nextBoolean();
            InetAddress a = Types.sampleAddress(r, v6);
            BigInteger partMask = BigInteger.valueOf(v6 ? 0xffff : 0xff);
            BigInteger s = value(a).andNot(partMask);
            int port = r.nextBoolean() ? 0 : r.nextInt(1, 65536);
            return switch (r.nextInt(4)) {
                case 0 -> new VsgAddress(a, a, Form.SINGLE, -1, port);
                case 1 -> new VsgAddress(address(s.add(BigInteger.ONE), v6), address(s.add(BigInteger.TEN), v6), Form.LAST_PART, -1, port);
                case 2 -> new VsgAddress(address(s, v6), address(s.add(BigInteger.valueOf(300)), v6), Form.FULL, -1, port);
                default -> new VsgAddress(address(s, v6), address(s.or(BigInteger.valueOf(7)), v6), Form.PREFIX, v6 ? 125 : 29, port);
            };
        }
    };

    /** A {@code fwmark N [inet|inet6]} line of virtual_server_group; family null if not given. */
    public record VsgFwmark(long mark, String family) {
    }

    public static final ValueType<VsgFwmark> VSG_FWMARK = new ValueType<>() {
        @Override
        public VsgFwmark parse(Args args) {
            String w = args.word(0);
            long mark;
            try {
                mark = Types.longRange(0, LvsValues.UINT_MAX).parse(args.with(List.of(w)));
            } catch (ValueException e) {
                throw new ValueException(e.getMessage() + ": fwmark '" + w + "' must be in [0, " + LvsValues.UINT_MAX + "]");
            }
            String family = null;
            if (args.size() > 1) {
                family = args.word(1);
                if (!family.equals("inet") && !family.equals("inet6")) {
                    throw new ValueException("fwmark '" + mark + "' family " + family + " unknown");
                }
                args.ignoreAfter(2);
            }
            return new VsgFwmark(mark, family);
        }

        @Override
        public List<String> format(VsgFwmark value) {
            return value.family() == null ? List.of(Long.toString(value.mark())) : List.of(Long.toString(value.mark()), value.family());
        }

        @Override
        public Object json(VsgFwmark value) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fwmark", value.mark());
            m.put("family", value.family());
            return m;
        }

        @Override
        public String syntax() {
            return "<INTEGER> [inet|inet6]";
        }

        @Override
        public VsgFwmark sample(RandomGenerator r) {
            return new VsgFwmark(r.nextLong(0, LvsValues.UINT_MAX + 1), new String[] {null, "inet", "inet6"}[r.nextInt(3)]);
        }
    };

    // ---- lvs_method --------------------------------------------------------------------------------

    /**
     * {@code lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]}.
     *
     * @param tunnelType ipip, gue or gre, or null if not given (ipip)
     * @param port       the GUE port, or 0
     * @param csum       nocsum, csum or remcsum, or null if not given (nocsum)
     */
    public record LvsMethod(String method, String tunnelType, int port, String csum) {
        public static LvsMethod of(String method) {
            return new LvsMethod(method, null, 0, null);
        }

        @Override
        public String toString() {
            return String.join(" ", lvsMethod("real").format(this));
        }
    }

    /** The type for a "virtual", "real" or "sorry" server (the word keepalived's messages use). */
    public static ValueType<LvsMethod> lvsMethod(String serverKind) {
        return new ValueType<>() {
            @Override
            public LvsMethod parse(Args args) {
                String m = args.word(0);
                if (!m.equals("NAT") && !m.equals("DR") && !m.equals("TUN")) {
                    throw new ValueException("unknown [" + m + "] routing method for " + serverKind + " server - expected NAT, DR or TUN");
                }
                String type = null;
                int port = 0;
                String csum = null;
                List<String> w = args.words();
                // keepalived sets the method before reading the options, so a bad option
                // leaves the method set and the tunnel options at their defaults
                String problem = null;
                for (int i = 1; i < w.size() && problem == null; i++) {
                    switch (w.get(i)) {
                        case "type" -> {
                            if (i + 1 == w.size()) {
                                problem = "missing tunnel type for " + serverKind + " server";
                            } else if (List.of("ipip", "gue", "gre").contains(w.get(i + 1))) {
                                type = w.get(++i);
                            } else {
                                problem = "unknown tunnel type " + w.get(i + 1) + " for " + serverKind + " server";
                            }
                        }
                        case "port" -> {
                            if (i + 1 == w.size()) {
                                problem = "missing port for " + serverKind + " server gue tunnel";
                            } else {
                                try {
                                    port = Types.checkRange(w.get(++i), 1, 65535);
                                } catch (ValueException e) {
                                    problem = e.getMessage() + ": invalid gue tunnel port " + w.get(i) + " for " + serverKind + " server";
                                }
                            }
                        }
                        case "nocsum", "csum", "remcsum" -> csum = w.get(i);
                        default -> problem = "invalid tunnel option " + w.get(i) + " for " + serverKind + " server";
                    }
                }
                if (problem == null && "gue".equals(type) != (port != 0)) {
                    problem = "gue tunnels require port, otherwise cannot have port";
                }
                if (problem == null && (type == null || type.equals("ipip")) && csum != null && !csum.equals("nocsum")) {
                    problem = "ipip tunnels do not support checksum option";
                }
                if (problem == null && "gre".equals(type) && "remcsum".equals(csum)) {
                    problem = "gre tunnels do not support remote checksum option";
                }
                if (problem != null) {
                    args.warning(args.keyword() + ": " + problem + " - using " + m + " without tunnel options");
                    return LvsMethod.of(m);
                }
                return new LvsMethod(m, type, port, csum);
            }

            @Override
            public List<String> format(LvsMethod v) {
                List<String> out = new ArrayList<>();
                out.add(v.method());
                if (v.tunnelType() != null) {
                    out.add("type");
                    out.add(v.tunnelType());
                }
                if (v.port() != 0) {
                    out.add("port");
                    out.add(Integer.toString(v.port()));
                }
                if (v.csum() != null) {
                    out.add(v.csum());
                }
                return out;
            }

            @Override
            public Object json(LvsMethod v) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("method", v.method());
                if (v.tunnelType() != null) {
                    m.put("type", v.tunnelType());
                }
                if (v.port() != 0) {
                    m.put("port", v.port());
                }
                if (v.csum() != null) {
                    m.put("csum", v.csum());
                }
                return m;
            }

            @Override
            public String syntax() {
                return "NAT|DR|TUN [type ipip|gue port <PORT>|gre] [nocsum|csum|remcsum]";
            }

            @Override
            public LvsMethod sample(RandomGenerator r) {
                return switch (r.nextInt(6)) {
                    case 0 -> LvsMethod.of("NAT");
                    case 1 -> LvsMethod.of("DR");
                    case 2 -> LvsMethod.of("TUN");
                    case 3 -> new LvsMethod("TUN", "gue", r.nextInt(1, 65536), r.nextBoolean() ? "csum" : "remcsum");
                    case 4 -> new LvsMethod("TUN", "gre", 0, r.nextBoolean() ? "csum" : null);
                    default -> new LvsMethod("TUN", "ipip", 0, "nocsum");
                };
            }
        };
    }

    /** Whether an address is IPv4 (for family checks). */
    public static boolean isIpv4(InetAddress a) {
        return a instanceof Inet4Address;
    }
}
