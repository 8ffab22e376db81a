package io.jkeepalived.config.value;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Values of vrrp_instance keywords that have a shape of their own. */
public final class VrrpValues {

    private VrrpValues() {
    }

    /** {@code state MASTER|BACKUP}. */
    public enum State {
        MASTER, BACKUP
    }

    /**
     * keepalived does not reject an unknown state: it warns and uses BACKUP (vrrp_state_handler).
     */
    public static final ValueType<State> STATE = new ValueType<>() {
        @Override
        public State parse(Args args) {
            String w = args.word(0);
            args.ignoreAfter(1);
            return switch (w) {
                case "MASTER" -> State.MASTER;
                case "BACKUP" -> State.BACKUP;
                default -> {
                    args.warning("unknown state '" + w + "', defaulting to BACKUP");
                    yield State.BACKUP;
                }
            };
        }

        @Override
        public List<String> format(State value) {
            return List.of(value.name());
        }

        @Override
        public Object json(State value) {
            return value.name();
        }

        @Override
        public String syntax() {
            return "MASTER|BACKUP";
        }

        @Override
        public State sample(RandomGenerator random) {
            return random.nextBoolean() ? State.MASTER : State.BACKUP;
        }
    };

    /** {@code auth_type PASS|AH}. */
    public enum AuthType {
        PASS, AH
    }

    /** {@code old_unicast_checksum [never]}: use the pre-1.3.6 VRRPv3 unicast checksum, or never detect it. */
    public enum OldChecksum {
        /** Always send and accept the old checksum. */
        USE,
        /** Never fall back to the old checksum, even if a peer uses it. */
        NEVER
    }

    public static final ValueType<OldChecksum> OLD_CHECKSUM = new ValueType<>() {
        @Override
        public OldChecksum parse(Args args) {
            if (args.isEmpty()) {
                return OldChecksum.USE;
            }
            if (!args.word(0).equals("never")) {
                throw new ValueException("unknown old_unicast_checksum mode '" + args.word(0) + "'");
            }
            args.ignoreAfter(1);
            return OldChecksum.NEVER;
        }

        @Override
        public List<String> format(OldChecksum value) {
            return value == OldChecksum.NEVER ? List.of("never") : List.of();
        }

        @Override
        public Object json(OldChecksum value) {
            return value.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String syntax() {
            return "[never]";
        }

        @Override
        public OldChecksum sample(RandomGenerator random) {
            return random.nextBoolean() ? OldChecksum.USE : OldChecksum.NEVER;
        }
    };

    private static final Pattern MAC = Pattern.compile("\\p{XDigit}{1,2}(:\\p{XDigit}{1,2}){4,5}");

    /**
     * {@code use_vmac [NAME] [MAC]}: a macvlan with the VRRP virtual MAC; MAC may give 5 octets,
     * the VRID then being the sixth.
     *
     * @param ifname the macvlan's name, or null for keepalived's (vrrp.VRID)
     * @param mac    lower-case colon-separated octets, or null for 00:00:5e:00:01:VRID (02 for IPv6)
     */
    public record UseVmac(String ifname, String mac) {
    }

    public static final ValueType<UseVmac> USE_VMAC = new ValueType<>() {
        @Override
        public UseVmac parse(Args args) {
            String name = null;
            String mac = null;
            for (String w : args.words()) {
                if (mac == null && MAC.matcher(w).matches()) {
                    mac = normaliseMac(w);
                } else if (name == null && mac == null) {
                    if (w.length() > 15) {
                        throw new ValueException("interface name '" + w + "' is longer than 15 characters");
                    }
                    name = w;
                } else {
                    args.lint("extra word ignored: '" + w + "'");
                }
            }
            return new UseVmac(name, mac);
        }

        @Override
        public List<String> format(UseVmac v) {
            List<String> out = new ArrayList<>();
            if (v.ifname() != null) {
                out.add(Types.quote1(v.ifname()));
            }
            if (v.mac() != null) {
                out.add(v.mac());
            }
            return out;
        }

        @Override
        public Object json(UseVmac v) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("ifname", v.ifname());
            m.put("mac", v.mac());
            return m;
        }

        @Override
        public String syntax() {
            return "[<VMAC_INTERFACE_NAME>] [MAC_ADDRESS]";
        }

        @Override
        public UseVmac sample(RandomGenerator r) {
            return new UseVmac(r.nextBoolean() ? "vrrp." + r.nextInt(1, 256) : null,
                    r.nextInt(3) == 0 ? "00:00:5e:00:01" + (r.nextBoolean() ? ":0a" : "") : null);
        }
    };

