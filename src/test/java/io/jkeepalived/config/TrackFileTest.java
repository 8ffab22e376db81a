package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.messages;
import static io.jkeepalived.config.ConfigFixture.root;
import static io.jkeepalived.config.TrackOracleTest.PRELUDE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.TrackOracleTest.Verdicts;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.TrackKeywords;
import io.jkeepalived.config.value.TrackValues.InitFile;
import io.jkeepalived.config.value.TrackValues.Weight;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * track_file (and its deprecated spelling vrrp_track_file): ranges, defaults and keepalived's
 * rules for repeated keywords (the first file and the first weight other than 1 count). keepalived
 * 2.2.7 reads track_file in both its VRRP and checker processes, so it prints each message twice;
 * the lines are the same. Line 5 opens the block, line 6 gives the file, settings follow.
 */
class TrackFileTest {

    private static String text(String... lines) {
        return PRELUDE + "track_file tf {\n  file /run/jk-track-test\n" + String.join("\n", lines) + "\n}\n";
    }

    private static LoadResult load(String... lines) {
        return ConfigFixture.load(text(lines));
    }

    private static Block tf(LoadResult r) {
        List<Block> files = root(r).blocks(RootKeywords.TRACK_FILE);
        assertThat(files).hasSize(1);
        return files.getFirst();
    }

