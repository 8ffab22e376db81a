package io.jkeepalived.config.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigFixture;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.dump.ConfigDumper;
import io.jkeepalived.config.dump.ConfigJson;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.BlockParser;
import io.jkeepalived.config.read.ConfigReader;
import io.jkeepalived.config.schema.RootKeywords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * -d prints the effective configuration in keepalived syntax, and parsing that output gives the
 * same configuration: for random configurations covering every keyword of the table, and for
 * every seed and keepalived sample after validation.
 */
class DumpRoundTripTest {

    /** Reads and parses text without validation. */
    static Block parseOnly(String text, Diagnostics diags) throws IOException {
        Path f = Files.createTempFile("jk-roundtrip", ".conf");
        try {
            Files.writeString(f, text);
            ConfigReader reader = new ConfigReader(f, new ConfigReader.Options("lb01", 1), diags);
            return new BlockParser(reader, RootKeywords.BLOCK, diags).parse();
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 1000)
    void everyKeywordsValuesSurviveDumpAndParse(@ForAll long seed) throws IOException {
        Block generated = new RandomConfig(seed).block(RootKeywords.BLOCK, null, 0);
        String dumped = ConfigDumper.dump(generated);
        Diagnostics diags = new Diagnostics();
        Block parsed = parseOnly(dumped, diags);
        assertThat(diags.list()).as("reading back:%n%s", dumped)
                .allSatisfy(d -> assertThat(d.message()).containsAnyOf("is deprecated", "not supported"));
        assertThat(ConfigDumper.dump(parsed)).isEqualTo(dumped);
        assertThat(ConfigJson.tree(parsed)).isEqualTo(ConfigJson.tree(generated));
    }

    static Stream<Path> realConfigurations() throws Exception {
        Path seeds = Path.of(DumpRoundTripTest.class.getResource("/seeds/README.md").toURI()).getParent();
        Stream<Path> mine = Files.list(seeds).filter(p -> p.toString().endsWith(".conf"));
        Path samples = Path.of("/usr/share/doc/keepalived/samples");
        Stream<Path> theirs = Files.isDirectory(samples)
                ? Files.list(samples).filter(p -> p.getFileName().toString().startsWith("keepalived.conf")) : Stream.empty();
        return Stream.concat(mine, theirs).sorted().toList().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realConfigurations")
    void theEffectiveConfigurationOfRealFilesSurvivesDumpAndLoad(Path file) throws IOException {
        LoadResult first = ConfigFixture.loadFile(file, "lb01");
        String dumped = ConfigDumper.dump(first.config().root());
        LoadResult second = ConfigFixture.load(dumped);
        assertThat(ConfigJson.toJson(second.config().root())).as("dump was:%n%s", dumped)
                .isEqualTo(ConfigJson.toJson(first.config().root()));
    }
}