    static String normaliseMac(String mac) {
        String[] parts = mac.split(":");
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(HexFormat.of().toHexDigits((byte) Integer.parseInt(p, 16)));
        }
        return String.join(":", out);
    }

    /** {@code use_ipvlan [NAME] [IPADDR[/MASK]] [bridge|private|vepa]}. */
    public record UseIpvlan(String ifname, InetAddress address, int prefix, String mode) {
    }

    public static final ValueType<UseIpvlan> USE_IPVLAN = new ValueType<>() {
        @Override
        public UseIpvlan parse(Args args) {
            String name = null;
            InetAddress address = null;
            int prefix = -1;
            String mode = null;
            for (String w : args.words()) {
                if (w.equals("bridge") || w.equals("private") || w.equals("vepa")) {
                    mode = w;
                } else if (address == null && looksLikeAddress(w)) {
                    Object[] ap = IpAddressSpec.addressAndPrefix(w);
                    address = (InetAddress) ap[0];
                    prefix = (int) ap[1];
                } else if (name == null && address == null) {
                    name = w;
                } else {
                    args.lint("extra word ignored: '" + w + "'");
                }
            }
            return new UseIpvlan(name, address, prefix, mode);
        }

        private static boolean looksLikeAddress(String w) {
            return w.indexOf(':') >= 0 || (!w.isEmpty() && Character.isDigit(w.charAt(0)) && w.indexOf('.') > 0);
        }

        @Override
        public List<String> format(UseIpvlan v) {
            List<String> out = new ArrayList<>();
            if (v.ifname() != null) {
                out.add(Types.quote1(v.ifname()));
            }
            if (v.address() != null) {
                out.add(Types.formatAddress(v.address()) + (v.prefix() < 0 ? "" : "/" + v.prefix()));
            }
            if (v.mode() != null) {
                out.add(v.mode());
            }
            return out;
        }

        @Override
        public Object json(UseIpvlan v) {
            return String.join(" ", format(v));
        }

        @Override
        public String syntax() {
            return "[<INTERFACE_NAME>] [IP_ADDRESS] [bridge|private|vepa]";
        }

        @Override
        public UseIpvlan sample(RandomGenerator r) {
            InetAddress a = r.nextBoolean() ? Types.sampleAddress(r, false) : null;
            return new UseIpvlan(r.nextBoolean() ? "ipvl" + r.nextInt(9) : null, a,
                    a != null && r.nextBoolean() ? r.nextInt(8, 33) : -1,
                    r.nextBoolean() ? new String[] {"bridge", "private", "vepa"}[r.nextInt(3)] : null);
        }
    };

    /**
     * {@code garp_extra_if [all] SECONDS}: periodic GARP/NA on the other interfaces of VIPs (VMACs
     * only, unless "all"); 0 turns it off, at most a day.
     */
    public record GarpExtraIf(boolean all, int intervalSeconds) {
    }

    public static final ValueType<GarpExtraIf> GARP_EXTRA_IF = new ValueType<>() {
        @Override
        public GarpExtraIf parse(Args args) {
            boolean all = false;
            int i = 0;
            if (args.word(0).equals("all")) {
                all = true;
                i = 1;
            }
            int seconds = Types.checkRange(args.word(i), 0, 86400);
            args.ignoreAfter(i + 1);
            return new GarpExtraIf(all, seconds);
        }

        @Override
        public List<String> format(GarpExtraIf v) {
            return v.all() ? List.of("all", Integer.toString(v.intervalSeconds())) : List.of(Integer.toString(v.intervalSeconds()));
        }

        @Override
        public Object json(GarpExtraIf v) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("all", v.all());
            m.put("interval", v.intervalSeconds());
            return m;
        }

        @Override
        public String syntax() {
            return "[all] <0..86400>";
        }

        @Override
        public GarpExtraIf sample(RandomGenerator r) {
            return new GarpExtraIf(r.nextBoolean(), r.nextInt(0, 86401));
        }
    };

    /** An IPv4 or IPv6 multicast address (mcast_dst_ip, vrrp_mcast_group4/6). */
    public static ValueType<InetAddress> multicast(Boolean ipv4Only) {
        return new ValueType<>() {
            @Override
            public InetAddress parse(Args args) {
                InetAddress a = Types.parseAddress(args.word(0));
                if (!a.isMulticastAddress()) {
                    throw new ValueException("'" + args.word(0) + "' is not a multicast address");
                }
                if (ipv4Only != null && ipv4Only != (a instanceof Inet4Address)) {
                    throw new ValueException("'" + args.word(0) + "' is not an IPv" + (ipv4Only ? "4" : "6") + " address");
                }
                args.ignoreAfter(1);
                return a;
            }

            @Override
            public List<String> format(InetAddress value) {
                return List.of(Types.formatAddress(value));
            }

            @Override
            public Object json(InetAddress value) {
                return Types.formatAddress(value);
            }

            @Override
            public String syntax() {
                return "<MULTICAST_IPADDR>";
            }

            @Override
            public InetAddress sample(RandomGenerator r) {
                boolean v4 = ipv4Only != null ? ipv4Only : r.nextBoolean();
                try {
                    return v4 ? InetAddress.getByAddress(new byte[] {(byte) 224, 0, 0, (byte) r.nextInt(1, 255)})
                            : InetAddress.getByAddress(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) r.nextInt(1, 255)});
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
