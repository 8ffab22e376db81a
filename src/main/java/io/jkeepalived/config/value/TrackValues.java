package io.jkeepalived.config.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Values of the vrrp_script, track_file and vrrp_track_process blocks (keepalived's
 * vrrp_parser.c and track_file.c), with the ranges and messages of the keepalived 2.2.7 binary
 * under {@code -t}.
 */
public final class TrackValues {

    private TrackValues() {
    }

    // ---- weight N [reverse] ---------------------------------------------------------------------

    /**
     * {@code weight N [reverse]} of a tracked object: added to (or, reversed, subtracted from) the
     * priority of the instances tracking it; 0 means a failure puts them in FAULT (with reverse,
     * success does).
     */
    public record Weight(int value, boolean reverse) {
        public static Weight of(int value) {
            return new Weight(value, false);
        }
    }

    /**
     * vrrp_script's weight (vrrp_vscript_weight_handler): keepalived reports a value outside
     * -253..253 but stores it anyway, as strtol then a cast to int read it (so {@code 300} gives
     * 300, {@code x} 0, {@code 1.5} 1); we do the same, with keepalived's complaint.
     */
    public static final ValueType<Weight> SCRIPT_WEIGHT = new WeightType(-253, 253, true, false);

    /**
     * track_file's weight (track_file_weight_handler): -254..254, the extra one allowing for a
     * negative value read from the file; an invalid value is ignored.
     */
    public static final ValueType<Weight> FILE_WEIGHT = new WeightType(-254, 254, false, true);

    /** vrrp_track_process's weight (vrrp_tprocess_weight_handler): -254..254; an invalid value is ignored. */
    public static final ValueType<Weight> PROCESS_WEIGHT = new WeightType(-254, 254, false, true);

    /**
     * @param keepOutOfRange   store a bad value as strtol reads it (vrrp_script) instead of ignoring it
     * @param noWeightMessage  a missing value is keepalived's "No weight specified" (ignored) rather
     *                         than the parser's "missing a parameter"
     */
    record WeightType(int min, int max, boolean keepOutOfRange, boolean noWeightMessage) implements ValueType<Weight> {

        @Override
        public Weight parse(Args args) {
            if (args.isEmpty() && noWeightMessage) {
                throw new ValueException("no weight specified");
            }
            String word = args.word(0);
            int value;
            try {
                value = Types.checkRange(word, min, max);
            } catch (ValueException e) {
                if (!keepOutOfRange) {
                    throw e;
                }
                value = strtolAsInt(word);
                args.warning("weight " + word + " must be in [" + min + ", " + max + "] - using " + value
                        + " as keepalived does");
            }
            boolean reverse = false;
            if (args.size() >= 2) {
                if (args.word(1).equals("reverse")) {
                    reverse = true;
                } else {
                    args.warning("unknown weight option '" + args.word(1) + "' - ignoring it");
                }
            }
            args.ignoreAfter(2);
            return new Weight(value, reverse);
        }

        @Override
        public List<String> format(Weight w) {
            return w.reverse() ? List.of(Integer.toString(w.value()), "reverse") : List.of(Integer.toString(w.value()));
        }

        @Override
        public Object json(Weight w) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("weight", w.value());
            m.put("reverse", w.reverse());
            return m;
        }

        @Override
        public String syntax() {
            return "<" + min + ".." + max + "> [reverse]";
        }

