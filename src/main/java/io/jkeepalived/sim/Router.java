package io.jkeepalived.sim;

import io.jkeepalived.vrrp.Action;
import io.jkeepalived.vrrp.Addresses;
import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.VrrpState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated keepalived host: the real {@link Engine} over its configs, its interfaces on
 * segments, and what outlives an engine (a restart builds a fresh engine from the same configs):
 * the interfaces' up/down state and the tracker weights.
 *
 * <p>It owns an instance's VIPs from the engine's AddAddresses until its RemoveAddresses, or
 * until it crashes (the addresses vanish with the host). After every call into the engine it
 * re-arms its one timer event at {@code engine.nextDeadline(now)}; an event left over from an
 * earlier arming is recognised by its generation and ignored.
 */
public final class Router {

    /** The tracker source name the simulator's priority changes use. */
    public static final String WEIGHT_SOURCE = "sim";
    /** The fault source name of the simulator's interface faults. */
    public static final String INTERFACE_FAULT = "interface";

    private final Sim sim;
    private final String name;
    private final List<InstanceConfig> configs = new ArrayList<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final List<Engine.GroupSpec> groups = new ArrayList<>();
    private final Map<String, Segment.Port> ports = new LinkedHashMap<>();
    private long startupDelayNs;

    private Engine engine;
    private boolean alive;
    private boolean frozen;
    private boolean everStarted;
    private long startedAt;
    private long generation;
    private boolean timerScheduled;
    private long timerAt;

    private final Map<String, Integer> weights = new LinkedHashMap<>();

    /** What the host knows about one of its instances (kept in one place so the invariants read it without lookups). */
    static final class Slot {
        final InstanceConfig config;
        List<Slot> groupMates = List.of(this);
        boolean grouped;
        /** The running engine's instance, null while the host is down. */
        Instance instance;
        boolean owns;
        boolean interfaceDown;
        long healthySince = Long.MAX_VALUE;

        Slot(InstanceConfig config) {
            this.config = config;
        }

        VrrpState state() {
            return instance == null ? null : instance.state();
        }
    }

    Router(Sim sim, String name) {
        this.sim = sim;
        this.name = name;
    }

    // ---- configuration, before the first start ----

    /** Attaches interface {@code ifname} to {@code segment} with these primary addresses. */
    public Router port(String ifname, Segment segment, String ipv4, String ipv6) {
        requireNotStarted();
        Segment.Port p = new Segment.Port(this, ifname, segment, Addresses.parse(ipv4), Addresses.parse(ipv6));
        ports.put(ifname, p);
        segment.attach(p);
        return this;
    }

    public Router instance(InstanceConfig c) {
        requireNotStarted();
        if (!ports.containsKey(c.socketKey())) {
            throw new IllegalArgumentException(name + " has no interface " + c.socketKey() + " for " + c.name());
        }
        configs.add(c);
        slots.put(c.name(), new Slot(c));
        return this;
    }

    public Router syncGroup(String group, String... members) {
        requireNotStarted();
        groups.add(new Engine.GroupSpec(group, List.of(members)));
        List<Slot> mates = java.util.Arrays.stream(members).map(this::slot).toList();
        for (Slot m : mates) {
            m.groupMates = mates;
            m.grouped = true;
        }
        return this;
    }

    /** global_defs' vrrp_startup_delay. */
    public Router startupDelay(long ns) {
        requireNotStarted();
        this.startupDelayNs = ns;
        return this;
    }

    private void requireNotStarted() {
        if (everStarted) {
            throw new IllegalStateException(name + " is configured before it starts");
        }
    }

    // ---- what the world does to the host (at sim time) ----

