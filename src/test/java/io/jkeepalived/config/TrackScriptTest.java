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
import io.jkeepalived.config.value.TrackValues.ScriptUser;
import io.jkeepalived.config.value.TrackValues.Weight;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * vrrp_script: each keyword's range and default, and the end-of-block rules, as the keepalived
 * 2.2.7 binary applies them (probed with {@code keepalived -t} and, for the values it keeps, with
 * its {@code -d} dump). Line 5 opens the block, settings start on line 6.
 */
class TrackScriptTest {

    private static LoadResult load(String... lines) {
        return ConfigFixture.load(text(lines));
    }

    private static String text(String... lines) {
        return PRELUDE + "vrrp_script chk {\n  script \"/bin/true\"\n" + String.join("\n", lines) + "\n}\n";
    }

    private static Block chk(LoadResult r) {
        List<Block> scripts = root(r).blocks(RootKeywords.VRRP_SCRIPT);
        assertThat(scripts).hasSize(1);
        return scripts.getFirst();
    }

    /** keepalived and we agree on the exit status and on the lines named (all inside the block, line 7 on). */
    private static void keepalivedAgrees(String text) {
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.ourExit()).as("exit status; keepalived said %s", v.theirOutput()).isEqualTo(v.theirExit());
        assertThat(v.ourLines()).as("lines; keepalived said %s", v.theirOutput()).isEqualTo(v.theirLines());
    }

    @Test
    void defaultsAreKeepalivedsWhenOnlyTheScriptIsGiven() {
        LoadResult r = load();
        Block b = chk(r);
        assertThat(messages(r)).isEmpty();
        assertThat(b.get(TrackKeywords.INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.get(TrackKeywords.TIMEOUT)).as("unset: the interval applies").isNull();
        assertThat(b.get(TrackKeywords.WEIGHT)).isEqualTo(new Weight(0, false));
        assertThat(b.get(TrackKeywords.RISE)).isEqualTo(1);
        assertThat(b.get(TrackKeywords.FALL)).isEqualTo(1);
        assertThat(b.isSet(TrackKeywords.INIT_FAIL)).isFalse();
        assertThat(b.get(TrackKeywords.SCRIPT).argv()).containsExactly("/bin/true");
        keepalivedAgrees(text());
    }

    @ParameterizedTest
    @CsvSource({"1,1", "4294,4294", "' 3',3", "+3,3"})
    void intervalIsWholeSecondsUpTo4294(String word, long seconds) {
        LoadResult r = load("  interval " + word);
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.INTERVAL)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"4295", "99999999999", "-5", "x", "1.5", "3x"})
    void intervalOutOfRangeOrNotANumberIsIgnored(String word) {
        LoadResult r = load("  interval 7", "  interval " + word);
        assertThat(messages(r)).containsExactly(
                "8: error: interval: vrrp script interval '" + word + "' must be between 1 and 4294 - ignored");
        assertThat(chk(r).get(TrackKeywords.INTERVAL)).isEqualTo(Duration.ofSeconds(7));
        keepalivedAgrees(text("  interval 7", "  interval " + word));
    }

    @Test
    void intervalZeroIsTakenAsOne() {
        LoadResult r = load("  interval 0");
        assertThat(messages(r)).containsExactly("7: warning: vrrp script interval must be greater than 0, setting to 1");
        assertThat(chk(r).get(TrackKeywords.INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        keepalivedAgrees(text("  interval 0"));
    }

    @Test
    void timeoutZeroIsTakenAsOne() {
        LoadResult r = load("  timeout 0");
        assertThat(messages(r)).containsExactly("7: warning: vrrp script timeout must be greater than 0, setting to 1");
        assertThat(chk(r).get(TrackKeywords.TIMEOUT)).isEqualTo(Duration.ofSeconds(1));
        keepalivedAgrees(text("  timeout 0"));
    }

    @Test
    void timeoutOutOfRangeIsIgnored() {
        LoadResult r = load("  timeout 4295");
        assertThat(messages(r)).containsExactly(
                "7: error: timeout: vrrp script timeout '4295' invalid (number '4295' outside range [0, 4294]) - ignored");
        assertThat(chk(r).get(TrackKeywords.TIMEOUT)).isNull();
        keepalivedAgrees(text("  timeout 4295"));
    }

    @Test
    void timeoutLongerThanIntervalIsOnlyPointedOut() {
        LoadResult r = load("  interval 2", "  timeout 10");
        assertThat(messages(r)).containsExactly("8: warning: vrrp_script chk: timeout 10 is longer than interval 2"
                + " - a run still going when the next is due makes keepalived skip that one");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(chk(r).get(TrackKeywords.TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        keepalivedAgrees(text("  interval 2", "  timeout 10"));
    }

    @ParameterizedTest
    @CsvSource({"253,253", "-253,-253", "0,0", "' 7',7"})
    void weightIsFromMinus253To253(String word, int weight) {
        LoadResult r = load("  weight " + word);
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.WEIGHT)).isEqualTo(Weight.of(weight));
    }

    /** keepalived complains but stores what (int) strtol read: its -d dump shows these values. */
    @ParameterizedTest
    @CsvSource({"254,254", "-254,-254", "x,0", "1.5,1", "5x,5", "99999999999,1215752191", "2147483648,-2147483648",
            "-2147483649,2147483647"})
    void weightOutOfRangeIsReportedButKeptAsKeepalivedReadsIt(String word, int kept) {
        LoadResult r = load("  weight " + word);
        assertThat(messages(r)).containsExactly(
                "7: warning: weight " + word + " must be in [-253, 253] - using " + kept + " as keepalived does");
        assertThat(chk(r).get(TrackKeywords.WEIGHT)).isEqualTo(Weight.of(kept));
        keepalivedAgrees(text("  weight " + word));
    }

    @Test
    void weightReverse() {
        LoadResult r = load("  weight -5 reverse");
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.WEIGHT)).isEqualTo(new Weight(-5, true));
        keepalivedAgrees(text("  weight -5 reverse"));
    }

    @Test
    void weightUnknownOptionIsReportedAndTheWeightKept() {
        LoadResult r = load("  weight 5 noreverse");
        assertThat(messages(r)).containsExactly("7: warning: unknown weight option 'noreverse' - ignoring it");
        assertThat(chk(r).get(TrackKeywords.WEIGHT)).isEqualTo(new Weight(5, false));
        keepalivedAgrees(text("  weight 5 noreverse"));
    }

    @Test
    void weightReverseOnceGivenSticksWhenALaterLineSetsTheWeight() {
        LoadResult r = load("  weight 5 reverse", "  weight 6");
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.WEIGHT)).isEqualTo(new Weight(6, true));
    }

    @Test
    void riseAndFallTakeUpTo2147483647() {
        LoadResult r = load("  rise 2147483647", "  fall 3");
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.RISE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(chk(r).get(TrackKeywords.FALL)).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"rise,0", "rise,2147483648", "fall,-1", "fall,x", "rise,3x"})
    void riseOrFallInvalidDefaultsToOneEvenOverAnEarlierValue(String keyword, String word) {
        LoadResult r = load("  " + keyword + " 4", "  " + keyword + " " + word);
        assertThat(messages(r)).singleElement().asString()
                .startsWith("8: warning: vrrp script " + keyword + " value '" + word + "' invalid (")
                .endsWith("), defaulting to 1");
        assertThat(chk(r).get(keyword.equals("rise") ? TrackKeywords.RISE : TrackKeywords.FALL)).isEqualTo(1);
        keepalivedAgrees(text("  " + keyword + " 4", "  " + keyword + " " + word));
    }

    @Test
    void initFailIsAFlag() {
        LoadResult r = load("  init_fail");
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.INIT_FAIL)).isTrue();
        keepalivedAgrees(text("  init_fail"));
    }

    @Test
    void userAndGroupThatExistAreKept() {
        LoadResult r = load("  user root root");
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.USER)).isEqualTo(new ScriptUser("root", "root"));
        keepalivedAgrees(text("  user root root"));
    }

    @Test
    void unknownUserRemovesTheScript() {
        LoadResult r = load("  user no_such_user_jk");
        assertThat(messages(r)).containsExactly("7: error: Unable to set uid/gid for script '/bin/true'"
                + " (user no_such_user_jk does not exist) - removing vrrp_script chk");
        assertThat(root(r).blocks(RootKeywords.VRRP_SCRIPT)).isEmpty();
        keepalivedAgrees(text("  user no_such_user_jk"));
    }

    @Test
    void unknownGroupRemovesTheScript() {
        LoadResult r = load("  user root no_such_group_jk");
        assertThat(messages(r)).containsExactly("7: error: Unable to set uid/gid for script '/bin/true'"
                + " (group no_such_group_jk does not exist) - removing vrrp_script chk");
        assertThat(root(r).blocks(RootKeywords.VRRP_SCRIPT)).isEmpty();
        keepalivedAgrees(text("  user root no_such_group_jk"));
    }

    @Test
    void aLaterValidUserLineKeepsTheScript() {
        LoadResult r = load("  user no_such_user_jk", "  user root");
        assertThat(messages(r)).containsExactly("7: error: Unable to set uid/gid for script '/bin/true'"
                + " (user no_such_user_jk does not exist) - ignoring");
        assertThat(chk(r).get(TrackKeywords.USER)).isEqualTo(new ScriptUser("root", null));
        keepalivedAgrees(text("  user no_such_user_jk", "  user root"));
    }

    @Test
    void noScriptRemovesTheVrrpScript() {
        String text = PRELUDE + "vrrp_script chk {\n  interval 2\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("7: error: No script set for vrrp_script chk - removing");
        assertThat(root(r).blocks(RootKeywords.VRRP_SCRIPT)).isEmpty();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).as("keepalived reports at the closing brace").containsExactly(7);
        assertThat(v.ourLines()).as("so do we").containsExactly(7);
    }

    @Test
    void anEmptyScriptIsNoScript() {
        String text = PRELUDE + "vrrp_script chk {\n  script \"\"\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "6: error: script: no script specified - ignored",
                "7: error: No script set for vrrp_script chk - removing");
        assertThat(root(r).blocks(RootKeywords.VRRP_SCRIPT)).isEmpty();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).containsExactly(7);
    }

    @Test
    void theLastScriptLineCounts() {
        LoadResult r = ConfigFixture.load(PRELUDE + "vrrp_script chk {\n  script \"/bin/false\"\n  script \"/bin/echo 'a b' c\"\n}\n");
        assertThat(messages(r)).isEmpty();
        assertThat(chk(r).get(TrackKeywords.SCRIPT).argv()).containsExactly("/bin/echo", "a b", "c");
    }

    @Test
    void aSecondVrrpScriptOfTheSameNameIsNeverUsed() {
        String text = PRELUDE + "vrrp_script chk {\n  script \"/bin/true\"\n  weight 7\n}\n"
                + "vrrp_script chk {\n  script \"/bin/false\"\n  weight 9\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "9: warning: vrrp_script chk is already defined at line 5 - keepalived only uses the first, ignoring this one");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(chk(r).get(TrackKeywords.WEIGHT)).isEqualTo(Weight.of(7));
        keepalivedAgrees(text);
    }

    @Test
    void aRemovedVrrpScriptLeavesItsNameToTheNextOne() {
        String text = PRELUDE + "vrrp_script chk {\n  weight 7\n}\n"
                + "vrrp_script chk {\n  script \"/bin/false\"\n  weight 9\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("7: error: No script set for vrrp_script chk - removing");
        assertThat(chk(r).get(TrackKeywords.WEIGHT)).isEqualTo(Weight.of(9));
    }
}