    private static void keepalivedAgrees(String text) {
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.ourExit()).as("exit status; keepalived said %s", v.theirOutput()).isEqualTo(v.theirExit());
        assertThat(v.ourLines()).as("lines; keepalived said %s", v.theirOutput()).isEqualTo(v.theirLines());
    }

    @Test
    void defaultWeightIsOne() {
        LoadResult r = load();
        assertThat(messages(r)).isEmpty();
        assertThat(tf(r).get(TrackKeywords.FILE)).isEqualTo("/run/jk-track-test");
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(new Weight(1, false));
        assertThat(tf(r).get(TrackKeywords.INIT_FILE)).isNull();
        keepalivedAgrees(text());
    }

    @ParameterizedTest
    @ValueSource(ints = {254, -254, 0})
    void weightIsFromMinus254To254(int weight) {
        LoadResult r = load("  weight " + weight);
        assertThat(messages(r)).isEmpty();
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(Weight.of(weight));
        keepalivedAgrees(text("  weight " + weight));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"255|number '255' outside range [-254, 254]", "x|invalid number 'x'",
            "-255|number '-255' outside range [-254, 254]"})
    void weightOutOfRangeIsIgnored(String word, String why) {
        LoadResult r = load("  weight " + word);
        assertThat(messages(r)).containsExactly("7: error: weight: " + why + " - ignored");
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(Weight.of(1));
        keepalivedAgrees(text("  weight " + word));
    }

    @Test
    void weightWithoutAValueIsIgnored() {
        LoadResult r = load("  weight");
        assertThat(messages(r)).containsExactly("7: error: weight: no weight specified - ignored");
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(Weight.of(1));
        keepalivedAgrees(text("  weight"));
    }

    @Test
    void weightZeroReverse() {
        LoadResult r = load("  weight 0 reverse");
        assertThat(messages(r)).isEmpty();
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(new Weight(0, true));
        keepalivedAgrees(text("  weight 0 reverse"));
    }

    @Test
    void weightUnknownOptionIsReportedAndTheWeightKept() {
        LoadResult r = load("  weight 5 noreverse");
        assertThat(messages(r)).containsExactly("7: warning: unknown weight option 'noreverse' - ignoring it");
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(Weight.of(5));
        keepalivedAgrees(text("  weight 5 noreverse"));
    }

    @Test
    void aSecondWeightIsRefusedOnceTheWeightIsNotOne() {
        LoadResult r = load("  weight 5", "  weight 6");
        assertThat(messages(r)).containsExactly("8: error: Weight already set for track file tf - ignoring 6");
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(Weight.of(5));
        keepalivedAgrees(text("  weight 5", "  weight 6"));
    }

    @Test
    void aWeightOfOneCanBeSetAgainAndItsReverseSticks() {
        LoadResult r = load("  weight 1 reverse", "  weight 6");
        assertThat(messages(r)).isEmpty();
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(new Weight(6, true));
        keepalivedAgrees(text("  weight 1 reverse", "  weight 6"));
    }

    @Test
    void aSecondFileIsRefused() {
        LoadResult r = load("  file /run/other");
        assertThat(messages(r)).containsExactly("7: error: File already set for track file tf - ignoring /run/other");
        assertThat(tf(r).get(TrackKeywords.FILE)).isEqualTo("/run/jk-track-test");
        keepalivedAgrees(text("  file /run/other"));
    }

    @Test
    void aQuotedFileNameIsOneWord() {
        LoadResult r = ConfigFixture.load(PRELUDE + "track_file tf {\n  file \"/run/a b\"\n}\n");
        assertThat(messages(r)).isEmpty();
        assertThat(tf(r).get(TrackKeywords.FILE)).isEqualTo("/run/a b");
    }

    @Test
    void noFileRemovesTheTrackFile() {
        String text = PRELUDE + "track_file tf {\n  weight 3\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("7: error: No file set for track_file tf - ignoring");
        assertThat(root(r).blocks(RootKeywords.TRACK_FILE)).isEmpty();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).as("keepalived reports at the closing brace").containsExactly(7);
    }

    @Test
    void fileWithoutANameIsMissing() {
        String text = PRELUDE + "track_file tf {\n  file\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "6: error: file: track file file name missing - ignored",
                "7: error: No file set for track_file tf - ignoring");
        assertThat(root(r).blocks(RootKeywords.TRACK_FILE)).isEmpty();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).containsExactly(6, 7);
    }

    @Test
    void theDeprecatedSpellingIsTheSameBlock() {
        LoadResult r = ConfigFixture.load(PRELUDE + "vrrp_track_file tf {\n  file /run/x\n  weight 3\n}\n");
        assertThat(messages(r)).containsExactly("5: warning: 'vrrp_track_file' is deprecated - use 'track_file'");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(tf(r).get(TrackKeywords.FILE_WEIGHT)).isEqualTo(Weight.of(3));
        keepalivedAgrees(PRELUDE + "vrrp_track_file tf {\n  file /run/x\n  weight 3\n}\n");
    }

    @Test
    void aSecondTrackFileOfTheSameNameIsNeverUsed() {
        String text = PRELUDE + "track_file tf {\n  file /run/a\n}\ntrack_file tf {\n  file /run/b\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "8: warning: track_file tf is already defined at line 5 - keepalived only uses the first, ignoring this one");
        assertThat(tf(r).get(TrackKeywords.FILE)).isEqualTo("/run/a");
        keepalivedAgrees(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|0|false",
        "5|5|false",
        "5 overwrite|5|true",
        "overwrite|0|true",
        "-3|-3|false",
        "3 4|4|false",
        "\" 3\"|3|false",
    })
    void initFileTakesAValueAndOverwrite(String words, int value, boolean overwrite) {
        String line = "  init_file " + (words == null ? "" : words);
        LoadResult r = load(line);
        assertThat(messages(r)).isEmpty();
        assertThat(tf(r).get(TrackKeywords.INIT_FILE)).isEqualTo(new InitFile(value, overwrite));
        keepalivedAgrees(text(line));
    }

    @Test
    void initFileValueOutsideTheSensibleRangeIsReportedButKept() {
        LoadResult r = load("  init_file 300");
        assertThat(messages(r)).containsExactly("7: warning: init value 300 is outside sensible range [-254, 254]");
        assertThat(tf(r).get(TrackKeywords.INIT_FILE)).isEqualTo(new InitFile(300, false));
        keepalivedAgrees(text("  init_file 300"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5x|invalid number '5x'",
            "99999999999|number '99999999999' outside range [-2147483648, 2147483647]"})
    void initFileInvalidNumberIsZero(String word, String why) {
        LoadResult r = load("  init_file " + word);
        assertThat(messages(r)).containsExactly("7: warning: init value " + word + " is invalid (" + why + ") - using 0");
        assertThat(tf(r).get(TrackKeywords.INIT_FILE)).isEqualTo(new InitFile(0, false));
        keepalivedAgrees(text("  init_file " + word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "+3"})
    void initFileUnknownWordIsIgnored(String word) {
        LoadResult r = load("  init_file " + word + " overwrite");
        assertThat(messages(r)).containsExactly("7: warning: unknown track file init option '" + word + "' - ignoring it");
        assertThat(tf(r).get(TrackKeywords.INIT_FILE)).isEqualTo(new InitFile(0, true));
        keepalivedAgrees(text("  init_file " + word + " overwrite"));
    }
}
