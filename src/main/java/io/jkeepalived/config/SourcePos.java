package io.jkeepalived.config;

import java.nio.file.Path;

/**
 * Where a piece of configuration came from: the file as it was named (on the command line or by
 * the {@code include} that opened it) and the 1-based physical line. Lines produced by a multi-line
 * definition or a {@code ~SEQ} carry the position of the line that expanded them.
 */
public record SourcePos(Path file, int line) {

    /** A position for things that have no line, such as a missing main file. */
    public static SourcePos of(Path file) {
        return new SourcePos(file, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
