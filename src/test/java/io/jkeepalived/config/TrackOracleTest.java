package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs a configuration through jkeepalived and keepalived 2.2.7 and gives both verdicts (exit
 * status and the lines complained about) for the tracking tests to compare. keepalived reports
 * its end-of-block checks at the closing brace, where we report them at the block's opening line,
 * so tests state both line sets rather than assume they are equal.
 */
class TrackOracleTest {

    /**
     * Lines 1-4 of every configuration in the tracking tests: scripts run as root (which exists
     * everywhere) with script security on, so neither keepalived's script security verdict nor a
     * missing keepalived_script user gets in the way.
     */
    static final String PRELUDE = """
            global_defs {
              enable_script_security
              script_user root
            }
            """;

    /** Our verdict and keepalived's: exit statuses and the lines named by messages that count. */
    record Verdicts(int ourExit, SortedSet<Integer> ourLines, int theirExit, SortedSet<Integer> theirLines, List<String> theirOutput) {
    }

    static Verdicts compare(String text) {
        LoadResult ours = ConfigFixture.load(text);
        SortedSet<Integer> ourLines = new TreeSet<>();
        for (Diagnostic d : ours.diagnostics()) {
            if (d.exit() != ExitStatus.OK) {
                ourLines.add(d.pos().line());
            }
        }
        KeepalivedOracle.Verdict theirs = KeepalivedOracle.configTest(text, "lb01");
        return new Verdicts(ours.exitStatus().code(), ourLines, theirs.exitStatus(), linesNamed(theirs.lines()),
                theirs.lines());
    }

    private static final Pattern LINE = Pattern.compile("\\(\\S*: Line (\\d+)\\)");

    /** The line numbers keepalived's messages name: "(FILE: Line N) message". */
    static SortedSet<Integer> linesNamed(List<String> output) {
        SortedSet<Integer> lines = new TreeSet<>();
        for (String l : output) {
            Matcher m = LINE.matcher(l);
            if (m.find()) {
                lines.add(Integer.parseInt(m.group(1)));
            }
        }
        return lines;
    }

    @Test
    void linesNamedReadsKeepalivedsPositions() {
        assertThat(linesNamed(List.of(
                "(/tmp/x/keepalived.conf: Line 7) number '300' outside range [-253, 253]",
                "(/tmp/x/keepalived.conf: Line 7) vrrp_script chk weight 300 must be in [-253, 253]",
                "(keepalived.conf: Line 12) No script set for vrrp_script chk - removing",
                "SECURITY VIOLATION - scripts are being executed but script_security not enabled.")))
                .containsExactly(7, 12);
    }
}
