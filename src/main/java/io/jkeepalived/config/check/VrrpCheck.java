package io.jkeepalived.config.check;

import static io.jkeepalived.config.schema.VrrpKeywords.*;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.config.value.TrackRef;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.UnicastPeer;
import io.jkeepalived.config.value.VrrpValues.AuthType;
import io.jkeepalived.config.value.VrrpValues.State;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * vrrp_instance and vrrp_sync_group validation, following keepalived's vrrp_complete_instance,
 * sync_group_tracking_init and the VRID duplicate check, in their order. Each instance comes out
 * with every effective value written into its block (state, priority, version, advert_int,
 * preempt, accept, GARP timings, inherited global defaults), so that -d and the daemon see
 * exactly what keepalived would run.
 */
final class VrrpCheck implements Check {

    /** The priority of the address owner (RFC 5798 section 5.2.4). */
    static final int PRIORITY_OWNER = 255;
    static final int PRIORITY_DEFAULT = 100;
    /** A VRRP advert carries at most 255 addresses (Count IPvX Addr is 8 bits). */
    static final int MAX_VIPS_IN_ADVERT = 255;
    /** The largest VRRPv2 interval (8-bit seconds) and VRRPv3 interval (12-bit centiseconds). */
    static final Duration V2_MAX_ADVERT = Duration.ofSeconds(255);
    static final Duration V3_MAX_ADVERT = Duration.ofMillis(40_950);

