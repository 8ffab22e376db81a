package io.jkeepalived.config;

/** How bad a configuration diagnostic is, and the word printed for it. */
public enum Severity {
    /** The configuration was corrected or part of it ignored. */
    ERROR("error"),
    /** Worth an operator's attention; the configuration runs as written. */
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
