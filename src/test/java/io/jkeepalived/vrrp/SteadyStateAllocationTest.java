package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkeepalived.bench.VrrpAdvertWriter;
import io.jkeepalived.bench.VrrpPair;
import io.jkeepalived.bench.VrrpVariant;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The steady state of a virtual router allocates nothing (DESIGN.md principle 2: nothing on the
 * reactor thread "allocates per packet in steady state"): a backup receiving its master's valid
 * adverts, and a master whose Adver_Timer fires and that sends its advert, encoded by the sink
 * into a reused buffer as the daemon's edge will.
 *
 * <p>How it is measured: the bytes this thread allocated
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, exact to the byte:
 * HotSpot counts the used part of the current TLAB) across {@value #MEASURED} iterations, after
 * {@value #WARM_UP} iterations to get the path compiled by C2, whose escape analysis removes the
 * short-lived objects the Java code asks for (the iterator over the engine's instance list, ...).
 * Before any of that, every kind of virtual router runs ({@link VrrpPair#warmUpAllVariants}), so
 * that the code is compiled with the type profiles of a daemon that runs them side by side,
 * whatever tests run and in which order.
 *
 * <p>No slack is allowed: reading the counter itself allocates nothing
 * ({@link #readingTheCounterAllocatesNothing}). A round that still sees bytes is retried, up to
 * {@value #ROUNDS} rounds, because a compilation may finish, or a rarely taken branch (the IPv4
 * identification wrapping at 65,536) deoptimise and recompile, in the middle of a round; an
 * allocation on the path itself shows in every round, as
 * {@link #theMeasurementSeesASinkThatAllocates} and {@link #theMeasurementSeesTheEngineAllocating}
 * show.
 */
class SteadyStateAllocationTest {

    static final int WARM_UP = 100_000;
    static final int MEASURED = 100_000;
    static final int ROUNDS = 5;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Runs {@code n} iterations of a path. */
    @FunctionalInterface
    interface Path {
        void run(int n);
    }

    @BeforeAll
    static void allocationCountingIsOnAndEveryKindOfRouterHasRun() {
        assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
        THREADS.setThreadAllocatedMemoryEnabled(true);
        THREADS.getCurrentThreadAllocatedBytes();   // loads whatever the first call needs
        VrrpPair.warmUpAllVariants(WARM_UP / 10);
    }

    /** The fewest bytes allocated by {@value #MEASURED} iterations in any round, after warming up. */
    static long allocatedBytes(Path path) {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && least > 0; round++) {
            path.run(WARM_UP);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            path.run(MEASURED);
            long after = THREADS.getCurrentThreadAllocatedBytes();
            least = Math.min(least, after - before);
        }
        return least;
    }

    static void assertAllocatesNothing(String what, Path path) {
        assertThat(allocatedBytes(path)).as("bytes allocated by %,d iterations of %s", MEASURED, what).isZero();
    }

    static void backupReceives(VrrpPair pair, int n) {
        for (int i = 0; i < n; i++) {
            pair.backupReceives();
            pair.backupEngine.nextDeadline(pair.backupNow());   // the reactor's next wait
        }
    }

    static void masterSends(VrrpPair pair, int n) {
        for (int i = 0; i < n; i++) {
            pair.masterSends();
        }
    }

    @ParameterizedTest
    @EnumSource(VrrpVariant.class)
    void aBackupReceivingItsMastersAdvertsAllocatesNothing(VrrpVariant variant) {
        assertBackupReceivesWithoutAllocating(new VrrpPair(variant));
    }

    /**
     * The rest of the receive path (decode, lookup by VRID, keepalived's checks of length, TTL,
     * version, password, interval and checksum, the Master_Down_Timer) allocates nothing: with
     * skip_check_adv_addr a backup checks the address list only when the master changes, and
     * without check_unicast_src (keepalived's default) it does not look the source up among its
     * peers, so neither of the loops the disabled test above trips on runs.
     */
    @ParameterizedTest
    @EnumSource(VrrpVariant.class)
    void aBackupSkippingTheAddressAndPeerChecksAllocatesNothing(VrrpVariant variant) {
        InstanceConfig backup = variant.backupBuilder().skipCheckAdvertAddresses(true).checkUnicastSource(false).build();
        assertBackupReceivesWithoutAllocating(new VrrpPair(variant, backup));
    }

    private static void assertBackupReceivesWithoutAllocating(VrrpPair pair) {
        pair.requireSteady();
        long received = pair.backup.stats().advertsReceived();
        long others = pair.backupSink.others();

        assertAllocatesNothing("a backup receiving adverts (" + pair.variant + ")", n -> backupReceives(pair, n));

        // the path measured is the one meant: every advert accepted, nothing else happening
        assertThat(pair.backup.stats().advertsReceived() - received).isGreaterThanOrEqualTo(2L * MEASURED);
        assertThat(pair.backup.stats().drops()).isZero();
        assertThat(pair.backupSink.others()).isEqualTo(others);
        assertThat(pair.backup.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(pair.backup.masterPriority()).isEqualTo(VrrpVariant.MASTER_PRIORITY);
    }

    @ParameterizedTest
    @EnumSource(VrrpVariant.class)
    void aMasterSendingItsAdvertsAllocatesNothing(VrrpVariant variant) {
        VrrpPair pair = new VrrpPair(variant).requireSteady();
        long adverts = pair.masterSink.adverts();
        long others = pair.masterSink.others();

        assertAllocatesNothing("a master sending adverts (" + variant + ")", n -> masterSends(pair, n));

        // one SendAdvert per timer, encoded once per destination (the group, or each peer), and nothing else
        long sent = pair.masterSink.adverts() - adverts;
        assertThat(sent).isGreaterThanOrEqualTo(2L * MEASURED);
        assertThat(pair.master.stats().advertsSent()).isEqualTo(pair.masterSink.adverts());
        assertThat(pair.masterSink.datagrams()).isEqualTo(pair.masterSink.adverts() * Math.max(1, variant.peers()));
        assertThat(pair.masterSink.others()).isEqualTo(others);
        assertThat(pair.master.state()).isEqualTo(VrrpState.MASTER);
    }

    /**
     * VRRPv2 with auth_type AH: the master signs each advert (HMAC-MD5-96 over the datagram) and
     * the backup verifies it. Each advert must be freshly signed (the backup drops a sequence
     * number it has seen), so one iteration is the master sending and the backup receiving what
     * it sent.
     */
    @Test
    void anIpsecAhMasterAndBackupExchangeAdvertsWithoutAllocating() {
        byte[] key = "secret".getBytes(StandardCharsets.ISO_8859_1);
        InstanceConfig masterConfig = InstanceConfig.builder("VI_1", 51).priority(150).startAsMaster(true)
                .sourceAddress("192.168.1.1").address("192.168.1.101").auth(Advert.AUTH_AH, key).build();
        InstanceConfig backupConfig = InstanceConfig.builder("VI_1", 51).priority(100)
                .sourceAddress("192.168.1.2").address("192.168.1.101").auth(Advert.AUTH_AH, key).build();
        VrrpAdvertWriter masterSink = new VrrpAdvertWriter();
        VrrpAdvertWriter backupSink = new VrrpAdvertWriter();
        Engine masterEngine = new Engine(List.of(masterConfig), List.of(), Engine.Options.DEFAULT, masterSink);
        Engine backupEngine = new Engine(List.of(backupConfig), List.of(), Engine.Options.DEFAULT, backupSink);
        Instance backup = backupEngine.instance("VI_1");
        ReceivedPacket packet = new ReceivedPacket();
        long[] now = {0};
        masterEngine.start(0);
        backupEngine.start(0);
        Path exchange = n -> {
            for (int i = 0; i < n; i++) {
                now[0] = masterEngine.nextDeadline(now[0]);
                masterEngine.onTimer(now[0]);
                boolean parsed = packet.ipv4("eth0", masterSink.buffer(), 0, masterSink.lastLength());
                backupEngine.receive(packet, parsed, now[0]);
            }
        };
        exchange.run(WARM_UP);   // the master takes over (its first timer), the backup follows it
        long received = backup.stats().advertsReceived();

        long bytes = allocatedBytes(exchange);

        assertThat(backup.stats().advertsReceived() - received).isGreaterThanOrEqualTo(2L * MEASURED);
        assertThat(backup.stats().drops()).isZero();
        assertThat(backup.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(bytes).as("bytes allocated by %,d AH adverts signed and verified", MEASURED).isZero();
    }

    @Test
    void readingTheCounterAllocatesNothing() {
        assertThat(allocatedBytes(n -> { })).isZero();
    }

    @Test
    void theMeasurementSeesASinkThatAllocates() {
        VrrpPair pair = new VrrpPair(VrrpVariant.V3_IPV4).requireSteady();
        AllocatingSink allocating = new AllocatingSink(pair.masterSink);
        pair.masterEngine.sink(allocating);

        // a 64-byte array per advert: at least 64 bytes of payload each, whatever the header
        assertThat(allocatedBytes(n -> masterSends(pair, n))).isGreaterThanOrEqualTo(64L * MEASURED);
        assertThatThrownBy(() -> assertAllocatesNothing("an allocating sink", n -> masterSends(pair, n)))
                .isInstanceOf(AssertionError.class);
        assertThat(allocating.last).hasSize(64);
    }

    /**
     * A backup with a higher priority than the master's, which preempts: each advert is ignored
     * with a notice naming the sender (keepalived's "received lower priority ... discarding"),
     * a string built per advert, which the measurement must see.
     */
    @Test
    void theMeasurementSeesTheEngineAllocating() {
        VrrpVariant variant = VrrpVariant.V2_IPV4_PASS_1VIP;
        VrrpPair pair = new VrrpPair(variant, variant.backup(VrrpVariant.MASTER_PRIORITY + 50));
        long notices = pair.backupSink.others();

        assertThatThrownBy(() -> assertAllocatesNothing("a preempting backup", n -> backupReceives(pair, n)))
                .isInstanceOf(AssertionError.class);
        assertThat(pair.backupSink.others() - notices).isGreaterThanOrEqualTo(2L * MEASURED);
    }

    /** Passes everything on, and allocates 64 bytes per advert, kept where escape analysis cannot remove it. */
    private static final class AllocatingSink implements Engine.Sink {
        private final Engine.Sink next;
        byte[] last;

        AllocatingSink(Engine.Sink next) {
            this.next = next;
        }

        @Override
        public void accept(Action action) {
            last = new byte[64];
            next.accept(action);
        }
    }
}
