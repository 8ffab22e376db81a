package io.jkeepalived.config;

import io.jkeepalived.config.check.CheckContext;
import io.jkeepalived.config.check.Checks;
import io.jkeepalived.config.check.Host;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.BlockParser;
import io.jkeepalived.config.read.ConfigReader;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jkeepalived.config.schema.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads, parses and validates a keepalived.conf: the one entry point for {@code -t}, {@code -d},
 * {@code config --json} and the daemon. Never throws for bad input: everything wrong is a
 * {@link Diagnostic}.
 */
public final class ConfigLoader {

    /** The default configuration file, as keepalived's. */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/keepalived/keepalived.conf");

    /**
     * @param configId   for {@code @id} conditional lines (keepalived's -i; default: the short hostname)
     * @param randomSeed seed for {@code ${_RANDOM}} unless global_defs random_seed sets one
     */
    public record Options(Path file, String configId, Host host, long randomSeed) {

        public static Options of(Path file) {
            return new Options(file, shortHostname(), Host.system(), System.nanoTime());
        }

        public Options withConfigId(String id) {
            return new Options(file, id, host, randomSeed);
        }

        public Options withHost(Host h) {
            return new Options(file, configId, h, randomSeed);
        }
    }

    private ConfigLoader() {
    }

    public static LoadResult load(Options options) {
        Diagnostics diags = new Diagnostics();
        ConfigReader reader = new ConfigReader(options.file(),
                new ConfigReader.Options(options.configId(), options.randomSeed()), diags);
        BlockParser parser = new BlockParser(reader, RootKeywords.BLOCK, diags);
        Block parsed = parser.parse();
        Block checked = Checks.run(parsed, new CheckContext(diags, options.host()));
        notImplemented(parser.usage(), diags);
        return new LoadResult(options.file(), new KeepalivedConfig(checked), diags.list(), diags.dropped(), diags.exitStatus(),
                parser.usage());
    }

    /**
     * Names the keywords used that are accepted but have no effect yet: one warning per area of
     * functionality, at the first use of any of them, listing them all by name.
     */
    private static void notImplemented(Map<Keyword<?>, BlockParser.Usage> usage, Diagnostics diags) {
        Map<Feature, List<Keyword<?>>> byFeature = new LinkedHashMap<>();
        Map<Feature, SourcePos> first = new LinkedHashMap<>();
        usage.forEach((keyword, use) -> {
            if (!keyword.implemented()) {
                byFeature.computeIfAbsent(keyword.feature(), f -> new ArrayList<>()).add(keyword);
                first.putIfAbsent(keyword.feature(), use.first());
            }
        });
        byFeature.forEach((feature, keywords) -> {
            String names = keywords.stream().map(Keyword::name).distinct().collect(Collectors.joining(", "));
            String what = feature == Feature.NOT_APPLICABLE
                    ? "accepted but have no effect in jkeepalived (" + feature.description() + ")"
                    : "accepted but not implemented yet (" + feature.description() + ")";
            diags.lint(first.get(feature), what + ": " + names);
        });
    }

    /** keepalived's default config id: the host name up to the first dot. */
    public static String shortHostname() {
        String name;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
