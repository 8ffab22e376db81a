package io.jkeepalived.sim;

/**
 * The last packets of a run (a ring, formatted only when a failure message needs it): when,
 * from whom to whom, which VRID and priority, and what became of it.
 */
final class PacketLog {

    private static final int CAPACITY = 40;

    private final long[] at = new long[CAPACITY];
    private final String[] from = new String[CAPACITY];
    private final String[] to = new String[CAPACITY];
    private final int[] vrid = new int[CAPACITY];
    private final int[] priority = new int[CAPACITY];
    private final String[] fate = new String[CAPACITY];
    private long count;
    private java.io.PrintStream trace;

    void trace(java.io.PrintStream to) {
        this.trace = to;
    }

    void note(long time, String sender, String receiver, int vr, int prio, String what) {
        int i = (int) (count++ % CAPACITY);
        at[i] = time;
        from[i] = sender;
        to[i] = receiver;
        vrid[i] = vr;
        priority[i] = prio;
        fate[i] = what;
        if (trace != null) {
            trace.printf("  %16s  %-6s -> %-6s VRID %-3d prio %-3d %s%n", Time.format(time), sender, receiver, vr, prio, what);
        }
    }

    /** The engine dropped the packet just delivered. */
    void dropped(String reason) {
        if (count > 0) {
            int i = (int) ((count - 1) % CAPACITY);
            fate[i] = "dropped: " + reason;
            if (trace != null) {
                trace.println("      ^ dropped: " + reason);
            }
        }
    }

    String tail(int n) {
        StringBuilder s = new StringBuilder();
        long first = Math.max(0, count - Math.min(n, CAPACITY));
        for (long k = first; k < count; k++) {
            int i = (int) (k % CAPACITY);
            s.append(String.format("  %16s  %-6s -> %-6s VRID %-3d prio %-3d %s%n", Time.format(at[i]), from[i], to[i], vrid[i],
                    priority[i], fate[i]));
        }
        return s.toString();
    }
}
