package io.jkeepalived.config;

/**
 * The exit statuses of {@code -t}, as the keepalived 2.2.7 binary returns them (its
 * {@code enum exit_code}: KEEPALIVED_EXIT_CONFIG = 4, KEEPALIVED_EXIT_CONFIG_TEST = 5,
 * KEEPALIVED_EXIT_CONFIG_TEST_SECURITY = 6). keepalived(8) documents them one lower (3, 4, 5);
 * the binary is what scripts see, so we follow the binary.
 */
public enum ExitStatus {
    OK(0),
    /**
     * A keyword is missing its parameter: keepalived stops reading the configuration right there
     * and exits 2, whatever else it found (jkeepalived goes on, to report everything).
     */
    MISSING_PARAMETER(2),
    /** The configuration cannot be run at all (keepalived: KEEPALIVED_EXIT_CONFIG). */
    CANNOT_RUN(4),
    /** There were errors, but keepalived runs after correcting or ignoring them (KEEPALIVED_EXIT_CONFIG_TEST). */
    ERRORS(5),
    /** Scripts would run as root without enable_script_security (KEEPALIVED_EXIT_CONFIG_TEST_SECURITY). */
    SCRIPT_SECURITY(6);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * keepalived keeps the numerically highest of its config_err_t values seen, so a security
     * violation outranks ordinary errors, which outrank "cannot run" conditions; a missing
     * parameter ends the run before any of that is decided.
     */
    public ExitStatus worst(ExitStatus other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case OK -> 0;
            case CANNOT_RUN -> 1;
            case ERRORS -> 2;
            case SCRIPT_SECURITY -> 3;
            case MISSING_PARAMETER -> 4;
        };
    }
}
