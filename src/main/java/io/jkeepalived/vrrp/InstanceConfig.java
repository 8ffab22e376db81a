package io.jkeepalived.vrrp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the protocol engine needs to know about one vrrp_instance, with keepalived's effective
 * values already resolved (see {@link InstanceConfigs#from}): no defaults are applied here.
 * Addresses are raw network-order bytes (4 or 16), so the receive path compares them without
 * allocating. Build one with {@link #builder}.
 *
 * @param name the vrrp_instance name
 * @param socketKey what the edge tells packets apart by: the interface name ("" if none)
 * @param vrid virtual_router_id, 1..255
 * @param version 2 or 3
 * @param ipv6 the address family of the instance
 * @param advertIntervalNs advert_int: whole seconds for VRRPv2, centiseconds for VRRPv3
 * @param priority the configured (base) priority, 1..255
 * @param startAsMaster keepalived's wantstate MASTER at start (state MASTER, or priority 255)
 * @param preempt false with nopreempt
 * @param preemptDelayNs preempt_delay, 0 for none
 * @param addresses the virtual_ipaddress list as sent in adverts (family of the instance)
 * @param authType VRRPv2 auth type: {@link Advert#AUTH_NONE}, {@link Advert#AUTH_PASS}, {@link Advert#AUTH_AH}
 * @param authData the password, zero padded to 8 bytes (empty without authentication)
 * @param multicastGroup where multicast adverts go (null for unicast)
 * @param peers the unicast peers (empty for multicast)
 * @param checkUnicastSource drop unicast adverts from addresses that are not peers
 * @param sourceAddress mcast_src_ip / unicast_src_ip, or null: the interface's primary address
 * @param downTimerAdverts adverts missed before a backup takes over (3)
 * @param lowerPrioNoAdvert a master does not answer a lower priority advert
 * @param higherPrioSendAdvert a master answers a higher priority advert before giving up
 * @param skipCheckAdvertAddresses a backup checks the address list only when the master changes
 * @param garpMasterDelayNs delay of the second batch of announcements after becoming master (0: none)
 * @param garpMasterRepeat announcements per batch on becoming master
 * @param garpLowerPrioDelayNs delay of the second batch after a lower priority advert (0: none)
 * @param garpLowerPrioRepeat announcements per batch after a lower priority advert (0: none)
 * @param garpRefreshNs interval of refresh announcements while master (0: none)
 * @param garpRefreshRepeat announcements per refresh
 * @param unicastTtl TTL / hop limit of unicast adverts
 * @param oldUnicastChecksum keepalived's VRRPv3 unicast checksum compatibility
 * @param v3ChecksumAsV2 VRRPv3 IPv4 checksum without the pseudo-header (keepalived 2.2.8's option)
 */
public record InstanceConfig(
        String name,
        String socketKey,
        int vrid,
        int version,
        boolean ipv6,
        long advertIntervalNs,
        int priority,
        boolean startAsMaster,
        boolean preempt,
        long preemptDelayNs,
        List<byte[]> addresses,
        int authType,
        byte[] authData,
        byte[] multicastGroup,
        List<Peer> peers,
        boolean checkUnicastSource,
        byte[] sourceAddress,
        int downTimerAdverts,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        boolean skipCheckAdvertAddresses,
        long garpMasterDelayNs,
        int garpMasterRepeat,
        long garpLowerPrioDelayNs,
        int garpLowerPrioRepeat,
        long garpRefreshNs,
        int garpRefreshRepeat,
        int unicastTtl,
        OldUnicastChecksum oldUnicastChecksum,
        boolean v3ChecksumAsV2) {

    public static final int PRIORITY_OWNER = 255;
    public static final int PRIORITY_STOP = 0;
    public static final byte[] MCAST_GROUP4 = {(byte) 224, 0, 0, 18};
    public static final byte[] MCAST_GROUP6 = {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12};

    /** keepalived's handling of the VRRPv3 IPv4 unicast checksum of versions before 1.3.6. */
    public enum OldUnicastChecksum {
        /** The RFC checksum, switching to the old one if a peer is seen using it (keepalived's default). */
        AUTO,
        /** The RFC checksum, never switching. */
        NEVER,
        /** Always the old checksum (old_unicast_checksum). */
        ALWAYS
    }

    /** A unicast peer, with the TTL range its adverts must arrive with (0..255 if none given). */
    public record Peer(byte[] address, int minTtl, int maxTtl) {
        public Peer {
            address = address.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Peer p && Arrays.equals(address, p.address) && minTtl == p.minTtl && maxTtl == p.maxTtl;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(address) * 31 + minTtl * 7 + maxTtl;
        }

        @Override
        public String toString() {
            return Addresses.format(address) + (minTtl != 0 || maxTtl != 255 ? " ttl " + minTtl + "-" + maxTtl : "");
        }
    }

    public InstanceConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(socketKey);
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("vrid " + vrid);
        }
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version " + version);
        }
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("priority " + priority);
        }
        if (advertIntervalNs <= 0) {
            throw new IllegalArgumentException("advert interval " + advertIntervalNs);
        }
        int length = ipv6 ? 16 : 4;
        addresses = List.copyOf(addresses.stream().map(byte[]::clone).toList());
        for (byte[] a : addresses) {
            if (a.length != length) {
                throw new IllegalArgumentException("address of the wrong family in " + name);
            }
        }
        if (addresses.size() > Advert.MAX_ADDRESSES) {
            throw new IllegalArgumentException("more than 255 addresses in " + name);
        }
        authData = Arrays.copyOf(authData, Advert.AUTH_DATA_LENGTH);
        peers = List.copyOf(peers);
        multicastGroup = multicastGroup == null ? null : multicastGroup.clone();
        sourceAddress = sourceAddress == null ? null : sourceAddress.clone();
        if (peers.isEmpty() && multicastGroup == null) {
            throw new IllegalArgumentException(name + ": neither a multicast group nor unicast peers");
        }
        Objects.requireNonNull(oldUnicastChecksum);
    }

    public boolean unicast() {
        return !peers.isEmpty();
    }

    public boolean isAddressOwner() {
        return priority == PRIORITY_OWNER;
    }

    /** 4 or 16. */
    public int addressLength() {
        return ipv6 ? 16 : 4;
    }

    /** The advert interval in the advert's unit: seconds (v2) or centiseconds (v3). */
    public int advertIntervalField() {
        return (int) (version == 2 ? advertIntervalNs / 1_000_000_000L : advertIntervalNs / 10_000_000L);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceConfig c && name.equals(c.name) && socketKey.equals(c.socketKey) && vrid == c.vrid
                && version == c.version && ipv6 == c.ipv6 && advertIntervalNs == c.advertIntervalNs
                && priority == c.priority && startAsMaster == c.startAsMaster && preempt == c.preempt
                && preemptDelayNs == c.preemptDelayNs && sameAddresses(addresses, c.addresses)
                && authType == c.authType && Arrays.equals(authData, c.authData)
                && Arrays.equals(multicastGroup, c.multicastGroup) && peers.equals(c.peers)
                && checkUnicastSource == c.checkUnicastSource && Arrays.equals(sourceAddress, c.sourceAddress)
                && downTimerAdverts == c.downTimerAdverts && lowerPrioNoAdvert == c.lowerPrioNoAdvert
                && higherPrioSendAdvert == c.higherPrioSendAdvert && skipCheckAdvertAddresses == c.skipCheckAdvertAddresses
                && garpMasterDelayNs == c.garpMasterDelayNs && garpMasterRepeat == c.garpMasterRepeat
                && garpLowerPrioDelayNs == c.garpLowerPrioDelayNs && garpLowerPrioRepeat == c.garpLowerPrioRepeat
                && garpRefreshNs == c.garpRefreshNs && garpRefreshRepeat == c.garpRefreshRepeat
                && unicastTtl == c.unicastTtl && oldUnicastChecksum == c.oldUnicastChecksum
                && v3ChecksumAsV2 == c.v3ChecksumAsV2;
    }

    private static boolean sameAddresses(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, socketKey, vrid, version, ipv6, priority);
    }

    @Override
    public String toString() {
        return "InstanceConfig[" + name + " vrid " + vrid + " v" + version + (ipv6 ? " IPv6" : " IPv4") + " prio " + priority
                + " int " + advertIntervalNs / 1_000_000 + "ms" + (unicast() ? " unicast " + peers : "") + "]";
    }

    public static Builder builder(String name, int vrid) {
        return new Builder(name, vrid);
    }

    /** keepalived's defaults; for tests and the simulator. */
    public static final class Builder {
        private final String name;
        private final int vrid;
        private String socketKey = "eth0";
        private int version = 2;
        private boolean ipv6;
        private long advertIntervalNs = 1_000_000_000L;
        private int priority = 100;
        private Boolean startAsMaster;
        private boolean preempt = true;
        private long preemptDelayNs;
        private final List<byte[]> addresses = new ArrayList<>();
        private int authType = Advert.AUTH_NONE;
        private byte[] authData = new byte[0];
        private final List<Peer> peers = new ArrayList<>();
        private boolean checkUnicastSource;
        private byte[] sourceAddress;
        private int downTimerAdverts = 3;
        private boolean lowerPrioNoAdvert;
        private boolean higherPrioSendAdvert;
        private boolean skipCheckAdvertAddresses;
        private long garpMasterDelayNs = 5_000_000_000L;
        private int garpMasterRepeat = 5;
        private Long garpLowerPrioDelayNs;
        private Integer garpLowerPrioRepeat;
        private long garpRefreshNs;
        private int garpRefreshRepeat = 1;
        private int unicastTtl = 255;
        private OldUnicastChecksum oldUnicastChecksum = OldUnicastChecksum.AUTO;
        private boolean v3ChecksumAsV2;

        private Builder(String name, int vrid) {
            this.name = name;
            this.vrid = vrid;
        }

        public Builder socketKey(String key) {
            this.socketKey = key;
            return this;
        }

        public Builder version(int v) {
            this.version = v;
            return this;
        }

        public Builder ipv6(boolean v6) {
            this.ipv6 = v6;
            return this;
        }

        public Builder advertIntervalMillis(long millis) {
            this.advertIntervalNs = millis * 1_000_000L;
            return this;
        }

        public Builder advertIntervalNs(long ns) {
            this.advertIntervalNs = ns;
            return this;
        }

        public Builder priority(int p) {
            this.priority = p;
            return this;
        }

        public Builder startAsMaster(boolean master) {
            this.startAsMaster = master;
            return this;
        }

        public Builder preempt(boolean p) {
            this.preempt = p;
            return this;
        }

        public Builder preemptDelayNs(long ns) {
            this.preemptDelayNs = ns;
            return this;
        }

        public Builder address(String literal) {
            addresses.add(Addresses.parse(literal));
            return this;
        }

        public Builder address(byte[] a) {
            addresses.add(a.clone());
            return this;
        }

        public Builder password(String password) {
            this.authType = Advert.AUTH_PASS;
            this.authData = password.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            return this;
        }

        public Builder auth(int type, byte[] data) {
            this.authType = type;
            this.authData = data.clone();
            return this;
        }

        public Builder peer(String literal) {
            peers.add(new Peer(Addresses.parse(literal), 0, 255));
            return this;
        }

        public Builder peer(Peer p) {
            peers.add(p);
            return this;
        }

        public Builder checkUnicastSource(boolean check) {
            this.checkUnicastSource = check;
            return this;
        }

        public Builder sourceAddress(String literal) {
            this.sourceAddress = literal == null ? null : Addresses.parse(literal);
            return this;
        }

        public Builder downTimerAdverts(int n) {
            this.downTimerAdverts = n;
            return this;
        }

        public Builder lowerPrioNoAdvert(boolean b) {
            this.lowerPrioNoAdvert = b;
            return this;
        }

        public Builder higherPrioSendAdvert(boolean b) {
            this.higherPrioSendAdvert = b;
            return this;
        }

        public Builder skipCheckAdvertAddresses(boolean b) {
            this.skipCheckAdvertAddresses = b;
            return this;
        }

        public Builder garpMaster(long delayNs, int repeat) {
            this.garpMasterDelayNs = delayNs;
            this.garpMasterRepeat = repeat;
            return this;
        }

        public Builder garpLowerPrio(long delayNs, int repeat) {
            this.garpLowerPrioDelayNs = delayNs;
            this.garpLowerPrioRepeat = repeat;
            return this;
        }

        public Builder garpRefresh(long intervalNs, int repeat) {
            this.garpRefreshNs = intervalNs;
            this.garpRefreshRepeat = repeat;
            return this;
        }

        public Builder unicastTtl(int ttl) {
            this.unicastTtl = ttl;
            return this;
        }

        public Builder oldUnicastChecksum(OldUnicastChecksum mode) {
            this.oldUnicastChecksum = mode;
            return this;
        }

        public Builder v3ChecksumAsV2(boolean b) {
            this.v3ChecksumAsV2 = b;
            return this;
        }

        public InstanceConfig build() {
            byte[] group = peers.isEmpty() ? (ipv6 ? MCAST_GROUP6 : MCAST_GROUP4) : null;
            return new InstanceConfig(name, socketKey, vrid, version, ipv6, advertIntervalNs, priority,
                    startAsMaster != null ? startAsMaster : priority == PRIORITY_OWNER, preempt, preemptDelayNs, addresses,
                    authType, authData, group, peers, checkUnicastSource, sourceAddress, downTimerAdverts,
                    lowerPrioNoAdvert, higherPrioSendAdvert, skipCheckAdvertAddresses, garpMasterDelayNs, garpMasterRepeat,
                    garpLowerPrioDelayNs != null ? garpLowerPrioDelayNs : garpMasterDelayNs,
                    garpLowerPrioRepeat != null ? garpLowerPrioRepeat : garpMasterRepeat,
                    garpRefreshNs, garpRefreshRepeat, unicastTtl, oldUnicastChecksum, v3ChecksumAsV2);
        }
    }
}
