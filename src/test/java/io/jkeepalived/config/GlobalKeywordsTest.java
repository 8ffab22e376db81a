package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.read.Words;
import io.jkeepalived.config.schema.Feature;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The global_defs keyword table against keepalived 2.2.7 and its man page. */
class GlobalKeywordsTest {

    /** keepalived.conf(5) global_defs keywords that Debian's build does not compile in. */
    static final Set<String> MAN_PAGE_ONLY = Set.of("vrrp_ipsets");

    static Set<String> binaryKeywords() throws IOException {
        try (InputStream in = GlobalKeywordsTest.class.getResourceAsStream("/keepalived-2.2.7-keywords.txt")) {
            Set<String> out = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("global_defs ")) {
                    out.add(line.substring("global_defs ".length()).strip());
                }
            }
            return out;
        }
    }

    @Test
    void spellingsAreThoseOfKeepalivedPlusTheManPageOnes() throws IOException {
        Set<String> expected = new TreeSet<>(binaryKeywords());
        assertThat(expected).hasSize(125);
        expected.addAll(MAN_PAGE_ONLY);
        // and the keepalived 2.2.8 keyword we take (see KeywordTableCompletenessTest.NEWER_THAN_2_2_7)
        expected.add("v3_checksum_as_v2");
        assertThat(new TreeSet<>(GlobalKeywords.BLOCK.spellings())).isEqualTo(expected);
    }

    @Test
    void deprecatedSpellingsAreSpellingsOfOneKeyword() {
        record Old(String spelling, Keyword<?> keyword) {
        }
        List<Old> olds = List.of(
                new Old("vrrp_rlimit_rtime", GlobalKeywords.VRRP_RLIMIT_RTTIME),
                new Old("checker_rlimit_rtime", GlobalKeywords.CHECKER_RLIMIT_RTTIME),
                new Old("bfd_rlimit_rtime", GlobalKeywords.BFD_RLIMIT_RTTIME),
                new Old("lvs_flush_onstop", GlobalKeywords.LVS_FLUSH_ON_STOP),
                new Old("enable_snmp_keepalived", GlobalKeywords.ENABLE_SNMP_VRRP),
                new Old("vrrp_vmac_garp_intvl", GlobalKeywords.VRRP_GARP_EXTRA_IF),
                new Old("lvs_process_name", GlobalKeywords.CHECKER_PROCESS_NAME));
        for (Old o : olds) {
            assertThat(GlobalKeywords.BLOCK.lookup(o.spelling())).as(o.spelling()).isSameAs(o.keyword());
            assertThat(o.keyword().deprecatedSpellings()).containsExactly(o.spelling());
        }
        long keywordsWithOldSpellings = GlobalKeywords.BLOCK.keywords().stream()
                .filter(k -> !k.deprecatedSpellings().isEmpty() || !k.aliases().isEmpty()).count();
        assertThat(keywordsWithOldSpellings).isEqualTo(olds.size());
    }

    @Test
    void everyKeywordIsDocumented() {
        for (Keyword<?> k : GlobalKeywords.BLOCK.keywords()) {
            assertThat(k.doc()).as(k.name()).isNotBlank().doesNotContain("\n");
            assertThat(k.since()).as(k.name()).matches("|\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void configurationReadingKeywordsActOnTheReader() {
        assertThat(GlobalKeywords.INCLUDE_CHECK.readerHook()).isNotNull();
        assertThat(GlobalKeywords.RANDOM_SEED.readerHook()).isNotNull();
        assertThat(GlobalKeywords.INCLUDE_CHECK.feature()).isEqualTo(Feature.CONFIG);
        assertThat(GlobalKeywords.RANDOM_SEED.feature()).isEqualTo(Feature.CONFIG);
        long hooked = GlobalKeywords.BLOCK.keywords().stream()
                .filter(k -> k instanceof Keyword.Value<?> v && v.readerHook() != null).count();
        assertThat(hooked).isEqualTo(2);
    }

    @Test
    void everyValueRoundTripsThroughItsWrittenForm() {
        SplittableRandom random = new SplittableRandom(7);
        for (Keyword<?> k : GlobalKeywords.BLOCK.keywords()) {
            if (k instanceof Keyword.Value<?> v) {
                for (int i = 0; i < 200; i++) {
                    roundTrip(v, random);
                }
            }
        }
    }

    @Test
    void defaultsCanBeWrittenBack() {
        for (Keyword<?> k : GlobalKeywords.BLOCK.keywords()) {
            if (k instanceof Keyword.Value<?> v && v.defaultValue() != null) {
                assertDefaultReads(v);
            }
        }
    }

    private static <T> void roundTrip(Keyword.Value<T> k, SplittableRandom random) {
        T v = k.type().sample(random);
        assertThat(reparse(k, v)).as(k.name() + " " + k.type().format(v)).isEqualTo(v);
    }

    private static <T> void assertDefaultReads(Keyword.Value<T> k) {
        assertThat(reparse(k, k.defaultValue())).as(k.name()).isEqualTo(k.defaultValue());
    }

    /** Writes the value as -d does and reads the line back as the parser would. */
    static <T> T reparse(Keyword.Value<T> k, T v) {
        ValueType<T> type = k.type();
        String text = k.name() + (type.format(v).isEmpty() ? "" : " " + String.join(" ", type.format(v)));
        List<String> words = new ArrayList<>(Words.split(text));
        Args args = new Args(words.getFirst(), words.subList(1, words.size()), text,
                new SourcePos(Path.of("t.conf"), 1), new Diagnostics());
        return type.parse(args);
    }
}
