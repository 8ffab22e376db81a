package io.jkeepalived.config.check;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.LvsKeywords;
import io.jkeepalived.config.schema.LvsKeywords.Common;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.value.LvsAddresses.Fwmark;
import io.jkeepalived.config.value.LvsAddresses.Group;
import io.jkeepalived.config.value.LvsAddresses.Ip;
import io.jkeepalived.config.value.LvsAddresses.LvsMethod;
import io.jkeepalived.config.value.LvsAddresses.ServerAddress;
import io.jkeepalived.config.value.LvsAddresses.VsAddress;
import io.jkeepalived.config.value.LvsAddresses.VsgAddress;
import io.jkeepalived.config.value.LvsAddresses.VsgFwmark;
import io.jkeepalived.config.value.LvsValues;
import io.jkeepalived.config.value.LvsValues.StatusRange;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.Types;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The validation keepalived 2.2.7 does of the LVS configuration, with its outcome: what its
 * parser handlers check line by line (check_parser.c, check_api.c, check_*.c: flags that need
 * the sh/mh scheduler, address families, sorry_server options, first-one-wins scripts, checker
 * end handlers), link_vsg_to_vs (ipwrapper.c) and validate_check_config (check_data.c: missing
 * real servers, protocol and port rules, fwmark rules, default scheduler and forwarding method,
 * duplicate real servers, quorum and hysteresis, port corrections). The values keepalived derives
 * (a real server's weight and forwarding method from its virtual server, a checker's retry,
 * timers and connect_timeout from its real server) are written into the blocks so that -d shows
 * them.
 *
 * <p>Messages keepalived only logs (not shown by {@code keepalived -t} and not changing its exit
 * status) are lint here; the others are warnings. Script existence and security are
 * {@link ScriptSecurityCheck}'s.
 */
final class LvsCheck implements Check {

    /** IP_VS_CONN_F_MASQ etc.: NAT is the default forwarding method. */
    private static final LvsMethod NAT = LvsMethod.of("NAT");

    /** The status codes a url accepts when it sets none (HTTP_DEFAULT_STATUS_CODE_MIN..MAX). */
    private static final List<StatusRange> DEFAULT_STATUS_CODES = List.of(new StatusRange(200, 299));

    /** BFD_INAME_MAX: bfd_instance names are shorter than this. */
    private static final int BFD_INAME_MAX = 32;

    @Override
    public Block apply(Block root, CheckContext ctx) {
        Diagnostics d = ctx.diags();
        Block r = checkSsl(root, d);
        Map<String, GroupInfo> groups = new LinkedHashMap<>();
        r = Blocks.replaceEach(r, RootKeywords.VIRTUAL_SERVER_GROUP, g -> checkGroup(g, d, groups));

        // a virtual server may name track_files and bfd_instances declared before it
        Set<String> trackFiles = new HashSet<>();
        Set<String> bfds = new HashSet<>();
        Map<String, Integer> groupMembers = new LinkedHashMap<>();
        List<Setting> out = new ArrayList<>();
        for (Setting s : r.settings()) {
            if (s.keyword() == RootKeywords.TRACK_FILE) {
                trackFiles.add(((Block) s.value()).head());
            } else if (s.keyword() == RootKeywords.BFD_INSTANCE) {
                bfds.add(((Block) s.value()).head());
            }
            if (s.keyword() != RootKeywords.VIRTUAL_SERVER) {
                out.add(s);
                continue;
            }
            Block vs = (Block) s.value();
            VsAddress head = vs.head();
            int member = 0;
            if (head instanceof Group g) {
                member = groupMembers.merge(g.name(), 1, Integer::sum) - 1;
            }
            Block checked = new VirtualServer(vs, ctx, groups, Set.copyOf(trackFiles), Set.copyOf(bfds), member,
                    r.section(RootKeywords.GLOBAL_DEFS)).check();
            if (checked != null) {
                out.add(s.withValue(checked));
            }
        }
        return Blocks.rebuild(r, out);
    }

    // ---- SSL ------------------------------------------------------------------------------------------

    /** Several SSL blocks: each replaces the ones before; a keyword given twice replaces the first. */
    private static Block checkSsl(Block root, Diagnostics d) {
        List<Block> ssl = root.blocks(RootKeywords.SSL);
        for (int i = 1; i < ssl.size(); i++) {
            d.warning(ssl.get(i).pos(), "SSL context already specified - replacing");
        }
        Block r = root;
        if (ssl.size() > 1) {
            Block last = ssl.getLast();
            r = Blocks.replaceEach(root, RootKeywords.SSL, b -> b == last ? b : null);
        }
        return Blocks.replaceEach(r, RootKeywords.SSL, b -> {
            for (var k : List.of(LvsKeywords.SSL_PASSWORD, LvsKeywords.SSL_CA, LvsKeywords.SSL_CERTIFICATE, LvsKeywords.SSL_KEY)) {
                String what = switch (k.name()) {
                    case "ca" -> "cafile";
                    case "certificate" -> "certfile";
                    case "key" -> "keyfile";
                    default -> "password";
                };
                boolean seen = false;
                for (Setting s : b.settings()) {
                    if (s.keyword() == k) {
                        if (seen) {
                            d.warning(s.pos(), "SSL " + what + " already specified - replacing");
                        }
                        seen = true;
                    }
                }
            }
            return b;
        });
    }

    // ---- virtual_server_group ---------------------------------------------------------------------------

    /** What a virtual_server_group contains, for link_vsg_to_vs and validate_check_config. */
    record GroupInfo(String name, List<VsgAddress> addresses, List<VsgFwmark> fwmarks, boolean haveIpv4,
                     boolean haveIpv6, boolean fwmarkNoFamily) {
        boolean hasAddresses() {
            return !addresses.isEmpty();
        }

        boolean hasFwmarks() {
            return !fwmarks.isEmpty();
        }
    }

