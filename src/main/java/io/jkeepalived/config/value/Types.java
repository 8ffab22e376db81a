package io.jkeepalived.config.value;

import io.jkeepalived.config.read.Words;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The value types keywords share, with keepalived's parsing rules and messages
 * (read_int, read_unsigned, read_timer, check_true_false in keepalived's lib/parser.c).
 */
public final class Types {

    private Types() {
    }

    // ---- nothing, flags and booleans ---------------------------------------------------------

    /** No arguments (the head of global_defs). */
    public static final ValueType<Void> NONE = new ValueType<>() {
        @Override
        public Void parse(Args args) {
            args.ignoreAfter(0);
            return null;
        }

        @Override
        public List<String> format(Void value) {
            return List.of();
        }

        @Override
        public Object json(Void value) {
            return null;
        }

        @Override
        public String syntax() {
            return "";
        }

        @Override
        public Void sample(RandomGenerator random) {
            return null;
        }
    };

    /** A keyword that takes no arguments: present means true. */
    public static ValueType<Boolean> flag() {
        return FLAG;
    }

    private static final ValueType<Boolean> FLAG = new ValueType<>() {
        @Override
        public Boolean parse(Args args) {
            args.ignoreAfter(0);
            return Boolean.TRUE;
        }

        @Override
        public List<String> format(Boolean value) {
            return List.of();
        }

        @Override
        public String syntax() {
            return "";
        }

        @Override
        public Boolean sample(RandomGenerator random) {
            return Boolean.TRUE;
        }
    };

    /** keepalived's check_true_false: on|off|true|false|yes|no; null if the word is none of them. */
    public static Boolean parseBool(String word) {
        return switch (word) {
            case "true", "on", "yes" -> Boolean.TRUE;
            case "false", "off", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code keyword [<BOOL>]}: present without an argument means true. */
    public static ValueType<Boolean> optionalBool() {
        return OPTIONAL_BOOL;
    }

    private static final ValueType<Boolean> OPTIONAL_BOOL = new ValueType<>() {
        @Override
        public Boolean parse(Args args) {
            if (args.isEmpty()) {
                return Boolean.TRUE;
            }
            Boolean b = parseBool(args.word(0));
            if (b == null) {
                throw new ValueException("invalid value '" + args.word(0) + "' - expected on|off|true|false|yes|no");
            }
            args.ignoreAfter(1);
            return b;
        }

        @Override
        public List<String> format(Boolean value) {
            return value ? List.of() : List.of("false");
        }

        @Override
        public String syntax() {
            return "[<BOOL>]";
        }

        @Override
        public Boolean sample(RandomGenerator random) {
            return random.nextBoolean();
        }
    };

    /** {@code keyword <BOOL>}: the argument is required. */
    public static ValueType<Boolean> bool() {
        return BOOL;
    }

    private static final ValueType<Boolean> BOOL = new ValueType<>() {
        @Override
        public Boolean parse(Args args) {
            Boolean b = parseBool(args.word(0));
            if (b == null) {
                throw new ValueException("invalid value '" + args.word(0) + "' - expected on|off|true|false|yes|no");
            }
            args.ignoreAfter(1);
            return b;
        }

        @Override
        public List<String> format(Boolean value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "<BOOL>";
        }

        @Override
        public Boolean sample(RandomGenerator random) {
            return random.nextBoolean();
        }
    };

    // ---- numbers -------------------------------------------------------------------------------

    /**
     * A decimal integer as strtol/strtoul read it in keepalived: optional blanks and sign, then
     * digits to the end of the word.
     */
    public static long parseLong(String word) {
        String s = word.stripLeading();
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i == s.length()) {
            throw new ValueException("invalid number '" + word + "'");
        }
        for (int k = i; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                throw new ValueException("invalid number '" + word + "'");
            }
        }
        try {
            return Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new ValueException("number '" + word + "' outside integer range");
        }
    }

    /** An integer in [min, max] (keepalived's read_int / read_unsigned with their messages). */
    public static ValueType<Integer> integer(int min, int max) {
        return new IntType(min, max);
    }

    private record IntType(int min, int max) implements ValueType<Integer> {
        @Override
        public Integer parse(Args args) {
            int v = checkRange(args.word(0), min, max);
            args.ignoreAfter(1);
            return v;
        }

        @Override
        public List<String> format(Integer value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "<" + min + ".." + max + ">";
        }

        @Override
        public Integer sample(RandomGenerator random) {
            return (int) random.nextLong(min, (long) max + 1);
        }
    }

    /** Reads an integer word and checks it against [min, max]. */
    public static int checkRange(String word, long min, long max) {
        if (min >= 0 && word.stripLeading().startsWith("-")) {
            throw new ValueException("negative number '" + word + "'");
        }
        long v = parseLong(word);
        if (v < min || v > max) {
            throw new ValueException("number '" + word + "' outside range [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    /** A non-negative integer up to {@code max} as a long (sizes, seeds). */
    public static ValueType<Long> unsigned(long max) {
        return new LongType(0, max);
    }

    /** An integer in [min, max] as a long. */
    public static ValueType<Long> longRange(long min, long max) {
        return new LongType(min, max);
    }

    private record LongType(long min, long max) implements ValueType<Long> {
        @Override
        public Long parse(Args args) {
            String w = args.word(0);
            if (min >= 0 && w.stripLeading().startsWith("-")) {
                throw new ValueException("negative number '" + w + "'");
            }
            long v = parseLong(w);
            if (v < min || v > max) {
                throw new ValueException("number '" + w + "' outside range [" + min + ", " + max + "]");
            }
            args.ignoreAfter(1);
            return v;
        }

        @Override
        public List<String> format(Long value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "<" + min + ".." + max + ">";
        }

        @Override
        public Long sample(RandomGenerator random) {
            return max == Long.MAX_VALUE ? random.nextLong(min, max) : random.nextLong(min, max + 1);
        }
    }

    /**
     * Reads a decimal number of seconds (keepalived's read_double/read_timer: "2.71828" or "3",
     * resolution one microsecond) into a Duration, truncated to the microsecond.
     */
    public static Duration parseSeconds(String word, double minSeconds, double maxSeconds) {
        BigDecimal seconds;
        try {
            String s = word.strip();
            if (s.isEmpty() || s.endsWith(".") && s.length() == 1 || s.toLowerCase().contains("n") || s.contains("_")) {
                throw new NumberFormatException();
            }
            seconds = new BigDecimal(s.endsWith(".") ? s + "0" : s.startsWith(".") ? "0" + s : s.startsWith("-.") ? "-0" + s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new ValueException("invalid number '" + word + "'");
        }
        if (seconds.compareTo(BigDecimal.valueOf(minSeconds)) < 0 || seconds.compareTo(BigDecimal.valueOf(maxSeconds)) > 0) {
            throw new ValueException("number '" + word + "' outside range [" + g(minSeconds) + ", " + g(maxSeconds) + "]");
        }
        long micros = seconds.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact();
        return Duration.ofNanos(micros * 1000);
    }

    /** printf %g, as keepalived prints its range limits. */
    private static String g(double d) {
        String s = String.format("%g", d);
        if (s.contains("e")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }

    /** Seconds with up to six decimals, no trailing zeros: "1", "0.5", "2.718281". */
    public static String formatSeconds(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.toNanos() / 1000).movePointLeft(6).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    /** A time in seconds in [min, max] with microsecond resolution (keepalived's TIMER). */
    public static ValueType<Duration> seconds(double min, double max) {
        return new SecondsType(min, max);
    }

    private record SecondsType(double min, double max) implements ValueType<Duration> {
        @Override
        public Duration parse(Args args) {
            Duration d = parseSeconds(args.word(0), min, max);
            args.ignoreAfter(1);
            return d;
        }

        @Override
        public List<String> format(Duration value) {
            return List.of(formatSeconds(value));
        }

        @Override
        public Object json(Duration value) {
            return new BigDecimal(formatSeconds(value));
        }

        @Override
        public String syntax() {
            return "<SECONDS " + g(min) + ".." + g(max) + ">";
        }

        @Override
        public Duration sample(RandomGenerator random) {
            long lo = (long) Math.ceil(min * 1_000_000);
            long hi = (long) Math.floor(Math.min(max, 100_000) * 1_000_000);
            long micros = random.nextInt(4) == 0 ? (random.nextLong(lo, hi + 1) / 1_000_000) * 1_000_000 : random.nextLong(lo, hi + 1);
            return Duration.ofNanos(Math.max(lo, micros) * 1000);
        }
    }

    // ---- words -------------------------------------------------------------------------------

    /** Exactly one word, any text. */
    public static ValueType<String> string() {
        return STRING;
    }

    private static final ValueType<String> STRING = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String w = args.word(0);
            args.ignoreAfter(1);
            return w;
        }

        @Override
        public List<String> format(String value) {
            return List.of(Words.quote(value));
        }

        @Override
        public String syntax() {
            return "<STRING>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return sampleWord(random);
        }
    };

    /** The name on the opening line of a named block ({@code vrrp_instance VI_1 {}): exactly one word. */
    public static ValueType<String> name() {
        return NAME;
    }

    private static final ValueType<String> NAME = new ValueType<>() {
        @Override
        public String parse(Args args) {
            if (args.size() != 1) {
                throw new ValueException(args.keyword() + " must have a name (one word)");
            }
            return args.word(0);
        }

        @Override
        public List<String> format(String value) {
            return List.of(Words.quote(value));
        }

        @Override
        public String syntax() {
            return "<NAME>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return "N" + random.nextInt(1000);
        }
    };

    /**
     * The name of a block keepalived reads only the first word of ({@code vrrp_script NAME},
     * track_file, vrrp_track_process, virtual_server_group, bfd_instance): later words are
     * ignored (silently by keepalived), a missing name is its "missing a parameter".
     */
    public static ValueType<String> firstWord() {
        return FIRST_WORD;
    }

    private static final ValueType<String> FIRST_WORD = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String name = args.word(0);
            args.ignoreAfter(1);
            return name;
        }

        @Override
        public List<String> format(String value) {
            return List.of(Words.quote(value));
        }

        @Override
        public String syntax() {
            return "<NAME>";
        }

        @Override
        public String sample(RandomGenerator random) {
            return "N" + random.nextInt(1000);
        }
    };

    /** One word, or nothing (the default then applies): {@code reload_file [FILE]}. */
    public static ValueType<String> optionalString(String whenAbsent) {
        return new ValueType<>() {
            @Override
            public String parse(Args args) {
                args.ignoreAfter(1);
                return args.wordOr(0, whenAbsent);
            }

            @Override
            public List<String> format(String value) {
                return value.equals(whenAbsent) ? List.of() : List.of(Words.quote(value));
            }

            @Override
            public String syntax() {
                return "[<STRING>]";
            }

            @Override
            public String sample(RandomGenerator random) {
                return random.nextBoolean() ? whenAbsent : sampleWord(random);
            }
        };
    }

    /** All the words, one or more. */
    public static ValueType<List<String>> wordList(int minWords) {
        return new ValueType<>() {
            @Override
            public List<String> parse(Args args) {
                if (args.size() < minWords) {
                    args.word(args.size());
                }
                return List.copyOf(args.words());
            }

            @Override
            public List<String> format(List<String> value) {
                return quoted(value);
            }

            @Override
            public Object json(List<String> value) {
                return value;
            }

            @Override
            public String syntax() {
                return minWords == 0 ? "[<STRING> ...]" : "<STRING> ...";
            }

            @Override
            public List<String> sample(RandomGenerator random) {
                List<String> l = new ArrayList<>();
                int n = minWords + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    l.add(sampleWord(random));
                }
                return List.copyOf(l);
            }
        };
    }

    static final String[] SAMPLE_WORDS = {"eth0", "VI_1", "lb01", "a b", "x", "/etc/k", "LVS_DEVEL", "10", "sample_word"};

    static String sampleWord(RandomGenerator random) {
        return SAMPLE_WORDS[random.nextInt(SAMPLE_WORDS.length)];
    }

    /** One word from a fixed set, compared exactly (keepalived uses strcmp). */
    public static <E extends Enum<E>> ValueType<E> choice(Class<E> type, Function<E, String> word) {
        Map<String, E> byWord = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            byWord.put(word.apply(e), e);
        }
        return new ValueType<>() {
            @Override
            public E parse(Args args) {
                String w = args.word(0);
                E e = byWord.get(w);
                if (e == null) {
                    throw new ValueException("invalid value '" + w + "' - expected one of " + String.join("|", byWord.keySet()));
                }
                args.ignoreAfter(1);
                return e;
            }

            @Override
            public List<String> format(E value) {
                return List.of(word.apply(value));
            }

            @Override
            public Object json(E value) {
                return word.apply(value);
            }

            @Override
            public String syntax() {
                return String.join("|", byWord.keySet());
            }

            @Override
            public E sample(RandomGenerator random) {
                E[] all = type.getEnumConstants();
                return all[random.nextInt(all.length)];
            }
        };
    }

    /** One of a fixed set of words, kept as the word. */
    public static ValueType<String> oneOf(String... words) {
        List<String> allowed = Arrays.asList(words);
        return new ValueType<>() {
            @Override
            public String parse(Args args) {
                String w = args.word(0);
                if (!allowed.contains(w)) {
                    throw new ValueException("invalid value '" + w + "' - expected one of " + String.join("|", allowed));
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
                return String.join("|", allowed);
            }

            @Override
            public String sample(RandomGenerator random) {
                return allowed.get(random.nextInt(allowed.size()));
            }
        };
    }

    // ---- addresses ---------------------------------------------------------------------------

    /** inet_pton's IPv4 form: four decimal parts, none with a leading zero (glibc rejects "010.0.0.1"). */
    private static final java.util.regex.Pattern DOTTED_QUAD =
            java.util.regex.Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");

    /** Parses an IPv4 or IPv6 literal; never does a name lookup. */
    public static InetAddress parseAddress(String word) {
        try {
            if (word.isEmpty() || word.contains("%") || word.contains("[")) {
                throw new IllegalArgumentException();
            }
            if (word.indexOf(':') < 0) {
                // inet_pton: exactly four decimal parts (Inet4Address.ofLiteral also takes "10" or "10.1")
                if (!DOTTED_QUAD.matcher(word).matches()) {
                    throw new IllegalArgumentException();
                }
                return Inet4Address.ofLiteral(word);
            }
            return Inet6Address.ofLiteral(word);
        } catch (IllegalArgumentException e) {
            throw new ValueException("invalid IP address '" + word + "'");
        }
    }

    /** The canonical text of an address: dotted quad, or RFC 5952 IPv6. */
    public static String formatAddress(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** An IPv4 or IPv6 address. */
    public static ValueType<InetAddress> address() {
        return ADDRESS;
    }

    private static final ValueType<InetAddress> ADDRESS = new ValueType<>() {
        @Override
        public InetAddress parse(Args args) {
            InetAddress a = parseAddress(args.word(0));
            args.ignoreAfter(1);
            return a;
        }

        @Override
        public List<String> format(InetAddress value) {
            return List.of(formatAddress(value));
        }

        @Override
        public Object json(InetAddress value) {
            return formatAddress(value);
        }

        @Override
        public String syntax() {
            return "<IPADDR>";
        }

        @Override
        public InetAddress sample(RandomGenerator random) {
            return sampleAddress(random, random.nextBoolean());
        }
    };

    public static InetAddress sampleAddress(RandomGenerator random, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        random.nextBytes(b);
        if (v6) {
            b[0] = (byte) 0x20;
            b[1] = 0x01;
        } else {
            b[0] = (byte) (10 + random.nextInt(100));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TCP/UDP port number, 0..65535 (keepalived reads ports as numbers). */
    public static ValueType<Integer> port() {
        return integer(0, 65535);
    }

    // ---- helpers for composite types ---------------------------------------------------------

    /** One word for -d, quoted if keepalived's reader would otherwise break it up. */
    public static String quote1(String word) {
        return Words.quote(word);
    }

    /** Words for -d: quotes what keepalived's word splitter would otherwise break up. */
    public static List<String> quoted(List<String> words) {
        return words.stream().map(Words::quote).toList();
    }
}
