package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A keyword (or a block's head) written without its parameter: keepalived's handlers either check the word count
 * themselves (their own message, exit 5) or read the word blindly, and then keepalived stops
 * with "missing a parameter" and exit 2. Which one is a property of each handler, so
 * src/test/resources/keepalived-2.2.7-missing-parameter.txt records, for every value keyword of
 * our table, the ones for which the 2.2.7 binary exits 2 (regenerate it with
 * {@code -Djk.regenerate.missing=path/to/file}); our exit status must be 2 for exactly those.
 * A sample of the keywords is also run through keepalived each time, to keep the file honest.
 */
class MissingParameterTest {

    private static final String RESOURCE = "/keepalived-2.2.7-missing-parameter.txt";

    /**
     * Every value keyword and named block, with its block's path from the top: "vrrp_instance
     * garp_master_delay", "top vrrp_script".
     */
    record Case(String id, String text) {
    }

    static List<Case> cases() {
        Map<BlockSpec, List<String>> opens = new LinkedHashMap<>();
        Map<BlockSpec, String> names = new LinkedHashMap<>();
        Deque<BlockSpec> todo = new ArrayDeque<>();
        Random random = new Random(7);
        opens.put(RootKeywords.BLOCK, List.of());
        names.put(RootKeywords.BLOCK, "top");
        todo.add(RootKeywords.BLOCK);
        List<Case> cases = new ArrayList<>();
        while (!todo.isEmpty()) {
            BlockSpec spec = todo.poll();
            List<String> path = opens.get(spec);
            for (Keyword<?> k : spec.keywords()) {
                switch (k) {
                    case Keyword.Value<?> v -> cases.add(new Case(names.get(spec) + " " + v.name(), text(path, v.name())));
                    case Keyword.ListBlock<?> l -> {
                    }
                    case Keyword.Block<?> b -> {
                        if (b.head() != io.jkeepalived.config.value.Types.NONE) {
                            cases.add(new Case(names.get(spec) + " " + b.name(), text(path, b.name() + " {\n}")));
                        }
                        if (!opens.containsKey(b.spec())) {
                            List<String> child = new ArrayList<>(path);
                            child.add(open(b, random));
                            opens.put(b.spec(), child);
                            names.put(b.spec(), b.name());
                            todo.add(b.spec());
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static <H> String open(Keyword.Block<H> b, Random random) {
        if (b.head() == io.jkeepalived.config.value.Types.NONE) {
            return b.name() + " {";
        }
        return b.name() + " " + b.head().sample(random) + " {";
    }

    private static String text(List<String> opens, String keyword) {
        StringBuilder s = new StringBuilder();
        for (String o : opens) {
            s.append(o).append('\n');
        }
        s.append(keyword).append('\n');
        s.append("}\n".repeat(opens.size()));
        return s.toString();
    }

    static Set<String> recorded() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (InputStream in = MissingParameterTest.class.getResourceAsStream(RESOURCE)) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    ids.add(l.strip());
                }
            }
        }
        return ids;
    }

    @Test
    void exitStatus2ForExactlyTheKeywordsKeepalivedStopsAt() throws IOException {
        Set<String> recorded = recorded();
        Set<String> wrong = new TreeSet<>();
        for (Case c : cases()) {
            boolean ours = ConfigFixture.load(c.text()).exitStatus() == ExitStatus.MISSING_PARAMETER;
            if (ours != recorded.contains(c.id())) {
                wrong.add(c.id() + (ours ? " (we say 2, keepalived does not)" : " (keepalived says 2, we do not)"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRecordStillMatchesKeepalived() throws IOException {
        assumeTrue(KeepalivedOracle.available(), "keepalived is not installed");
        String regenerate = System.getProperty("jk.regenerate.missing");
        List<Case> all = cases();
        List<Case> sample = new ArrayList<>();
        if (regenerate != null) {
            sample.addAll(all);
        } else {
            Random r = new Random(System.nanoTime());
            for (int i = 0; i < 25; i++) {
                sample.add(all.get(r.nextInt(all.size())));
            }
        }
        Set<String> recorded = recorded();
        Set<String> exits2 = new TreeSet<>();
        Set<String> wrong = new TreeSet<>();
        for (Case c : sample) {
            boolean theirs = KeepalivedOracle.configTest(c.text(), "lb01").exitStatus() == 2;
            if (theirs) {
                exits2.add(c.id());
            }
            if (theirs != recorded.contains(c.id())) {
                wrong.add(c.id());
            }
        }
        if (regenerate != null) {
            Files.writeString(Path.of(regenerate), "# keepalived 2.2.7 -t exits 2 (\"missing a parameter\") when these value keywords (or named blocks)\n"
                    + "# are written without their parameter; generated by MissingParameterTest with -Djk.regenerate.missing=FILE\n"
                    + String.join("\n", exits2) + "\n");
            return;
        }
        assertThat(wrong).as("keywords whose recorded verdict keepalived no longer gives").isEmpty();
    }
}
