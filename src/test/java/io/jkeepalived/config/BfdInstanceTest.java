package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.messages;
import static io.jkeepalived.config.ConfigFixture.root;
import static io.jkeepalived.config.TrackOracleTest.PRELUDE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.TrackOracleTest.Verdicts;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.BfdKeywords;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.TrackValues.Weight;
import io.jkeepalived.config.value.Types;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bfd_instance: ranges and defaults as the keepalived 2.2.7 binary enforces them (intervals are
 * milliseconds with three decimals, rounded on the fourth) and its rules for instances whose
 * session cannot run. Line 5 opens the block, line 6 gives the neighbor, settings follow.
 */
class BfdInstanceTest {

    private static String text(String... lines) {
        return PRELUDE + "bfd_instance bf {\n  neighbor_ip 10.0.0.2\n" + String.join("\n", lines) + "\n}\n";
    }

    private static LoadResult load(String... lines) {
        return ConfigFixture.load(text(lines));
    }

    private static Block bf(LoadResult r) {
        List<Block> all = root(r).blocks(RootKeywords.BFD_INSTANCE);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private static Block named(LoadResult r, String name) {
        return root(r).blocks(RootKeywords.BFD_INSTANCE).stream().filter(b -> b.head().equals(name)).findFirst().orElseThrow();
    }

    private static void keepalivedAgrees(String text) {
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.ourExit()).as("exit status; keepalived said %s", v.theirOutput()).isEqualTo(v.theirExit());
        assertThat(v.ourLines()).as("lines; keepalived said %s", v.theirOutput()).isEqualTo(v.theirLines());
    }

    @Test
    void defaultsAreKeepalivedsWithTtl255ForIpv4() {
        LoadResult r = load();
        Block b = bf(r);
        assertThat(messages(r)).isEmpty();
        assertThat(b.get(BfdKeywords.NEIGHBOR_IP)).isEqualTo(Types.parseAddress("10.0.0.2"));
        assertThat(b.get(BfdKeywords.MIN_RX)).isEqualTo(Duration.ofMillis(10));
        assertThat(b.get(BfdKeywords.MIN_TX)).isEqualTo(Duration.ofMillis(10));
        assertThat(b.get(BfdKeywords.IDLE_TX)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.get(BfdKeywords.MULTIPLIER)).isEqualTo(5);
        assertThat(b.get(BfdKeywords.TTL)).as("filled in from the family").isEqualTo(255);
        assertThat(b.get(BfdKeywords.MAX_HOPS)).isEqualTo(0);
        assertThat(b.get(BfdKeywords.WEIGHT)).isEqualTo(Weight.of(0));
        assertThat(b.isSet(BfdKeywords.PASSIVE)).isFalse();
        keepalivedAgrees(text());
    }

    @Test
    void ipv6NeighborDefaultsToHopLimit64() {
        LoadResult r = ConfigFixture.load(PRELUDE + "bfd_instance bf {\n  neighbor_ip fe80::2\n}\n");
        assertThat(messages(r)).isEmpty();
        assertThat(bf(r).get(BfdKeywords.TTL)).isEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource({"1,1000", "1.5,1500", "4294967,4294967000", "+2,2000", "5.,5000", "00002,2000", "1.001,1001"})
    void minRxIsMillisecondsWithThreeDecimals(String word, long micros) {
        LoadResult r = load("  min_rx " + word);
        assertThat(r.exitStatus()).as("%s", messages(r)).isEqualTo(ExitStatus.OK);
        assertThat(bf(r).get(BfdKeywords.MIN_RX)).isEqualTo(Duration.ofNanos(micros * 1000));
        keepalivedAgrees(text("  min_rx " + word));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|number '0' outside range [1.000, 4294967.000]",
            "4294968|number '4294968' outside range [1.000, 4294967.000]",
            "99999999999|number '99999999999' outside range [1.000, 4294967.000]",
            "0.999|number '0.999' outside range [1.000, 4294967.000]",
            ".5|number '.5' outside range [1.000, 4294967.000]",
            "-1|negative number '-1'",
            "-0|negative number '-0'",
            "1e2|invalid number '1e2'",
            "1.5x|invalid number '1.5x'",
            "2.2.2|invalid number '2.2.2'"})
    void minRxOutOfRangeIsIgnored(String word, String why) {
        LoadResult r = load("  min_rx " + word);
        assertThat(messages(r)).containsExactly("7: error: min_rx: " + why + " - ignored");
        assertThat(bf(r).get(BfdKeywords.MIN_RX)).isEqualTo(Duration.ofMillis(10));
        keepalivedAgrees(text("  min_rx " + word));
    }

