package io.jkeepalived.config.read;

import java.util.EnumSet;
import java.util.Set;

/**
 * The checks an {@code include} makes (keepalived.conf(5), global_defs {@code include_check}).
 * Without any, a missing include is only noted; with them it is an error.
 */
public enum IncludeCheck {
    /** Error if a match is not a readable file ("read": keepalived.conf(5) says "readable", the 2.2.7 binary takes "read"). */
    READABLE("read"),
    /** Error if nothing matches, unless the name has a wildcard. */
    MATCH("match"),
    /** Error if nothing matches, even with a wildcard. */
    WILDCARD_MATCH("wildcard_match"),
    /** Error if an alternative of a brace expansion matches no file. */
    BRACE_MATCH("brace_match");

    private final String word;

    IncludeCheck(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The checks each include keyword adds to the current include_check setting. */
    static Set<IncludeCheck> forKeyword(String keyword) {
        return switch (keyword) {
            case "include" -> EnumSet.noneOf(IncludeCheck.class);
            case "includer" -> EnumSet.of(READABLE);
            case "includem" -> EnumSet.of(READABLE, MATCH);
            case "includew" -> EnumSet.of(READABLE, WILDCARD_MATCH);
            case "includeb" -> EnumSet.of(READABLE, BRACE_MATCH);
            case "includea" -> EnumSet.allOf(IncludeCheck.class);
            default -> null;
        };
    }

    public static IncludeCheck byWord(String word) {
        for (IncludeCheck c : values()) {
            if (c.word.equals(word)) {
                return c;
            }
        }
        return null;
    }
}
