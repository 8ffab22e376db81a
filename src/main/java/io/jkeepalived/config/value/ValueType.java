package io.jkeepalived.config.value;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How the arguments of a keyword (or a line of a list block) are read into a value, written back
 * in keepalived syntax, and shown as JSON. For every value v it returns, parsing the words
 * {@code format(v)} gives a value equal to v (the -d round trip; a property test checks it for
 * every keyword with values from {@link #sample}).
 */
public interface ValueType<T> {

    /** Reads the arguments; throws {@link ValueException} if they cannot be used. */
    T parse(Args args);

    /**
     * The arguments that {@link #parse} reads back into {@code value} (without the keyword), as
     * they are written in the file: quoted where keepalived's reader would otherwise split them.
     */
    List<String> format(T value);

    /** A plain JSON tree (Map, List, String, Number, Boolean or null) for the value. */
    default Object json(T value) {
        return value instanceof Number || value instanceof Boolean || value instanceof String ? value : String.valueOf(value);
    }

    /** The syntax for documentation, e.g. {@code <1..255>}. */
    String syntax();

    /** A random valid value, for property tests. */
    T sample(RandomGenerator random);
}
