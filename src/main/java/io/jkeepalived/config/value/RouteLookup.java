package io.jkeepalived.config.value;

import java.util.function.Predicate;

/**
 * What checking a route or rule needs to know beyond its own line, as keepalived looks it up
 * while parsing: which interfaces exist (keepalived's if_get_by_ifname; with
 * {@code dynamic_interfaces} any name is accepted, the interface may appear later), and which
 * track groups have been defined so far (keepalived finds a track_group only if its block comes
 * earlier in the file).
 */
public record RouteLookup(Predicate<String> interfaceExists, boolean dynamicInterfaces,
        Predicate<String> trackGroupDefined) {

    /** For virtual routes and rules, which cannot name a track group. */
    public static RouteLookup forInterfaces(Predicate<String> interfaceExists, boolean dynamicInterfaces) {
        return new RouteLookup(interfaceExists, dynamicInterfaces, g -> false);
    }

    /** keepalived's if_get_by_ifname(name, IF_CREATE_IF_DYNAMIC) succeeds. */
    public boolean usable(String ifname) {
        return dynamicInterfaces || interfaceExists.test(ifname);
    }
}
