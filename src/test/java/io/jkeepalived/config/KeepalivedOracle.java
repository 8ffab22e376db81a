package io.jkeepalived.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference implementation, Debian's keepalived 2.2.7, as {@code keepalived -t -f FILE}
 * and returns its exit status and messages, so tests can compare with it.
 *
 * <p>keepalived checks interface names against the host, so it runs in a network namespace of
 * its own whose interfaces are exactly those of {@link ConfigFixture#INTERFACES} (lo, eth0, eth1,
 * eth2, as veth pairs whose other ends are named peer0..peer2), created on first use and removed
 * when the JVM exits. Without root, or without keepalived, {@link #available()} is false and the
 * tests that need it are skipped (CI runs as root with keepalived installed).
 */
public final class KeepalivedOracle {

    public static final Path BINARY = Path.of("/usr/sbin/keepalived");

    public record Verdict(int exitStatus, List<String> lines) {
    }

    private static String namespace;
    private static Boolean available;

    private KeepalivedOracle() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            available = Files.isExecutable(BINARY) && namespace() != null;
        }
        return available;
    }

    /** The namespace keepalived runs in, created once; null if it cannot be created. */
    private static synchronized String namespace() {
        if (namespace != null) {
            return namespace;
        }
        String ns = "jkoracle" + ProcessHandle.current().pid();
        if (run("ip", "netns", "add", ns) != 0) {
            return null;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("ip", "netns", "del", ns)));
        boolean ok = run("ip", "-n", ns, "link", "set", "lo", "up") == 0;
        for (int i = 0; i < 3 && ok; i++) {
            ok = run("ip", "-n", ns, "link", "add", "eth" + i, "type", "veth", "peer", "name", "peer" + i) == 0
                    && run("ip", "-n", ns, "link", "set", "eth" + i, "up") == 0
                    && run("ip", "-n", ns, "addr", "add", "10.99." + i + ".1/24", "dev", "eth" + i) == 0;
        }
        if (!ok) {
            run("ip", "netns", "del", ns);
            return null;
        }
        namespace = ns;
        return ns;
    }

    private static int run(String... command) {
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

    /** keepalived -t on a file, in the oracle's namespace; -i sets the config id. */
    public static Verdict configTest(Path file, String configId) {
        String ns = namespace();
        if (ns == null) {
            throw new IllegalStateException("keepalived oracle not available (needs root and keepalived)");
        }
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, BINARY.toString(), "-t", "-f",
                file.toString(), "-i", configId));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("keepalived -t did not finish on " + file);
            }
            return new Verdict(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** keepalived -t on configuration text. */
    public static Verdict configTest(String text, String configId) {
        try {
            Path dir = Files.createTempDirectory("jk-oracle");
            Path file = dir.resolve("keepalived.conf");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try {
                return configTest(file, configId);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line numbers keepalived names in its messages ("(file: Line N)" or "(Line N)"). */
    public static java.util.SortedSet<Integer> linesNamed(Verdict v) {
        java.util.SortedSet<Integer> lines = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Line (\\d+)\\)").matcher(String.join("\n", v.lines()));
        while (m.find()) {
            lines.add(Integer.parseInt(m.group(1)));
        }
        return lines;
    }
}