    private static Block checkGroup(Block g, Diagnostics d, Map<String, GroupInfo> groups) {
        String name = g.head();
        List<VsgAddress> addresses = g.list(LvsKeywords.VSG_ADDRESSES);
        List<VsgFwmark> fwmarks = new ArrayList<>();
        boolean v4 = false;
        boolean v6 = false;
        boolean noFamily = false;
        for (Setting s : g.settings()) {
            if (s.keyword() == LvsKeywords.VSG_FWMARK) {
                VsgFwmark f = (VsgFwmark) s.value();
                fwmarks.add(f);
                if (f.family() == null) {
                    noFamily = true;
                } else if (f.family().equals("inet")) {
                    v4 = true;
                } else {
                    v6 = true;
                }
            }
        }
        for (VsgAddress a : addresses) {
            if (a.isIpv6()) {
                v6 = true;
            } else {
                v4 = true;
            }
        }
        if (addresses.isEmpty() && fwmarks.isEmpty()) {
            d.warning(g.pos(), "virtual server group " + name + " has no entries - removing");
            return null;
        }
        if (v4 && v6 && noFamily) {
            d.warning(g.pos(), "virtual server group " + name + " cannot have IPv4, IPv6 and fwmark without family - removing");
            return null;
        }
        if (groups.containsKey(name)) {
            d.lint(g.pos(), "virtual_server_group " + name + " is defined twice - virtual servers use the first");
        } else {
            groups.put(name, new GroupInfo(name, addresses, List.copyOf(fwmarks), v4, v6, noFamily));
        }
        return g;
    }

    // ---- virtual_server -------------------------------------------------------------------------------

    /** Address families as keepalived tracks them while reading a virtual server. */
    private enum Af {
        UNSPEC, INET, INET6;

        static Af of(InetAddress a) {
            return a instanceof Inet6Address ? INET6 : INET;
        }

        static Af of(String ipFamily) {
            return ipFamily.equals("inet6") ? INET6 : INET;
        }
    }

    /** One virtual server being checked; {@link #check} returns it corrected, or null if keepalived drops it. */
    private static final class VirtualServer {
        private Block vs;
        private final CheckContext ctx;
        private final Diagnostics d;
        private final Map<String, GroupInfo> groups;
        private final Set<String> trackFiles;
        private final Set<String> bfds;
        private final int groupMember;
        private final VsAddress head;
        private final Block global;
        private Af af;

        VirtualServer(Block vs, CheckContext ctx, Map<String, GroupInfo> groups, Set<String> trackFiles,
                      Set<String> bfds, int groupMember, Block global) {
            this.vs = vs;
            this.ctx = ctx;
            this.d = ctx.diags();
            this.groups = groups;
            this.trackFiles = trackFiles;
            this.bfds = bfds;
            this.groupMember = groupMember;
            this.head = vs.head();
            this.global = global;
            this.af = head instanceof Ip ip ? Af.of(ip.address()) : Af.UNSPEC;
        }

        /** FMT_VS: "[10.0.0.1]:tcp:80", "FWM 1", "[GROUP]:0". */
        String name() {
            String proto = vs.explicit(LvsKeywords.PROTOCOL).map(p -> p.toLowerCase(java.util.Locale.ROOT)).orElse("none");
            return switch (head) {
                case Ip ip -> "[" + Types.formatAddress(ip.address()) + "]:" + proto + ":" + ip.port();
                case Fwmark f -> "FWM " + f.mark();
                case Group g -> "[" + g.name() + "]:" + groupMember;
            };
        }

        /** FMT_RS: "[10.0.0.2]:tcp:80". */
        String rsName(ServerAddress a) {
            String proto = vs.explicit(LvsKeywords.PROTOCOL).map(p -> p.toLowerCase(java.util.Locale.ROOT)).orElse("none");
            return "[" + Types.formatAddress(a.address()) + "]:" + proto + ":" + a.port();
        }

        /** vs->vfwmark: a fwmark service (fwmark 0 is read as an address service without address). */
        boolean isFwmark() {
            return head instanceof Fwmark f && f.mark() != 0;
        }

        Block check() {
            parseOrder();
            if (vs == null) {
                return null;
            }
            if (head instanceof Group g && !linkGroup(g)) {
                return null;
            }
            return validate();
        }

        // -- what keepalived's handlers check while reading the block, in order --

        private void parseOrder() {
            List<Setting> kept = new ArrayList<>();
            String sched = null;
            LvsMethod method = null;
            boolean sorry = false;
            boolean hasTimeout = vs.isSet(LvsKeywords.PERSISTENCE_TIMEOUT);
            boolean addTimeout = false;
            Map<Keyword<?>, Setting> firstScript = new LinkedHashMap<>();
            for (Setting s : vs.settings()) {
                Keyword<?> k = s.keyword();
                if (k == LvsKeywords.LVS_SCHED) {
                    sched = (String) s.value();
                } else if (k == LvsKeywords.LVS_METHOD) {
                    method = (LvsMethod) s.value();
                } else if (k == LvsKeywords.HASHED || k == LvsKeywords.SH_PORT || k == LvsKeywords.SH_FALLBACK
                        || k == LvsKeywords.MH_PORT || k == LvsKeywords.MH_FALLBACK) {
                    // lbflags_handler looks at the scheduler set so far
                    if (!"sh".equals(sched) && !"mh".equals(sched)) {
                        d.warning(s.pos(), s.spelling() + " only applies to sh scheduler - ignoring");
                        continue;
                    }
                    boolean effective = k == LvsKeywords.SH_PORT || k == LvsKeywords.SH_FALLBACK ? "sh".equals(sched)
                            : (k == LvsKeywords.MH_PORT || k == LvsKeywords.MH_FALLBACK) && "mh".equals(sched);
                    if (!effective) {
                        d.lint(s.pos(), s.spelling() + " has no effect with lvs_sched " + sched);
                    }
                } else if (k == LvsKeywords.IP_FAMILY) {
                    Af want = Af.of((String) s.value());
                    if (af != Af.UNSPEC && af != want) {
                        d.warning(s.pos(), "Virtual server specified family " + s.value() + " conflicts with server family - ignoring");
                        continue;
                    }
                    af = want;
                } else if (k == LvsKeywords.PERSISTENCE_GRANULARITY) {
                    String g = (String) s.value();
                    Af gaf = af != Af.UNSPEC ? af : g.indexOf('.') >= 0 ? Af.INET : Af.INET6;
                    if (gaf == Af.INET6) {
                        if (!g.matches("\\+?\\d{1,3}") || Integer.parseInt(g.replace("+", "")) < 1 || Integer.parseInt(g.replace("+", "")) > 128) {
                            d.warning(s.pos(), "Invalid IPv6 persistence_granularity specified - " + g + " - ignoring");
                            continue;
                        }
                    } else if (LvsValues.inetAton(g) < 0) {
                        d.warning(s.pos(), "Invalid IPv4 persistence_granularity specified - " + g + " - ignoring");
                        continue;
                    }
                    if (af == Af.UNSPEC) {
                        af = gaf;
                    }
                    addTimeout = !hasTimeout;
                } else if (k == LvsKeywords.SORRY_SERVER) {
                    if (sorry) {
                        // a second sorry_server starts afresh: options given for the first are lost
                        dropSorryOptions(kept);
                    }
                    sorry = true;
                } else if (k == LvsKeywords.SORRY_SERVER_INHIBIT && !sorry) {
                    d.warning(s.pos(), "Ignoring sorry_server inhibit used before or without sorry_server");
                    continue;
                } else if (k == LvsKeywords.SORRY_SERVER_LVS_METHOD && !sorry) {
                    d.warning(s.pos(), "sorry_server forwarding used without sorry_server - ignoring");
                    continue;
                } else if (k == LvsKeywords.QUORUM_UP || k == LvsKeywords.QUORUM_DOWN) {
                    if (firstScript.containsKey(k)) {
                        d.warning(s.pos(), "(" + name() + ") " + k.name() + " script already specified - ignoring "
                                + ((Script) s.value()).command());
                        continue;
                    }
                    firstScript.put(k, s);
                } else if (k == LvsKeywords.REAL_SERVER_BLOCK) {
                    Setting rs = realServerEnd(s, method);
                    if (rs == null) {
                        continue;
                    }
                    s = rs;
                }
                kept.add(s);
            }
            vs = Blocks.rebuild(vs, kept);
            if (addTimeout) {
                vs = vs.with(LvsKeywords.PERSISTENCE_TIMEOUT, LvsValues.DEFAULT_PERSISTENCE_TIMEOUT);
            }
            sorryServerEnd();
        }

