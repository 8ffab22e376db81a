package io.jkeepalived.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bin/jkeepalived lab}, the README's "run it" command, as root: the whole story, and nothing left behind. */
class LabIT {

    @Test
    void theLabTellsTheStoryAndRemovesEverything() throws Exception {
        assumeTrue(Lan.available(), "needs root");
        Process p = new ProcessBuilder(Lan.LAUNCHER.toString(), "lab").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("lb01 holds 10.99.0.3 (MASTER); lb02 is BACKUP")
                .contains("lb02 holds 10.99.0.3 (MASTER)")
                .contains("lb01 (150) preempted lb02 (100)")
                .contains("Removed the namespaces");
        Matcher m = Pattern.compile("ratio (\\d+\\.\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        // the takeover is Master_Down_Interval after lb01's last advert, give or take scheduling
        assertThat(Double.parseDouble(m.group(1))).isBetween(0.99, 1.05);
        String namespaces = Lan.run(List.of("ip", "netns", "list"));
        assertThat(namespaces).doesNotContain("jklab");
    }
}
