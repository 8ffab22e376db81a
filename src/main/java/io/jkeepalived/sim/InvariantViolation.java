package io.jkeepalived.sim;

/** An invariant did not hold; the message carries the replay context and the timeline's tail. */
public final class InvariantViolation extends AssertionError {

    private final Invariants.Rule rule;
    private final String headline;

    InvariantViolation(Invariants.Rule rule, String headline, String message) {
        super(message);
        this.rule = rule;
        this.headline = headline;
    }

    /** The one line that says what broke. */
    public String headline() {
        return headline;
    }

    public Invariants.Rule rule() {
        return rule;
    }
}
