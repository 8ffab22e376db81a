package io.jkeepalived.vrrp;

import java.nio.ByteBuffer;

/**
 * Flyweight over a VRRP advertisement in a buffer, VRRPv2 (RFC 3768 section 5.1) or VRRPv3
 * (RFC 5798 section 5.1). All fields are in network byte order.
 *
 * <pre>
 * VRRPv2                                        VRRPv3
 *  0               1               2               3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+-------+---------------+---------------+---------------+
 * |Version| Type  | Virtual Rtr ID|   Priority    | Count IP Addrs|   (same in v3)
 * +-------+-------+---------------+---------------+---------------+
 * |   Auth Type   |   Adver Int   |          Checksum             |   v2
 * |(rsvd) |     Max Adver Int     |          Checksum             |   v3 (centiseconds)
 * +---------------+---------------+-------------------------------+
 * |                  IP Address(es) (4 or 16 bytes each)          |
 * +---------------------------------------------------------------+
 * |          Authentication Data (8 bytes, v2 only)               |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * The v2 checksum covers the VRRP message; the v3 one adds an IPv4 or IPv6 pseudo-header
 * (RFC 5798 section 5.2.8). Wrap a buffer with {@link #wrap}; nothing is allocated after that.
 */
public final class Advert {

    public static final int VERSION_TYPE_OFFSET = 0;
    public static final int VRID_OFFSET = 1;
    public static final int PRIORITY_OFFSET = 2;
    public static final int COUNT_OFFSET = 3;
    /** VRRPv2 only. */
    public static final int AUTH_TYPE_OFFSET = 4;
    /** VRRPv2 only: seconds. */
    public static final int ADVER_INT_OFFSET = 5;
    /** VRRPv3 only: 4 reserved bits then 12 bits of centiseconds. */
    public static final int MAX_ADVER_INT_OFFSET = 4;
    public static final int CHECKSUM_OFFSET = 6;
    public static final int ADDRESSES_OFFSET = 8;
    public static final int HEADER_LENGTH = 8;
    public static final int AUTH_DATA_LENGTH = 8;

    public static final int TYPE_ADVERTISEMENT = 1;
    public static final int AUTH_NONE = 0;
    public static final int AUTH_PASS = 1;
    public static final int AUTH_AH = 2;
    /** IANA protocol number of VRRP (IPv4 protocol, IPv6 next header). */
    public static final int IP_PROTOCOL = 112;
    /** The largest count: the field is 8 bits. */
    public static final int MAX_ADDRESSES = 255;

    private ByteBuffer buf;
    private int offset;
    private int length;

    /** Points this flyweight at {@code length} bytes of {@code buf} from {@code offset}. */
    public Advert wrap(ByteBuffer buffer, int offsetInBuffer, int lengthInBuffer) {
        this.buf = buffer;
        this.offset = offsetInBuffer;
        this.length = lengthInBuffer;
        return this;
    }