        private static void dropSorryOptions(List<Setting> kept) {
            kept.removeIf(s -> s.keyword() == LvsKeywords.SORRY_SERVER_INHIBIT || s.keyword() == LvsKeywords.SORRY_SERVER_LVS_METHOD);
        }

        /**
         * A real server as read (alloc_rs, its handlers and rs_end_handler): checks of its own
         * keywords and checkers, then its address family against the virtual server's.
         *
         * @param vsMethod the virtual server's lvs_method so far (the real server's default)
         */
        private Setting realServerEnd(Setting s, LvsMethod vsMethod) {
            Block rs = (Block) s.value();
            ServerAddress addr = rs.head();
            rs = new RealServer(rs, this).checkAsRead();
            LvsMethod method = rs.explicit(LvsKeywords.RS_LVS_METHOD).orElse(vsMethod);
            if (method == null || !method.method().equals("TUN")) {
                if (af == Af.UNSPEC) {
                    af = Af.of(addr.address());
                } else if (af != Af.of(addr.address())) {
                    d.warning(rs.pos(), "Address family of virtual server and real server " + Types.formatAddress(addr.address())
                            + " don't match - skipping real server");
                    return null;
                }
            }
            return s.withValue(rs);
        }

        /** vs_end_handler: the sorry server's family must be the virtual server's unless tunnelled. */
        private void sorryServerEnd() {
            Optional<ServerAddress> ss = vs.explicit(LvsKeywords.SORRY_SERVER);
            if (ss.isEmpty()) {
                return;
            }
            LvsMethod m = sorryMethod();
            if (m != null && m.method().equals("TUN")) {
                return;
            }
            if (af == Af.UNSPEC) {
                af = Af.of(ss.get().address());
            } else if (af != Af.of(ss.get().address())) {
                d.warning(vs.posOf(LvsKeywords.SORRY_SERVER), "Address family of virtual server and sorry server "
                        + Types.formatAddress(ss.get().address()) + " don't match - skipping sorry server");
                vs = vs.without(LvsKeywords.SORRY_SERVER).without(LvsKeywords.SORRY_SERVER_INHIBIT)
                        .without(LvsKeywords.SORRY_SERVER_LVS_METHOD);
            }
        }

        /** The sorry server's forwarding method: its own, else the virtual server's when sorry_server was read. */
        private LvsMethod sorryMethod() {
            Optional<LvsMethod> own = vs.explicit(LvsKeywords.SORRY_SERVER_LVS_METHOD);
            if (own.isPresent()) {
                return own.get();
            }
            LvsMethod m = null;
            for (Setting s : vs.settings()) {
                if (s.keyword() == LvsKeywords.LVS_METHOD) {
                    m = (LvsMethod) s.value();
                } else if (s.keyword() == LvsKeywords.SORRY_SERVER) {
                    break;
                }
            }
            return m;
        }

        // -- link_vsg_to_vs --

        private boolean linkGroup(Group g) {
            GroupInfo vsg = groups.get(g.name());
            if (vsg == null) {
                // keepalived only logs this
                d.lint(vs.pos(), "Virtual server group " + g.name() + " specified but not configured - ignoring virtual server " + name());
                return false;
            }
            Af vsgAf = vsg.haveIpv4() == vsg.haveIpv6() ? Af.UNSPEC : vsg.haveIpv4() ? Af.INET : Af.INET6;
            if (vsg.haveIpv4() && vsg.haveIpv6() && af != Af.UNSPEC) {
                d.lint(vs.pos(), g.name() + ": virtual server group with IPv4 & IPv6 doesn't match virtual server " + name() + " - ignoring");
                return false;
            }
            if (vsg.haveIpv4() && af == Af.INET6 || vsg.haveIpv6() && af == Af.INET) {
                d.lint(vs.pos(), g.name() + ": address family doesn't match virtual server " + name() + " - ignoring");
                return false;
            }
            if (vsgAf != Af.UNSPEC) {
                af = vsgAf;
            } else if (af == Af.UNSPEC && vsg.fwmarkNoFamily()) {
                d.lint(vs.pos(), g.name() + ": Virtual server " + name() + " address family cannot be determined, defaulting to IPv4");
            }
            return true;
        }

