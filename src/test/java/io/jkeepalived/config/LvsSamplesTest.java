package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample configuration shipped with keepalived 2.2.7 that has LVS content loads with the
 * verdict {@code keepalived -t} gives it. Other areas are checked by other tests, so each sample
 * is reduced to its LVS part (virtual_server_group, virtual_server, SSL, and the track_file and
 * bfd_instance blocks checkers refer to), blanking the other lines so that line numbers stay;
 * both keepalived and we then read that text. Same exit status, and every line keepalived names
 * we name too (keepalived names no line for what it finds after reading, such as the fwmark
 * sample's protocol; we name the virtual server's).
 */
class LvsSamplesTest {

    static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    static Stream<String> lvsSamples() throws IOException {
        if (!Files.isDirectory(SAMPLES)) {
            return Stream.of();
        }
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf"))
                    .filter(p -> !lvsPart(read(p)).isBlank())
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Set<String> LVS_BLOCKS = Set.of("virtual_server", "virtual_server_group", "SSL", "track_file", "bfd_instance");

    /** The LVS blocks of a configuration, other lines blanked. */
    static String lvsPart(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean keep = false;
        for (String line : text.split("\n", -1)) {
            String code = line.replaceAll("[#!].*", "");
            String first = code.strip().split("[\\s{]+")[0];
            if (depth == 0) {
                keep = LVS_BLOCKS.contains(first);
            }
            for (char c : code.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            out.add(keep ? line : "");
        }
        return String.join("\n", out).strip().isEmpty() ? "" : String.join("\n", out);
    }

    @Test
    void theSamplesAreThere() throws IOException {
        assumeTrue(KeepalivedOracle.available());
        assertThat(lvsSamples()).contains("keepalived.conf.fwmark", "keepalived.conf.virtual_server_group",
                "keepalived.conf.SSL_GET", "keepalived.conf.misc_check");
    }

    @ParameterizedTest
    @MethodSource("lvsSamples")
    void sampleLoadsWithKeepalivedsVerdict(String name) {
        assumeTrue(KeepalivedOracle.available());
        String text = lvsPart(read(SAMPLES.resolve(name)));
        LoadResult ours = ConfigFixture.load(text);
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        assertThat(ours.exitStatus().code()).as("exit status: ours %s, keepalived %s", ConfigFixture.messages(ours), k.lines())
                .isEqualTo(k.exitStatus());
        assertThat(LvsCheckTest.complainedLines(ours)).as("ours %s, keepalived %s", ConfigFixture.messages(ours), k.lines())
                .containsAll(LvsCheckTest.keepalivedLines(k));
    }

    @Test
    void fwmarkSampleWarnsThatTheProtocolIsIgnored() {
        assumeTrue(Files.isDirectory(SAMPLES));
        LoadResult r = ConfigFixture.load(lvsPart(read(SAMPLES.resolve("keepalived.conf.fwmark"))));
        assertThat(ConfigFixture.messages(r)).containsExactly(
                "12: warning: Warning: Virtual server FWM 1: protocol specified for fwmark - protocol will be ignored");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.ERRORS);
    }
}
