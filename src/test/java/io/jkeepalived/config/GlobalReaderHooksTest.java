package io.jkeepalived.config;

import static io.jkeepalived.config.GlobalCheckTest.globalDefs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.schema.GlobalKeywords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * include_check and random_seed act on the reading of the rest of the file: the include checks
 * of later includes, and the values of ${_RANDOM}.
 */
class GlobalReaderHooksTest {

    @TempDir
    Path dir;

    /** A main file with an include_check setting, then an include matching nothing and one of a missing file. */
    private Path withIncludes(String includeCheck) throws IOException {
        Path main = dir.resolve("keepalived.conf");
        Files.writeString(main, "global_defs {\n" + includeCheck + "\n}\n"
                + "include " + dir.resolve("none*.conf") + "\n"
                + "include " + dir.resolve("missing.conf") + "\n");
        return main;
    }

    private List<Diagnostic> errors(Path main) {
        return ConfigFixture.loadFile(main, "lb01").diagnostics().stream()
                .filter(d -> d.exit() != ExitStatus.OK).toList();
    }

    /**
     * Where keepalived fails the configuration for a missing include (its -t exits 6 there, we 5;
     * how include errors count is the reader's business), so do we, and on the same lines.
     */
    private void failsLikeKeepalived(Path main, List<Integer> lines) {
        assertThat(errors(main)).extracting(d -> d.pos().line()).containsExactlyElementsOf(lines);
        assumeTrue(KeepalivedOracle.available(), "keepalived is not installed");
        KeepalivedOracle.Verdict v = KeepalivedOracle.configTest(main, "lb01");
        assertThat(v.exitStatus() != 0).as("keepalived said %s", v.lines()).isEqualTo(!lines.isEmpty());
    }

    @Test
    void withoutIncludeCheckMissingIncludesAreNotErrors() throws IOException {
        failsLikeKeepalived(withIncludes(""), List.of());
    }

    @Test
    void includeCheckWithoutOptionsChecksEverything() throws IOException {
        failsLikeKeepalived(withIncludes("include_check"), List.of(4, 5));
    }

    @Test
    void includeCheckMatchSparesWildcards() throws IOException {
        failsLikeKeepalived(withIncludes("include_check match"), List.of(5));
    }

    @Test
    void includeCheckMinusRemovesFromTheCurrentChecks() throws IOException {
        // nothing is checked before, so removing a check leaves none
        failsLikeKeepalived(withIncludes("include_check -wildcard_match"), List.of());
        // all checks, then wildcard_match removed: only the missing plain file fails
        failsLikeKeepalived(withIncludes("include_check\ninclude_check -wildcard_match"), List.of(6));
    }

    @Test
    void includeCheckPlusReadAloneDoesNotRequireMatches() throws IOException {
        failsLikeKeepalived(withIncludes("include_check +read"), List.of());
    }

    private String routerIdWithSeed(String seedLine) {
        LoadResult r = ConfigFixture.load("global_defs {\n" + seedLine + "\nrouter_id ${_RANDOM 0 1000000000}\n}\n");
        return globalDefs(r).get(GlobalKeywords.ROUTER_ID);
    }

    @Test
    void randomSeedMakesRandomRepeatable() {
        String a = routerIdWithSeed("random_seed 7");
        assertThat(a).matches("\\d+");
        assertThat(routerIdWithSeed("random_seed 7")).isEqualTo(a);
        assertThat(routerIdWithSeed("random_seed 8")).isNotEqualTo(a);
        assertThat(routerIdWithSeed("random_seed 4294967295")).matches("\\d+").isNotEqualTo(a);
    }

    @Test
    void randomSeedAppliesFromItsLineOn() {
        LoadResult r = ConfigFixture.load("global_defs {\nrouter_id ${_RANDOM 0 1000000000}\nrandom_seed 7\n"
                + "smtp_helo_name ${_RANDOM 0 1000000000}\n}\n");
        assertThat(globalDefs(r).get(GlobalKeywords.SMTP_HELO_NAME)).isEqualTo(routerIdWithSeed("random_seed 7"));
        assertThat(globalDefs(r).get(GlobalKeywords.ROUTER_ID)).isNotEqualTo(routerIdWithSeed("random_seed 7"));
    }
}
