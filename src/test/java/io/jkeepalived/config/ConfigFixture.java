package io.jkeepalived.config;

import io.jkeepalived.config.check.Host;
import io.jkeepalived.config.dump.ConfigDumper;
import io.jkeepalived.config.dump.ConfigJson;
import io.jkeepalived.config.parse.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads configuration text in tests: written to a temporary file, read with a host that has
 * interfaces lo and eth0..eth2 (with veth peers peer0..peer2, as in the oracle's namespace), config id "lb01" and a fixed random seed.
 */
public final class ConfigFixture {

    public static final Set<String> INTERFACES = Set.of("lo", "eth0", "eth1", "eth2", "peer0", "peer1", "peer2");

    private ConfigFixture() {
    }

    public static LoadResult load(String text) {
        return load(text, "lb01");
    }

    public static LoadResult load(String text, String configId) {
        try {
            Path dir = Files.createTempDirectory("jk-config");
            Path file = dir.resolve("keepalived.conf");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try {
                return loadFile(file, configId);
            } finally {
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoadResult loadFile(Path file, String configId) {
        return ConfigLoader.load(new ConfigLoader.Options(file, configId, Host.withInterfaces(INTERFACES), 42));
    }

    /** The diagnostics as printed, without the file name: "LINE: severity: message". */
    public static List<String> messages(LoadResult r) {
        return r.diagnostics().stream()
                .filter(d -> !d.message().startsWith("accepted but"))
                .map(d -> d.pos().line() + ": " + d.severity().label() + ": " + d.message())
                .toList();
    }

    public static Block root(LoadResult r) {
        return r.config().root();
    }

    public static String dump(LoadResult r) {
        return ConfigDumper.dump(r.config().root());
    }

    public static String json(LoadResult r) {
        return ConfigJson.toJson(r.config().root());
    }
}
