package io.jkeepalived.daemon;

import io.jkeepalived.linux.Libc;
import io.jkeepalived.linux.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;

/**
 * The one thread that owns all VRRP state (DESIGN.md principle 2): an epoll loop over the raw
 * sockets, the netlink socket and an eventfd, waking for the earliest deadline with nanosecond
 * precision (epoll_pwait2). Other threads never touch what it owns: they {@link #post} a task,
 * which wakes it through the eventfd.
 */
public final class Reactor implements AutoCloseable {

    /** Something with a file descriptor to watch; called on the reactor thread when it is readable. */
    @FunctionalInterface
    public interface Readable {
        void ready(long now);
    }

    /** When the next timer is due, and what to do then; consulted after every wake-up. */
    public interface Timers {
        /** Whether anything is scheduled. */
        boolean hasDeadline();

        /** The earliest deadline (System.nanoTime() units); only asked if {@link #hasDeadline()}. */
        long nextDeadline(long now);

        /** Fires what is due. */
        void fire(long now);
    }

    private static final int MAX_EVENTS = 64;
    private static final long WAKE_TOKEN = -1;

    private final int epfd;
    private final int wakeFd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events = arena.allocate((long) Libc.EPOLL_EVENT_SIZE * MAX_EVENTS, 8);
    private final MemorySegment timeout = arena.allocate(16, 8);
    private final MemorySegment counter = arena.allocate(8, 8);
    private final MemorySegment one = arena.allocate(8, 8);
    private final List<Readable> handlers = new ArrayList<>();
    private final ConcurrentLinkedQueue<LongConsumer> tasks = new ConcurrentLinkedQueue<>();
    private final List<Timers> timers = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Thread thread;

    public Reactor() throws LinuxException {
        this.epfd = Libc.epollCreate();
        try {
            this.wakeFd = Libc.eventfd();
            Libc.epollCtl(epfd, Libc.EPOLL_CTL_ADD, wakeFd, Libc.EPOLLIN, WAKE_TOKEN);
        } catch (LinuxException e) {
            Libc.close(epfd);
            arena.close();
            throw e;
        }
        one.set(ValueLayout.JAVA_LONG, 0, 1);
    }

    /** Watches {@code fd} for input; register before {@link #run} or from the reactor thread. */
    public void register(int fd, Readable handler) throws LinuxException {
        handlers.add(handler);
        Libc.epollCtl(epfd, Libc.EPOLL_CTL_ADD, fd, Libc.EPOLLIN, handlers.size() - 1);
    }

    /** Stops watching {@code fd} (its handler slot stays, unused). */
    public void unregister(int fd) {
        try {
            Libc.epollCtl(epfd, Libc.EPOLL_CTL_DEL, fd, 0, 0);
        } catch (LinuxException e) {
            // already closed
        }
    }

    /** Adds a source of deadlines (the engine, announcement pacing, ...). */
    public void addTimers(Timers t) {
        timers.add(t);
    }

    /** Runs {@code task} on the reactor thread, soon; from any thread. */
    public void post(LongConsumer task) {
        tasks.add(task);
        wake();
    }

    private void wake() {
        Libc.write(wakeFd, one, 8);
    }

    /** Ends {@link #run} after the current iteration; from any thread. */
    public void stop() {
        running = false;
        wake();
    }

    public boolean onReactorThread() {
        return Thread.currentThread() == thread;
    }

    /** The loop; returns when {@link #stop} is called. */
    public void run() {
        thread = Thread.currentThread();
        long now = System.nanoTime();
        fireTimers(now);
        while (running) {
            MemorySegment t = MemorySegment.NULL;
            now = System.nanoTime();
            long wait = Long.MAX_VALUE;
            for (int i = 0; i < timers.size(); i++) {
                Timers ti = timers.get(i);
                if (ti.hasDeadline()) {
                    wait = Math.min(wait, Math.max(0, ti.nextDeadline(now) - now));
                }
            }
            if (wait != Long.MAX_VALUE) {
                timeout.set(ValueLayout.JAVA_LONG, 0, wait / 1_000_000_000L);
                timeout.set(ValueLayout.JAVA_LONG, 8, wait % 1_000_000_000L);
                t = timeout;
            }
            int n = Libc.epollWait(epfd, events, MAX_EVENTS, t);
            now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long token = events.get(ValueLayout.JAVA_LONG_UNALIGNED, (long) i * Libc.EPOLL_EVENT_SIZE + 4);
                if (token == WAKE_TOKEN) {
                    Libc.read(wakeFd, counter, 8);
                } else {
                    handlers.get((int) token).ready(now);
                }
            }
            LongConsumer task;
            while ((task = tasks.poll()) != null) {
                task.accept(now);
            }
            fireTimers(System.nanoTime());
        }
    }

    private void fireTimers(long now) {
        for (int i = 0; i < timers.size(); i++) {
            Timers ti = timers.get(i);
            if (ti.hasDeadline() && ti.nextDeadline(now) - now <= 0) {
                ti.fire(now);
            }
        }
    }

    @Override
    public void close() {
        Libc.close(wakeFd);
        Libc.close(epfd);
        arena.close();
    }
}
