package io.jkeepalived.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A LAN of network namespaces for the integration tests: one namespace holding a bridge, and
 * nodes each with an {@code eth0} cabled to it (a veth pair), with IPv4 10.42.0.N/24 and IPv6
 * fd42::N/64 and fe80::N (no DAD), plus a client. Daemons (jkeepalived through bin/jkeepalived,
 * or Debian's keepalived) run in the node namespaces as real processes. Everything it made is
 * removed by {@link #close}, and at JVM exit if a test dies first. Setup uses ip(8), tcpdump and
 * the like; the daemons under test do not.
 */
public final class Lan implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final Path ROOT = Path.of(System.getProperty("user.dir"));
    public static final Path LAUNCHER = ROOT.resolve("bin/jkeepalived");
    public static final Path KEEPALIVED = Path.of("/usr/sbin/keepalived");

    /** Which implementation a node runs. */
    public enum Kind { JKEEPALIVED, KEEPALIVED }

    /** A node: its namespace, its number (the last byte of its addresses), its daemon if running. */
    public final class Node {
        final String name;
        final String ns;
        final int number;
        final String port;
        Process daemon;
        Path log;
        Path pidFile;
        Kind kind;

        Node(String name, int number) {
            this.name = name;
            this.number = number;
            this.ns = prefix + "-" + name;
            this.port = "p" + number;
        }

        public String name() {
            return name;
        }

        public String namespace() {
            return ns;
        }

        public String ipv4() {
            return "10.42.0." + number;
        }

        public String ipv6() {
            return "fd42::" + number;
        }

        public String linkLocal() {
            return "fe80::" + number;
        }

        public Path log() {
            return log;
        }

        public String logText() {
            try {
                return log == null ? "" : Files.readString(log);
            } catch (IOException e) {
                return "";
            }
        }

        /** Whether the node has {@code address} on eth0. */
        public boolean has(String address) {
            return run(List.of("ip", "-n", ns, "addr", "show", "dev", "eth0")).contains(" " + address + "/");
        }

        /** Starts a daemon with {@code config} (the text of a keepalived.conf); returns when the process is launched. */
        public Node start(Kind which, String config, String... extraArgs) throws IOException {
            Path conf = dir.resolve(name + ".conf");
            Files.writeString(conf, config);
            log = dir.resolve(name + "-" + which.name().toLowerCase() + "-" + COUNTER.incrementAndGet() + ".log");
            pidFile = dir.resolve(name + ".pid");
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
            cmd.add(which == Kind.JKEEPALIVED ? LAUNCHER.toString() : KEEPALIVED.toString());
            cmd.addAll(List.of("-n", "-l", "-D", "-f", conf.toString(), "-p", pidFile.toString(),
                    "-r", dir.resolve(name + "-vrrp.pid").toString(), "-c", dir.resolve(name + "-checkers.pid").toString()));
            if (which == Kind.KEEPALIVED) {
                cmd.addAll(List.of("-b", dir.resolve(name + "-bfd.pid").toString(), "-P"));
            }
            cmd.addAll(List.of(extraArgs));
            daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            kind = which;
            return this;
        }

        /** Sends a signal to the daemon (TERM, KILL, HUP, ...). */
        public void signal(String signal) {
            if (daemon != null) {
                run(List.of("kill", "-" + signal, Long.toString(daemonPid())));
            }
        }

        /** The pid of the daemon itself (ip netns exec execs it, so it is the launched process or its child java). */
        long daemonPid() {
            if (pidFile != null && Files.exists(pidFile)) {
                try {
                    return Long.parseLong(Files.readString(pidFile).strip());
                } catch (IOException | NumberFormatException e) {
                    // not written yet
                }
            }
            return daemon.pid();
        }

        /** Stops the daemon with SIGTERM and waits for it. */
        public void stop() throws InterruptedException {
            if (daemon != null && daemon.isAlive()) {
                signal("TERM");
                if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                    killHard();
                }
            }
        }

        /** SIGKILL: the daemon gets no chance to clean up. */
        public void killHard() throws InterruptedException {
            if (daemon != null) {
                long pid = daemonPid();
                // children first (keepalived's VRRP child): once the parent is gone they are no longer its descendants
                daemon.descendants().forEach(ProcessHandle::destroyForcibly);
                run(List.of("kill", "-KILL", Long.toString(pid)));
                daemon.destroyForcibly();
                daemon.waitFor(10, TimeUnit.SECONDS);
            }
        }

        public boolean alive() {
            return daemon != null && daemon.isAlive();
        }

        /** Pulls the node's cable: the bridge port goes down, so the node's eth0 loses its carrier. */
        public void cutCable() {
            run(List.of("ip", "-n", bridgeNs, "link", "set", port, "down"));
        }

        public void restoreCable() {
            run(List.of("ip", "-n", bridgeNs, "link", "set", port, "up"));
        }

        /** Runs a command in the node's namespace; returns its output. */
        public String exec(String... command) {
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
            cmd.addAll(List.of(command));
            return run(cmd);
        }
    }

    private final String prefix;
    private final String bridgeNs;
    private final Path dir;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Thread hook;
    private final List<Process> captures = new ArrayList<>();

    private Lan(String prefix) throws IOException {
        this.prefix = prefix;
        this.bridgeNs = prefix + "-br";
        this.dir = Files.createTempDirectory("jklan");
        this.hook = new Thread(this::removeAll);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether the tests can run: root, ip(8), and the launcher. */
    public static boolean available() {
        return ProcessHandle.current().info().user().map("root"::equals).orElse(false)
                && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip")));
    }

    public static boolean keepalivedAvailable() {
        return Files.isExecutable(KEEPALIVED);
    }

    /** A LAN with nodes named as given (numbered 1, 2, ... in that order) and a client (number 100). */
    public static Lan create(String... names) throws IOException {
        String prefix = "jk" + ProcessHandle.current().pid() % 100000 + "l" + COUNTER.incrementAndGet();
        Lan lan = new Lan(prefix);
        try {
            lan.must(List.of("ip", "netns", "add", lan.bridgeNs));
            lan.must(List.of("ip", "-n", lan.bridgeNs, "link", "add", "br0", "type", "bridge"));
            lan.must(List.of("ip", "-n", lan.bridgeNs, "link", "set", "br0", "up"));
            int n = 1;
            for (String name : names) {
                lan.addNode(name, n++);
            }
            lan.addNode("client", 100);
            for (Node node : lan.nodes.values()) {
                lan.awaitUp(node);
            }
        } catch (IOException | RuntimeException e) {
            lan.close();
            throw e;
        }
        return lan;
    }

    private void addNode(String name, int number) throws IOException {
        Node node = new Node(name, number);
        nodes.put(name, node);
        must(List.of("ip", "netns", "add", node.ns));
        must(List.of("ip", "-n", node.ns, "link", "set", "lo", "up"));
        must(List.of("ip", "-n", node.ns, "link", "add", "eth0", "address", String.format("02:42:00:00:00:%02x", number),
                "type", "veth", "peer", "name", node.port, "netns", bridgeNs));
        must(List.of("ip", "-n", bridgeNs, "link", "set", node.port, "master", "br0"));
        must(List.of("ip", "-n", bridgeNs, "link", "set", node.port, "up"));
        must(List.of("ip", "-n", node.ns, "addr", "add", node.ipv4() + "/24", "dev", "eth0"));
        must(List.of("ip", "-n", node.ns, "addr", "add", node.ipv6() + "/64", "dev", "eth0", "nodad"));
        must(List.of("ip", "-n", node.ns, "addr", "add", node.linkLocal() + "/64", "dev", "eth0", "nodad"));
        must(List.of("ip", "-n", node.ns, "link", "set", "eth0", "up"));
    }

    private void awaitUp(Node node) throws IOException {
        if (!waitUntil(Duration.ofSeconds(5), () -> run(List.of("ip", "-n", node.ns, "link", "show", "eth0")).contains("state UP"))) {
            throw new IOException("eth0 of " + node.name + " did not come up");
        }
    }

    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    public Node client() {
        return node("client");
    }

    public Path directory() {
        return dir;
    }

    public String bridgeNamespace() {
        return bridgeNs;
    }

    /** The nodes (not the client) that have {@code address}. */
    public List<String> holders(String address) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (!n.name.equals("client") && n.has(address)) {
                out.add(n.name);
            }
        }
        return out;
    }

    /**
     * Starts tcpdump on the bridge (it sees every frame of the LAN) writing {@code file}; returns
     * once it is capturing. Stopped by {@link #close} or {@link #stopCaptures}.
     */
    public Path capture(String file, String filter) throws IOException {
        Path pcap = dir.resolve(file);
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", bridgeNs, "tcpdump", "-Z", "root", "--immediate-mode",
                "-U", "-ni", "br0", "-w", pcap.toString()));
        if (!filter.isEmpty()) {
            cmd.add(filter);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        captures.add(p);
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.contains("listening on"); line = out.readLine()) {
            // wait until it captures
        }
        return pcap;
    }

    public void stopCaptures() {
        for (Process p : captures) {
            p.destroy();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        captures.clear();
    }

    /** Polls {@code condition} every 10 ms until it holds or {@code timeout} passes. */
    public static boolean waitUntil(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void must(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void removeAll() {
        for (Node n : nodes.values()) {
            try {
                n.killHard();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopCaptures();
        for (Node n : nodes.values()) {
            run(List.of("ip", "netns", "del", n.ns));
        }
        run(List.of("ip", "netns", "del", bridgeNs));
        if (!Boolean.getBoolean("jk.keep.lan")) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
