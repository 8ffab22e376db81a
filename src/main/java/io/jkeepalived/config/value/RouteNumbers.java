package io.jkeepalived.config.value;

import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * The C number readers keepalived's route and rule parsers use, with their quirks and messages:
 * strtoul (bases 0, 10 and 16, leading blanks, a sign, wrap-around of negatives), read_unsigned,
 * read_unsigned64 and read_decimal_unsigned (lib/parser.c), which rounds half up when given too
 * many decimal places.
 */
public final class RouteNumbers {

    private RouteNumbers() {
    }

    static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final long UINT_MAX = 0xffff_ffffL;

    /**
     * What strtoul read: the value (ULONG_MAX on overflow, negated modulo 2^64 after a '-'),
     * where it stopped, whether it overflowed, and whether it read any digits at all.
     */
    record Strtoul(BigInteger value, int end, boolean overflow, boolean digits) {

        /** The value as C's {@code (unsigned)} cast keeps it: the low 32 bits. */
        long asUnsigned32() {
            return value.longValue() & UINT_MAX;
        }
    }

    /** C strtoul: blanks, optional sign, then digits in {@code base} (0: 0x.. hex, 0.. octal, else decimal). */
    static Strtoul strtoul(String s, int base) {
        int i = 0;
        while (i < s.length() && isCSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int b = base;
        if ((b == 0 || b == 16) && i + 1 < s.length() && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            b = 16;
        } else if (b == 0) {
            b = i < s.length() && s.charAt(i) == '0' ? 8 : 10;
        }
        int start = i;
        BigInteger v = BigInteger.ZERO;
        BigInteger big = BigInteger.valueOf(b);
        while (i < s.length() && Character.digit(s.charAt(i), b) >= 0 && s.charAt(i) < 128) {
            v = v.multiply(big).add(BigInteger.valueOf(Character.digit(s.charAt(i), b)));
            i++;
        }
        if (i == start) {
            // no digits: strtoul returns 0 and leaves the end at the start of the string
            return new Strtoul(BigInteger.ZERO, 0, false, false);
        }
        boolean overflow = v.compareTo(ULONG_MAX) > 0;
        if (overflow) {
            v = ULONG_MAX;
        } else if (negative && v.signum() != 0) {
            v = ULONG_MAX.add(BigInteger.ONE).subtract(v);
        }
        return new Strtoul(v, i, overflow, true);
    }

    static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** strtoul consumed the whole word (possibly empty after blanks: C then reports no error). */
    static boolean whole(String s, Strtoul r) {
        return r.digits() ? r.end() == s.length() : s.isEmpty();
    }

    /**
     * keepalived's read_unsigned (base 10) or read_unsigned_base: a number in [min, max], with its
     * messages ("invalid number 'x'", "number '7' outside range [0, 5]", ...).
     */
    public static long readUnsigned(String word, long min, long max, int base) {
        int offset = 0;
        while (offset < word.length() && isCSpace(word.charAt(offset))) {
            offset++;
        }
        String rest = word.substring(offset);
        Strtoul r = strtoul(rest, base);
        if (rest.startsWith("-")) {
            throw new ValueException("negative number '" + word + "'");
        }
        if (!whole(rest, r)) {
            throw new ValueException("invalid number '" + word + "'");
        }
        if (r.overflow() || r.value().compareTo(BigInteger.valueOf(UINT_MAX)) > 0) {
            throw new ValueException("number '" + word + "' outside unsigned integer range");
        }
        long v = r.value().longValue();
        if (v < min || v > max) {
            throw new ValueException("number '" + word + "' outside range [" + min + ", " + max + "]");
        }
        return v;
    }

    /** keepalived's read_unsigned64: up to 2^64-1, returned as the unsigned bits of a long. */
    public static long readUnsigned64(String word) {
        int offset = 0;
        while (offset < word.length() && isCSpace(word.charAt(offset))) {
            offset++;
        }
        String rest = word.substring(offset);
        Strtoul r = strtoul(rest, 10);
        if (rest.startsWith("-")) {
            throw new ValueException("negative number '" + word + "'");
        }
        if (!whole(rest, r)) {
            throw new ValueException("invalid number '" + word + "'");
        }
        if (r.overflow()) {
            throw new ValueException("number '" + word + "' outside unsigned 64 bit range");
        }
        return r.value().longValue();
    }

    /**
     * keepalived's read_decimal_unsigned: a decimal with up to {@code shift} places, returned
     * times 10^shift. More places are reported through {@code warning} (keepalived counts it as
     * an error) and rounded half up; the range is checked on the rounded value.
     */
    public static long readDecimal(String word, long min, long max, int shift, Consumer<String> warning) {
        if (word.startsWith("-")) {
            throw new ValueException("negative number '" + word + "'");
        }
        int dp = word.indexOf('.');
        int places = dp < 0 ? 0 : word.length() - dp - 1;
        boolean roundUp = false;
        if (places > shift) {
            warning.accept("number '" + word + "' has too many decimal places");
            roundUp = word.charAt(dp + shift + 1) >= '5';
            places = shift;
        }
        StringBuilder digits = new StringBuilder();
        if (dp >= 0) {
            digits.append(word, 0, dp).append(word, dp + 1, dp + 1 + places);
        } else {
            digits.append(word);
        }
        digits.append("0".repeat(shift - places));
        String updated = digits.toString();
        Strtoul r = strtoul(updated, 10);
        BigInteger v = r.value();
        if (roundUp) {
            v = v.add(BigInteger.ONE);
        }
        if (!whole(updated, r)) {
            throw new ValueException("invalid number '" + word + "'");
        }
        if (r.overflow() || v.compareTo(ULONG_MAX) > 0) {
            throw new ValueException("number '" + word + "' outside unsigned decimal range");
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ValueException("number '" + word + "' outside range [" + decimal(min, shift) + ", "
                    + decimal(max, shift) + "]");
        }
        return v.longValue();
    }

    /** printf("%lu.%*.*lu"): 960000 with shift 3 is "960.000", with shift 0 "960000.". */
    static String decimal(long v, int shift) {
        long scale = 1;
        for (int i = 0; i < shift; i++) {
            scale *= 10;
        }
        String frac = shift == 0 ? "" : String.format("%0" + shift + "d", v % scale);
        return (v / scale) + "." + frac;
    }
}
