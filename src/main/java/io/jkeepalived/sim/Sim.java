package io.jkeepalived.sim;

import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.ReceivedPacket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The simulated world: routers running the real engine on L2 segments, a virtual clock, the
 * network's faults, and the invariants checked around every step.
 *
 * <p>Adverts travel as real bytes. The sender's engine emits SendAdvert; the simulator calls
 * {@link Instance#writeAdvert} once for the multicast group or once per unicast peer, and each
 * receiver gets, after its link's delay, a {@link ReceivedPacket}: for IPv4 the datagram as
 * written (TTL as sent), for IPv6 the VRRP payload with the source, destination and hop limit a
 * socket would report. Multicast is not looped back to the sender (keepalived turns
 * IP_MULTICAST_LOOP off).
 *
 * <p>Every change the world makes (a crash, a partition, a priority change, ...) is an
 * <em>event</em>: it is written to the timeline and restarts the invariants' settling clock.
 */
public final class Sim {

    private final EventQueue clock = new EventQueue();
    private final SplittableRandom random;
    private final Faults faults;
    private final Timeline timeline = new Timeline();
    private final PacketLog packets = new PacketLog();
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Invariants invariants;
    private final ByteBuffer out = ByteBuffer.allocate(2048);
    private final ReceivedPacket in = new ReceivedPacket();
    private final long[] arrivals = new long[2];
    /** More steps than this at one virtual instant is a zero-time loop. */
    public static final int MAX_STEPS_AT_ONE_INSTANT = 10_000;

    private final Set<String> started = new HashSet<>();
    private long stepBudget = Long.MAX_VALUE;
    private long stepsAtInstant;
    private Supplier<String> context = () -> "";
    private long lastEventAt;
    private long events;
    private long steps;

    /** A world whose random choices (jitter, loss, duplication, reordering) all come from {@code seed}. */
    public Sim(long seed, LinkModel defaultLink) {
        this.random = new SplittableRandom(seed);
        this.faults = new Faults(random.split(), defaultLink);
        this.invariants = new Invariants(this);
    }

    // ---- building the world ----

    public Segment segment(String name) {
        return segments.computeIfAbsent(name, Segment::new);
    }

    public Router router(String name) {
        Router r = routers.get(name);
        if (r == null) {
            r = new Router(this, name);
            routers.put(name, r);
            faults.addRouter(name);
        }
        return r;
    }

    public Router existingRouter(String name) {
        Router r = routers.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no router " + name);
        }
        return r;
    }

    public Collection<Router> routers() {
        return routers.values();
    }

    /** Prints every packet's fate as it happens (for replaying a seed). */
    public void trace(java.io.PrintStream to) {
        packets.trace(to);
    }

    /** The most steps a run may take (see {@link Invariants.Rule#RUNAWAY}). */
    public void stepBudget(long steps) {
        this.stepBudget = steps;
    }

    /** Text prepended to failure messages (a random schedule puts its replay command here). */
    public void context(Supplier<String> c) {
        this.context = c;
    }

    public EventQueue clock() {
        return clock;
    }

    public long now() {
        return clock.now();
    }

    public Timeline timeline() {
        return timeline;
    }

    PacketLog packets() {
        return packets;
    }

    public Invariants invariants() {
        return invariants;
    }

    public Faults faults() {
        return faults;
    }

    /** When the world last changed (a fault applied or cleared, a host started, stopped, ...). */
    long lastEventAt() {
        return lastEventAt;
    }

    /** How many events so far (a pending check is void once another event happens). */
    long eventCount() {
        return events;
    }

    public long steps() {
        return steps;
    }

    // ---- events, applied now; schedule them with at() ----

    /** Runs {@code action} at virtual time {@code t}. */
    public void at(long t, Runnable action) {
        clock.schedule(t, action);
    }

    private void event(String router, String subject, String text) {
        lastEventAt = clock.now();
        events++;
        timeline.add(clock.now(), router, subject, Timeline.Kind.FAULT, text);
    }

    public void start(String router) {
        Router r = existingRouter(router);
        if (r.alive()) {
            return;
        }
        event(router, "", started.add(router) ? "starts" : "restarts");
        invariants.onStarted(r);
        r.start(clock.now());
    }

    /** The host dies at once: nothing more is sent, its VIPs vanish. */
    public void crash(String router) {
        Router r = existingRouter(router);
        if (!r.alive()) {
            return;
        }
        event(router, "", "crashes");
        r.crash(clock.now());
    }

    /** keepalived is stopped cleanly (its master instances send priority 0). */
    public void stop(String router) {
        Router r = existingRouter(router);
        if (!r.alive()) {
            return;
        }
        event(router, "", "stops gracefully");
        invariants.beforeGracefulStop(r, clock.now());
        r.stop(clock.now());
    }

    /** A hung daemon, which the invariants are not told about: only for showing an invariant fail. */
    public void freeze(String router) {
        timeline.add(clock.now(), router, "", Timeline.Kind.FAULT, "hangs (not an event the invariants know of)");
        existingRouter(router).freeze();
    }

    /** A weighted tracker (a vrrp_script with weight) now adds {@code weight} to the instance's priority. */
    public void weight(String router, String instance, int weight) {
        event(router, instance, "tracker weight " + weight);
        existingRouter(router).setWeight(instance, weight, clock.now());
    }

    /** The instance's interface goes down (true) or comes back (false). */
    public void interfaceFault(String router, String instance, boolean down) {
        event(router, instance, down ? "interface down" : "interface up");
        Router r = existingRouter(router);
        if (down && r.alive()) {
            invariants.beforeInterfaceFault(r, instance, clock.now());
        }
        r.setInterfaceFault(instance, down, clock.now());
    }

    public void partition(List<Set<String>> groups) {
        event("net", "", "partition " + groups);
        faults.partition(groups, clock.now());
    }

    /** {@code router}'s cable is cut: it hears no one and no one hears it, and nothing on it notices. */
    public void cut(String router) {
        event(router, "", "cable cut");
        for (String other : routers.keySet()) {
            if (!other.equals(router)) {
                faults.dropOneWay(router, other, clock.now());
                faults.dropOneWay(other, router, clock.now());
            }
        }
    }

    public void reconnect(String router) {
        event(router, "", "cable reconnected");
        for (String other : routers.keySet()) {
            if (!other.equals(router)) {
                faults.allowOneWay(router, other, clock.now());
                faults.allowOneWay(other, router, clock.now());
            }
        }
    }

    public void heal() {
        event("net", "", "partition healed");
        faults.healPartition(clock.now());
    }

    /** Every link back to {@code m}, no partition, no one-way drop. */
    public void healNetwork(LinkModel m) {
        event("net", "", "network heals: all links " + m);
        faults.reset(m, clock.now());
    }

    /** {@code to} stops hearing {@code from} (a firewall dropping VRRP). */
    public void dropOneWay(String from, String to) {
        event("net", "", to + " stops hearing " + from);
        faults.dropOneWay(from, to, clock.now());
    }

    public void allowOneWay(String from, String to) {
        event("net", "", to + " hears " + from + " again");
        faults.allowOneWay(from, to, clock.now());
    }

    public void link(String from, String to, LinkModel m) {
        event("net", "", from + "->" + to + " " + m);
        faults.link(from, to, m, clock.now());
    }

    public void clearLink(String from, String to) {
        event("net", "", from + "->" + to + " back to the default link");
        faults.clearLink(from, to, clock.now());
    }

    public void defaultLink(LinkModel m) {
        event("net", "", "all links " + m);
        faults.defaultLink(m, clock.now());
    }

    /** A fault the invariants are not told about: only for showing an invariant fail. */
    public void silentDrop(Faults.SilentDrop s) {
        faults.silentDrop(s);
    }

    // ---- running ----

    /**
     * Runs every event due at or before {@code t}, then moves the clock to {@code t}. The
     * invariants are checked after every step, and before a step that moves time forward (for
     * the state that held until then).
     */
    public void runUntil(long t) {
        while (true) {
            long next = clock.peekTime();
            if (next > t) {
                break;
            }
            if (next > clock.now()) {
                invariants.check(clock.now(), next - 1);
                stepsAtInstant = 0;
            }
            clock.runNext(t);
            steps++;
            if (++stepsAtInstant > MAX_STEPS_AT_ONE_INSTANT || steps > stepBudget) {
                invariants.runaway(clock.now(), steps > stepBudget ? steps + " steps, over the run's budget of " + stepBudget
                        : stepsAtInstant + " steps at one instant");
            }
            invariants.check(clock.now(), clock.now());
        }
        if (t > clock.now()) {
            invariants.check(clock.now(), t);
            clock.advanceTo(t);
        }
    }

    /** The failure text: context, what broke, the timeline's and the wire's last lines. */
    String failureReport(String violation) {
        return context.get() + violation + "\n\n" + "network: " + faults.describe() + "\n" + "last events:\n" + timeline.tail(40)
                + "last packets:\n" + packets.tail(24);
    }

    // ---- the wire ----

    void send(Router from, Instance instance, int priority) {
        InstanceConfig c = instance.config();
        Segment.Port port = from.port(c.socketKey());
        long now = clock.now();
        if (c.unicast()) {
            for (InstanceConfig.Peer peer : c.peers()) {
                int n = instance.writeAdvert(out, 0, priority, peer.address());
                byte[] bytes = Arrays.copyOf(out.array(), n);
                Segment.Port to = port.segment().portWithAddress(peer.address());
                if (to == null) {
                    packets.note(now, from.name(), "?", c.vrid(), priority, "no host has " + peer);
                } else if (to.router() != from) {
                    transmit(port, to, c, bytes, peer.address(), c.unicastTtl(), priority);
                }
            }
        } else {
            int n = instance.writeAdvert(out, 0, priority, c.multicastGroup());
            byte[] bytes = Arrays.copyOf(out.array(), n);
            for (Segment.Port to : port.segment().ports()) {
                if (to.router() != from) {
                    transmit(port, to, c, bytes, c.multicastGroup(), 255, priority);
                }
            }
        }
    }

    private void transmit(Segment.Port from, Segment.Port to, InstanceConfig c, byte[] bytes, byte[] destination, int hopLimit,
            int priority) {
        long now = clock.now();
        int count = faults.arrivals(from.router().name(), to.router().name(), c.vrid(), priority, now, arrivals);
        if (count == 0) {
            packets.note(now, from.router().name(), to.router().name(), c.vrid(), priority, "lost on the way");
        }
        byte[] source = c.ipv6() ? sourceOf(c, from) : null;
        for (int k = 0; k < count; k++) {
            clock.schedule(arrivals[k], () -> deliver(from, to, c.ipv6(), bytes, source, destination, hopLimit, c.vrid(), priority));
        }
    }

    /** An IPv6 advert's source: the sender's configured source, else its interface's link-local address. */
    private static byte[] sourceOf(InstanceConfig c, Segment.Port from) {
        return c.sourceAddress() != null ? c.sourceAddress() : from.ipv6();
    }

    private void deliver(Segment.Port from, Segment.Port to, boolean ipv6, byte[] bytes, byte[] source, byte[] destination,
            int hopLimit, int vrid, int priority) {
        Router r = to.router();
        long now = clock.now();
        if (!r.listening()) {
            packets.note(now, from.router().name(), r.name(), vrid, priority, "host down");
            return;
        }
        packets.note(now, from.router().name(), r.name(), vrid, priority, "received");
        invariants.onDelivered(r, to.ifname(), ipv6, vrid, priority, now);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        boolean parsed = ipv6 ? in.ipv6(to.ifname(), buf, 0, bytes.length, source, destination, hopLimit)
                : in.ipv4(to.ifname(), buf, 0, bytes.length);
        r.receive(in, parsed, now);
    }
}
