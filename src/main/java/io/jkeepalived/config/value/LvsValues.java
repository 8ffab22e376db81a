package io.jkeepalived.config.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The value types of the LVS part of keepalived.conf (virtual_server, real_server, the checkers
 * and SSL) that have rules of their own: keepalived's timers with microsecond resolution, its
 * scheduler and protocol names, and the few values it corrects rather than rejects. Messages are
 * keepalived 2.2.7's (check_parser.c, check_api.c, parser.c read_timer / read_unsigned).
 */
public final class LvsValues {

    private LvsValues() {
    }

    /** UINT_MAX, the limit of keepalived's unsigned settings. */
    public static final long UINT_MAX = 0xffff_ffffL;

    /** IPVS_WEIGHT_LIMIT (INT_MAX): the largest real server / virtual server weight. */
    public static final int WEIGHT_LIMIT = Integer.MAX_VALUE;

    /** LVS_MAX_TIMEOUT: 31 days, the longest persistence_timeout. */
    public static final int MAX_PERSISTENCE_TIMEOUT = 86400 * 31;

    /** IPVS_SVC_PERSISTENT_TIMEOUT: persistence_timeout without a value, and the forced default. */
    public static final int DEFAULT_PERSISTENCE_TIMEOUT = 360;

    /** IP_VS_PENAME_MAXLEN: longer persistence engine names are truncated. */
    public static final int PE_NAME_MAXLEN = 16;

    // ---- timers ------------------------------------------------------------------------------

    /** ULONG_MAX - 1 microseconds: the largest timer keepalived reads ("[0.000001, 18446744073709.551614]"). */
    public static final BigDecimal TIMER_MAX = new BigDecimal("18446744073709.551614");

    /** UINT_MAX microseconds: the largest connect_timeout. */
    public static final BigDecimal CONNECT_TIMEOUT_MAX = new BigDecimal("4294.967295");

    private static final Pattern DECIMAL = Pattern.compile("[+]?(\\d+\\.?\\d*|\\.\\d+)");

    /**
     * A time in seconds as keepalived's read_timer reads it: decimal, resolution one
     * microsecond (more decimals are truncated with a warning), within [min, max] seconds.
     */
    public static ValueType<Duration> timer(BigDecimal min, BigDecimal max) {
        return new TimerType(min, max);
    }

    /** Timers of at least one microsecond (delay_loop, connect_timeout). */
    public static ValueType<Duration> positiveTimer(BigDecimal max) {
        return timer(new BigDecimal("0.000001"), max);
    }

    /** Timers that may be 0 (delay_before_retry, warmup). */
    public static ValueType<Duration> timer() {
        return timer(BigDecimal.ZERO, TIMER_MAX);
    }

    private record TimerType(BigDecimal min, BigDecimal max) implements ValueType<Duration> {
        @Override
        public Duration parse(Args args) {
            String w = args.word(0);
            String s = w.strip();
            if (s.startsWith("-")) {
                throw new ValueException("negative number '" + w + "'");
            }
            if (!DECIMAL.matcher(s).matches()) {
                throw new ValueException("invalid number '" + w + "'");
            }
            BigDecimal v = new BigDecimal(s.startsWith("+") ? s.substring(1) : s.endsWith(".") ? s + "0" : s);
            if (v.scale() > 6) {
                args.warning("number '" + w + "' has too many decimal places");
                v = v.setScale(6, RoundingMode.DOWN);
            }
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new ValueException("number '" + w + "' outside range [" + min.toPlainString() + ", " + max.toPlainString() + "]");
            }
            args.ignoreAfter(1);
            return toDuration(v);
        }

        @Override
        public List<String> format(Duration value) {
            return List.of(formatTimer(value));
        }

        @Override
        public Object json(Duration value) {
            return new BigDecimal(formatTimer(value));
        }

