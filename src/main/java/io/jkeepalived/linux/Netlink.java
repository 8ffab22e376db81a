package io.jkeepalived.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A NETLINK_ROUTE socket (rtnetlink(7)). Two uses: requests (add an address, dump the links),
 * each answered by the kernel before {@code sendto} returns, so waiting for the answer does not
 * block; and events (a socket bound to multicast groups, read when epoll says so).
 */
public final class Netlink implements AutoCloseable {

    public static final int NETLINK_ROUTE = 0;
    public static final int RTMGRP_LINK = 0x1;
    public static final int RTMGRP_IPV4_IFADDR = 0x10;
    public static final int RTMGRP_IPV6_IFADDR = 0x100;

    private static final int BUFFER = 1 << 16;

    /** A received message: its type and flags, and where its payload lies in {@code buf}. */
    public interface Handler {
        void message(int type, int flags, ByteBuffer buf, int payload, int end);
    }

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment rx = arena.allocate(BUFFER, 8);
    private final ByteBuffer rxBuf = rx.asByteBuffer().order(ByteOrder.nativeOrder());
    private final MemorySegment tx = arena.allocate(BUFFER, 8);
    private final MemorySegment kernel;
    private int sequence = (int) (System.nanoTime() & 0x7fffffff);

    private Netlink(int groups, boolean nonBlocking) throws LinuxException {
        int type = Libc.SOCK_RAW | Libc.SOCK_CLOEXEC | (nonBlocking ? Libc.SOCK_NONBLOCK : 0);
        this.fd = Libc.socket(Libc.AF_NETLINK, type, NETLINK_ROUTE);
        try {
            Libc.setsockoptInt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, 1 << 20, "SO_RCVBUF");
            MemorySegment local = sockaddrNl(0, groups);
            Libc.bind(fd, local, "netlink");
            kernel = sockaddrNl(0, 0);
        } catch (LinuxException e) {
            close();
            throw e;
        }
    }

    /** A socket for requests and dumps. */
    public static Netlink requests() throws LinuxException {
        return new Netlink(0, false);
    }

    /** A non-blocking socket receiving the events of {@code groups} (RTMGRP_*). */
    public static Netlink events(int groups) throws LinuxException {
        return new Netlink(groups, true);
    }

    private MemorySegment sockaddrNl(int pid, int groups) {
        // struct sockaddr_nl { u16 family; u16 pad; u32 pid; u32 groups; }
        MemorySegment a = arena.allocate(12, 4);
        a.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
        a.set(ValueLayout.JAVA_INT, 4, pid);
        a.set(ValueLayout.JAVA_INT, 8, groups);
        return a;
    }

    public int fd() {
        return fd;
    }

    public int nextSequence() {
        return ++sequence;
    }

    /**
     * Sends a request with NLM_F_ACK and waits for the kernel's answer; a negative answer is
     * thrown with its errno ({@code what} names the request in the message).
     */
    public void request(NlMessage message, String what) throws LinuxException {
        ByteBuffer out = message.finish();
        out.putShort(6, (short) (out.getShort(6) | NlMessage.NLM_F_ACK));
        int seq = out.getInt(8);
        send(out, what);
        int error = awaitAck(seq, null);
        if (error != 0) {
            throw new LinuxException(what, -error);
        }
    }

    /** Sends a dump request and hands each answer to {@code handler}. */
    public void dump(NlMessage message, Handler handler, String what) throws LinuxException {
        ByteBuffer out = message.finish();
        out.putShort(6, (short) (out.getShort(6) | NlMessage.NLM_F_DUMP));
        int seq = out.getInt(8);
        send(out, what);
        int error = awaitAck(seq, handler);
        if (error != 0) {
            throw new LinuxException(what, -error);
        }
    }

    private void send(ByteBuffer out, String what) throws LinuxException {
        int n = out.remaining();
        MemorySegment.copy(MemorySegment.ofBuffer(out), 0, tx, 0, n);
        long sent = Libc.sendto(fd, tx, n, 0, kernel);
        if (sent < 0) {
            throw new LinuxException("netlink send " + what, (int) -sent);
        }
    }

    /** Reads answers to {@code seq} until the ack (0 or -errno) or the end of a dump (0). */
    private int awaitAck(int seq, Handler handler) throws LinuxException {
        while (true) {
            long n = Libc.recv(fd, rx, BUFFER, 0);
            if (n == -Libc.EINTR) {
                continue;
            }
            if (n < 0) {
                throw new LinuxException("netlink receive", (int) -n);
            }
            int at = 0;
            while (at + NlMessage.HEADER <= n) {
                int len = rxBuf.getInt(at);
                int type = rxBuf.getShort(at + 4) & 0xffff;
                int flags = rxBuf.getShort(at + 6) & 0xffff;
                int mseq = rxBuf.getInt(at + 8);
                if (len < NlMessage.HEADER || at + len > n) {
                    break;
                }
                if (mseq == seq) {
                    if (type == NlMessage.NLMSG_ERROR) {
                        return rxBuf.getInt(at + NlMessage.HEADER);
                    }
                    if (type == NlMessage.NLMSG_DONE) {
                        return 0;
                    }
                    if (handler != null) {
                        handler.message(type, flags, rxBuf, at + NlMessage.HEADER, at + len);
                    }
                }
                at += (len + 3) & ~3;
            }
        }
    }

    /**
     * Reads the events waiting on an events socket; returns false if the kernel dropped some
     * (ENOBUFS: the caller must resynchronise with a dump).
     */
    public boolean readEvents(Handler handler) {
        boolean complete = true;
        while (true) {
            long n = Libc.recv(fd, rx, BUFFER, Libc.MSG_DONTWAIT);
            if (n == -Libc.EINTR) {
                continue;
            }
            if (n == -Libc.ENOBUFS) {
                complete = false;
                continue;
            }
            if (n <= 0) {
                return complete;
            }
            int at = 0;
            while (at + NlMessage.HEADER <= n) {
                int len = rxBuf.getInt(at);
                int type = rxBuf.getShort(at + 4) & 0xffff;
                int flags = rxBuf.getShort(at + 6) & 0xffff;
                if (len < NlMessage.HEADER || at + len > n) {
                    break;
                }
                handler.message(type, flags, rxBuf, at + NlMessage.HEADER, at + len);
                at += (len + 3) & ~3;
            }
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