        @Override
        public Weight sample(RandomGenerator r) {
            return new Weight(r.nextInt(min, max + 1), r.nextInt(4) == 0);
        }
    }

    /**
     * What C's {@code (int) strtol(word, NULL, 10)} gives: leading blanks and a sign, then as many
     * digits as there are (none gives 0), saturating at the long range, then the low 32 bits.
     */
    static int strtolAsInt(String word) {
        String s = word.stripLeading();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return 0;
        }
        BigDecimal v = new BigDecimal(s.substring(start, i));
        if (negative) {
            v = v.negate();
        }
        long l = v.max(BigDecimal.valueOf(Long.MIN_VALUE)).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact();
        return (int) l;
    }

    // ---- vrrp_script ----------------------------------------------------------------------------

    /** UINT_MAX / TIMER_HZ: the largest interval or timeout keepalived can hold in microseconds. */
    public static final int SCRIPT_MAX_SECONDS = 4294;

    /**
     * vrrp_script's {@code interval} and {@code timeout}: whole seconds 0..4294, where 0 is taken as
     * 1 with a complaint (kept for configurations older than 2.0.7); anything else out of range or
     * not a number is ignored.
     */
    public static ValueType<Duration> scriptSeconds(String what) {
        return new ScriptSeconds(what);
    }

    private record ScriptSeconds(String what) implements ValueType<Duration> {
        @Override
        public Duration parse(Args args) {
            String word = args.word(0);
            int seconds;
            try {
                seconds = Types.checkRange(word, 0, SCRIPT_MAX_SECONDS);
            } catch (ValueException e) {
                throw new ValueException(what.equals("interval")
                        ? "vrrp script interval '" + word + "' must be between 1 and " + SCRIPT_MAX_SECONDS
                        : "vrrp script timeout '" + word + "' invalid (" + e.getMessage() + ")");
            }
            if (seconds == 0) {
                args.warning("vrrp script " + what + " must be greater than 0, setting to 1");
                seconds = 1;
            }
            args.ignoreAfter(1);
            return Duration.ofSeconds(seconds);
        }

        @Override
        public List<String> format(Duration value) {
            return List.of(Long.toString(value.toSeconds()));
        }

        @Override
        public Object json(Duration value) {
            return value.toSeconds();
        }

        @Override
        public String syntax() {
            return "<SECONDS 1.." + SCRIPT_MAX_SECONDS + ">";
        }

        @Override
        public Duration sample(RandomGenerator r) {
            return Duration.ofSeconds(r.nextInt(1, SCRIPT_MAX_SECONDS + 1));
        }
    }

    /**
     * vrrp_script's {@code rise} and {@code fall}: 1..2147483647; keepalived replaces anything else
     * by 1 (replacing an earlier value too), with a complaint.
     */
    public static ValueType<Integer> scriptCount(String what) {
        return new ScriptCount(what);
    }

    private record ScriptCount(String what) implements ValueType<Integer> {
        @Override
        public Integer parse(Args args) {
            String word = args.word(0);
            args.ignoreAfter(1);
            try {
                return Types.checkRange(word, 1, Integer.MAX_VALUE);
            } catch (ValueException e) {
                args.warning("vrrp script " + what + " value '" + word + "' invalid (" + e.getMessage() + "), defaulting to 1");
                return 1;
            }
        }

        @Override
        public List<String> format(Integer value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "<1.." + Integer.MAX_VALUE + ">";
        }

        @Override
        public Integer sample(RandomGenerator r) {
            return r.nextBoolean() ? r.nextInt(1, 10) : r.nextInt(1, Integer.MAX_VALUE);
        }
    }

    /**
     * {@code user USERNAME [GROUPNAME]}: who a script runs as; the group defaults to the user's.
     * keepalived looks the names up with getpwnam/getgrnam (so a numeric uid is not a user); that
     * is validation's job, since it needs the host.
     *
     * @param group the group, or null for the user's primary group
     */
    public record ScriptUser(String user, String group) {
        public ScriptUser {
            Objects.requireNonNull(user);
        }
    }

    public static final ValueType<ScriptUser> SCRIPT_USER = new ValueType<>() {
        @Override
        public ScriptUser parse(Args args) {
            String user = args.word(0);
            String group = args.size() > 1 ? args.word(1) : null;
            args.ignoreAfter(2);
            return new ScriptUser(user, group);
        }

        @Override
        public List<String> format(ScriptUser u) {
            return u.group() == null ? List.of(Types.quote1(u.user())) : List.of(Types.quote1(u.user()), Types.quote1(u.group()));
        }

        @Override
        public Object json(ScriptUser u) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", u.user());
            if (u.group() != null) {
                m.put("group", u.group());
            }
            return m;
        }

        @Override
        public String syntax() {
            return "<USERNAME> [<GROUPNAME>]";
        }

        @Override
        public ScriptUser sample(RandomGenerator r) {
            return new ScriptUser(r.nextBoolean() ? "root" : "nobody", r.nextBoolean() ? "nogroup" : null);
        }
    };

    // ---- track_file -------------------------------------------------------------------------------

    /** track_file's {@code file PATH}: one word; keepalived names a missing one its own way. */
    public static final ValueType<String> TRACK_FILE_PATH = new ValueType<>() {
        @Override
        public String parse(Args args) {
            if (args.isEmpty()) {
                throw new ValueException("track file file name missing");
            }
            args.ignoreAfter(1);
            return args.word(0);
        }

        @Override
        public List<String> format(String value) {
            return List.of(Types.quote1(value));
        }

        @Override
        public String syntax() {
            return "<PATH>";
        }

        @Override
        public String sample(RandomGenerator r) {
            return r.nextBoolean() ? "/run/keepalived/track" : "/tmp/a b";
        }
    };

    /**
     * {@code init_file [VALUE] [overwrite]}: write VALUE (default 0) to the file at startup if it
     * does not exist, or always with overwrite (but never on a reload).
     */
    public record InitFile(int value, boolean overwrite) {
    }

    /** The range a track file value is meaningful in for VRRP; keepalived warns outside it. */
    public static final int TRACK_FILE_SENSIBLE = 254;

    /**
     * track_file_init_handler: each word is a number (it starts with a digit or '-'), or
     * {@code overwrite}; an invalid number counts as 0, an unknown word is ignored, both with a
     * complaint; the last number wins.
     */
    public static final ValueType<InitFile> INIT_FILE = new ValueType<>() {
        @Override
        public InitFile parse(Args args) {
            int value = 0;
            boolean overwrite = false;
            for (String word : args.words()) {
                String w = word.stripLeading();
                if (!w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '-')) {
                    try {
                        value = Types.checkRange(word, Integer.MIN_VALUE, Integer.MAX_VALUE);
                        if (value < -TRACK_FILE_SENSIBLE || value > TRACK_FILE_SENSIBLE) {
                            args.warning("init value " + value + " is outside sensible range [" + -TRACK_FILE_SENSIBLE
                                    + ", " + TRACK_FILE_SENSIBLE + "]");
                        }
                    } catch (ValueException e) {
                        args.warning("init value " + w + " is invalid (" + e.getMessage() + ") - using 0");
                        value = 0;
                    }
                } else if (w.equals("overwrite")) {
                    overwrite = true;
                } else {
                    args.warning("unknown track file init option '" + w + "' - ignoring it");
                }
            }
            return new InitFile(value, overwrite);
        }

        @Override
        public List<String> format(InitFile f) {
            List<String> out = new ArrayList<>();
            if (f.value() != 0) {
                out.add(Integer.toString(f.value()));
            }
            if (f.overwrite()) {
                out.add("overwrite");
            }
            return out;
        }

        @Override
        public Object json(InitFile f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", f.value());
            m.put("overwrite", f.overwrite());
            return m;
        }

        @Override
        public String syntax() {
            return "[<VALUE>] [overwrite]";
        }

        @Override
        public InitFile sample(RandomGenerator r) {
            return new InitFile(r.nextBoolean() ? 0 : r.nextInt(-TRACK_FILE_SENSIBLE, TRACK_FILE_SENSIBLE + 1), r.nextBoolean());
        }
    };

    // ---- vrrp_track_process -----------------------------------------------------------------------

    /**
     * {@code process NAME [PARAM ...]}: the process name (matched against /proc/PID/comm, or the
     * first word of /proc/PID/cmdline with full_command) and, optionally, the parameters it must
     * have. Each is one configuration word, so a quoted string with blanks is one element.
     */
    public record ProcessSpec(String name, List<String> params) {
        public ProcessSpec {
            Objects.requireNonNull(name);
            params = List.copyOf(params);
        }
    }

    public static final ValueType<ProcessSpec> PROCESS = new ValueType<>() {
        @Override
        public ProcessSpec parse(Args args) {
            return new ProcessSpec(args.word(0), args.from(1));
        }

        @Override
        public List<String> format(ProcessSpec p) {
            List<String> out = new ArrayList<>();
            out.add(Types.quote1(p.name()));
            out.addAll(Types.quoted(p.params()));
            return out;
        }

        @Override
        public Object json(ProcessSpec p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("params", p.params());
            return m;
        }

        @Override
        public String syntax() {
            return "<STRING>|<QUOTED-STRING> [<STRING>|<QUOTED-STRING> ...]";
        }

        @Override
        public ProcessSpec sample(RandomGenerator r) {
            String[] names = {"haproxy", "nginx", "/usr/sbin/sshd", "/tmp/a b"};
            List<String> params = switch (r.nextInt(3)) {
                case 0 -> List.of();
                case 1 -> List.of("-D");
                default -> List.of("-f", "/etc/x y.cfg");
            };
            return new ProcessSpec(names[r.nextInt(names.length)], params);
        }
    };

    /**
     * How the configured parameters are compared with the process's: all exactly (the default
     * when parameters are given, or {@code param_match} alone), the first ones exactly with the
     * last allowed to be longer ({@code initial}), or only the ones configured ({@code partial}).
     */
    public enum ParamMatch {
        EXACT, INITIAL, PARTIAL
    }

    /** {@code param_match [initial|partial]}; anything else is ignored with keepalived's complaint. */
    public static final ValueType<ParamMatch> PARAM_MATCH = new ValueType<>() {
        @Override
        public ParamMatch parse(Args args) {
            if (args.isEmpty()) {
                return ParamMatch.EXACT;
            }
            args.ignoreAfter(1);
            return switch (args.word(0)) {
                case "initial" -> ParamMatch.INITIAL;
                case "partial" -> ParamMatch.PARTIAL;
                default -> throw new ValueException("invalid param_match type '" + args.word(0) + "' - expected initial|partial");
            };
        }

        @Override
        public List<String> format(ParamMatch m) {
            return switch (m) {
                case EXACT -> List.of();
                case INITIAL -> List.of("initial");
                case PARTIAL -> List.of("partial");
            };
        }

        @Override
        public Object json(ParamMatch m) {
            return m.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String syntax() {
            return "[initial|partial]";
        }

        @Override
        public ParamMatch sample(RandomGenerator r) {
            return ParamMatch.values()[r.nextInt(3)];
        }
    };

    /** The largest process quorum keepalived takes. */
    public static final int MAX_QUORUM = 65535;

    /**
     * vrrp_track_process's {@code delay}, {@code fork_delay}, {@code terminate_delay}: seconds with
     * up to six decimals, 0.000001..3600 (read_decimal_unsigned_strvec with TIMER_HZ_DIGITS).
     */
    public static final ValueType<Duration> PROCESS_DELAY = decimalDuration(6, 1, 3600L * 1_000_000, "SECONDS");

    // ---- decimal numbers with a fixed number of decimals ------------------------------------------

    /**
     * keepalived's read_decimal_unsigned_strvec: an unsigned decimal number with at most
     * {@code decimals} decimals, read as an integer count of 10^-decimals units. More decimals are
     * rounded away on the first extra digit (half up) with a complaint; the range is checked
     * after rounding.
     *
     * @return the value in units of 10^-decimals
     */
    public static long parseDecimal(Args args, String word, int decimals, long minUnits, long maxUnits) {
        String s = word.stripLeading();
        if (s.startsWith("-")) {
            throw new ValueException("negative number '" + word + "'");
        }
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.isEmpty() && fraction.isEmpty() || !isDigits(whole) || !isDigits(fraction)) {
            throw new ValueException("invalid number '" + word + "'");
        }
        BigDecimal value = new BigDecimal((whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction));
        if (fraction.length() > decimals) {
            boolean up = fraction.charAt(decimals) >= '5';
            value = value.setScale(decimals, RoundingMode.DOWN);
            if (up) {
                value = value.add(BigDecimal.ONE.movePointLeft(decimals));
            }
            args.warning("number '" + word + "' has too many decimal places - rounded to " + value.stripTrailingZeros().toPlainString());
        }
        BigDecimal units = value.movePointRight(decimals);
        if (units.compareTo(BigDecimal.valueOf(minUnits)) < 0 || units.compareTo(BigDecimal.valueOf(maxUnits)) > 0) {
            throw new ValueException("number '" + word + "' outside range [" + BigDecimal.valueOf(minUnits, decimals).toPlainString()
                    + ", " + BigDecimal.valueOf(maxUnits, decimals).toPlainString() + "]");
        }
        return units.longValueExact();
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Writes a count of 10^-decimals units as a decimal without trailing zeros: 1500 (3) is "1.5". */
    public static String formatDecimal(long units, int decimals) {
        BigDecimal d = BigDecimal.valueOf(units, decimals).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /**
     * A duration written as a decimal number with microsecond resolution, read by
     * {@link #parseDecimal}: seconds with 6 decimals, or milliseconds with 3; either way one unit
     * of the last decimal is a microsecond.
     *
     * @param unitName for the syntax: SECONDS or MS
     */
    public static ValueType<Duration> decimalDuration(int decimals, long minMicros, long maxMicros, String unitName) {
        if (decimals != 6 && decimals != 3) {
            throw new IllegalArgumentException("decimals " + decimals);
        }
        return new DecimalDuration(decimals, minMicros, maxMicros, unitName);
    }

    private record DecimalDuration(int decimals, long minMicros, long maxMicros, String unitName) implements ValueType<Duration> {

        @Override
        public Duration parse(Args args) {
            long micros = parseDecimal(args, args.word(0), decimals, minMicros, maxMicros);
            args.ignoreAfter(1);
            return Duration.ofNanos(micros * 1000);
        }

        @Override
        public List<String> format(Duration value) {
            return List.of(formatDecimal(value.toNanos() / 1000, decimals));
        }

        @Override
        public Object json(Duration value) {
            return new BigDecimal(format(value).getFirst());
        }

        @Override
        public String syntax() {
            return "<" + unitName + " " + formatDecimal(minMicros, decimals) + ".." + formatDecimal(maxMicros, decimals) + ">";
        }

        @Override
        public Duration sample(RandomGenerator r) {
            long micros = r.nextBoolean() ? r.nextLong(minMicros, maxMicros + 1)
                    : Math.max(minMicros, Math.min(maxMicros, r.nextLong(1, 20) * (decimals == 6 ? 1_000_000 : 1000)));
            return Duration.ofNanos(micros * 1000);
        }
    }
}
