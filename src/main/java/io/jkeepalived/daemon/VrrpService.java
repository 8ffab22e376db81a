package io.jkeepalived.daemon;

import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.linux.Announcer;
import io.jkeepalived.linux.Libc;
import io.jkeepalived.linux.LinuxException;
import io.jkeepalived.linux.Netlink;
import io.jkeepalived.linux.Rtnetlink;
import io.jkeepalived.linux.VrrpSocket;
import io.jkeepalived.vrrp.Action;
import io.jkeepalived.vrrp.Addresses;
import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import io.jkeepalived.vrrp.InstanceConfigs;
import io.jkeepalived.vrrp.ReceivedPacket;
import io.jkeepalived.vrrp.VrrpState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VRRP on a real host: the engine, driven by the {@link Reactor}, with its actions carried out
 * through the Linux edge (raw sockets, rtnetlink, packet socket). Everything here runs on the
 * reactor thread.
 */
public final class VrrpService implements Reactor.Timers {

    private static final Logger LOG = LoggerFactory.getLogger("Keepalived_vrrp");
    private static final long DROP_LOG_INTERVAL_NS = 1_000_000_000L;

    /** How the daemon was asked to behave (keepalived's -V, -X, -D). */
    public record Options(boolean releaseVipsOnStop, boolean logDetail) {
        public static final Options DEFAULT = new Options(true, false);
    }

    /**
     * Where an instance's adverts come from and go to: {@code ifname} is its configured
     * interface (whose state and addresses count), {@code vmac} its VMAC if use_vmac (where
     * its VIPs go and, unless vmac_xmit_base, its adverts).
     */
    private record Wiring(VrrpInstance model, VrrpSocket socket, String ifname, String vmac) {
        String vipDevice() {
            return vmac != null ? vmac : ifname;
        }
    }

    private final Vmacs vmacs = new Vmacs();
    /** The engine's socket key (the configured interface) of each socket, which may be bound to a VMAC. */
    private final Map<VrrpSocket, String> dispatchKeys = new HashMap<>();

    private KeepalivedConfig config;
    private final Reactor reactor;
    private final Options options;
    private final Interfaces interfaces = new Interfaces();
    private final Map<String, VrrpSocket> sockets = new LinkedHashMap<>();
    private final Map<Instance, Wiring> wiring = new HashMap<>();
    private final Map<String, Long> lastDropLog = new HashMap<>();
    private final ReceivedPacket packet = new ReceivedPacket();
    private Rtnetlink rtnetlink;
    private Netlink events;
    private Announcer announcer;
    private io.jkeepalived.linux.Routes routes;
    private Engine engine;
    private boolean stopping;

    public VrrpService(KeepalivedConfig config, Reactor reactor, Options options) {
        this.config = config;
        this.reactor = reactor;
        this.options = options;
    }

    public Engine engine() {
        return engine;
    }

    // ---- start ----

    /** Opens everything, removes leftover VIPs, starts the instances; on the reactor thread, before it loops. */
    public void start(long now) throws LinuxException {
        rtnetlink = new Rtnetlink();
        interfaces.load(rtnetlink);
        events = Netlink.events(Netlink.RTMGRP_LINK | Netlink.RTMGRP_IPV4_IFADDR | Netlink.RTMGRP_IPV6_IFADDR);
        reactor.register(events.fd(), this::onNetlink);
        announcer = new Announcer();
        routes = new io.jkeepalived.linux.Routes();
        startStatic();
        List<InstanceConfig> configs = InstanceConfigs.from(config);
        engine = new Engine(configs, InstanceConfigs.groups(config), InstanceConfigs.options(config), this::execute);
        for (VrrpInstance model : config.vrrpInstances()) {
            wire(engine.instance(model.name()), model, now);
            removeResidualAddresses(model);
        }
        reactor.addTimers(this);
        engine.start(now);
    }

