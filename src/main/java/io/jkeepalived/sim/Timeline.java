package io.jkeepalived.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened in a run, in order: state changes per router and instance, VIPs added and
 * removed, sync group changes, priority changes, and the faults the world applied. Failure
 * messages quote its tail; scenario expectations query it.
 */
public final class Timeline {

    public enum Kind { STATE, GROUP, VIP, PRIORITY, FAULT }

    /** One line of the timeline; {@code subject} is the instance or group ("" for a host-wide event). */
    public record Entry(long at, String router, String subject, Kind kind, String text) {
        @Override
        public String toString() {
            return String.format("%16s  %-6s %-8s %s", Time.format(at), router, subject, text);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(long at, String router, String subject, Kind kind, String text) {
        entries.add(new Entry(at, router, subject, kind, text));
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The last {@code n} entries, one per line. */
    public String tail(int n) {
        StringBuilder s = new StringBuilder();
        int from = Math.max(0, entries.size() - n);
        if (from > 0) {
            s.append("  ... ").append(from).append(" earlier entries\n");
        }
        for (Entry e : entries.subList(from, entries.size())) {
            s.append("  ").append(e).append('\n');
        }
        return s.toString();
    }

    /** Whether {@code router}'s {@code instance} entered {@code state} in the interval (from, to]. */
    public boolean entered(String router, String instance, String state, long from, long to) {
        for (Entry e : entries) {
            if (e.kind == Kind.STATE && e.at > from && e.at <= to && e.router.equals(router) && e.subject.equals(instance)
                    && e.text.endsWith("-> " + state)) {
                return true;
            }
        }
        return false;
    }
}
