package io.jkeepalived.config.value;

/** A keyword's arguments cannot be used; the message says why, in keepalived's words where it has them. */
public final class ValueException extends RuntimeException {

    private final boolean missingParameter;

    public ValueException(String message) {
        this(message, false);
    }

    private ValueException(String message, boolean missingParameter) {
        super(message, null, false, false);
        this.missingParameter = missingParameter;
    }

    /** keepalived's "missing a parameter": it stops reading the configuration there (exit status 2). */
    public static ValueException missingParameter(String message) {
        return new ValueException(message, true);
    }

    public boolean isMissingParameter() {
        return missingParameter;
    }
}