        // -- validate_check_config --

        private Block validate() {
            GroupInfo vsg = head instanceof Group g ? groups.get(g.name()) : null;
            List<Block> realServers = vs.blocks(LvsKeywords.REAL_SERVER_BLOCK);
            if (realServers.isEmpty()) {
                d.warning(vs.pos(), "Virtual server " + name() + " has no real servers - ignoring");
                return null;
            }
            if (vs.isSet(LvsKeywords.HA_SUSPEND) && (isFwmark() || vsg != null && vsg.hasFwmarks())) {
                d.warning(vs.posOf(LvsKeywords.HA_SUSPEND), "Virtual server " + name() + ": cannot use ha_suspend with fwmarks - clearing ha_suspend");
                vs = vs.without(LvsKeywords.HA_SUSPEND);
            }
            boolean byAddress = vsg != null ? vsg.hasAddresses() : !isFwmark();
            if (byAddress) {
                if (!vs.isSet(LvsKeywords.PROTOCOL)) {
                    d.warning(vs.pos(), "Virtual server " + name() + ": no protocol set - defaulting to UDP");
                    vs = vs.with(LvsKeywords.PROTOCOL, "UDP");
                }
                if (vs.isSet(LvsKeywords.OPS) && !vs.get(LvsKeywords.PROTOCOL).equals("UDP")) {
                    d.warning(vs.posOf(LvsKeywords.OPS), "Virtual server " + name() + ": one packet scheduling requires UDP - resetting");
                    vs = vs.without(LvsKeywords.OPS);
                }
                // (here a Fwmark head can only be "fwmark 0", which keepalived reads as no address and no port)
                boolean noPort = head instanceof Ip ip ? ip.port() == 0 : head instanceof Fwmark;
                if (!vs.isSet(LvsKeywords.PERSISTENCE_TIMEOUT) && noPort) {
                    d.warning(vs.pos(), "Virtual server " + name() + ": zero port only valid for persistent services - setting");
                    vs = vs.with(LvsKeywords.PERSISTENCE_TIMEOUT, LvsValues.DEFAULT_PERSISTENCE_TIMEOUT);
                }
            }
            if (!vs.isSet(LvsKeywords.PERSISTENCE_TIMEOUT) && vsg != null && vsg.addresses().stream().anyMatch(a -> a.port() == 0)) {
                d.warning(vs.pos(), "Virtual server " + name() + ": zero port only valid for persistent services - setting");
                vs = vs.with(LvsKeywords.PERSISTENCE_TIMEOUT, LvsValues.DEFAULT_PERSISTENCE_TIMEOUT);
            }
            if (vs.isSet(LvsKeywords.PROTOCOL) && (vsg != null ? !vsg.hasAddresses() && vsg.hasFwmarks() : isFwmark())) {
                d.warning(vs.posOf(LvsKeywords.PROTOCOL), "Warning: Virtual server " + name() + ": protocol specified for fwmark - protocol will be ignored");
                vs = vs.without(LvsKeywords.PROTOCOL);
            }
            if (!vs.isSet(LvsKeywords.LVS_SCHED)) {
                d.warning(vs.pos(), "Virtual server " + name() + ": no scheduler set, setting default '" + LvsValues.DEFAULT_SCHEDULER + "'");
                vs = vs.with(LvsKeywords.LVS_SCHED, LvsValues.DEFAULT_SCHEDULER);
            }
            Optional<Boolean> smtp = defaultSmtpAlert();
            if (!vs.isSet(LvsKeywords.SMTP_ALERT)) {
                vs = vs.with(LvsKeywords.SMTP_ALERT, smtp.orElse(false));
            }
            realServers();
            return vs;
        }

        /** global_defs smtp_alert_checker, else smtp_alert, if set (the default of smtp_alert here). */
        @SuppressWarnings("unchecked")
        private Optional<Boolean> defaultSmtpAlert() {
            // smtp_alert_checker is looked up by name: it belongs to the global_defs table
            if (GlobalKeywords.BLOCK.lookup("smtp_alert_checker") instanceof Keyword.Value<?> k) {
                Optional<Boolean> v = global.explicit((Keyword.Value<Boolean>) k);
                if (v.isPresent()) {
                    return v;
                }
            }
            return global.explicit(GlobalKeywords.SMTP_ALERT);
        }

