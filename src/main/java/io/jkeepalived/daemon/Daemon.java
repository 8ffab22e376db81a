package io.jkeepalived.daemon;

import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.linux.Libc;
import io.jkeepalived.linux.LinuxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: one process (keepalived forks a VRRP child and a checker child; we keep
 * them as parts of one JVM), whose main thread becomes the reactor. Signals as keepalived's:
 * TERM/INT stop gracefully, HUP reloads, USR1/USR2 write the data and stats dumps.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger("Keepalived");

    /** keepalived's command-line switches that matter once running. */
    public record Options(List<Path> pidFiles, boolean releaseVipsOnStop, boolean logDetail, String namespace, boolean vrrp) {
    }

    private final Options options;
    private final Supplier<LoadResult> loader;
    private final Reactor reactor;
    private VrrpService vrrp;

    private Daemon(Options options, Supplier<LoadResult> loader) throws LinuxException {
        this.options = options;
        this.loader = loader;
        this.reactor = new Reactor();
    }

    /**
     * Runs until stopped; returns the exit status. {@code loader} reads the configuration (again
     * at each reload).
     */
    public static int run(Options options, Supplier<LoadResult> loader) {
        try {
            if (options.namespace() != null) {
                Libc.enterNetworkNamespace("/run/netns/" + options.namespace());
            }
            return new Daemon(options, loader).loop();
        } catch (LinuxException e) {
            LOG.error("cannot start: {}", e.getMessage());
            return 1;
        }
    }

    private int loop() {
        LoadResult first = loader.get();
        if (first.exitStatus() == io.jkeepalived.config.ExitStatus.CANNOT_RUN || first.config() == null) {
            LOG.error("{}: configuration cannot be used, see jkeepalived -t", first.file());
            return 1;
        }
        for (var d : first.diagnostics()) {
            LOG.warn("{}", d);
        }
        LOG.info("Starting jkeepalived, pid {}", ProcessHandle.current().pid());
        List<Path> written = writePidFiles();
        KeepalivedConfig config = running(first);
        if (!options.vrrp()) {
            LOG.info("-C: not running the VRRP subsystem (health checkers are not implemented yet)");
        }
        vrrp = new VrrpService(config, reactor, new VrrpService.Options(options.releaseVipsOnStop(), options.logDetail()));
        installSignals();
        long now = System.nanoTime();
        try {
            vrrp.start(now);
        } catch (LinuxException e) {
            LOG.error("cannot start VRRP: {}", e.getMessage());
            vrrp.close();
            removePidFiles(written);
            return 1;
        }
        reactor.run();
        vrrp.close();
        reactor.close();
        removePidFiles(written);
        LOG.info("Stopped jkeepalived");
        return 0;
    }

    /** The part of a configuration this process runs: all of it, or without VRRP with -C. */
    private KeepalivedConfig running(LoadResult loaded) {
        var root = loaded.config().root();
        if (!options.vrrp()) {
            root = root.without(io.jkeepalived.config.schema.RootKeywords.VRRP_INSTANCE)
                    .without(io.jkeepalived.config.schema.RootKeywords.VRRP_SYNC_GROUP);
        }
        return new KeepalivedConfig(root);
    }

    private void installSignals() {
        signal("TERM", this::stop);
        signal("INT", this::stop);
        signal("HUP", now -> reload());
        signal("USR1", now -> dump("data", () -> Dumps.writeData(vrrp.engine(), now)));
        signal("USR2", now -> dump("stats", () -> Dumps.writeStats(vrrp.engine())));
    }

    @SuppressWarnings("sunapi")
    private void signal(String name, java.util.function.LongConsumer onReactor) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> reactor.post(onReactor));
    }

    /**
     * SIGHUP: read and validate the configuration on a thread of its own (the reactor must not
     * wait for it), then hand it to the reactor; a configuration that cannot run is refused and
     * the running one stays.
     */
    private void reload() {
        if (reloading) {
            LOG.info("Reload already in progress");
            return;
        }
        reloading = true;
        Thread.ofPlatform().name("reload").daemon().start(() -> {
            try {
                LoadResult next = loader.get();
                for (var d : next.diagnostics()) {
                    LOG.warn("{}", d);
                }
                if (next.config() == null || next.exitStatus() == io.jkeepalived.config.ExitStatus.CANNOT_RUN
                        || next.exitStatus() == io.jkeepalived.config.ExitStatus.MISSING_PARAMETER) {
                    LOG.error("Reload: {} cannot be used - keeping the running configuration", next.file());
                    reloading = false;
                    return;
                }
                KeepalivedConfig config = running(next);
                reactor.post(now -> {
                    try {
                        vrrp.reload(config, now);
                    } finally {
                        reloading = false;
                    }
                });
            } catch (RuntimeException e) {
                LOG.error("Reload failed - keeping the running configuration: {}", e.toString());
                reloading = false;
            }
        });
    }

    private volatile boolean reloading;

    private interface Dump {
        Path write() throws IOException;
    }

    private static void dump(String what, Dump dump) {
        try {
            LOG.info("Printing VRRP {} to {}", what, dump.write());
        } catch (IOException e) {
            LOG.error("cannot write the {} dump: {}", what, e.getMessage());
        }
    }

    private void stop(long now) {
        LOG.info("Stopping");
        vrrp.stop(now);
        reactor.stop();
    }

    private List<Path> writePidFiles() {
        List<Path> written = new ArrayList<>();
        String pid = Long.toString(ProcessHandle.current().pid());
        for (Path p : options.pidFiles()) {
            try {
                Files.writeString(p, pid + "\n");
                written.add(p);
            } catch (IOException e) {
                LOG.warn("cannot write pid file {}: {}", p, e.getMessage());
            }
        }
        return written;
    }

    private static void removePidFiles(List<Path> written) {
        for (Path p : written) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
