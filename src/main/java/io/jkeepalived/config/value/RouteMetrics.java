package io.jkeepalived.config.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-route TCP metrics of a route (RTA_METRICS), each null when not given. Times are kept in
 * the kernel's units, as keepalived stores them: rtt in 1/8 ms, rttvar in 1/4 ms, rto_min in ms;
 * keepalived clamps them to [200 ms, 120 s].
 *
 * @param locked the metrics written with "lock" (mtu, advmss, rtt, rttvar, reordering, cwnd,
 *               ssthresh, rto_min, congctl)
 */
public record RouteMetrics(
        Long mtu,
        Integer hoplimit,
        Long advmss,
        Long rtt,
        Long rttvar,
        Long reordering,
        Long window,
        Long cwnd,
        Long ssthresh,
        Long rtoMin,
        Long initcwnd,
        Long initrwnd,
        boolean ecn,
        Integer quickack,
        String congctl,
        Integer fastopenNoCookie,
        Set<String> locked) {

    public static final RouteMetrics NONE = new RouteMetrics(null, null, null, null, null, null, null, null, null,
            null, null, null, false, null, null, null, Set.of());

    public RouteMetrics {
        locked = Set.copyOf(locked);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The metrics that take "lock", in the order -d prints them, with their kernel units per ms. */
    enum Time {
        RTT("rtt", 8), RTTVAR("rttvar", 4), RTO_MIN("rto_min", 1);

        final String word;
        final int unitsPerMs;

        Time(String word, int unitsPerMs) {
            this.word = word;
            this.unitsPerMs = unitsPerMs;
        }
    }

    /** A time metric as written back: "300ms" when whole milliseconds, else the raw kernel units. */
    static String timeWord(Time t, long units) {
        return units % t.unitsPerMs == 0 ? (units / t.unitsPerMs) + "ms" : Long.toString(units);
    }

    List<String> words() {
        List<String> out = new ArrayList<>();
        value(out, "mtu", mtu);
        if (hoplimit != null) {
            out.addAll(List.of("hoplimit", hoplimit.toString()));
        }
        value(out, "advmss", advmss);
        time(out, Time.RTT, rtt);
        time(out, Time.RTTVAR, rttvar);
        value(out, "reordering", reordering);
        if (window != null) {
            out.addAll(List.of("window", window.toString()));
        }
        value(out, "cwnd", cwnd);
        value(out, "ssthresh", ssthresh);
        time(out, Time.RTO_MIN, rtoMin);
        if (initcwnd != null) {
            out.addAll(List.of("initcwnd", initcwnd.toString()));
        }
        if (initrwnd != null) {
            out.addAll(List.of("initrwnd", initrwnd.toString()));
        }
        if (ecn) {
            out.addAll(List.of("features", "ecn"));
        }
        if (quickack != null) {
            out.addAll(List.of("quickack", quickack.toString()));
        }
        if (congctl != null) {
            out.add("congctl");
            if (locked.contains("congctl")) {
                out.add("lock");
            }
            out.add(Types.quote1(congctl));
        }
        if (fastopenNoCookie != null) {
            out.addAll(List.of("fastopen_no_cookie", fastopenNoCookie.toString()));
        }
        return out;
    }

    private void value(List<String> out, String word, Long v) {
        if (v != null) {
            out.add(word);
            if (locked.contains(word)) {
                out.add("lock");
            }
            out.add(v.toString());
        }
    }

    private void time(List<String> out, Time t, Long units) {
        if (units != null) {
            out.add(t.word);
            if (locked.contains(t.word)) {
                out.add("lock");
            }
            out.add(timeWord(t, units));
        }
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "mtu", mtu);
        putIf(m, "hoplimit", hoplimit);
        putIf(m, "advmss", advmss);
        if (rtt != null) {
            m.put("rtt_ms", rtt / 8.0);
        }
        if (rttvar != null) {
            m.put("rttvar_ms", rttvar / 4.0);
        }
        putIf(m, "reordering", reordering);
        putIf(m, "window", window);
        putIf(m, "cwnd", cwnd);
        putIf(m, "ssthresh", ssthresh);
        putIf(m, "rto_min_ms", rtoMin);
        putIf(m, "initcwnd", initcwnd);
        putIf(m, "initrwnd", initrwnd);
        if (ecn) {
            m.put("features", "ecn");
        }
        putIf(m, "quickack", quickack);
        putIf(m, "congctl", congctl);
        putIf(m, "fastopen_no_cookie", fastopenNoCookie);
        if (!locked.isEmpty()) {
            m.put("lock", List.copyOf(new TreeSet<>(locked)));
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** A mutable copy for the parser. */
    static final class Builder {
        Long mtu;
        Integer hoplimit;
        Long advmss;
        Long rtt;
        Long rttvar;
        Long reordering;
        Long window;
        Long cwnd;
        Long ssthresh;
        Long rtoMin;
        Long initcwnd;
        Long initrwnd;
        boolean ecn;
        Integer quickack;
        String congctl;
        Integer fastopenNoCookie;
        final Set<String> locked = new TreeSet<>();

        RouteMetrics build() {
            return new RouteMetrics(mtu, hoplimit, advmss, rtt, rttvar, reordering, window, cwnd, ssthresh, rtoMin,
                    initcwnd, initrwnd, ecn, quickack, congctl, fastopenNoCookie, locked);
        }
    }
}
