package io.jkeepalived.config.value;

import java.util.List;

/**
 * A range {@code START-END} of a rule's uidrange, sport or dport, read as keepalived reads it:
 * {@code sscanf("%u-%u")} (or "%hu-%hu" for ports), so values wrap to 32 (16) bits, trailing text
 * is ignored, and a single number is refused (keepalived 2.2.7 checks for two conversions).
 * keepalived does not require start &lt;= end.
 */
public record RuleRange(long start, long end) {

    public String word() {
        return start + "-" + end;
    }

    @Override
    public String toString() {
        return word();
    }

    /** The range, or null if sscanf would not convert two numbers. */
    static RuleRange parse(String word, int bits) {
        long mask = bits == 32 ? 0xffff_ffffL : 0xffffL;
        long[] first = scan(word, 0);
        if (first == null) {
            return null;
        }
        int p = (int) first[1];
        if (p >= word.length() || word.charAt(p) != '-') {
            return null;
        }
        long[] second = scan(word, p + 1);
        if (second == null) {
            return null;
        }
        return new RuleRange(first[0] & mask, second[0] & mask);
    }

    /** One %u conversion from {@code from}: {value, end}, or null if no digits. */
    private static long[] scan(String s, int from) {
        int p = from;
        while (p < s.length() && RouteNumbers.isCSpace(s.charAt(p))) {
            p++;
        }
        RouteNumbers.Strtoul r = RouteNumbers.strtoul(s.substring(p), 10);
        if (!r.digits()) {
            return null;
        }
        return new long[] {r.value().longValue(), p + r.end()};
    }

    static List<String> words(String keyword, RuleRange r) {
        return r == null ? List.of() : List.of(keyword, r.word());
    }
}