        /** The real server loop of validate_check_config. */
        private void realServers() {
            List<Setting> kept = new ArrayList<>();
            List<ServerAddress> seen = new ArrayList<>();
            long weightSum = 0;
            LvsMethod methodSoFar = null;
            boolean natDefault = false;
            Boolean sorryInhibit = null;
            Optional<ServerAddress> sorry = vs.explicit(LvsKeywords.SORRY_SERVER);
            for (Setting s : vs.settings()) {
                if (s.keyword() == LvsKeywords.LVS_METHOD) {
                    methodSoFar = (LvsMethod) s.value();
                }
                if (s.keyword() != LvsKeywords.REAL_SERVER_BLOCK) {
                    kept.add(s);
                    continue;
                }
                Block rs = (Block) s.value();
                ServerAddress addr = rs.head();
                if (seen.contains(addr)) {
                    d.warning(rs.pos(), "VS " + name() + ": real server " + rsName(addr) + " is duplicated - removing second rs");
                    continue;
                }
                seen.add(addr);
                if (!rs.isSet(LvsKeywords.RS_LVS_METHOD)) {
                    LvsMethod m = methodSoFar;
                    if (m == null) {
                        m = vs.explicit(LvsKeywords.LVS_METHOD).orElse(null);
                    }
                    if (m == null) {
                        natDefault = noForwardingMethod(natDefault);
                        m = NAT;
                    }
                    rs = rs.with(LvsKeywords.RS_LVS_METHOD, m);
                }
                if (!rs.isSet(LvsKeywords.RS_WEIGHT)) {
                    rs = rs.with(LvsKeywords.RS_WEIGHT, vs.get(LvsKeywords.WEIGHT));
                }
                if (!rs.isSet(LvsKeywords.RS_INHIBIT_ON_FAILURE) && vs.isSet(LvsKeywords.INHIBIT_ON_FAILURE)) {
                    rs = rs.with(LvsKeywords.RS_INHIBIT_ON_FAILURE, true);
                }
                if (!rs.isSet(LvsKeywords.RS_ALPHA) && vs.isSet(LvsKeywords.ALPHA)) {
                    rs = rs.with(LvsKeywords.RS_ALPHA, true);
                }
                if (!rs.isSet(LvsKeywords.RS_SMTP_ALERT)) {
                    rs = rs.with(LvsKeywords.RS_SMTP_ALERT, defaultSmtpAlert().orElse(true));
                }
                weightSum += rs.get(LvsKeywords.RS_WEIGHT);
                if (sorry.isPresent() && sorry.get().equals(addr)) {
                    boolean rsInhibit = rs.get(LvsKeywords.RS_INHIBIT_ON_FAILURE) == Boolean.TRUE;
                    boolean ssInhibit = vs.isSet(LvsKeywords.SORRY_SERVER_INHIBIT);
                    if (rsInhibit != ssInhibit) {
                        d.warning(vs.posOf(LvsKeywords.SORRY_SERVER), "Virtual server " + name() + ": real server " + rsName(addr)
                                + " matches sorry server, but inhibit setting differs, " + (rsInhibit ? "setting" : "clearing") + " on sorry server");
                        sorryInhibit = rsInhibit;
                    }
                }
                kept.add(s.withValue(rs));
            }
            vs = Blocks.rebuild(vs, kept);
            if (sorry.isPresent() && sorryMethod() == null && !vs.isSet(LvsKeywords.LVS_METHOD)) {
                natDefault = noForwardingMethod(natDefault);
            }
            if (natDefault) {
                vs = vs.with(LvsKeywords.LVS_METHOD, NAT);
            }
            if (sorryInhibit != null) {
                vs = sorryInhibit ? vs.with(LvsKeywords.SORRY_SERVER_INHIBIT, true) : vs.without(LvsKeywords.SORRY_SERVER_INHIBIT);
            }
            long quorum = vs.get(LvsKeywords.QUORUM);
            if (quorum > weightSum) {
                d.warning(vs.posOf(LvsKeywords.QUORUM), "Warning - quorum " + quorum + " for " + name()
                        + " exceeds total weight of real servers " + weightSum + ", reducing quorum to " + weightSum);
                quorum = weightSum;
                vs = vs.with(LvsKeywords.QUORUM, quorum);
            }
            long hysteresis = vs.get(LvsKeywords.HYSTERESIS);
            if (hysteresis >= quorum) {
                // keepalived computes quorum - 1 as unsigned: with a quorum of 0 this is 4294967295
                long h = (quorum - 1) & LvsValues.UINT_MAX;
                d.warning(vs.posOf(LvsKeywords.HYSTERESIS), "Virtual server " + name() + ": hysteresis " + hysteresis
                        + " >= quorum " + quorum + "; setting hysteresis to " + h);
                vs = vs.with(LvsKeywords.HYSTERESIS, h);
            }
            ports();
            vs = Blocks.replaceEach(vs, LvsKeywords.REAL_SERVER_BLOCK, rs -> new RealServer(rs, this).inheritDefaults());
        }

        /** keepalived reports once that the virtual server has no lvs_method, and sets NAT. */
        private boolean noForwardingMethod(boolean reported) {
            if (!reported) {
                d.warning(vs.pos(), "Virtual server " + name() + ": no forwarding method set, setting default NAT");
            }
            return true;
        }

        /** The port rules at the end of validate_check_config: real/sorry server ports vs the service's. */
        private void ports() {
            GroupInfo vsg = head instanceof Group g ? groups.get(g.name()) : null;
            Optional<ServerAddress> sorry = vs.explicit(LvsKeywords.SORRY_SERVER);
            LvsMethod sm = sorry.isPresent() ? Optional.ofNullable(sorryMethod()).orElseGet(() -> vs.get(LvsKeywords.LVS_METHOD)) : null;
            boolean sorryNat = sm != null && sm.method().equals("NAT");
            SourcePos sorryPos = vs.posOf(LvsKeywords.SORRY_SERVER);
            if (vsg != null) {
                if (vsg.hasFwmarks()) {
                    for (Block rs : vs.blocks(LvsKeywords.REAL_SERVER_BLOCK)) {
                        ServerAddress a = rs.head();
                        if (!isNat(rs) && a.port() != 0) {
                            d.warning(rs.pos(), "WARNING - fwmark virtual server " + name() + ", real server " + rsName(a)
                                    + " has port specified - port will be ignored");
                        }
                    }
                    if (sorry.isPresent() && !sorryNat && sorry.get().port() != 0) {
                        d.warning(sorryPos, "WARNING - fwmark virtual server " + name() + ", sorry server has port specified - port will be ignored");
                    }
                }
                for (VsgAddress e : vsg.addresses()) {
                    for (Block rs : vs.blocks(LvsKeywords.REAL_SERVER_BLOCK)) {
                        ServerAddress a = rs.head();
                        if (!isNat(rs) && a.port() != 0 && a.port() != e.port()) {
                            d.warning(rs.pos(), "virtual server " + name() + ":[" + e + "] and real server " + rsName(a) + " ports don't match");
                        }
                    }
                    if (sorry.isPresent() && !sorryNat && sorry.get().port() != 0 && sorry.get().port() != e.port()) {
                        d.warning(sorryPos, "WARNING - virtual server " + name() + ", sorry server has port specified - port will be ignored");
                    }
                }
                return;
            }
            int vsPort = head instanceof Ip ip ? ip.port() : 0;
            vs = Blocks.replaceEach(vs, LvsKeywords.REAL_SERVER_BLOCK, rs -> {
                ServerAddress a = rs.head();
                if (isNat(rs)) {
                    return !isFwmark() && a.port() == 0 ? Blocks.withHead(rs, a.withPort(vsPort)) : rs;
                }
                if (isFwmark()) {
                    if (a.port() != 0) {
                        d.warning(rs.pos(), "WARNING - fwmark virtual server " + name() + ", real server " + rsName(a)
                                + " has port specified - clearing");
                        return Blocks.withHead(rs, a.withPort(0));
                    }
                    return rs;
                }
                if (a.port() == 0) {
                    return Blocks.withHead(rs, a.withPort(vsPort));
                }
                if (a.port() != vsPort) {
                    d.warning(rs.pos(), "WARNING - virtual server " + name() + " and real server " + rsName(a)
                            + " ports don't match - resetting");
                    return Blocks.withHead(rs, a.withPort(vsPort));
                }
                return rs;
            });
            if (sorry.isPresent() && !sorryNat) {
                ServerAddress a = sorry.get();
                if (isFwmark()) {
                    if (a.port() != 0) {
                        d.warning(sorryPos, "WARNING - virtual server " + name() + ", sorry server has port specified - clearing");
                        vs = vs.with(LvsKeywords.SORRY_SERVER, a.withPort(0));
                    }
                } else if (a.port() == 0) {
                    vs = vs.with(LvsKeywords.SORRY_SERVER, a.withPort(vsPort));
                } else if (a.port() != vsPort) {
                    d.warning(sorryPos, "WARNING - virtual server " + name() + " and sorry server ports don't match - resetting");
                    vs = vs.with(LvsKeywords.SORRY_SERVER, a.withPort(vsPort));
                }
            }
        }

