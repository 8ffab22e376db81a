package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The keyword table against keepalived 2.2.7: src/test/resources/keepalived-2.2.7-keywords.txt
 * lists, per block, every word the installed binary accepts (found by running {@code
 * keepalived -t} on each candidate string of the binary). Our table must accept each of them,
 * in the same block, and accept nothing keepalived's man page does not have.
 */
class KeywordTableCompletenessTest {

    /**
     * Keywords of keepalived.conf(5) 2.2 that Debian's build leaves out (it is built with
     * nftables and without libipset), so the binary rejects them but keepalived does have them.
     */
    static final Set<String> NOT_IN_DEBIANS_BUILD = Set.of("global_defs vrrp_ipsets");

    /**
     * Keywords of a later keepalived that jkeepalived takes (keepalived 2.2.7 rejects them):
     * v3_checksum_as_v2 (2.2.8), for VRRPv3 routers that leave the pseudo-header out.
     */
    static final Set<String> NEWER_THAN_2_2_7 = Set.of("global_defs v3_checksum_as_v2", "vrrp_instance v3_checksum_as_v2");

    static Map<String, BlockSpec> blocksByName() {
        Map<String, BlockSpec> byName = new LinkedHashMap<>();
        Deque<BlockSpec> todo = new ArrayDeque<>();
        todo.push(RootKeywords.BLOCK);
        while (!todo.isEmpty()) {
            BlockSpec spec = todo.pop();
            String name = spec == RootKeywords.BLOCK ? "top" : spec.name();
            if (byName.putIfAbsent(name, spec) == null) {
                for (Keyword<?> k : spec.keywords()) {
                    if (k instanceof Keyword.Block<?> b) {
                        todo.push(b.spec());
                    }
                }
            }
        }
        return byName;
    }

    static Set<String> keepalivedKeywords() throws IOException {
        Set<String> lines = new TreeSet<>();
        try (InputStream in = KeywordTableCompletenessTest.class.getResourceAsStream("/keepalived-2.2.7-keywords.txt")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    lines.add(l.strip());
                }
            }
        }
        return lines;
    }

    @Test
    void everyKeywordKeepalivedAcceptsIsInTheTableInTheSameBlock() throws IOException {
        Map<String, BlockSpec> blocks = blocksByName();
        Set<String> missing = new TreeSet<>();
        for (String entry : keepalivedKeywords()) {
            String[] blockAndKeyword = entry.split(" ");
            BlockSpec spec = blocks.get(blockAndKeyword[0]);
            if (spec == null || spec.lookup(blockAndKeyword[1]) == null) {
                missing.add(entry);
            }
        }
        assertThat(missing).as("keywords keepalived 2.2.7 accepts that our table lacks").isEmpty();
    }

    @Test
    void theTableAcceptsNothingKeepalivedDoesNot() throws IOException {
        Set<String> known = keepalivedKeywords();
        Set<String> extra = new TreeSet<>();
        blocksByName().forEach((name, spec) -> {
            for (String spelling : spec.spellings()) {
                String entry = name + " " + spelling;
                if (!known.contains(entry) && !NOT_IN_DEBIANS_BUILD.contains(entry) && !NEWER_THAN_2_2_7.contains(entry)) {
                    extra.add(entry);
                }
            }
        });
        assertThat(extra).as("spellings our table accepts that keepalived 2.2.7 rejects").isEmpty();
    }

    @Test
    void everyKeywordIsDocumented() {
        Set<String> undocumented = new TreeSet<>();
        blocksByName().forEach((name, spec) -> {
            for (Keyword<?> k : spec.keywords()) {
                if (k.doc().isBlank()) {
                    undocumented.add(name + " " + k.name());
                }
            }
        });
        assertThat(undocumented).isEmpty();
    }
}
