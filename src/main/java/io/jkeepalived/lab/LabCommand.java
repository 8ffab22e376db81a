package io.jkeepalived.lab;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jkeepalived lab}: the demo. With root it builds a LAN of network namespaces and runs two
 * real daemons (see {@link NamespaceLab}); without, it says so and tells the same story in the
 * simulator.
 */
@Command(name = "lab", description = "run seed 000's failover story on a LAN of network namespaces (root), or in the simulator")
public final class LabCommand implements Callable<Integer> {

    @Option(names = "--simulate", description = "use the simulator even as root")
    boolean simulate;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    private final PrintStream out;

    public LabCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        boolean root = ProcessHandle.current().info().user().map("root"::equals).orElse(false);
        if (!root || simulate) {
            if (!root) {
                out.println("jkeepalived lab needs root to build network namespaces; telling the same story in the simulator instead");
            }
            return SimulatedLab.run(out);
        }
        return new NamespaceLab(out).run();
    }
}
