package io.jkeepalived.lab;

import io.jkeepalived.linux.Libc;
import io.jkeepalived.linux.Netns;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches the lab's bridge for VRRP adverts (a packet socket on br0, in the bridge's namespace),
 * so the takeover time is measured on the wire: the new master's first advert minus the old
 * master's last.
 */
final class Sniffer implements AutoCloseable {

    /** An advert seen on the bridge: when, from which address (last byte), with which priority. */
    record Seen(long at, int source, int priority) {
    }

    private static final int ETH_P_ALL = 0x0003;
    private static final int SO_RCVTIMEO = 20;

    final List<Seen> adverts = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private final Thread thread;

    Sniffer(Netns bridge, String ifname) throws IOException {
        int fd = bridge.call(() -> {
            int s = Libc.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Short.reverseBytes((short) ETH_P_ALL) & 0xffff);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment ll = a.allocate(20, 4);
                ll.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_PACKET);
                ll.set(ValueLayout.JAVA_BYTE, 2, (byte) 0);
                ll.set(ValueLayout.JAVA_BYTE, 3, (byte) ETH_P_ALL);
                ll.set(ValueLayout.JAVA_INT, 4, Libc.ifNameToIndex(ifname));
                Libc.bind(s, ll, "packet socket on " + ifname);
                MemorySegment tv = a.allocate(16, 8);
                tv.set(ValueLayout.JAVA_LONG, 8, 20_000);
                Libc.setsockopt(s, Libc.SOL_SOCKET, SO_RCVTIMEO, tv, "SO_RCVTIMEO");
            }
            return s;
        });
        thread = Thread.ofPlatform().daemon().name("lab-sniff").start(() -> loop(fd));
    }

    private void loop(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment frame = a.allocate(2048, 8);
            ByteBuffer f = frame.asByteBuffer().order(ByteOrder.BIG_ENDIAN);
            while (running) {
                long n = Libc.recv(fd, frame, 2048, 0);
                long at = System.nanoTime();
                // Ethernet, IPv4, protocol 112: an advert
                if (n >= 14 + 20 + 8 && (f.getShort(12) & 0xffff) == 0x0800 && (f.get(14 + 9) & 0xff) == Libc.IPPROTO_VRRP) {
                    int ihl = (f.get(14) & 0x0f) * 4;
                    adverts.add(new Seen(at, f.get(14 + 15) & 0xff, f.get(14 + ihl + 2) & 0xff));
                }
            }
        } finally {
            Libc.close(fd);
        }
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
