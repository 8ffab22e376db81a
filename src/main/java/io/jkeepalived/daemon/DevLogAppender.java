package io.jkeepalived.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.jkeepalived.linux.Libc;
import io.jkeepalived.linux.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Logs to the local syslog daemon as keepalived does (syslog(3): a datagram to /dev/log, RFC
 * 3164 format, "Keepalived_vrrp[PID]: message"). Logback's own syslog appender only speaks UDP
 * to a host, and Java has no AF_UNIX datagram channel, so this goes through java.lang.foreign.
 * If there is no syslog daemon, messages are dropped, as syslog(3) drops them.
 */
public final class DevLogAppender extends AppenderBase<ILoggingEvent> {

    private static final int AF_UNIX = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final int facility;
    private final String ident;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment address;
    private final MemorySegment buffer = arena.allocate(2048, 8);
    private int fd = -1;

    /** {@code facility}: LOG_DAEMON is 3; local0..7 are 16..23. */
    public DevLogAppender(int facility, String ident) {
        this.facility = facility;
        this.ident = ident + "[" + ProcessHandle.current().pid() + "]";
        // struct sockaddr_un { u16 family; char path[108]; }
        this.address = arena.allocate(110, 2);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        address.setString(2, "/dev/log");
    }

    @Override
    public void start() {
        try {
            fd = Libc.socket(AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC | Libc.SOCK_NONBLOCK, 0);
        } catch (LinuxException e) {
            fd = -1;
        }
        super.start();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (fd < 0) {
            return;
        }
        int severity = switch (event.getLevel().toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
        String line = "<" + (facility * 8 + severity) + ">" + STAMP.format(LocalDateTime.now()) + " " + ident + ": "
                + event.getFormattedMessage();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(bytes.length, buffer.byteSize());
        MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, 0, n);
        Libc.sendto(fd, buffer, n, 0, address);
    }

    @Override
    public void stop() {
        super.stop();
        Libc.close(fd);
        fd = -1;
    }
}
