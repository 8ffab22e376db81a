package io.jkeepalived.sim;

import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.VrrpState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold in every run, checked per virtual router (a VRID of one address family on one
 * segment) after every step of the simulation, and before every step that moves time on (for
 * the state that held since the last one; a violation is reported at its first instant).
 *
 * <p>Notation, from the instances' configs and the run's network: A = the advert interval (the
 * longest of the virtual router's members: a VRRPv3 backup counts in its master's), D = the
 * delay bound (the longest any packet can take: base delay + jitter + reordering hold-back),
 * Skew_Time(p) = (256 - p)/256 s for VRRPv2, (256 - p)/256 x A for VRRPv3, MDI(p) =
 * Master_Down_Interval = down_timer_adverts (3) x A + Skew_Time(p) (RFC 3768 / RFC 5798 6.1,
 * keepalived's VRRP_MS_DOWN_TIMER), P = preempt_delay.
 *
 * <p>Definitions. A member (a host's instance of the virtual router) is <em>healthy</em> while
 * its host is up and past its vrrp_startup_delay, and no interface fault is raised on it or on
 * a member of its sync group. The network is <em>lossless</em> while no link loses packets and
 * there is no partition and no one-way drop; duplication, jitter and reordering are allowed
 * (they stay within D). An <em>event</em> is any change the world makes: a host starts, crashes
 * or stops, an interface fault is raised or cleared, a link changes, a priority changes. T0 is
 * the later of the last event and the end of every running host's startup wait (see
 * {@link Member#readySince} for keepalived's push of the down timer in that wait). The network
 * is <em>settled</em> at t when it is lossless and t - T0 >= W, W the largest over the virtual
 * routers of the members' sync groups of
 *
 * <pre>
 *   W = MDI + A + 2D              without preempt_delay
 *   W = 2 MDI + 3D + P            with preempt_delay P
 * </pre>
 *
 * (MDI at the lowest priority of a running member). Derivation. After T0 every packet arrives
 * within D. A backup that hears a master of at least its own priority (any master, with
 * nopreempt) is reset at least every A + D, and MDI > A + D, so it does not time out. A backup
 * that ignores a lower master (preemption) was last reset by a packet sent before T0, so it
 * times out by T0 + D + MDI; its first advert reaches the old master within D, which steps down
 * (RFC 5798 6.4.3). Two masters that survive T0 (a healed partition) hear each other's next
 * advert within A + D. Hence T0 + MDI + A + 2D. With preempt_delay, a lower master may appear
 * only when it times out (T0 + D + MDI), its first advert arrives by T0 + 2D + MDI and arms the
 * delay, adverts keep resetting the backup until T0 + 2D + MDI + P, it times out MDI later and
 * the lower master hears it within D: T0 + 2 MDI + 3D + P. A sync group goes MASTER when the
 * last of its members times out (vrrp_sync_can_goto_master): hence the maximum over the group.
 *
 * <p>Where a rule does not apply, and why. (1) and (3) apply to a virtual router in a sync
 * group only if the healthy hosts rank the same (priority, then primary address) in every
 * virtual router of the group: otherwise two groups can each lose one member's election, step
 * down together, time out together and flap, as keepalived's do. (1), (3), (4) and (5) do not
 * apply to a virtual router using IPsec AH: keepalived 2.2.7 keeps one sequence counter per
 * instance for sending and receiving, so valid adverts can be dropped as replays (see
 * HandoverScenariosTest.IpsecAh), which the network model cannot see as loss.
 *
 * <p>The rules:
 * <ol start="0">
 * <li>{@link Rule#BOOKKEEPING}: a running host has an instance's VIPs installed exactly while
 * the instance is MASTER, and AddAddresses and RemoveAddresses alternate.
 * <li>{@link Rule#ONE_MASTER}: when settled (and some member is healthy), exactly one member is
 * MASTER.
 * <li>{@link Rule#VIP_OWNED}: when no host owns the VIPs (lost at t_loss) and some member is
 * healthy, some host owns them again by the earliest over healthy members m of the latest over
 * the members g of m's sync group (m alone without one) of
 * {@code max(t_loss(g) + D, ready(g), priorityChanged(g)) + MDI(g)}: t_loss(g) when g's virtual
 * router lost its owner (a member whose group has an owned virtual router is not counted on),
 * ready(g) when g became healthy (plus the startup-wait push), priorityChanged(g) its last
 * priority change, MDI at the current priority. Derivation: after t_loss no master exists, so
 * the only adverts that reset g's timer left before t_loss (arrive by t_loss + D), or g's timer
 * started when it became healthy (start, fault cleared: keepalived arms MDI); it fires MDI
 * later (priority 0 adverts only shorten it), and a sync group goes MASTER when its last member
 * fires. A priority change moves a backup's deadline by the new down timer minus the stored one
 * (vrrp_set_effective_priority); after an ignored advert the stored one is the time left, so
 * the deadline becomes the change plus the new MDI.
 * <li>{@link Rule#HIGHEST_PRIORITY}: when settled and every member of the virtual routers of
 * its sync group preempts, no healthy host has a higher effective priority than the master in
 * every one of those virtual routers (without a group: the master's priority is the highest).
 * Ties: RFC 5798 6.4.3 breaks them by the primary address only between two masters (a backup
 * never preempts an equal priority, 6.4.2), so any of the tied hosts may be master; a scenario
 * checks the address tie-break itself.
 * <li>{@link Rule#NO_TAKEOVER}: a backup B (not in a sync group) does not become MASTER at t
 * while a master M, with X = 2 A(M) + 2D, has been MASTER since before t - X, the direction M
 * to B has been lossless since before t - X, B has been healthy since before t - X, no priority
 * 0 advert reached B after t - X, and B has nopreempt (any M), or M's priority is at least B's
 * and neither changed after t - X; provided 2D < A(M) + Skew_Time(B). Derivation: M sends at
 * least every A(M), so an advert sent in [t - X, t - X + A(M)] reaches B at r in
 * [t - X, t - A(M) - D]; it resets B's timer to r + 3 A(M) + Skew_Time > t, and later adverts
 * only push it further. This is "with nopreempt, a recovered higher-priority router does not
 * take over from a healthy master", and the same for a preempting backup of lower or equal
 * priority.
 * <li>{@link Rule#GRACEFUL_HANDOVER}: when a master stops gracefully, or leaves MASTER for
 * FAULT because an interface fault is raised on it or on a member of its sync group (either
 * way it sends priority 0: vrrp_state_leave_master, vrrp_restore_interface), on a lossless FIFO
 * network, and members were healthy backups at that moment, then unless another
 * event happens first, some host owns the VIPs by t_stop + D + the least over those backups of
 * Skew_Time (the largest over the backup's sync group, all of whose virtual routers the
 * stopping host was master of). Derivation: the priority 0 advert arrives within D, after
 * the stopping master's earlier adverts (FIFO), and sets the Master_Down_Timer to Skew_Time
 * (RFC 5798 6.4.2). Reordering is excluded: an earlier advert arriving after the priority 0
 * would reset the timer to MDI. This is tighter than "Skew_Time + one interval + D".
 * <li>{@link Rule#RUNAWAY}: a safety net, not a protocol rule: no more than
 * {@link Sim#MAX_STEPS_AT_ONE_INSTANT} steps at one instant (a zero-time loop) and no more steps
 * than the run's budget (an advert storm), so that a broken engine fails a test instead of
 * hanging it.
 * </ol>
 */
public final class Invariants {

    public enum Rule {
        BOOKKEEPING("(0) VIPs installed exactly while MASTER"),
        ONE_MASTER("(1) exactly one master once settled"),
        VIP_OWNED("(2) VIPs owned again within Master_Down_Interval"),
        HIGHEST_PRIORITY("(3) with preemption the highest priority is master"),
        NO_TAKEOVER("(4) no takeover from a healthy master that is heard"),
        GRACEFUL_HANDOVER("(5) a graceful stop (or fault) hands over within Skew_Time"),
        RUNAWAY("(6) the run makes progress: no storm of events");

        private final String title;

        Rule(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One router's instance of a virtual router. */
    static final class Member {
        final Router router;
        final String instance;
        final InstanceConfig config;
        VirtualRouter vr;
        List<Member> groupMates;
        long masterSince = Long.MAX_VALUE;
        /** How far packets received in the startup wait may have pushed the down timer (see readySince). */
        long startupPush;
        long priorityChangedAt = Long.MIN_VALUE;
        long priorityZeroAt = Long.MIN_VALUE;

        final Router.Slot slot;

        Member(Router router, String instance) {
            this.router = router;
            this.instance = instance;
            this.slot = router.slot(instance);
            this.config = slot.config;
        }

        boolean alive() {
            return slot.instance != null;
        }

        boolean master() {
            return slot.instance != null && slot.instance.state() == VrrpState.MASTER;
        }

        VrrpState state() {
            return slot.state();
        }

        boolean owns() {
            return slot.owns;
        }

        long healthySince() {
            return slot.healthySince;
        }

        /**
         * When the member's Master_Down_Timer runs from: when it became healthy, except that a
         * packet received at r in the startup wait (ending at S) that the backup ignores (lower
         * priority with preemption, or invalid) pushes the timer back by S - r: keepalived keeps
         * the remaining time (vrrp_state_backup) and vrrp_init_instance_sands counts it from S
         * again. The engine does the same; the push is bounded by the sum over every packet
         * received in the wait.
         */
        long readySince() {
            long healthy = healthySince();
            long waitEnd = router.startedAt() + router.startupDelayNs();
            return healthy == waitEnd && healthy != Long.MAX_VALUE ? healthy + startupPush : healthy;
        }

        int priority() {
            return slot.instance.effectivePriority();
        }

        long interval() {
            return config.advertIntervalNs();
        }

        /** The primary address the adverts carry: the configured source, else the interface's. */
        byte[] primaryAddress() {
            return config.sourceAddress() != null ? config.sourceAddress() : router.port(config.socketKey()).address(config.ipv6());
        }

        /** RFC 5798 6.4.3 between two masters: the higher priority wins, then the higher primary address. */
        boolean beats(Member other) {
            int c = Integer.compare(priority(), other.priority());
            return c != 0 ? c > 0 : java.util.Arrays.compareUnsigned(primaryAddress(), other.primaryAddress()) > 0;
        }

        /**
         * Master_Down_Interval at the current priority. A VRRPv3 backup counts in the interval of
         * the master it heard last (RFC 5798 6.4.2), so the longest interval of the virtual router.
         */
        long masterDownInterval() {
            return Timing.masterDownInterval(config.version(), vr.maxInterval, priority(), config.downTimerAdverts());
        }

        /** Skew_Time at the current priority, in the longest interval of the virtual router (see above). */
        long skew() {
            return Timing.skew(config.version(), vr.maxInterval, priority());
        }

        @Override
        public String toString() {
            return router.name() + "(" + instance + ")";
        }
    }

    /** A VRID of one family on one segment, and the members that share it. */
    static final class VirtualRouter {
        final String key;
        final List<Member> members = new ArrayList<>();
        /** The virtual routers of its members' sync groups, itself included. */
        final List<VirtualRouter> closure = new ArrayList<>();
        long lostAt = OWNED;
        /** Some member authenticates with IPsec AH (see the class comment). */
        boolean ah;
        /** The longest advert interval of its members (VRRPv3 members may differ). */
        long maxInterval;

        VirtualRouter(String key) {
            this.key = key;
        }

        @Override
        public String toString() {
            return key;
        }
    }

    private static final long OWNED = Long.MIN_VALUE;

    private record Handover(VirtualRouter vr, String stopped, long at, long deadline, long events, String derivation) {
    }

    private final Sim sim;
    private final EnumSet<Rule> enabled = EnumSet.allOf(Rule.class);
    private final long[] applied = new long[Rule.values().length];
    private List<VirtualRouter> vrs;
    private final Map<String, Member> members = new HashMap<>();
    private final List<Handover> handovers = new ArrayList<>();

    Invariants(Sim sim) {
        this.sim = sim;
    }

    /** Checks only these rules (to show one of them failing on its own). */
    public Invariants only(Rule... rules) {
        enabled.clear();
        enabled.addAll(List.of(rules));
        return this;
    }

    /** How many times each rule applied (was evaluated in a state it covers): evidence the runs exercise it. */
    public long applied(Rule r) {
        return applied[r.ordinal()];
    }

    private void build() {
        Map<String, VirtualRouter> byKey = new LinkedHashMap<>();
        for (Router r : sim.routers()) {
            for (InstanceConfig c : r.configs()) {
                String key = r.port(c.socketKey()).segment().name() + (c.ipv6() ? " IPv6" : " IPv4") + " VRID " + c.vrid();
                VirtualRouter vr = byKey.computeIfAbsent(key, VirtualRouter::new);
                Member m = new Member(r, c.name());
                m.vr = vr;
                vr.ah |= c.authType() == io.jkeepalived.vrrp.Advert.AUTH_AH;
                vr.maxInterval = Math.max(vr.maxInterval, c.advertIntervalNs());
                vr.members.add(m);
                members.put(r.name() + "/" + c.name(), m);
            }
        }
        for (Member m : members.values()) {
            m.groupMates = m.router.groupMates(m.instance).stream().map(i -> members.get(m.router.name() + "/" + i)).toList();
        }
        vrs = List.copyOf(byKey.values());
        for (VirtualRouter vr : vrs) {
            for (Member m : vr.members) {
                for (Member mate : m.groupMates) {
                    if (!vr.closure.contains(mate.vr)) {
                        vr.closure.add(mate.vr);
                    }
                }
            }
        }
    }

    private Member member(Router r, String instance) {
        if (vrs == null) {
            build();
        }
        return members.get(r.name() + "/" + instance);
    }

    // ---- notifications from the simulator ----

    void onStateChanged(Router r, String instance, VrrpState to, long now) {
        Member b = member(r, instance);
        if (to == VrrpState.MASTER) {
            b.masterSince = now;
            noTakeoverFromHealthyMaster(b, now);
        } else {
            b.masterSince = Long.MAX_VALUE;
        }
    }

    void onPriorityChanged(Router r, String instance, long now) {
        member(r, instance).priorityChangedAt = now;
    }

    void onDelivered(Router r, String ifname, boolean ipv6, int vrid, int priority, long now) {
        if (vrs == null) {
            build();
        }
        long waitEnd = r.startedAt() + r.startupDelayNs();
        for (InstanceConfig c : r.configs()) {
            if (c.vrid() == vrid && c.ipv6() == ipv6 && c.socketKey().equals(ifname)) {
                Member m = member(r, c.name());
                if (priority == 0) {
                    m.priorityZeroAt = now;
                }
                if (now < waitEnd) {
                    m.startupPush += waitEnd - now;
                }
            }
        }
    }

    void onStarted(Router r) {
        if (vrs == null) {
            build();
        }
        for (InstanceConfig c : r.configs()) {
            member(r, c.name()).startupPush = 0;
        }
    }

    void bookkeepingError(Router r, String instance, String what) {
        fail(Rule.BOOKKEEPING, sim.now(), r.name() + "(" + instance + "): " + what);
    }

    /** Records what (5) will check: called before a host stops gracefully, while its masters are still masters. */
    void beforeGracefulStop(Router stopping, long now) {
        if (vrs == null) {
            build();
        }
        List<Member> leaving = new ArrayList<>();
        for (VirtualRouter vr : vrs) {
            Member m = onRouter(vr, stopping);
            if (m != null) {
                leaving.add(m);
            }
        }
        beforeLeavingMaster(stopping, leaving, now, "stopped gracefully");
    }

    /**
     * Records what (5) will check when an interface fault is raised: a master leaving for FAULT
     * sends priority 0 too (vrrp_state_leave_master), and so do the members of its sync group.
     */
    void beforeInterfaceFault(Router r, String instance, long now) {
        if (vrs == null) {
            build();
        }
        if (r.interfaceDown(instance)) {
            return;
        }
        for (Member mate : member(r, instance).groupMates) {
            if (mate.router.interfaceDown(mate.instance)) {
                return;   // the group is in FAULT already
            }
        }
        beforeLeavingMaster(r, member(r, instance).groupMates, now, "went to FAULT (interface down)");
    }

    private void beforeLeavingMaster(Router from, List<Member> leaving, long now, String why) {
        if (!enabled.contains(Rule.GRACEFUL_HANDOVER) || !sim.faults().lossless() || !sim.faults().fifo()) {
            return;
        }
        long d = sim.faults().delayBound();
        for (Member gone : leaving) {
            VirtualRouter vr = gone.vr;
            if (!gone.master() || vr.ah) {
                continue;
            }
            long best = Long.MAX_VALUE;
            Member by = null;
            for (Member c : vr.members) {
                if (c.router == from || !c.alive() || c.readySince() > now || c.state() != VrrpState.BACKUP) {
                    continue;
                }
                long skew = 0;
                boolean hearsStopAdverts = true;
                for (Member mate : c.groupMates) {
                    Member goneMate = onRouter(mate.vr, from);
                    hearsStopAdverts &= goneMate != null && leaving.contains(goneMate) && goneMate.master()
                            && mate.state() == VrrpState.BACKUP;
                    skew = Math.max(skew, mate.skew());
                }
                if (hearsStopAdverts && skew < best) {
                    best = skew;
                    by = c;
                }
            }
            if (by != null) {
                handovers.add(new Handover(vr, from.name() + " " + why, now, now + d + best, sim.eventCount(),
                        "deadline = " + Time.format(now) + " + D " + Time.format(d) + " + Skew_Time of " + by + " (priority "
                                + by.priority() + ") " + Time.format(best)));
            }
        }
    }

    private static Member onRouter(VirtualRouter vr, Router r) {
        for (Member m : vr.members) {
            if (m.router == r) {
                return m;
            }
        }
        return null;
    }

    // ---- the checks ----

    /**
     * Checks the state as it stands, which holds from {@code from} to {@code at} (nothing
     * happens in between). Every rule's condition only grows with time, so it is evaluated at
     * {@code at}; a violation is reported at the first instant of the interval it held at.
     */
    void check(long from, long at) {
        if (vrs == null) {
            build();
        }
        t0 = Long.MIN_VALUE;
        for (VirtualRouter vr : vrs) {
            trackOwnership(vr, from);
        }
        for (VirtualRouter vr : vrs) {
            if (enabled.contains(Rule.BOOKKEEPING)) {
                bookkeeping(vr, from);
            }
            if (enabled.contains(Rule.VIP_OWNED)) {
                vipOwned(vr, from, at);
            }
            if (settled(vr, at) && consistentRanking(vr, at)) {
                long since = Math.max(from, t0() + settleTime(vr));
                if (enabled.contains(Rule.ONE_MASTER)) {
                    oneMaster(vr, since);
                }
                if (enabled.contains(Rule.HIGHEST_PRIORITY)) {
                    highestPriority(vr, since);
                }
            }
        }
        if (!handovers.isEmpty()) {
            handovers(from, at);
        }
    }

    private void bookkeeping(VirtualRouter vr, long at) {
        applied[Rule.BOOKKEEPING.ordinal()]++;
        for (Member m : vr.members) {
            if (m.alive() && m.owns() != (m.state() == VrrpState.MASTER)) {
                fail(Rule.BOOKKEEPING, at, m + " is " + m.state() + (m.owns() ? " with" : " without")
                        + " its VIPs installed");
            }
        }
    }

    /** Notes when each virtual router lost its last owner (before any rule reads it). */
    private void trackOwnership(VirtualRouter vr, long from) {
        boolean owned = false;
        for (Member m : vr.members) {
            owned |= m.owns();
        }
        if (owned) {
            vr.lostAt = OWNED;
        } else if (vr.lostAt == OWNED) {
            vr.lostAt = from;
        }
    }

    private void vipOwned(VirtualRouter vr, long from, long at) {
        if (vr.lostAt == OWNED) {
            return;
        }
        long d = sim.faults().delayBound();
        long deadline = Long.MAX_VALUE;
        Member by = null;
        for (Member m : vr.members) {
            long due = takeoverDue(m, d);
            if (due < deadline) {
                deadline = due;
                by = m;
            }
        }
        if (by == null) {
            return;
        }
        applied[Rule.VIP_OWNED.ordinal()]++;
        if (at > deadline) {
            fail(Rule.VIP_OWNED, Math.max(from, deadline + 1), vr + " has had no owner since " + Time.format(vr.lostAt) + "; "
                    + by + " (ready since " + Time.format(by.readySince()) + ", priority " + by.priority() + ") should own it by "
                    + Time.format(deadline) + " = max(lost + D " + Time.format(d)
                    + ", ready, priority changed) + Master_Down_Interval, for the last of its sync group");
        }
    }

    /**
     * When a healthy member of an unowned virtual router will have taken over at the latest:
     * each member of its sync group times out Master_Down_Interval after the later of its own
     * virtual router's loss (+ D), becoming ready and its last priority change, and the group
     * goes MASTER with the last of them. MAX_VALUE if the member cannot be counted on: not
     * healthy, or a virtual router of its group is owned (that owner's group is MASTER).
     */
    private static long takeoverDue(Member m, long d) {
        if (m.readySince() == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long due = Long.MIN_VALUE;
        for (Member mate : m.groupMates) {
            if (mate.vr.lostAt == OWNED || mate.readySince() == Long.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            long from = Math.max(Math.max(mate.vr.lostAt + d, mate.readySince()), mate.priorityChangedAt);
            due = Math.max(due, from + mate.masterDownInterval());
        }
        return due;
    }

    private boolean settled(VirtualRouter vr, long at) {
        if (!enabled.contains(Rule.ONE_MASTER) && !enabled.contains(Rule.HIGHEST_PRIORITY)) {
            return false;
        }
        if (!sim.faults().lossless()) {
            return false;
        }
        for (VirtualRouter u : vr.closure) {
            if (u.ah) {
                return false;
            }
        }
        boolean anyHealthy = false;
        for (Member m : vr.members) {
            anyHealthy |= m.healthySince() <= at;
        }
        if (!anyHealthy) {
            return false;
        }
        return at - t0() >= settleTime(vr);
    }

    /** T0 of the current check, computed once (MIN_VALUE: not yet). */
    private long t0 = Long.MIN_VALUE;

    private long t0() {
        if (t0 == Long.MIN_VALUE) {
            t0 = computeT0();
        }
        return t0;
    }

    private long computeT0() {
        long t0 = sim.lastEventAt();
        for (VirtualRouter vr : vrs) {
            for (Member m : vr.members) {
                if (m.alive()) {
                    t0 = Math.max(t0, m.router.startedAt() + m.router.startupDelayNs() + m.startupPush);
                }
            }
        }
        return t0;
    }

    /** W over the virtual routers of the members' sync groups (see the class comment). */
    long settleTime(VirtualRouter vr) {
        long d = sim.faults().delayBound();
        long w = 0;
        for (VirtualRouter u : vr.closure) {
            long mdi = 0;
            long interval = 0;
            long preemptDelay = 0;
            for (Member m : u.members) {
                if (!m.alive()) {
                    continue;
                }
                mdi = Math.max(mdi, m.masterDownInterval());
                interval = u.maxInterval;
                if (m.config.preempt()) {
                    preemptDelay = Math.max(preemptDelay, m.config.preemptDelayNs());
                }
            }
            // with preempt_delay a lower master may only appear at T0 + D + MDI, and its first advert
            // (by T0 + 2D + MDI) arms the delay: the higher backup times out by then + P + MDI
            w = Math.max(w, preemptDelay > 0 ? 2 * mdi + 3 * d + preemptDelay : mdi + interval + 2 * d);
        }
        return w;
    }

    private void oneMaster(VirtualRouter vr, long at) {
        applied[Rule.ONE_MASTER.ordinal()]++;
        List<Member> masters = masters(vr);
        if (masters.size() != 1) {
            fail(Rule.ONE_MASTER, at, vr + " has " + masters.size() + " masters " + masters + "; lossless with no event since T0 = "
                    + Time.format(t0()) + ", settle time W = " + Time.format(settleTime(vr)));
        }
    }

    private static List<Member> masters(VirtualRouter vr) {
        List<Member> masters = new ArrayList<>(2);
        for (Member m : vr.members) {
            if (m.master()) {
                masters.add(m);
            }
        }
        return masters;
    }

    /**
     * Whether the hosts rank the same in every virtual router of the members' sync groups (RFC
     * 5798 6.4.3: priority, then primary address), so that of two group masters one loses every
     * election and the other none. Without that, two groups may each lose one member's election
     * and step down together, time out together and flap (keepalived's sync groups), and (1) and
     * (3) do not apply.
     */
    private static boolean consistentRanking(VirtualRouter vr, long at) {
        if (vr.closure.size() == 1) {
            return true;
        }
        for (Member a : vr.members) {
            for (Member b : vr.members) {
                if (a == b || !healthyAt(a, at) || !healthyAt(b, at) || !a.beats(b)) {
                    continue;
                }
                for (Member aMate : a.groupMates) {
                    Member bMate = onRouter(aMate.vr, b.router);
                    if (bMate != null && healthyAt(bMate, at) && !aMate.beats(bMate)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean healthyAt(Member m, long at) {
        return m.alive() && m.healthySince() <= at;
    }

    /**
     * (3): no healthy host has a higher effective priority than the master in every virtual
     * router of the master's sync group (for a master without a group: the master's priority is
     * the highest). A host that is higher in only some of them cannot take the group over: its
     * other members keep hearing a master of higher or equal priority and hold it back.
     */
    private void highestPriority(VirtualRouter vr, long at) {
        for (VirtualRouter u : vr.closure) {
            for (Member m : u.members) {
                if (m.alive() && !m.config.preempt()) {
                    return;
                }
            }
        }
        for (Member master : vr.members) {
            if (!master.master()) {
                continue;
            }
            applied[Rule.HIGHEST_PRIORITY.ordinal()]++;
            for (Member challenger : vr.members) {
                if (challenger == master || !healthyAt(challenger, at)) {
                    continue;
                }
                boolean higherEverywhere = true;
                for (Member mate : master.groupMates) {
                    Member theirs = onRouter(mate.vr, challenger.router);
                    higherEverywhere &= theirs != null && healthyAt(theirs, at) && theirs.priority() > mate.priority();
                }
                if (higherEverywhere) {
                    fail(Rule.HIGHEST_PRIORITY, at, vr + ": " + master + " (priority " + master.priority() + ") is master, but "
                            + challenger + " has priority " + challenger.priority()
                            + (master.groupMates.size() > 1 ? " (higher in every member of the sync group)" : "") + "; "
                            + vr.members.stream().filter(x -> x.alive()).map(x -> x + "=" + x.priority()).toList());
                }
            }
        }
    }

    private void noTakeoverFromHealthyMaster(Member b, long now) {
        if (!enabled.contains(Rule.NO_TAKEOVER) || b.router.inSyncGroup(b.instance) || b.vr.ah) {
            return;
        }
        long d = sim.faults().delayBound();
        for (Member m : b.vr.members) {
            if (m == b || !m.master()) {
                continue;
            }
            // M sends every A(M); B counts its down timer in A(M) once it hears M
            long a = m.interval();
            long window = now - 2 * a - 2 * d;
            if (2 * d >= a + Timing.skew(b.config.version(), a, b.priority()) || b.readySince() >= window
                    || b.priorityZeroAt >= window || m.masterSince >= window
                    || sim.faults().cleanSince(m.router.name(), b.router.name()) >= window) {
                continue;
            }
            applied[Rule.NO_TAKEOVER.ordinal()]++;
            boolean mustStay = !b.config.preempt()
                    || (m.priority() >= b.priority() && m.priorityChangedAt < window && b.priorityChangedAt < window);
            if (mustStay) {
                fail(Rule.NO_TAKEOVER, now, b + " (priority " + b.priority() + (b.config.preempt() ? "" : ", nopreempt")
                        + ") became master although " + m + " (priority " + m.priority() + ") has been master since "
                        + Time.format(m.masterSince) + " and heard without loss since "
                        + Time.format(sim.faults().cleanSince(m.router.name(), b.router.name())) + " (window from "
                        + Time.format(window) + " = now - 2A - 2D)");
            }
        }
    }

    private void handovers(long from, long at) {
        var it = handovers.iterator();
        while (it.hasNext()) {
            Handover h = it.next();
            if (sim.eventCount() != h.events) {
                it.remove();
                continue;
            }
            boolean owned = false;
            for (Member m : h.vr.members) {
                owned |= m.owns();
            }
            if (owned) {
                applied[Rule.GRACEFUL_HANDOVER.ordinal()]++;
                it.remove();
            } else if (at > h.deadline) {
                fail(Rule.GRACEFUL_HANDOVER, Math.max(from, h.deadline + 1), h.vr + ": " + h.stopped + " at "
                        + Time.format(h.at) + " and no one owns the VIPs at the " + h.derivation + " = " + Time.format(h.deadline));
            }
        }
    }

    /** A runaway is always reported: it would otherwise hang the test. */
    void runaway(long at, String what) {
        String headline = Rule.RUNAWAY.title() + " violated at " + Time.format(at) + ": " + what;
        throw new InvariantViolation(Rule.RUNAWAY, headline, sim.failureReport(headline));
    }

    private void fail(Rule rule, long at, String what) {
        if (enabled.contains(rule)) {
            String headline = rule.title() + " violated at " + Time.format(at) + ": " + what;
            throw new InvariantViolation(rule, headline, sim.failureReport(headline));
        }
    }
}
