package io.jkeepalived.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.vrrp.Addresses;
import io.jkeepalived.vrrp.Advert;
import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.ReceivedPacket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real VRRP packets between two namespaces joined by a veth pair: what one socket sends the
 * other receives, with the TTL / hop limit and destination the engine checks.
 */
class VrrpSocketTest {

    private NetNs a;
    private NetNs b;

    @BeforeEach
    void lan() throws Exception {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
        a = NetNs.create("jkvsa");
        b = NetNs.create("jkvsb");
        a.ip("link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", b.name());
        a.ip("addr", "add", "10.9.0.1/24", "dev", "eth0");
        b.ip("addr", "add", "10.9.0.2/24", "dev", "eth0");
        a.ip("addr", "add", "fe80::1/64", "dev", "eth0", "nodad");
        b.ip("addr", "add", "fe80::2/64", "dev", "eth0", "nodad");
        a.ip("link", "set", "eth0", "up");
        b.ip("link", "set", "eth0", "up");
    }

    @AfterEach
    void remove() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static Instance instance(InstanceConfig c) {
        return new Engine(List.of(c), List.of(), Engine.Options.DEFAULT, x -> { }).instance(c.name());
    }

    /** Sends one advert of {@code sender} through a socket in A; checks what the socket in B received, while it is open. */
    private void roundTrip(InstanceConfig sender, byte[] group, byte[] unicastSourceA, byte[] unicastSourceB,
            byte[] destination, java.util.function.Consumer<ReceivedPacket> check) throws Exception {
        Instance i = instance(sender);
        VrrpSocket rx = b.call(() -> new VrrpSocket("eth0", sender.ipv6(), group, unicastSourceB));
        VrrpSocket tx = a.call(() -> new VrrpSocket("eth0", sender.ipv6(), group, unicastSourceA));
        try {
            int n = i.writeAdvert(tx.sendBuffer(), 0, 150, destination);
            ReceivedPacket p = new ReceivedPacket();
            int got = -1;
            // a link that has just come up may lose the first IPv6 packets: send as VRRP does, again and again
            for (int tries = 0; tries < 50 && got < 0; tries++) {
                assertThat(a.call(() -> tx.send(n, destination, sender.sourceAddress(), 255))).isZero();
                Thread.sleep(20);
                got = b.call(() -> rx.receive(p, "eth0"));
            }
            assertThat(got).as("received and parsed").isEqualTo(1);
            check.accept(p);
        } finally {
            tx.close();
            rx.close();
        }
    }

    @Test
    void aMulticastIpv4AdvertArrivesWithTtl255() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_1", 51).priority(150).address("10.0.0.3").sourceAddress("10.9.0.1").build();
        roundTrip(c, InstanceConfig.MCAST_GROUP4, null, null, InstanceConfig.MCAST_GROUP4, p -> {
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(Addresses.format(p.source())).isEqualTo("10.9.0.1");
            assertThat(p.destinationIsMulticast()).isTrue();
            Advert adv = p.advert();
            assertThat(adv.vrid()).isEqualTo(51);
            assertThat(adv.priority()).isEqualTo(150);
            assertThat(adv.computeV2Checksum(adv.length())).isZero();
            assertThat(p.buffer().get(p.packetOffset() + 1) & 0xff).as("TOS internetwork control").isEqualTo(0xc0);
        });
    }

    @Test
    void aMulticastIpv6AdvertArrivesWithHopLimitAndDestination() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_6", 52).version(3).ipv6(true).priority(150).address("2001:db8::3")
                .sourceAddress("fe80::1").build();
        roundTrip(c, InstanceConfig.MCAST_GROUP6, null, null, InstanceConfig.MCAST_GROUP6, p -> {
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(Addresses.format(p.source())).isEqualTo("fe80::1");
            assertThat(p.destinationIsMulticast()).isTrue();
            Advert adv = p.advert();
            assertThat(adv.vrid()).isEqualTo(52);
            byte[] dst = new byte[16];
            p.copyDestination(dst);
            assertThat(Addresses.format(dst)).isEqualTo("ff02::12");
            assertThat(adv.computeV3Checksum(adv.length(), p.source(), dst)).as("checksum with the pseudo-header").isZero();
        });
    }

    @Test
    void aUnicastIpv4AdvertArrivesAtThePeer() throws Exception {
        InstanceConfig c = InstanceConfig.builder("VI_1", 51).priority(150).address("10.0.0.3").sourceAddress("10.9.0.1")
                .peer("10.9.0.2").unicastTtl(255).build();
        roundTrip(c, null, Addresses.parse("10.9.0.1"), Addresses.parse("10.9.0.2"), Addresses.parse("10.9.0.2"), p -> {
            assertThat(p.destinationIsMulticast()).isFalse();
            assertThat(Addresses.format(p.source())).isEqualTo("10.9.0.1");
        });
    }

    @Test
    void aMissingInterfaceIsANamedError() throws Exception {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(LinuxException.class,
                () -> a.call(() -> new VrrpSocket("nope0", false, InstanceConfig.MCAST_GROUP4, null)));
        assertThat(e).hasMessageStartingWith("interface nope0: No such device");
    }
}
