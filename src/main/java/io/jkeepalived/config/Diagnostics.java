package io.jkeepalived.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one load. Keeps at most {@link #MAX_KEPT} of them, so that a huge
 * garbage file yields a bounded report; the number dropped is reported once at the end.
 */
public final class Diagnostics {

    /** Enough for any real mistake; a flood beyond this is one problem repeated. */
    public static final int MAX_KEPT = 200;

    private final List<Diagnostic> kept = new ArrayList<>();
    private int dropped;
    private ExitStatus exit = ExitStatus.OK;

    /** An error keepalived also reports: exit status 5 ("errors corrected or ignored"). */
    public void error(SourcePos pos, String message) {
        add(new Diagnostic(Severity.ERROR, pos, message, ExitStatus.ERRORS));
    }

    /** A warning keepalived also reports, which makes its -t exit 5 too. */
    public void warning(SourcePos pos, String message) {
        add(new Diagnostic(Severity.WARNING, pos, message, ExitStatus.ERRORS));
    }

    /** A warning only jkeepalived gives (lint): does not change the exit status. */
    public void lint(SourcePos pos, String message) {
        add(new Diagnostic(Severity.WARNING, pos, message, ExitStatus.OK));
    }

    /** The configuration cannot run at all: exit status 4. */
    public void fatal(SourcePos pos, String message) {
        add(new Diagnostic(Severity.ERROR, pos, message, ExitStatus.CANNOT_RUN));
    }

    /** A keyword without its parameter: keepalived stops there, exit status 2. */
    public void missingParameter(SourcePos pos, String message) {
        add(new Diagnostic(Severity.ERROR, pos, message, ExitStatus.MISSING_PARAMETER));
    }

    /** Scripts would run as root without enable_script_security: exit status 6. */
    public void security(SourcePos pos, String message) {
        add(new Diagnostic(Severity.ERROR, pos, message, ExitStatus.SCRIPT_SECURITY));
    }

    public void add(Diagnostic d) {
        exit = exit.worst(d.exit());
        if (kept.size() < MAX_KEPT) {
            kept.add(d);
        } else {
            dropped++;
        }
    }

    public List<Diagnostic> list() {
        return List.copyOf(kept);
    }

    /** How many diagnostics were not kept because there were already {@link #MAX_KEPT}. */
    public int dropped() {
        return dropped;
    }

    public ExitStatus exitStatus() {
        return exit;
    }

    public boolean hasErrors() {
        return kept.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