        private static boolean isNat(Block rs) {
            return rs.explicit(LvsKeywords.RS_LVS_METHOD).map(m -> m.method().equals("NAT")).orElse(true);
        }
    }

    // ---- real_server and its checkers ---------------------------------------------------------------

    /** One real server: its own checks as read, then (after validation) the defaults for its checkers. */
    private static final class RealServer {
        private Block rs;
        private final VirtualServer vs;
        private final Diagnostics d;

        RealServer(Block rs, VirtualServer vs) {
            this.rs = rs;
            this.vs = vs;
            this.d = vs.d;
        }

        String name() {
            return vs.rsName(rs.head());
        }

        /** notify_up/down (first one counts) and each checker's end handler. */
        Block checkAsRead() {
            List<Setting> kept = new ArrayList<>();
            Set<Keyword<?>> scripts = new HashSet<>();
            boolean dynamicMisc = false;
            Set<String> monitoredBfds = new HashSet<>();
            for (Setting s : rs.settings()) {
                Keyword<?> k = s.keyword();
                if (k == LvsKeywords.RS_NOTIFY_UP || k == LvsKeywords.RS_NOTIFY_DOWN) {
                    if (!scripts.add(k)) {
                        d.warning(s.pos(), "(" + vs.name() + ") " + k.name() + " script already specified - ignoring "
                                + ((Script) s.value()).command());
                        continue;
                    }
                } else if (k == LvsKeywords.RS_MISC_CHECK && ((Block) s.value()).isSet(LvsKeywords.MISC_DYNAMIC)) {
                    Block misc = (Block) s.value();
                    if (dynamicMisc) {
                        d.warning(misc.posOf(LvsKeywords.MISC_DYNAMIC), "Warning - more than one dynamic misc checker per real server will cause problems");
                    }
                    dynamicMisc = true;
                }
                if (k instanceof Keyword.Block<?> && LvsKeywords.CHECKERS.contains(k)) {
                    Block checked = checker((Block) s.value(), monitoredBfds);
                    if (checked == null) {
                        continue;
                    }
                    s = s.withValue(checked);
                }
                kept.add(s);
            }
            return Blocks.rebuild(rs, kept);
        }

        /** A checker's handlers and end handler; null if keepalived drops the checker. */
        private Block checker(Block c, Set<String> monitoredBfds) {
            Common common = LvsKeywords.COMMON.get(c.spec());
            if (common != null && common.hasConnection()) {
                c = connection(c, common);
                if (c == null) {
                    return null;
                }
            }
            if (c.spec() == LvsKeywords.HTTP_GET || c.spec() == LvsKeywords.SSL_GET) {
                return httpGet(c, common);
            }
            if (c.spec() == LvsKeywords.MISC_CHECK) {
                return misc(c);
            }
            if (c.spec() == LvsKeywords.SMTP_CHECK) {
                return Blocks.replaceEach(c, LvsKeywords.SMTP_CHECK_HOST, h -> connection(h, LvsKeywords.SMTP_HOST_COMMON));
            }
            if (c.spec() == LvsKeywords.DNS_CHECK) {
                return Blocks.keepFirst(c, LvsKeywords.DNS_NAME, s -> d.warning(s.pos(), "DNS_CHECK name already specified - ignoring"));
            }
            if (c.spec() == LvsKeywords.UDP_CHECK) {
                int min = c.get(LvsKeywords.UDP_MIN_REPLY_LENGTH);
                int max = c.get(LvsKeywords.UDP_MAX_REPLY_LENGTH);
                if (min > max) {
                    d.warning(c.pos(), "UDP_CHECK min_reply length " + min + " > max_reply_length " + max + " - will always fail");
                }
                return c;
            }
            if (c.spec() == LvsKeywords.FILE_CHECK) {
                return fileCheck(c);
            }
            if (c.spec() == LvsKeywords.BFD_CHECK) {
                return bfdCheck(c, monitoredBfds);
            }
            return c;
        }

        /**
         * connect_ip and bindto must be of one family (whichever comes second is dropped), and
         * a link-local destination needs bind_if (check_conn_opts), else the checker is dropped.
         */
        private Block connection(Block c, Common k) {
            List<Setting> kept = new ArrayList<>();
            InetAddress dst = null;
            InetAddress src = null;
            for (Setting s : c.settings()) {
                if (s.keyword() == k.connectIp()) {
                    InetAddress a = (InetAddress) s.value();
                    if (src != null && (src instanceof Inet6Address) != (a instanceof Inet6Address)) {
                        d.warning(s.pos(), "connect_ip address " + Types.formatAddress(a) + " does not match address family of bindto - skipping");
                        dst = null;
                        kept.removeIf(x -> x.keyword() == k.connectIp());
                        continue;
                    }
                    dst = a;
                } else if (s.keyword() == k.bindto()) {
                    InetAddress a = (InetAddress) s.value();
                    if (dst != null && (dst instanceof Inet6Address) != (a instanceof Inet6Address)) {
                        d.warning(s.pos(), "bindto address " + Types.formatAddress(a) + " does not match address family of connect_ip - skipping");
                        src = null;
                        kept.removeIf(x -> x.keyword() == k.bindto());
                        continue;
                    }
                    src = a;
                }
                kept.add(s);
            }
            c = Blocks.rebuild(c, kept);
            InetAddress target = c.explicit(k.connectIp()).orElse(((ServerAddress) rs.head()).address());
            if (target instanceof Inet6Address six && six.isLinkLocalAddress() && !c.isSet(k.bindIf())) {
                d.warning(c.explicit(k.connectIp()).isPresent() ? c.posOf(k.connectIp()) : c.pos(),
                        "Checker link local address " + Types.formatAddress(target) + " requires a bind_if - ignoring the checker");
                return null;
            }
            return c;
        }

