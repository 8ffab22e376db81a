package io.jkeepalived.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

/**
 * Where the daemon's messages go, as keepalived's flags say: syslog by default (facility -S,
 * none with -G), the console with -l ("Mon Nov 23 15:40:01 2026: message", keepalived's console
 * format), a file with -g; -D adds the detailed messages.
 */
public final class Logging {

    /** The flags. {@code facility} is a syslog facility number (LOG_DAEMON = 3). */
    public record Options(boolean console, boolean detail, int facility, boolean syslog, String file) {
    }

    private Logging() {
    }

    public static void configure(Options options) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(options.detail() ? Level.DEBUG : Level.INFO);
        if (options.console()) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(ctx);
            console.setEncoder(encoder(ctx, "%d{EEE MMM d HH:mm:ss yyyy}: %msg%n"));
            console.start();
            root.addAppender(console);
        }
        if (options.file() != null) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(ctx);
            file.setFile(options.file());
            file.setEncoder(encoder(ctx, "%d{EEE MMM d HH:mm:ss yyyy}: %msg%n"));
            file.start();
            root.addAppender(file);
        }
        if (options.syslog()) {
            DevLogAppender syslog = new DevLogAppender(options.facility(), "Keepalived_vrrp");
            syslog.setContext(ctx);
            syslog.start();
            root.addAppender(syslog);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
        e.start();
        return e;
    }

    /** keepalived's -S values: 0-7 (local0..7), local0..7, user, daemon. Returns -1 if invalid. */
    public static int facility(String value) {
        return switch (value) {
            case "user" -> 1;
            case "daemon" -> 3;
            default -> {
                String v = value.startsWith("local") ? value.substring(5) : value;
                if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '7') {
                    yield 16 + (v.charAt(0) - '0');
                }
                yield -1;
            }
        };
    }
}
