package io.jkeepalived.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The simulated lab tells seed 000's story with the timings the protocol dictates. */
class LabTest {

    @Test
    void theSimulatedStoryShowsTakeoverAtMasterDownIntervalAndPreemption() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = SimulatedLab.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(rc).isZero();
        // lb01 (150): 3 x 1 s + 106/256 s; lb02 (100) after the cut: 3 x 1 s + 156/256 s after lb01's last advert, + 100 us
        assertThat(out).contains("lb01 took over at 3.414062500s")
                .contains("lb02 takes over at 14.023537500s")
                .contains("Master_Down_Interval 3.609375 s")
                .contains("t=20.000000000s  lb02 holds 10.99.0.3")
                .contains("preempts at 28.414062500s")
                .contains("t=40.000000000s  lb01 holds 10.99.0.3");
    }
}
