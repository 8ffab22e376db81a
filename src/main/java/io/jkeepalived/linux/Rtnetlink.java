package io.jkeepalived.linux;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Links and addresses through rtnetlink (rtnetlink(7)): what {@code ip link} and
 * {@code ip address} do, without running them.
 */
public final class Rtnetlink implements AutoCloseable {

    // message types
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_SETLINK = 19;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;

    // struct ifinfomsg attributes
    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINK = 5;
    public static final int IFLA_MASTER = 10;
    public static final int IFLA_OPERSTATE = 16;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int IFLA_MACVLAN_MODE = 1;
    public static final int MACVLAN_MODE_PRIVATE = 1;
    public static final int MACVLAN_MODE_BRIDGE = 4;

    // struct ifaddrmsg attributes and flags
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int IFA_CACHEINFO = 6;
    public static final int IFA_FLAGS = 8;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_HOMEADDRESS = 0x10;
    public static final int IFA_F_MANAGETEMPADDR = 0x100;
    public static final int IFA_F_NOPREFIXROUTE = 0x200;
    public static final int IFA_F_MCAUTOJOIN = 0x400;

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_NOARP = 0x80;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;

    /** IF_OPER_UP (RFC 2863 operational status), as IFLA_OPERSTATE reports it. */
    public static final int OPER_UP = 6;

    /** An interface as the kernel describes it. */
    public record Link(int index, String name, int flags, byte[] mac, int mtu, int operState, String kind, int parent) {
        /** Up and with carrier: what keepalived calls IF_FLAGS_UP (IFF_UP and IFF_RUNNING). */
        public boolean isUp() {
            return (flags & IFF_UP) != 0 && (flags & IFF_RUNNING) != 0;
        }
    }

    /** An address on an interface. */
    public record Address(int index, boolean ipv6, byte[] address, int prefix, int scope, int flags, String label) {
    }

    private final Netlink nl;
    private final NlMessage msg = new NlMessage(4096);
    private final NlAttrs attrs = new NlAttrs();

    public Rtnetlink() throws LinuxException {
        this.nl = Netlink.requests();
    }

    @Override
    public void close() {
        nl.close();
    }

    // ---- links ----

