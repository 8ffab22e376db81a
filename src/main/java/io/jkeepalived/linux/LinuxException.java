package io.jkeepalived.linux;

import java.io.IOException;

/** A system call failed: which one, and errno with the C library's text for it. */
public final class LinuxException extends IOException {

    private final int errno;

    public LinuxException(String operation, int errno) {
        super(operation + ": " + Libc.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
