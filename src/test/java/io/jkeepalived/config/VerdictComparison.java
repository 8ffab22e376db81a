package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Runs {@code -t} on one file with jkeepalived and with keepalived 2.2.7 (in the oracle's
 * namespace, whose interfaces our fixture host also has) and compares:
 * <ul>
 *   <li>the exit status;</li>
 *   <li>the lines: every line keepalived names must be one we name too, or, when keepalived names
 *       the closing line of a block (its end-of-block checks), one inside that block.</li>
 * </ul>
 * A difference is a list of strings; the caller asserts it equals the explained differences.
 */
public final class VerdictComparison {

    public record Outcome(LoadResult ours, KeepalivedOracle.Verdict theirs, List<String> differences) {
    }

    private VerdictComparison() {
    }

    public static Outcome compare(Path file, String configId) {
        LoadResult ours = ConfigFixture.loadFile(file, configId);
        KeepalivedOracle.Verdict theirs = KeepalivedOracle.configTest(file, configId);
        List<String> diffs = new ArrayList<>();
        if (ours.exitStatus().code() != theirs.exitStatus()) {
            diffs.add("exit status " + ours.exitStatus().code() + " vs keepalived's " + theirs.exitStatus());
        }
        SortedSet<Integer> ourLines = new TreeSet<>();
        for (Diagnostic d : ours.diagnostics()) {
            if (d.pos().file().getFileName().equals(file.getFileName())) {
                ourLines.add(d.pos().line());
            }
        }
        List<int[]> blocks = new ArrayList<>();
        collectBlocks(ours.config().root(), blocks);
        for (int line : KeepalivedOracle.linesNamed(theirs)) {
            if (ourLines.contains(line)) {
                continue;
            }
            boolean insideClosedBlock = blocks.stream().anyMatch(b -> b[1] == line
                    && ourLines.stream().anyMatch(l -> l >= b[0] && l <= b[1]));
            if (!insideClosedBlock) {
                diffs.add("keepalived names line " + line + ", we do not");
            }
        }
        return new Outcome(ours, theirs, diffs);
    }

    private static void collectBlocks(Block b, List<int[]> into) {
        into.add(new int[] {b.pos().line(), b.end().line()});
        for (Setting s : b.settings()) {
            if (s.value() instanceof Block nested) {
                collectBlocks(nested, into);
            }
        }
    }

    /** Asserts the comparison found exactly the explained differences (none, usually). */
    public static void assertSame(Outcome o, Set<String> explained) {
        assertThat(o.differences())
                .as("jkeepalived said %s%nkeepalived said %s", o.ours().diagnostics(), o.theirs().lines())
                .containsExactlyInAnyOrderElementsOf(explained);
    }
}