    @Override
    public Block apply(Block root, CheckContext ctx) {
        Block global = root.section(RootKeywords.GLOBAL_DEFS);
        Names names = Names.of(root);
        List<Block> groups = syncGroups(root, ctx);
        Map<String, Block> groupOf = new HashMap<>();
        for (Block g : groups) {
            for (String member : g.list(GROUP)) {
                groupOf.putIfAbsent(member, g);
            }
        }
        List<Block> instances = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Block instance : root.blocks(RootKeywords.VRRP_INSTANCE)) {
            String name = instance.head();
            if (!seen.add(name)) {
                ctx.diags().warning(instance.pos(), "vrrp instance " + name + " already defined - ignoring this one");
                continue;
            }
            Block completed = new Instance(instance, global, groupOf.get(name), names, ctx).complete();
            if (completed != null) {
                instances.add(completed);
            }
        }
        duplicateVrids(instances, ctx);
        List<Block> keptGroups = completeGroups(groups, instances, global, names, ctx);
        return root.withBlocks(RootKeywords.VRRP_INSTANCE, instances)
                .withBlocks(RootKeywords.VRRP_SYNC_GROUP, keptGroups);
    }

    /** The names of the objects instances may refer to, as kept by the checks before this one. */
    record Names(Set<String> scripts, Set<String> files, Set<String> processes, Set<String> bfds) {
        static Names of(Block root) {
            return new Names(heads(root, RootKeywords.VRRP_SCRIPT), heads(root, RootKeywords.TRACK_FILE),
                    heads(root, RootKeywords.VRRP_TRACK_PROCESS), vrrpBfds(root));
        }

        /** The VRRP process does not know a bfd_instance meant only for the checkers. */
        private static Set<String> vrrpBfds(Block root) {
            Set<String> s = new HashSet<>();
            for (Block b : root.blocks(RootKeywords.BFD_INSTANCE)) {
                if (BfdCheck.visibleToVrrp(b)) {
                    s.add(b.head());
                }
            }
            return s;
        }

        private static Set<String> heads(Block root, Keyword.Block<String> k) {
            Set<String> s = new HashSet<>();
            for (Block b : root.blocks(k)) {
                s.add(b.head());
            }
            return s;
        }
    }

    // ---- sync groups: membership first, since it decides how instances treat weights ----------

    private static List<Block> syncGroups(Block root, CheckContext ctx) {
        Set<String> instanceNames = new HashSet<>();
        for (Block i : root.blocks(RootKeywords.VRRP_INSTANCE)) {
            instanceNames.add(i.head());
        }
        Map<String, String> memberOf = new HashMap<>();
        Set<String> seenGroups = new HashSet<>();
        List<Block> groups = new ArrayList<>();
        for (Block g : root.blocks(RootKeywords.VRRP_SYNC_GROUP)) {
            String gname = g.head();
            if (!seenGroups.add(gname)) {
                ctx.diags().warning(g.pos(), "vrrp sync group " + gname + " already defined - ignoring this one");
                continue;
            }
            List<Block.Entry<String>> members = new ArrayList<>();
            for (Block.Entry<String> member : g.entries(GROUP)) {
                String m = member.value();
                if (!instanceNames.contains(m)) {
                    ctx.diags().warning(member.pos(), "Virtual router " + m + " specified in sync group " + gname
                            + " doesn't exist - ignoring");
                } else if (memberOf.containsKey(m)) {
                    ctx.diags().warning(member.pos(), "Virtual router " + m
                            + " cannot exist in more than one sync group; ignoring " + gname);
                } else if (members.stream().noneMatch(e -> e.value().equals(m))) {
                    members.add(member);
                    memberOf.put(m, gname);
                }
            }
            if (members.isEmpty()) {
                ctx.diags().warning(g.pos(), "Sync group " + gname
                        + ", no matching virtual router found in group declaration - removing");
                continue;
            }
            groups.add(g.withEntries(GROUP, members));
        }
        return groups;
    }

    private static List<Block> completeGroups(List<Block> groups, List<Block> instances, Block global, Names names,
            CheckContext ctx) {
        Map<String, Block> byName = new LinkedHashMap<>();
        for (Block i : instances) {
            byName.put(i.head(), i);
        }
        List<Block> kept = new ArrayList<>();
        for (Block g : groups) {
            String gname = g.head();
            List<Block.Entry<String>> members = g.entries(GROUP).stream().filter(e -> byName.containsKey(e.value())).toList();
            if (members.isEmpty()) {
                ctx.diags().warning(g.pos(), "Sync group " + gname + " has no valid virtual router - removing");
                continue;
            }
            if (members.size() == 1) {
                ctx.diags().warning(g.pos(), "Sync group " + gname + " has only 1 virtual router(s)"
                        + " - this probably isn't what you want");
            }
            Block done = g.withEntries(GROUP, members);
            boolean hasOwner = members.stream().anyMatch(m -> byName.get(m.value()).get(PRIORITY) == PRIORITY_OWNER);
            done = groupTracking(done, "(" + gname + ")", hasOwner, names, ctx);
            if (!done.isSet(GROUP_SMTP_ALERT)) {
                done = done.with(GROUP_SMTP_ALERT, smtpAlertDefault(global));
            }
            if (done.isSet(GLOBAL_TRACKING)) {
                done = done.without(GLOBAL_TRACKING).with(SYNC_GROUP_TRACKING_WEIGHT, true);
            }
            kept.add(done);
        }
        return kept;
    }

    /** The objects a group tracks must exist; with an address owner member, weights are cleared. */
    private static Block groupTracking(Block g, String who, boolean hasOwner, Names names, CheckContext ctx) {
        Block b = g;
        b = refs(b, GROUP_TRACK_SCRIPT, names.scripts(), who, "track script", ctx);
        b = refs(b, GROUP_TRACK_FILE, names.files(), who, "track file", ctx);
        b = refs(b, GROUP_TRACK_PROCESS, names.processes(), who, "track process", ctx);
        b = refs(b, GROUP_TRACK_BFD, names.bfds(), who, "track bfd", ctx);
        b = trackedInterfaces(b, GROUP_TRACK_INTERFACE, null, who, ctx);
        if (hasOwner) {
            b = clearWeights(b, GROUP_TRACK_SCRIPT, who, "script", ctx);
            b = clearWeights(b, GROUP_TRACK_FILE, who, "file", ctx);
            b = clearWeights(b, GROUP_TRACK_PROCESS, who, "process", ctx);
            b = clearWeights(b, GROUP_TRACK_BFD, who, "bfd", ctx);
            b = clearWeights(b, GROUP_TRACK_INTERFACE, who, "interface", ctx);
        }
        return b;
    }

    private static Block clearWeights(Block b, Keyword.ListBlock<TrackRef> k, String who, String what, CheckContext ctx) {
        List<Block.Entry<TrackRef>> out = new ArrayList<>();
        for (Block.Entry<TrackRef> e : b.entries(k)) {
            TrackRef r = e.value();
            if (r.weight() != null && r.weight() != 0) {
                ctx.diags().warning(e.pos(), who + " Cannot have weighted track " + what + " '" + r.name()
                        + "' with member having priority " + PRIORITY_OWNER + " - setting weight 0");
                out.add(new Block.Entry<>(new TrackRef(r.name(), 0, r.reverse()), e.pos()));
            } else {
                out.add(e);
            }
        }
        return b.isSet(k) ? b.withEntries(k, out) : b;
    }

    /** Tracked objects that do not exist are reported at their line and dropped. */
    private static Block refs(Block b, Keyword.ListBlock<TrackRef> k, Set<String> known, String who, String what,
            CheckContext ctx) {
        if (!b.isSet(k)) {
            return b;
        }
        List<Block.Entry<TrackRef>> out = new ArrayList<>();
        for (Block.Entry<TrackRef> e : b.entries(k)) {
            if (known.contains(e.value().name())) {
                out.add(e);
            } else {
                ctx.diags().warning(e.pos(), who + " " + what + " " + e.value().name() + " not found, ignoring...");
            }
        }
        return b.withEntries(k, out);
    }

    private static Block trackedInterfaces(Block b, Keyword.ListBlock<TrackRef> k, String own, String who,
            CheckContext ctx) {
        if (!b.isSet(k)) {
            return b;
        }
        List<Block.Entry<TrackRef>> out = new ArrayList<>();
        Set<String> exists = ctx.host().interfaces();
        for (Block.Entry<TrackRef> e : b.entries(k)) {
            String name = e.value().name();
            if (name.equals(own)) {
                ctx.diags().warning(e.pos(), who + " Ignoring track_interface " + own + " since own interface");
                continue;
            }
            if (!exists.contains(name)) {
                ctx.diags().warning(e.pos(), who + " tracked interface " + name + " doesn't exist");
            }
            out.add(e);
        }
        return b.withEntries(k, out);
    }

    private static boolean smtpAlertDefault(Block global) {
        Boolean vrrp = global.get(GlobalKeywords.SMTP_ALERT_VRRP);
        if (vrrp != null) {
            return vrrp;
        }
        Boolean all = global.get(GlobalKeywords.SMTP_ALERT);
        return all != null && all;
    }

    // ---- duplicate VRIDs ------------------------------------------------------------------------

    /**
     * Two instances clash if they share interface, family and VRID and would hear each other:
     * both multicast to the same group, or unicast with a peer in common.
     */
    private static void duplicateVrids(List<Block> instances, CheckContext ctx) {
        // only instances with the same VRID, interface and family can clash: compare within those
        Map<String, List<Block>> candidates = new LinkedHashMap<>();
        for (Block i : instances) {
            String key = i.get(VIRTUAL_ROUTER_ID) + "/" + i.get(INTERFACE) + "/" + Instance.isIpv6(i);
            candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (List<Block> same : candidates.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    clash(same.get(i), same.get(j), ctx);
                }
            }
        }
    }

    private static void clash(Block a, Block b, CheckContext ctx) {
        List<UnicastPeer> pa = a.list(UNICAST_PEER);
        List<UnicastPeer> pb = b.list(UNICAST_PEER);
        if (pa.isEmpty() != pb.isEmpty()) {
            return;
        }
        if (pa.isEmpty()) {
            if (java.util.Objects.equals(a.get(MCAST_DST_IP), b.get(MCAST_DST_IP))) {
                ctx.diags().error(b.pos(), a.head() + " and " + b.head() + " both use VRID " + a.get(VIRTUAL_ROUTER_ID)
                        + " with IPv" + (Instance.isIpv6(a) ? 6 : 4) + " on interface " + a.get(INTERFACE));
            }
        } else if (pa.stream().anyMatch(p -> pb.stream().anyMatch(q -> q.address().equals(p.address())))) {
            ctx.diags().error(b.pos(), "(" + a.head() + ") duplicate VRID conflict with " + b.head() + " VRID "
                    + a.get(VIRTUAL_ROUTER_ID));
        }
    }

    // ---- one instance ----------------------------------------------------------------------------

    /** The completion of one vrrp_instance; {@link #complete} returns null if keepalived drops it. */
    private static final class Instance {
        private Block b;
        private final Block global;
        private final Block group;
        private final Names names;
        private final CheckContext ctx;
        private final String who;

        Instance(Block instance, Block global, Block group, Names names, CheckContext ctx) {
            this.b = instance;
            this.global = global;
            this.group = group;
            this.names = names;
            this.ctx = ctx;
            this.who = "(" + instance.<String>head() + ")";
        }

        static boolean isIpv6(Block instance) {
            return instance.list(VIRTUAL_IPADDRESS).stream().findFirst().map(IpAddressSpec::isIpv6)
                    .orElseGet(() -> instance.explicit(SOURCE_IP).map(a -> a instanceof Inet6Address)
                            .orElse(instance.isSet(NATIVE_IPV6)));
        }

        private void warn(Keyword<?> at, String message) {
            ctx.diags().warning(b.posOf(at), who + " " + message);
        }

        private void error(Keyword<?> at, String message) {
            ctx.diags().error(b.posOf(at), who + " " + message);
        }

        Block complete() {
            if (!b.isSet(VIRTUAL_ROUTER_ID)) {
                error(null, "the virtual router id must be set");
                return null;
            }
            boolean strict = b.explicit(STRICT_MODE).orElse(Boolean.TRUE.equals(global.get(GlobalKeywords.VRRP_STRICT)));
            b = b.with(STRICT_MODE, strict);
            if (!interfaceAndFamily()) {
                return null;
            }
            boolean ipv6 = isIpv6(b);
            if (!version(ipv6, strict)) {
                return null;
            }
            int version = b.get(VERSION);
            stateAndPriority(strict);
            authentication(strict, version, ipv6);
            if (strict && !b.list(UNICAST_PEER).isEmpty() && b.isSet(INTERFACE)) {
                error(UNICAST_PEER, "Unicast peers are not supported in strict mode");
                return null;
            }
            vips(ipv6, strict);
            preemption(strict);
            accept(strict, version);
            garpAndAdverts(strict);
            advertInterval(version);
            unicast();
            vmac(strict);
            tracking();
            if (b.list(VIRTUAL_IPADDRESS).isEmpty()) {
                if (version == 3 || ipv6 || strict) {
                    error(null, "No VIP specified; at least one is required");
                    return null;
                }
                warn(null, "No VIP specified; at least one is sensible");
            }
            return b;
        }

        /**
         * The instance's interface must exist and not be a loopback; VIPs, eVIPs, the source
         * address and unicast peers must all be of one family (eVIPs excepted), the first one
         * written deciding.
         */
        private boolean interfaceAndFamily() {
            String ifname = b.get(INTERFACE);
            if (ifname != null) {
                if (ctx.host().isLoopback(ifname)) {
                    warn(INTERFACE, "cannot use a loopback interface (" + ifname + ") for vrrp - ignoring");
                    b = b.without(INTERFACE);
                } else if (!ctx.host().interfaces().contains(ifname)) {
                    ctx.diags().warning(b.posOf(INTERFACE), "WARNING - interface " + ifname + " for vrrp_instance "
                            + b.head() + " doesn't exist");
                }
            }
            Boolean v6 = null;
            InetAddress src = b.get(SOURCE_IP);
            if (src != null) {
                v6 = src instanceof Inet6Address;
            }
            List<Block.Entry<IpAddressSpec>> vips = new ArrayList<>();
            for (Block.Entry<IpAddressSpec> e : b.entries(VIRTUAL_IPADDRESS)) {
                IpAddressSpec vip = e.value();
                if (v6 == null) {
                    v6 = vip.isIpv6();
                }
                if (vip.isIpv6() != v6) {
                    ctx.diags().warning(e.pos(), who + ": address family must match VRRP instance ["
                            + Types.formatAddress(vip.address()) + "] - ignoring");
                } else {
                    vips.add(e);
                }
            }
            if (b.isSet(VIRTUAL_IPADDRESS)) {
                b = b.withEntries(VIRTUAL_IPADDRESS, vips);
            }
            if (v6 == null && b.isSet(NATIVE_IPV6)) {
                v6 = true;
            }
            List<Block.Entry<UnicastPeer>> peers = new ArrayList<>();
            for (Block.Entry<UnicastPeer> e : b.entries(UNICAST_PEER)) {
                boolean peer6 = e.value().address() instanceof Inet6Address;
                if (v6 != null && peer6 != v6) {
                    ctx.diags().warning(e.pos(), who + ": address family of unicast peer "
                            + Types.formatAddress(e.value().address()) + " does not match the instance - ignoring");
                } else {
                    peers.add(e);
                }
            }
            if (b.isSet(UNICAST_PEER)) {
                b = b.withEntries(UNICAST_PEER, peers);
            }
            if (!b.isSet(INTERFACE) && (peers.isEmpty() || src == null)) {
                error(null, "Unknown interface!");
                return false;
            }
            return true;
        }

        private boolean version(boolean ipv6, boolean strict) {
            Integer version = b.explicit(VERSION).orElse(null);
            if (ipv6) {
                if (version != null && version == 2 && strict) {
                    warn(VERSION, "cannot use IPv6 with VRRP version 2; setting version 3");
                    version = 3;
                } else if (version == null) {
                    version = 3;
                }
            }
            if (version == null) {
                version = global.get(GlobalKeywords.VRRP_VERSION);
            }
            b = b.with(VERSION, version);
            return true;
        }

        private void stateAndPriority(boolean strict) {
            State state = b.get(STATE);
            Integer priority = b.get(PRIORITY);
            if (priority == null) {
                priority = state == State.MASTER ? PRIORITY_OWNER : PRIORITY_DEFAULT;
            }
            if (state == null) {
                state = priority == PRIORITY_OWNER ? State.MASTER : State.BACKUP;
            } else if (strict && (state == State.MASTER) != (priority == PRIORITY_OWNER)) {
                warn(STATE, "State MASTER must match being address owner");
                state = priority == PRIORITY_OWNER ? State.MASTER : State.BACKUP;
            }
            b = b.with(PRIORITY, priority).with(STATE, state);
        }

        private void authentication(boolean strict, int version, boolean ipv6) {
            List<Block> auths = b.blocks(AUTHENTICATION_BLOCK);
            if (auths.isEmpty()) {
                return;
            }
            Block auth = auths.getFirst();
            AuthType type = auth.get(AUTH_TYPE);
            String pass = auth.get(AUTH_PASS);
            if (type == null) {
                warn(AUTHENTICATION_BLOCK, "authentication specified without auth_type - ignoring");
                b = b.without(AUTHENTICATION_BLOCK);
                return;
            }
            if (strict) {
                warn(AUTHENTICATION_BLOCK, "Strict mode does not support authentication. Ignoring.");
                b = b.without(AUTHENTICATION_BLOCK);
            } else if (version == 3) {
                warn(AUTHENTICATION_BLOCK, "VRRP version 3 does not support authentication. Ignoring.");
                b = b.without(AUTHENTICATION_BLOCK);
            } else if (pass == null || pass.isEmpty()) {
                warn(AUTHENTICATION_BLOCK, "Authentication specified but no password given. Ignoring");
                b = b.without(AUTHENTICATION_BLOCK);
            } else if (ipv6 && type == AuthType.AH) {
                warn(AUTHENTICATION_BLOCK, "Cannot use AH authentication with IPv6. ignoring");
                b = b.without(AUTHENTICATION_BLOCK);
            } else {
                if (pass.length() > 8) {
                    ctx.diags().warning(auth.posOf(AUTH_PASS), "Truncating auth_pass to 8 characters");
                    b = b.withBlocks(AUTHENTICATION_BLOCK, List.of(auth.with(AUTH_PASS, pass.substring(0, 8))));
                }
                if (type == AuthType.AH && b.get(STATE) == State.MASTER && b.get(PRIORITY) != PRIORITY_OWNER) {
                    warn(STATE, "Initial state master is incompatible with AH authentication - clearing");
                    b = b.with(STATE, State.BACKUP);
                }
            }
        }

        /** VIPs without dev go on the instance's interface; more than an advert holds become eVIPs. */
        private void vips(boolean ipv6, boolean strict) {
            String ifname = b.get(INTERFACE);
            List<Block.Entry<IpAddressSpec>> vips = withDefaultDev(VIRTUAL_IPADDRESS, ifname, "");
            List<Block.Entry<IpAddressSpec>> evips = withDefaultDev(VIRTUAL_IPADDRESS_EXCLUDED, ifname, "e");
            if (ipv6 && b.list(UNICAST_PEER).isEmpty() && !vips.isEmpty()
                    && !vips.getFirst().value().address().isLinkLocalAddress()) {
                if (strict) {
                    ctx.diags().warning(vips.getFirst().pos(), who + " the first IPv6 VIP address must be link local");
                } else {
                    ctx.diags().lint(vips.getFirst().pos(), who + " the first IPv6 VIP address should be link local");
                }
            }
            if (vips.size() > MAX_VIPS_IN_ADVERT) {
                warn(VIRTUAL_IPADDRESS, "Number of VIPs (" + vips.size() + ") exceeds maximum/space available in packet"
                        + " (max " + MAX_VIPS_IN_ADVERT + " addresses) - excess moved to eVIPs");
                evips.addAll(vips.subList(MAX_VIPS_IN_ADVERT, vips.size()));
                vips = new ArrayList<>(vips.subList(0, MAX_VIPS_IN_ADVERT));
            }
            if (b.isSet(VIRTUAL_IPADDRESS)) {
                b = b.withEntries(VIRTUAL_IPADDRESS, vips);
            }
            if (b.isSet(VIRTUAL_IPADDRESS_EXCLUDED) || !evips.isEmpty()) {
                b = b.withEntries(VIRTUAL_IPADDRESS_EXCLUDED, evips);
            }
        }

        private List<Block.Entry<IpAddressSpec>> withDefaultDev(Keyword.ListBlock<IpAddressSpec> k, String ifname, String e) {
            List<Block.Entry<IpAddressSpec>> out = new ArrayList<>();
            for (Block.Entry<IpAddressSpec> entry : b.entries(k)) {
                IpAddressSpec a = entry.value();
                if (a.dev() != null) {
                    out.add(entry);
                } else if (ifname != null) {
                    out.add(new Block.Entry<>(a.withDev(ifname), entry.pos()));
                } else {
                    ctx.diags().warning(entry.pos(), who + ": no interface for " + e + "vip "
                            + Types.formatAddress(a.address()) + " - removing");
                }
            }
            return out;
        }

        /** preempt / nopreempt / preempt_delay, as keepalived resolves them. */
        private void preemption(boolean strict) {
            boolean nopreempt = last(NOPREEMPT, PREEMPT) == NOPREEMPT;
            Duration delay = b.get(PREEMPT_DELAY);
            boolean owner = b.get(PRIORITY) == PRIORITY_OWNER;
            if (owner && nopreempt) {
                warn(NOPREEMPT, "nopreempt is incompatible with priority " + PRIORITY_OWNER + ". resetting nopreempt");
                nopreempt = false;
            }
            if (b.get(STATE) == State.MASTER) {
                if (nopreempt) {
                    warn(NOPREEMPT, "Warning - nopreempt will not work with initial state MASTER - clearing");
                    nopreempt = false;
                }
                if (delay != null && !delay.isZero()) {
                    warn(PREEMPT_DELAY, "Warning - preempt delay will not work with initial state MASTER - clearing");
                    delay = null;
                }
            }
            if (delay != null && !delay.isZero()) {
                if (strict) {
                    warn(PREEMPT_DELAY, "preempt_delay is incompatible with strict mode - resetting");
                    delay = null;
                } else if (nopreempt) {
                    warn(PREEMPT_DELAY, "preempt_delay is incompatible with nopreempt mode - resetting");
                    delay = null;
                }
            }
            b = b.without(PREEMPT).without(NOPREEMPT).without(PREEMPT_DELAY);
            if (nopreempt) {
                b = b.with(NOPREEMPT, true);
            }
            b = b.with(PREEMPT_DELAY, delay == null ? Duration.ZERO : delay);
        }

        /** accept / no_accept: by default accept, unless strict and not the address owner. */
        private void accept(boolean strict, int version) {
            Keyword<?> written = last(ACCEPT, NO_ACCEPT);
            boolean owner = b.get(PRIORITY) == PRIORITY_OWNER;
            boolean accept = written == null ? owner || !strict : written == ACCEPT;
            if (accept && !owner && strict && version == 2) {
                warn(ACCEPT, "warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
                accept = false;
            }
            b = b.without(ACCEPT).without(NO_ACCEPT).with(accept ? ACCEPT : NO_ACCEPT, true);
        }

        /** GARP timings and advert behaviours: the instance's own, else strict's, else global_defs'. */
        private void garpAndAdverts(boolean strict) {
            inherit(GARP_MASTER_DELAY, global.get(GlobalKeywords.VRRP_GARP_MASTER_DELAY));
            inherit(GARP_MASTER_REPEAT, global.get(GlobalKeywords.VRRP_GARP_MASTER_REPEAT));
            inherit(GARP_MASTER_REFRESH, global.get(GlobalKeywords.VRRP_GARP_MASTER_REFRESH));
            inherit(GARP_MASTER_REFRESH_REPEAT, global.get(GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT));
            inherit(DOWN_TIMER_ADVERTS, global.get(GlobalKeywords.VRRP_DOWN_TIMER_ADVERTS));
            if (b.get(GARP_MASTER_REPEAT) == 0) {
                warn(GARP_MASTER_REPEAT, "garp_master_repeat must be greater than 0, setting to 1");
                b = b.with(GARP_MASTER_REPEAT, 1L);
            }
            if (b.get(GARP_MASTER_REFRESH_REPEAT) == 0) {
                warn(GARP_MASTER_REFRESH_REPEAT, "garp_master_refresh_repeat must be greater than 0, setting to 1");
                b = b.with(GARP_MASTER_REFRESH_REPEAT, 1L);
            }
            Long globalLowerRepeat = global.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT);
            Integer globalLowerDelay = global.get(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY);
            // unset lower-priority values come from global_defs, whose own default is its master
            // values (keepalived's init_global_data), not the instance's
            strictDefault(GARP_LOWER_PRIO_REPEAT, strict, 0,
                    (int) Math.min(globalLowerRepeat != null ? globalLowerRepeat
                            : global.get(GlobalKeywords.VRRP_GARP_MASTER_REPEAT), Integer.MAX_VALUE),
                    "Strict mode requires no repeat garps. resetting");
            strictDefault(GARP_LOWER_PRIO_DELAY, strict, 0,
                    globalLowerDelay != null ? globalLowerDelay : global.get(GlobalKeywords.VRRP_GARP_MASTER_DELAY),
                    "Strict mode requires no repeat garp delay. resetting");
            strictDefault(LOWER_PRIO_NO_ADVERT, strict, true,
                    Boolean.TRUE.equals(global.get(GlobalKeywords.VRRP_LOWER_PRIO_NO_ADVERT)),
                    "Strict mode requires no lower priority advert. resetting");
            strictDefault(HIGHER_PRIO_SEND_ADVERT, strict, false,
                    Boolean.TRUE.equals(global.get(GlobalKeywords.VRRP_HIGHER_PRIO_SEND_ADVERT)),
                    "strict mode requires higher_prio_send_advert to be clear. resetting");
            inherit(SKIP_CHECK_ADV_ADDR, Boolean.TRUE.equals(global.get(GlobalKeywords.VRRP_SKIP_CHECK_ADV_ADDR)));
            if (Boolean.TRUE.equals(global.get(GlobalKeywords.V3_CHECKSUM_AS_V2))) {
                // only when set: keepalived 2.2.7 does not know the keyword, so -d must not print it otherwise
                inherit(V3_CHECKSUM_AS_V2, true);
            }
            if (!b.isSet(CHECK_UNICAST_SRC) && Boolean.TRUE.equals(global.get(GlobalKeywords.VRRP_CHECK_UNICAST_SRC))) {
                b = b.with(CHECK_UNICAST_SRC, true);
            }
            inherit(SMTP_ALERT, smtpAlertDefault(global));
            Boolean groupNotify = group == null ? null : group.get(GROUP_NOTIFY_PRIORITY_CHANGES);
            inherit(NOTIFY_PRIORITY_CHANGES, groupNotify != null ? groupNotify
                    : Boolean.TRUE.equals(global.get(GlobalKeywords.VRRP_NOTIFY_PRIORITY_CHANGES)));
        }

        private <T> void inherit(Keyword.Value<T> k, T value) {
            if (!b.isSet(k) && value != null) {
                b = b.with(k, value);
            }
        }

        /** Unset: strict's value or the inherited one; set against strict: reset with a warning. */
        private <T> void strictDefault(Keyword.Value<T> k, boolean strict, T strictValue, T inherited, String message) {
            if (!b.isSet(k)) {
                b = b.with(k, strict ? strictValue : inherited);
            } else if (strict && !b.get(k).equals(strictValue)) {
                warn(k, message);
                b = b.with(k, strictValue);
            }
        }

        /**
         * VRRPv2 intervals are whole seconds below 256, VRRPv3 intervals centiseconds below 40.96
         * s; others are rounded half up as keepalived does.
         */
        private void advertInterval(int version) {
            Duration d = b.get(ADVERT_INT);
            long micros = d.toNanos() / 1000;
            long unit = version == 2 ? 1_000_000 : 10_000;
            Duration max = version == 2 ? V2_MAX_ADVERT : V3_MAX_ADVERT;
            if (d.compareTo(max) > 0) {
                warn(ADVERT_INT, String.format("VRRPv%d advertisement interval %.2fs is out of range. Must be less than %s."
                        + " Setting to %s", version, micros / 1e6, version == 2 ? "256s" : "40.96s",
                        version == 2 ? "255s" : "40.95s"));
                micros = max.toNanos() / 1000;
            } else if (micros % unit != 0) {
                warn(ADVERT_INT, String.format(version == 2
                        ? "VRRPv2 advertisement interval %fs must be an integer. rounding"
                        : "VRRPv3 advertisement interval %fs must be in units of 10ms - rounding", micros / 1e6));
                micros = (micros + unit / 2) / unit * unit;
                if (micros == 0) {
                    micros = unit;
                }
            }
            b = b.with(ADVERT_INT, Duration.ofNanos(micros * 1000));
        }

        private void unicast() {
            List<UnicastPeer> peers = b.list(UNICAST_PEER);
            if (peers.isEmpty()) {
                if (b.isSet(UNICAST_TTL)) {
                    // keepalived reports this at the end of the instance's block
                    ctx.diags().warning(b.end(), who + ": Cannot use unicast_ttl without unicast peers - resetting");
                    b = b.without(UNICAST_TTL);
                }
                boolean v6 = isIpv6(b);
                inherit(MCAST_DST_IP, global.get(v6 ? GlobalKeywords.VRRP_MCAST_GROUP6 : GlobalKeywords.VRRP_MCAST_GROUP4));
                InetAddress group = b.get(MCAST_DST_IP);
                if ((group instanceof Inet6Address) != v6) {
                    warn(MCAST_DST_IP, "mcast_dst_ip " + Types.formatAddress(group) + " is not of the instance's family"
                            + " - using the default");
                    b = b.with(MCAST_DST_IP, global.get(v6 ? GlobalKeywords.VRRP_MCAST_GROUP6 : GlobalKeywords.VRRP_MCAST_GROUP4));
                }
            } else if (peers.stream().anyMatch(p -> p.minTtl() != null || p.maxTtl() != null)) {
                b = b.with(CHECK_UNICAST_SRC, true);
            }
            if (!b.isSet(SOURCE_IP) && b.isSet(TRACK_SRC_IP)) {
                b = b.without(TRACK_SRC_IP);
            }
        }

        private void vmac(boolean strict) {
            boolean vmac = b.isSet(USE_VMAC);
            if (vmac && !b.list(UNICAST_PEER).isEmpty() && !b.isSet(VMAC_XMIT_BASE)) {
                warn(USE_VMAC, "unicast with use_vmac requires vmac_xmit_base - setting");
                b = b.with(VMAC_XMIT_BASE, true);
            }
            if (b.isSet(VMAC_XMIT_BASE) && !vmac) {
                warn(VMAC_XMIT_BASE, "vmac_xmit_base is only valid with a vmac");
                b = b.without(VMAC_XMIT_BASE);
            }
            if (vmac && strict && b.isSet(VMAC_XMIT_BASE)) {
                warn(VMAC_XMIT_BASE, "xmit_base is incompatible with strict mode - resetting");
                b = b.without(VMAC_XMIT_BASE);
            }
            if ((vmac || b.isSet(USE_IPVLAN)) && b.isSet(PROMOTE_SECONDARIES)) {
                warn(PROMOTE_SECONDARIES, "promote_secondaries is automatically set for vmacs - ignoring");
                b = b.without(PROMOTE_SECONDARIES);
            }
            if (b.isSet(USE_IPVLAN) && !isIpv6(b) && b.get(USE_IPVLAN).address() == null) {
                warn(USE_IPVLAN, "IPv4 ipvlan requires a source ip address to be configured."
                        + " setting instance to fault state");
            }
        }

        /**
         * Tracked objects must exist. In a sync group (without sync_group_tracking_weight) and for
         * the address owner, weights are not allowed: interface weights become 0 (or, for the
         * owner, the interface is not tracked), weighted scripts and bfds are dropped, and files
         * with the default weight become unweighted.
         */
        private void tracking() {
            b = refs(b, TRACK_SCRIPT, names.scripts(), who, "track script", ctx);
            b = refs(b, TRACK_FILE, names.files(), who, "track file", ctx);
            b = refs(b, TRACK_PROCESS, names.processes(), who, "track process", ctx);
            b = refs(b, TRACK_BFD, names.bfds(), who, "track bfd", ctx);
            b = trackedInterfaces(b, TRACK_INTERFACE, b.get(INTERFACE), who, ctx);
            boolean syncNoWeight = group != null && !group.isSet(SYNC_GROUP_TRACKING_WEIGHT) && !group.isSet(GLOBAL_TRACKING);
            boolean owner = b.get(PRIORITY) == PRIORITY_OWNER;
            if (!syncNoWeight && !owner) {
                return;
            }
            String why = syncNoWeight ? "SYNC group" : "address owner";
            List<Block.Entry<TrackRef>> ifs = new ArrayList<>();
            for (Block.Entry<TrackRef> e : b.entries(TRACK_INTERFACE)) {
                TrackRef r = e.value();
                if (r.weight() != null && r.weight() != 0) {
                    ctx.diags().warning(e.pos(), who + " ignoring " + r.name() + " tracked interface "
                            + (syncNoWeight ? "weight " : "") + "due to " + why);
                    if (syncNoWeight) {
                        ifs.add(new Block.Entry<>(new TrackRef(r.name(), 0, r.reverse()), e.pos()));
                    }
                } else {
                    ifs.add(e);
                }
            }
            if (b.isSet(TRACK_INTERFACE)) {
                b = b.withEntries(TRACK_INTERFACE, ifs);
            }
            dropWeighted(TRACK_SCRIPT, "tracked script", why);
            dropWeighted(TRACK_BFD, "tracked bfd", why);
            List<Block.Entry<TrackRef>> files = new ArrayList<>();
            for (Block.Entry<TrackRef> e : b.entries(TRACK_FILE)) {
                TrackRef r = e.value();
                if (r.weight() == null || r.weight() == 0) {
                    files.add(e);
                } else if (r.weight() == 1) {
                    ctx.diags().warning(e.pos(), who + " ignoring weight from tracked file " + r.name() + " due to " + why
                            + ". specify weight 0");
                    files.add(new Block.Entry<>(new TrackRef(r.name(), 0, r.reverse()), e.pos()));
                } else {
                    ctx.diags().warning(e.pos(), who + " ignoring tracked file " + r.name() + " with weight " + r.weight()
                            + " due to " + why);
                }
            }
            if (b.isSet(TRACK_FILE)) {
                b = b.withEntries(TRACK_FILE, files);
            }
        }

        private void dropWeighted(Keyword.ListBlock<TrackRef> k, String what, String why) {
            if (!b.isSet(k)) {
                return;
            }
            List<Block.Entry<TrackRef>> out = new ArrayList<>();
            for (Block.Entry<TrackRef> e : b.entries(k)) {
                TrackRef r = e.value();
                if (r.weight() != null && r.weight() != 0) {
                    ctx.diags().warning(e.pos(), who + " ignoring " + what + " " + r.name() + " with weights due to " + why);
                } else {
                    out.add(e);
                }
            }
            b = b.withEntries(k, out);
        }

        /** Of two keywords that set one thing (accept/no_accept), the one written last, or null. */
        private Keyword<?> last(Keyword<?> a, Keyword<?> c) {
            Keyword<?> found = null;
            for (var s : b.settings()) {
                if (s.keyword() == a || s.keyword() == c) {
                    found = s.keyword();
                }
            }
            return found;
        }
    }
}