        private Block httpGet(Block c, Common common) {
            Keyword.Value<Long> nb = c.spec() == LvsKeywords.HTTP_GET ? LvsKeywords.HTTP_GET_NB_GET_RETRY : LvsKeywords.SSL_GET_NB_GET_RETRY;
            Keyword.Block<Void> urlKw = c.spec() == LvsKeywords.HTTP_GET ? LvsKeywords.HTTP_GET_URL : LvsKeywords.SSL_GET_URL;
            // nb_get_retry is retry under its old name: keep whichever was written last, as retry
            List<Setting> settings = new ArrayList<>();
            for (Setting s : c.settings()) {
                if (s.keyword() == nb) {
                    settings.removeIf(x -> x.keyword() == common.retry());
                    settings.add(new Setting(common.retry(), s.value(), s.pos(), "retry"));
                } else {
                    if (s.keyword() == common.retry()) {
                        settings.removeIf(x -> x.keyword() == common.retry());
                    }
                    settings.add(s);
                }
            }
            c = Blocks.rebuild(c, settings);
            c = Blocks.replaceEach(c, urlKw, this::url);
            if (c.blocks(urlKw).isEmpty()) {
                // keepalived 2.2.7 reports this and then crashes (exit 139) at -t
                d.warning(c.pos(), "HTTP/SSL_GET checker has no urls specified - ignoring");
                return null;
            }
            return c;
        }

        /** url_check: a url needs a path; default status codes; regex settings need a regex. */
        private Block url(Block u) {
            if (!u.isSet(LvsKeywords.URL_PATH)) {
                d.warning(u.pos(), "HTTP/SSL_GET checker url has no path - ignoring");
                return null;
            }
            u = Blocks.keepFirst(u, LvsKeywords.URL_DIGEST, s -> d.warning(s.pos(), "Digest '" + s.value() + "' is a duplicate - ignoring"));
            // status_code and regex_options lines add up: one setting holds them all
            u = Blocks.mergeLists(u, LvsKeywords.URL_STATUS_CODE);
            u = Blocks.mergeLists(u, LvsKeywords.URL_REGEX_OPTIONS);
            if (u.explicit(LvsKeywords.URL_STATUS_CODE).map(List::isEmpty).orElse(true)) {
                u = u.with(LvsKeywords.URL_STATUS_CODE, DEFAULT_STATUS_CODES);
            }
            boolean regex = u.explicit(LvsKeywords.URL_REGEX).map(r -> !r.isEmpty()).orElse(false);
            if (!regex) {
                u = u.without(LvsKeywords.URL_REGEX);
                boolean params = u.isSet(LvsKeywords.URL_REGEX_OPTIONS) || u.isSet(LvsKeywords.URL_REGEX_NO_MATCH)
                        || u.explicit(LvsKeywords.URL_REGEX_MIN_OFFSET).orElse(0L) != 0
                        || u.isSet(LvsKeywords.URL_REGEX_MAX_OFFSET) || u.isSet(LvsKeywords.URL_REGEX_STACK);
                if (params) {
                    d.lint(u.pos(), "regex parameters specified without regex - ignoring them");
                }
                return u.without(LvsKeywords.URL_REGEX_OPTIONS).without(LvsKeywords.URL_REGEX_NO_MATCH)
                        .without(LvsKeywords.URL_REGEX_MIN_OFFSET).without(LvsKeywords.URL_REGEX_MAX_OFFSET)
                        .without(LvsKeywords.URL_REGEX_STACK);
            }
            if (u.explicit(LvsKeywords.URL_REGEX_STACK).map(st -> st.max() == 0).orElse(false)) {
                u = u.without(LvsKeywords.URL_REGEX_STACK);
            }
            Optional<Long> max = u.explicit(LvsKeywords.URL_REGEX_MAX_OFFSET);
            long min = u.explicit(LvsKeywords.URL_REGEX_MIN_OFFSET).orElse(0L);
            if (max.isPresent() && min >= max.get() + 1) {
                d.lint(u.posOf(LvsKeywords.URL_REGEX_MAX_OFFSET), "regex min offset " + min + " > regex_max_offset " + max.get() + " - ignoring both");
                u = u.without(LvsKeywords.URL_REGEX_MIN_OFFSET).without(LvsKeywords.URL_REGEX_MAX_OFFSET);
            }
            return u;
        }

        private Block misc(Block c) {
            if (!c.isSet(LvsKeywords.MISC_PATH)) {
                d.warning(c.pos(), "No script path has been specified for MISC_CHECKER - skipping");
                return null;
            }
            Optional<LvsValues.MiscUser> user = c.explicit(LvsKeywords.MISC_USER);
            if (user.isPresent()) {
                boolean ok = vs.ctx.host().user(user.get().user()).isPresent()
                        && (user.get().group() == null || vs.ctx.host().groupExists(user.get().group()));
                if (!ok) {
                    d.warning(c.posOf(LvsKeywords.MISC_USER), "Failed to set uid/gid for misc checker script '"
                            + c.get(LvsKeywords.MISC_PATH).command() + "' - removing");
                    return null;
                }
            }
            return c;
        }

        private Block fileCheck(Block c) {
            Optional<String> tf = c.explicit(LvsKeywords.FILE_TRACK_FILE);
            if (tf.isPresent() && !vs.trackFiles.contains(tf.get())) {
                d.warning(c.posOf(LvsKeywords.FILE_TRACK_FILE), "track_file " + tf.get() + " not found");
                c = c.without(LvsKeywords.FILE_TRACK_FILE);
            }
            if (!c.isSet(LvsKeywords.FILE_TRACK_FILE)) {
                d.warning(c.pos(), "FILE_CHECK has no track_file specified - ignoring");
                return null;
            }
            return c;
        }

