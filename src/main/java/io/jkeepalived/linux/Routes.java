package io.jkeepalived.linux;

import io.jkeepalived.config.value.RouteNexthop;
import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.RuleSpec;
import java.util.function.ToIntFunction;

/**
 * The routes and rules of virtual_routes / static_routes and virtual_rules / static_rules, added
 * and removed through rtnetlink exactly as keepalived 2.2.7 sends them (see {@link RouteMessage}
 * and {@link RuleMessage} for the requests and keepalived's defaults).
 *
 * <p>Interfaces are resolved through the function the caller passes (a name to its index, 0 or
 * less if there is none); a VRF's table is read from the kernel. Each request waits for the
 * kernel's answer; failures are thrown as {@link LinuxException} naming the route or rule and
 * the reason. Not thread-safe: one owner.
 */
public final class Routes implements AutoCloseable {

    private static final int EINVAL = 22;

    // IFLA_LINKINFO / IFLA_INFO_DATA of a VRF (linux/if_link.h)
    private static final int IFLA_VRF_TABLE = 1;

    private final Netlink nl;
    private final NlMessage msg = new NlMessage(8192);

    public Routes() throws LinuxException {
        this.nl = Netlink.requests();
    }

    @Override
    public void close() {
        nl.close();
    }

    // ---- routes ---------------------------------------------------------------------------

    /**
     * Adds a route ("add" refuses one to the same destination, "append" adds beside it,
     * "prepend" or nothing in front of it). Returns false if the kernel answers that it exists
     * (EEXIST), which keepalived takes as success without a word (netlink_parse_info): the route
     * counts as set, and keepalived deletes it when it goes.
     */
    public boolean add(RouteSpec r, ToIntFunction<String> ifindex) throws LinuxException {
        String what = "add route " + r;
        RouteMessage.Resolved ifs = resolve(r, ifindex, what);
        try {
            send(RouteMessage.Command.ADD, r, ifs, what);
            return true;
        } catch (LinuxException e) {
            if (e.errno() == Libc.EEXIST) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the route with the same key, or adds it: what keepalived does to a kept route on reload. */
    public void replace(RouteSpec r, ToIntFunction<String> ifindex) throws LinuxException {
        String what = "replace route " + r;
        send(RouteMessage.Command.REPLACE, r, resolve(r, ifindex, what), what);
    }

    /**
     * Deletes a route; returns false if it was not there (ESRCH), or if its interface or VRF is
     * gone (the kernel removed the route with it).
     */
    public boolean delete(RouteSpec r, ToIntFunction<String> ifindex) throws LinuxException {
        String what = "delete route " + r;
        RouteMessage.Resolved ifs;
        try {
            ifs = resolve(r, ifindex, what);
        } catch (LinuxException e) {
            if (e.errno() == Libc.ENODEV) {
                return false;
            }
            throw e;
        }
        try {
            send(RouteMessage.Command.DELETE, r, ifs, what);
            return true;
        } catch (LinuxException e) {
            if (e.errno() == Libc.ESRCH || e.errno() == Libc.ENOENT || e.errno() == Libc.ENODEV) {
                return false;
            }
            throw e;
        }
    }

    private void send(RouteMessage.Command cmd, RouteSpec r, RouteMessage.Resolved ifs, String what)
            throws LinuxException {
        RouteMessage.encode(msg, cmd, nl.nextSequence(), r, ifs);
        nl.request(msg, what);
    }

    /**
     * The indexes of dev and each next hop's dev, and the table: a VRF's if one is named (keepalived
     * sets the table from the VRF as it reads the line, so a "table" written after "vrf" wins there;
     * RouteSpec keeps no order, and the VRF wins here), else the table written, else main.
     */
    private RouteMessage.Resolved resolve(RouteSpec r, ToIntFunction<String> ifindex, String what)
            throws LinuxException {
        int oif = r.dev() != null ? index(r.dev(), ifindex, what) : 0;
        int[] nh = new int[r.nexthops().size()];
        for (int i = 0; i < nh.length; i++) {
            RouteNexthop hop = r.nexthops().get(i);
            nh[i] = hop.dev() != null ? index(hop.dev(), ifindex, what) : 0;
        }
        long table = r.vrf() != null ? vrfTable(r.vrf(), what)
                : r.table() != null ? r.table().value() : RouteMessage.RT_TABLE_MAIN;
        return new RouteMessage.Resolved(oif, nh, table);
    }

    private static int index(String name, ToIntFunction<String> ifindex, String what) throws LinuxException {
        int index = ifindex.applyAsInt(name);
        if (index <= 0) {
            throw new LinuxException(what + " (no interface " + name + ")", Libc.ENODEV);
        }
        return index;
    }

    /** The table of VRF {@code name} (IFLA_VRF_TABLE), as keepalived takes it for "vrf NAME". */
    private long vrfTable(String name, String what) throws LinuxException {
        long[] table = {-1};
        boolean[] found = {false};
        NlAttrs attrs = new NlAttrs();
        msg.start(Rtnetlink.RTM_GETLINK, 0, nl.nextSequence()).u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0);
        nl.dump(msg, (type, flags, buf, payload, end) -> {
            if (type != Rtnetlink.RTM_NEWLINK) {
                return;
            }
            attrs.parse(buf, payload + 16, end);
            if (!attrs.has(Rtnetlink.IFLA_IFNAME) || !attrs.string(Rtnetlink.IFLA_IFNAME).equals(name)) {
                return;
            }
            found[0] = true;
            if (attrs.has(Rtnetlink.IFLA_LINKINFO)) {
                int at = attrs.offset(Rtnetlink.IFLA_LINKINFO);
                NlAttrs info = new NlAttrs().parse(buf, at, at + attrs.length(Rtnetlink.IFLA_LINKINFO));
                if (info.has(Rtnetlink.IFLA_INFO_KIND) && info.string(Rtnetlink.IFLA_INFO_KIND).equals("vrf")
                        && info.has(Rtnetlink.IFLA_INFO_DATA)) {
                    int d = info.offset(Rtnetlink.IFLA_INFO_DATA);
                    NlAttrs data = new NlAttrs().parse(buf, d, d + info.length(Rtnetlink.IFLA_INFO_DATA));
                    if (data.has(IFLA_VRF_TABLE)) {
                        table[0] = data.u32(IFLA_VRF_TABLE) & 0xffff_ffffL;
                    }
                }
            }
        }, "dump links");
        if (!found[0]) {
            throw new LinuxException(what + " (no VRF " + name + ")", Libc.ENODEV);
        }
        if (table[0] < 0) {
            throw new LinuxException(what + " (" + name + " is not a VRF)", EINVAL);
        }
        return table[0];
    }

    // ---- rules ----------------------------------------------------------------------------

    /** Adds a rule; returns false if an identical one exists (EEXIST: keepalived adds with NLM_F_EXCL). */
    public boolean add(RuleSpec r) throws LinuxException {
        RuleMessage.encode(msg, false, nl.nextSequence(), r);
        try {
            nl.request(msg, "add rule " + r);
            return true;
        } catch (LinuxException e) {
            if (e.errno() == Libc.EEXIST) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes a rule; returns false if there was none matching it (ENOENT). */
    public boolean delete(RuleSpec r) throws LinuxException {
        RuleMessage.encode(msg, true, nl.nextSequence(), r);
        try {
            nl.request(msg, "delete rule " + r);
            return true;
        } catch (LinuxException e) {
            if (e.errno() == Libc.ENOENT) {
                return false;
            }
            throw e;
        }
    }
}
