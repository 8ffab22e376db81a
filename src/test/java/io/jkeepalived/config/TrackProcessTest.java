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
import io.jkeepalived.config.value.TrackValues.ParamMatch;
import io.jkeepalived.config.value.TrackValues.ProcessSpec;
import io.jkeepalived.config.value.TrackValues.Weight;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vrrp_track_process: ranges and defaults as the keepalived 2.2.7 binary has them (its -d dump:
 * weight 0, quorum 1, no delays), and its rules for repeated and contradicting keywords, which
 * apply in the order written. Line 5 opens the block, line 6 names the process, settings follow.
 */
class TrackProcessTest {

    private static String text(String... lines) {
        return PRELUDE + "vrrp_track_process tp {\n  process sshd\n" + String.join("\n", lines) + "\n}\n";
    }

    private static LoadResult load(String... lines) {
        return ConfigFixture.load(text(lines));
    }

    private static Block tp(LoadResult r) {
        List<Block> processes = root(r).blocks(RootKeywords.VRRP_TRACK_PROCESS);
        assertThat(processes).hasSize(1);
        return processes.getFirst();
    }

    private static void keepalivedAgrees(String text) {
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.ourExit()).as("exit status; keepalived said %s", v.theirOutput()).isEqualTo(v.theirExit());
        assertThat(v.ourLines()).as("lines; keepalived said %s", v.theirOutput()).isEqualTo(v.theirLines());
    }

    @Test
    void defaultsAreKeepalivedsNotTheManPages() {
        LoadResult r = load();
        Block b = tp(r);
        assertThat(messages(r)).isEmpty();
        assertThat(b.get(TrackKeywords.PROCESS)).isEqualTo(new ProcessSpec("sshd", List.of()));
        assertThat(b.get(TrackKeywords.PROCESS_WEIGHT)).as("the man page says 1").isEqualTo(Weight.of(0));
        assertThat(b.get(TrackKeywords.QUORUM)).isEqualTo(1);
        assertThat(b.get(TrackKeywords.QUORUM_MAX)).isNull();
        assertThat(b.get(TrackKeywords.FORK_DELAY)).isNull();
        assertThat(b.get(TrackKeywords.TERMINATE_DELAY)).isNull();
        assertThat(b.isSet(TrackKeywords.FULL_COMMAND)).isFalse();
        assertThat(b.isSet(TrackKeywords.PARAM_MATCH)).isFalse();
        keepalivedAgrees(text());
    }

    @Test
    void parametersAreWordsAndImplyAnExactFullCommandMatch() {
        String text = PRELUDE + "vrrp_track_process tp {\n  process \"/tmp/a b\" p1 \"p 2\"\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.PROCESS)).isEqualTo(new ProcessSpec("/tmp/a b", List.of("p1", "p 2")));
        assertThat(tp(r).get(TrackKeywords.PARAM_MATCH)).isEqualTo(ParamMatch.EXACT);
        assertThat(tp(r).get(TrackKeywords.FULL_COMMAND)).isTrue();
        keepalivedAgrees(text);
    }

    @Test
    void aSecondProcessIsRefused() {
        LoadResult r = load("  process nginx");
        assertThat(messages(r)).containsExactly("7: error: Process already set for track process tp - ignoring nginx");
        assertThat(tp(r).get(TrackKeywords.PROCESS)).isEqualTo(new ProcessSpec("sshd", List.of()));
        keepalivedAgrees(text("  process nginx"));
    }

    @Test
    void noProcessRemovesTheTrackProcess() {
        String text = PRELUDE + "vrrp_track_process tp {\n  weight 3\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("7: error: track process 'tp' process name not specified - removing it");
        assertThat(root(r).blocks(RootKeywords.VRRP_TRACK_PROCESS)).isEmpty();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).as("keepalived reports at the closing brace").containsExactly(7);
    }

    @Test
    void paramMatchAloneMeansExactAndFullCommand() {
        LoadResult r = load("  param_match");
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.PARAM_MATCH)).isEqualTo(ParamMatch.EXACT);
        assertThat(tp(r).get(TrackKeywords.FULL_COMMAND)).isTrue();
        keepalivedAgrees(text("  param_match"));
    }

    @ParameterizedTest
    @CsvSource({"initial,INITIAL", "partial,PARTIAL"})
    void paramMatchInitialOrPartial(String word, ParamMatch match) {
        LoadResult r = load("  param_match " + word);
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.PARAM_MATCH)).isEqualTo(match);
        assertThat(tp(r).get(TrackKeywords.FULL_COMMAND)).isTrue();
    }

    @Test
    void paramMatchWrittenBeforeTheParametersStillCounts() {
        LoadResult r = ConfigFixture.load(PRELUDE + "vrrp_track_process tp {\n  param_match partial\n  process sshd -D\n}\n");
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.PARAM_MATCH)).isEqualTo(ParamMatch.PARTIAL);
    }

    @Test
    void paramMatchUnknownTypeIsIgnored() {
        LoadResult r = load("  param_match foo");
        assertThat(messages(r)).containsExactly(
                "7: error: param_match: invalid param_match type 'foo' - expected initial|partial - ignored");
        assertThat(tp(r).isSet(TrackKeywords.PARAM_MATCH)).isFalse();
        assertThat(tp(r).isSet(TrackKeywords.FULL_COMMAND)).isFalse();
        keepalivedAgrees(text("  param_match foo"));
    }

    @Test
    void fullCommandIsAFlag() {
        LoadResult r = load("  full_command");
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.FULL_COMMAND)).isTrue();
        keepalivedAgrees(text("  full_command"));
    }

    @ParameterizedTest
    @ValueSource(ints = {254, -254, 7})
    void weightIsFromMinus254To254(int weight) {
        LoadResult r = load("  weight " + weight);
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.PROCESS_WEIGHT)).isEqualTo(Weight.of(weight));
    }

    @Test
    void weightOutOfRangeIsIgnored() {
        LoadResult r = load("  weight 255");
        assertThat(messages(r)).containsExactly("7: error: weight: number '255' outside range [-254, 254] - ignored");
        assertThat(tp(r).get(TrackKeywords.PROCESS_WEIGHT)).isEqualTo(Weight.of(0));
        keepalivedAgrees(text("  weight 255"));
    }

    @Test
    void weightWithoutAValueIsIgnored() {
        LoadResult r = load("  weight");
        assertThat(messages(r)).containsExactly("7: error: weight: no weight specified - ignored");
        keepalivedAgrees(text("  weight"));
    }

    @Test
    void weightReverseAndUnknownOption() {
        LoadResult r = load("  weight -254 reverse");
        assertThat(tp(r).get(TrackKeywords.PROCESS_WEIGHT)).isEqualTo(new Weight(-254, true));
        LoadResult bad = load("  weight 5 foo");
        assertThat(messages(bad)).containsExactly("7: warning: unknown weight option 'foo' - ignoring it");
        assertThat(tp(bad).get(TrackKeywords.PROCESS_WEIGHT)).isEqualTo(Weight.of(5));
        keepalivedAgrees(text("  weight 5 foo"));
    }

    @Test
    void aSecondWeightIsRefusedOnceTheWeightIsNotZero() {
        LoadResult r = load("  weight 5", "  weight 6");
        assertThat(messages(r)).containsExactly("8: error: Weight already set for track process tp - ignoring 6");
        assertThat(tp(r).get(TrackKeywords.PROCESS_WEIGHT)).isEqualTo(Weight.of(5));
        keepalivedAgrees(text("  weight 5", "  weight 6"));

        LoadResult zero = load("  weight 0", "  weight 6");
        assertThat(messages(zero)).isEmpty();
        assertThat(tp(zero).get(TrackKeywords.PROCESS_WEIGHT)).isEqualTo(Weight.of(6));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 65535})
    void quorumIsFrom1To65535(int quorum) {
        LoadResult r = load("  quorum " + quorum);
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.QUORUM)).isEqualTo(quorum);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65536})
    void quorumOutOfRangeIsIgnored(int quorum) {
        LoadResult r = load("  quorum " + quorum);
        assertThat(messages(r)).containsExactly("7: error: quorum: number '" + quorum + "' outside range [1, 65535] - ignored");
        assertThat(tp(r).get(TrackKeywords.QUORUM)).isEqualTo(1);
        keepalivedAgrees(text("  quorum " + quorum));
    }

    @Test
    void quorumMaxOutOfRangeIsIgnored() {
        LoadResult r = load("  quorum_max 65536");
        assertThat(messages(r)).containsExactly("7: error: quorum_max: number '65536' outside range [0, 65535] - ignored");
        assertThat(tp(r).get(TrackKeywords.QUORUM_MAX)).isNull();
        keepalivedAgrees(text("  quorum_max 65536"));
    }

    @Test
    void quorumAboveAnEarlierQuorumMaxIsRefused() {
        LoadResult r = load("  quorum_max 2", "  quorum 3");
        assertThat(messages(r)).containsExactly("8: error: Quorum is greater than quorum_max - ignoring");
        assertThat(tp(r).get(TrackKeywords.QUORUM)).isEqualTo(1);
        assertThat(tp(r).get(TrackKeywords.QUORUM_MAX)).isEqualTo(2);
        keepalivedAgrees(text("  quorum_max 2", "  quorum 3"));
    }

    @Test
    void quorumMaxBelowAnEarlierQuorumIsRefused() {
        LoadResult r = load("  quorum 3", "  quorum_max 2");
        assertThat(messages(r)).containsExactly("8: error: quorum_max is less than quorum - ignoring");
        assertThat(tp(r).get(TrackKeywords.QUORUM)).isEqualTo(3);
        assertThat(tp(r).get(TrackKeywords.QUORUM_MAX)).isNull();
        keepalivedAgrees(text("  quorum 3", "  quorum_max 2"));
    }

    @Test
    void quorumMaxZeroMeansNoneMayRunAndQuorumZero() {
        LoadResult r = load("  quorum_max 0");
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.QUORUM_MAX)).isEqualTo(0);
        assertThat(tp(r).isSet(TrackKeywords.QUORUM)).as("quorum 0 is implied, it cannot be written").isFalse();
        keepalivedAgrees(text("  quorum_max 0"));
    }

    @Test
    void quorumMaxZeroIsRefusedAfterAQuorumAboveOne() {
        LoadResult r = load("  quorum 2", "  quorum_max 0");
        assertThat(messages(r)).containsExactly("8: error: quorum_max is less than quorum - ignoring");
        assertThat(tp(r).get(TrackKeywords.QUORUM)).isEqualTo(2);
        keepalivedAgrees(text("  quorum 2", "  quorum_max 0"));
    }

    @Test
    void quorumAfterQuorumMaxZeroIsRefused() {
        LoadResult r = load("  quorum_max 0", "  quorum 1");
        assertThat(messages(r)).containsExactly("8: error: Quorum is greater than quorum_max - ignoring");
        assertThat(tp(r).get(TrackKeywords.QUORUM_MAX)).isEqualTo(0);
        assertThat(tp(r).isSet(TrackKeywords.QUORUM)).isFalse();
        keepalivedAgrees(text("  quorum_max 0", "  quorum 1"));
    }

    @Test
    void aLaterQuorumMaxRestoresQuorumOne() {
        LoadResult r = load("  quorum_max 0", "  quorum_max 4");
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.QUORUM)).isEqualTo(1);
        assertThat(tp(r).get(TrackKeywords.QUORUM_MAX)).isEqualTo(4);
    }

    @Test
    void delaySetsBothDelays() {
        LoadResult r = load("  delay 2");
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.FORK_DELAY)).isEqualTo(Duration.ofSeconds(2));
        assertThat(tp(r).get(TrackKeywords.TERMINATE_DELAY)).isEqualTo(Duration.ofSeconds(2));
        assertThat(tp(r).isSet(TrackKeywords.DELAY)).as("resolved into the two").isFalse();
        keepalivedAgrees(text("  delay 2"));
    }

    @Test
    void delaysApplyInTheOrderWritten() {
        LoadResult later = load("  fork_delay 2", "  delay 5");
        assertThat(tp(later).get(TrackKeywords.FORK_DELAY)).isEqualTo(Duration.ofSeconds(5));
        assertThat(tp(later).get(TrackKeywords.TERMINATE_DELAY)).isEqualTo(Duration.ofSeconds(5));
        LoadResult earlier = load("  delay 5", "  fork_delay 2");
        assertThat(tp(earlier).get(TrackKeywords.FORK_DELAY)).isEqualTo(Duration.ofSeconds(2));
        assertThat(tp(earlier).get(TrackKeywords.TERMINATE_DELAY)).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @CsvSource({"0.000001,1000", "3600,3600000000000", ".5,500000000", "5.,5000000000", "1.25,1250000000", "+2,2000000000"})
    void delayIsSecondsWithSixDecimalsUpTo3600(String word, long nanos) {
        LoadResult r = load("  terminate_delay " + word);
        assertThat(messages(r)).isEmpty();
        assertThat(tp(r).get(TrackKeywords.TERMINATE_DELAY)).isEqualTo(Duration.ofNanos(nanos));
        keepalivedAgrees(text("  terminate_delay " + word));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|number '0' outside range [0.000001, 3600.000000]",
            "3600.000001|number '3600.000001' outside range [0.000001, 3600.000000]",
            "-1|negative number '-1'",
            "x|invalid number 'x'"})
    void delayOutOfRangeIsIgnored(String word, String why) {
        LoadResult r = load("  delay " + word);
        assertThat(messages(r)).containsExactly("7: error: delay: " + why + " - ignored");
        assertThat(tp(r).get(TrackKeywords.FORK_DELAY)).isNull();
        keepalivedAgrees(text("  delay " + word));
    }

    @Test
    void delayWithTooManyDecimalsIsRounded() {
        LoadResult r = load("  fork_delay 0.0000015");
        assertThat(messages(r)).containsExactly("7: warning: number '0.0000015' has too many decimal places - rounded to 0.000002");
        assertThat(tp(r).get(TrackKeywords.FORK_DELAY)).isEqualTo(Duration.ofNanos(2000));
        keepalivedAgrees(text("  fork_delay 0.0000015"));
    }

    @Test
    void delayRoundedToZeroIsOutOfRange() {
        LoadResult r = load("  fork_delay 0.0000001");
        assertThat(messages(r)).containsExactly(
                "7: warning: number '0.0000001' has too many decimal places - rounded to 0",
                "7: error: fork_delay: number '0.0000001' outside range [0.000001, 3600.000000] - ignored");
        assertThat(tp(r).get(TrackKeywords.FORK_DELAY)).isNull();
        keepalivedAgrees(text("  fork_delay 0.0000001"));
    }

    @Test
    void aSecondTrackProcessOfTheSameNameIsNeverUsed() {
        String text = PRELUDE + "vrrp_track_process tp {\n  process sshd\n}\nvrrp_track_process tp {\n  process nginx\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "8: warning: vrrp_track_process tp is already defined at line 5 - keepalived only uses the first, ignoring this one");
        assertThat(tp(r).get(TrackKeywords.PROCESS).name()).isEqualTo("sshd");
        keepalivedAgrees(text);
    }
}
