package io.jkeepalived.bench;

import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import java.nio.ByteBuffer;
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
 * Encoding one advertisement with {@link Instance#writeAdvert}: for IPv4 the whole datagram
 * (IP header, VRRP message, checksum: VRRPv2 over the message, VRRPv3 with the pseudo-header),
 * for IPv6 the VRRP message with its pseudo-header checksum. Run with bench/vrrp-engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VrrpEncodeBenchmark {

    @Param({"V2_IPV4_PASS_1VIP", "V2_IPV4_PASS_3VIP", "V3_IPV4", "V3_IPV6"})
    public VrrpVariant variant;

    private Instance instance;
    private final ByteBuffer buffer = ByteBuffer.allocate(2048);
    private byte[] destination;
    /** A field, not a constant, so that the JIT cannot fold it into the encoder. */
    private int priority;

    @Setup(Level.Trial)
    public void setUp() {
        InstanceConfig c = variant.master();
        // an instance needs its engine, which need not be started to encode
        Engine engine = new Engine(List.of(c), List.of(), Engine.Options.DEFAULT, action -> { });
        instance = engine.instance(c.name());
        destination = c.multicastGroup();
        priority = c.priority();
    }

    @Benchmark
    public int writeAdvert() {
        return instance.writeAdvert(buffer, 0, priority, destination);
    }
}
