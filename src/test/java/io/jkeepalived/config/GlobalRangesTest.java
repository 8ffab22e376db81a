package io.jkeepalived.config;

import static io.jkeepalived.config.GlobalCheckTest.global;
import static io.jkeepalived.config.GlobalCheckTest.globalDefs;
import static io.jkeepalived.config.GlobalCheckTest.likeKeepalived;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The range of every numeric global_defs keyword: both ends are accepted, one beyond each end,
 * and words that are not numbers are rejected (the keyword is then ignored), each as keepalived 2.2.7
 * does (same exit status, complaints on the same lines).
 */
class GlobalRangesTest {

    /**
     * @param min      the smallest value accepted, and how -d writes it back (they differ where
     *                 keepalived corrects it: a real-time limit of 1 is 2)
     * @param below    the nearest value rejected below, or null if nothing below is rejected
     */
    record Range(Keyword.Value<?> keyword, String min, String minRead, String max, String below, String above) {
        @Override
        public String toString() {
            return keyword.name() + " " + min + ".." + max;
        }
    }

    static final String UINT_MAX = "4294967295";
    static final String UINT_MAX_PLUS_1 = "4294967296";

    static Stream<Arguments> ranges() {
        List<Range> r = List.of(
                new Range(GlobalKeywords.SMTP_CONNECT_TIMEOUT, "1", "1", "4294", "-1", "4295"),
                new Range(GlobalKeywords.STARTUP_SCRIPT_TIMEOUT, "1", "1", "1000", "0", "1001"),
                new Range(GlobalKeywords.SHUTDOWN_SCRIPT_TIMEOUT, "1", "1", "1000", "0", "1001"),
                new Range(GlobalKeywords.MAX_AUTO_PRIORITY, "-1", "-1", "99", "-2", "100"),
                new Range(GlobalKeywords.MIN_AUTO_PRIORITY_DELAY, "1", "1", "10000000", "0", "10000001"),
                new Range(GlobalKeywords.VRRP_GARP_MASTER_DELAY, "0", "0", "4294", "-1", "4295"),
                new Range(GlobalKeywords.VRRP_GARP_MASTER_REPEAT, "1", "1", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_GARP_MASTER_REFRESH, "0", "0", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT, "1", "1", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY, "0", "0", "4294", "-1", "4295"),
                new Range(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT, "0", "0", "2147483647", "-1", "2147483648"),
                new Range(GlobalKeywords.VRRP_DOWN_TIMER_ADVERTS, "1", "1", "100", "0", "101"),
                new Range(GlobalKeywords.VRRP_VERSION, "2", "2", "3", "1", "4"),
                new Range(GlobalKeywords.VRRP_PRIORITY, "-20", "-20", "19", "-21", "20"),
                new Range(GlobalKeywords.CHECKER_PRIORITY, "-20", "-20", "19", "-21", "20"),
                new Range(GlobalKeywords.BFD_PRIORITY, "-20", "-20", "19", "-21", "20"),
                new Range(GlobalKeywords.NFTABLES_PRIORITY, "-2147483648", "-2147483648", "2147483647", "-2147483649", "2147483648"),
                new Range(GlobalKeywords.NFTABLES_IPVS_PRIORITY, "-2147483648", "-2147483648", "2147483647", "-2147483649", "2147483648"),
                new Range(GlobalKeywords.NFTABLES_IPVS_START_FWMARK, "1", "1", UINT_MAX, "0", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_RX_BUFS_MULTIPLIER, "1", "1", UINT_MAX, "0", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_NETLINK_CMD_RCV_BUFS, "0", "0", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_NETLINK_MONITOR_RCV_BUFS, "0", "0", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.LVS_NETLINK_CMD_RCV_BUFS, "0", "0", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.LVS_NETLINK_MONITOR_RCV_BUFS, "0", "0", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.PROCESS_MONITOR_RCV_BUFS, "0", "0", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.RANDOM_SEED, "0", "0", UINT_MAX, "-1", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_RLIMIT_RTTIME, "1", "2", UINT_MAX, "0", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.CHECKER_RLIMIT_RTTIME, "1", "2", UINT_MAX, "0", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.BFD_RLIMIT_RTTIME, "1", "2", UINT_MAX, "0", UINT_MAX_PLUS_1),
                new Range(GlobalKeywords.VRRP_GARP_EXTRA_IF, "1", "1", "86400", "0", "86401"),
                new Range(GlobalKeywords.VRRP_GARP_INTERVAL, "0.000001", "0.000001", "4294.967295", "0", "4294.967296"),
                new Range(GlobalKeywords.VRRP_GNA_INTERVAL, "0.000001", "0.000001", "4294.967295", "0", "4294.967296"),
                new Range(GlobalKeywords.VRRP_STARTUP_DELAY, "0.001", "0.001", "4294.967295", "0.000999", "4294.967296"),
                // any int is read and clamped to 1..99
                new Range(GlobalKeywords.VRRP_RT_PRIORITY, "1", "1", "99", null, "2147483648"),
                new Range(GlobalKeywords.CHECKER_RT_PRIORITY, "1", "1", "99", null, "2147483648"),
                new Range(GlobalKeywords.BFD_RT_PRIORITY, "1", "1", "99", null, "2147483648"));
        return r.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void bothEndsAreAccepted(Range r) {
        for (String[] v : new String[][] {{r.min(), r.minRead()}, {r.max(), r.max()}}) {
            String text = global(r.keyword().name() + " " + v[0]);
            LoadResult result = ConfigFixture.load(text);
            assertThat(ConfigFixture.messages(result)).as(text).noneMatch(m -> m.contains(": error:"));
            assertThat(written(result, r.keyword())).as(text).isEqualTo(v[1]);
            likeKeepalived(text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void beyondTheEndsIsIgnored(Range r) {
        for (String v : new String[] {r.below(), r.above(), "x", "2x"}) {
            if (v == null) {
                continue;
            }
            String text = global(r.keyword().name() + " " + v);
            LoadResult result = ConfigFixture.load(text);
            assertThat(ConfigFixture.messages(result)).as(text)
                    .anyMatch(m -> m.startsWith("2: error: " + r.keyword().name() + ": ") && m.endsWith(" - ignored"));
            // nothing written is kept (the lower-priority GARP values get their derived default)
            assertThat(globalDefs(result).explicit(r.keyword()).map(x -> written(result, r.keyword())))
                    .as(text).isNotEqualTo(java.util.Optional.of(v));
            if (r.keyword() != GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY && r.keyword() != GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT) {
                assertThat(globalDefs(result).explicit(r.keyword())).as(text).isEmpty();
            }
            likeKeepalived(text);
        }
    }

    /** The value as -d writes it. */
    private static <T> String written(LoadResult r, Keyword.Value<T> k) {
        return String.join(" ", k.type().format(globalDefs(r).explicit(k).orElseThrow()));
    }
}