        private Block bfdCheck(Block c, Set<String> monitored) {
            Optional<String> name = c.explicit(LvsKeywords.BFD_NAME);
            if (name.isEmpty()) {
                d.warning(c.pos(), "(" + name() + ") No name has been specified for BFD_CHECKER - skipping");
                return null;
            }
            String n = name.get();
            SourcePos at = c.posOf(LvsKeywords.BFD_NAME);
            if (!vs.bfds.contains(n)) {
                d.warning(at, "(" + name() + ") BFD_CHECK - BFD " + n + " not configured - skipping checker");
                return null;
            }
            if (n.length() >= BFD_INAME_MAX) {
                d.warning(at, "(" + name() + ") BFD_CHECK - BFD name " + n + " too long - skipping checker");
                return null;
            }
            if (!monitored.add(n)) {
                d.warning(at, "(" + name() + ") BFD_CHECK - RS already monitoring " + n + " - skipping checker");
                return null;
            }
            return c;
        }

        /**
         * The defaults validate_check_config gives each checker: retry, connect_timeout,
         * delay_loop, warmup, delay_before_retry and alpha from the real server, which has them
         * from the virtual server, else the checker's own defaults.
         */
        Block inheritDefaults() {
            Block v = vs.vs;
            Optional<Long> retry = rs.explicit(LvsKeywords.RS_RETRY).or(() -> v.explicit(LvsKeywords.RETRY));
            Duration timeout = rs.explicit(LvsKeywords.RS_CONNECT_TIMEOUT).orElse(v.get(LvsKeywords.CONNECT_TIMEOUT));
            Duration delayLoop = rs.explicit(LvsKeywords.RS_DELAY_LOOP).orElse(v.get(LvsKeywords.DELAY_LOOP));
            Optional<Duration> warmup = rs.explicit(LvsKeywords.RS_WARMUP).or(() -> v.explicit(LvsKeywords.WARMUP));
            Optional<Duration> dbr = rs.explicit(LvsKeywords.RS_DELAY_BEFORE_RETRY).or(() -> v.explicit(LvsKeywords.DELAY_BEFORE_RETRY));
            boolean alpha = rs.explicit(LvsKeywords.RS_ALPHA).orElse(v.isSet(LvsKeywords.ALPHA));
            for (Keyword.Block<Void> kw : LvsKeywords.CHECKERS) {
                rs = Blocks.replaceEach(rs, kw, c -> {
                    Common k = LvsKeywords.COMMON.get(c.spec());
                    if (k == null) {
                        return c;
                    }
                    if (k.hasConnection() && !c.isSet(k.connectTimeout())) {
                        c = c.with(k.connectTimeout(), timeout);
                    }
                    if (!c.isSet(k.retry())) {
                        c = c.with(k.retry(), retry.orElse(k.defaultRetry()));
                    }
                    if (!c.isSet(k.delayLoop())) {
                        c = c.with(k.delayLoop(), delayLoop);
                    }
                    Duration loop = c.get(k.delayLoop());
                    if (!c.isSet(k.warmup())) {
                        c = c.with(k.warmup(), warmup.orElse(loop));
                    }
                    if (!c.isSet(k.delayBeforeRetry())) {
                        c = c.with(k.delayBeforeRetry(), dbr.orElse(k.defaultDelayBeforeRetry() != null ? k.defaultDelayBeforeRetry() : loop));
                    }
                    if (!c.isSet(k.alpha()) && alpha) {
                        c = c.with(k.alpha(), true);
                    }
                    return c;
                });
            }
            return rs;
        }
    }

    // ---- block surgery --------------------------------------------------------------------------------

    /** Copies of blocks with settings replaced, removed or reordered. */
    static final class Blocks {
        private Blocks() {
        }

        static Block rebuild(Block b, List<Setting> settings) {
            return b.withSettings(settings);
        }

        static Block withHead(Block b, Object head) {
            return b.withHead(head);
        }

        /** Each nested block of a keyword replaced by {@code f}'s result, or removed where it returns null. */
        static Block replaceEach(Block parent, Keyword.Block<?> keyword, Function<Block, Block> f) {
            List<Setting> out = new ArrayList<>();
            boolean changed = false;
            for (Setting s : parent.settings()) {
                if (s.keyword() != keyword) {
                    out.add(s);
                    continue;
                }
                Block b = (Block) s.value();
                Block nb = f.apply(b);
                if (nb != null) {
                    out.add(nb == b ? s : s.withValue(nb));
                }
                changed |= nb != b;
            }
            return changed ? rebuild(parent, out) : parent;
        }

        /** The occurrences of a keyword whose value is a list, as one setting (at the first) holding all their entries. */
        @SuppressWarnings("unchecked")
        static <E> Block mergeLists(Block b, Keyword.Value<List<E>> keyword) {
            List<Setting> out = new ArrayList<>();
            List<E> all = new ArrayList<>();
            int first = -1;
            for (Setting s : b.settings()) {
                if (s.keyword() != keyword) {
                    out.add(s);
                    continue;
                }
                for (E e : (List<E>) s.value()) {
                    if (!all.contains(e)) {
                        all.add(e);
                    }
                }
                if (first < 0) {
                    first = out.size();
                    out.add(s);
                }
            }
            if (first >= 0) {
                out.set(first, out.get(first).withValue(List.copyOf(all)));
            }
            return rebuild(b, out);
        }

        /** Keeps the first occurrence of a keyword, reporting each later one through {@code later}. */
        static Block keepFirst(Block b, Keyword<?> keyword, java.util.function.Consumer<Setting> later) {
            List<Setting> out = new ArrayList<>();
            boolean seen = false;
            for (Setting s : b.settings()) {
                if (s.keyword() == keyword) {
                    if (seen) {
                        later.accept(s);
                        continue;
                    }
                    seen = true;
                }
                out.add(s);
            }
            return rebuild(b, out);
        }
    }
}
