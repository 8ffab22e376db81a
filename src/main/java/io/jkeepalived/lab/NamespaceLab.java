package io.jkeepalived.lab;

import io.jkeepalived.linux.Libc;
import io.jkeepalived.linux.Netns;
import io.jkeepalived.linux.Rtnetlink;
import io.jkeepalived.vrrp.Addresses;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code jkeepalived lab} with root: seed 000's story on a real LAN made of network namespaces
 * (a bridge, a client, lb01 and lb02), with two real jkeepalived daemons. It shows who holds
 * the VIP and the client's pings, cuts the master's cable, measures the takeover on the wire
 * against Master_Down_Interval, restores the cable, shows preemption, and removes everything.
 */
final class NamespaceLab {

    static final String VIP = "10.99.0.3";
    /** Master_Down_Interval of lb02 (priority 100, VRRPv2, 1 s): 3 x 1 s + (256 - 100) / 256 s. */
    static final double MDI_SECONDS = 3 + (256 - 100) / 256.0;

    private final PrintStream out;
    private final String prefix = "jklab" + ProcessHandle.current().pid();
    private final List<Netns> namespaces = new ArrayList<>();
    private final List<Process> daemons = new ArrayList<>();
    private Path dir;
    private Netns bridge;
    private Netns lb01;
    private Netns lb02;
    private Netns client;

    NamespaceLab(PrintStream out) {
        this.out = out;
    }

