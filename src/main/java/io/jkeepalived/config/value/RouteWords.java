package io.jkeepalived.config.value;

import java.util.List;

/**
 * A cursor over the words of a route or rule line, moving as keepalived's parsers move their
 * index {@code i}: {@link #next} is {@code strvec_slot(strvec, ++i)} (a missing word is
 * keepalived's "missing a parameter" error).
 */
final class RouteWords {

    private final Args args;
    private final List<String> words;
    int i;

    RouteWords(Args args) {
        this.args = args;
        this.words = args.words();
    }

    Args args() {
        return args;
    }

    boolean more() {
        return i < words.size();
    }

    int size() {
        return words.size();
    }

    /** The word at the cursor. */
    String word() {
        return args.word(i);
    }

    /** The word at index {@code k}, which must exist. */
    String word(int k) {
        return args.word(k);
    }

    /** Moves to the next word and returns it. */
    String next() {
        return args.word(++i);
    }

    void warning(String message) {
        args.warning(message);
    }

    void lint(String message) {
        args.lint(message);
    }
}
