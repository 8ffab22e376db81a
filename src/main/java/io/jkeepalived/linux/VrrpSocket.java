package io.jkeepalived.linux;

import io.jkeepalived.vrrp.ReceivedPacket;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The raw VRRP sockets (protocol 112) of one interface and family, for multicast to one group or
 * for unicast from one source address, set up as keepalived sets them up (vrrp.c:
 * open_vrrp_read_socket, open_vrrp_send_socket):
 * <ul>
 *   <li>receive: joined to the group on the interface and bound to the group address (so no
 *       unicast arrives), or bound to the unicast source; bound to the device; IP_MULTICAST_ALL
 *       off; IPv6: hop limit and destination as ancillary data, checksum verified by the kernel.</li>
 *   <li>send: IPv4 with our own IP header (IP_HDRINCL: TOS 0xc0, TTL 255); IPv6 with hop limit
 *       255 (or unicast_ttl) and the source set per packet; multicast loop off; bound to the
 *       device; priority TC_PRIO_CONTROL; receives nothing (a BPF filter that drops all).</li>
 * </ul>
 * All instances on the interface with this group (or source) share the sockets. Nothing is
 * allocated per packet.
 */
public final class VrrpSocket implements AutoCloseable {

    private static final int BUFFER = 65536;
    private static final int CONTROL = 256;
    private static final int SO_ATTACH_FILTER = 26;
    private static final int TC_PRIO_CONTROL = 7;

    private final String ifname;
    private final int ifindex;
    private final boolean ipv6;
    private final int rxFd;
    private final int txFd;
    private final Arena arena = Arena.ofShared();