    static String config(String router, String state, int priority) {
        return """
                ! seed 000: keepalived + nginx, the master/backup pair
                global_defs {
                   router_id %s
                }
                vrrp_instance VI_1 {
                    state %s
                    interface eth0
                    virtual_router_id 50
                    priority %d
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(router, state, priority, VIP);
    }

    int run() throws IOException, InterruptedException {
        Thread hook = new Thread(this::teardown);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            build();
            story();
            return 0;
        } finally {
            teardown();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void build() throws IOException {
        out.println("Building a LAN in network namespaces " + prefix + "-*: a bridge, a client (10.99.0.100), lb01 (10.99.0.1) and lb02 (10.99.0.2)");
        dir = Files.createTempDirectory("jklab");
        bridge = ns("br");
        lb01 = ns("lb01");
        lb02 = ns("lb02");
        client = ns("client");
        bridge.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                rt.setUp(Libc.ifNameToIndex("lo"), true);
                rt.createBridge("br0");
                rt.setUp(Libc.ifNameToIndex("br0"), true);
            }
            return null;
        });
        cable(lb01, 1, "p1");
        cable(lb02, 2, "p2");
        cable(client, 100, "pc");
        Files.writeString(dir.resolve("lb01.conf"), config("lb01", "MASTER", 150));
        Files.writeString(dir.resolve("lb02.conf"), config("lb02", "BACKUP", 100));
    }

    private Netns ns(String name) throws IOException {
        Netns n = Netns.create(prefix + "-" + name);
        namespaces.add(n);
        return n;
    }

    /** A veth from the bridge (port {@code port}) to {@code node}'s eth0, with 10.99.0.N/24. */
    private void cable(Netns node, int n, String port) throws IOException {
        int fd = node.open();
        try {
            bridge.call(() -> {
                try (Rtnetlink rt = new Rtnetlink()) {
                    rt.createVeth(port, null, "eth0", fd);
                    rt.setMaster(Libc.ifNameToIndex(port), Libc.ifNameToIndex("br0"));
                    rt.setUp(Libc.ifNameToIndex(port), true);
                }
                return null;
            });
        } finally {
            Libc.close(fd);
        }
        node.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                rt.setUp(Libc.ifNameToIndex("lo"), true);
                int eth0 = Libc.ifNameToIndex("eth0");
                rt.addAddress(Rtnetlink.AddressRequest.of(eth0, Addresses.parse("10.99.0." + n), 24));
                rt.setUp(eth0, true);
            }
            return null;
        });
    }

    private void setPort(String port, boolean up) throws IOException {
        bridge.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                rt.setUp(Libc.ifNameToIndex(port), up);
            }
            return null;
        });
    }

    /** Whether {@code node} has the VIP. */
    private boolean holds(Netns node) {
        try {
            return node.call(() -> {
                try (Rtnetlink rt = new Rtnetlink()) {
                    byte[] vip = Addresses.parse(VIP);
                    return rt.addresses().stream().anyMatch(a -> java.util.Arrays.equals(a.address(), vip));
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private String holder() {
        boolean one = holds(lb01);
        boolean two = holds(lb02);
        return one && two ? "lb01 and lb02 (!)" : one ? "lb01" : two ? "lb02" : "nobody";
    }

    private Process start(String node, Netns ns) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar;
        try {
            jar = Path.of(NamespaceLab.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-cp", jar,
                "io.jkeepalived.cli.Main", "-n", "-l", "-s", ns.name(), "-f", dir.resolve(node + ".conf").toString(),
                "-p", dir.resolve(node + ".pid").toString(), "-r", dir.resolve(node + "-vrrp.pid").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(node + ".log").toFile()).start();
        daemons.add(p);
        return p;
    }

    private void story() throws IOException, InterruptedException {
        out.println("Starting jkeepalived on lb01 (MASTER, priority 150) and lb02 (BACKUP, priority 100), VIP " + VIP);
        Process d1 = start("lb01", lb01);
        start("lb02", lb02);
        if (!await(Duration.ofSeconds(30), () -> holds(lb01) && !holds(lb02))) {
            out.println("lb01 did not take the VIP; its log:\n" + Files.readString(dir.resolve("lb01.log")));
            return;
        }
        out.println("lb01 holds " + VIP + " (MASTER); lb02 is BACKUP");
        try (Sniffer sniffer = new Sniffer(bridge, "br0"); Pinger pinger = new Pinger(client, Addresses.parse(VIP))) {
            long t = System.nanoTime();
            Thread.sleep(1000);
            long t1 = System.nanoTime();
            out.printf("client: %d of %d pings to %s answered in the last second%n", pinger.answered(t, t1), pinger.sent(t, t1), VIP);

            out.println("Cutting lb01's cable...");
            long cut = System.nanoTime();
            setPort("p1", false);
            if (!await(Duration.ofSeconds(15), () -> holds(lb02))) {
                out.println("lb02 did not take over");
                return;
            }
            Thread.sleep(1500);
            long lastOld = 0;
            long firstNew = 0;
            for (Sniffer.Seen s : sniffer.adverts) {
                if (s.source() == 1 && s.at() - cut <= 0) {
                    lastOld = s.at();
                }
                if (s.source() == 2 && s.at() - cut > 0 && firstNew == 0) {
                    firstNew = s.at();
                }
            }
            out.println("lb02 holds " + VIP + " (MASTER)");
            if (lastOld != 0 && firstNew != 0) {
                double takeover = (firstNew - lastOld) / 1e9;
                out.printf("takeover on the wire (lb02's first advert - lb01's last): %.3f s; Master_Down_Interval %.6f s;"
                        + " ratio %.4f%n", takeover, MDI_SECONDS, takeover / MDI_SECONDS);
            }
            out.printf("client: longest time without an answer around the cut: %.3f s%n",
                    pinger.longestGap(cut - 500_000_000L, System.nanoTime()) / 1e9);

            out.println("Restoring lb01's cable...");
            setPort("p1", true);
            if (!await(Duration.ofSeconds(20), () -> holds(lb01) && !holds(lb02))) {
                out.println("lb01 did not take the VIP back");
                return;
            }
            out.println("lb01 (150) preempted lb02 (100): lb01 holds " + VIP + " again; holder now: " + holder());
        }
        out.println("Stopping the daemons (lb01 sends priority 0, lb02 takes over in its skew time, then stops)");
        d1.destroy();
        d1.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - end < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private void teardown() {
        for (Process p : daemons) {
            p.destroy();
        }
        for (Process p : daemons) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        daemons.clear();
        for (Netns n : namespaces) {
            n.close();
        }
        if (!namespaces.isEmpty()) {
            out.println("Removed the namespaces " + prefix + "-*");
        }
        namespaces.clear();
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
            dir = null;
        }
    }
}