        @Override
        public String syntax() {
            return "<SECONDS " + min.stripTrailingZeros().toPlainString() + ".." + max.toPlainString() + ">";
        }

        @Override
        public Duration sample(RandomGenerator random) {
            long lo = min.movePointRight(6).longValueExact();
            long hi = Math.min(max.movePointRight(6).setScale(0, RoundingMode.DOWN).min(BigDecimal.valueOf(100_000_000_000L)).longValue(), Long.MAX_VALUE - 1);
            long micros = random.nextLong(lo, hi + 1);
            if (random.nextBoolean()) {
                micros = Math.max(lo, micros / 1_000_000 * 1_000_000);
            }
            return Duration.ofSeconds(micros / 1_000_000, micros % 1_000_000 * 1000);
        }
    }

    static Duration toDuration(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }

    /** Seconds with up to six decimals and no trailing zeros: "60", "0.5". */
    public static String formatTimer(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano() / 1000, 6)).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    // ---- numbers with keepalived's outcome -----------------------------------------------------

    /**
     * {@code quorum N}: keepalived does not ignore a bad quorum, it uses 1 ("Quorum x must be in
     * [1, 4294967295]. Setting to 1.").
     */
    public static final ValueType<Long> QUORUM = new ValueType<>() {
        @Override
        public Long parse(Args args) {
            String w = args.word(0);
            args.ignoreAfter(1);
            try {
                return Types.longRange(1, UINT_MAX).parse(args.with(List.of(w)));
            } catch (ValueException e) {
                args.warning("quorum " + w + " must be in [1, " + UINT_MAX + "] - setting to 1");
                return 1L;
            }
        }

        @Override
        public List<String> format(Long value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "<1.." + UINT_MAX + ">";
        }

        @Override
        public Long sample(RandomGenerator random) {
            return random.nextLong(1, UINT_MAX + 1);
        }
    };

    /** {@code persistence_timeout [SECONDS]}: 1..31 days; without a value 360 (IPVS_SVC_PERSISTENT_TIMEOUT). */
    public static final ValueType<Integer> PERSISTENCE_TIMEOUT = new ValueType<>() {
        @Override
        public Integer parse(Args args) {
            if (args.isEmpty()) {
                return DEFAULT_PERSISTENCE_TIMEOUT;
            }
            int v = Types.checkRange(args.word(0), 1, MAX_PERSISTENCE_TIMEOUT);
            args.ignoreAfter(1);
            return v;
        }

        @Override
        public List<String> format(Integer value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "[<1.." + MAX_PERSISTENCE_TIMEOUT + ">]";
        }

        @Override
        public Integer sample(RandomGenerator random) {
            return random.nextInt(1, MAX_PERSISTENCE_TIMEOUT + 1);
        }
    };

    /** {@code persistence_engine NAME}: names longer than 16 characters are truncated, with an error. */
    public static final ValueType<String> PERSISTENCE_ENGINE = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String w = args.word(0);
            args.ignoreAfter(1);
            if (w.length() > PE_NAME_MAXLEN) {
                args.warning("persistence_engine name too long, truncating - " + w);
                return w.substring(0, PE_NAME_MAXLEN);
            }
            return w;
        }

        @Override
        public List<String> format(String value) {
            return List.of(Types.quote1(value));
        }

        @Override
        public String syntax() {
            return "<STRING>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return random.nextBoolean() ? "sip" : "pe" + random.nextInt(100);
        }
    };

    // ---- words -------------------------------------------------------------------------------

    /** The IPVS schedulers keepalived 2.2.7 accepts (lvs_schedulers[] in check_parser.c, plus twos). */
    public static final List<String> SCHEDULERS = List.of(
            "rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos");

    /** The scheduler keepalived uses when none is set (IPVS_DEF_SCHED). */
    public static final String DEFAULT_SCHEDULER = "wlc";

    /** {@code lvs_sched NAME}: compared exactly ("Invalid lvs_scheduler 'RR' - ignoring"). */
    public static final ValueType<String> SCHEDULER = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String w = args.word(0);
            if (!SCHEDULERS.contains(w)) {
                throw new ValueException("invalid lvs_scheduler '" + w + "' - expected one of " + String.join("|", SCHEDULERS));
            }
            args.ignoreAfter(1);
            return w;
        }

        @Override
        public List<String> format(String value) {
            return List.of(value);
        }

        @Override
        public String syntax() {
            return String.join("|", SCHEDULERS);
        }

        @Override
        public String sample(RandomGenerator random) {
            return SCHEDULERS.get(random.nextInt(SCHEDULERS.size()));
        }
    };

    /** {@code protocol TCP|UDP|SCTP}, any case (strcasecmp); kept in upper case. */
    public static final ValueType<String> PROTOCOL = caseInsensitive("protocol", List.of("TCP", "UDP", "SCTP"));

    /** DNS_CHECK {@code type}: the query types keepalived knows, any case (dns_type_lookup). */
    public static final ValueType<String> DNS_TYPE = caseInsensitive("DNS check type",
            List.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG", "DNSKEY"));

    private static ValueType<String> caseInsensitive(String what, List<String> words) {
        return new ValueType<>() {
            @Override
            public String parse(Args args) {
                String w = args.word(0);
                String upper = w.toUpperCase(Locale.ROOT);
                if (!words.contains(upper)) {
                    throw new ValueException("unknown " + what + " '" + w + "' - expected one of " + String.join("|", words));
                }
                args.ignoreAfter(1);
                return upper;
            }

            @Override
            public List<String> format(String value) {
                return List.of(value);
            }

            @Override
            public String syntax() {
                return String.join("|", words);
            }

            @Override
            public String sample(RandomGenerator random) {
                return words.get(random.nextInt(words.size()));
            }
        };
    }

    /** {@code ip_family inet|inet6}. */
    public static final ValueType<String> IP_FAMILY = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String w = args.word(0);
            if (!w.equals("inet") && !w.equals("inet6")) {
                throw new ValueException("unknown address family " + w);
            }
            args.ignoreAfter(1);
            return w;
        }

        @Override
        public List<String> format(String value) {
            return List.of(value);
        }

        @Override
        public String syntax() {
            return "inet|inet6";
        }

        @Override
        public String sample(RandomGenerator random) {
            return random.nextBoolean() ? "inet" : "inet6";
        }
    };

    /** HTTP_GET {@code http_protocol 1.0|1.0C|1.1} (1.0c is read as 1.0C). */
    public static final ValueType<String> HTTP_PROTOCOL = new ValueType<>() {
        @Override
        public String parse(Args args) {
            if (args.isEmpty()) {
                throw new ValueException("missing http_protocol version");
            }
            String w = args.word(0);
            args.ignoreAfter(1);
            return switch (w) {
                case "1.0", "1.1", "1.0C" -> w;
                case "1.0c" -> "1.0C";
                default -> throw new ValueException("invalid http_protocol version " + w + " - expected 1.0, 1.0C or 1.1");
            };
        }

        @Override
        public List<String> format(String value) {
            return List.of(value);
        }

        @Override
        public String syntax() {
            return "1.0|1.0C|1.1";
        }

        @Override
        public String sample(RandomGenerator random) {
            return List.of("1.0", "1.0C", "1.1").get(random.nextInt(3));
        }
    };

    /**
     * keepalived's set_value: the rest of the line, words joined by single spaces
     * ({@code virtualhost www.example.com}, {@code path /index.html}).
     *
     * @param missing the message when there is no word, in keepalived's words
     */
    public static ValueType<String> text(String missing) {
        return new ValueType<>() {
            @Override
            public String parse(Args args) {
                if (args.isEmpty()) {
                    throw new ValueException(missing);
                }
                return String.join(" ", args.words());
            }

            @Override
            public List<String> format(String value) {
                return List.of(Types.quote1(value));
            }

            @Override
            public String syntax() {
                return "<STRING>";
            }

            @Override
            public String sample(RandomGenerator random) {
                return random.nextBoolean() ? "www.example.com" : "/status page";
            }
        };
    }

    /** Exactly one word ({@code snmp_name}: "missing or extra parameters"). */
    public static ValueType<String> oneWord(String what) {
        return new ValueType<>() {
            @Override
            public String parse(Args args) {
                if (args.size() != 1) {
                    throw new ValueException(what + " missing or extra parameters");
                }
                return args.word(0);
            }

            @Override
            public List<String> format(String value) {
                return List.of(Types.quote1(value));
            }

            @Override
            public String syntax() {
                return "<STRING>";
            }

            @Override
            public String sample(RandomGenerator random) {
                return "name" + random.nextInt(10);
            }
        };
    }

    /** An interface name of at most 15 characters (IFNAMSIZ - 1): checker {@code bind_if}. */
    public static final ValueType<String> IFNAME = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String w = args.word(0);
            if (w.length() > 15) {
                throw new ValueException("interface name " + w + " is too long");
            }
            args.ignoreAfter(1);
            return w;
        }

        @Override
        public List<String> format(String value) {
            return List.of(Types.quote1(value));
        }

        @Override
        public String syntax() {
            return "<IFNAME>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return "eth" + random.nextInt(4);
        }
    };

    /**
     * {@code persistence_granularity NETMASK|PREFIXLEN}: kept as written; whether it is an IPv4
     * netmask (anything inet_aton reads) or an IPv6 prefix length (1..128) depends on the
     * virtual server's address family, which validation knows.
     */
    public static final ValueType<String> GRANULARITY = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String w = args.word(0);
            args.ignoreAfter(1);
            return w;
        }

        @Override
        public List<String> format(String value) {
            return List.of(Types.quote1(value));
        }

        @Override
        public String syntax() {
            return "<NETMASK>|<1..128>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return random.nextBoolean() ? "255.255.255.0" : Integer.toString(random.nextInt(1, 129));
        }
    };

    /**
     * inet_aton's forms (with AI_NUMERICHOST getaddrinfo): a.b.c.d, a.b.c, a.b or a, each part
     * decimal, octal (leading 0) or hex (0x); returns the address as an unsigned int, or -1.
     */
    public static long inetAton(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return -1;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (p.isEmpty()) {
                    return -1;
                } else if (p.startsWith("0x") || p.startsWith("0X")) {
                    v[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    v[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    if (!p.chars().allMatch(Character::isDigit)) {
                        return -1;
                    }
                    v[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        int n = parts.length;
        for (int i = 0; i < n - 1; i++) {
            if (v[i] > 255) {
                return -1;
            }
        }
        long last = v[n - 1];
        long lastMax = switch (n) {
            case 1 -> UINT_MAX;
            case 2 -> 0xffffff;
            case 3 -> 0xffff;
            default -> 0xff;
        };
        if (last > lastMax) {
            return -1;
        }
        long r = 0;
        for (int i = 0; i < n - 1; i++) {
            r |= v[i] << (24 - 8 * i);
        }
        return r | last;
    }

    // ---- checker specifics ------------------------------------------------------------------------

    /** MISC_CHECK {@code user USERNAME [GROUPNAME]}. */
    public record MiscUser(String user, String group) {
    }

    public static final ValueType<MiscUser> MISC_USER = new ValueType<>() {
        @Override
        public MiscUser parse(Args args) {
            if (args.isEmpty()) {
                throw new ValueException("no user specified for misc checker script");
            }
            args.ignoreAfter(2);
            return new MiscUser(args.word(0), args.size() > 1 ? args.word(1) : null);
        }

        @Override
        public List<String> format(MiscUser value) {
            return value.group() == null ? List.of(Types.quote1(value.user()))
                    : List.of(Types.quote1(value.user()), Types.quote1(value.group()));
        }

        @Override
        public Object json(MiscUser value) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("user", value.user());
            if (value.group() != null) {
                m.put("group", value.group());
            }
            return m;
        }

        @Override
        public String syntax() {
            return "<USERNAME> [<GROUPNAME>]";
        }

        @Override
        public MiscUser sample(RandomGenerator random) {
            return new MiscUser("nobody", random.nextBoolean() ? "nogroup" : null);
        }
    };

    /** FILE_CHECK {@code weight N [reverse]}: the multiplier for the file's value. */
    public record FileWeight(int weight, boolean reverse) {
    }

    public static final ValueType<FileWeight> FILE_WEIGHT = new ValueType<>() {
        @Override
        public FileWeight parse(Args args) {
            int w;
            try {
                w = Types.checkRange(args.word(0), -Integer.MAX_VALUE, Integer.MAX_VALUE);
            } catch (ValueException e) {
                throw new ValueException(e.getMessage() + ": weight for track file must be in [-2147483647..2147483647]");
            }
            boolean reverse = false;
            if (args.size() > 1) {
                if (!args.word(1).equals("reverse")) {
                    throw new ValueException("unknown track file weight option " + args.word(1));
                }
                reverse = true;
                args.ignoreAfter(2);
            }
            return new FileWeight(w, reverse);
        }

        @Override
        public List<String> format(FileWeight value) {
            return value.reverse() ? List.of(Integer.toString(value.weight()), "reverse") : List.of(Integer.toString(value.weight()));
        }

        @Override
        public Object json(FileWeight value) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("weight", value.weight());
            m.put("reverse", value.reverse());
            return m;
        }

        @Override
        public String syntax() {
            return "<-2147483647..2147483647> [reverse]";
        }

        @Override
        public FileWeight sample(RandomGenerator random) {
            return new FileWeight(random.nextInt(-1000, 1000), random.nextBoolean());
        }
    };

    /**
     * DNS_CHECK {@code name}: keepalived rejects a name with an empty label. Its test (a
     * leading '.' before more text, or a '.' right after the first character or after any '.')
     * also rejects one-letter first labels such as "x.com"; we keep its verdict.
     */
    public static final ValueType<String> DNS_NAME = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String name = args.word(0);
            args.ignoreAfter(1);
            if (dnsNameHasEmptyLabel(name)) {
                throw new ValueException("DNS_CHECK name '" + name + "' has empty label");
            }
            return name;
        }

        @Override
        public List<String> format(String value) {
            return List.of(Types.quote1(value));
        }

        @Override
        public String syntax() {
            return "<DOMAIN-NAME>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return List.of(".", "example.com", "www.example.org.").get(random.nextInt(3));
        }
    };

    /** check_dns.c dns_name_handler's test, bug for bug. */
    static boolean dnsNameHasEmptyLabel(String name) {
        if (name.length() > 1 && name.charAt(0) == '.') {
            return true;
        }
        for (int p = 0; p >= 0; p = name.indexOf('.', p + 1)) {
            if (p + 1 < name.length() && name.charAt(p + 1) == '.') {
                return true;
            }
        }
        return false;
    }

    /** The valid pcre2 option names of regex_options (regex_options[] in check_http.c). */
    public static final List<String> REGEX_OPTIONS = List.of(
            "allow_empty_class", "alt_bsux", "auto_callout", "caseless", "dollar_endonly", "dotall", "dupnames",
            "extended", "firstline", "match_unset_backref", "multiline", "never_ucp", "never_utf",
            "no_auto_capture", "no_auto_possess", "no_dotstar_anchor", "no_start_optimize", "ucp", "ungreedy",
            "utf", "never_backslash_c", "alt_circumflex", "alt_verbnames", "use_offset_limit");

    /** url {@code regex_options OPTION...}: unknown names are ignored silently by keepalived (we lint). */
    public static final ValueType<List<String>> REGEX_OPTIONS_TYPE = new ValueType<>() {
        @Override
        public List<String> parse(Args args) {
            List<String> out = new ArrayList<>();
            for (String w : args.words()) {
                if (REGEX_OPTIONS.contains(w)) {
                    if (!out.contains(w)) {
                        out.add(w);
                    }
                } else {
                    args.lint("unknown regex option '" + w + "' ignored");
                }
            }
            return List.copyOf(out);
        }

        @Override
        public List<String> format(List<String> value) {
            return value;
        }

        @Override
        public Object json(List<String> value) {
            return value;
        }

        @Override
        public String syntax() {
            return "<OPTION> ...";
        }

        @Override
        public List<String> sample(RandomGenerator random) {
            return random.nextBoolean() ? List.of("caseless") : List.of("multiline", "dotall");
        }
    };

    /**
     * url {@code regex PATTERN}: one word after shell-like quote and escape processing. keepalived
     * only logs a wrong number of words (nothing on -t), so we lint and use an empty pattern,
     * which validation drops.
     */
    public static final ValueType<String> REGEX = new ValueType<>() {
        @Override
        public String parse(Args args) {
            List<String> words;
            try {
                words = io.jkeepalived.config.read.Words.splitQuotedEscaped(args.text());
            } catch (IllegalArgumentException e) {
                args.lint("regex: " + e.getMessage() + " - ignored");
                return "";
            }
            if (words.size() != 2) {
                args.lint("regex missing or too many fields - ignored");
                return "";
            }
            return words.get(1);
        }

        @Override
        public List<String> format(String value) {
            return List.of(quoteEscaped(value));
        }

        @Override
        public String syntax() {
            return "<STRING>|<QUOTED-STRING>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return List.of("OK", "status: (up|ok)", "a\\.b").get(random.nextInt(3));
        }
    };

    /** Double-quotes a string for a line read with shell-like quoting, escaping '\' and '"'. */
    static String quoteEscaped(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * url {@code regex_min_offset N} / {@code regex_max_offset N}: keepalived only logs bad
     * values and then uses 0, so we lint and use 0.
     */
    public static final ValueType<Long> REGEX_OFFSET = new ValueType<>() {
        @Override
        public Long parse(Args args) {
            if (args.size() != 1) {
                args.lint("missing or too many options - using 0");
                return 0L;
            }
            String w = args.word(0);
            // strtoul: optional sign; negative values wrap, so we treat them as invalid
            if (!w.matches("\\+?\\d+") || w.length() > 19) {
                args.lint("invalid offset " + w + " - using 0");
                return 0L;
            }
            return Long.parseLong(w.startsWith("+") ? w.substring(1) : w);
        }

        @Override
        public List<String> format(Long value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "<OFFSET>";
        }

        @Override
        public Long sample(RandomGenerator random) {
            return (long) random.nextInt(0, 100000);
        }
    };

    /** url {@code regex_stack START MAX}: the JIT stack sizes in bytes. */
    public record RegexStack(long start, long max) {
    }

    /** keepalived only logs a bad regex_stack; we lint and return null-free "unset" (0, 0), which validation drops. */
    public static final ValueType<RegexStack> REGEX_STACK = new ValueType<>() {
        @Override
        public RegexStack parse(Args args) {
            if (args.size() != 2) {
                args.lint("regex_stack requires start and max values - ignored");
                return new RegexStack(0, 0);
            }
            String a = args.word(0);
            String b = args.word(1);
            if (!a.matches("\\d{1,18}") || !b.matches("\\d{1,18}")) {
                args.lint("regex_stack invalid start or max value - ignored");
                return new RegexStack(0, 0);
            }
            long start = Long.parseLong(a);
            long max = Long.parseLong(b);
            if (start > max) {
                args.lint("regex stack start cannot exceed max value - ignored");
                return new RegexStack(0, 0);
            }
            return new RegexStack(start, max);
        }

        @Override
        public List<String> format(RegexStack value) {
            return List.of(Long.toString(value.start()), Long.toString(value.max()));
        }

        @Override
        public Object json(RegexStack value) {
            return java.util.Map.of("start", value.start(), "max", value.max());
        }

        @Override
        public String syntax() {
            return "<START> <MAX>";
        }

        @Override
        public RegexStack sample(RandomGenerator random) {
            long s = random.nextInt(1, 100000);
            return new RegexStack(s, s + random.nextInt(0, 100000));
        }
    };

    /** url {@code digest HEX}: an MD5 digest, 32 hex digits; kept in lower case. */
    public static final ValueType<String> DIGEST = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String d = args.word(0);
            args.ignoreAfter(1);
            if (d.length() != 32) {
                throw new ValueException("digest '" + d + "' character length should be 32 rather than " + d.length());
            }
            for (int i = 0; i < 32; i++) {
                if (Character.digit(d.charAt(i), 16) < 0) {
                    int pair = i / 2 * 2;
                    throw new ValueException("unable to interpret hex digit in '" + d + "' at offset " + pair + "/" + (pair + 1));
                }
            }
            return d.toLowerCase(Locale.ROOT);
        }

        @Override
        public List<String> format(String value) {
            return List.of(value);
        }

        @Override
        public String syntax() {
            return "<MD5-HEX>";
        }

        @Override
        public String sample(RandomGenerator random) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                sb.append(Character.forDigit(random.nextInt(16), 16));
            }
            return sb.toString();
        }
    };

    /** HTTP status codes keepalived accepts in status_code (HTTP_STATUS_CODE_MIN..MAX). */
    public static final int STATUS_MIN = 100;
    public static final int STATUS_MAX = 599;

    /** One entry of {@code status_code}: a code or a range of codes. */
    public record StatusRange(int min, int max) {
        @Override
        public String toString() {
            return min == max ? Integer.toString(min) : min + "-" + max;
        }
    }

    /**
     * url {@code status_code N|N-M ...}: each word is a code or range in 100..599; bad ones are
     * reported and skipped, the others kept (status_code_handler). Without any, 200-299 applies.
     */
    public static final ValueType<List<StatusRange>> STATUS_CODES = new ValueType<>() {
        @Override
        public List<StatusRange> parse(Args args) {
            List<StatusRange> out = new ArrayList<>();
            for (String w : args.words()) {
                StatusRange r = statusRange(w);
                if (r == null) {
                    args.warning("invalid HTTP_GET status code '" + w + "' - ignoring");
                } else {
                    out.add(r);
                }
            }
            return List.copyOf(out);
        }

        @Override
        public List<String> format(List<StatusRange> value) {
            return value.stream().map(StatusRange::toString).toList();
        }

        @Override
        public Object json(List<StatusRange> value) {
            return value.stream().map(StatusRange::toString).toList();
        }

        @Override
        public String syntax() {
            return "<CODE|CODE-CODE> ...";
        }

        @Override
        public List<StatusRange> sample(RandomGenerator random) {
            int a = random.nextInt(STATUS_MIN, STATUS_MAX + 1);
            int b = random.nextInt(a, STATUS_MAX + 1);
            return random.nextBoolean() ? List.of(new StatusRange(a, a)) : List.of(new StatusRange(200, 299), new StatusRange(a, b));
        }
    };

    private static final Pattern STATUS = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");

    static StatusRange statusRange(String w) {
        var m = STATUS.matcher(w);
        if (!m.matches()) {
            return null;
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
        if (min < STATUS_MIN || max > STATUS_MAX || min > max) {
            return null;
        }
        return new StatusRange(min, max);
    }

    /**
     * UDP_CHECK {@code payload} and {@code require_reply} data (read_hex_str): hex digits, a space
     * ending an octet early, so "Ab12f 3" is AB 12 0F 03; in a reply, X stands for a nibble not
     * compared. Kept as canonical text: two hex digits (or X) per octet, space separated.
     */
    public record HexString(String octets) {
        public int length() {
            return octets.isEmpty() ? 0 : (octets.length() + 1) / 3;
        }
    }

    /** Reads keepalived's hex string; null if it is invalid (or empty). */
    static HexString readHex(String s, boolean wildcards) {
        List<String> octets = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char a = nibble(s.charAt(i++), wildcards);
            if (a == 0) {
                return null;
            }
            if (i < n && s.charAt(i) != ' ') {
                char b = nibble(s.charAt(i++), wildcards);
                if (b == 0) {
                    return null;
                }
                octets.add("" + a + b);
            } else {
                octets.add("0" + a);
            }
        }
        return octets.isEmpty() ? null : new HexString(String.join(" ", octets));
    }

    private static char nibble(char c, boolean wildcards) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
            return c;
        }
        if (c >= 'A' && c <= 'F') {
            return Character.toLowerCase(c);
        }
        if (wildcards && (c == 'x' || c == 'X')) {
            return 'X';
        }
        return 0;
    }

    /** UDP_CHECK {@code payload HEX...}. */
    public static final ValueType<HexString> PAYLOAD = new ValueType<>() {
        @Override
        public HexString parse(Args args) {
            if (args.isEmpty()) {
                throw new ValueException("UDP_CHECK payload requires a payload");
            }
            HexString h = readHex(String.join(" ", args.words()), false);
            if (h == null) {
                throw new ValueException("invalid hex string for UDP_CHECK payload");
            }
            return h;
        }

        @Override
        public List<String> format(HexString value) {
            return List.of(value.octets().split(" "));
        }

        @Override
        public Object json(HexString value) {
            return value.octets();
        }

        @Override
        public String syntax() {
            return "<HEX_STR>";
        }

        @Override
        public HexString sample(RandomGenerator random) {
            return sampleHex(random, false);
        }
    };

    /** The value of {@code require_reply} without data: any reply will do. */
    public static final HexString ANY_REPLY = new HexString("");

    /**
     * UDP_CHECK {@code require_reply [HEX...]}: keepalived sets require_reply even when the data
     * is invalid (it reports it, and then checks no data), and so do we.
     */
    public static final ValueType<HexString> REQUIRE_REPLY = new ValueType<>() {
        @Override
        public HexString parse(Args args) {
            if (args.isEmpty()) {
                return ANY_REPLY;
            }
            HexString h = readHex(String.join(" ", args.words()), true);
            if (h == null) {
                args.warning("invalid hex string for UDP_CHECK reply - any reply will do");
                return ANY_REPLY;
            }
            return h;
        }

        @Override
        public List<String> format(HexString value) {
            return value.octets().isEmpty() ? List.of() : List.of(value.octets().split(" "));
        }

        @Override
        public Object json(HexString value) {
            return value.octets().isEmpty() ? Boolean.TRUE : value.octets();
        }

        @Override
        public String syntax() {
            return "[<HEX_STR>]";
        }

        @Override
        public HexString sample(RandomGenerator random) {
            return random.nextInt(3) == 0 ? ANY_REPLY : sampleHex(random, true);
        }
    };

    private static HexString sampleHex(RandomGenerator random, boolean wildcards) {
        int n = random.nextInt(1, 6);
        List<String> o = new ArrayList<>();
        String digits = wildcards ? "0123456789abcdefX" : "0123456789abcdef";
        for (int i = 0; i < n; i++) {
            o.add("" + digits.charAt(random.nextInt(digits.length())) + digits.charAt(random.nextInt(digits.length())));
        }
        return new HexString(String.join(" ", o));
    }
}
