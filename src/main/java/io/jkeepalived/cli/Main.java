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
        subcommands = {ConfigCommand.class, io.jkeepalived.lab.LabCommand.class})
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

    @Option(names = {"-n", "--dont-fork"}, description = "stay in the foreground (bin/jkeepalived puts the daemon in the background otherwise)")
    boolean dontFork;

    @Option(names = {"-l", "--log-console"}, description = "log messages to the console")
    boolean logConsole;

    @Option(names = {"-D", "--log-detail"}, description = "detailed log messages")
    boolean logDetail;

    @Option(names = {"-S", "--log-facility"}, paramLabel = "FACILITY", description = "syslog facility: 0-7 (local0-7), local0-7, user or daemon (default)")
    String logFacility = "daemon";

    @Option(names = {"-G", "--no-syslog"}, description = "do not log to syslog")
    boolean noSyslog;

    @Option(names = {"-g", "--log-file"}, paramLabel = "FILE", description = "also log to FILE")
    String logFile;

    @Option(names = {"-P", "--vrrp"}, description = "run only the VRRP subsystem")
    boolean vrrpOnly;

    @Option(names = {"-C", "--check"}, description = "run only the health-checker subsystem")
    boolean checkOnly;

    @Option(names = {"-B", "--no_bfd"}, description = "do not run the BFD subsystem")
    boolean noBfd;

    @Option(names = {"-X", "--release-vips"}, description = "drop the VIPs on a transition caused by a signal")
    boolean releaseVips;

    @Option(names = {"-V", "--dont-release-vrrp"}, description = "do not remove the VIPs and virtual routes on daemon stop")
    boolean dontReleaseVrrp;

    @Option(names = {"-I", "--dont-release-ipvs"}, description = "do not remove the IPVS topology on daemon stop")
    boolean dontReleaseIpvs;

    @Option(names = {"-R", "--dont-respawn"}, description = "do not respawn child processes (jkeepalived has none)")
    boolean dontRespawn;

    @Option(names = {"-p", "--pid"}, paramLabel = "FILE", description = "pid file of the daemon (default ${DEFAULT-VALUE})")
    Path pidFile = Path.of("/run/keepalived.pid");

    @Option(names = {"-r", "--vrrp_pid"}, paramLabel = "FILE", description = "pid file of the VRRP subsystem (default ${DEFAULT-VALUE})")
    Path vrrpPidFile = Path.of("/run/vrrp.pid");

    @Option(names = {"-c", "--checkers_pid"}, paramLabel = "FILE", description = "pid file of the checkers subsystem (default ${DEFAULT-VALUE})")
    Path checkersPidFile = Path.of("/run/checkers.pid");

    @Option(names = {"-s", "--namespace"}, paramLabel = "NAME", description = "run in network namespace NAME")
    String namespace;

    @Option(names = {"-u", "--umask"}, paramLabel = "MASK", description = "umask for file creation (numeric)")
    String umask;

    @Option(names = "--signum", paramLabel = "SIGFUNC", description = "print the signal number of STOP, RELOAD, DATA, STATS, STATS_CLEAR or JSON")
    String signum;

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
                if (cls == io.jkeepalived.lab.LabCommand.class) {
                    return cls.cast(new io.jkeepalived.lab.LabCommand(out));
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
        if (signum != null) {
            Integer n = switch (signum) {
                case "STOP" -> 15;
                case "RELOAD" -> 1;
                case "DATA" -> 10;
                case "STATS" -> 12;
                case "STATS_CLEAR" -> 63;
                case "JSON" -> 36;
                default -> null;
            };
            if (n == null) {
                err.println("Unknown sigfunc " + signum);
                return 1;
            }
            out.println(n);
            return 0;
        }
        int facility = io.jkeepalived.daemon.Logging.facility(logFacility);
        if (facility < 0) {
            err.println("jkeepalived: invalid log facility '" + logFacility + "'");
            return 1;
        }
        io.jkeepalived.daemon.Logging.configure(new io.jkeepalived.daemon.Logging.Options(logConsole, logDetail, facility,
                !noSyslog, logFile));
        java.util.List<Path> pids = checkOnly ? java.util.List.of(pidFile, checkersPidFile) : java.util.List.of(pidFile, vrrpPidFile);
        return io.jkeepalived.daemon.Daemon.run(new io.jkeepalived.daemon.Daemon.Options(pids, !dontReleaseVrrp, logDetail, namespace, !checkOnly),
                () -> load(file, configId));
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
