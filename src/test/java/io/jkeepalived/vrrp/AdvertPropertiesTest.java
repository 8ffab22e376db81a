package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The codec over the whole field space: what is written is read back, every written checksum
 * verifies, and the VRRPv3 checksum equals one computed independently over the RFC's
 * pseudo-header laid out byte by byte (RFC 5798 5.2.8 / RFC 8200 8.1 for IPv6, RFC 768's
 * layout for IPv4).
 */
class AdvertPropertiesTest {

    @Property(tries = 500)
    void fieldsRoundTrip(@ForAll @IntRange(min = 2, max = 3) int version, @ForAll @IntRange(min = 1, max = 255) int vrid,
            @ForAll @IntRange(min = 0, max = 255) int priority, @ForAll @Size(max = 20) byte[][] addresses4,
            @ForAll @IntRange(min = 1, max = 4095) int interval, @ForAll @IntRange(min = 0, max = 2) int authType) {
        int n = addresses4.length;
        byte[] buf = new byte[Advert.lengthFor(version, n, 4)];
        Advert a = new Advert().wrap(ByteBuffer.wrap(buf), 0, buf.length).versionAndType(version, 1).vrid(vrid)
                .priority(priority).count(n);
        if (version == 2) {
            a.authType(authType).adverIntSeconds(interval & 0xff);
        } else {
            a.maxAdverIntCentis(interval);
        }
        for (int i = 0; i < n; i++) {
            a.putAddress(i, four(addresses4[i]));
        }
        Advert r = new Advert().wrap(ByteBuffer.wrap(buf), 0, buf.length);
        assertThat(r.version()).isEqualTo(version);
        assertThat(r.type()).isEqualTo(1);
        assertThat(r.vrid()).isEqualTo(vrid);
        assertThat(r.priority()).isEqualTo(priority);
        assertThat(r.count()).isEqualTo(n);
        if (version == 2) {
            assertThat(r.authType()).isEqualTo(authType);
            assertThat(r.adverIntSeconds()).isEqualTo(interval & 0xff);
        } else {
            assertThat(r.maxAdverIntCentis()).isEqualTo(interval);
            assertThat(buf[4] & 0xf0).as("reserved bits are zero").isZero();
        }
        for (int i = 0; i < n; i++) {
            assertThat(r.addressEquals(i, four(addresses4[i]))).isTrue();
        }
    }

    private static byte[] four(byte[] any) {
        byte[] a = new byte[4];
        System.arraycopy(any, 0, a, 0, Math.min(4, any.length));
        return a;
    }

    @Property(tries = 500)
    void aWrittenV2ChecksumVerifies(@ForAll @Size(min = 12, max = 300) byte[] message) {
        int length = message.length & ~1;
        ByteBuffer buf = ByteBuffer.wrap(message.clone());
        Advert a = new Advert().wrap(buf, 0, length).checksum(0);
        int expected = referenceChecksum(buf.array(), 0, length, new byte[0]);
        a.checksum(a.computeV2Checksum(length));
        assertThat(a.checksum()).isEqualTo(expected);
        assertThat(a.computeV2Checksum(length)).as("a message with its checksum sums to zero").isZero();
    }

    @Property(tries = 500)
    void theVrrpV3ChecksumIsOverTheRfcPseudoHeader(@ForAll @Size(min = 12, max = 300) byte[] message,
            @ForAll @Size(min = 16, max = 16) byte[] src, @ForAll @Size(min = 16, max = 16) byte[] dst, @ForAll boolean ipv6) {
        int length = message.length & ~1;
        int n = ipv6 ? 16 : 4;
        ByteBuffer buf = ByteBuffer.wrap(message.clone());
        Advert a = new Advert().wrap(buf, 0, length).checksum(0);
        byte[] s = java.util.Arrays.copyOf(src, n);
        byte[] d = java.util.Arrays.copyOf(dst, n);
        int sum = a.computeV3Checksum(length, s, d);
        byte[] pseudo;
        if (ipv6) {
            // source, destination, 32-bit upper-layer length, 3 zero bytes, next header 112
            pseudo = ByteBuffer.allocate(40).put(s).put(d).putInt(length).put(new byte[3]).put((byte) 112).array();
        } else {
            // source, destination, zero, protocol 112, 16-bit length
            pseudo = ByteBuffer.allocate(12).put(s).put(d).put((byte) 0).put((byte) 112).putShort((short) length).array();
        }
        assertThat(sum).isEqualTo(referenceChecksum(buf.array(), 0, length, pseudo));
        a.checksum(sum);
        assertThat(a.computeV3Checksum(length, s, d)).isZero();
    }

    /** RFC 1071, straight from the definition: 32-bit accumulation of 16-bit words, then fold. */
    static int referenceChecksum(byte[] data, int offset, int length, byte[] pseudo) {
        long sum = 0;
        byte[] all = new byte[pseudo.length + length];
        System.arraycopy(pseudo, 0, all, 0, pseudo.length);
        System.arraycopy(data, offset, all, pseudo.length, length);
        for (int i = 0; i < all.length; i += 2) {
            int hi = all[i] & 0xff;
            int lo = i + 1 < all.length ? all[i + 1] & 0xff : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
