package io.jkeepalived.config.value;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress, with the options
 * of {@code ip address add} that keepalived takes (keepalived.conf(5)):
 * <pre>
 * IPADDR[/MASK] [brd IPADDR|+|-] [dev STRING] [use_vmac] [scope SCOPE] [label LABEL]
 *               [peer IPADDR[/MASK]] [home] [-nodad] [mngtmpaddr] [noprefixroute]
 *               [autojoin] [no_track] [track_group GROUP] [preferred_lft nn|forever]
 * </pre>
 *
 * @param prefix        the prefix length; without "/MASK", 32 or 128
 * @param broadcast     an explicit broadcast address, or null
 * @param broadcastMode {@code brd +} sets the host bits, {@code brd -} clears them, else NONE
 * @param dev           the interface, or null for the instance's (or default_interface)
 * @param scope         the address scope (0 global .. 255), or null for the default (global)
 * @param preferredLft  seconds; -1 for "forever"; null if not given
 */
public record IpAddressSpec(
        InetAddress address,
        int prefix,
        InetAddress broadcast,
        BroadcastMode broadcastMode,
        String dev,
        Integer scope,
        String label,
        InetAddress peer,
        int peerPrefix,
        boolean home,
        boolean nodad,
        boolean mngtmpaddr,
        boolean noprefixroute,
        boolean autojoin,
        boolean noTrack,
        boolean useVmac,
        String trackGroup,
        Long preferredLft) {

    public enum BroadcastMode { NONE, SET_HOST_BITS, CLEAR_HOST_BITS }

    /** The scope names of /etc/iproute2/rt_scopes. */
    public static final Map<String, Integer> SCOPES = Map.of(
            "global", 0, "site", 200, "link", 253, "host", 254, "nowhere", 255);

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** A plain address with no options (the form most configurations use). */
    public static IpAddressSpec of(InetAddress address) {
        return new IpAddressSpec(address, address instanceof Inet4Address ? 32 : 128, null, BroadcastMode.NONE,
                null, null, null, null, -1, false, false, false, false, false, false, false, null, null);
    }

    public IpAddressSpec withDev(String newDev) {
        return new IpAddressSpec(address, prefix, broadcast, broadcastMode, newDev, scope, label, peer, peerPrefix,
                home, nodad, mngtmpaddr, noprefixroute, autojoin, noTrack, useVmac, trackGroup, preferredLft);
    }

    public static String scopeName(int scope) {
        for (Map.Entry<String, Integer> e : SCOPES.entrySet()) {
            if (e.getValue() == scope) {
                return e.getKey();
            }
        }
        return Integer.toString(scope);
    }

    /** Reads "IPADDR[/MASK]" into an address and a prefix length (-1 if no mask was given). */
    static Object[] addressAndPrefix(String word) {
        int slash = word.indexOf('/');
        InetAddress a = Types.parseAddress(slash < 0 ? word : word.substring(0, slash));
        int max = a instanceof Inet4Address ? 32 : 128;
        int prefix = -1;
        if (slash >= 0) {
            String p = word.substring(slash + 1);
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 3 || Integer.parseInt(p) > max) {
                throw new ValueException("invalid prefix length in '" + word + "'");
            }
            prefix = Integer.parseInt(p);
        }
        return new Object[] {a, prefix};
    }

    /** The value type; {@code withTrackGroup} for static_ipaddress, {@code withUseVmac} for VIPs. */
    public static ValueType<IpAddressSpec> type(boolean withUseVmac, boolean withTrackGroup, boolean withNoTrack) {
        return new Type(withUseVmac, withTrackGroup, withNoTrack);
    }

    private record Type(boolean withUseVmac, boolean withTrackGroup, boolean withNoTrack) implements ValueType<IpAddressSpec> {

        @Override
        public IpAddressSpec parse(Args args) {
            Object[] ap = addressAndPrefix(args.word(0));
            InetAddress address = (InetAddress) ap[0];
            int max = address instanceof Inet4Address ? 32 : 128;
            int prefix = (int) ap[1] < 0 ? max : (int) ap[1];
            InetAddress broadcast = null;
            BroadcastMode mode = BroadcastMode.NONE;
            String dev = null;
            Integer scope = null;
            String label = null;
            InetAddress peer = null;
            int peerPrefix = -1;
            boolean home = false;
            boolean nodad = false;
            boolean mngtmpaddr = false;
            boolean noprefixroute = false;
            boolean autojoin = false;
            boolean noTrack = false;
            boolean useVmac = false;
            String trackGroup = null;
            Long preferredLft = null;
            List<String> w = args.words();
            for (int i = 1; i < w.size(); i++) {
                String option = w.get(i);
                switch (option) {
                    case "dev" -> dev = args.word(++i);
                    case "scope" -> scope = parseScope(args.word(++i));
                    case "brd", "broadcast" -> {
                        String b = args.word(++i);
                        if (b.equals("+")) {
                            mode = BroadcastMode.SET_HOST_BITS;
                        } else if (b.equals("-")) {
                            mode = BroadcastMode.CLEAR_HOST_BITS;
                        } else {
                            broadcast = Types.parseAddress(b);
                            if (!(broadcast instanceof Inet4Address) || !(address instanceof Inet4Address)) {
                                throw new ValueException("broadcast address " + b + " needs an IPv4 address");
                            }
                        }
                    }
                    case "label" -> label = args.word(++i);
                    case "peer" -> {
                        Object[] pp = addressAndPrefix(args.word(++i));
                        peer = (InetAddress) pp[0];
                        peerPrefix = (int) pp[1];
                        if (peer.getClass() != address.getClass()) {
                            throw new ValueException("peer " + w.get(i) + " is not of the address's family");
                        }
                    }
                    case "home" -> home = true;
                    case "-nodad", "nodad" -> nodad = true;
                    case "mngtmpaddr" -> mngtmpaddr = true;
                    case "noprefixroute" -> noprefixroute = true;
                    case "autojoin" -> autojoin = true;
                    case "no_track" -> {
                        if (withNoTrack) {
                            noTrack = true;
                        } else {
                            args.warning("'no_track' does not apply to " + args.keyword() + " - ignoring");
                        }
                    }
                    case "use_vmac" -> {
                        if (withUseVmac) {
                            useVmac = true;
                        } else {
                            args.warning("'use_vmac' does not apply to " + args.keyword() + " - ignoring");
                        }
                    }
                    case "track_group" -> {
                        String g = args.word(++i);
                        if (withTrackGroup) {
                            trackGroup = g;
                        } else {
                            args.warning("'track_group' only applies to static addresses - ignoring");
                        }
                    }
                    case "preferred_lft" -> {
                        String v = args.word(++i);
                        preferredLft = v.equals("forever") ? -1L : (long) Types.checkRange(v, 0, 0xffffffffL - 1);
                    }
                    default -> args.warning("unknown configuration entry '" + option + "' for ip address - ignoring");
                }
            }
            return new IpAddressSpec(address, prefix, broadcast, mode, dev, scope, label, peer, peerPrefix, home, nodad,
                    mngtmpaddr, noprefixroute, autojoin, noTrack, useVmac, trackGroup, preferredLft);
        }

        private static int parseScope(String word) {
            Integer s = SCOPES.get(word);
            if (s != null) {
                return s;
            }
            return Types.checkRange(word, 0, 255);
        }

        @Override
        public List<String> format(IpAddressSpec v) {
            List<String> out = new ArrayList<>();
            int max = v.address instanceof Inet4Address ? 32 : 128;
            out.add(Types.formatAddress(v.address) + (v.prefix == max ? "" : "/" + v.prefix));
            switch (v.broadcastMode) {
                case SET_HOST_BITS -> out.addAll(List.of("brd", "+"));
                case CLEAR_HOST_BITS -> out.addAll(List.of("brd", "-"));
                case NONE -> {
                    if (v.broadcast != null) {
                        out.addAll(List.of("brd", Types.formatAddress(v.broadcast)));
                    }
                }
            }
            if (v.dev != null) {
                out.addAll(List.of("dev", Types.quote1(v.dev)));
            }
            if (v.useVmac) {
                out.add("use_vmac");
            }
            if (v.scope != null) {
                out.addAll(List.of("scope", scopeName(v.scope)));
            }
            if (v.label != null) {
                out.addAll(List.of("label", Types.quote1(v.label)));
            }
            if (v.peer != null) {
                out.addAll(List.of("peer", Types.formatAddress(v.peer) + (v.peerPrefix < 0 ? "" : "/" + v.peerPrefix)));
            }
            if (v.home) {
                out.add("home");
            }
            if (v.nodad) {
                out.add("-nodad");
            }
            if (v.mngtmpaddr) {
                out.add("mngtmpaddr");
            }
            if (v.noprefixroute) {
                out.add("noprefixroute");
            }
            if (v.autojoin) {
                out.add("autojoin");
            }
            if (v.noTrack) {
                out.add("no_track");
            }
            if (v.trackGroup != null) {
                out.addAll(List.of("track_group", Types.quote1(v.trackGroup)));
            }
            if (v.preferredLft != null) {
                out.addAll(List.of("preferred_lft", v.preferredLft < 0 ? "forever" : v.preferredLft.toString()));
            }
            return out;
        }

        @Override
        public Object json(IpAddressSpec v) {
            return String.join(" ", format(v));
        }

        @Override
        public String syntax() {
            return "<IPADDR>[/<MASK>] [brd <IPADDR>] [dev <STRING>]" + (withUseVmac ? " [use_vmac]" : "")
                    + " [scope <SCOPE>] [label <LABEL>] [peer <IPADDR>] [home] [-nodad] [mngtmpaddr] [noprefixroute]"
                    + " [autojoin]" + (withNoTrack ? " [no_track]" : "") + (withTrackGroup ? " [track_group GROUP]" : "")
                    + " [preferred_lft nn|forever]";
        }

        @Override
        public IpAddressSpec sample(RandomGenerator r) {
            boolean v6 = r.nextInt(4) == 0;
            InetAddress a = Types.sampleAddress(r, v6);
            int max = v6 ? 128 : 32;
            String[] scopes = SCOPES.keySet().toArray(String[]::new);
            return new IpAddressSpec(a, r.nextBoolean() ? max : r.nextInt(8, max + 1),
                    !v6 && r.nextInt(5) == 0 ? Types.sampleAddress(r, false) : null,
                    BroadcastMode.NONE,
                    r.nextBoolean() ? "eth" + r.nextInt(3) : null,
                    r.nextInt(3) == 0 ? SCOPES.get(scopes[r.nextInt(scopes.length)]) : null,
                    r.nextInt(5) == 0 ? "eth0:" + r.nextInt(9) : null,
                    r.nextInt(8) == 0 ? Types.sampleAddress(r, v6) : null, -1,
                    r.nextInt(6) == 0, r.nextInt(6) == 0, r.nextInt(6) == 0, r.nextInt(6) == 0, r.nextInt(6) == 0,
                    withNoTrack && r.nextInt(6) == 0, withUseVmac && r.nextInt(6) == 0,
                    withTrackGroup && r.nextInt(4) == 0 ? "TG" + r.nextInt(3) : null,
                    r.nextInt(6) == 0 ? (r.nextBoolean() ? -1L : (long) r.nextInt(1000)) : null);
        }
    }
}
