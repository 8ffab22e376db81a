package io.jkeepalived.config.read;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Parameter definitions ({@code $NAME=VALUE}) and the pre-defined ones keepalived offers:
 * {@code _PWD}, {@code _INSTANCE}, {@code _RANDOM [MIN [MAX]]}, {@code _HASH}, {@code _BANG}.
 * See keepalived.conf(5), "Parameter substitution" and "Pre-defined definitions".
 */
final class Definitions {

    /** A definition; a multi-line one holds its lines separated by '\n'. */
    static final class Definition {
        final String name;
        String value;
        boolean multiline;
        /** For pre-defined definitions whose value is computed at each use. */
        Supplier<String> fn;
        /** How many numeric parameters a use may pass, as in {@code ${_RANDOM 1 10}}. */
        int maxParams;

        Definition(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    /** A use of a definition found in a line. */
    record Reference(String name, boolean braces, String params, int start, int end, boolean atEnd) {
    }

    private final Map<String, Definition> byName = new HashMap<>();
    private Random random;

    Definitions(String configId, Supplier<String> currentDir, long seed) {
        random = new Random(seed);
        builtin("_PWD", currentDir, 0);
        builtin("_INSTANCE", () -> configId, 0);
        builtin("_RANDOM", null, 2);
        builtin("_HASH", () -> "#", 0);
        builtin("_BANG", () -> "!", 0);
    }

    private void builtin(String name, Supplier<String> fn, int maxParams) {
        Definition d = new Definition(name, "");
        d.fn = fn;
        d.maxParams = maxParams;
        byName.put(name, d);
    }

    /** global_defs {@code random_seed}: makes {@code ${_RANDOM}} repeatable. */
    void seed(long seed) {
        random = new Random(seed);
    }

    /** Sets or replaces a definition (a later definition replaces an earlier one, even a pre-defined one). */
    Definition define(String name, String value, boolean multiline) {
        Definition d = new Definition(name, value);
        d.multiline = multiline;
        byName.put(name, d);
        return d;
    }

    static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /**
     * Finds the use of a definition that starts just after the '$' at {@code dollar}, following
     * keepalived's find_definition: {@code $NAME} must be followed by whitespace, ',', ')' or the
     * end of the line; {@code ${NAME}} may carry numeric parameters before the '}'. A multi-line
     * definition can only be used at the end of a line.
     */
    Definition lookup(CharSequence buf, int dollar, Reference[] found) {
        int i = dollar + 1;
        int n = buf.length();
        boolean braces = i < n && buf.charAt(i) == '{';
        if (braces) {
            i++;
        }
        if (i >= n || !isNameStart(buf.charAt(i))) {
            return null;
        }
        int nameStart = i;
        while (i < n && isNameChar(buf.charAt(i))) {
            i++;
        }
        String name = buf.subSequence(nameStart, i).toString();
        String params = null;
        int end;
        if (braces) {
            int paramStart = -1;
            int paramEnd = -1;
            while (i < n && (buf.charAt(i) == ' ' || Character.isDigit(buf.charAt(i)))) {
                if (buf.charAt(i) != ' ') {
                    if (paramStart < 0) {
                        paramStart = i;
                    }
                    paramEnd = i;
                }
                i++;
            }
            if (paramStart >= 0) {
                if (paramEnd + 1 != i) {
                    return null;
                }
                params = buf.subSequence(paramStart, paramEnd + 1).toString();
            }
            if (i >= n || buf.charAt(i) != '}') {
                return null;
            }
            end = i + 1;
        } else {
            if (i < n) {
                char c = buf.charAt(i);
                if (c != ' ' && c != '\t' && c != ',' && c != ')') {
                    return null;
                }
            }
            end = i;
        }
        boolean atEnd = end == n;
        Definition d = byName.get(name);
        if (d == null || (d.multiline && !atEnd) || (params != null && d.maxParams == 0)) {
            return null;
        }
        found[0] = new Reference(name, braces, params, dollar, end, atEnd);
        return d;
    }

    /** The text a use expands to; for a multi-line definition, all of its lines. */
    String valueOf(Definition d, String params) {
        if (d.name.equals("_RANDOM") && d.fn == null && d.maxParams == 2) {
            return randomValue(params);
        }
        return d.fn != null ? d.fn.get() : d.value;
    }

    private String randomValue(String params) {
        long min = 0;
        long max = 32767;
        if (params != null) {
            String[] parts = params.trim().split(" +");
            try {
                min = Long.parseLong(parts[0]);
                if (parts.length > 1) {
                    max = Long.parseLong(parts[1]);
                }
            } catch (NumberFormatException tooLong) {
                min = 0;
                max = 32767;
            }
        }
        if (max < min) {
            long t = min;
            min = max;
            max = t;
        }
        return Long.toString(min + (long) (random.nextDouble() * (max - min + 1)));
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }
}
