package io.jkeepalived.cli;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.dump.ConfigDumper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jkeepalived config [--json] [-f FILE]}: the parsed configuration, for tools. */
@Command(name = "config", description = "print the effective configuration (keepalived syntax, or JSON), or the keyword reference")
final class ConfigCommand implements Callable<Integer> {

    @Option(names = {"-f", "--use-file"}, paramLabel = "FILE", description = "configuration file (default ${DEFAULT-VALUE})")
    Path file = ConfigLoader.DEFAULT_CONFIG;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID", description = "configuration id for @ID lines")
    String configId;

    @Option(names = "--json", description = "print the parsed model as JSON")
    boolean json;

    @Option(names = "--keywords", description = "print the keyword reference (docs/keywords.md) and exit")
    boolean keywords;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    private final java.io.PrintStream out;
    private final java.io.PrintStream err;

    ConfigCommand(java.io.PrintStream out, java.io.PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (keywords) {
            out.print(io.jkeepalived.config.dump.KeywordDocs.markdown());
            return 0;
        }
        LoadResult result = Main.load(file, configId);
        Main.report(result, "", err);
        out.print(json ? Main.json(result) + "\n" : ConfigDumper.dump(result.config().root()));
        return result.exitStatus().code();
    }
}