    /** keepalived rounds on the first extra digit only: 1.00049 is 1.000, 1.0005 is 1.001. */
    @ParameterizedTest
    @CsvSource({"1.0001,1000,1", "1.9999,2000,2", "1.0005,1001,1.001", "1.00049,1000,1", "0.9995,1000,1"})
    void minRxWithTooManyDecimalsIsRounded(String word, long micros, String rounded) {
        LoadResult r = load("  min_rx " + word);
        assertThat(messages(r)).containsExactly("7: warning: number '" + word + "' has too many decimal places - rounded to " + rounded);
        assertThat(bf(r).get(BfdKeywords.MIN_RX)).isEqualTo(Duration.ofNanos(micros * 1000));
        keepalivedAgrees(text("  min_rx " + word));
    }

    @Test
    void minTxHasTheSameRange() {
        LoadResult r = load("  min_tx 2.25", "  min_tx 0");
        assertThat(messages(r)).containsExactly("8: error: min_tx: number '0' outside range [1.000, 4294967.000] - ignored");
        assertThat(bf(r).get(BfdKeywords.MIN_TX)).isEqualTo(Duration.ofNanos(2_250_000));
        keepalivedAgrees(text("  min_tx 2.25", "  min_tx 0"));
    }

    @Test
    void idleTxIsFrom1000Ms() {
        LoadResult r = load("  idle_tx 1000", "  idle_tx 999.999");
        assertThat(messages(r)).containsExactly(
                "8: error: idle_tx: number '999.999' outside range [1000.000, 4294967.000] - ignored");
        assertThat(bf(r).get(BfdKeywords.IDLE_TX)).isEqualTo(Duration.ofSeconds(1));
        keepalivedAgrees(text("  idle_tx 1000", "  idle_tx 999.999"));
    }

    @Test
    void intervalsAboveTenSecondsAreOnlyPointedOut() {
        LoadResult r = load("  min_rx 10000", "  idle_tx 10001");
        assertThat(messages(r)).containsExactly(
                "8: warning: BFD instance bf idle_tx value 10001 is larger than max sensible (10000)");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        keepalivedAgrees(text("  min_rx 10000", "  idle_tx 10001"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"multiplier|0|number '0' outside range [1, 255]",
            "multiplier|256|number '256' outside range [1, 255]", "multiplier|x|invalid number 'x'",
            "ttl|0|number '0' outside range [1, 255]", "ttl|256|number '256' outside range [1, 255]",
            "hoplimit|0|number '0' outside range [1, 255]", "max_hops|-2|number '-2' outside range [-1, 255]",
            "max_hops|256|number '256' outside range [-1, 255]"})
    void integerKeywordsOutOfRangeAreIgnored(String keyword, String word, String why) {
        LoadResult r = load("  " + keyword + " " + word);
        assertThat(messages(r)).containsExactly("7: error: " + keyword + ": " + why + " - ignored");
        keepalivedAgrees(text("  " + keyword + " " + word));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 255})
    void multiplierIsFrom1To255(int m) {
        LoadResult r = load("  multiplier " + m);
        assertThat(messages(r)).isEmpty();
        assertThat(bf(r).get(BfdKeywords.MULTIPLIER)).isEqualTo(m);
    }

    @Test
    void hoplimitIsTtlByAnotherName() {
        LoadResult r = load("  hoplimit 9");
        assertThat(messages(r)).isEmpty();
        assertThat(bf(r).get(BfdKeywords.TTL)).isEqualTo(9);
        keepalivedAgrees(text("  hoplimit 9"));
    }

    @Test
    void maxHopsMinusOneDisablesTheCheck() {
        LoadResult r = load("  max_hops -1");
        assertThat(messages(r)).isEmpty();
        assertThat(bf(r).get(BfdKeywords.MAX_HOPS)).isEqualTo(-1);
        keepalivedAgrees(text("  max_hops -1"));
    }

