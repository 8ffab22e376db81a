package io.jkeepalived.config.value;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import java.util.List;

/**
 * The words a keyword (or a line of a list block) was given, with where they came from, for a
 * {@link ValueType} to read. Value types throw {@link ValueException} for what they cannot use,
 * and call {@link #warning} or {@link #lint} for what they correct or ignore.
 *
 * @param keyword the keyword as written (for messages); for list block lines, the block's keyword
 * @param words   the arguments, without the keyword
 * @param text    the whole processed line, for values that parse it themselves (scripts)
 */
public record Args(String keyword, List<String> words, String text, SourcePos pos, Diagnostics diags) {

    public int size() {
        return words.size();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The i-th argument; a missing one is keepalived's "missing a parameter" error. */
    public String word(int i) {
        if (i >= words.size()) {
            throw ValueException.missingParameter("missing a parameter after '" + (i == 0 ? keyword : words.get(i - 1)) + "'");
        }
        return words.get(i);
    }

    public String wordOr(int i, String fallback) {
        return i < words.size() ? words.get(i) : fallback;
    }

    public List<String> from(int i) {
        return i >= words.size() ? List.of() : words.subList(i, words.size());
    }

    /** Reports words after the first {@code used} as ignored (keepalived ignores them silently). */
    public void ignoreAfter(int used) {
        if (words.size() > used) {
            lint("extra words ignored: '" + String.join(" ", words.subList(used, words.size())) + "'");
        }
    }

    /** Something keepalived reports too, and corrects or ignores (counts toward exit status 5). */
    public void warning(String message) {
        diags.warning(pos, message);
    }

    /** Something only jkeepalived points out (does not change the exit status). */
    public void lint(String message) {
        diags.lint(pos, keyword + ": " + message);
    }

    /** Arguments for a sub-range of words, e.g. the options of a route after its destination. */
    public Args with(List<String> newWords) {
        return new Args(keyword, newWords, text, pos, diags);
    }
}
