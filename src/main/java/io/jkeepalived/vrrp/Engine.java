package io.jkeepalived.vrrp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All VRRP instances and sync groups of one daemon: the sans-I/O protocol core (DESIGN.md
 * principle 1). It starts no threads, reads no clock and does no I/O; the reactor (or the
 * simulator) calls it with the time in nanoseconds and carries out the {@link Action}s it emits,
 * in order.
 *
 * <pre>
 *   engine.start(now);
 *   loop:
 *     wait for a packet or engine.nextDeadline(now)
 *     engine.receive(packet, now)  /  engine.onTimer(now)
 * </pre>
 */
public final class Engine {

    /** Where actions go. Called on the engine's thread, synchronously, in order. */
    @FunctionalInterface
    public interface Sink {
        void accept(Action action);
    }

    /** A vrrp_sync_group: its name and its members' instance names. */
    public record GroupSpec(String name, List<String> members) {
        public GroupSpec {
            members = List.copyOf(members);
        }
    }

    /**
     * Daemon-wide settings: global_defs' vrrp_startup_delay, and vrrp_mcast_group4 (the
     * destination keepalived's old VRRPv3 unicast checksum pretends).
     */
    public record Options(long startupDelayNs, byte[] multicastGroup4) {
        public static final Options DEFAULT = new Options(0, InstanceConfig.MCAST_GROUP4);

        public Options {
            multicastGroup4 = multicastGroup4.clone();
        }
    }

    private static final int FAMILIES = 2;

    private final List<Instance> instances = new ArrayList<>();
    private final Map<String, Instance> byName = new LinkedHashMap<>();
    private final Map<String, SyncGroup> groups = new LinkedHashMap<>();
    /** Per socket (interface): instances by VRID, IPv4 in 0..255 and IPv6 in 256..511, chained when shared. */
    private final Map<String, Instance[]> bySocket = new HashMap<>();
    private final Map<Instance, Instance> sameVrid = new HashMap<>();
    private Options options;
    private Sink sink;
    private long startupDelayUntil;
    private boolean startupDelayActive;
    private boolean started;
    private long unknownVrid;
    private long tooShort;

    public Engine(List<InstanceConfig> configs, List<GroupSpec> groupSpecs, Options options, Sink sink) {
        this.options = Objects.requireNonNull(options);
        this.sink = Objects.requireNonNull(sink);
        List<Instance> all = new ArrayList<>();
        for (InstanceConfig c : configs) {
            if (all.stream().anyMatch(i -> i.name().equals(c.name()))) {
                throw new IllegalArgumentException("two instances named " + c.name());
            }
            all.add(new Instance(c, this));
        }
        index(all, groupSpecs);
    }

    /** (Re)builds the lookup tables and the sync groups over {@code all}. */
    private void index(List<Instance> all, List<GroupSpec> groupSpecs) {
        instances.clear();
        byName.clear();
        bySocket.clear();
        sameVrid.clear();
        groups.clear();
        for (Instance i : all) {
            InstanceConfig c = i.config();
            instances.add(i);
            byName.put(c.name(), i);
            i.group = null;
            Instance[] table = bySocket.computeIfAbsent(c.socketKey(), k -> new Instance[256 * FAMILIES]);
            int slot = slot(c.ipv6(), c.vrid());
            if (table[slot] == null) {
                table[slot] = i;
            } else {
                Instance last = table[slot];
                while (sameVrid.get(last) != null) {
                    last = sameVrid.get(last);
                }
                sameVrid.put(last, i);
            }
        }
        for (GroupSpec g : groupSpecs) {
            SyncGroup group = new SyncGroup(g.name(), this);
            for (String m : g.members()) {
                Instance i = byName.get(m);
                if (i == null) {
                    throw new IllegalArgumentException("sync group " + g.name() + ": no instance " + m);
                }
                if (i.group != null) {
                    throw new IllegalArgumentException(m + " is in two sync groups");
                }
                i.group = group;
                group.members.add(i);
            }
            groups.put(g.name(), group);
        }
    }

    /** What a reload did: instances that kept running, that are new, and that were stopped. */
    public record Reload(List<Instance> kept, List<Instance> added, List<Instance> removed) {
    }

