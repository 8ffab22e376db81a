package io.jkeepalived.config.check;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.StaticKeywords;
import io.jkeepalived.config.schema.StaticKeywords.LinkbeatInterface;
import io.jkeepalived.config.schema.StaticKeywords.UpDownDelay;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.config.value.RouteLookup;
import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.RuleSpec;
import io.jkeepalived.config.value.Types;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * track_group, static_ipaddress, static_routes, static_rules, linkbeat_interfaces and
 * interface_up_down_delays, as keepalived 2.2.7 checks them while reading the file (in file
 * order: a track_group is only found by the statics written after it):
 * <ul>
 *   <li>interfaces must exist on the host (unless global_defs has dynamic_interfaces): a static
 *       address, route or rule on a missing interface is dropped; for linkbeat_interfaces and
 *       interface_up_down_delays keepalived cannot run at all;</li>
 *   <li>a static address without dev goes on default_interface, which must exist;</li>
 *   <li>track groups must be defined before use, once; their members are vrrp instances;</li>
 *   <li>rules without a preference are numbered from 16384 down, per family, over static and
 *       virtual rules together in file order - so this check also numbers the virtual_rules of
 *       vrrp instances (their other checks are the VRRP check's, through
 *       {@link RuleSpec#check} and {@link RouteSpec#check}).</li>
 * </ul>
 */
final class StaticCheck implements Check {

    @Override
    public Block apply(Block root, CheckContext ctx) {
        return new Run(root, ctx).run();
    }

    private static final class Run {
        private final Block root;
        private final Diagnostics diags;
        private final Set<String> hostInterfaces;
        private final boolean dynamicInterfaces;
        private final String defaultInterface;
        private final Set<String> instances = new HashSet<>();
        private final Set<String> trackGroups = new LinkedHashSet<>();
        private final RuleSpec.PriorityAllocator priorities = new RuleSpec.PriorityAllocator();

        Run(Block root, CheckContext ctx) {
            this.root = root;
            this.diags = ctx.diags();
            this.hostInterfaces = ctx.host().interfaces();
            Block globals = root.section(RootKeywords.GLOBAL_DEFS);
            this.dynamicInterfaces = dynamicInterfaces(globals);
            this.defaultInterface = globals.get(GlobalKeywords.DEFAULT_INTERFACE);
            for (Block vrrp : root.blocks(RootKeywords.VRRP_INSTANCE)) {
                instances.add(vrrp.head());
            }
        }

        /**
         * global_defs dynamic_interfaces: interfaces may appear later, so missing ones are not
         * errors. Looked up by name, since the keyword belongs to the global table.
         */
        private static boolean dynamicInterfaces(Block globals) {
            Keyword<?> k = GlobalKeywords.BLOCK.lookup("dynamic_interfaces");
            return k != null && globals.isSet(k) && !Boolean.FALSE.equals(globals.last(k).orElseThrow().value());
        }

        private RouteLookup lookup() {
            Set<String> defined = Set.copyOf(trackGroups);
            return new RouteLookup(hostInterfaces::contains, dynamicInterfaces, defined::contains);
        }

        Block run() {
            List<Setting> out = new ArrayList<>();
            for (Setting s : root.settings()) {
                Keyword<?> k = s.keyword();
                if (k == RootKeywords.TRACK_GROUP) {
                    Block g = trackGroup((Block) s.value());
                    if (g != null) {
                        out.add(s.withValue(g));
                    }
                } else if (k == RootKeywords.STATIC_IPADDRESS) {
                    out.add(s.withValue(addresses(list(s, IpAddressSpec.class), s.pos())));
                } else if (k == RootKeywords.STATIC_ROUTES) {
                    out.add(s.withValue(routes(list(s, RouteSpec.class), s.pos())));
                } else if (k == RootKeywords.STATIC_RULES) {
                    out.add(s.withValue(rules(list(s, RuleSpec.class), s.pos())));
                } else if (k == RootKeywords.VRRP_INSTANCE) {
                    out.add(s.withValue(virtualRulePriorities((Block) s.value())));
                } else if (k == RootKeywords.LINKBEAT_INTERFACES) {
                    out.add(s.withValue(linkbeat(list(s, LinkbeatInterface.class), s.pos())));
                } else if (k == RootKeywords.INTERFACE_UP_DOWN_DELAYS) {
                    out.add(s.withValue(upDownDelays(list(s, UpDownDelay.class), s.pos())));
                } else {
                    out.add(s);
                }
            }
            return root.withSettings(out);
        }

        private static <E> List<E> list(Setting s, Class<E> type) {
            return ((List<?>) s.value()).stream().map(type::cast).toList();
        }

        // ---- track_group NAME { group { ... } } ------------------------------------------

        private Block trackGroup(Block g) {
            String name = g.head();
            if (trackGroups.contains(name)) {
                diags.warning(g.pos(), "track_group " + name + " already defined");
                return null;
            }
            trackGroups.add(name);
            List<Setting> settings = new ArrayList<>();
            SourcePos firstGroup = null;
            Set<SourcePos> repeated = new HashSet<>();
            boolean named = false;
            List<String> members = new ArrayList<>();
            for (Setting s : g.settings()) {
                if (s.keyword() != StaticKeywords.GROUP) {
                    settings.add(s);
                    continue;
                }
                // each line of a group block is a setting; the block is the one they share an origin with
                if (firstGroup == null) {
                    firstGroup = s.origin();
                } else if (!s.origin().equals(firstGroup)) {
                    if (repeated.add(s.origin())) {
                        // keepalived's message names a sync group here too
                        diags.warning(s.origin(), "Group list already specified for sync group " + name);
                    }
                    continue;
                }
                List<String> given = list(s, String.class);
                if (given.isEmpty()) {
                    diags.warning(s.pos(), "Warning - track group " + name + " has empty group block");
                }
                List<String> kept = new ArrayList<>();
                for (String m : given) {
                    named = true;
                    if (instances.contains(m)) {
                        members.add(m);
                        kept.add(m);
                    } else {
                        // keepalived logs this when it starts, without failing -t
                        diags.lint(s.pos(), "vrrp instance " + m + " specified in track group " + name
                                + " doesn't exist - ignoring");
                    }
                }
                settings.add(s.withValue(List.copyOf(kept)));
            }
            if (members.isEmpty()) {
                // keepalived then removes the group when it starts (and -t does not notice)
                diags.lint(g.pos(), "Static track group " + name + (named ? " has no VRRP instance(s)" : " has no virtual router(s)")
                        + " - it tracks nothing");
            }
            return g.withSettings(settings);
        }

        // ---- static_ipaddress --------------------------------------------------------------

        private List<IpAddressSpec> addresses(List<IpAddressSpec> given, SourcePos at) {
            List<IpAddressSpec> kept = new ArrayList<>();
            for (IpAddressSpec a : given) {
                String text = Types.formatAddress(a.address())
                        + (a.prefix() == (a.address() instanceof Inet4Address ? 32 : 128) ? "" : "/" + a.prefix());
                IpAddressSpec addr = a;
                if (addr.dev() != null && !usable(addr.dev())) {
                    diags.warning(at, "WARNING - interface " + addr.dev() + " for ip address " + text + " doesn't exist");
                    continue;
                }
                if (addr.dev() == null) {
                    if (defaultInterface == null || !hostInterfaces.contains(defaultInterface)) {
                        diags.fatal(at, "Static address " + text
                                + " requires either an interface or default interface must exist");
                        continue;
                    }
                    addr = addr.withDev(defaultInterface);
                }
                if (addr.trackGroup() != null && !trackGroups.contains(addr.trackGroup())) {
                    diags.warning(at, "track_group " + addr.trackGroup() + " not found");
                    addr = withoutTrackGroup(addr);
                }
                if (addr.trackGroup() != null && addr.noTrack()) {
                    diags.lint(at, "Static address has both track_group and no_track set - not tracking");
                }
                kept.add(addr);
            }
            return List.copyOf(kept);
        }

        private static IpAddressSpec withoutTrackGroup(IpAddressSpec a) {
            return new IpAddressSpec(a.address(), a.prefix(), a.broadcast(), a.broadcastMode(), a.dev(), a.scope(),
                    a.label(), a.peer(), a.peerPrefix(), a.home(), a.nodad(), a.mngtmpaddr(), a.noprefixroute(),
                    a.autojoin(), a.noTrack(), a.useVmac(), null, a.preferredLft());
        }

        // ---- static_routes and static_rules -----------------------------------------------

        private List<RouteSpec> routes(List<RouteSpec> given, SourcePos at) {
            List<RouteSpec> kept = new ArrayList<>();
            RouteLookup lookup = lookup();
            for (RouteSpec r : given) {
                Optional<RouteSpec> checked = RouteSpec.check(r, lookup, diags, at);
                checked.ifPresent(route -> {
                    if (route.trackGroup() != null && route.noTrack()) {
                        diags.lint(pos(route.pos(), at), "Static route has both track_group and no_track set - not tracking");
                    }
                    kept.add(route);
                });
            }
            return List.copyOf(kept);
        }

        private List<RuleSpec> rules(List<RuleSpec> given, SourcePos at) {
            List<RuleSpec> kept = new ArrayList<>();
            RouteLookup lookup = lookup();
            for (RuleSpec r : given) {
                Optional<RuleSpec> checked = RuleSpec.check(r, lookup, diags, at);
                checked.ifPresent(rule -> {
                    if (rule.trackGroup() != null && rule.noTrack()) {
                        diags.lint(pos(rule.pos(), at), "Static rule has both track_group and no_track set - not tracking");
                    }
                    kept.add(priorities.assign(rule, diags, at));
                });
            }
            return List.copyOf(kept);
        }

        /**
         * The virtual_rules of an instance take their default preferences from the same counter,
         * at their place in the file. Rules the VRRP check will drop (missing interface) are left
         * alone and take no number, as in keepalived, which drops them before numbering.
         */
        private Block virtualRulePriorities(Block vrrp) {
            if (!vrrp.isSet(VrrpKeywords.VIRTUAL_RULES)) {
                return vrrp;
            }
            RouteLookup lookup = RouteLookup.forInterfaces(hostInterfaces::contains, dynamicInterfaces);
            List<Setting> settings = new ArrayList<>();
            for (Setting s : vrrp.settings()) {
                if (s.keyword() != VrrpKeywords.VIRTUAL_RULES) {
                    settings.add(s);
                    continue;
                }
                List<RuleSpec> numbered = new ArrayList<>();
                for (RuleSpec r : list(s, RuleSpec.class)) {
                    boolean kept = RuleSpec.check(r, lookup, new Diagnostics(), s.pos()).isPresent();
                    numbered.add(kept ? priorities.assign(r, diags, s.pos()) : r);
                }
                settings.add(s.withValue(List.copyOf(numbered)));
            }
            return vrrp.withSettings(settings);
        }

        // ---- linkbeat_interfaces and interface_up_down_delays -----------------------------

        private List<LinkbeatInterface> linkbeat(List<LinkbeatInterface> given, SourcePos at) {
            List<LinkbeatInterface> kept = new ArrayList<>();
            for (LinkbeatInterface l : given) {
                if (!usable(l.ifname())) {
                    diags.fatal(pos(l.pos(), at), "unknown interface " + l.ifname() + " specified for linkbeat interface");
                    continue;
                }
                kept.add(l);
            }
            return List.copyOf(kept);
        }

        private List<UpDownDelay> upDownDelays(List<UpDownDelay> given, SourcePos at) {
            List<UpDownDelay> kept = new ArrayList<>();
            for (UpDownDelay d : given) {
                if (!usable(d.ifname())) {
                    diags.fatal(pos(d.pos(), at), "unknown interface " + d.ifname() + " specified for up/down delay");
                    continue;
                }
                if (d.down() == null) {
                    diags.lint(pos(d.pos(), at), "No timeouts specified for " + d.ifname() + " up/down delays - ignoring");
                    continue;
                }
                kept.add(d);
            }
            return List.copyOf(kept);
        }

        private boolean usable(String ifname) {
            return dynamicInterfaces || hostInterfaces.contains(ifname);
        }

        private static SourcePos pos(SourcePos own, SourcePos fallback) {
            return own != null ? own : fallback;
        }
    }
}
