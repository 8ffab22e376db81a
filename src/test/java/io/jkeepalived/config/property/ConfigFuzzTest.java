package io.jkeepalived.config.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigFixture;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.ExitStatus;
import io.jkeepalived.config.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Thousands of mutated configurations thrown at the loader: it never throws, every diagnostic is
 * one line with a position, and the exit status is one keepalived uses.
 */
class ConfigFuzzTest {

    private static final List<String> CORPUS = corpus();

    private static List<String> corpus() {
        try {
            Path seeds = Path.of(ConfigFuzzTest.class.getResource("/seeds/README.md").toURI()).getParent();
            List<Path> files = new ArrayList<>(Files.list(seeds).filter(p -> p.toString().endsWith(".conf")).toList());
            Path samples = Path.of("/usr/share/doc/keepalived/samples");
            if (Files.isDirectory(samples)) {
                try (Stream<Path> s = Files.list(samples)) {
                    files.addAll(s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf")).toList());
                }
            }
            List<String> texts = new ArrayList<>();
            for (Path f : files.stream().sorted().toList()) {
                texts.add(Files.readString(f));
            }
            return texts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tokens that stress the reader: braces, quotes, definitions, sequences, includes, escapes. */
    private static final String[] TOKENS = {"{", "}", "\"", "'", "$X", "${X}", "$X=1", "$M=a \\", "~SEQ(I,1,3)", "~LST(A,1,2)",
        "@lb01", "@^lb01", "include", "includea missing.conf", "#", "!", "\\", "\\#", "-1", "99999999999", "0", "1.5",
        "255", "256", "::1", "10.0.0.1/33", "weight", "reverse", "\t", " ", "\n", "vrrp_instance", "virtual_server",
        "real_server", "global_defs", "track_script", "virtual_ipaddress", "nexthop", "\u00e9", "\u4e2d"};

    static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int mutations = 1 + r.nextInt(8);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int i = r.nextInt(lines.size());
            String line = lines.get(i);
            switch (r.nextInt(8)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> lines.add(i, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> {
                    int at = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
                    lines.set(i, line.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + line.substring(at));
                }
                case 4 -> {
                    if (!line.isEmpty()) {
                        int at = r.nextInt(line.length());
                        lines.set(i, line.substring(0, at) + line.substring(at + 1));
                    }
                }
                case 5 -> {
                    int j = r.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 6 -> lines.set(i, line.replaceAll("\\d+", Integer.toString(r.nextInt(100_000) - 50)));
                default -> lines.set(i, new StringBuilder(line).reverse().toString());
            }
        }
        return String.join("\n", lines);
    }

    @Property(tries = 5000)
    void mutatedConfigurationsNeverBreakTheLoader(@ForAll long seed) {
        Random r = new Random(seed);
        String text = mutate(CORPUS.get(r.nextInt(CORPUS.size())), r);
        LoadResult result = ConfigFixture.load(text);
        // whatever the status, it is explained: a non-clean verdict comes with at least one message
        if (result.exitStatus() != ExitStatus.OK) {
            assertThat(result.diagnostics()).as("status %s without a message", result.exitStatus()).isNotEmpty();
        }
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.pos()).isNotNull();
            assertThat(d.toString()).doesNotContain("\n");
        }
    }
}
