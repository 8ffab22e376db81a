package io.jkeepalived.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the network does to packets between routers: link models per direction, partitions
 * (groups of routers that cannot hear each other) and one-way drops (A hears B, B does not hear
 * A). A packet's fate is decided when it is sent, with the run's seeded random numbers.
 *
 * <p>It also answers the questions the invariants ask: is the network lossless now (no loss,
 * no partition, no one-way drop), is it FIFO (no reordering), what is the delay bound, and since
 * when has the direction from A to B been clean.
 */
public final class Faults {

    /** A fault the invariants are not told about, for tests that show an invariant failing. */
    @FunctionalInterface
    public interface SilentDrop {
        boolean drops(String from, String to, int vrid, int priority);
    }

    private record Direction(String from, String to) {
    }

    private final SplittableRandom random;
    private LinkModel defaultLink;
    private final Map<Direction, LinkModel> links = new HashMap<>();
    private final Map<String, Integer> partitionOf = new HashMap<>();
    private final Set<Direction> oneWayDrops = new HashSet<>();
    private final Map<Direction, Long> lastArrival = new HashMap<>();
    private final Map<Direction, Long> cleanSince = new HashMap<>();
    private final List<String> routers = new ArrayList<>();
    private SilentDrop silentDrop;
    private long delayBound;

    Faults(SplittableRandom random, LinkModel defaultLink) {
        this.random = random;
        this.defaultLink = defaultLink;
        this.delayBound = defaultLink.maxDelayNs();
    }

    void addRouter(String name) {
        for (String other : routers) {
            cleanSince.put(new Direction(name, other), 0L);
            cleanSince.put(new Direction(other, name), 0L);
        }
        routers.add(name);
    }

    // ---- changing the network (each is an event: the caller records it) ----

    void defaultLink(LinkModel m, long now) {
        defaultLink = m;
        delayBound = Math.max(delayBound, m.maxDelayNs());
        refresh(now);
    }

    void link(String from, String to, LinkModel m, long now) {
        links.put(new Direction(from, to), m);
        delayBound = Math.max(delayBound, m.maxDelayNs());
        refresh(now);
    }

    void clearLink(String from, String to, long now) {
        links.remove(new Direction(from, to));
        refresh(now);
    }

    void reset(LinkModel m, long now) {
        defaultLink = m;
        delayBound = Math.max(delayBound, m.maxDelayNs());
        links.clear();
        partitionOf.clear();
        oneWayDrops.clear();
        refresh(now);
    }

    /** Splits the routers into groups that hear only each other; routers in no group are alone. */
    void partition(List<Set<String>> groups, long now) {
        partitionOf.clear();
        int g = 0;
        for (Set<String> group : groups) {
            for (String r : group) {
                partitionOf.put(r, g);
            }
            g++;
        }
        for (String r : routers) {
            partitionOf.putIfAbsent(r, g++);
        }
        refresh(now);
    }

    void healPartition(long now) {
        partitionOf.clear();
        refresh(now);
    }

    /** {@code to} stops hearing {@code from} (a firewall on {@code to} dropping VRRP from {@code from}). */
    void dropOneWay(String from, String to, long now) {
        oneWayDrops.add(new Direction(from, to));
        refresh(now);
    }

    void allowOneWay(String from, String to, long now) {
        oneWayDrops.remove(new Direction(from, to));
        refresh(now);
    }

    void silentDrop(SilentDrop s) {
        this.silentDrop = s;
    }

    private void refresh(long now) {
        for (Map.Entry<Direction, Long> e : cleanSince.entrySet()) {
            boolean clean = clean(e.getKey().from, e.getKey().to);
            if (!clean) {
                e.setValue(Long.MAX_VALUE);
            } else if (e.getValue() == Long.MAX_VALUE) {
                e.setValue(now);
            }
        }
    }

    // ---- what the invariants ask ----

    LinkModel model(String from, String to) {
        return links.getOrDefault(new Direction(from, to), defaultLink);
    }

    boolean blocked(String from, String to) {
        Integer a = partitionOf.get(from);
        Integer b = partitionOf.get(to);
        if (a != null && b != null && !a.equals(b)) {
            return true;
        }
        return oneWayDrops.contains(new Direction(from, to));
    }

    private boolean clean(String from, String to) {
        return !blocked(from, to) && model(from, to).loss() == 0;
    }

    /** Since when packets from {@code from} to {@code to} have all been delivered; MAX_VALUE while they are not. */
    long cleanSince(String from, String to) {
        return cleanSince.getOrDefault(new Direction(from, to), Long.MAX_VALUE);
    }

    /** No loss anywhere, no partition, no one-way drop: every packet sent now arrives within {@link #delayBound()}. */
    boolean lossless() {
        if (!partitionOf.isEmpty() || !oneWayDrops.isEmpty() || defaultLink.loss() > 0) {
            return false;
        }
        for (LinkModel m : links.values()) {
            if (m.loss() > 0) {
                return false;
            }
        }
        return true;
    }

    /** No link reorders: packets between two routers arrive in the order they were sent. */
    boolean fifo() {
        if (defaultLink.reorder() > 0) {
            return false;
        }
        for (LinkModel m : links.values()) {
            if (m.reorder() > 0) {
                return false;
            }
        }
        return true;
    }

    /** The longest any packet of the run can take (the maximum over every link model used). */
    public long delayBound() {
        return delayBound;
    }

    // ---- a packet's fate ----

    /**
     * When a packet sent now from {@code from} to {@code to} arrives: no time if it is lost,
     * two if it is duplicated. Returns the count written into {@code arrivals}.
     */
    int arrivals(String from, String to, int vrid, int priority, long now, long[] arrivals) {
        if (blocked(from, to) || (silentDrop != null && silentDrop.drops(from, to, vrid, priority))) {
            return 0;
        }
        LinkModel m = model(from, to);
        if (m.loss() > 0 && random.nextDouble() < m.loss()) {
            return 0;
        }
        Direction d = new Direction(from, to);
        arrivals[0] = arrival(d, m, now);
        if (m.duplicate() > 0 && random.nextDouble() < m.duplicate()) {
            arrivals[1] = arrival(d, m, now);
            return 2;
        }
        return 1;
    }

    private long arrival(Direction d, LinkModel m, long now) {
        long at = now + m.delayNs() + (m.jitterNs() > 0 ? random.nextLong(m.jitterNs() + 1) : 0);
        if (m.reorder() > 0 && random.nextDouble() < m.reorder()) {
            return at + (m.reorderExtraNs() > 0 ? random.nextLong(m.reorderExtraNs() + 1) : 0);
        }
        // FIFO: a packet never overtakes the one sent before it on the same direction
        long last = lastArrival.getOrDefault(d, Long.MIN_VALUE);
        at = Math.max(at, last);
        lastArrival.put(d, at);
        return at;
    }

    String describe() {
        StringBuilder s = new StringBuilder("links: ").append(defaultLink);
        links.forEach((d, m) -> s.append("; ").append(d.from).append("->").append(d.to).append(' ').append(m));
        if (!partitionOf.isEmpty()) {
            s.append("; partition ").append(partitionOf);
        }
        if (!oneWayDrops.isEmpty()) {
            s.append("; one-way drops ").append(oneWayDrops.stream().map(d -> d.from + "-/->" + d.to).toList());
        }
        return s.toString();
    }
}
