package io.jkeepalived.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference implementation, Debian's keepalived 2.2.7, as {@code keepalived -t -f FILE}
 * and returns its exit status and messages, so tests can compare with it. Tests that use it are
 * skipped where keepalived is not installed (CI installs it).
 */
public final class KeepalivedOracle {

    public static final Path BINARY = Path.of("/usr/sbin/keepalived");

    public record Verdict(int exitStatus, List<String> lines) {
    }

    private KeepalivedOracle() {
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** keepalived -t on a file; -i sets the config id. */
    public static Verdict configTest(Path file, String configId) {
        try {
            ProcessBuilder pb = new ProcessBuilder(BINARY.toString(), "-t", "-f", file.toString(), "-i", configId)
                    .redirectErrorStream(true);
            Process p = pb.start();
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
}
