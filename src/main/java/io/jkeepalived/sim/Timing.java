package io.jkeepalived.sim;

/**
 * The VRRP timers as RFC 3768 / RFC 5798 section 6.1 define them and keepalived 2.2.7 computes
 * them (vrrp.h: VRRP_TIMER_SKEW, VRRP_MS_DOWN_TIMER). Scenarios derive their expected times from
 * these, and the invariants their bounds.
 */
public final class Timing {

    private static final long CENTISECOND = 10 * Time.MILLISECOND;

    private Timing() {
    }

    /**
     * Skew_Time: {@code (256 - priority) / 256} of a second for VRRPv2 (RFC 3768 keeps it in
     * seconds whatever the interval), of Master_Adver_Interval for VRRPv3 (RFC 5798; the
     * interval counted in whole centiseconds, its unit on the wire).
     */
    public static long skew(int version, long masterAdverIntervalNs, int priority) {
        long base = version == 2 ? Time.SECOND : masterAdverIntervalNs / CENTISECOND * CENTISECOND;
        return (256 - priority) * base / 256;
    }

    /** Master_Down_Interval: {@code down_timer_adverts} (3) x Master_Adver_Interval + Skew_Time. */
    public static long masterDownInterval(int version, long masterAdverIntervalNs, int priority, int downTimerAdverts) {
        return downTimerAdverts * masterAdverIntervalNs + skew(version, masterAdverIntervalNs, priority);
    }

    /** Master_Down_Interval with the RFC's three adverts. */
    public static long masterDownInterval(int version, long masterAdverIntervalNs, int priority) {
        return masterDownInterval(version, masterAdverIntervalNs, priority, 3);
    }
}
