package io.jkeepalived.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library calls jkeepalived makes, through {@code java.lang.foreign} (no JNI, no JNA, no
 * shelling out). Each call captures {@code errno}. Calls that fail in ways the caller handles
 * (EAGAIN on a non-blocking socket, ...) return {@code -errno}; the others throw
 * {@link LinuxException} with the function's name and the error text.
 *
 * <p>Nothing here allocates per call: the errno capture area is one segment per thread.
 */
public final class Libc {

    // ---- constants (x86_64 / aarch64 Linux; see <sys/socket.h>, <netinet/in.h>, <linux/*.h>) ----

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;

    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_PRIORITY = 12;
    public static final int SO_BINDTODEVICE = 25;

    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int IPPROTO_IPV6 = 41;
    public static final int IPPROTO_VRRP = 112;
    public static final int IPPROTO_AH = 51;

    public static final int IP_TTL = 2;
    public static final int IP_HDRINCL = 3;
    public static final int IP_MULTICAST_IF = 32;
    public static final int IP_MULTICAST_TTL = 33;
    public static final int IP_MULTICAST_LOOP = 34;
    public static final int IP_ADD_MEMBERSHIP = 35;
    public static final int IP_DROP_MEMBERSHIP = 36;
    public static final int IP_MULTICAST_ALL = 49;

    public static final int IPV6_CHECKSUM = 7;
    public static final int IPV6_UNICAST_HOPS = 16;
    public static final int IPV6_MULTICAST_IF = 17;
    public static final int IPV6_MULTICAST_HOPS = 18;
    public static final int IPV6_MULTICAST_LOOP = 19;
    public static final int IPV6_ADD_MEMBERSHIP = 20;
    public static final int IPV6_DROP_MEMBERSHIP = 21;
    public static final int IPV6_MULTICAST_ALL = 29;
    public static final int IPV6_RECVPKTINFO = 49;
    public static final int IPV6_PKTINFO = 50;
    public static final int IPV6_RECVHOPLIMIT = 51;
    public static final int IPV6_HOPLIMIT = 52;

    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_CTRUNC = 0x08;

    public static final int EPOLL_CLOEXEC = 0x80000;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;
    public static final int EPOLLIN = 0x001;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;

    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;

    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOBUFS = 105;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int ENETUNREACH = 101;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ESRCH = 3;
    public static final int ENOENT = 2;

    /** struct epoll_event is packed on x86_64: 4 bytes of events, 8 of data. */
    public static final int EPOLL_EVENT_SIZE = 12;

    // ---- the calls ----

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final ThreadLocal<MemorySegment> CAPTURED = ThreadLocal.withInitial(() -> Arena.global().allocate(CAPTURE));

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final java.lang.foreign.AddressLayout PTR = ValueLayout.ADDRESS;