    public ByteBuffer buffer() {
        return buf;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** The length of a whole advert with {@code count} addresses of {@code addressLength} bytes. */
    public static int lengthFor(int version, int count, int addressLength) {
        return HEADER_LENGTH + count * addressLength + (version == 2 ? AUTH_DATA_LENGTH : 0);
    }

    // ---- reading (network byte order) ----

    public int version() {
        return (buf.get(offset + VERSION_TYPE_OFFSET) & 0xff) >>> 4;
    }

    public int type() {
        return buf.get(offset + VERSION_TYPE_OFFSET) & 0x0f;
    }

    public int vrid() {
        return buf.get(offset + VRID_OFFSET) & 0xff;
    }

    public int priority() {
        return buf.get(offset + PRIORITY_OFFSET) & 0xff;
    }

    public int count() {
        return buf.get(offset + COUNT_OFFSET) & 0xff;
    }

    /** VRRPv2 authentication type. */
    public int authType() {
        return buf.get(offset + AUTH_TYPE_OFFSET) & 0xff;
    }

    /** VRRPv2 advertisement interval, seconds. */
    public int adverIntSeconds() {
        return buf.get(offset + ADVER_INT_OFFSET) & 0xff;
    }

    /** VRRPv3 maximum advertisement interval, centiseconds (12 bits). */
    public int maxAdverIntCentis() {
        return buf.getShort(offset + MAX_ADVER_INT_OFFSET) & 0x0fff;
    }

    /** The advertisement interval in centiseconds, whatever the version. */
    public int intervalCentis() {
        return version() == 2 ? adverIntSeconds() * 100 : maxAdverIntCentis();
    }

    public int checksum() {
        return buf.getShort(offset + CHECKSUM_OFFSET) & 0xffff;
    }

    /** Compares the i-th address with {@code address} (4 or 16 bytes). */
    public boolean addressEquals(int i, byte[] address) {
        int at = offset + ADDRESSES_OFFSET + i * address.length;
        for (int k = 0; k < address.length; k++) {
            if (buf.get(at + k) != address[k]) {
                return false;
            }
        }
        return true;
    }

    /** Copies the i-th address into {@code into} (whose length, 4 or 16, says the family). */
    public byte[] copyAddress(int i, byte[] into) {
        int at = offset + ADDRESSES_OFFSET + i * into.length;
        for (int k = 0; k < into.length; k++) {
            into[k] = buf.get(at + k);
        }
        return into;
    }

    /** Offset of the VRRPv2 authentication data, after {@code count()} addresses of {@code addressLength} bytes. */
    public int authDataOffset(int addressLength) {
        return offset + ADDRESSES_OFFSET + count() * addressLength;
    }

    // ---- writing ----

    public Advert versionAndType(int version, int type) {
        buf.put(offset + VERSION_TYPE_OFFSET, (byte) (version << 4 | type & 0x0f));
        return this;
    }

    public Advert vrid(int vrid) {
        buf.put(offset + VRID_OFFSET, (byte) vrid);
        return this;
    }

    public Advert priority(int priority) {
        buf.put(offset + PRIORITY_OFFSET, (byte) priority);
        return this;
    }

    public Advert count(int count) {
        buf.put(offset + COUNT_OFFSET, (byte) count);
        return this;
    }

    public Advert authType(int authType) {
        buf.put(offset + AUTH_TYPE_OFFSET, (byte) authType);
        return this;
    }

    public Advert adverIntSeconds(int seconds) {
        buf.put(offset + ADVER_INT_OFFSET, (byte) seconds);
        return this;
    }

    public Advert maxAdverIntCentis(int centis) {
        buf.putShort(offset + MAX_ADVER_INT_OFFSET, (short) (centis & 0x0fff));
        return this;
    }

    public Advert checksum(int checksum) {
        buf.putShort(offset + CHECKSUM_OFFSET, (short) checksum);
        return this;
    }

    public Advert putAddress(int i, byte[] address) {
        int at = offset + ADDRESSES_OFFSET + i * address.length;
        for (int k = 0; k < address.length; k++) {
            buf.put(at + k, address[k]);
        }
        return this;
    }

    /** Writes the 8 bytes of VRRPv2 authentication data (a PASS password, zero padded). */
    public Advert authData(int addressLength, byte[] data8) {
        int at = authDataOffset(addressLength);
        for (int k = 0; k < AUTH_DATA_LENGTH; k++) {
            buf.put(at + k, k < data8.length ? data8[k] : 0);
        }
        return this;
    }

    /** Compares the VRRPv2 authentication data with {@code data8} in constant time. */
    public boolean authDataEquals(int addressLength, byte[] data8) {
        int at = authDataOffset(addressLength);
        int diff = 0;
        for (int k = 0; k < AUTH_DATA_LENGTH; k++) {
            diff |= buf.get(at + k) ^ (k < data8.length ? data8[k] : 0);
        }
        return diff == 0;
    }

    // ---- checksums ----

    /** The sum of the message for {@code messageLength} bytes, checksum field as it stands. */
    private int messageSum(int messageLength) {
        return InternetChecksum.add(buf, offset, messageLength, 0);
    }

    /**
     * The VRRPv2 checksum over the message (with the checksum field zero), or, for a message
     * whose field is filled in, 0 when it is right.
     */
    public int computeV2Checksum(int messageLength) {
        return InternetChecksum.finish(messageSum(messageLength));
    }

    /** The VRRPv3 checksum with the IPv4 or IPv6 pseudo-header of {@code source} and {@code destination}. */
    public int computeV3Checksum(int messageLength, byte[] source, byte[] destination) {
        return computeV3Checksum(messageLength, source, destination, source.length);
    }

    /**
     * The VRRPv3 checksum with a pseudo-header of the first {@code addressLength} bytes (4 or 16)
     * of {@code source} and {@code destination}.
     */
    public int computeV3Checksum(int messageLength, byte[] source, byte[] destination, int addressLength) {
        int sum = InternetChecksum.add(source, 0, addressLength, 0);
        sum = InternetChecksum.add(destination, 0, addressLength, sum);
        if (addressLength == 4) {
            sum = InternetChecksum.add16(IP_PROTOCOL, sum);   // zero byte then protocol
            sum = InternetChecksum.add16(messageLength, sum);
        } else {
            sum = InternetChecksum.add16(messageLength >>> 16, sum);   // 32-bit upper-layer length
            sum = InternetChecksum.add16(messageLength, sum);
            sum = InternetChecksum.add16(IP_PROTOCOL, sum);   // 24 zero bits then next header
        }
        return InternetChecksum.finish(InternetChecksum.add(buf, offset, messageLength, sum));
    }

    @Override
    public String toString() {
        if (buf == null || length < HEADER_LENGTH) {
            return "Advert[empty]";
        }
        StringBuilder sb = new StringBuilder("Advert[v").append(version()).append(" type ").append(type())
                .append(" vrid ").append(vrid()).append(" prio ").append(priority()).append(" count ").append(count());
        if (version() == 2) {
            sb.append(" auth ").append(authType()).append(" int ").append(adverIntSeconds()).append("s");
        } else {
            sb.append(" int ").append(maxAdverIntCentis()).append("cs");
        }
        return sb.append(String.format(" csum 0x%04x len %d]", checksum(), length)).toString();
    }
}
