package io.jkeepalived.config.value;

/** A keyword's arguments cannot be used; the message says why, in keepalived's words where it has them. */
public final class ValueException extends RuntimeException {

    public ValueException(String message) {
        super(message, null, false, false);
    }
}
