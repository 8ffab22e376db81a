package io.jkeepalived.config.read;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A sequence block {@code ~SEQ(var, start, step, end) text} (or {@code ~SEQx}, hexadecimal) or a
 * list block {@code ~LST(var, v1, v2, ...) text} / {@code ~LST({a, b}, {1, 2}, ...) text}: the text
 * is produced once per value with the variable(s) defined (keepalived.conf(5), "Sequence blocks"
 * and "List blocks"). Values are produced lazily, so a 65,024-instance ~SEQ costs no memory.
 */
abstract sealed class Repeat {

    /** Bounds a single ~SEQ: more rounds than this is a typo in start/step/end, not a config. */
    static final long MAX_ROUNDS = 1_000_000;

    final String text;

    Repeat(String text) {
        this.text = text;
    }

    /** Defines the variable(s) for the next round and returns the text to process. */
    abstract String next(Definitions defs);

    abstract boolean exhausted();

    /**
     * Parses a line starting "~SEQ" or "~LST"; reports and returns null if malformed. Parameters
     * may use definitions (substituted by {@code params}).
     */
    static Repeat parse(String line, Definitions defs, UnaryOperator<String> params, Consumer<String> error) {
        boolean list = line.startsWith("~LST");
        int i = 4;
        boolean hex = false;
        if (!list && i < line.length() && line.charAt(i) == 'x') {
            hex = true;
            i++;
        }
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i >= line.length() || line.charAt(i) != '(') {
            error.accept("invalid " + (list ? "~LST" : "~SEQ") + " specification '" + line + "'");
            return null;
        }
        int close = closingParen(line, i);
        if (close < 0) {
            error.accept("missing ')' in '" + line + "'");
            return null;
        }
        String inner = params.apply(line.substring(i + 1, close));
        String text = line.substring(close + 1).strip();
        return list ? parseList(line, inner, text, error) : parseSeq(line, inner, text, hex, error);
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Repeat parseSeq(String line, String inner, String text, boolean hex, Consumer<String> error) {
        List<String> parts = splitTopLevel(inner);
        String var = parts.getFirst().strip();
        if (var.isEmpty() || parts.size() < 2 || parts.size() > 4 || !isName(var)) {
            error.accept("invalid ~SEQ definition '" + line + "'");
            return null;
        }
        long[] n = new long[parts.size() - 1];
        for (int k = 1; k < parts.size(); k++) {
            Long v = strtol(parts.get(k).strip());
            if (v == null) {
                error.accept("invalid ~SEQ definition '" + line + "': '" + parts.get(k).strip() + "' is not a number");
                return null;
            }
            n[k - 1] = v;
        }
        long start;
        long step;
        long end;
        switch (n.length) {
            case 1 -> {
                end = n[0];
                step = end < 1 ? -1 : 1;
                start = end < 0 ? -1 : 1;
            }
            case 2 -> {
                start = n[0];
                end = n[1];
                step = start <= end ? 1 : -1;
            }
            default -> {
                start = n[0];
                step = n[1];
                end = n[2];
                if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
                    error.accept("invalid ~SEQ values '" + line + "'");
                    return null;
                }
            }
        }
        if (hex && (start < 0 || end < 0)) {
            error.accept("~SEQx is only valid for positive numbers '" + line + "'");
            return null;
        }
        long rounds = (end - start) / step + 1;
        if (rounds > MAX_ROUNDS) {
            error.accept("~SEQ would repeat " + rounds + " times (limit " + MAX_ROUNDS + ") '" + line + "'");
            return null;
        }
        return new Seq(var, start, step, end, hex, text);
    }

    /** C strtol with base 0: decimal, 0x hexadecimal, leading 0 octal; empty is 0, as keepalived. */
    static Long strtol(String s) {
        if (s.isEmpty()) {
            return 0L;
        }
        try {
            boolean negative = s.startsWith("-");
            String digits = negative || s.startsWith("+") ? s.substring(1) : s;
            long v;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                v = Long.parseLong(digits.substring(2), 16);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                v = Long.parseLong(digits.substring(1), 8);
            } else {
                v = Long.parseLong(digits);
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Repeat parseList(String line, String inner, String text, Consumer<String> error) {
        List<String> parts = splitTopLevel(inner);
        if (parts.size() < 2) {
            error.accept("invalid ~LST definition '" + line + "': no values");
            return null;
        }
        List<String> vars = unbrace(parts.getFirst());
        if (vars.isEmpty() || !vars.stream().allMatch(Repeat::isName)) {
            error.accept("invalid ~LST definition '" + line + "'");
            return null;
        }
        List<List<String>> values = new ArrayList<>();
        for (String p : parts.subList(1, parts.size())) {
            List<String> tuple = unbrace(p);
            if (tuple.size() != vars.size()) {
                error.accept("invalid ~LST definition '" + line + "': " + p.strip() + " does not give "
                        + vars.size() + " value(s)");
                return null;
            }
            values.add(tuple);
        }
        return new Lst(vars, values, text);
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !Definitions.isNameStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(c -> Definitions.isNameChar((char) c));
    }

    /** "{a, b}" -> [a, b]; "a" -> [a]. */
    private static List<String> unbrace(String p) {
        String s = p.strip();
        if (s.startsWith("{") && s.endsWith("}")) {
            return splitTopLevel(s.substring(1, s.length() - 1)).stream().map(String::strip).toList();
        }
        return List.of(s);
    }

    /** Splits at commas outside braces. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static final class Seq extends Repeat {
        private final String var;
        private final long step;
        private final long end;
        private final boolean hex;
        private long next;

        Seq(String var, long start, long step, long end, boolean hex, String text) {
            super(text);
            this.var = var;
            this.next = start;
            this.step = step;
            this.end = end;
            this.hex = hex;
        }

        @Override
        String next(Definitions defs) {
            defs.define(var, hex ? Long.toHexString(next) : Long.toString(next), false);
            next += step;
            return text;
        }

        @Override
        boolean exhausted() {
            return step > 0 ? next > end : next < end;
        }
    }

    private static final class Lst extends Repeat {
        private final List<String> vars;
        private final List<List<String>> values;
        private int index;

        Lst(List<String> vars, List<List<String>> values, String text) {
            super(text);
            this.vars = vars;
            this.values = values;
        }

        @Override
        String next(Definitions defs) {
            List<String> tuple = values.get(index++);
            for (int k = 0; k < vars.size(); k++) {
                defs.define(vars.get(k), tuple.get(k), false);
            }
            return text;
        }

        @Override
        boolean exhausted() {
            return index >= values.size();
        }
    }
}
