package io.jkeepalived.sim;

import java.util.PriorityQueue;

/**
 * The virtual clock and what is due on it: events ordered by time, then by the order they were
 * scheduled in, so that a run is exactly reproducible (two events at the same nanosecond always
 * run in the same order). Nothing here reads a real clock.
 */
public final class EventQueue {

    private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long seq;

    /** The current virtual time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Schedules {@code action} at {@code at} (not in the past). */
    public void schedule(long at, Runnable action) {
        if (at < now) {
            throw new IllegalArgumentException("scheduling in the past: " + Time.format(at) + " < " + Time.format(now));
        }
        queue.add(new Event(at, seq++, action));
    }

    /** The time of the next event, or {@code Long.MAX_VALUE} if none. */
    public long peekTime() {
        Event e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.at;
    }

    /** Runs the next event if it is due at or before {@code until}; false if there is none. */
    public boolean runNext(long until) {
        Event e = queue.peek();
        if (e == null || e.at > until) {
            return false;
        }
        queue.poll();
        now = e.at;
        e.action.run();
        return true;
    }

    /** Moves the clock to {@code t} when nothing is due before it. */
    public void advanceTo(long t) {
        if (peekTime() < t) {
            throw new IllegalStateException("events are due before " + Time.format(t));
        }
        if (t > now) {
            now = t;
        }
    }
}
