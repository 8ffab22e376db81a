package io.jkeepalived.config;

/**
 * One message about the configuration, printed on one line as
 * {@code file:line: error|warning: message}.
 *
 * @param exit what this diagnostic does to the exit status of {@code -t}: keepalived counts every
 *             message it reports (even those it words as warnings), while the lint that only
 *             jkeepalived adds (keywords not implemented yet, words it ignores) leaves the status
 *             alone, so that a configuration keepalived passes passes here too
 */
public record Diagnostic(Severity severity, SourcePos pos, String message, ExitStatus exit) {

    @Override
    public String toString() {
        return pos + ": " + severity.label() + ": " + message;
    }
}
