package io.jkeepalived.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one netlink message (netlink(7), rtnetlink(7)): a {@code struct nlmsghdr}, the
 * family header of the request (ifaddrmsg, rtmsg, ifinfomsg, fib_rule_hdr, ...) and route
 * attributes (TLVs aligned to 4 bytes, nestable). Everything is in host byte order except
 * addresses, which are network order by nature.
 *
 * <pre>
 *   nlmsghdr: u32 length | u16 type | u16 flags | u32 sequence | u32 port id
 *   rtattr:   u16 length | u16 type | value | padding to 4
 * </pre>
 */
public final class NlMessage {

    public static final int HEADER = 16;
    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    public static final int NLA_F_NESTED = 0x8000;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;

    private final ByteBuffer buf;
    private final int[] nests = new int[8];
    private int depth;

    public NlMessage(int capacity) {
        this.buf = ByteBuffer.allocate(capacity).order(ByteOrder.nativeOrder());
    }

    /** Starts a message of {@code type} with {@code flags} (NLM_F_REQUEST is added). */
    public NlMessage start(int type, int flags, int sequence) {
        buf.clear();
        depth = 0;
        buf.putInt(0).putShort((short) type).putShort((short) (flags | NLM_F_REQUEST)).putInt(sequence).putInt(0);
        return this;
    }

    public NlMessage u8(int v) {
        buf.put((byte) v);
        return this;
    }

    public NlMessage u16(int v) {
        buf.putShort((short) v);
        return this;
    }

    public NlMessage u32(int v) {
        buf.putInt(v);
        return this;
    }

    public NlMessage bytes(byte[] v) {
        buf.put(v);
        return this;
    }

    /** Zero bytes up to a multiple of 4. */
    public NlMessage align() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
        return this;
    }

    public NlMessage attr(int type, byte[] value) {
        buf.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        return align();
    }

    public NlMessage attrU8(int type, int value) {
        buf.putShort((short) 5).putShort((short) type).put((byte) value);
        return align();
    }

    public NlMessage attrU16(int type, int value) {
        buf.putShort((short) 6).putShort((short) type).putShort((short) value);
        return align();
    }

    /** A u16 in network byte order (ports, ethertypes). */
    public NlMessage attrBe16(int type, int value) {
        buf.putShort((short) 6).putShort((short) type);
        buf.put((byte) (value >>> 8)).put((byte) value);
        return align();
    }

    public NlMessage attrU32(int type, int value) {
        buf.putShort((short) 8).putShort((short) type).putInt(value);
        return this;
    }

    public NlMessage attrU64(int type, long value) {
        buf.putShort((short) 12).putShort((short) type).putLong(value);
        return this;
    }

    /** A NUL-terminated string (interface names, labels, kinds). */
    public NlMessage attrString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        buf.putShort((short) (4 + s.length + 1)).putShort((short) type).put(s).put((byte) 0);
        return align();
    }

    public NlMessage attrFlag(int type) {
        buf.putShort((short) 4).putShort((short) type);
        return this;
    }

    /** Opens a nested attribute; close it with {@link #end()}. */
    public NlMessage nest(int type) {
        nests[depth++] = buf.position();
        buf.putShort((short) 0).putShort((short) (type | NLA_F_NESTED));
        return this;
    }

    /** Opens a nested attribute without the NLA_F_NESTED flag (some older attributes expect that). */
    public NlMessage nestPlain(int type) {
        nests[depth++] = buf.position();
        buf.putShort((short) 0).putShort((short) type);
        return this;
    }

    public NlMessage end() {
        int at = nests[--depth];
        buf.putShort(at, (short) (buf.position() - at));
        return align();
    }

    /** Finishes the message: writes its length; returns the bytes to send (position 0, limit the length). */
    public ByteBuffer finish() {
        align();
        buf.putInt(0, buf.position());
        return buf.duplicate().flip().order(ByteOrder.nativeOrder());
    }

    public int sequence() {
        return buf.getInt(8);
    }
}
