package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Adverts captured from keepalived 2.2.7 on the wire (src/test/resources/vrrp/captures) decode
 * to the fields keepalived sent, their checksums verify, and encoding the same fields gives the
 * same bytes. Vectors are the VRRP message only (after the IP header), commented byte by byte.
 */
class AdvertGoldenTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] ip(String dotted) {
        String[] p = dotted.split("\\.");
        return new byte[] {(byte) Integer.parseInt(p[0]), (byte) Integer.parseInt(p[1]), (byte) Integer.parseInt(p[2]), (byte) Integer.parseInt(p[3])};
    }

    private static Advert advert(byte[] bytes) {
        return new Advert().wrap(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    /** v2pass.pcap: seed 000's master, 10.9.0.1 -> 224.0.0.18, TTL 255. */
    static final byte[] V2_PASS = {
        0x21,                   // version 2, type 1 (advertisement)
        0x32,                   // VRID 50
        (byte) 0x96,            // priority 150
        0x01,                   // 1 address
        0x01,                   // auth type 1: simple text password
        0x01,                   // advert interval 1 s
        (byte) 0xdb, 0x65,      // checksum over the VRRP message
        0x0a, 0x00, 0x00, 0x03, // 10.0.0.3
        0x31, 0x31, 0x31, 0x31, 0x00, 0x00, 0x00, 0x00, // "1111", zero padded to 8 bytes
    };

    @Test
    void v2WithPasswordDecodes() {
        Advert a = advert(V2_PASS);
        assertThat(a.version()).isEqualTo(2);
        assertThat(a.type()).isEqualTo(Advert.TYPE_ADVERTISEMENT);
        assertThat(a.vrid()).isEqualTo(50);
        assertThat(a.priority()).isEqualTo(150);
        assertThat(a.count()).isEqualTo(1);
        assertThat(a.authType()).isEqualTo(Advert.AUTH_PASS);
        assertThat(a.adverIntSeconds()).isEqualTo(1);
        assertThat(a.checksum()).isEqualTo(0xdb65);
        assertThat(a.addressEquals(0, ip("10.0.0.3"))).isTrue();
        assertThat(a.authDataEquals(4, "1111".getBytes())).isTrue();
        assertThat(a.authDataEquals(4, "1112".getBytes())).isFalse();
        assertThat(a.computeV2Checksum(V2_PASS.length)).as("a correct checksum sums to zero").isZero();
    }

    @Test
    void v2WithPasswordEncodesToTheSameBytes() {
        byte[] out = new byte[Advert.lengthFor(2, 1, 4)];
        Advert a = advert(out).versionAndType(2, 1).vrid(50).priority(150).count(1).authType(Advert.AUTH_PASS)
                .adverIntSeconds(1).putAddress(0, ip("10.0.0.3")).authData(4, "1111".getBytes());
        a.checksum(a.computeV2Checksum(out.length));
        assertThat(HEX.formatHex(out)).isEqualTo(HEX.formatHex(V2_PASS));
    }

    /** v2pass.pcap, last packet: keepalived stopping sends priority 0. */
    static final byte[] V2_PASS_STOP = HEX.parseHex("213200010101716" + "60a0000033131313100000000");

    @Test
    void priorityZeroOnStopAndItsChecksumIsAnIncrementalUpdate() {
        Advert a = advert(V2_PASS_STOP);
        assertThat(a.priority()).isZero();
        assertThat(a.computeV2Checksum(V2_PASS_STOP.length)).isZero();
        // changing the priority word 0x9601 to 0x0001 updates 0xdb65 to 0x7166 (RFC 1624)
        assertThat(InternetChecksum.update(0xdb65, 0x9601, 0x0001)).isEqualTo(0x7166);
    }

    /** v2none.pcap: seed 004's sample, three VIPs, no authentication. */
    static final byte[] V2_NONE = {
        0x21, 0x33, 0x64, 0x03,             // v2 advert, VRID 51, priority 100, 3 addresses
        0x00, 0x01, (byte) 0xe0, (byte) 0x98, // no auth, 1 s, checksum 0xe098
        (byte) 0xc0, (byte) 0xa8, (byte) 0xc8, 0x10, // 192.168.200.16
        (byte) 0xc0, (byte) 0xa8, (byte) 0xc8, 0x11, // 192.168.200.17
        (byte) 0xc0, (byte) 0xa8, (byte) 0xc8, 0x12, // 192.168.200.18
        0, 0, 0, 0, 0, 0, 0, 0,             // authentication data, unused, zero
    };

    @Test
    void v2WithoutAuthenticationDecodesAndEncodes() {
        Advert a = advert(V2_NONE);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.authType()).isEqualTo(Advert.AUTH_NONE);
        assertThat(a.addressEquals(2, ip("192.168.200.18"))).isTrue();
        assertThat(a.computeV2Checksum(V2_NONE.length)).isZero();
        byte[] out = new byte[V2_NONE.length];
        Advert b = advert(out).versionAndType(2, 1).vrid(51).priority(100).count(3).authType(0).adverIntSeconds(1)
                .putAddress(0, ip("192.168.200.16")).putAddress(1, ip("192.168.200.17")).putAddress(2, ip("192.168.200.18"));
        b.checksum(b.computeV2Checksum(out.length));
        assertThat(out).isEqualTo(V2_NONE);
    }

    /** v3v4.pcap: VRRPv3 over IPv4, 10.9.0.1 -> 224.0.0.18, advert_int 0.5. */
    static final byte[] V3_V4 = {
        0x31,                   // version 3, type 1
        0x34,                   // VRID 52
        (byte) 0xc8,            // priority 200
        0x02,                   // 2 addresses
        0x00, 0x32,             // reserved 0, max advert interval 50 centiseconds
        0x07, 0x31,             // checksum, with the IPv4 pseudo-header
        0x0a, 0x00, 0x00, 0x64, // 10.0.0.100
        0x0a, 0x00, 0x00, 0x65, // 10.0.0.101
    };

    @Test
    void v3OverIpv4UsesThePseudoHeader() {
        Advert a = advert(V3_V4);
        assertThat(a.version()).isEqualTo(3);
        assertThat(a.maxAdverIntCentis()).isEqualTo(50);
        assertThat(a.intervalCentis()).isEqualTo(50);
        assertThat(a.computeV3Checksum(V3_V4.length, ip("10.9.0.1"), ip("224.0.0.18"))).isZero();
        assertThat(a.computeV2Checksum(V3_V4.length)).as("without the pseudo-header it does not verify").isNotZero();
        byte[] out = new byte[V3_V4.length];
        Advert b = advert(out).versionAndType(3, 1).vrid(52).priority(200).count(2).maxAdverIntCentis(50)
                .putAddress(0, ip("10.0.0.100")).putAddress(1, ip("10.0.0.101"));
        b.checksum(b.computeV3Checksum(out.length, ip("10.9.0.1"), ip("224.0.0.18")));
        assertThat(out).isEqualTo(V3_V4);
    }

    /** v3v6.pcap: VRRPv3 over IPv6, fe80::1 -> ff02::12, priority 254, fe80::53 and 2001:db8::53. */
    static final byte[] V3_V6 = HEX.parseHex(
            "3135fe02"                           // v3 advert, VRID 53, priority 254, 2 addresses
            + "0064a554"                         // 100 centiseconds, checksum 0xa554
            + "fe800000000000000000000000000053" // fe80::53
            + "20010db8000000000000000000000053"); // 2001:db8::53

    @Test
    void v3OverIpv6UsesTheIpv6PseudoHeader() {
        Advert a = advert(V3_V6);
        assertThat(a.priority()).isEqualTo(254);
        assertThat(a.maxAdverIntCentis()).isEqualTo(100);
        byte[] src = HEX.parseHex("fe800000000000000000000000000001");
        byte[] dst = HEX.parseHex("ff020000000000000000000000000012");
        assertThat(a.computeV3Checksum(V3_V6.length, src, dst)).isZero();
        assertThat(a.addressEquals(1, HEX.parseHex("20010db8000000000000000000000053"))).isTrue();
    }

    /** v3unicast.pcap: VRRPv3 unicast, 10.9.0.1 -> 10.9.0.2: the pseudo-header has the peer's address. */
    static final byte[] V3_UNICAST = HEX.parseHex("3136640100648361c0a811c9");

    @Test
    void v3UnicastChecksumUsesThePeerAsDestination() {
        Advert a = advert(V3_UNICAST);
        assertThat(a.computeV3Checksum(V3_UNICAST.length, ip("10.9.0.1"), ip("10.9.0.2"))).isZero();
        assertThat(a.computeV3Checksum(V3_UNICAST.length, ip("10.9.0.1"), ip("224.0.0.18")))
                .as("keepalived before 1.3.6 used the multicast group (old_unicast_checksum)").isNotZero();
    }

    /** unicast.pcap: VRRPv2 unicast, same message as multicast (v2 has no pseudo-header). */
    static final byte[] V2_UNICAST = HEX.parseHex("2133640101" + "0144f7c0a811c83131313100000000");

    @Test
    void v2UnicastChecksumIgnoresAddresses() {
        assertThat(advert(V2_UNICAST).computeV2Checksum(V2_UNICAST.length)).isZero();
    }

    /** ahmcast.pcap: VRRPv2 with IPsec AH; the VRRP message after the 24-byte AH header. */
    static final byte[] V2_AH = {
        0x21, 0x37, (byte) 0x96, 0x01,      // v2 advert, VRID 55, priority 150, 1 address
        0x02, 0x01, 0x3c, (byte) 0x8f,      // auth type 2 (IPsec AH), 1 s, checksum 0x3c8f
        0x0a, 0x00, 0x00, 0x37,             // 10.0.0.55
        0, 0, 0, 0, 0, 0, 0, 0,             // authentication data: zero, the password is in the AH ICV
    };

    @Test
    void v2WithAhCarriesNoPasswordInTheMessage() {
        Advert a = advert(V2_AH);
        assertThat(a.authType()).isEqualTo(Advert.AUTH_AH);
        assertThat(a.vrid()).isEqualTo(55);
        assertThat(a.addressEquals(0, ip("10.0.0.55"))).isTrue();
        assertThat(a.authDataEquals(4, new byte[8])).isTrue();
        assertThat(a.computeV2Checksum(V2_AH.length)).isZero();
    }
}
