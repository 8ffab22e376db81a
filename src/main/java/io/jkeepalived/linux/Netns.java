package io.jkeepalived.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Named network namespaces as {@code ip netns} makes them (a bind mount of the namespace on
 * /run/netns/NAME, so other tools see them), made with unshare(2) and mount(2); and a thread
 * inside one, on which sockets belong to it. For the lab demo.
 */
public final class Netns implements AutoCloseable {

    public static final Path DIR = Path.of("/run/netns");

    private final String name;
    private final ExecutorService thread;

    private Netns(String name, ExecutorService thread) {
        this.name = name;
        this.thread = thread;
    }

    /** Creates /run/netns/NAME holding a new, empty network namespace. */
    public static Netns create(String name) throws IOException {
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name);
        if (Files.exists(file)) {
            throw new IOException("network namespace " + name + " already exists");
        }
        Files.createFile(file);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + name);
            t.setDaemon(true);
            return t;
        });
        Netns ns = new Netns(name, thread);
        try {
            ns.call(() -> {
                // this thread alone moves to a new namespace, which the bind mount keeps alive
                Libc.unshare(Libc.CLONE_NEWNET);
                Libc.mount("/proc/self/task/" + Libc.gettid() + "/ns/net", file.toString(), Libc.MS_BIND);
                return null;
            });
        } catch (IOException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    public Path path() {
        return DIR.resolve(name);
    }

    /** Runs {@code task} on a thread inside the namespace. */
    public <T> T call(Callable<T> task) throws IOException {
        Future<T> f = thread.submit(task);
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("timed out in namespace " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Opens the namespace file (for IFLA_NET_NS_FD); close the descriptor with {@link Libc#close}. */
    public int open() throws LinuxException {
        return Libc.openReadOnly(path().toString());
    }

    /** Removes the namespace (its interfaces go with it once nothing uses it). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            Libc.umount(path().toString(), Libc.MNT_DETACH);
        } catch (LinuxException e) {
            // not mounted
        }
        try {
            Files.deleteIfExists(path());
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
