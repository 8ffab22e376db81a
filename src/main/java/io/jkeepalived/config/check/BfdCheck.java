package io.jkeepalived.config.check;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.BfdKeywords;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.BfdValues;
import io.jkeepalived.config.value.Types;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * bfd_instance validation, as keepalived's bfd_handler and bfd_end_handler (BFD process) and
 * bfd_vrrp_handler / bfd_vrrp_end_handler (VRRP process) do it.
 *
 * <p>keepalived parses a bfd_instance twice: the BFD process runs the session, and the VRRP
 * process only keeps its name, weight and whether it gets events. So an instance whose session
 * the BFD process refuses (no or malformed neighbor, neighbor of another family than the source,
 * or a neighbor/source pair another instance already has) is still tracked by VRRP instances,
 * which then see it down for good. We keep such an instance without its neighbor_ip:
 * {@link #hasSession} is false, and trackers must treat it as down. An instance whose name is too
 * long or already used is dropped by both processes, and removed here.
 *
 * <p>{@code vrrp} and {@code checker} restrict which processes get the instance's events; the
 * VRRP process forgets an instance given {@code checker} without {@code vrrp}, so a track_bfd of
 * it is "not found" ({@link #visibleToVrrp}).
 */
final class BfdCheck implements Check {

    /** Default TTL for an IPv4 neighbor (BFD_CONTROL_TTL). */
    static final int DEFAULT_TTL = 255;
    /** Default hop limit for an IPv6 neighbor (BFD_CONTROL_HOPLIMIT). */
    static final int DEFAULT_HOPLIMIT = 64;

    @Override
    public Block apply(Block root, CheckContext ctx) {
        Diagnostics diags = ctx.diags();
        Map<String, Block> kept = new LinkedHashMap<>();
        List<Block> sessions = new ArrayList<>();
        for (Block b : root.blocks(RootKeywords.BFD_INSTANCE)) {
            String name = b.head();
            if (name.length() > BfdValues.MAX_NAME_LENGTH) {
                diags.error(b.pos(), "BFD instance " + name + " name too long (maximum length is " + BfdValues.MAX_NAME_LENGTH
                        + " characters) - ignoring");
                continue;
            }
            if (kept.containsKey(name)) {
                diags.error(b.pos(), "BFD instance " + name + " already configured - ignoring");
                continue;
            }
            Block checked = instance(b, sessions, diags);
            if (hasSession(checked)) {
                sessions.add(checked);
            }
            kept.put(name, checked);
        }
        return root.withBlocks(RootKeywords.BFD_INSTANCE, new ArrayList<>(kept.values()));
    }

    /** bfd_end_handler, given the instances that already have a session; it reports at the closing brace, as keepalived. */
    private static Block instance(Block b, List<Block> sessions, Diagnostics diags) {
        String name = b.head();
        Block out = TrackCheck.stickyReverse(b, BfdKeywords.WEIGHT);
        InetAddress neighbor = b.get(BfdKeywords.NEIGHBOR_IP);
        if (neighbor == null) {
            diags.error(b.end(), "BFD instance " + name + " has no neighbor address set - disabling instance"
                    + " (instances tracking it see it down)");
            return out;
        }
        InetAddress source = b.get(BfdKeywords.SOURCE_IP);
        if (source != null && (source instanceof Inet4Address) != (neighbor instanceof Inet4Address)) {
            diags.error(b.end(), "BFD instance " + name + " source address " + Types.formatAddress(source)
                    + " and neighbor address " + Types.formatAddress(neighbor)
                    + " are not of the same family - disabling instance (instances tracking it see it down)");
            return out.without(BfdKeywords.NEIGHBOR_IP);
        }
        for (Block other : sessions) {
            InetAddress otherSource = other.get(BfdKeywords.SOURCE_IP);
            if (neighbor.equals(other.get(BfdKeywords.NEIGHBOR_IP))
                    && (source == null || otherSource == null || source.equals(otherSource))) {
                String what = source == null
                        ? "neighbor address " + Types.formatAddress(neighbor)
                        : "source/neighbor address " + Types.formatAddress(source) + "/" + Types.formatAddress(neighbor);
                diags.error(b.end(), "BFD instance " + name + " has duplicate " + what
                        + " (as BFD instance " + other.<String>head() + ") - ignoring instance (instances tracking it see it down)");
                return out.without(BfdKeywords.NEIGHBOR_IP);
            }
        }

        int ttl = b.explicit(BfdKeywords.TTL).orElse(neighbor instanceof Inet4Address ? DEFAULT_TTL : DEFAULT_HOPLIMIT);
        out = out.with(BfdKeywords.TTL, ttl);
        int maxHops = b.get(BfdKeywords.MAX_HOPS);
        int effectiveMaxHops = maxHops == BfdValues.MAX_HOPS_UNCHECKED ? 255 : maxHops;
        if (effectiveMaxHops > ttl) {
            diags.error(b.end(), "BFD instance " + name
                    + ": max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit (" + ttl + ")");
            out = out.with(BfdKeywords.MAX_HOPS, ttl);
        }

        for (var interval : List.of(BfdKeywords.MIN_RX, BfdKeywords.MIN_TX, BfdKeywords.IDLE_TX)) {
            Duration d = b.get(interval);
            if (d.compareTo(BfdValues.MAX_SENSIBLE_INTERVAL) > 0) {
                diags.lint(b.posOf(interval), "BFD instance " + name + " " + interval.name() + " value "
                        + interval.type().format(d).getFirst() + " is larger than max sensible ("
                        + BfdValues.MAX_SENSIBLE_INTERVAL.toMillis() + ")");
            }
        }
        return out;
    }

    /** Whether the BFD process runs a session for this (checked) instance. */
    static boolean hasSession(Block bfd) {
        return bfd.isSet(BfdKeywords.NEIGHBOR_IP);
    }

    /**
     * Whether the VRRP process knows the instance (bfd_vrrp_end_handler): unless only
     * {@code checker} was given. Tracking an instance it does not know is "not found".
     */
    static boolean visibleToVrrp(Block bfd) {
        return bfd.isSet(BfdKeywords.VRRP) || !bfd.isSet(BfdKeywords.CHECKER);
    }

    /** Whether the checker process knows the instance: unless only {@code vrrp} was given. */
    static boolean visibleToCheckers(Block bfd) {
        return bfd.isSet(BfdKeywords.CHECKER) || !bfd.isSet(BfdKeywords.VRRP);
    }

    /** The bfd_instance of this name, if the configuration (after this check) keeps it. */
    static Block find(Block root, String name) {
        for (Block b : root.blocks(RootKeywords.BFD_INSTANCE)) {
            if (Objects.equals(b.head(), name)) {
                return b;
            }
        }
        return null;
    }
}
