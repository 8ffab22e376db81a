package io.jkeepalived.lab;

import io.jkeepalived.linux.Libc;
import io.jkeepalived.linux.Netns;
import io.jkeepalived.linux.Sockaddr;
import io.jkeepalived.vrrp.InternetChecksum;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The lab's client: an ICMP echo to the VIP every 10 ms from inside the client's namespace
 * (a raw socket, no ping(8)), recording when each answer came back.
 */
final class Pinger implements AutoCloseable {

    private static final int SO_RCVTIMEO = 20;
    private static final long INTERVAL_NS = 10_000_000L;

    /** When an echo was answered (System.nanoTime). */
    final ConcurrentLinkedQueue<Long> replies = new ConcurrentLinkedQueue<>();
    /** When each echo was sent. */
    final ConcurrentLinkedQueue<Long> sent = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private final Thread thread;

    Pinger(Netns client, byte[] target) throws IOException {
        int fd = client.call(() -> {
            int s = Libc.socket(Libc.AF_INET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, 1 /* IPPROTO_ICMP */);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment tv = a.allocate(16, 8);
                tv.set(ValueLayout.JAVA_LONG, 0, 0);
                tv.set(ValueLayout.JAVA_LONG, 8, 5_000);   // 5 ms receive timeout
                Libc.setsockopt(s, Libc.SOL_SOCKET, SO_RCVTIMEO, tv, "SO_RCVTIMEO");
            }
            return s;
        });
        thread = Thread.ofPlatform().daemon().name("lab-ping").start(() -> loop(fd, target));
    }

    private void loop(int fd, byte[] target) {
        int id = (int) (ProcessHandle.current().pid() & 0xffff);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(64, 8);
            ByteBuffer echo = out.asByteBuffer().order(ByteOrder.BIG_ENDIAN);
            MemorySegment in = a.allocate(1500, 8);
            ByteBuffer reply = in.asByteBuffer().order(ByteOrder.BIG_ENDIAN);
            MemorySegment to = Sockaddr.inet(a, target, 0);
            int seq = 0;
            long next = System.nanoTime();
            while (running) {
                long now = System.nanoTime();
                if (now - next >= 0) {
                    echo.put(0, (byte) 8).put(1, (byte) 0).putShort(2, (short) 0).putShort(4, (short) id).putShort(6, (short) ++seq);
                    echo.putShort(2, (short) InternetChecksum.finish(InternetChecksum.add(echo, 0, 16, 0)));
                    Libc.sendto(fd, out, 16, 0, to);
                    sent.add(now);
                    next += INTERVAL_NS;
                }
                long n = Libc.recv(fd, in, 1500, 0);
                if (n >= 28) {
                    int ihl = (reply.get(0) & 0x0f) * 4;
                    if (reply.get(ihl) == 0 && (reply.getShort(ihl + 4) & 0xffff) == id) {
                        replies.add(System.nanoTime());
                    }
                }
            }
        } finally {
            Libc.close(fd);
        }
    }

    /** Echoes sent in [from, to). */
    long sent(long from, long to) {
        return sent.stream().filter(t -> t - from >= 0 && t - to < 0).count();
    }

    /** Answers received in [from, to). */
    long answered(long from, long to) {
        return replies.stream().filter(t -> t - from >= 0 && t - to < 0).count();
    }

    /** The longest time without an answer within [from, to). */
    long longestGap(long from, long to) {
        long last = from;
        long gap = 0;
        for (long t : replies) {
            if (t - from < 0 || t - to >= 0) {
                continue;
            }
            gap = Math.max(gap, t - last);
            last = t;
        }
        return Math.max(gap, to - last);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
