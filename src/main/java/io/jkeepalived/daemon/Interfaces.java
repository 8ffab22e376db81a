package io.jkeepalived.daemon;

import io.jkeepalived.linux.LinuxException;
import io.jkeepalived.linux.NlAttrs;
import io.jkeepalived.linux.Rtnetlink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's interfaces and their addresses, as rtnetlink reports them: loaded with a dump,
 * then kept current by link and address events. Used on the reactor thread only.
 */
public final class Interfaces {

    /** What changed, for the listener. */
    public interface Listener {
        void linkChanged(Rtnetlink.Link before, Rtnetlink.Link after);

        void addressesChanged(String ifname);
    }

    private final Map<Integer, Rtnetlink.Link> links = new HashMap<>();
    private final Map<Integer, List<Rtnetlink.Address>> addresses = new HashMap<>();
    private final NlAttrs attrs = new NlAttrs();

    public void load(Rtnetlink rt) throws LinuxException {
        links.clear();
        addresses.clear();
        for (Rtnetlink.Link l : rt.links()) {
            links.put(l.index(), l);
        }
        for (Rtnetlink.Address a : rt.addresses()) {
            addresses.computeIfAbsent(a.index(), k -> new ArrayList<>()).add(a);
        }
    }

    public Rtnetlink.Link byName(String name) {
        for (Rtnetlink.Link l : links.values()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    public Rtnetlink.Link byIndex(int index) {
        return links.get(index);
    }

    public List<Rtnetlink.Address> addresses(int index) {
        return addresses.getOrDefault(index, List.of());
    }

    /** The interface's first IPv4 address (keepalived's ifp->sin_addr), or null. */
    public byte[] primaryIpv4(String name) {
        Rtnetlink.Link l = byName(name);
        if (l == null) {
            return null;
        }
        for (Rtnetlink.Address a : addresses(l.index())) {
            if (!a.ipv6() && (a.flags() & 0x01) == 0) {   // not IFA_F_SECONDARY
                return a.address();
            }
        }
        return null;
    }

    /** The interface's IPv6 link-local address (keepalived's ifp->sin6_addr), or null. */
    public byte[] linkLocalIpv6(String name) {
        Rtnetlink.Link l = byName(name);
        if (l == null) {
            return null;
        }
        for (Rtnetlink.Address a : addresses(l.index())) {
            if (a.ipv6() && (a.address()[0] & 0xff) == 0xfe && (a.address()[1] & 0xc0) == 0x80) {
                return a.address();
            }
        }
        return null;
    }

    /** Whether the address is configured on the interface. */
    public boolean has(int index, byte[] address) {
        for (Rtnetlink.Address a : addresses(index)) {
            if (java.util.Arrays.equals(a.address(), address)) {
                return true;
            }
        }
        return false;
    }

    /** Applies one rtnetlink event message (RTM_NEWLINK/DELLINK/NEWADDR/DELADDR). */
    public void apply(int type, ByteBuffer buf, int payload, int end, Listener listener) {
        switch (type) {
            case Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_DELLINK -> {
                Rtnetlink.Link l = Rtnetlink.parseLink(buf, payload, end, attrs);
                Rtnetlink.Link before = links.get(l.index());
                if (type == Rtnetlink.RTM_DELLINK) {
                    links.remove(l.index());
                    addresses.remove(l.index());
                    listener.linkChanged(before, null);
                } else {
                    // a link event may leave out the name: keep what we knew
                    if (l.name().isEmpty() && before != null) {
                        l = new Rtnetlink.Link(l.index(), before.name(), l.flags(), l.mac().length == 0 ? before.mac() : l.mac(),
                                l.mtu(), l.operState(), l.kind(), l.parent());
                    }
                    links.put(l.index(), l);
                    listener.linkChanged(before, l);
                }
            }
            case Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR -> {
                Rtnetlink.Address a = Rtnetlink.parseAddress(buf, payload, end, attrs);
                List<Rtnetlink.Address> list = addresses.computeIfAbsent(a.index(), k -> new ArrayList<>());
                list.removeIf(x -> java.util.Arrays.equals(x.address(), a.address()));
                if (type == Rtnetlink.RTM_NEWADDR) {
                    list.add(a);
                }
                Rtnetlink.Link l = links.get(a.index());
                if (l != null) {
                    listener.addressesChanged(l.name());
                }
            }
            default -> {
            }
        }
    }
}
