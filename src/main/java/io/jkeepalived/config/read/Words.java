package io.jkeepalived.config.read;

import java.util.ArrayList;
import java.util.List;

/** Splitting text into words, the two ways keepalived does it. */
public final class Words {

    private Words() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == 0x0b;
    }

    /**
     * keepalived's {@code alloc_strvec_r}, used for every configuration line: words are separated
     * by whitespace; a word starting with '"' runs to the next '"' and loses the quotes; a '"'
     * inside an unquoted word ends that word. No escapes, and single quotes are ordinary.
     *
     * @return the words; an unmatched '"' ends the line (the caller reports it)
     */
    public static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return words;
            }
            if (s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    return words;
                }
                words.add(s.substring(i + 1, close));
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '"') {
                    i++;
                }
                words.add(s.substring(start, i));
            }
        }
    }

    /**
     * keepalived's {@code alloc_strvec_quoted_escaped}, used for script command lines: '"' and '\''
     * quote (and may start or stop mid-word), and backslash escapes as in the shell, including
     * {@code \n \t \xHH \NNN \cX}. See keepalived.conf(5), "Quoted strings".
     *
     * @throws IllegalArgumentException for an unterminated quote or a trailing backslash
     */
    public static List<String> splitQuotedEscaped(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return words;
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i = escape(s, i + 1, word);
                } else if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                    i++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    i++;
                } else if (isSpace(c)) {
                    break;
                } else {
                    word.append(c);
                    i++;
                }
            }
            if (quote != 0) {
                throw new IllegalArgumentException("missing terminating " + quote + " in '" + s + "'");
            }
            words.add(word.toString());
        }
    }

    /** Appends the character escaped at s[i] (just after the backslash); returns the next index. */
    private static int escape(String s, int i, StringBuilder out) {
        if (i >= s.length()) {
            throw new IllegalArgumentException("missing escaped character at end of '" + s + "'");
        }
        char c = s.charAt(i);
        if (c == 'x' && i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) {
            int value = 0;
            i++;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                value = (value << 4 | Character.digit(s.charAt(i), 16)) & 0xff;
                i++;
            }
            out.append((char) value);
            return i;
        }
        if (c == 'c' && i + 1 < s.length()) {
            out.append((char) (s.charAt(i + 1) & 0x1f));
            return i + 2;
        }
        if (c >= '0' && c <= '7') {
            int value = 0;
            int digits = 0;
            while (digits < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                value = value << 3 | (s.charAt(i) - '0');
                i++;
                digits++;
            }
            out.append((char) (value & 0xff));
            return i;
        }
        out.append(switch (c) {
            case 'a' -> (char) 7;
            case 'b' -> '\b';
            case 'E' -> (char) 0x1b;
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> (char) 0x0b;
            default -> c;
        });
        return i + 1;
    }

    /** Quotes a word for printing in keepalived syntax, if it needs it. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> isSpace((char) c) || c == '"' || c == '#'
                || c == '!' || c == '{' || c == '}' || c == '\\' || c == '$')) {
            return word;
        }
        return '"' + word + '"';
    }
}
