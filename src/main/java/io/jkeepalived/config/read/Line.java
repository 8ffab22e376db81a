package io.jkeepalived.config.read;

import io.jkeepalived.config.SourcePos;
import java.util.List;

/**
 * One logical line of configuration after comments, conditionals, definitions, sequences and
 * includes have been applied, split the way keepalived splits it: a '{' or '}' outside double
 * quotes ends the line, and is then a line of its own.
 *
 * @param words the line split on whitespace; a double-quoted run is one word without its quotes
 * @param text  the processed line as one string, for keywords that parse it themselves (scripts)
 */
public record Line(List<String> words, String text, SourcePos pos) {

    public String first() {
        return words.getFirst();
    }

    public boolean isOpenBrace() {
        return words.size() == 1 && words.getFirst().equals("{");
    }

    public boolean isCloseBrace() {
        return words.size() == 1 && words.getFirst().equals("}");
    }
}