    /** Gives an instance its socket and its interface's state. */
    private void wire(Instance instance, VrrpInstance model, long now) {
        String ifname = model.interfaceName().orElse("");
        String vmac = null;
        String socketIf = ifname;
        if (model.useVmac().isPresent() && !ifname.isEmpty()) {
            try {
                vmac = createVmac(instance, model, ifname);
                socketIf = model.vmacXmitBase() ? ifname : vmac;
            } catch (LinuxException e) {
                LOG.error("({}) cannot create VMAC interface: {}", model.name(), e.getMessage());
                engine.setFault(model.name(), "VMAC", true, now);
            }
        }
        VrrpSocket socket = null;
        try {
            socket = socketFor(instance.config(), socketIf, ifname);
        } catch (LinuxException e) {
            LOG.error("({}) cannot open VRRP socket on {}: {}", model.name(), socketIf.isEmpty() ? "any interface" : socketIf, e.getMessage());
            engine.setFault(model.name(), "socket", true, now);
        }
        wiring.put(instance, new Wiring(model, socket, ifname, vmac));
        refreshInterfaceState(instance, now);
    }

    private String createVmac(Instance instance, VrrpInstance model, String ifname) throws LinuxException {
        Rtnetlink.Link parent = interfaces.byName(ifname);
        if (parent == null) {
            throw new LinuxException("interface " + ifname, Libc.ENODEV);
        }
        boolean v6 = instance.config().ipv6();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Wiring w : wiring.values()) {
            if (w.vmac() != null) {
                taken.add(w.vmac());
            }
        }
        String name = Vmacs.name(model, v6, taken);
        byte[] linkLocal = v6 ? (instance.config().sourceAddress() != null ? instance.config().sourceAddress()
                : interfaces.linkLocalIpv6(ifname)) : null;
        vmacs.ensure(rtnetlink, interfaces, name, parent, Vmacs.mac(model, v6), v6, linkLocal);
        LOG.info("({}) using VMAC {}", model.name(), name);
        return name;
    }

    /**
     * A new, validated configuration (SIGHUP). Instances that are still the same virtual router
     * keep running without a transition; a master whose address list changed removes the
     * addresses that went and adds (and announces) the new ones; removed instances stop as at
     * shutdown, new ones start as at startup.
     */
    public void reload(KeepalivedConfig next, long now) {
        Map<String, VrrpInstance> before = new HashMap<>();
        for (Map.Entry<Instance, Wiring> e : wiring.entrySet()) {
            before.put(e.getKey().name(), e.getValue().model());
        }
        this.config = next;
        Engine.Reload r = engine.reload(InstanceConfigs.from(next), InstanceConfigs.groups(next), InstanceConfigs.options(next), now);
        for (Instance i : r.removed()) {
            wiring.remove(i);
        }
        for (Instance i : r.kept()) {
            VrrpInstance oldModel = before.get(i.name());
            VrrpInstance newModel = next.vrrpInstance(i.name()).orElseThrow();
            Wiring w = wiring.get(i);
            wiring.put(i, new Wiring(newModel, w.socket(), w.ifname(), w.vmac()));
            if (i.addressesInstalled()) {
                changeAddresses(i, oldModel, newModel);
            }
        }
        for (Instance i : r.added()) {
            wire(i, next.vrrpInstance(i.name()).orElseThrow(), now);
        }
        engine.startAdded(r, now);
        closeUnusedSockets();
        LOG.info("Reloaded: {} instance(s) kept, {} added, {} removed", r.kept().size(), r.added().size(), r.removed().size());
    }

    private void changeAddresses(Instance i, VrrpInstance oldModel, VrrpInstance newModel) {
        List<IpAddressSpec> oldAll = allAddresses(oldModel);
        List<IpAddressSpec> newAll = allAddresses(newModel);
        for (IpAddressSpec spec : oldAll) {
            if (!newAll.contains(spec)) {
                Rtnetlink.Link link = interfaces.byName(devOf(spec, oldModel));
                if (link != null) {
                    try {
                        rtnetlink.deleteAddress(link.index(), spec.address().getAddress(), spec.prefix());
                    } catch (LinuxException e) {
                        LOG.error("({}) cannot remove {}: {}", i.name(), Addresses.format(spec.address().getAddress()), e.getMessage());
                    }
                }
            }
        }
        List<IpAddressSpec> fresh = new ArrayList<>();
        for (IpAddressSpec spec : newAll) {
            if (!oldAll.contains(spec)) {
                fresh.add(spec);
            }
        }
        addAddresses(i, newModel, fresh);
        announce(i, newModel, fresh, i.config().garpMasterRepeat());
    }

    private void closeUnusedSockets() {
        java.util.Set<VrrpSocket> used = new java.util.HashSet<>();
        for (Wiring w : wiring.values()) {
            used.add(w.socket());
        }
        var it = sockets.entrySet().iterator();
        while (it.hasNext()) {
            VrrpSocket s = it.next().getValue();
            if (!used.contains(s)) {
                dispatchKeys.remove(s);
                reactor.unregister(s.receiveFd());
                s.close();
                it.remove();
            }
        }
    }

    private VrrpSocket socketFor(InstanceConfig c, String ifname, String dispatchKey) throws LinuxException {
        byte[] group = c.unicast() ? null : c.multicastGroup();
        byte[] unicastSource = c.unicast() ? c.sourceAddress() : null;
        String key = ifname + "/" + (c.ipv6() ? 6 : 4) + "/" + (group != null ? "m" + Addresses.format(group)
                : "u" + (unicastSource == null ? "" : Addresses.format(unicastSource)));
        VrrpSocket s = sockets.get(key);
        if (s == null) {
            VrrpSocket opened = new VrrpSocket(ifname, c.ipv6(), group, unicastSource);
            sockets.put(key, opened);
            dispatchKeys.put(opened, dispatchKey);
            reactor.register(opened.receiveFd(), now -> receive(opened, now));
            s = opened;
        }
        return s;
    }

    /**
     * keepalived removes, at start, the virtual addresses of its configuration found on the
     * host (left by a crash): a backup must not keep them.
     */
    private void removeResidualAddresses(VrrpInstance model) {
        for (IpAddressSpec spec : allAddresses(model)) {
            Rtnetlink.Link link = interfaces.byName(devOf(spec, model));
            if (link != null && interfaces.has(link.index(), spec.address().getAddress())) {
                try {
                    rtnetlink.deleteAddress(link.index(), spec.address().getAddress(), spec.prefix());
                    LOG.info("({}) removed leftover address {} from {}", model.name(), Addresses.format(spec.address().getAddress()),
                            link.name());
                } catch (LinuxException e) {
                    LOG.warn("({}) cannot remove leftover address: {}", model.name(), e.getMessage());
                }
            }
        }
    }

    private static List<IpAddressSpec> allAddresses(VrrpInstance model) {
        List<IpAddressSpec> all = new ArrayList<>(model.virtualIpAddresses());
        all.addAll(model.excludedAddresses());
        return all;
    }

    /**
     * The interface an address goes on: its dev; with use_vmac, an address of the instance's
     * family on the instance's own interface goes on the VMAC instead (keepalived's
     * vrrp_complete_instance).
     */
    private String devOf(IpAddressSpec spec, VrrpInstance model) {
        String ifname = model.interfaceName().orElse("");
        String dev = spec.dev() != null ? spec.dev() : ifname;
        if (!dev.equals(ifname)) {
            return dev;
        }
        for (Wiring w : wiring.values()) {
            if (w.model().name().equals(model.name()) && w.vmac() != null && spec.isIpv6() == model.isIpv6()) {
                return w.vmac();
            }
        }
        return dev;
    }

    // ---- interfaces ----

    private void onNetlink(long now) {
        boolean complete = events.readEvents((type, flags, buf, payload, end) ->
                interfaces.apply(type, buf, payload, end, new Interfaces.Listener() {
                    @Override
                    public void linkChanged(Rtnetlink.Link before, Rtnetlink.Link after) {
                        String name = after != null ? after.name() : before != null ? before.name() : "";
                        for (Instance i : engine.instances()) {
                            if (wiring.get(i).ifname().equals(name)) {
                                refreshInterfaceState(i, now);
                            }
                        }
                    }

                    @Override
                    public void addressesChanged(String ifname) {
                        for (Instance i : engine.instances()) {
                            if (wiring.get(i).ifname().equals(ifname)) {
                                refreshInterfaceState(i, now);
                            }
                        }
                    }
                }));
        if (!complete) {
            // the kernel dropped events: read the whole state again
            try {
                interfaces.load(rtnetlink);
                for (Instance i : engine.instances()) {
                    refreshInterfaceState(i, now);
                }
            } catch (LinuxException e) {
                LOG.error("cannot reload interfaces after lost netlink events: {}", e.getMessage());
            }
        }
    }

    /**
     * The instance's interface decides FAULT (down or missing) and, without a configured source,
     * the address adverts come from (its first IPv4 address, or its IPv6 link-local address).
     */
    private void refreshInterfaceState(Instance i, long now) {
        String ifname = wiring.get(i).ifname();
        if (ifname.isEmpty()) {
            return;
        }
        Rtnetlink.Link link = interfaces.byName(ifname);
        setFault(i, "interface " + ifname + " missing", link == null, now);
        setFault(i, "interface " + ifname + " down", link != null && !link.isUp(), now);
        if (i.config().sourceAddress() == null) {
            byte[] local = i.config().ipv6() ? interfaces.linkLocalIpv6(ifname) : interfaces.primaryIpv4(ifname);
            engine.setLocalAddress(i.name(), local);
            setFault(i, "no " + (i.config().ipv6() ? "IPv6 link-local" : "IPv4") + " address on " + ifname,
                    link != null && local == null, now);
        }
    }

    private void setFault(Instance i, String source, boolean failed, long now) {
        if (i.faults().contains(source) != failed) {
            if (failed) {
                LOG.info("({}) {}", i.name(), source);
            }
            engine.setFault(i.name(), source, failed, now);
        }
    }

    // ---- packets ----

    private void receive(VrrpSocket socket, long now) {
        int r;
        String key = dispatchKeys.get(socket);
        while ((r = socket.receive(packet, key)) >= 0) {
            engine.receive(packet, r == 1, now);
        }
    }

    @Override
    public boolean hasDeadline() {
        return engine.hasDeadline();
    }

    @Override
    public long nextDeadline(long now) {
        return engine.nextDeadline(now);
    }

    @Override
    public void fire(long now) {
        engine.onTimer(now);
    }

    // ---- actions ----

    private void execute(Action action) {
        switch (action) {
            case Action.SendAdvert a -> sendAdvert(a.instance(), a.priority());
            case Action.AddAddresses a -> addAddresses(a.instance());
            case Action.RemoveAddresses a -> removeAddresses(a.instance());
            case Action.Announce a -> announce(a.instance(), a.repeat());
            case Action.StateChanged a -> stateChanged(a);
            case Action.GroupStateChanged a -> LOG.info("VRRP_Group({}) Syncing instances to {} state", a.group().name(), a.to());
            case Action.PriorityChanged a -> LOG.info("({}) Changing effective priority from {} to {}", a.instance().name(), a.from(), a.to());
            case Action.MasterReceivedLowerPriority a -> LOG.info("({}) Received advert with lower priority {}, ours {}{}",
                    a.instance().name(), a.priority(), a.instance().effectivePriority(),
                    a.instance().config().lowerPrioNoAdvert() ? "" : ", forcing new election");
            case Action.Dropped a -> dropped(a);
            case Action.Notice a -> LOG.info("({}) {}", a.instance().name(), a.message());
        }
    }

    private void sendAdvert(Instance i, int priority) {
        Wiring w = wiring.get(i);
        if (w == null || w.socket() == null) {
            return;
        }
        InstanceConfig c = i.config();
        VrrpSocket s = w.socket();
        int hop = c.unicast() ? c.unicastTtl() : 255;
        byte[] source = c.ipv6() ? i.localAddress() : null;
        if (c.unicast()) {
            List<InstanceConfig.Peer> peers = c.peers();
            for (int k = 0; k < peers.size(); k++) {
                byte[] dst = peers.get(k).address();
                int n = i.writeAdvert(s.sendBuffer(), 0, priority, dst, k == 0);
                sendError(i, s.send(n, dst, source, hop), priority, dst);
            }
        } else {
            int n = i.writeAdvert(s.sendBuffer(), 0, priority, c.multicastGroup());
            sendError(i, s.send(n, c.multicastGroup(), source, hop), priority, c.multicastGroup());
        }
    }

    private void sendError(Instance i, int rc, int priority, byte[] dst) {
        // a priority 0 advert on an interface that is gone is expected (keepalived stays quiet too)
        if (rc < 0 && !(priority == 0 && -rc == Libc.ENETUNREACH)) {
            rateLimited(i.name() + "/send", "({}) cannot send advert to {}: {}", i.name(), Addresses.format(dst), Libc.strerror(-rc));
        }
    }

    private void addAddresses(Instance i) {
        VrrpInstance model = wiring.get(i).model();
        addAddresses(i, model, allAddresses(model));
        // keepalived's vrrp_state_become_master: addresses, then virtual routes, then virtual rules
        for (io.jkeepalived.config.value.RouteSpec r : model.virtualRoutes()) {
            try {
                routes.add(r, this::ifindex);
            } catch (LinuxException e) {
                LOG.error("({}) {}", i.name(), e.getMessage());
            }
        }
        for (io.jkeepalived.config.value.RuleSpec r : model.virtualRules()) {
            try {
                routes.add(r);
            } catch (LinuxException e) {
                LOG.error("({}) {}", i.name(), e.getMessage());
            }
        }
    }

    private int ifindex(String name) {
        Rtnetlink.Link l = interfaces.byName(name);
        return l == null ? 0 : l.index();
    }

    /** static_ipaddress, static_routes and static_rules: set at start, for as long as the daemon runs. */
    private void startStatic() {
        for (IpAddressSpec spec : config.staticAddresses()) {
            Rtnetlink.Link link = interfaces.byName(spec.dev() == null ? "" : spec.dev());
            if (link == null) {
                LOG.warn("static address {}: interface {} does not exist", Addresses.format(spec.address().getAddress()), spec.dev());
                continue;
            }
            try {
                rtnetlink.addAddress(request(spec, link.index()));
            } catch (LinuxException e) {
                LOG.error("static address: {}", e.getMessage());
            }
        }
        for (io.jkeepalived.config.value.RuleSpec r : config.staticRules()) {
            try {
                routes.delete(r);   // keepalived clears its static rules first on a fresh start
            } catch (LinuxException e) {
                // not there
            }
        }
        for (io.jkeepalived.config.value.RouteSpec r : config.staticRoutes()) {
            try {
                routes.add(r, this::ifindex);
            } catch (LinuxException e) {
                LOG.error("static route: {}", e.getMessage());
            }
        }
        for (io.jkeepalived.config.value.RuleSpec r : config.staticRules()) {
            try {
                routes.add(r);
            } catch (LinuxException e) {
                LOG.error("static rule: {}", e.getMessage());
            }
        }
    }

    private void stopStatic() {
        for (io.jkeepalived.config.value.RuleSpec r : config.staticRules()) {
            try {
                routes.delete(r);
            } catch (LinuxException e) {
                LOG.warn("static rule: {}", e.getMessage());
            }
        }
        for (io.jkeepalived.config.value.RouteSpec r : config.staticRoutes()) {
            try {
                routes.delete(r, this::ifindex);
            } catch (LinuxException e) {
                LOG.warn("static route: {}", e.getMessage());
            }
        }
        for (IpAddressSpec spec : config.staticAddresses()) {
            Rtnetlink.Link link = interfaces.byName(spec.dev() == null ? "" : spec.dev());
            if (link != null) {
                try {
                    rtnetlink.deleteAddress(link.index(), spec.address().getAddress(), spec.prefix());
                } catch (LinuxException e) {
                    LOG.warn("static address: {}", e.getMessage());
                }
            }
        }
    }

    private void addAddresses(Instance i, VrrpInstance model, List<IpAddressSpec> specs) {
        for (IpAddressSpec spec : specs) {
            Rtnetlink.Link link = interfaces.byName(devOf(spec, model));
            if (link == null) {
                LOG.warn("({}) not adding {}: interface {} does not exist", i.name(), Addresses.format(spec.address().getAddress()),
                        devOf(spec, model));
                continue;
            }
            try {
                rtnetlink.addAddress(request(spec, link.index()));
            } catch (LinuxException e) {
                LOG.error("({}) cannot add {}: {}", i.name(), Addresses.format(spec.address().getAddress()), e.getMessage());
            }
        }
    }

    /** keepalived's netlink_ipaddress: IPv6 without DAD unless -nodad, IPv4 broadcast from brd +/-. */
    static Rtnetlink.AddressRequest request(IpAddressSpec spec, int index) {
        byte[] address = spec.address().getAddress();
        int flags = 0;
        if (spec.isIpv6() && !spec.nodad()) {
            flags |= Rtnetlink.IFA_F_NODAD;
        }
        if (spec.home()) {
            flags |= Rtnetlink.IFA_F_HOMEADDRESS;
        }
        if (spec.mngtmpaddr()) {
            flags |= Rtnetlink.IFA_F_MANAGETEMPADDR;
        }
        if (spec.noprefixroute()) {
            flags |= Rtnetlink.IFA_F_NOPREFIXROUTE;
        }
        if (spec.autojoin()) {
            flags |= Rtnetlink.IFA_F_MCAUTOJOIN;
        }
        byte[] broadcast = null;
        if (!spec.isIpv6()) {
            if (spec.broadcast() != null) {
                broadcast = spec.broadcast().getAddress();
            } else if (spec.broadcastMode() != IpAddressSpec.BroadcastMode.NONE && spec.prefix() <= 30) {
                int base = toInt(spec.peer() != null ? spec.peer().getAddress() : address);
                int mask = spec.prefix() == 0 ? -1 : (1 << (32 - spec.prefix())) - 1;
                int b = spec.broadcastMode() == IpAddressSpec.BroadcastMode.SET_HOST_BITS ? base | mask : base & ~mask;
                broadcast = new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b};
            }
        }
        long preferred = spec.preferredLft() == null || spec.preferredLft() < 0 ? -1 : spec.preferredLft();
        return new Rtnetlink.AddressRequest(index, address, spec.prefix(), broadcast, spec.scope() == null ? 0 : spec.scope(),
                spec.label(), spec.peer() == null ? null : spec.peer().getAddress(), flags, preferred);
    }

    private static int toInt(byte[] a) {
        return (a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff);
    }

    private void removeAddresses(Instance i) {
        if (stopping && !options.releaseVipsOnStop()) {
            return;   // -V, --dont-release-vrrp
        }
        VrrpInstance model = wiring.get(i).model();
        // keepalived's vrrp_restore_interface: rules, then routes, then addresses
        for (io.jkeepalived.config.value.RuleSpec r : model.virtualRules()) {
            try {
                routes.delete(r);
            } catch (LinuxException e) {
                LOG.error("({}) {}", i.name(), e.getMessage());
            }
        }
        for (io.jkeepalived.config.value.RouteSpec r : model.virtualRoutes()) {
            try {
                routes.delete(r, this::ifindex);
            } catch (LinuxException e) {
                LOG.error("({}) {}", i.name(), e.getMessage());
            }
        }
        for (IpAddressSpec spec : allAddresses(model)) {
            Rtnetlink.Link link = interfaces.byName(devOf(spec, model));
            if (link == null) {
                continue;
            }
            try {
                rtnetlink.deleteAddress(link.index(), spec.address().getAddress(), spec.prefix());
            } catch (LinuxException e) {
                LOG.error("({}) cannot remove {}: {}", i.name(), Addresses.format(spec.address().getAddress()), e.getMessage());
            }
        }
    }

    private void announce(Instance i, int repeat) {
        VrrpInstance model = wiring.get(i).model();
        announce(i, model, allAddresses(model), repeat);
    }

    private void announce(Instance i, VrrpInstance model, List<IpAddressSpec> specs, int repeat) {
        for (IpAddressSpec spec : specs) {
            Rtnetlink.Link link = interfaces.byName(devOf(spec, model));
            if (link == null || link.mac().length != 6 || (link.flags() & Rtnetlink.IFF_NOARP) != 0) {
                continue;
            }
            byte[] address = spec.address().getAddress();
            if (options.logDetail()) {
                LOG.info("({}) Sending/queueing {} on {} for {}", i.name(), spec.isIpv6() ? "Unsolicited Neighbour Adverts"
                        : "gratuitous ARPs", link.name(), Addresses.format(address));
            }
            boolean router = spec.isIpv6() && forwarding(link.name());
            for (int r = 0; r < repeat; r++) {
                int rc = spec.isIpv6() ? announcer.unsolicitedNa(link.index(), link.mac(), address, router)
                        : announcer.garp(link.index(), link.mac(), address);
                if (rc < 0) {
                    rateLimited(i.name() + "/garp", "({}) cannot announce {} on {}: {}", i.name(), Addresses.format(address),
                            link.name(), Libc.strerror(-rc));
                    break;
                }
            }
        }
    }

    /** IPv6 forwarding on the interface: then neighbour adverts carry the router flag (keepalived). */
    private static boolean forwarding(String ifname) {
        try {
            return Files.readString(Path.of("/proc/sys/net/ipv6/conf", ifname, "forwarding")).strip().equals("1");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private void stateChanged(Action.StateChanged a) {
        String suffix = a.from() == VrrpState.INIT && a.to() != VrrpState.MASTER ? " (init)" : "";
        if (a.to() == VrrpState.STOP) {
            LOG.info("({}) Stopped", a.instance().name());
        } else {
            LOG.info("({}) Entering {} STATE{}", a.instance().name(), a.to(), suffix);
        }
    }

    private void dropped(Action.Dropped d) {
        if (d.reason() == io.jkeepalived.vrrp.DropReason.UNKNOWN_VRID
                && !Boolean.TRUE.equals(config.globalDefs().get(io.jkeepalived.config.schema.GlobalKeywords.LOG_UNKNOWN_VRIDS))) {
            return;   // counted; logged only with log_unknown_vrids, as keepalived
        }
        String who = d.instance() == null ? "" : "(" + d.instance().name() + ") ";
        rateLimited(who + d.reason(), "{}{}: {}", who, d.reason().text(), d.detail());
    }

    /** At most one line a second per key, with how many were not logged. */
    private final Map<String, Integer> suppressed = new HashMap<>();

    private void rateLimited(String key, String format, Object... args) {
        long now = System.nanoTime();
        Long last = lastDropLog.get(key);
        if (last != null && now - last < DROP_LOG_INTERVAL_NS) {
            suppressed.merge(key, 1, Integer::sum);
            return;
        }
        lastDropLog.put(key, now);
        Integer n = suppressed.remove(key);
        LOG.info(n == null ? format : format + " (and " + n + " more)", args);
    }

    // ---- stop ----

    /** Graceful stop: masters send priority 0 and remove their addresses (unless -V). */
    public void stop(long now) {
        stopping = true;
        engine.stop(now);
        if (options.releaseVipsOnStop()) {
            stopStatic();
        }
    }

    public void close() {
        for (VrrpSocket s : sockets.values()) {
            reactor.unregister(s.receiveFd());
            s.close();
        }
        sockets.clear();
        if (events != null) {
            reactor.unregister(events.fd());
            events.close();
        }
        if (announcer != null) {
            announcer.close();
        }
        if (routes != null) {
            routes.close();
        }
        if (rtnetlink != null) {
            vmacs.removeAll(rtnetlink);
            rtnetlink.close();
        }
    }
}
