package io.jkeepalived.vrrp;

import io.jkeepalived.vrrp.Action.SendAdvert;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One VRRP instance: the RFC 5798 section 6 state machine with keepalived's semantics (its
 * vrrp.c, vrrp_scheduler.c and vrrp_sync.c, version 2.2.7), driven by the {@link Engine}. It
 * does no I/O and reads no clock: every entry point gets {@code now} in nanoseconds, and what
 * must happen is emitted as {@link Action}s.
 *
 * <p>Timers are deadlines in nanoseconds compared as {@code deadline - now <= 0}. The one
 * protocol timer ({@link #deadline()}) is the Adver_Timer of a master or the Master_Down_Timer
 * of a backup; three more schedule gratuitous ARP / neighbour advertisement batches.
 */
public final class Instance {

    private static final long ONE_MICROSECOND = 1_000L;
    private static final long SKEW_BASE_V2 = 1_000_000_000L;
    private static final long CENTISECOND = 10_000_000L;

    private InstanceConfig config;
    private final Engine engine;
    private final InstanceStats stats = new InstanceStats();
    SyncGroup group;

    private VrrpState state = VrrpState.INIT;
    /** The state reported last (StateChanged is emitted on each difference). */
    private VrrpState reported = VrrpState.INIT;
    /** keepalived's wantstate: where the instance would be without its sync group. */
    VrrpState wantState;

    private int basePriority;
    private int effectivePriority;
    private final Map<String, Integer> weights = new HashMap<>();
    private final Set<String> faults = new HashSet<>();

    private long adverIntNs;
    private long masterAdverIntNs;
    private long msDownTimerNs;
    private long deadline;
    private boolean timerArmed;

    private long preemptTime;
    private boolean preemptArmed;

    private final byte[] masterSource;
    private boolean masterKnown;
    private int masterPriority;
    private byte[] localAddress;

    private boolean vipSet;
    private long garpSecondAt;
    private boolean garpSecondArmed;
    private long garpLowerAt;
    private boolean garpLowerArmed;
    private long garpRefreshAt;
    private boolean garpRefreshArmed;

    /** keepalived switches a VRRPv3 unicast instance to the pre-1.3.6 checksum when a peer uses it. */
    private boolean oldChecksum;
    private int ipId;

    /** Set with auth_type AH only. */
    private IpsecAh ah;
    private final byte[] unknownAddress;
    private static final byte[] NO_PASSWORD = new byte[Advert.AUTH_DATA_LENGTH];

    private SendAdvert advert;
    private final SendAdvert stopAdvert;
    /** Receive path scratch: the advertised interval when it changes the master's. */
    private final Advert scratch = new Advert();

    Instance(InstanceConfig config, Engine engine) {
        this.config = config;
        this.engine = engine;
        this.basePriority = config.priority();
        this.effectivePriority = basePriority;
        this.wantState = config.startAsMaster() ? VrrpState.MASTER : VrrpState.BACKUP;
        this.adverIntNs = config.advertIntervalNs();
        this.masterAdverIntNs = adverIntNs;
        this.masterSource = new byte[config.addressLength()];
        this.localAddress = config.sourceAddress();
        this.oldChecksum = config.oldUnicastChecksum() == InstanceConfig.OldUnicastChecksum.ALWAYS;
        this.advert = new SendAdvert(this, effectivePriority);
        this.stopAdvert = new SendAdvert(this, InstanceConfig.PRIORITY_STOP);
        this.msDownTimerNs = masterDownInterval();
        this.ah = config.authType() == Advert.AUTH_AH ? new IpsecAh(config.authData()) : null;
        this.unknownAddress = new byte[config.addressLength()];
    }

    // ---- what the outside world reads ----

    public InstanceConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    public VrrpState state() {
        return state;
    }

    public int effectivePriority() {
        return effectivePriority;
    }

    public int basePriority() {
        return basePriority;
    }

    public InstanceStats stats() {
        return stats;
    }

    /** The sync group, or null. */
    public SyncGroup syncGroup() {
        return group;
    }

    /** Whether the virtual addresses are (meant to be) installed: true from becoming master until leaving it. */
    public boolean addressesInstalled() {
        return vipSet;
    }

    /** The interval the current master advertises (our own when we are master). */
    public long masterAdvertIntervalNs() {
        return masterAdverIntNs;
    }

    /** The priority of the last master we accepted an advert from (0 if none). */
    public int masterPriority() {
        return masterPriority;
    }

    /** The address of the last master we heard from, or null. */
    public byte[] masterAddress() {
        return masterKnown ? masterSource.clone() : null;
    }

    /** Our own address: the configured source, else what the edge said the interface has; null if unknown. */
    public byte[] localAddress() {
        return localAddress == null ? null : localAddress.clone();
    }

    /** Whether VRRPv3 unicast adverts use keepalived's pre-1.3.6 checksum. */
    public boolean usesOldUnicastChecksum() {
        return oldChecksum;
    }

    /** The sources of fault currently raised. */
    public Set<String> faults() {
        return Set.copyOf(faults);
    }

    /** Master_Down_Interval as it stands (RFC 5798: 3 x Master_Adver_Interval + Skew_Time). */
    public long masterDownIntervalNs() {
        return masterDownInterval();
    }

    /** The protocol timer's deadline; meaningful only if {@link #timerArmed()}. */
    public long deadline() {
        return deadline;
    }

    public boolean timerArmed() {
        return timerArmed;
    }

    /** Whether any timer is armed. */
    boolean hasDeadline() {
        return timerArmed || garpSecondArmed || garpLowerArmed || garpRefreshArmed;
    }

    /** The earliest armed deadline; only meaningful if {@link #hasDeadline()}. */
    long nextDeadline(long now) {
        long next = 0;
        boolean any = false;
        if (timerArmed) {
            next = deadline;
            any = true;
        }
        if (garpSecondArmed) {
            next = any ? earlier(next, garpSecondAt, now) : garpSecondAt;
            any = true;
        }
        if (garpLowerArmed) {
            next = any ? earlier(next, garpLowerAt, now) : garpLowerAt;
            any = true;
        }
        if (garpRefreshArmed) {
            next = any ? earlier(next, garpRefreshAt, now) : garpRefreshAt;
        }
        return next;
    }

    private static long earlier(long a, long b, long now) {
        return a - now <= b - now ? a : b;
    }

    // ---- timers ----

    /** Skew_Time: (256 - priority) / 256 of a second (VRRPv2) or of Master_Adver_Interval (VRRPv3). */
    long skew(int priorityValue) {
        long base = config.version() == 2 ? SKEW_BASE_V2 : masterAdverIntNs / CENTISECOND * CENTISECOND;
        return priorityValue * base / 256;
    }

    private long skew() {
        return skew(256 - effectivePriority);
    }

    private long masterDownInterval() {
        return config.downTimerAdverts() * masterAdverIntNs + skew();
    }

    /** keepalived's vrrp_init_instance_sands: arm the protocol timer for the current state. */
    private void initSands(long now) {
        switch (state) {
            case MASTER -> arm(now + adverIntNs);
            case BACKUP -> {
                long start = engine.startupDelayUntil();
                if (engine.inStartupDelay(now)) {
                    arm(start + msDownTimerNs);
                } else {
                    arm(now + msDownTimerNs);
                }
            }
            default -> timerArmed = false;
        }
    }

    private void arm(long at) {
        deadline = at;
        timerArmed = true;
    }

    /** Fires whatever is due; called by the engine with the instance's deadline passed. */
    void onTimer(long now) {
        if (garpSecondArmed && garpSecondAt - now <= 0) {
            garpSecondArmed = false;
            announce(config.garpMasterRepeat());
        }
        if (garpLowerArmed && garpLowerAt - now <= 0) {
            garpLowerArmed = false;
            announce(config.garpLowerPrioRepeat());
        }
        if (garpRefreshArmed && garpRefreshAt - now <= 0) {
            announce(config.garpRefreshRepeat());
            garpRefreshAt = now + config.garpRefreshNs();
        }
        if (!timerArmed || deadline - now > 0) {
            return;
        }
        VrrpState prev = state;
        if (state == VrrpState.BACKUP) {
            // Master_Down_Timer fired (RFC 5798 6.4.2): take over
            wantState = VrrpState.MASTER;
            gotoMaster(now);
        } else if (state == VrrpState.MASTER) {
            masterTx(now);
        }
        transitionMatrix(prev, now);
        initSands(now);
    }

    /** Waits another Master_Down_Interval for the rest of the sync group (keepalived's can_goto_master). */
    void holdBack(long now) {
        msDownTimerNs = masterDownInterval();
        initSands(now);
    }

    /**
     * Whether {@code other} is the same virtual router as this instance, so that a reload keeps
     * it running (keepalived's vrrp_exist): same VRID, family, interface, unicast or not, and the
     * same multicast group or unicast source.
     */
    boolean sameRouter(InstanceConfig other) {
        return other.vrid() == config.vrid() && other.ipv6() == config.ipv6()
                && other.socketKey().equals(config.socketKey()) && other.unicast() == config.unicast()
                && java.util.Arrays.equals(other.multicastGroup(), config.multicastGroup())
                && (!other.unicast() || java.util.Arrays.equals(other.sourceAddress(), config.sourceAddress()));
    }

    /**
     * A reload changed the configuration of this running instance: it keeps its state, timers,
     * master and statistics, and takes the new settings. A new priority applies at once (and
     * moves a backup's timer, as a tracker's weight would), a new interval from the next advert.
     */
    void reconfigure(InstanceConfig next) {
        InstanceConfig previous = config;
        this.config = next;
        this.adverIntNs = next.advertIntervalNs();
        if (state == VrrpState.MASTER || masterAdverIntNs == previous.advertIntervalNs()) {
            masterAdverIntNs = adverIntNs;
        }
        if (next.priority() != previous.priority() && basePriority == previous.priority()) {
            basePriority = next.priority();
            int total = basePriority;
            for (int w : weights.values()) {
                total += w;
            }
            setEffectivePriority(basePriority == InstanceConfig.PRIORITY_OWNER ? basePriority
                    : Math.clamp(total, 1, InstanceConfig.PRIORITY_OWNER - 1));
        }
        if (next.authType() != previous.authType() || !java.util.Arrays.equals(next.authData(), previous.authData())) {
            // a new password keeps the AH sequence number (keepalived's restore_vrrp_state)
            IpsecAh fresh = next.authType() == Advert.AUTH_AH ? new IpsecAh(next.authData()) : null;
            if (fresh != null && ah != null) {
                fresh.continueFrom(ah);
            }
            ah = fresh;
        }
        if (next.oldUnicastChecksum() != previous.oldUnicastChecksum()) {
            oldChecksum = next.oldUnicastChecksum() == InstanceConfig.OldUnicastChecksum.ALWAYS;
        }
        if (!next.equals(previous)) {
            advert = new SendAdvert(this, effectivePriority);
        }
    }

    // ---- starting and stopping ----

    /**
     * keepalived's vrrp_init_state: a backup waits Master_Down_Interval (one advert interval and
     * the least skew if its sync group holds it back from MASTER); an address owner wanting
     * MASTER takes over at once; an instance with a fault raised starts in FAULT.
     */
    void start(long now) {
        VrrpState groupState = group != null ? group.state : wantState;
        boolean up = faults.isEmpty();
        masterAdverIntNs = adverIntNs;
        if (up && groupState == VrrpState.MASTER && basePriority == InstanceConfig.PRIORITY_OWNER
                && wantState == VrrpState.MASTER) {
            // the simplest way to become master is to time out of BACKUP at once (keepalived)
            state = VrrpState.BACKUP;
            msDownTimerNs = ONE_MICROSECOND;
        } else {
            msDownTimerNs = groupState == VrrpState.BACKUP && wantState == VrrpState.MASTER
                    ? masterAdverIntNs + skew(1) : masterDownInterval();
            state = up && groupState != VrrpState.FAULT ? VrrpState.BACKUP : VrrpState.FAULT;
            if (state == VrrpState.FAULT) {
                wantState = VrrpState.FAULT;
            }
            report();
        }
        initSands(now);
    }

    /**
     * A graceful stop: a master sends priority 0, so that a backup takes over after its skew
     * time, and removes its addresses.
     */
    void stop(long now) {
        if (state == VrrpState.MASTER) {
            restoreInterface(true);
        }
        cancelAnnouncements();
        state = VrrpState.STOP;
        wantState = VrrpState.STOP;
        timerArmed = false;
        report();
    }

    // ---- the protocol ----

    /** keepalived's vrrp_state_goto_master. */
    void gotoMaster(long now) {
        if (group != null && !group.canGotoMaster(this, now)) {
            wantState = VrrpState.MASTER;
            return;
        }
        if (ah != null) {
            ah.gotoMaster();   // keepalived resets a cycled anti-replay counter here
        }
        state = VrrpState.MASTER;
        initSands(now);
        masterTx(now);
    }

    /** keepalived's vrrp_state_master_tx: the advert, and on the first one the takeover itself. */
    private void masterTx(long now) {
        // the old master must see the advert (and drop its addresses) before the announcements
        sendAdvert(effectivePriority);
        if (!vipSet) {
            becomeMaster(now);
            if (config.garpMasterDelayNs() > 0) {
                garpSecondAt = now + config.garpMasterDelayNs();
                garpSecondArmed = true;
            }
        }
    }

    private void becomeMaster(long now) {
        stats.becameMaster++;
        masterAdverIntNs = adverIntNs;
        engine.emit(new Action.AddAddresses(this));
        vipSet = true;
        announce(config.garpMasterRepeat());
        if (config.garpRefreshNs() > 0) {
            garpRefreshAt = now + config.garpRefreshNs();
            garpRefreshArmed = true;
        }
        report();
    }

    /** keepalived's vrrp_restore_interface: the stop advert if asked, then the addresses go. */
    private void restoreInterface(boolean sendStop) {
        if (sendStop) {
            sendAdvert(InstanceConfig.PRIORITY_STOP);
        }
        cancelAnnouncements();
        if (vipSet) {
            engine.emit(new Action.RemoveAddresses(this));
            vipSet = false;
        }
    }

    private void cancelAnnouncements() {
        garpSecondArmed = false;
        garpLowerArmed = false;
        garpRefreshArmed = false;
    }

    /** keepalived's vrrp_state_leave_master, to wantState (BACKUP or FAULT). */
    void leaveMaster(long now, boolean sendStop) {
        if (wantState == VrrpState.BACKUP) {
            preemptArmed = false;
        } else if (wantState == VrrpState.FAULT) {
            sendStop = true;
        }
        restoreInterface(sendStop);
        state = wantState;
        report();
        msDownTimerNs = masterDownInterval();
        initSands(now);
        stats.releasedMaster++;
    }

    /** keepalived's vrrp_state_leave_fault: to wantState, MASTER only through gotoMaster. */
    void leaveFault(long now) {
        if (wantState == VrrpState.MASTER) {
            gotoMaster(now);
        } else {
            if (wantState == VrrpState.FAULT && state == VrrpState.MASTER) {
                restoreInterface(true);
            }
            state = wantState;
            report();
            if (state == VrrpState.BACKUP) {
                preemptArmed = false;
            }
        }
        masterAdverIntNs = adverIntNs;
        msDownTimerNs = masterDownInterval();
        initSands(now);
    }

    /** keepalived's VRRP_TSM_HANDLE: a member's transition pulls its sync group along. */
    void transitionMatrix(VrrpState prev, long now) {
        if (group == null) {
            return;
        }
        if (state == VrrpState.MASTER && (prev == VrrpState.BACKUP || prev == VrrpState.MASTER || prev == VrrpState.FAULT)) {
            group.syncMaster(this, now);
        } else if (prev == VrrpState.MASTER && state == VrrpState.BACKUP) {
            group.syncBackup(this, now);
        }
    }

    // ---- receiving ----

    /** A packet for our VRID; the engine has found us. */
    void receive(ReceivedPacket p, long now) {
        if (state != VrrpState.BACKUP && state != VrrpState.MASTER) {
            drop(DropReason.NOT_LISTENING, null);
            return;
        }
        // an IPv6 socket sees multicast and unicast alike: keepalived sorts them out first
        if (config.ipv6() && p.destinationIsMulticast() == config.unicast()) {
            drop(DropReason.WRONG_CAST, config.unicast() ? "multicast advert on a unicast instance" : "unicast advert on a multicast instance");
            return;
        }
        VrrpState prev = state;
        if (state == VrrpState.BACKUP) {
            if (backupReceive(p, now) && !engine.inStartupDelay(now)) {
                // Master_Down_Timer restarts (during vrrp_startup_delay it stays at the delay's end
                // plus Master_Down_Interval, as keepalived 2.2.8 does)
                initSands(now);
            }
        } else if (masterReceive(p, now)) {
            leaveMaster(now, false);
        }
        transitionMatrix(prev, now);
    }

    /** keepalived's vrrp_state_backup; true if the advert restarts the Master_Down_Timer. */
    private boolean backupReceive(ReceivedPacket p, long now) {
        boolean checkAddresses = !config.skipCheckAdvertAddresses() || !masterKnown || !p.sourceEquals(masterSource);
        Advert a = p.advert();
        boolean ignore = false;
        if (!check(p, checkAddresses)) {
            ignore = true;
        } else if (a.priority() == InstanceConfig.PRIORITY_STOP) {
            // the master is stopping: take over after our skew time (RFC 5798 6.4.2)
            msDownTimerNs = skew();
        } else if (!config.preempt() || a.priority() >= effectivePriority
                || (config.preemptDelayNs() > 0 && (!preemptArmed || preemptTime - now > 0))) {
            if (config.version() == 3) {
                adoptInterval(a.maxAdverIntCentis() * CENTISECOND);
            }
            msDownTimerNs = masterDownInterval();
            p.copySource(masterSource);
            masterKnown = true;
            masterPriority = a.priority();
            if (config.preemptDelayNs() > 0) {
                if (a.priority() >= effectivePriority) {
                    preemptArmed = false;
                } else if (!preemptArmed) {
                    preemptTime = now + config.preemptDelayNs();
                    preemptArmed = true;
                }
            }
            wantState = VrrpState.BACKUP;
        } else {
            // preempting: a lower priority master is ignored, and our Master_Down_Timer runs out
            engine.emit(new Action.Notice(this, "received lower priority (" + a.priority() + ") advert from "
                    + Addresses.format(p.source()) + " - discarding"));
            ignore = true;
            p.copySource(masterSource);
            masterKnown = true;
        }
        // an ignored advert leaves the timer running as it was
        return !ignore;
    }

    /** keepalived's vrrp_state_master_rx; true if we must leave MASTER. */
    private boolean masterReceive(ReceivedPacket p, long now) {
        if (!check(p, true)) {
            return false;
        }
        Advert a = p.advert();
        int priority = a.priority();
        int cmp = compareToLocal(p);
        if (priority == InstanceConfig.PRIORITY_STOP
                || (config.higherPrioSendAdvert() && (priority > effectivePriority || (priority == effectivePriority && cmp > 0)))) {
            sendAdvertResettingTimer(now);
            if (priority == InstanceConfig.PRIORITY_STOP) {
                return false;
            }
        }
        if (priority == effectivePriority) {
            if (cmp == 0) {
                engine.emit(new Action.Notice(this, "equal priority advert received from remote host with our IP address"));
            } else if (effectivePriority == InstanceConfig.PRIORITY_OWNER) {
                engine.emit(new Action.Notice(this, "CONFIGURATION ERROR: local instance and a remote instance are both"
                        + " configured as address owner, please fix - reducing local priority"));
                basePriority = InstanceConfig.PRIORITY_OWNER - 1;
                setEffectivePriority(InstanceConfig.PRIORITY_OWNER - 1);
            }
        }
        if (priority < effectivePriority || (priority == effectivePriority && cmp < 0)) {
            // a lower priority master: presumably a break in communication; force a new election
            if (ah != null) {
                ah.syncFrom(IpsecAh.sequenceOf(p));
            }
            if (!config.lowerPrioNoAdvert()) {
                sendAdvertResettingTimer(now);
            }
            lowerPriorityAnnouncements(now);
            if (group != null) {
                for (Instance member : group.members) {
                    if (member != this) {
                        member.lowerPriorityAnnouncements(now);
                    }
                }
            }
            engine.emit(new Action.MasterReceivedLowerPriority(this, priority));
            return false;
        }
        if (priority > effectivePriority || cmp > 0) {
            if (config.version() == 3) {
                adoptInterval(a.maxAdverIntCentis() * CENTISECOND);
            }
            p.copySource(masterSource);
            masterKnown = true;
            masterPriority = priority;
            msDownTimerNs = masterDownInterval();
            wantState = VrrpState.BACKUP;
            return true;
        }
        return false;
    }

    private void lowerPriorityAnnouncements(long now) {
        if (config.garpLowerPrioRepeat() > 0 && state == VrrpState.MASTER) {
            announce(config.garpLowerPrioRepeat());
            if (config.garpLowerPrioDelayNs() > 0) {
                garpLowerAt = now + config.garpLowerPrioDelayNs();
                garpLowerArmed = true;
            }
        }
    }

    private void sendAdvertResettingTimer(long now) {
        sendAdvert(effectivePriority);
        arm(now + adverIntNs);
    }

    /** RFC 5798 6.4.2: a backup sets Master_Adver_Interval to the advertised interval. */
    private void adoptInterval(long intervalNs) {
        if (intervalNs != masterAdverIntNs && intervalNs > 0) {
            engine.emit(new Action.Notice(this, "advertisement interval updated from " + masterAdverIntNs / 1_000_000
                    + "ms to " + intervalNs / 1_000_000 + "ms by master"));
            masterAdverIntNs = intervalNs;
        }
    }

    /** RFC 5798 6.4.3: the sender's primary address against ours, unsigned. */
    private int compareToLocal(ReceivedPacket p) {
        byte[] src = p.rawSource();
        int n = config.addressLength();
        for (int i = 0; i < n; i++) {
            int theirs = src[i] & 0xff;
            int ours = localAddress == null ? 0 : localAddress[i] & 0xff;
            if (theirs != ours) {
                return theirs < ours ? -1 : 1;
            }
        }
        return 0;
    }

    // ---- receive validation (keepalived's vrrp_check_packet, in its order) ----

    private boolean check(ReceivedPacket p, boolean checkAddresses) {
        Advert a = p.advert();
        boolean wantAh = config.authType() == Advert.AUTH_AH;
        if (!config.ipv6() && p.hasAh() != wantAh) {
            return drop(DropReason.AH_MISMATCH, p.hasAh() ? "received AH header but auth type is not AH"
                    : "no AH header but auth type is AH");
        }
        int count = a.count();
        int expected = p.headersLength() + Advert.lengthFor(a.version(), count, config.addressLength());
        if (p.packetLength() != expected) {
            return drop(DropReason.BAD_LENGTH, "length " + p.packetLength() + ", expected " + expected);
        }
        if (!config.unicast() && p.ttl() != -1 && p.ttl() != 255) {
            return drop(DropReason.BAD_TTL, "TTL/hop limit " + p.ttl() + ", expected 255");
        }
        if (a.version() != config.version()) {
            return drop(DropReason.BAD_VERSION, "version " + a.version() + ", expected " + config.version());
        }
        if (config.version() == 2) {
            int authType = a.authType();
            if (authType != Advert.AUTH_NONE && authType != Advert.AUTH_PASS && authType != Advert.AUTH_AH) {
                return drop(DropReason.INVALID_AUTH_TYPE, "auth type " + authType);
            }
            if (authType != config.authType()) {
                return drop(DropReason.AUTH_TYPE_MISMATCH, "auth type " + authType + ", expected " + config.authType());
            }
            if (authType == Advert.AUTH_PASS && !a.authDataEquals(config.addressLength(), config.authData())) {
                return drop(DropReason.AUTH_FAILURE, "wrong password");
            }
            if (authType == Advert.AUTH_AH) {
                int next = p.buffer().get(p.ahOffset()) & 0xff;
                if (next != Advert.IP_PROTOCOL) {
                    return drop(DropReason.AH_OTHER_PROTOCOL, "AH next header " + next);
                }
                switch (ah.verify(p, config.unicast())) {
                    case BAD_DIGEST -> {
                        return drop(DropReason.AUTH_FAILURE, "invalid IPSEC HMAC-MD5 value (mutated fields or wrong password)");
                    }
                    case BAD_SPI -> {
                        return drop(DropReason.AUTH_FAILURE, "IPSEC AH SPI is not the source address");
                    }
                    case REPLAYED -> {
                        return drop(DropReason.AUTH_FAILURE, "IPSEC AH sequence number " + IpsecAh.sequenceOf(p)
                                + " already processed");
                    }
                    case OK -> {
                    }
                }
            }
            if (a.adverIntSeconds() * 1_000_000_000L != adverIntNs) {
                return drop(DropReason.INTERVAL_MISMATCH, "advert interval " + a.adverIntSeconds() + "s, ours "
                        + adverIntNs / 1_000_000_000L + "s");
            }
        }
        if (a.type() != Advert.TYPE_ADVERTISEMENT) {
            return drop(DropReason.BAD_TYPE, "type " + a.type());
        }
        if (!config.ipv6() && p.ipTotalLength() != p.packetLength()) {
            return drop(DropReason.BAD_LENGTH, "IP total length " + p.ipTotalLength() + ", received " + p.packetLength());
        }
        if (!checksumOk(p)) {
            return drop(DropReason.BAD_CHECKSUM, String.format("checksum 0x%04x", a.checksum()));
        }
        boolean multicast = p.destinationIsMulticast();
        if (multicast == config.unicast()) {
            return drop(DropReason.WRONG_CAST, config.unicast() ? "multicast advert on a unicast instance"
                    : "unicast advert on a multicast instance");
        }
        stats.advertsReceived++;
        if (checkAddresses && !addressesMatch(a)) {
            if (config.version() == 2 && a.priority() != InstanceConfig.PRIORITY_OWNER) {
                return drop(DropReason.ADDRESS_LIST, addressListText(a));
            }
            stats.addressListWarnings++;
            engine.emit(new Action.Notice(this, addressListText(a) + " - accepted"));
        }
        if (checkAddresses && config.unicast() && config.checkUnicastSource()) {
            InstanceConfig.Peer peer = peerOf(p);
            if (peer == null) {
                return drop(DropReason.NOT_A_PEER, "unicast source " + Addresses.format(p.source()) + " is not a unicast peer");
            }
            if (p.ttl() != -1 && (p.ttl() < peer.minTtl() || p.ttl() > peer.maxTtl())) {
                return drop(DropReason.BAD_TTL, "TTL/hop limit " + p.ttl() + " not in " + peer.minTtl() + "-" + peer.maxTtl());
            }
        }
        if (a.priority() == InstanceConfig.PRIORITY_STOP) {
            stats.priorityZeroReceived++;
        }
        return true;
    }

    private boolean addressesMatch(Advert a) {
        if (a.count() != config.addresses().size()) {
            return false;
        }
        // every configured address is in the advert, as keepalived checks it (order free);
        // index loops: an iterator here would be allocated once the JIT has seen lists of several shapes
        List<byte[]> addresses = config.addresses();
        for (int k = 0; k < addresses.size(); k++) {
            byte[] mine = addresses.get(k);
            boolean found = false;
            for (int i = 0; i < a.count() && !found; i++) {
                found = a.addressEquals(i, mine);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private String addressListText(Advert a) {
        return "address list mismatch: the advert has " + a.count() + " address(es), we have "
                + config.addresses().size() + (a.count() == config.addresses().size() ? ", not the same" : "");
    }

    private InstanceConfig.Peer peerOf(ReceivedPacket p) {
        List<InstanceConfig.Peer> peers = config.peers();
        for (int k = 0; k < peers.size(); k++) {
            InstanceConfig.Peer peer = peers.get(k);
            if (p.sourceEquals(peer.address())) {
                return peer;
            }
        }
        return null;
    }

    /** IPv4 VRRPv2: the message; VRRPv3: with the pseudo-header (keepalived's compatibility modes aside). */
    private boolean checksumOk(ReceivedPacket p) {
        Advert a = p.advert();
        int length = Advert.lengthFor(a.version(), a.count(), config.addressLength());
        if (config.version() == 2 || config.v3ChecksumAsV2()) {
            return a.computeV2Checksum(length) == 0;
        }
        byte[] src = p.rawSource();
        byte[] dst = p.rawDestination();
        int n = config.addressLength();
        if (!config.ipv6() && oldChecksum && config.unicast()) {
            return a.computeV3Checksum(length, src, engine.multicastGroup4(), n) == 0;
        }
        if (a.computeV3Checksum(length, src, dst, n) == 0) {
            return true;
        }
        // a keepalived before 1.3.6 sums a unicast advert as if sent to the multicast group
        if (!config.ipv6() && config.unicast() && config.oldUnicastChecksum() == InstanceConfig.OldUnicastChecksum.AUTO
                && a.computeV3Checksum(length, src, engine.multicastGroup4(), n) == 0) {
            oldChecksum = true;
            engine.emit(new Action.Notice(this, "setting unicast VRRPv3 checksum to old version"));
            return true;
        }
        return false;
    }

    private boolean drop(DropReason reason, String detail) {
        stats.drop(reason);
        engine.emit(new Action.Dropped(this, reason, detail));
        return false;
    }

    // ---- tracking ----

    /**
     * A fault source (an interface that went down, an unweighted tracker that failed) raised or
     * cleared: keepalived's down_instance / try_up_instance.
     */
    void setFault(String source, boolean failed, long now) {
        if (failed) {
            if (faults.add(source) && state != VrrpState.STOP) {
                downInstance(now);
            }
        } else if (faults.remove(source) && state != VrrpState.STOP) {
            tryUp(now);
        }
    }

    private void downInstance(long now) {
        if (faults.size() == 1 || state == VrrpState.INIT) {
            if (state == VrrpState.INIT) {
                return;   // start() puts it in FAULT
            }
            wantState = VrrpState.FAULT;
            if (state == VrrpState.MASTER) {
                leaveMaster(now, true);
            } else {
                leaveFault(now);
            }
            if (group != null && group.numMemberFault++ == 0) {
                group.syncFault(this, now);
            }
        }
    }

    private void tryUp(long now) {
        if (!faults.isEmpty() || state == VrrpState.INIT) {
            return;
        }
        if (!(wantState == VrrpState.MASTER && basePriority == InstanceConfig.PRIORITY_OWNER)) {
            wantState = VrrpState.BACKUP;
        }
        masterAdverIntNs = adverIntNs;
        boolean owner = wantState == VrrpState.MASTER && basePriority == InstanceConfig.PRIORITY_OWNER;
        msDownTimerNs = owner ? masterAdverIntNs + skew() : masterDownInterval();
        if (group != null && --group.numMemberFault > 0) {
            return;
        }
        VrrpState wanted = wantState;
        if (group != null && wantState == VrrpState.MASTER && !group.canGotoMaster(this, now)) {
            wantState = VrrpState.BACKUP;
        }
        leaveFault(now);
        initSands(now);
        wantState = wanted;
        if (group != null) {
            if (state == VrrpState.MASTER) {
                group.syncMaster(this, now);
            } else {
                group.syncBackup(this, now);
            }
        }
    }

    /**
     * A weighted tracker's contribution (a script's weight when it succeeds or fails, an
     * interface's when it is down, ...); the effective priority is the base plus all of them,
     * clamped to 1..254, and never changes for the address owner.
     */
    void setWeight(String source, int weight, long now) {
        if (weight == 0) {
            weights.remove(source);
        } else {
            weights.put(source, weight);
        }
        int total = basePriority;
        for (int w : weights.values()) {
            total += w;
        }
        if (basePriority == InstanceConfig.PRIORITY_OWNER) {
            return;
        }
        setEffectivePriority(Math.clamp(total, 1, InstanceConfig.PRIORITY_OWNER - 1));
    }

    /** keepalived's vrrp_set_effective_priority: a backup's running down timer moves by the change. */
    private void setEffectivePriority(int priority) {
        if (priority == effectivePriority) {
            return;
        }
        int old = effectivePriority;
        effectivePriority = priority;
        advert = new SendAdvert(this, priority);
        long oldDown = msDownTimerNs;
        msDownTimerNs = masterDownInterval();
        if (state == VrrpState.BACKUP && timerArmed) {
            deadline += msDownTimerNs - oldDown;
        }
        engine.emit(new Action.PriorityChanged(this, old, priority));
    }

    /** The edge learnt the interface's primary address (used when no source address is configured). */
    void setLocalAddress(byte[] address) {
        if (config.sourceAddress() == null) {
            localAddress = address == null ? null : address.clone();
        }
    }

    // ---- output ----

    private void sendAdvert(int priority) {
        stats.advertsSent++;
        if (priority == InstanceConfig.PRIORITY_STOP) {
            stats.priorityZeroSent++;
            engine.emit(stopAdvert);
        } else {
            engine.emit(priority == advert.priority() ? advert : new SendAdvert(this, priority));
        }
    }

    private void announce(int repeat) {
        if (repeat > 0 && vipSet && !config.addresses().isEmpty()) {
            engine.emit(new Action.Announce(this, repeat));
        }
    }

    private void report() {
        if (reported != state) {
            VrrpState from = reported;
            reported = state;
            engine.emit(new Action.StateChanged(this, from, state));
        }
    }

    /**
     * Writes an advertisement with {@code priority} for {@code destination} (the multicast
     * group, or one unicast peer) at {@code offset}: for IPv4 the whole datagram as sent with
     * IP_HDRINCL (IP header with TOS 0xc0 as keepalived, AH header if configured, VRRP message),
     * for IPv6 the VRRP message only. Returns the length written.
     */
    public int writeAdvert(ByteBuffer buf, int offset, int priority, byte[] destination) {
        return writeAdvert(buf, offset, priority, destination, true);
    }

    /**
     * As {@link #writeAdvert(ByteBuffer, int, int, byte[])}; with {@code newAdvert} false the
     * datagram is the same advert again for the next unicast peer: keepalived gives all the
     * datagrams of one advert the same IPv4 identification and AH sequence number.
     */
    public int writeAdvert(ByteBuffer buf, int offset, int priority, byte[] destination, boolean newAdvert) {
        byte[] source = localAddress != null ? localAddress : unknownAddress;
        int n = config.addressLength();
        int count = config.addresses().size();
        int vrrpLength = Advert.lengthFor(config.version(), count, n);
        int vrrpOffset = offset;
        int ipHeader = 0;
        if (!config.ipv6()) {
            ipHeader = ReceivedPacket.IPV4_MIN_HEADER + (ah != null ? ReceivedPacket.AH_LENGTH : 0);
            vrrpOffset = offset + ipHeader;
            int total = ipHeader + vrrpLength;
            buf.put(offset, (byte) 0x45);
            buf.put(offset + 1, (byte) 0xc0);
            buf.putShort(offset + 2, (short) total);
            if (newAdvert && ++ipId == 0x10000) {
                ipId = 1;   // 0 would let the kernel choose
            }
            buf.putShort(offset + 4, (short) ipId);
            buf.putShort(offset + 6, (short) 0);
            buf.put(offset + 8, (byte) (config.unicast() ? config.unicastTtl() : 255));
            buf.put(offset + 9, (byte) (ah != null ? ReceivedPacket.IP_PROTOCOL_AH : Advert.IP_PROTOCOL));
            buf.putShort(offset + 10, (short) 0);
            buf.put(offset + 12, source, 0, 4);
            buf.put(offset + 16, destination, 0, 4);
        }
        scratch.wrap(buf, vrrpOffset, vrrpLength)
                .versionAndType(config.version(), Advert.TYPE_ADVERTISEMENT)
                .vrid(config.vrid())
                .priority(priority)
                .count(count)
                .checksum(0);
        if (config.version() == 2) {
            scratch.authType(config.authType()).adverIntSeconds(config.advertIntervalField());
        } else {
            scratch.maxAdverIntCentis(config.advertIntervalField());
        }
        for (int i = 0; i < count; i++) {
            scratch.putAddress(i, config.addresses().get(i));
        }
        if (config.version() == 2) {
            scratch.authData(n, config.authType() == Advert.AUTH_PASS ? config.authData() : NO_PASSWORD);
            scratch.checksum(scratch.computeV2Checksum(vrrpLength));
        } else if (config.v3ChecksumAsV2()) {
            scratch.checksum(scratch.computeV2Checksum(vrrpLength));
        } else {
            byte[] pseudoDst = !config.ipv6() && config.unicast() && oldChecksum ? engine.multicastGroup4() : destination;
            scratch.checksum(scratch.computeV3Checksum(vrrpLength, source, pseudoDst, n));
        }
        if (ah != null) {
            ah.sign(buf, offset, ipHeader + vrrpLength, config.unicast(), newAdvert);
        }
        return ipHeader + vrrpLength;
    }

    @Override
    public String toString() {
        return "(" + config.name() + ")";
    }
}