    @Test
    void maxHopsAboveTheTtlIsLoweredToIt() {
        LoadResult r = load("  ttl 10", "  max_hops 20");
        assertThat(messages(r)).containsExactly(
                "9: error: BFD instance bf: max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit (10)");
        assertThat(bf(r).get(BfdKeywords.MAX_HOPS)).isEqualTo(10);
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text("  ttl 10", "  max_hops 20"));
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).as("keepalived reports at the closing brace").containsExactly(9);
    }

    @Test
    void maxHopsMinusOneCountsAs255AgainstTheDefaultIpv6HopLimit() {
        LoadResult r = ConfigFixture.load(PRELUDE + "bfd_instance bf {\n  neighbor_ip fe80::2\n  max_hops -1\n}\n");
        assertThat(messages(r)).containsExactly(
                "8: error: BFD instance bf: max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit (64)");
        assertThat(bf(r).get(BfdKeywords.MAX_HOPS)).isEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource({"253,253,false", "-253,-253,false", "'-253 reverse',-253,true"})
    void weightIsFromMinus253To253(String words, int weight, boolean reverse) {
        LoadResult r = load("  weight " + words);
        assertThat(messages(r)).isEmpty();
        assertThat(bf(r).get(BfdKeywords.WEIGHT)).isEqualTo(new Weight(weight, reverse));
    }

    @Test
    void weightOutOfRangeIsIgnored() {
        LoadResult r = load("  weight 254");
        assertThat(messages(r)).containsExactly("7: error: weight: number '254' outside range [-253, 253] - ignored");
        assertThat(bf(r).get(BfdKeywords.WEIGHT)).isEqualTo(Weight.of(0));
        keepalivedAgrees(text("  weight 254"));
    }

    @Test
    void weightUnknownOptionIsReportedAndTheWeightKept() {
        LoadResult r = load("  weight 5 foo");
        assertThat(messages(r)).containsExactly("7: warning: unknown weight option 'foo' - ignoring it");
        assertThat(bf(r).get(BfdKeywords.WEIGHT)).isEqualTo(Weight.of(5));
        keepalivedAgrees(text("  weight 5 foo"));
    }

    @Test
    void passiveVrrpAndCheckerAreFlags() {
        LoadResult r = load("  passive", "  vrrp", "  checker");
        assertThat(messages(r)).isEmpty();
        assertThat(bf(r).get(BfdKeywords.PASSIVE)).isTrue();
        assertThat(bf(r).get(BfdKeywords.VRRP)).isTrue();
        assertThat(bf(r).get(BfdKeywords.CHECKER)).isTrue();
        keepalivedAgrees(text("  passive", "  vrrp", "  checker"));
    }

    @Test
    void neighbourIsTheBritishSpelling() {
        LoadResult r = ConfigFixture.load(PRELUDE + "bfd_instance bf {\n  neighbour_ip 10.0.0.3\n}\n");
        assertThat(messages(r)).isEmpty();
        assertThat(bf(r).get(BfdKeywords.NEIGHBOR_IP)).isEqualTo(Types.parseAddress("10.0.0.3"));
    }

    @Test
    void aPrefixAfterTheAddressIsDropped() {
        LoadResult r = ConfigFixture.load(PRELUDE + "bfd_instance bf {\n  neighbor_ip fe80::3/64\n}\n");
        assertThat(messages(r)).containsExactly("6: warning: neighbor_ip: '/64' after the address is ignored");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(bf(r).get(BfdKeywords.NEIGHBOR_IP)).isEqualTo(Types.parseAddress("fe80::3"));
        keepalivedAgrees(PRELUDE + "bfd_instance bf {\n  neighbor_ip fe80::3/64\n}\n");
    }

    @Test
    void noNeighborDisablesTheSessionButKeepsTheInstanceForTrackers() {
        String text = PRELUDE + "bfd_instance bf {\n  weight 3\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "7: error: BFD instance bf has no neighbor address set - disabling instance (instances tracking it see it down)");
        assertThat(bf(r).isSet(BfdKeywords.NEIGHBOR_IP)).isFalse();
        assertThat(bf(r).get(BfdKeywords.WEIGHT)).isEqualTo(Weight.of(3));
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).as("keepalived reports at the closing brace").containsExactly(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "010.0.0.2", "10.2", "10.0.0.2:3784", "fe80::2%eth0", "[fe80::3]"})
    void aMalformedNeighborDisablesTheSession(String word) {
        String text = PRELUDE + "bfd_instance bf {\n  neighbor_ip " + word + "\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "6: error: neighbor_ip: malformed neighbor address " + word + " - ignored",
                "7: error: BFD instance bf has no neighbor address set - disabling instance (instances tracking it see it down)");
        assertThat(bf(r).isSet(BfdKeywords.NEIGHBOR_IP)).isFalse();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).containsExactly(6);
    }

    @Test
    void aMalformedSourceIsIgnored() {
        LoadResult r = load("  source_ip 10.0.0.1", "  source_ip x");
        assertThat(messages(r)).containsExactly("8: error: source_ip: malformed source address x - ignored");
        assertThat(bf(r).get(BfdKeywords.SOURCE_IP)).isEqualTo(Types.parseAddress("10.0.0.1"));
        keepalivedAgrees(text("  source_ip 10.0.0.1", "  source_ip x"));
    }

    @Test
    void aSourceOfAnotherFamilyDisablesTheSession() {
        LoadResult r = load("  source_ip fe80::1");
        assertThat(messages(r)).containsExactly("8: error: BFD instance bf source address fe80::1 and neighbor address 10.0.0.2"
                + " are not of the same family - disabling instance (instances tracking it see it down)");
        assertThat(bf(r).isSet(BfdKeywords.NEIGHBOR_IP)).isFalse();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text("  source_ip fe80::1"));
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).as("keepalived reports at the closing brace").containsExactly(8);
    }

    @Test
    void theSameNeighborNeedsADifferentSource() {
        String text = PRELUDE
                + "bfd_instance a {\n  neighbor_ip 10.0.0.2\n  source_ip 10.0.0.1\n}\n"  // 5-8
                + "bfd_instance b {\n  neighbor_ip 10.0.0.2\n  source_ip 10.0.0.3\n}\n"  // 9-12
                + "bfd_instance c {\n  source_ip 10.0.0.1\n  neighbor_ip 10.0.0.2\n}\n"  // 13-16
                + "bfd_instance d {\n  neighbor_ip 10.0.0.2\n}\n";                       // 17-19
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "16: error: BFD instance c has duplicate source/neighbor address 10.0.0.1/10.0.0.2 (as BFD instance a)"
                        + " - ignoring instance (instances tracking it see it down)",
                "19: error: BFD instance d has duplicate neighbor address 10.0.0.2 (as BFD instance a)"
                        + " - ignoring instance (instances tracking it see it down)");
        assertThat(named(r, "b").isSet(BfdKeywords.NEIGHBOR_IP)).isTrue();
        assertThat(named(r, "c").isSet(BfdKeywords.NEIGHBOR_IP)).isFalse();
        assertThat(named(r, "d").isSet(BfdKeywords.NEIGHBOR_IP)).isFalse();
        assumeTrue(KeepalivedOracle.available());
        Verdicts v = TrackOracleTest.compare(text);
        assertThat(v.theirExit()).isEqualTo(v.ourExit());
        assertThat(v.theirLines()).as("keepalived reports at the closing braces").containsExactly(16, 19);
    }

    @Test
    void aSecondInstanceOfTheSameNameIsIgnored() {
        String text = PRELUDE + "bfd_instance bf {\n  neighbor_ip 10.0.0.2\n  weight 7\n}\n"
                + "bfd_instance bf {\n  neighbor_ip 10.0.0.3\n  weight 9\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly("9: error: BFD instance bf already configured - ignoring");
        assertThat(bf(r).get(BfdKeywords.WEIGHT)).isEqualTo(Weight.of(7));
        keepalivedAgrees(text);
    }

    @Test
    void aNameLongerThan31CharactersIsIgnored() {
        String ok = "abcdefghijabcdefghijabcdefghija";
        String text = PRELUDE + "bfd_instance " + ok + "b {\n  neighbor_ip 10.0.0.5\n}\n"
                + "bfd_instance " + ok + " {\n  neighbor_ip 10.0.0.6\n}\n";
        LoadResult r = ConfigFixture.load(text);
        assertThat(messages(r)).containsExactly(
                "5: error: BFD instance " + ok + "b name too long (maximum length is 31 characters) - ignoring");
        assertThat(bf(r).<String>head()).isEqualTo(ok);
        keepalivedAgrees(text);
    }
}