    // receive: msghdr -> {name, iovec -> buffer, control}
    private final MemorySegment rxBuffer = arena.allocate(BUFFER, 8);
    private final ByteBuffer rxView = rxBuffer.asByteBuffer().order(ByteOrder.BIG_ENDIAN);
    private final MemorySegment rxName = arena.allocate(Sockaddr.IN6_SIZE, 8);
    private final MemorySegment rxControl = arena.allocate(CONTROL, 8);
    private final MemorySegment rxIov = arena.allocate(16, 8);
    private final MemorySegment rxMsg = arena.allocate(56, 8);
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];

    // send
    private final MemorySegment txBuffer = arena.allocate(BUFFER, 8);
    private final ByteBuffer txView = txBuffer.asByteBuffer().order(ByteOrder.BIG_ENDIAN);
    private final MemorySegment txName;
    private final MemorySegment txIov = arena.allocate(16, 8);
    private final MemorySegment txControl = arena.allocate(64, 8);
    private final MemorySegment txMsg = arena.allocate(56, 8);

    /**
     * Opens the sockets of {@code ifname} for {@code group} (multicast) or, if {@code group} is
     * null, for unicast from {@code unicastSource}.
     */
    public VrrpSocket(String ifname, boolean ipv6, byte[] group, byte[] unicastSource) throws LinuxException {
        this.ifname = ifname;
        this.ipv6 = ipv6;
        this.ifindex = ifname.isEmpty() ? 0 : Libc.ifNameToIndex(ifname);
        if (!ifname.isEmpty() && ifindex == 0) {
            arena.close();
            throw new LinuxException("interface " + ifname, Libc.ENODEV);
        }
        int family = ipv6 ? Libc.AF_INET6 : Libc.AF_INET;
        int rx = -1;
        int tx = -1;
        try {
            rx = Libc.socket(family, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC | Libc.SOCK_NONBLOCK, Libc.IPPROTO_VRRP);
            tx = Libc.socket(family, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC | Libc.SOCK_NONBLOCK, Libc.IPPROTO_VRRP);
            setUpReceive(rx, family, group, unicastSource);
            setUpSend(tx, group != null);
        } catch (LinuxException e) {
            Libc.close(rx);
            Libc.close(tx);
            arena.close();
            throw e;
        }
        this.rxFd = rx;
        this.txFd = tx;
        this.txName = arena.allocate(Sockaddr.IN6_SIZE, 8);
        rxIov.set(ValueLayout.ADDRESS, 0, rxBuffer);
        rxIov.set(ValueLayout.JAVA_LONG, 8, BUFFER);
        txIov.set(ValueLayout.ADDRESS, 0, txBuffer);
    }

    private void setUpReceive(int fd, int family, byte[] group, byte[] unicastSource) throws LinuxException {
        Libc.setsockoptInt(fd, ipv6 ? Libc.IPPROTO_IPV6 : Libc.IPPROTO_IP, ipv6 ? Libc.IPV6_MULTICAST_ALL : Libc.IP_MULTICAST_ALL,
                0, "MULTICAST_ALL");
        try (Arena a = Arena.ofConfined()) {
            if (group != null) {
                if (ipv6) {
                    // struct ipv6_mreq { u8 addr[16]; u32 ifindex; }
                    MemorySegment m = a.allocate(20, 4);
                    MemorySegment.copy(group, 0, m, ValueLayout.JAVA_BYTE, 0, 16);
                    m.set(ValueLayout.JAVA_INT, 16, ifindex);
                    Libc.setsockopt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_ADD_MEMBERSHIP, m, "IPV6_ADD_MEMBERSHIP " + ifname);
                } else {
                    // struct ip_mreqn { be32 multiaddr; be32 address; i32 ifindex; }
                    MemorySegment m = a.allocate(12, 4);
                    MemorySegment.copy(group, 0, m, ValueLayout.JAVA_BYTE, 0, 4);
                    m.set(ValueLayout.JAVA_INT, 8, ifindex);
                    Libc.setsockopt(fd, Libc.IPPROTO_IP, Libc.IP_ADD_MEMBERSHIP, m, "IP_ADD_MEMBERSHIP " + ifname);
                }
                Libc.bind(fd, Sockaddr.inet(a, group, ipv6 ? ifindex : 0), "multicast group");
            } else if (unicastSource != null) {
                Libc.bind(fd, Sockaddr.inet(a, unicastSource, ipv6 ? ifindex : 0), "unicast source");
            }
            if (ipv6) {
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_CHECKSUM, 6, "IPV6_CHECKSUM");
            }
            if (ifindex != 0) {
                Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, a.allocateFrom(ifname), "SO_BINDTODEVICE " + ifname);
            }
        }
    }

    private void setUpSend(int fd, boolean multicast) throws LinuxException {
        try (Arena a = Arena.ofConfined()) {
            if (ipv6) {
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_CHECKSUM, 6, "IPV6_CHECKSUM");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS");
            } else {
                Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_HDRINCL, 1, "IP_HDRINCL");
            }
            if (ifindex != 0) {
                Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, a.allocateFrom(ifname), "SO_BINDTODEVICE " + ifname);
                if (multicast) {
                    if (ipv6) {
                        Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_IF, ifindex, "IPV6_MULTICAST_IF");
                        Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
                    } else {
                        MemorySegment m = a.allocate(12, 4);
                        m.set(ValueLayout.JAVA_INT, 8, ifindex);
                        Libc.setsockopt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_IF, m, "IP_MULTICAST_IF");
                        Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
                    }
                }
            }
            Libc.setsockoptInt(fd, Libc.SOL_SOCKET, Libc.SO_PRIORITY, TC_PRIO_CONTROL, "SO_PRIORITY");
            // receive nothing on the send socket: a classic BPF program of one instruction, "return 0"
            MemorySegment insn = a.allocate(8, 8);   // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }
            insn.set(ValueLayout.JAVA_SHORT, 0, (short) 0x06);   // BPF_RET | BPF_K
            MemorySegment prog = a.allocate(16, 8);   // struct sock_fprog { u16 len; pad; ptr filter; }
            prog.set(ValueLayout.JAVA_SHORT, 0, (short) 1);
            prog.set(ValueLayout.ADDRESS, 8, insn);
            Libc.setsockopt(fd, Libc.SOL_SOCKET, SO_ATTACH_FILTER, prog, "SO_ATTACH_FILTER");
        }
    }

    public int receiveFd() {
        return rxFd;
    }

    public String interfaceName() {
        return ifname;
    }

    public int interfaceIndex() {
        return ifindex;
    }

    /**
     * Receives one packet into {@code packet} (keyed by {@code socketKey}). Returns -1 if nothing
     * is waiting, 1 if a packet was received and parsed, 0 if it was too short to parse
     * ({@link ReceivedPacket} then still holds its length for the drop report).
     */
    public int receive(ReceivedPacket packet, String socketKey) {
        rxMsg.set(ValueLayout.ADDRESS, 0, rxName);
        rxMsg.set(ValueLayout.JAVA_INT, 8, Sockaddr.IN6_SIZE);
        rxMsg.set(ValueLayout.ADDRESS, 16, rxIov);
        rxMsg.set(ValueLayout.JAVA_LONG, 24, 1);
        rxMsg.set(ValueLayout.ADDRESS, 32, rxControl);
        rxMsg.set(ValueLayout.JAVA_LONG, 40, CONTROL);
        rxMsg.set(ValueLayout.JAVA_INT, 48, 0);
        long n;
        do {
            n = Libc.recvmsg(rxFd, rxMsg, 0);
        } while (n == -Libc.EINTR);
        if (n < 0) {
            return -1;
        }
        int length = (int) Math.min(n, BUFFER);
        if (!ipv6) {
            return packet.ipv4(socketKey, rxView, 0, length) ? 1 : 0;
        }
        Sockaddr.readAddress(rxName, source);
        int hopLimit = -1;
        java.util.Arrays.fill(destination, (byte) 0);
        long controlLength = rxMsg.get(ValueLayout.JAVA_LONG, 40);
        long at = 0;
        while (at + 16 <= controlLength) {
            long len = rxControl.get(ValueLayout.JAVA_LONG, at);
            int level = rxControl.get(ValueLayout.JAVA_INT, at + 8);
            int type = rxControl.get(ValueLayout.JAVA_INT, at + 12);
            if (len < 16 || at + len > controlLength) {
                break;
            }
            if (level == Libc.IPPROTO_IPV6 && type == Libc.IPV6_HOPLIMIT) {
                hopLimit = rxControl.get(ValueLayout.JAVA_INT, at + 16);
            } else if (level == Libc.IPPROTO_IPV6 && type == Libc.IPV6_PKTINFO) {
                MemorySegment.copy(rxControl, ValueLayout.JAVA_BYTE, at + 16, destination, 0, 16);
            }
            at += (len + 7) & ~7L;
        }
        return packet.ipv6(socketKey, rxView, 0, length, source, destination, hopLimit) ? 1 : 0;
    }

    /** The send buffer: write a packet at offset 0 (e.g. with {@code Instance.writeAdvert}), then {@link #send}. */
    public ByteBuffer sendBuffer() {
        return txView;
    }

    /**
     * Sends the {@code length} bytes of the send buffer to {@code destination}; for IPv6 from
     * {@code source} (null: the kernel's choice) with {@code hopLimit}. Returns 0 or -errno.
     */
    public int send(int length, byte[] destination, byte[] source, int hopLimit) {
        Sockaddr.write(txName, destination, ipv6 ? ifindex : 0);
        if (!ipv6) {
            long n = Libc.sendto(txFd, txBuffer, length, 0, txName.asSlice(0, Sockaddr.IN_SIZE));
            return n < 0 ? (int) n : 0;
        }
        txIov.set(ValueLayout.JAVA_LONG, 8, length);
        txMsg.set(ValueLayout.ADDRESS, 0, txName);
        txMsg.set(ValueLayout.JAVA_INT, 8, Sockaddr.IN6_SIZE);
        txMsg.set(ValueLayout.ADDRESS, 16, txIov);
        txMsg.set(ValueLayout.JAVA_LONG, 24, 1);
        // cmsg 1: IPV6_HOPLIMIT (int), 16 + 4 -> 24 bytes; cmsg 2: IPV6_PKTINFO (in6_pktinfo), 16 + 20 -> 40 bytes
        long control = 0;
        txControl.set(ValueLayout.JAVA_LONG, 0, 20);
        txControl.set(ValueLayout.JAVA_INT, 8, Libc.IPPROTO_IPV6);
        txControl.set(ValueLayout.JAVA_INT, 12, Libc.IPV6_HOPLIMIT);
        txControl.set(ValueLayout.JAVA_INT, 16, hopLimit);
        control += 24;
        if (source != null) {
            txControl.set(ValueLayout.JAVA_LONG, control, 36);
            txControl.set(ValueLayout.JAVA_INT, control + 8, Libc.IPPROTO_IPV6);
            txControl.set(ValueLayout.JAVA_INT, control + 12, Libc.IPV6_PKTINFO);
            MemorySegment.copy(source, 0, txControl, ValueLayout.JAVA_BYTE, control + 16, 16);
            txControl.set(ValueLayout.JAVA_INT, control + 32, ifindex);
            control += 40;
        }
        txMsg.set(ValueLayout.ADDRESS, 32, txControl);
        txMsg.set(ValueLayout.JAVA_LONG, 40, control);
        txMsg.set(ValueLayout.JAVA_INT, 48, 0);
        long n = Libc.sendmsg(txFd, txMsg, 0);
        return n < 0 ? (int) n : 0;
    }

    @Override
    public void close() {
        Libc.close(rxFd);
        Libc.close(txFd);
        arena.close();
    }
}
