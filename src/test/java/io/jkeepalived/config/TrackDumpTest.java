package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.dump;
import static io.jkeepalived.config.ConfigFixture.messages;
import static io.jkeepalived.config.TrackOracleTest.PRELUDE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.schema.BfdKeywords;
import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.TrackKeywords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tracking tables as a whole: they declare exactly the keywords keepalived 2.2.7 accepts in
 * these blocks, and a checked configuration using every one of them dumps (-d) to text that reads
 * back to the same effective configuration (the same dump) without a new complaint.
 */
class TrackDumpTest {

    private static final String EVERYTHING = PRELUDE + """
            vrrp_script chk {
              script "/bin/echo 'a b' c"
              interval 2
              timeout 2
              weight -20 reverse
              rise 3
              fall 2
              user root root
              init_fail
            }
            track_file tf {
              file "/run/a b"
              weight -3 reverse
              init_file 7 overwrite
            }
            vrrp_track_file tf2 {
              file /run/c
            }
            vrrp_track_process tp {
              process "/usr/sbin/my daemon" -f "x y"
              param_match initial
              weight 9 reverse
              quorum 2
              quorum_max 4
              delay 1.5
              fork_delay 0.25
            }
            vrrp_track_process none_may_run {
              process nginx
              quorum_max 0
            }
            bfd_instance bf {
              neighbour_ip fe80::2
              source_ip fe80::1
              min_rx 12.5
              min_tx 20
              idle_tx 1500.125
              multiplier 3
              passive
              hoplimit 40
              max_hops 30
              weight -7 reverse
              vrrp
              checker
            }
            bfd_instance down {
              weight 2
            }
            """;

    @Test
    void aCheckedConfigurationUsingEveryKeywordDumpsToTextThatReadsBackTheSame() {
        LoadResult first = ConfigFixture.load(EVERYTHING);
        assertThat(messages(first)).containsExactly(
                "20: warning: 'vrrp_track_file' is deprecated - use 'track_file'",
                "52: error: BFD instance down has no neighbor address set - disabling instance (instances tracking it see it down)");
        String dumped = dump(first);
        LoadResult again = ConfigFixture.load(dumped);
        assertThat(dump(again)).as("the dump of the dump").isEqualTo(dumped);
        assertThat(messages(again)).as(dumped).singleElement().asString()
                .contains("BFD instance down has no neighbor address set");
    }

    @Test
    void theTablesDeclareExactlyWhatKeepalivedAccepts() throws IOException {
        Path file = Path.of("src/test/resources/keepalived-2.2.7-keywords.txt");
        Map<String, Set<String>> accepted;
        try (var lines = Files.lines(file)) {
            accepted = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(" "))
                    .collect(Collectors.groupingBy(w -> w[0], Collectors.mapping(w -> w[1], Collectors.toCollection(TreeSet::new))));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (BlockSpec spec : List.of(TrackKeywords.VRRP_SCRIPT, TrackKeywords.TRACK_FILE, TrackKeywords.TRACK_PROCESS,
                BfdKeywords.BFD_INSTANCE)) {
            assertThat(new TreeSet<>(spec.spellings())).as(spec.name()).isEqualTo(accepted.get(spec.name()));
        }
    }
}
