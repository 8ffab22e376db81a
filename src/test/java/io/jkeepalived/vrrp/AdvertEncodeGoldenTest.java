package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigFixture;
import io.jkeepalived.config.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every advert keepalived 2.2.7 put on the wire in src/test/resources/vrrp/captures (the
 * priority 0 one it sends when stopping included) is what {@link Instance#writeAdvert} writes
 * for the instance that the capture's own keepalived.conf describes, read through the real
 * configuration front end ({@link ConfigFixture#loadFile} and {@link InstanceConfigs#from}).
 *
 * <p>For IPv4 the whole datagram is compared, as keepalived hands it to a raw socket with
 * IP_HDRINCL, except the header checksum (bytes 10-11), which keepalived leaves 0 and the kernel
 * computes (raw_send_hdrinc); that the checksum of our header, once computed, is the captured one
 * is asserted separately. The identification (bytes 4-5) is compared: keepalived numbers its
 * datagrams itself from 1 (vrrp_update_pkt, never 0 so that the kernel leaves it alone), one per
 * advert, and so do we. For IPv6 keepalived writes only the VRRP message (the kernel builds the
 * IPv6 header), so the VRRP message is compared, all of it.
 */
class AdvertEncodeGoldenTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String CAPTURES = "/vrrp/captures/";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v2pass", "v2none", "v3v4", "v3v6", "unicast", "v3unicast", "ahmcast", "ahunicast"})
    void everyCapturedAdvertIsWhatWriteAdvertWritesForTheCapturesConfig(String capture) {
        List<byte[]> datagrams = Pcap.datagrams(capture + ".pcap");
        assertThat(datagrams).as("the capture holds adverts and the final priority 0 one").hasSizeGreaterThanOrEqualTo(2);
        assertThat(priorityOf(datagrams.getLast())).as("keepalived's stop advert").isZero();
        Instance instance = instanceFor(capture, sourceOf(datagrams.getFirst()));
        for (int k = 0; k < datagrams.size(); k++) {
            assertWritesTheSame(instance, datagrams.get(k), capture + " packet " + (k + 1));
        }
    }

    /**
     * ahunicast2.pcap: keepalived sends each advert to its two unicast peers with one IP
     * identification and one AH sequence number (vrrp_send_adv: vrrp_update_pkt(vrrp, prio, NULL)
     * numbers the advert, then vrrp_update_pkt(vrrp, prio, peer) only sets each peer's destination
     * and ICV). The daemon calls writeAdvert once per peer of a SendAdvert, so writeAdvert would
     * have to know whether a datagram starts a new advert or repeats it for the next peer.
     */
    @Test
    void theDatagramsOfOneAdvertToSeveralUnicastPeersShareTheIdentificationAndSequenceNumber() {
        List<byte[]> datagrams = Pcap.datagrams("ahunicast2.pcap");
        assertThat(datagrams).hasSize(12);
        Instance instance = instanceFor("ahunicast2", sourceOf(datagrams.getFirst()));
        for (int k = 0; k < datagrams.size(); k++) {
            assertWritesTheSame(instance, datagrams.get(k), "ahunicast2 advert " + (k / 2 + 1) + " to peer " + (k % 2 + 1), k % 2 == 0);
        }
    }

    /** Writes the advert of a captured datagram (its priority, its destination) and compares, as the class comment says. */
    private static void assertWritesTheSame(Instance instance, byte[] wire, String what) {
        assertWritesTheSame(instance, wire, what, true);
    }

    /** {@code newAdvert} false: the datagram repeats the previous advert for the next unicast peer. */
    private static void assertWritesTheSame(Instance instance, byte[] wire, String what, boolean newAdvert) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        int n = instance.writeAdvert(buf, 0, priorityOf(wire), destinationOf(wire), newAdvert);
        byte[] ours = Arrays.copyOf(buf.array(), n);
        if (isIpv6(wire)) {
            // the IPv6 header (40 bytes) is the kernel's; the VRRP message is all ours
            byte[] message = Arrays.copyOfRange(wire, 40, wire.length);
            assertThat(HEX.formatHex(ours)).as(what).isEqualTo(HEX.formatHex(message));
            return;
        }
        assertThat(n).as(what + " length").isEqualTo(wire.length);
        // bytes 0-9: version/IHL, TOS 0xc0, total length, identification, flags/fragment offset, TTL, protocol
        assertThat(HEX.formatHex(ours, 0, 10)).as(what + " IP header before the checksum").isEqualTo(HEX.formatHex(wire, 0, 10));
        // bytes 10-11, the header checksum, are excluded: keepalived leaves 0 and the kernel fills it in
        assertThat(ours[10] | ours[11]).as(what + " checksum left to the kernel").isZero();
        // bytes 12-end: source, destination, the AH header if any (SPI, sequence number, ICV), the VRRP message
        assertThat(HEX.formatHex(ours, 12, n)).as(what + " addresses, AH and VRRP message").isEqualTo(HEX.formatHex(wire, 12, n));
        assertThat(kernelChecksum(ours)).as(what + " header checksum once the kernel computes it")
                .isEqualTo((wire[10] & 0xff) << 8 | wire[11] & 0xff);
    }

    /** The instance of the capture's keepalived.conf, through the configuration front end, with the capture's source as local address. */
    static Instance instanceFor(String capture, byte[] source) {
        Engine engine = engineFor(capture + ".conf", a -> { });
        Instance instance = engine.instances().getFirst();
        engine.setLocalAddress(instance.name(), source);
        return instance;
    }

    /** An engine running the one instance of a configuration file in the captures folder. */
    static Engine engineFor(String conf, Engine.Sink sink) {
        LoadResult r = ConfigFixture.loadFile(Pcap.path(conf), "lb01");
        assertThat(r.hasErrors()).as(conf + " loads: " + ConfigFixture.messages(r)).isFalse();
        List<InstanceConfig> configs = InstanceConfigs.from(r.config());
        assertThat(configs).as(conf).hasSize(1);
        return new Engine(configs, InstanceConfigs.groups(r.config()), InstanceConfigs.options(r.config()), sink);
    }

    /** The kernel's IPv4 header checksum (RFC 791) over a header whose checksum field is 0. */
    private static int kernelChecksum(byte[] datagram) {
        int ihl = (datagram[0] & 0x0f) * 4;
        return InternetChecksum.finish(InternetChecksum.add(datagram, 0, ihl, 0));
    }

    static boolean isIpv6(byte[] datagram) {
        return (datagram[0] & 0xf0) == 0x60;
    }

    static byte[] sourceOf(byte[] datagram) {
        return isIpv6(datagram) ? Arrays.copyOfRange(datagram, 8, 24) : Arrays.copyOfRange(datagram, 12, 16);
    }

    static byte[] destinationOf(byte[] datagram) {
        return isIpv6(datagram) ? Arrays.copyOfRange(datagram, 24, 40) : Arrays.copyOfRange(datagram, 16, 20);
    }

    /** Offset of the VRRP message: after the IPv6 header, or the IPv4 header and the AH header (protocol 51) if any. */
    static int vrrpOffsetOf(byte[] datagram) {
        if (isIpv6(datagram)) {
            return 40;
        }
        int ihl = (datagram[0] & 0x0f) * 4;
        return (datagram[9] & 0xff) == ReceivedPacket.IP_PROTOCOL_AH ? ihl + ReceivedPacket.AH_LENGTH : ihl;
    }

    static int priorityOf(byte[] datagram) {
        return datagram[vrrpOffsetOf(datagram) + 2] & 0xff;
    }

    /** Reads the classic pcap files tcpdump -w writes (Ethernet link type), giving the IP datagram of each frame. */
    static final class Pcap {

        private static final int LINKTYPE_ETHERNET = 1;
        private static final int ETHERNET_HEADER = 14;

        private Pcap() {
        }

        static Path path(String name) {
            try {
                return Path.of(AdvertEncodeGoldenTest.class.getResource(CAPTURES + name).toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] bytes(String name) {
            try (InputStream in = AdvertEncodeGoldenTest.class.getResourceAsStream(CAPTURES + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no file " + name + " in " + CAPTURES);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String text(String name) {
            return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
        }

        static List<byte[]> datagrams(String name) {
            return datagrams(name, bytes(name));
        }

        static List<byte[]> datagrams(String name, byte[] file) {
            ByteBuffer b = ByteBuffer.wrap(file);
            int magic = b.getInt(0);
            if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
                b.order(ByteOrder.LITTLE_ENDIAN);
            } else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IllegalArgumentException(name + " is not a pcap file");
            }
            if (b.getInt(20) != LINKTYPE_ETHERNET) {
                throw new IllegalArgumentException(name + ": link type " + b.getInt(20) + ", expected Ethernet");
            }
            List<byte[]> out = new ArrayList<>();
            for (int at = 24; at < file.length; ) {
                int captured = b.getInt(at + 8);
                int original = b.getInt(at + 12);
                if (captured != original) {
                    throw new IllegalArgumentException(name + ": truncated frame");
                }
                byte[] datagram = Arrays.copyOfRange(file, at + 16 + ETHERNET_HEADER, at + 16 + captured);
                // Ethernet pads short frames: the IP length says where the datagram ends
                ByteBuffer d = ByteBuffer.wrap(datagram);
                int length = isIpv6(datagram) ? 40 + (d.getShort(4) & 0xffff) : d.getShort(2) & 0xffff;
                out.add(Arrays.copyOf(datagram, length));
                at += 16 + captured;
            }
            return out;
        }
    }
}