    /** Starts a fresh engine from the configs (a first start or a restart). */
    void start(long now) {
        if (alive) {
            throw new IllegalStateException(name + " is running");
        }
        everStarted = true;
        alive = true;
        frozen = false;
        startedAt = now;
        Engine.Options options = new Engine.Options(startupDelayNs, InstanceConfig.MCAST_GROUP4);
        engine = new Engine(configs, groups, options, this::onAction);
        for (Slot slot : slots.values()) {
            InstanceConfig c = slot.config;
            slot.owns = false;
            slot.instance = engine.instance(c.name());
            engine.setLocalAddress(c.name(), ports.get(c.socketKey()).address(c.ipv6()));
            if (slot.interfaceDown) {
                engine.setFault(c.name(), INTERFACE_FAULT, true, now);
            }
        }
        weights.forEach((inst, w) -> engine.setWeight(inst, WEIGHT_SOURCE, w, now));
        engine.start(now);
        recomputeHealth(now);
        afterEngineCall(now);
    }

    /** Stops dead without a word: nothing is sent, the VIPs vanish with the host. */
    void crash(long now) {
        alive = false;
        engine = null;
        for (Slot slot : slots.values()) {
            slot.owns = false;
            slot.instance = null;
        }
        generation++;
        timerScheduled = false;
        recomputeHealth(now);
    }

    /** keepalived stopping cleanly: a master sends priority 0 and removes its VIPs; then the host is down. */
    void stop(long now) {
        engine.stop(now);
        crash(now);
    }

    /** A hung daemon: alive as far as anyone can tell, but it handles nothing any more. Only for showing invariants fail. */
    void freeze() {
        frozen = true;
        generation++;
        timerScheduled = false;
    }

    void setWeight(String instance, int weight, long now) {
        if (weight == 0) {
            weights.remove(instance);
        } else {
            weights.put(instance, weight);
        }
        if (alive) {
            engine.setWeight(instance, WEIGHT_SOURCE, weight, now);
            afterEngineCall(now);
        }
    }

    void setInterfaceFault(String instance, boolean down, long now) {
        Slot slot = slot(instance);
        boolean changed = slot.interfaceDown != down;
        slot.interfaceDown = down;
        if (changed && alive) {
            engine.setFault(instance, INTERFACE_FAULT, down, now);
            afterEngineCall(now);
        }
        recomputeHealth(now);
    }

    // ---- events from the simulator ----

    /** A packet arrived on one of our interfaces: the engine sees it, then the timer is re-armed. */
    void receive(io.jkeepalived.vrrp.ReceivedPacket p, boolean parsed, long now) {
        engine.receive(p, parsed, now);
        afterEngineCall(now);
    }

    boolean listening() {
        return alive && !frozen;
    }

    private void afterEngineCall(long now) {
        if (!alive || frozen) {
            return;
        }
        if (!engine.hasDeadline()) {
            if (timerScheduled) {
                generation++;
                timerScheduled = false;
            }
            return;
        }
        long at = engine.nextDeadline(now);
        if (at - now < 0) {
            at = now;
        }
        if (timerScheduled && at == timerAt) {
            return;
        }
        long gen = ++generation;
        timerScheduled = true;
        timerAt = at;
        sim.clock().schedule(at, () -> fire(gen));
    }

    private void fire(long gen) {
        if (gen != generation || !alive || frozen) {
            return;
        }
        timerScheduled = false;
        long now = sim.clock().now();
        engine.onTimer(now);
        afterEngineCall(now);
    }

