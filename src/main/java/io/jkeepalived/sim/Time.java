package io.jkeepalived.sim;

/** Virtual time: nanoseconds in a {@code long}, as the engine takes it. */
public final class Time {

    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;

    private Time() {
    }

    /** Seconds to nanoseconds, rounded (for readable scenario times such as {@code seconds(13.7)}). */
    public static long seconds(double s) {
        return Math.round(s * SECOND);
    }

    public static long millis(long ms) {
        return ms * MILLISECOND;
    }

    public static long micros(long us) {
        return us * MICROSECOND;
    }

    /** "13.023537500s": always nine decimals, so that timelines line up and compare exactly. */
    public static String format(long ns) {
        String sign = ns < 0 ? "-" : "";
        long abs = Math.abs(ns);
        return sign + abs / SECOND + "." + String.format("%09d", abs % SECOND) + "s";
    }
}
