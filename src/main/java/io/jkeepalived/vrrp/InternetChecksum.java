package io.jkeepalived.vrrp;

import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071): the one's complement of the one's complement sum of 16-bit
 * words, in network byte order. Sums are accumulated in an {@code int} and folded at the end, so
 * a pseudo-header and a message can be added in separate calls. Allocation free.
 */
public final class InternetChecksum {

    private InternetChecksum() {
    }

    /** Adds the bytes [offset, offset+length) of {@code buf} (big-endian 16-bit words, odd byte padded) to {@code sum}. */
    public static int add(ByteBuffer buf, int offset, int length, int sum) {
        int s = sum;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            s += ((buf.get(i) & 0xff) << 8) | (buf.get(i + 1) & 0xff);
            s = (s & 0xffff) + (s >>> 16);
        }
        if (i < end) {
            s += (buf.get(i) & 0xff) << 8;
            s = (s & 0xffff) + (s >>> 16);
        }
        return s;
    }

    /** Adds the bytes of an address (4 or 16 bytes) to {@code sum}. */
    public static int add(byte[] bytes, int sum) {
        return add(bytes, 0, bytes.length, sum);
    }

    /** Adds {@code length} (even) bytes of {@code bytes} from {@code offset} to {@code sum}. */
    public static int add(byte[] bytes, int offset, int length, int sum) {
        int s = sum;
        for (int i = offset; i + 1 < offset + length; i += 2) {
            s += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            s = (s & 0xffff) + (s >>> 16);
        }
        return s;
    }

    /** Adds a 16-bit value to {@code sum}. */
    public static int add16(int value, int sum) {
        int s = sum + (value & 0xffff);
        return (s & 0xffff) + (s >>> 16);
    }

    /** The checksum field value for an accumulated sum. */
    public static int finish(int sum) {
        int s = (sum & 0xffff) + (sum >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }

    /**
     * RFC 1624 incremental update: the new checksum after a 16-bit word of the covered data
     * changes from {@code oldWord} to {@code newWord}.
     */
    public static int update(int checksum, int oldWord, int newWord) {
        int s = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }
}
