package io.jkeepalived.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sends gratuitous ARPs and unsolicited neighbour advertisements through one packet socket
 * (AF_PACKET, SOCK_RAW), whole Ethernet frames as keepalived does; it receives nothing.
 */
public final class Announcer implements AutoCloseable {

    private static final int SO_ATTACH_FILTER = 26;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment frame = arena.allocate(128, 8);
    private final ByteBuffer view = frame.asByteBuffer().order(ByteOrder.BIG_ENDIAN);
    private final MemorySegment link = arena.allocate(Sockaddr.LL_SIZE, 4);

    public Announcer() throws LinuxException {
        // protocol 0: send only, no packet is ever delivered to this socket
        this.fd = Libc.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC | Libc.SOCK_NONBLOCK, 0);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment insn = a.allocate(8, 8);
            insn.set(ValueLayout.JAVA_SHORT, 0, (short) 0x06);
            MemorySegment prog = a.allocate(16, 8);
            prog.set(ValueLayout.JAVA_SHORT, 0, (short) 1);
            prog.set(ValueLayout.ADDRESS, 8, insn);
            Libc.setsockopt(fd, Libc.SOL_SOCKET, SO_ATTACH_FILTER, prog, "SO_ATTACH_FILTER");
        } catch (LinuxException e) {
            Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    /** A gratuitous ARP for {@code ipv4} on {@code ifindex} from {@code mac}; 0 or -errno. */
    public int garp(int ifindex, byte[] mac, byte[] ipv4) {
        int n = Frames.garp(view, mac, ipv4);
        return send(ifindex, Frames.ETHERTYPE_ARP, n);
    }

    /** An unsolicited neighbour advertisement for {@code ipv6} on {@code ifindex} from {@code mac}; 0 or -errno. */
    public int unsolicitedNa(int ifindex, byte[] mac, byte[] ipv6, boolean router) {
        int n = Frames.unsolicitedNa(view, mac, ipv6, router);
        return send(ifindex, Frames.ETHERTYPE_IPV6, n);
    }

    private int send(int ifindex, int ethertype, int length) {
        // struct sockaddr_ll: family, protocol (network order), ifindex, ARPHRD_ETHER, halen 6
        link.fill((byte) 0);
        link.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_PACKET);
        link.set(ValueLayout.JAVA_BYTE, 2, (byte) (ethertype >>> 8));
        link.set(ValueLayout.JAVA_BYTE, 3, (byte) ethertype);
        link.set(ValueLayout.JAVA_INT, 4, ifindex);
        link.set(ValueLayout.JAVA_SHORT, 8, (short) 1);
        link.set(ValueLayout.JAVA_BYTE, 11, (byte) 6);
        long sent = Libc.sendto(fd, frame, length, 0, link);
        return sent < 0 ? (int) sent : 0;
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
