package io.jkeepalived.bench;

import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.VrrpState;
import java.util.ArrayList;
import java.util.List;
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
 * The reactor's timer work with N instances on one engine, all MASTER (each alone on its VRID,
 * VRRPv2, advert_int 1, distinct priorities so that their Adver_Timers fire at distinct times):
 * <ul>
 *   <li>{@code nextDeadline}: {@code Engine.nextDeadline}, which the reactor calls before every wait;</li>
 *   <li>{@code wakeUp}: one wake-up of the reactor, {@code nextDeadline} then {@code onTimer}
 *       at that time, which sends one advert (encoded by the sink) and scans every instance.</li>
 * </ul>
 * Run with bench/vrrp-engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VrrpDeadlineBenchmark {

    /** Virtual seconds run before measuring: every instance MASTER and past its second GARP batch. */
    private static final long SETTLE_NS = 100_000_000_000L;

    @Param({"1", "50", "200"})
    public int instances;

    private Engine engine;
    private final VrrpAdvertWriter sink = new VrrpAdvertWriter();
    private long now;

    /** {@code n} lone masters, 1 to 254 (one priority each). */
    public static List<InstanceConfig> masters(int n) {
        List<InstanceConfig> configs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            configs.add(InstanceConfig.builder("VI_" + i, i % 255 + 1).socketKey("eth" + i / 255)
                    .priority(254 - i).sourceAddress("192.168.0.1").address("10.0." + i / 256 + "." + (i % 256 + 1))
                    .build());
        }
        return configs;
    }

    @Setup(Level.Trial)
    public void setUp() {
        engine = new Engine(masters(instances), List.of(), Engine.Options.DEFAULT, sink);
        engine.start(0);
        while (now < SETTLE_NS) {
            wakeUp();
        }
        if (engine.instances().stream().anyMatch(i -> i.state() != VrrpState.MASTER)) {
            throw new IllegalStateException("not every instance is MASTER");
        }
    }

    @Benchmark
    public long nextDeadline() {
        return engine.nextDeadline(now);
    }

    /** Returns the time of the wake-up. */
    @Benchmark
    public long wakeUp() {
        now = engine.nextDeadline(now);
        engine.onTimer(now);
        return now;
    }
}