    /**
     * A new configuration (DESIGN.md principle 5): an instance whose name is still there and
     * that is still the same virtual router (VRID, family, interface, multicast group or unicast
     * source) keeps running with the new settings, without a transition; an instance that is
     * gone stops as at shutdown (a master sends priority 0 and removes its addresses); a new
     * instance starts as at startup. Sync groups are rebuilt, each in the state its members are in.
     */
    public Reload reload(List<InstanceConfig> configs, List<GroupSpec> groupSpecs, Options newOptions, long now) {
        Map<String, Instance> previous = new LinkedHashMap<>(byName);
        List<Instance> all = new ArrayList<>();
        List<Instance> kept = new ArrayList<>();
        List<Instance> added = new ArrayList<>();
        for (InstanceConfig c : configs) {
            Instance i = previous.get(c.name());
            if (i != null && i.sameRouter(c) && i.state() != VrrpState.STOP) {
                previous.remove(c.name());
                i.reconfigure(c);
                kept.add(i);
            } else {
                i = new Instance(c, this);
                added.add(i);
            }
            all.add(i);
        }
        List<Instance> removed = new ArrayList<>(previous.values());
        for (Instance i : removed) {
            i.stop(now);
        }
        this.options = Objects.requireNonNull(newOptions);
        index(all, groupSpecs);
        for (SyncGroup g : groups.values()) {
            g.state = groupStateOf(g);
            g.numMemberFault = (int) g.members.stream().filter(i -> !i.faults().isEmpty()).count();
        }
        return new Reload(List.copyOf(kept), List.copyOf(added), List.copyOf(removed));
    }

    /**
     * Starts the instances a reload added, once the caller has told them about their interfaces
     * (faults, local addresses) as at startup.
     */
    public void startAdded(Reload reload, long now) {
        if (started) {
            for (Instance i : reload.added()) {
                i.start(now);
            }
        }
    }

    /** A rebuilt group is MASTER if its running members all are, FAULT if one is, else BACKUP. */
    private static VrrpState groupStateOf(SyncGroup g) {
        if (g.members.stream().allMatch(i -> i.state() == VrrpState.INIT)) {
            // a new group of new members starts as at startup: MASTER only if all are owners wanting it
            boolean owners = g.members.stream().allMatch(i -> i.wantState == VrrpState.MASTER
                    && i.basePriority() == InstanceConfig.PRIORITY_OWNER);
            return owners ? VrrpState.MASTER : VrrpState.BACKUP;
        }
        boolean allMaster = true;
        for (Instance i : g.members) {
            if (i.state() == VrrpState.FAULT) {
                return VrrpState.FAULT;
            }
            allMaster &= i.state() == VrrpState.MASTER;
        }
        return allMaster ? VrrpState.MASTER : VrrpState.BACKUP;
    }

    private static int slot(boolean ipv6, int vrid) {
        return (ipv6 ? 256 : 0) + vrid;
    }

    /** Replaces where actions go (the simulator re-targets an engine after a restart). */
    public void sink(Sink s) {
        this.sink = Objects.requireNonNull(s);
    }

    void emit(Action a) {
        sink.accept(a);
    }

    public List<Instance> instances() {
        return Collections.unmodifiableList(instances);
    }

