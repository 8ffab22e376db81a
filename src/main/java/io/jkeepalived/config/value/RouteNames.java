package io.jkeepalived.config.value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names iproute2 gives to numbers, as keepalived 2.2.7 looks them up (lib/rttables.c):
 * /etc/iproute2/rt_tables, rt_dsfield, rt_realms, rt_protos, group and rt_scopes, each with
 * keepalived's built-in defaults for ids the file does not name; route types (fixed list); and
 * IP protocol names from /etc/protocols (getprotobyname, for rules' ipproto).
 *
 * <p>A word that strtoul reads completely (base 0: "0x10", "010", even "-1", which wraps) is a
 * number, accepted if its low 32 bits are within the table's maximum; otherwise it must be a
 * name in the file. Files are read once, when first needed.
 */
public final class RouteNames {

    private RouteNames() {
    }

    /** One kind of name file. */
    public enum Kind {
        TABLE("rt_tables", 0xffff_ffffL, Map.of(253, "default", 254, "main", 255, "local")),
        DSFIELD("rt_dsfield", 255, Map.of()),
        REALMS("rt_realms", 255, Map.of()),
        PROTOCOL("rt_protos", 255, defaultProtocols()),
        GROUP("group", Integer.MAX_VALUE, Map.of()),
        SCOPE("rt_scopes", 255, Map.of(0, "global", 255, "nowhere", 254, "host", 253, "link", 200, "site"));

        private final String file;
        private final long max;
        private final Map<Integer, String> defaults;

        Kind(String file, long max, Map<Integer, String> defaults) {
            this.file = file;
            this.max = max;
            this.defaults = defaults;
        }

        public long max() {
            return max;
        }

        private static Map<Integer, String> defaultProtocols() {
            Map<Integer, String> m = new LinkedHashMap<>();
            m.put(0, "none");
            m.put(1, "redirect");
            m.put(2, "kernel");
            m.put(3, "boot");
            m.put(4, "static");
            m.put(8, "gated");
            m.put(9, "ra");
            m.put(10, "mrt");
            m.put(11, "zebra");
            m.put(12, "bird");
            m.put(42, "babel");
            m.put(13, "dnrouted");
            m.put(14, "xorp");
            m.put(15, "ntk");
            m.put(16, "dhcp");
            return m;
        }
    }

    static Path dir = Path.of("/etc/iproute2");
    private static final Map<Kind, List<Map.Entry<String, Long>>> LOADED = new ConcurrentHashMap<>();

    /** keepalived's find_entry: the number a word stands for in a table, if any. */
    public static OptionalLong find(Kind kind, String word) {
        RouteNumbers.Strtoul r = RouteNumbers.strtoul(word, 0);
        if (r.digits() && r.end() == word.length()) {
            long v = r.asUnsigned32();
            return v <= kind.max ? OptionalLong.of(v) : OptionalLong.empty();
        }
        for (Map.Entry<String, Long> e : entries(kind)) {
            if (e.getKey().equals(word)) {
                return OptionalLong.of(e.getValue());
            }
        }
        return OptionalLong.empty();
    }

    private static List<Map.Entry<String, Long>> entries(Kind kind) {
        return LOADED.computeIfAbsent(kind, RouteNames::load);
    }

    /** read_file then add_default, as keepalived does: two words per line, "ID NAME". */
    private static List<Map.Entry<String, Long>> load(Kind kind) {
        List<Map.Entry<String, Long>> list = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(kind.file))) {
                List<String> words = new ArrayList<>();
                for (String w : line.strip().split("[ \t]+")) {
                    if (w.isEmpty()) {
                        continue;
                    }
                    if (w.startsWith("#") || w.startsWith("!")) {
                        break;
                    }
                    words.add(w);
                }
                if (words.size() != 2) {
                    continue;
                }
                String number = words.get(0);
                RouteNumbers.Strtoul r = RouteNumbers.strtoul(number, 0);
                if (number.startsWith("-") || !r.digits() || r.end() != number.length()
                        || r.value().compareTo(java.math.BigInteger.valueOf(kind.max)) > 0) {
                    continue;
                }
                list.add(Map.entry(words.get(1), r.value().longValue()));
            }
        } catch (IOException | RuntimeException e) {
            // no file: only the defaults
        }
        for (Map.Entry<Integer, String> d : kind.defaults.entrySet()) {
            if (list.stream().noneMatch(e -> e.getValue() == (long) d.getKey())) {
                list.add(Map.entry(d.getValue(), (long) d.getKey()));
            }
        }
        return List.copyOf(list);
    }

    // ---- route types (rtntypes[] in rttables.c) --------------------------------------------

    private static final Map<String, Integer> RTN_TYPES = new LinkedHashMap<>();

    static {
        RTN_TYPES.put("local", 2);
        RTN_TYPES.put("nat", 10);
        RTN_TYPES.put("broadcast", 3);
        RTN_TYPES.put("brd", 3);
        RTN_TYPES.put("anycast", 4);
        RTN_TYPES.put("multicast", 5);
        RTN_TYPES.put("prohibit", 8);
        RTN_TYPES.put("unreachable", 7);
        RTN_TYPES.put("blackhole", 6);
        RTN_TYPES.put("xresolve", 11);
        RTN_TYPES.put("unicast", 1);
        RTN_TYPES.put("throw", 9);
    }

    public static final int RTN_UNICAST = 1;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;

    /** find_rttables_rtntype: a type name, or a number 0..255 (strtoul base 0, no '-'). */
    public static OptionalInt routeType(String word) {
        Integer t = RTN_TYPES.get(word);
        if (t != null) {
            return OptionalInt.of(t);
        }
        RouteNumbers.Strtoul r = RouteNumbers.strtoul(word, 0);
        boolean whole = r.digits() ? r.end() == word.length() : word.isEmpty();
        if (!whole || word.startsWith("-") || r.value().compareTo(java.math.BigInteger.valueOf(255)) > 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(r.value().intValue());
    }

    /** get_rttables_rtntype: the first name of a type, or its number. */
    public static String routeTypeName(int type) {
        for (Map.Entry<String, Integer> e : RTN_TYPES.entrySet()) {
            if (e.getValue() == type) {
                return e.getKey();
            }
        }
        return Integer.toString(type);
    }

    // ---- IP protocols (/etc/protocols), for rules' ipproto --------------------------------

    static Path protocols = Path.of("/etc/protocols");
    private static volatile Map<String, Integer> protocolNames;

    /**
     * keepalived's inet_proto_a2n: a decimal number up to 127 (INT8_MAX - keepalived's limit,
     * not 255), or a protocol name or alias as getprotobyname finds it (case-sensitive).
     */
    public static OptionalInt ipProtocol(String word) {
        String s = word.stripLeading();
        if (s.isEmpty() || s.startsWith("-")) {
            return OptionalInt.empty();
        }
        RouteNumbers.Strtoul r = RouteNumbers.strtoul(s, 10);
        if (r.digits() && r.value().compareTo(java.math.BigInteger.valueOf(127)) > 0) {
            return OptionalInt.empty();
        }
        if (r.digits() && r.end() == s.length()) {
            return OptionalInt.of(r.value().intValue());
        }
        Integer p = protocolNames().get(s);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    private static Map<String, Integer> protocolNames() {
        Map<String, Integer> m = protocolNames;
        if (m == null) {
            m = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(protocols)) {
                    int hash = line.indexOf('#');
                    String[] f = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
                    if (f.length < 2) {
                        continue;
                    }
                    try {
                        int n = Integer.parseInt(f[1]);
                        m.putIfAbsent(f[0], n);
                        for (int i = 2; i < f.length; i++) {
                            m.putIfAbsent(f[i], n);
                        }
                    } catch (NumberFormatException e) {
                        // not a protocol line
                    }
                }
            } catch (IOException e) {
                // no /etc/protocols: numbers only
            }
            protocolNames = Map.copyOf(m);
        }
        return m;
    }
}
