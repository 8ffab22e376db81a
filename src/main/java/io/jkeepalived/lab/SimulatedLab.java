package io.jkeepalived.lab;

import java.io.PrintStream;

/** The lab's story in the simulator (no root needed). */
final class SimulatedLab {

    private SimulatedLab() {
    }

    static int run(PrintStream out) {
        out.println("the simulator version of the lab is not available in this build yet");
        return 1;
    }
}