    public Instance instance(String name) {
        Instance i = byName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no instance " + name);
        }
        return i;
    }

    public List<SyncGroup> syncGroups() {
        return List.copyOf(groups.values());
    }

    /** Packets too short to read a VRRP header from. */
    public long tooShortPackets() {
        return tooShort;
    }

    /** Packets for a VRID no instance on that socket and family has. */
    public long unknownVridPackets() {
        return unknownVrid;
    }

    long startupDelayUntil() {
        return startupDelayUntil;
    }

    boolean inStartupDelay(long now) {
        if (startupDelayActive && startupDelayUntil - now <= 0) {
            startupDelayActive = false;
        }
        return startupDelayActive;
    }

    byte[] multicastGroup4() {
        return options.multicastGroup4();
    }

    // ---- lifecycle ----

    /**
     * Starts every instance (keepalived's vrrp_complete_init and vrrp_init_state): sync group
     * members start MASTER only if all of them are address owners wanting it, a group with a
     * faulty member starts in FAULT, and instances with a fault raised start in FAULT.
     */
    public void start(long now) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        if (options.startupDelayNs() > 0) {
            startupDelayUntil = now + options.startupDelayNs();
            startupDelayActive = true;
        }
        for (SyncGroup g : groups.values()) {
            boolean haveMaster = false;
            boolean haveBackup = false;
            boolean allOwners = true;
            for (Instance i : g.members) {
                haveMaster |= i.wantState == VrrpState.MASTER;
                boolean owner = i.wantState == VrrpState.MASTER && i.basePriority() == InstanceConfig.PRIORITY_OWNER;
                haveBackup |= !owner;
                allOwners &= owner;
                if (!i.faults().isEmpty()) {
                    g.numMemberFault++;
                }
            }
            if (haveMaster && haveBackup) {
                for (Instance i : g.members) {
                    if (i.wantState == VrrpState.MASTER) {
                        i.wantState = VrrpState.BACKUP;
                    }
                }
            }
            g.state = g.numMemberFault > 0 ? VrrpState.FAULT : allOwners ? VrrpState.MASTER : VrrpState.BACKUP;
        }
        for (SyncGroup g : groups.values()) {
            emit(new Action.GroupStateChanged(g.members.getFirst(), g, VrrpState.INIT, g.state));
        }
        for (Instance i : instances) {
            i.start(now);
        }
    }

    /** A graceful stop: masters send priority 0 and remove their addresses. */
    public void stop(long now) {
        for (Instance i : instances) {
            i.stop(now);
        }
        for (SyncGroup g : groups.values()) {
            g.setState(VrrpState.STOP, g.members.getFirst());
        }
    }

    // ---- events ----

    /** A received packet (see {@link ReceivedPacket}); {@code parsed} is what its ipv4/ipv6 method returned. */
    public void receive(ReceivedPacket p, boolean parsed, long now) {
        if (!parsed) {
            tooShort++;
            emit(new Action.Dropped(null, DropReason.TOO_SHORT, p.packetLength() + " bytes on " + p.socketKey()));
            return;
        }
        Instance[] table = bySocket.get(p.socketKey());
        int vrid = p.advert().vrid();
        Instance i = table == null ? null : table[slot(p.isIpv6(), vrid)];
        if (i != null && sameVrid.get(i) != null) {
            i = byPeer(i, p);
        }
        if (i == null) {
            unknownVrid++;
            emit(new Action.Dropped(null, DropReason.UNKNOWN_VRID, "VRID " + vrid + " on " + p.socketKey()));
            return;
        }
        i.receive(p, now);
    }

    /** Several unicast instances share the VRID: the one whose peers include the source (keepalived). */
    private Instance byPeer(Instance first, ReceivedPacket p) {
        for (Instance i = first; i != null; i = sameVrid.get(i)) {
            List<InstanceConfig.Peer> peers = i.config().peers();
            for (int k = 0; k < peers.size(); k++) {
                InstanceConfig.Peer peer = peers.get(k);
                if (p.sourceEquals(peer.address())) {
                    return i;
                }
            }
        }
        return null;
    }

    /** Whether any instance has a timer armed. */
    public boolean hasDeadline() {
        for (Instance i : instances) {
            if (i.hasDeadline()) {
                return true;
            }
        }
        return false;
    }

    /** The earliest deadline of any instance; only meaningful if {@link #hasDeadline()}. */
    public long nextDeadline(long now) {
        long next = 0;
        boolean any = false;
        for (Instance i : instances) {
            if (i.hasDeadline()) {
                long d = i.nextDeadline(now);
                if (!any || d - now < next - now) {
                    next = d;
                    any = true;
                }
            }
        }
        return next;
    }

    /** Fires every timer that is due. */
    public void onTimer(long now) {
        for (Instance i : instances) {
            if (i.hasDeadline() && i.nextDeadline(now) - now <= 0) {
                i.onTimer(now);
            }
        }
    }

    /**
     * Raises or clears a fault of an instance: its interface went down or came up, an
     * unweighted tracker failed or recovered. {@code source} names it ("interface eth0",
     * "script chk_nginx"); an instance is in FAULT while any source is raised.
     */
    public void setFault(String instance, String source, boolean failed, long now) {
        instance(instance).setFault(source, failed, now);
    }

    /** Sets a weighted tracker's contribution to an instance's priority (0 removes it). */
    public void setWeight(String instance, String source, int weight, long now) {
        instance(instance).setWeight(source, weight, now);
    }

    /** The primary address of an instance's interface, for instances without a configured source. */
    public void setLocalAddress(String instance, byte[] address) {
        instance(instance).setLocalAddress(address);
    }
}
