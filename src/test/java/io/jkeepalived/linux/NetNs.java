package io.jkeepalived.linux;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace a test creates and always removes (also at JVM exit), and a thread that
 * lives in it: sockets made on that thread belong to the namespace. Setup uses the ip(8)
 * command (the product never does); everything under test goes through our own code.
 */
public final class NetNs implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final ExecutorService thread;
    private final Thread hook;

    private NetNs(String name) {
        this.name = name;
        this.hook = new Thread(() -> run("ip", "netns", "del", name));
        Runtime.getRuntime().addShutdownHook(hook);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether namespaces can be made here (root, ip(8) present). */
    public static boolean available() {
        return ProcessHandle.current().info().user().map("root"::equals).orElse(false)
                && run("ip", "netns", "list") == 0;
    }

    /** A fresh namespace named PREFIX + pid + counter, with lo up. */
    public static NetNs create(String prefix) throws Exception {
        String name = prefix + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
        if (run("ip", "netns", "add", name) != 0) {
            throw new IOException("cannot create namespace " + name);
        }
        NetNs ns = new NetNs(name);
        ns.ip("link", "set", "lo", "up");
        ns.call(() -> {
            Libc.enterNetworkNamespace("/run/netns/" + name);
            return null;
        });
        return ns;
    }

    public String name() {
        return name;
    }

    /** Runs {@code ip -n NAME ARGS...}; fails the test setup if it fails. */
    public void ip(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        if (run(cmd.toArray(String[]::new)) != 0) {
            throw new IOException("failed: " + String.join(" ", cmd));
        }
    }

    /**
     * Waits until {@code ifname} is operationally up: right after "ip link set up" the kernel
     * still drops frames (the device has no carrier and its qdisc is noop) for up to a second.
     */
    public void awaitUp(String ifname) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (ipOutput("link", "show", ifname).contains("state UP")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IOException(ifname + " in " + name + " did not come up");
    }

    /** Output of {@code ip -n NAME ARGS...}. */
    public String ipOutput(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Something to run in the namespace that may fail. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** Runs {@code task} on the namespace's thread. */
    public <T> T call(Callable<T> task) throws Exception {
        Future<T> f = thread.submit(task);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        run("ip", "netns", "del", name);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
