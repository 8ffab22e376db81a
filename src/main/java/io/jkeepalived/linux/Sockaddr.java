package io.jkeepalived.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** struct sockaddr_in / sockaddr_in6 (and the size of sockaddr_ll), laid out by hand (family in host order, the rest in network order). */
public final class Sockaddr {

    public static final int IN_SIZE = 16;
    public static final int IN6_SIZE = 28;
    public static final int LL_SIZE = 20;

    private Sockaddr() {
    }

    /** An IPv4 or IPv6 socket address for {@code address} (4 or 16 bytes), port 0. */
    public static MemorySegment inet(Arena arena, byte[] address, int scopeId) {
        MemorySegment s = arena.allocate(address.length == 4 ? IN_SIZE : IN6_SIZE, 4);
        write(s, address, scopeId);
        return s;
    }

    /** Rewrites a socket address made by {@link #inet} (same family) for another address. */
    public static void write(MemorySegment s, byte[] address, int scopeId) {
        s.fill((byte) 0);
        if (address.length == 4) {
            // struct sockaddr_in { u16 family; be16 port; be32 addr; u8 zero[8]; }
            s.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_INET);
            MemorySegment.copy(address, 0, s, ValueLayout.JAVA_BYTE, 4, 4);
        } else {
            // struct sockaddr_in6 { u16 family; be16 port; be32 flowinfo; u8 addr[16]; u32 scope_id; }
            s.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_INET6);
            MemorySegment.copy(address, 0, s, ValueLayout.JAVA_BYTE, 8, 16);
            s.set(ValueLayout.JAVA_INT, 24, scopeId);
        }
    }

    /** Copies the address out of a received sockaddr_in/in6 into {@code into} (4 or 16 bytes). */
    public static void readAddress(MemorySegment s, byte[] into) {
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, into.length == 4 ? 4 : 8, into, 0, into.length);
    }
}
