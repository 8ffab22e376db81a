package io.jkeepalived.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two things a running virtual router does all day (see {@link VrrpPair}):
 * <ul>
 *   <li>{@code backupReceivesAdvert}: decode (fill the ReceivedPacket from the datagram) and
 *       {@code Engine.receive} of the master's valid advert by the BACKUP: lookup by socket and
 *       VRID, keepalived's vrrp_check_packet validation (length, TTL, version, auth, interval,
 *       checksum, address list, unicast peer), restarting the Master_Down_Timer;</li>
 *   <li>{@code masterSendsAdvert}: {@code Engine.nextDeadline} and {@code Engine.onTimer} of the
 *       MASTER whose Adver_Timer is due, and the sink encoding the SendAdvert for each
 *       destination into a reused buffer, as the daemon will.</li>
 * </ul>
 * The clocks are virtual: each operation is one advert interval later than the last. Both
 * should allocate nothing (run with {@code -prof gc}: gc.alloc.rate.norm is bytes per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VrrpSteadyStateBenchmark {

    @Param({"V2_IPV4_PASS_1VIP", "V2_IPV4_PASS_3VIP", "V2_IPV4_UNICAST", "V3_IPV4", "V3_IPV4_UNICAST",
            "V3_IPV4_UNICAST_3PEERS", "V3_IPV6", "V3_IPV6_UNICAST"})
    public VrrpVariant variant;

    /**
     * mixed: before measuring, run every variant (as a daemon with all kinds of instances does),
     * so that the code is compiled with the type profiles it has in the daemon; single: only
     * this variant (a best case the daemon does not see).
     */
    @Param({"mixed"})
    public String profile;

    private VrrpPair pair;

    @Setup(Level.Trial)
    public void setUp() {
        if (profile.equals("mixed")) {
            VrrpPair.warmUpAllVariants(20_000);
        } else if (!profile.equals("single")) {
            throw new IllegalArgumentException("profile: mixed or single, not " + profile);
        }
        pair = new VrrpPair(variant).requireSteady();
    }

    /** Returns the backup's new Master_Down_Timer deadline. */
    @Benchmark
    public long backupReceivesAdvert() {
        return pair.backupReceives();
    }

    /** Returns the time the master's timer fired at; the datagram is in the sink's buffer. */
    @Benchmark
    public long masterSendsAdvert() {
        return pair.masterSends();
    }
}
