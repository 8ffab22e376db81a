package io.jkeepalived.config.value;

import java.util.Optional;

/**
 * A number that iproute2 lets you write as a name (a routing table, a protocol, a scope, a TOS
 * value from rt_dsfield, an interface group): the number keepalived uses, and the name it was
 * written as, kept so that -d prints what the user wrote.
 *
 * @param value the number
 * @param name  the name from /etc/iproute2 as written, or null if written as a number
 */
public record RouteName(long value, String name) {

    public static RouteName of(long value) {
        return new RouteName(value, null);
    }

    /** Looks the word up as keepalived does (see {@link RouteNames#find}). */
    public static Optional<RouteName> find(RouteNames.Kind kind, String word) {
        var v = RouteNames.find(kind, word);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        RouteNumbers.Strtoul r = RouteNumbers.strtoul(word, 0);
        boolean numeric = r.digits() && r.end() == word.length();
        return Optional.of(new RouteName(v.getAsLong(), numeric ? null : word));
    }

    /** As written in the configuration: the name, or the number in decimal. */
    public String word() {
        return name != null ? name : Long.toString(value);
    }

    @Override
    public String toString() {
        return word();
    }
}
