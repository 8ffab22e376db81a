package io.jkeepalived.bench;

import io.jkeepalived.vrrp.Addresses;
import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.ReceivedPacket;
import io.jkeepalived.vrrp.VrrpState;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One virtual router in its steady state, on two engines with virtual clocks: the master's
 * Adver_Timer fires and it sends its advert ({@link #masterSends}); the backup receives that
 * advert and restarts its Master_Down_Timer ({@link #backupReceives}). The advert the backup
 * receives was encoded once by the master's real encoder; each receive refills the reusable
 * {@link ReceivedPacket} from those bytes, as the daemon's edge refills it from the socket.
 * Shared by the VRRP benchmarks and SteadyStateAllocationTest, so that both measure the same path.
 */
public final class VrrpPair {

    /** Timer rounds and adverts run before the pair counts as steady (past the second GARP batch, 5 s). */
    private static final int SETTLE = 100;

    public final VrrpVariant variant;
    public final Engine masterEngine;
    public final Instance master;
    public final VrrpAdvertWriter masterSink = new VrrpAdvertWriter();
    public final Engine backupEngine;
    public final Instance backup;
    public final VrrpAdvertWriter backupSink = new VrrpAdvertWriter();

    private final ReceivedPacket packet = new ReceivedPacket();
    private final ByteBuffer received = ByteBuffer.allocate(2048);
    private final int receivedLength;
    private final String socketKey;
    private final byte[] source;
    private final byte[] destination;
    private final long intervalNs;
    private long masterNow;
    private long backupNow;

    public VrrpPair(VrrpVariant variant) {
        this(variant, variant.backup());
    }

    /** With another backup configuration (for instance one that preempts the master). */
    public VrrpPair(VrrpVariant variant, InstanceConfig backupConfig) {
        this.variant = variant;
        InstanceConfig masterConfig = variant.master();
        masterEngine = new Engine(List.of(masterConfig), List.of(), Engine.Options.DEFAULT, masterSink);
        master = masterEngine.instance(VrrpVariant.MASTER);
        backupEngine = new Engine(List.of(backupConfig), List.of(), Engine.Options.DEFAULT, backupSink);
        backup = backupEngine.instance(VrrpVariant.BACKUP);
        intervalNs = masterConfig.advertIntervalNs();
        socketKey = backupConfig.socketKey();
        source = Addresses.parse(variant.routerAddress(0));
        destination = variant.unicast() ? Addresses.parse(variant.routerAddress(1)) : masterConfig.multicastGroup();

        masterEngine.start(0);
        while (master.state() != VrrpState.MASTER) {
            masterSends();
        }
        for (int i = 0; i < SETTLE; i++) {
            masterSends();
        }
        // what the master puts on the wire, as the backup's socket returns it
        receivedLength = master.writeAdvert(received, 0, masterConfig.priority(), destination);

        backupEngine.start(0);
        for (int i = 0; i < SETTLE; i++) {
            backupReceives();
        }
    }

    /**
     * The master's Adver_Timer fires (RFC 5798 6.4.3): the engine emits SendAdvert and the sink
     * encodes it for each destination. Returns the time it fired at.
     */
    public long masterSends() {
        masterNow = masterEngine.nextDeadline(masterNow);
        masterEngine.onTimer(masterNow);
        return masterNow;
    }

    /**
     * One advert of the master reaches the backup, one advert interval after the last: the edge
     * fills the packet (decode), the engine validates it and restarts the Master_Down_Timer
     * (RFC 5798 6.4.2). Returns the backup's new deadline.
     */
    public long backupReceives() {
        backupNow += intervalNs;
        boolean parsed = variant.ipv6()
                ? packet.ipv6(socketKey, received, 0, receivedLength, source, destination, 255)
                : packet.ipv4(socketKey, received, 0, receivedLength);
        backupEngine.receive(packet, parsed, backupNow);
        return backup.deadline();
    }

    /**
     * Runs both paths of every variant {@code iterations} times, so that the JIT's type profiles
     * are those of a daemon running all kinds of instances side by side (one VIP and three, one
     * peer and three, IPv4 and IPv6): code compiled after a single kind may avoid allocations
     * that the same code compiled in the daemon does not.
     */
    public static void warmUpAllVariants(int iterations) {
        for (VrrpVariant v : VrrpVariant.values()) {
            VrrpPair pair = new VrrpPair(v).requireSteady();
            for (int i = 0; i < iterations; i++) {
                pair.backupReceives();
                pair.masterSends();
            }
        }
    }

    /** The backup's clock (the time of the last advert it received). */
    public long backupNow() {
        return backupNow;
    }

    /** The master's clock (the time its timer last fired). */
    public long masterNow() {
        return masterNow;
    }

    /** Throws unless the pair is in the steady state the benchmarks mean to measure. */
    public VrrpPair requireSteady() {
        long received0 = backup.stats().advertsReceived();
        long others0 = backupSink.others();
        long sent0 = masterSink.adverts();
        backupReceives();
        masterSends();
        if (master.state() != VrrpState.MASTER || backup.state() != VrrpState.BACKUP
                || backup.stats().advertsReceived() != received0 + 1 || backupSink.others() != others0
                || masterSink.adverts() != sent0 + 1 || backup.stats().drops() != 0) {
            throw new IllegalStateException(variant + " is not in the steady state: master " + master.state()
                    + ", backup " + backup.state() + ", drops " + backup.stats().drops());
        }
        return this;
    }
}
