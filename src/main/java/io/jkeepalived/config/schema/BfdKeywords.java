package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.BfdValues;
import io.jkeepalived.config.value.TrackValues.Weight;
import io.jkeepalived.config.value.Types;
import java.net.InetAddress;
import java.time.Duration;

/**
 * The keywords of bfd_instance (keepalived.conf(5), "BFD CONFIGURATION"), with the ranges of the
 * keepalived 2.2.7 binary: intervals in milliseconds with up to three decimals. The default TTL
 * depends on the neighbor's family (255 for IPv4, 64 for IPv6) and is filled in by validation.
 */
public final class BfdKeywords {

    private BfdKeywords() {
    }

    public static final BlockSpec BFD_INSTANCE = new BlockSpec("bfd_instance", Feature.BFD);

    public static final Keyword.Value<InetAddress> NEIGHBOR_IP = BFD_INSTANCE
            .value("neighbor_ip", BfdValues.address("neighbor")).alias("neighbour_ip").since("1.3.0")
            .doc("the BFD peer's address (required)");
    public static final Keyword.Value<InetAddress> SOURCE_IP = BFD_INSTANCE
            .value("source_ip", BfdValues.address("source")).since("1.3.0")
            .readsParameterBlindly()
            .doc("local address to send from, of the neighbor's family");
    public static final Keyword.Value<Duration> MIN_RX = BFD_INSTANCE
            .value("min_rx", BfdValues.MIN_INTERVAL).defaultsTo(Duration.ofMillis(10)).since("1.3.0")
            .readsParameterBlindly()
            .doc("required minimum receive interval, ms 1..4294967 with microsecond resolution");
    public static final Keyword.Value<Duration> MIN_TX = BFD_INSTANCE
            .value("min_tx", BfdValues.MIN_INTERVAL).defaultsTo(Duration.ofMillis(10)).since("1.3.0")
            .readsParameterBlindly()
            .doc("desired minimum transmit interval, ms 1..4294967");
    public static final Keyword.Value<Duration> IDLE_TX = BFD_INSTANCE
            .value("idle_tx", BfdValues.IDLE_INTERVAL).defaultsTo(Duration.ofMillis(1000)).since("1.3.0")
            .readsParameterBlindly()
            .doc("transmit interval while the session is down, ms 1000..4294967");
    public static final Keyword.Value<Integer> MULTIPLIER = BFD_INSTANCE
            .value("multiplier", Types.integer(1, 255)).defaultsTo(5).since("1.3.0")
            .readsParameterBlindly()
            .doc("missed packets before the session is declared down, 1..255");
    public static final Keyword.Value<Boolean> PASSIVE = BFD_INSTANCE
            .value("passive", Types.flag()).since("1.3.0")
            .doc("wait for the neighbor to start the session");
    public static final Keyword.Value<Integer> TTL = BFD_INSTANCE
            .value("ttl", Types.integer(1, 255)).alias("hoplimit")
            .readsParameterBlindly()
            .doc("outgoing TTL / hop limit, 1..255 (default 255 for IPv4, 64 for IPv6)");
    public static final Keyword.Value<Integer> MAX_HOPS = BFD_INSTANCE
            .value("max_hops", Types.integer(BfdValues.MAX_HOPS_UNCHECKED, 255)).defaultsTo(0)
            .readsParameterBlindly()
            .doc("maximum TTL / hop limit reduction accepted, -1..255 (-1 or 255: not checked; at most ttl)");
    public static final Keyword.Value<Weight> WEIGHT = BFD_INSTANCE
            .value("weight", BfdValues.WEIGHT).defaultsTo(Weight.of(0))
            .readsParameterBlindly()
            .doc("default weight of track_bfd, -253..253 [reverse]; 0: down means FAULT");
    public static final Keyword.Value<Boolean> VRRP = BFD_INSTANCE
            .value("vrrp", Types.flag())
            .doc("send this instance's events to the VRRP process only (unless checker is also given)");
    public static final Keyword.Value<Boolean> CHECKER = BFD_INSTANCE
            .value("checker", Types.flag())
            .doc("send this instance's events to the checker process only (unless vrrp is also given)");
}