    public List<Link> links() throws LinuxException {
        List<Link> out = new ArrayList<>();
        msg.start(RTM_GETLINK, 0, nl.nextSequence()).u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0);
        nl.dump(msg, (type, flags, buf, payload, end) -> {
            if (type == RTM_NEWLINK) {
                out.add(parseLink(buf, payload, end, attrs));
            }
        }, "dump links");
        return out;
    }

    /** Parses the payload of an RTM_NEWLINK/RTM_DELLINK message. */
    public static Link parseLink(ByteBuffer buf, int payload, int end, NlAttrs attrs) {
        // struct ifinfomsg { u8 family; u8 pad; u16 type; i32 index; u32 flags; u32 change; }
        int index = buf.getInt(payload + 4);
        int flags = buf.getInt(payload + 8);
        attrs.parse(buf, payload + 16, end);
        String name = attrs.has(IFLA_IFNAME) ? attrs.string(IFLA_IFNAME) : "";
        byte[] mac = attrs.has(IFLA_ADDRESS) ? attrs.bytes(IFLA_ADDRESS) : new byte[0];
        int mtu = attrs.has(IFLA_MTU) ? attrs.u32(IFLA_MTU) : 0;
        int oper = attrs.has(IFLA_OPERSTATE) ? attrs.u8(IFLA_OPERSTATE) : 0;
        int parent = attrs.has(IFLA_LINK) ? attrs.u32(IFLA_LINK) : 0;
        String kind = "";
        if (attrs.has(IFLA_LINKINFO)) {
            int at = attrs.offset(IFLA_LINKINFO);
            int len = attrs.length(IFLA_LINKINFO);
            NlAttrs info = new NlAttrs().parse(buf, at, at + len);
            if (info.has(IFLA_INFO_KIND)) {
                kind = info.string(IFLA_INFO_KIND);
            }
        }
        return new Link(index, name, flags, mac, mtu, oper, kind, parent);
    }

    /** Brings an interface up or down (ip link set dev X up/down). */
    public void setUp(int index, boolean up) throws LinuxException {
        msg.start(RTM_NEWLINK, 0, nl.nextSequence()).u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(index)
                .u32(up ? IFF_UP : 0).u32(IFF_UP);
        nl.request(msg, "set link " + index + (up ? " up" : " down"));
    }

    /**
     * Creates a macvlan interface on {@code parent} with the MAC {@code mac} (a VRRP virtual MAC,
     * keepalived's use_vmac), in private or bridge mode.
     */
    public void createMacvlan(String name, int parent, byte[] mac, int mode) throws LinuxException {
        msg.start(RTM_NEWLINK, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, nl.nextSequence())
                .u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0)
                .attrString(IFLA_IFNAME, name)
                .attrU32(IFLA_LINK, parent)
                .attr(IFLA_ADDRESS, mac)
                .nestPlain(IFLA_LINKINFO)
                .attrString(IFLA_INFO_KIND, "macvlan")
                .nestPlain(IFLA_INFO_DATA)
                .attrU32(IFLA_MACVLAN_MODE, mode)
                .end()
                .end();
        nl.request(msg, "create macvlan " + name);
    }

    public static final int IFLA_AF_SPEC = 26;
    public static final int IFLA_INET6_ADDR_GEN_MODE = 8;
    public static final int IN6_ADDR_GEN_MODE_NONE = 1;

    /**
     * No automatic IPv6 link-local address on the interface (RFC 5798 7.4 for VMACs: the
     * kernel would derive one from the virtual MAC, which every router shares).
     */
    public void setAddrGenModeNone(int index) throws LinuxException {
        msg.start(RTM_NEWLINK, 0, nl.nextSequence()).u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(index).u32(0).u32(0)
                .nestPlain(IFLA_AF_SPEC)
                .nestPlain(Libc.AF_INET6)
                .attrU8(IFLA_INET6_ADDR_GEN_MODE, IN6_ADDR_GEN_MODE_NONE)
                .end()
                .end();
        nl.request(msg, "set addrgenmode none on " + index);
    }

    public static final int IFLA_NET_NS_FD = 28;
    public static final int VETH_INFO_PEER = 1;

    /** Creates a bridge (ip link add NAME type bridge). */
    public void createBridge(String name) throws LinuxException {
        msg.start(RTM_NEWLINK, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, nl.nextSequence())
                .u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0)
                .attrString(IFLA_IFNAME, name)
                .nestPlain(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "bridge").end();
        nl.request(msg, "create bridge " + name);
    }

    /**
     * Creates a veth pair {@code name} - {@code peer}, the peer in the network namespace open as
     * {@code peerNamespaceFd} (-1: this one); {@code mac} for {@code name} (null: random).
     */
    public void createVeth(String name, byte[] mac, String peer, int peerNamespaceFd) throws LinuxException {
        msg.start(RTM_NEWLINK, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, nl.nextSequence())
                .u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0)
                .attrString(IFLA_IFNAME, name);
        if (mac != null) {
            msg.attr(IFLA_ADDRESS, mac);
        }
        msg.nestPlain(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "veth")
                .nestPlain(IFLA_INFO_DATA)
                .nestPlain(VETH_INFO_PEER)
                .u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0)   // the peer's struct ifinfomsg
                .attrString(IFLA_IFNAME, peer);
        if (peerNamespaceFd >= 0) {
            msg.attrU32(IFLA_NET_NS_FD, peerNamespaceFd);
        }
        msg.end().end().end();
        nl.request(msg, "create veth " + name + " - " + peer);
    }

    /** Enslaves an interface to a bridge (ip link set X master BR); 0 releases it. */
    public void setMaster(int index, int master) throws LinuxException {
        msg.start(RTM_NEWLINK, 0, nl.nextSequence()).u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(index).u32(0).u32(0)
                .attrU32(IFLA_MASTER, master);
        nl.request(msg, "set master of " + index);
    }

    public void deleteLink(int index) throws LinuxException {
        msg.start(RTM_DELLINK, 0, nl.nextSequence()).u8(Libc.AF_UNSPEC).u8(0).u16(0).u32(index).u32(0).u32(0);
        nl.request(msg, "delete link " + index);
    }

    // ---- addresses ----

    public List<Address> addresses() throws LinuxException {
        List<Address> out = new ArrayList<>();
        msg.start(RTM_GETADDR, 0, nl.nextSequence()).u8(Libc.AF_UNSPEC).u8(0).u8(0).u8(0).u32(0);
        nl.dump(msg, (type, flags, buf, payload, end) -> {
            if (type == RTM_NEWADDR) {
                out.add(parseAddress(buf, payload, end, attrs));
            }
        }, "dump addresses");
        return out;
    }

    /** Parses the payload of an RTM_NEWADDR/RTM_DELADDR message. */
    public static Address parseAddress(ByteBuffer buf, int payload, int end, NlAttrs attrs) {
        // struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; }
        int family = buf.get(payload) & 0xff;
        int prefix = buf.get(payload + 1) & 0xff;
        int flags = buf.get(payload + 2) & 0xff;
        int scope = buf.get(payload + 3) & 0xff;
        int index = buf.getInt(payload + 4);
        attrs.parse(buf, payload + 8, end);
        byte[] address = attrs.has(IFA_LOCAL) ? attrs.bytes(IFA_LOCAL)
                : attrs.has(IFA_ADDRESS) ? attrs.bytes(IFA_ADDRESS) : new byte[0];
        if (attrs.has(IFA_FLAGS)) {
            flags = attrs.u32(IFA_FLAGS);
        }
        String label = attrs.has(IFA_LABEL) ? attrs.string(IFA_LABEL) : null;
        return new Address(index, family == Libc.AF_INET6, address, prefix, scope, flags, label);
    }

    /** What {@code ip address add} takes that keepalived uses. */
    public record AddressRequest(int index, byte[] address, int prefix, byte[] broadcast, int scope, String label,
                                 byte[] peer, int flags, long preferredLifetime) {
        /** A plain address: no broadcast, global scope, no label, no flags, forever. */
        public static AddressRequest of(int index, byte[] address, int prefix) {
            return new AddressRequest(index, address, prefix, null, 0, null, null, 0, -1);
        }
    }

    /** Adds an address; returns false if it was already there. */
    public boolean addAddress(AddressRequest r) throws LinuxException {
        boolean v6 = r.address().length == 16;
        msg.start(RTM_NEWADDR, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, nl.nextSequence())
                .u8(v6 ? Libc.AF_INET6 : Libc.AF_INET).u8(r.prefix()).u8(r.flags() & 0xff).u8(r.scope()).u32(r.index())
                .attr(IFA_LOCAL, r.address())
                .attr(IFA_ADDRESS, r.peer() != null ? r.peer() : r.address());
        if (!v6 && r.broadcast() != null) {
            msg.attr(IFA_BROADCAST, r.broadcast());
        }
        if (r.label() != null) {
            msg.attrString(IFA_LABEL, r.label());
        }
        if (r.flags() != 0) {
            msg.attrU32(IFA_FLAGS, r.flags());
        }
        if (v6 && r.preferredLifetime() >= 0) {
            // struct ifa_cacheinfo { u32 preferred; u32 valid; u32 cstamp; u32 tstamp; }
            msg.nestPlain(IFA_CACHEINFO).u32((int) r.preferredLifetime()).u32(-1).u32(0).u32(0).end();
        }
        try {
            nl.request(msg, "add address " + io.jkeepalived.vrrp.Addresses.format(r.address()) + "/" + r.prefix());
            return true;
        } catch (LinuxException e) {
            if (e.errno() == Libc.EEXIST) {
                return false;
            }
            throw e;
        }
    }

    /** Removes an address; returns false if it was not there. */
    public boolean deleteAddress(int index, byte[] address, int prefix) throws LinuxException {
        boolean v6 = address.length == 16;
        msg.start(RTM_DELADDR, 0, nl.nextSequence())
                .u8(v6 ? Libc.AF_INET6 : Libc.AF_INET).u8(prefix).u8(0).u8(0).u32(index)
                .attr(IFA_LOCAL, address);
        try {
            nl.request(msg, "delete address " + io.jkeepalived.vrrp.Addresses.format(address) + "/" + prefix);
            return true;
        } catch (LinuxException e) {
            if (e.errno() == Libc.EADDRNOTAVAIL || e.errno() == Libc.ENODEV || e.errno() == Libc.ENOENT) {
                return false;
            }
            throw e;
        }
    }
}