    private void onAction(Action a) {
        long now = sim.clock().now();
        switch (a) {
            case Action.SendAdvert s -> sim.send(this, s.instance(), s.priority());
            case Action.AddAddresses x -> {
                Slot slot = slot(x.instance().name());
                if (slot.owns) {
                    sim.invariants().bookkeepingError(this, x.instance().name(), "AddAddresses while the VIPs are installed");
                }
                slot.owns = true;
                sim.timeline().add(now, name, x.instance().name(), Timeline.Kind.VIP, "adds VIPs " + vips(x.instance().config()));
            }
            case Action.RemoveAddresses x -> {
                Slot slot = slot(x.instance().name());
                if (!slot.owns) {
                    sim.invariants().bookkeepingError(this, x.instance().name(), "RemoveAddresses without VIPs installed");
                }
                slot.owns = false;
                sim.timeline().add(now, name, x.instance().name(), Timeline.Kind.VIP, "removes VIPs");
            }
            case Action.StateChanged s -> {
                sim.timeline().add(now, name, s.instance().name(), Timeline.Kind.STATE, s.from() + " -> " + s.to());
                sim.invariants().onStateChanged(this, s.instance().name(), s.to(), now);
            }
            case Action.GroupStateChanged g -> sim.timeline().add(now, name, g.group().name(), Timeline.Kind.GROUP,
                    "group " + g.from() + " -> " + g.to());
            case Action.PriorityChanged p -> {
                sim.timeline().add(now, name, p.instance().name(), Timeline.Kind.PRIORITY, "priority " + p.from() + " -> " + p.to());
                sim.invariants().onPriorityChanged(this, p.instance().name(), now);
            }
            case Action.Dropped d -> sim.packets().dropped(d.reason() + (d.detail() != null ? " (" + d.detail() + ")" : ""));
            case Action.Announce x -> {
            }
            case Action.MasterReceivedLowerPriority x -> {
            }
            case Action.Notice x -> {
            }
        }
    }

    private static String vips(InstanceConfig c) {
        return c.addresses().stream().map(Addresses::format).toList().toString();
    }

    private void recomputeHealth(long now) {
        for (Slot slot : slots.values()) {
            boolean healthy = alive;
            for (Slot mate : slot.groupMates) {
                healthy &= !mate.interfaceDown;
            }
            if (!healthy) {
                slot.healthySince = Long.MAX_VALUE;
            } else if (slot.healthySince == Long.MAX_VALUE) {
                // a backup in its startup wait arms its down timer from the end of the wait (vrrp_init_instance_sands)
                slot.healthySince = Math.max(now, startedAt + startupDelayNs);
            }
        }
    }

    // ---- what the invariants and scenarios read ----

    public String name() {
        return name;
    }

    public boolean alive() {
        return alive;
    }

    public List<InstanceConfig> configs() {
        return Collections.unmodifiableList(configs);
    }

    public InstanceConfig config(String instance) {
        return slot(instance).config;
    }

    Slot slot(String instance) {
        Slot slot = slots.get(instance);
        if (slot == null) {
            throw new IllegalArgumentException(name + " has no instance " + instance);
        }
        return slot;
    }

    /** The instance names of {@code instance}'s sync group on this host ({@code instance} alone if none). */
    public List<String> groupMates(String instance) {
        return slot(instance).groupMates.stream().map(m -> m.config.name()).toList();
    }

    public boolean inSyncGroup(String instance) {
        return slot(instance).grouped;
    }

    Segment.Port port(String ifname) {
        return ports.get(ifname);
    }

    Map<String, Segment.Port> ports() {
        return ports;
    }

    /** The engine of the running host, or null when it is down. */
    public Engine engine() {
        return engine;
    }

    /** The instance's state, or null when the host is down. */
    public VrrpState state(String instance) {
        return slot(instance).state();
    }

    public int effectivePriority(String instance) {
        return engine.instance(instance).effectivePriority();
    }

    public boolean owns(String instance) {
        return slot(instance).owns;
    }

    /**
     * Since when the instance has been able to run: the host up (and past its startup wait) and
     * no interface fault on the instance or on a member of its sync group. MAX_VALUE if not.
     */
    public long healthySince(String instance) {
        return slot(instance).healthySince;
    }

    public long startedAt() {
        return startedAt;
    }

    public long startupDelayNs() {
        return startupDelayNs;
    }

    public boolean interfaceDown(String instance) {
        return slot(instance).interfaceDown;
    }

    @Override
    public String toString() {
        return name;
    }
}
