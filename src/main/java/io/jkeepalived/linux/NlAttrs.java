package io.jkeepalived.linux;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the route attributes of a received netlink message: an index from attribute type to
 * the offset of its value, over a buffer in host byte order. Reused for every message.
 */
public final class NlAttrs {

    private static final int MAX_TYPE = 64;
    private final int[] offset = new int[MAX_TYPE];
    private final int[] length = new int[MAX_TYPE];
    private ByteBuffer buf;

    /** Indexes the attributes in [from, to) of {@code b}; later duplicates win. */
    public NlAttrs parse(ByteBuffer b, int from, int to) {
        this.buf = b;
        java.util.Arrays.fill(offset, -1);
        int at = from;
        while (at + 4 <= to) {
            int len = b.getShort(at) & 0xffff;
            int type = b.getShort(at + 2) & 0x3fff;   // without NLA_F_NESTED / NLA_F_NET_BYTEORDER
            if (len < 4 || at + len > to) {
                break;
            }
            if (type < MAX_TYPE) {
                offset[type] = at + 4;
                length[type] = len - 4;
            }
            at += (len + 3) & ~3;
        }
        return this;
    }

    public boolean has(int type) {
        return type < MAX_TYPE && offset[type] >= 0;
    }

    public int length(int type) {
        return has(type) ? length[type] : 0;
    }

    public int offset(int type) {
        return offset[type];
    }

    public int u8(int type) {
        return buf.get(offset[type]) & 0xff;
    }

    public int u32(int type) {
        return buf.getInt(offset[type]);
    }

    public byte[] bytes(int type) {
        byte[] v = new byte[length[type]];
        buf.get(offset[type], v);
        return v;
    }

    /** A NUL-terminated string attribute. */
    public String string(int type) {
        int n = length[type];
        int end = offset[type];
        while (end < offset[type] + n && buf.get(end) != 0) {
            end++;
        }
        byte[] v = new byte[end - offset[type]];
        buf.get(offset[type], v);
        return new String(v, StandardCharsets.UTF_8);
    }
}