    private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle SETSOCKOPT = handle("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, PTR, INT));
    private static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(INT, INT, PTR, INT));
    private static final MethodHandle SENDTO = handle("sendto", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT, PTR, INT));
    private static final MethodHandle SENDMSG = handle("sendmsg", FunctionDescriptor.of(LONG, INT, PTR, INT));
    private static final MethodHandle RECVMSG = handle("recvmsg", FunctionDescriptor.of(LONG, INT, PTR, INT));
    private static final MethodHandle RECV = handle("recv", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle READ = handle("read", FunctionDescriptor.of(LONG, INT, PTR, LONG));
    private static final MethodHandle WRITE = handle("write", FunctionDescriptor.of(LONG, INT, PTR, LONG));
    private static final MethodHandle EPOLL_CREATE1 = handle("epoll_create1", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle EPOLL_CTL = handle("epoll_ctl", FunctionDescriptor.of(INT, INT, INT, INT, PTR));
    private static final MethodHandle EPOLL_PWAIT2 = handle("epoll_pwait2", FunctionDescriptor.of(INT, INT, PTR, INT, PTR, PTR));
    private static final MethodHandle EVENTFD = handle("eventfd", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle IF_NAMETOINDEX = handle("if_nametoindex", FunctionDescriptor.of(INT, PTR));
    private static final MethodHandle GETPID = handle("getpid", FunctionDescriptor.of(INT));
    private static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(INT, PTR, INT));
    private static final MethodHandle UNSHARE = handle("unshare", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle MOUNT = handle("mount", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, PTR));
    private static final MethodHandle UMOUNT2 = handle("umount2", FunctionDescriptor.of(INT, PTR, INT));
    private static final MethodHandle GETTID = handle("gettid", FunctionDescriptor.of(INT));
    private static final MethodHandle SETNS = handle("setns", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LOOKUP.find("strerror").orElseThrow(),
            FunctionDescriptor.of(PTR, INT));

    private Libc() {
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name)), fd, CAPTURE_ERRNO);
    }

    /** errno of the last call on this thread. */
    private static int errno(MemorySegment captured) {
        return (int) ERRNO.get(captured, 0L);
    }

    /** The C library's text for an error number ("Operation not permitted"). */
    public static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static int check(int rc, MemorySegment captured, String op) throws LinuxException {
        if (rc < 0) {
            throw new LinuxException(op, errno(captured));
        }
        return rc;
    }

    public static int socket(int domain, int type, int protocol) throws LinuxException {
        MemorySegment c = CAPTURED.get();
        try {
            return check((int) SOCKET.invokeExact(c, domain, type, protocol), c, "socket");
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void setsockopt(int fd, int level, int name, MemorySegment value, String what) throws LinuxException {
        MemorySegment c = CAPTURED.get();
        try {
            check((int) SETSOCKOPT.invokeExact(c, fd, level, name, value, (int) value.byteSize()), c, "setsockopt " + what);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void setsockoptInt(int fd, int level, int name, int value, String what) throws LinuxException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(INT);
            v.set(INT, 0, value);
            setsockopt(fd, level, name, v, what);
        }
    }

    public static void bind(int fd, MemorySegment sockaddr, String what) throws LinuxException {
        MemorySegment c = CAPTURED.get();
        try {
            check((int) BIND.invokeExact(c, fd, sockaddr, (int) sockaddr.byteSize()), c, "bind " + what);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** sendto(2): bytes sent, or -errno. */
    public static long sendto(int fd, MemorySegment buf, long length, int flags, MemorySegment addr) {
        MemorySegment c = CAPTURED.get();
        try {
            long n = (long) SENDTO.invokeExact(c, fd, buf, length, flags, addr, addr == MemorySegment.NULL ? 0 : (int) addr.byteSize());
            return n < 0 ? -errno(c) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** sendmsg(2): bytes sent, or -errno. */
    public static long sendmsg(int fd, MemorySegment msghdr, int flags) {
        MemorySegment c = CAPTURED.get();
        try {
            long n = (long) SENDMSG.invokeExact(c, fd, msghdr, flags);
            return n < 0 ? -errno(c) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** recvmsg(2): bytes received, or -errno. */
    public static long recvmsg(int fd, MemorySegment msghdr, int flags) {
        MemorySegment c = CAPTURED.get();
        try {
            long n = (long) RECVMSG.invokeExact(c, fd, msghdr, flags);
            return n < 0 ? -errno(c) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** recv(2): bytes received, or -errno. */
    public static long recv(int fd, MemorySegment buf, long length, int flags) {
        MemorySegment c = CAPTURED.get();
        try {
            long n = (long) RECV.invokeExact(c, fd, buf, length, flags);
            return n < 0 ? -errno(c) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** read(2): bytes read, or -errno. */
    public static long read(int fd, MemorySegment buf, long length) {
        MemorySegment c = CAPTURED.get();
        try {
            long n = (long) READ.invokeExact(c, fd, buf, length);
            return n < 0 ? -errno(c) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** write(2): bytes written, or -errno. */
    public static long write(int fd, MemorySegment buf, long length) {
        MemorySegment c = CAPTURED.get();
        try {
            long n = (long) WRITE.invokeExact(c, fd, buf, length);
            return n < 0 ? -errno(c) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** close(2); errors are ignored (there is nothing to do about them). */
    public static void close(int fd) {
        if (fd < 0) {
            return;
        }
        MemorySegment c = CAPTURED.get();
        try {
            int ignored = (int) CLOSE.invokeExact(c, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int epollCreate() throws LinuxException {
        MemorySegment c = CAPTURED.get();
        try {
            return check((int) EPOLL_CREATE1.invokeExact(c, EPOLL_CLOEXEC), c, "epoll_create1");
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** epoll_ctl(2) with {@code events} and {@code data} in a struct epoll_event. */
    public static void epollCtl(int epfd, int op, int fd, int events, long data) throws LinuxException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ev = a.allocate(EPOLL_EVENT_SIZE, 4);
            ev.set(ValueLayout.JAVA_INT_UNALIGNED, 0, events);
            ev.set(ValueLayout.JAVA_LONG_UNALIGNED, 4, data);
            MemorySegment c = CAPTURED.get();
            check((int) EPOLL_CTL.invokeExact(c, epfd, op, fd, ev), c, "epoll_ctl");
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * epoll_pwait2(2): waits at most {@code timeout} (a struct timespec, or NULL for ever) for
     * events into {@code events} (room for {@code max}); returns their number, or -errno (EINTR).
     */
    public static int epollWait(int epfd, MemorySegment events, int max, MemorySegment timeout) {
        MemorySegment c = CAPTURED.get();
        try {
            int n = (int) EPOLL_PWAIT2.invokeExact(c, epfd, events, max, timeout, MemorySegment.NULL);
            return n < 0 ? -errno(c) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int eventfd() throws LinuxException {
        MemorySegment c = CAPTURED.get();
        try {
            return check((int) EVENTFD.invokeExact(c, 0, EFD_CLOEXEC | EFD_NONBLOCK), c, "eventfd");
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** if_nametoindex(3): the interface's index, 0 if there is no such interface. */
    public static int ifNameToIndex(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = CAPTURED.get();
            return (int) IF_NAMETOINDEX.invokeExact(c, a.allocateFrom(name));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    /** open(2) read-only, close-on-exec. */
    public static int openReadOnly(String path) throws LinuxException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = CAPTURED.get();
            return check((int) OPEN.invokeExact(c, a.allocateFrom(path), O_RDONLY | O_CLOEXEC), c, "open " + path);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * setns(2) into the network namespace of {@code /run/netns/NAME} (or any nsfs path). Only the
     * calling thread moves; sockets it creates afterwards live in that namespace for good.
     */
    public static void enterNetworkNamespace(String path) throws LinuxException {
        int fd = openReadOnly(path);
        try {
            MemorySegment c = CAPTURED.get();
            check((int) SETNS.invokeExact(c, fd, CLONE_NEWNET), c, "setns " + path);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            close(fd);
        }
    }

    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;

    /** unshare(2): the calling thread gets new namespaces of the kinds in {@code flags}. */
    public static void unshare(int flags) throws LinuxException {
        MemorySegment c = CAPTURED.get();
        try {
            check((int) UNSHARE.invokeExact(c, flags), c, "unshare");
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** mount(2) without a filesystem type or data (bind mounts, propagation changes). */
    public static void mount(String source, String target, long flags) throws LinuxException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = CAPTURED.get();
            MemorySegment src = source == null ? MemorySegment.NULL : a.allocateFrom(source);
            check((int) MOUNT.invokeExact(c, src, a.allocateFrom(target), a.allocateFrom("none"), flags, MemorySegment.NULL), c,
                    "mount " + target);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** umount2(2). */
    public static void umount(String target, int flags) throws LinuxException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = CAPTURED.get();
            check((int) UMOUNT2.invokeExact(c, a.allocateFrom(target), flags), c, "umount " + target);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** gettid(2): the calling thread's kernel id. */
    public static int gettid() {
        try {
            return (int) GETTID.invokeExact(CAPTURED.get());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int getpid() {
        try {
            return (int) GETPID.invokeExact(CAPTURED.get());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
