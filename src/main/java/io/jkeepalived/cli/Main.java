package io.jkeepalived.cli;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.dump.ConfigDumper;
import io.jkeepalived.config.dump.ConfigJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line, keepalived's flags first: {@code jkeepalived -t [-f FILE]} checks a
 * configuration with keepalived's exit statuses, {@code -d} prints the effective configuration,
 * {@code jkeepalived config --json} prints it as JSON.
 */
@Command(name = "jkeepalived", sortOptions = false, usageHelpAutoWidth = true,
        description = "A keepalived-compatible VRRP high-availability daemon.",
        subcommands = ConfigCommand.class)
public final class Main implements Callable<Integer> {

    public static final String VERSION = "0.1.0";

    @Option(names = {"-f", "--use-file"}, paramLabel = "FILE", description = "configuration file (default ${DEFAULT-VALUE})")
    Path file = ConfigLoader.DEFAULT_CONFIG;

    @Option(names = {"-t", "--config-test"}, arity = "0..1", fallbackValue = "", paramLabel = "FILE",
            description = "check the configuration and exit: 0 clean, 2 a keyword is missing its parameter,"
                    + " 4 cannot run, 5 errors corrected or ignored, 6 scripts would run as root without enable_script_security; messages to stderr or FILE")
    String configTest;

    @Option(names = {"-d", "--dump-conf"}, description = "print the effective configuration in keepalived syntax")
    boolean dumpConf;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID",
            description = "configuration id for @ID conditional lines (default: the short hostname)")
    String configId;

    @Option(names = {"-v", "--version"}, description = "print the version and exit")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    final PrintStream out;
    final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line; returns the exit status. Whatever happens, the user sees one line per
     * problem and never a stack trace.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main(out, err), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ConfigCommand.class) {
                    return cls.cast(new ConfigCommand(out, err));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("jkeepalived: internal error, please report it: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (version) {
            out.println("jkeepalived " + VERSION + " (keepalived 2.2.7 configuration and protocol compatible)");
            return 0;
        }
        if (configTest != null || dumpConf) {
            LoadResult result = load(file, configId);
            if (configTest != null) {
                report(result, configTest, err);
            }
            if (dumpConf) {
                out.print(ConfigDumper.dump(result.config().root()));
            }
            return configTest != null ? result.exitStatus().code() : 0;
        }
        err.println("jkeepalived: the daemon is not implemented yet; use -t to check a configuration"
                + " or -d to print it");
        return 1;
    }

    static LoadResult load(Path file, String configId) {
        ConfigLoader.Options options = ConfigLoader.Options.of(file);
        if (configId != null) {
            options = options.withConfigId(configId);
        }
        return ConfigLoader.load(options);
    }

    /** Prints the diagnostics, one per line, to {@code err} or to the -t FILE. */
    static void report(LoadResult result, String target, PrintStream err) throws IOException {
        boolean toFile = target != null && !target.isEmpty();
        PrintStream to = toFile ? new PrintStream(new java.io.FileOutputStream(target), true, StandardCharsets.UTF_8) : err;
        for (Diagnostic d : result.diagnostics()) {
            to.println(d);
        }
        if (result.dropped() > 0) {
            to.println(result.file() + ": error: " + result.dropped() + " more problems not shown");
        }
        if (toFile) {
            to.close();
        }
    }

    static String json(LoadResult result) {
        return ConfigJson.toJson(result.config().root());
    }
}
