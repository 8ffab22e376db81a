package io.jkeepalived.bench;

import io.jkeepalived.vrrp.InstanceConfig;

/**
 * The kinds of virtual router the VRRP benchmarks and the steady-state allocation test run: one
 * per advert form the engine encodes and validates differently (RFC 3768 VRRPv2 with a PASS
 * password, RFC 5798 VRRPv3 over IPv4 with its pseudo-header checksum, VRRPv3 over IPv6),
 * each multicast and unicast. VRRPv2 is IPv4 only (RFC 3768).
 */
public enum VrrpVariant {

    V2_IPV4_PASS_1VIP(2, false, 0, 1),
    V2_IPV4_PASS_3VIP(2, false, 0, 3),
    V2_IPV4_UNICAST(2, false, 1, 1),
    V3_IPV4(3, false, 0, 1),
    V3_IPV4_UNICAST(3, false, 1, 1),
    /** Unicast to three peers: the master sends three datagrams per advert. */
    V3_IPV4_UNICAST_3PEERS(3, false, 3, 1),
    V3_IPV6(3, true, 0, 1),
    V3_IPV6_UNICAST(3, true, 1, 1);

    /** The router that is master in the steady state. */
    public static final String MASTER = "VI_MASTER";
    /** The router that is backup in the steady state. */
    public static final String BACKUP = "VI_BACKUP";
    public static final int MASTER_PRIORITY = 150;
    public static final int BACKUP_PRIORITY = 100;
    public static final int VRID = 51;

    private final int version;
    private final boolean ipv6;
    private final int peers;
    private final int vips;

    VrrpVariant(int version, boolean ipv6, int peers, int vips) {
        this.version = version;
        this.ipv6 = ipv6;
        this.peers = peers;
        this.vips = vips;
    }

    public int version() {
        return version;
    }

    public boolean ipv6() {
        return ipv6;
    }

    public boolean unicast() {
        return peers > 0;
    }

    /** Unicast peers of each router (0: multicast). */
    public int peers() {
        return peers;
    }

    /** The address of the master's (0), the backup's (1) or another peer's (2, 3, ...) interface. */
    public String routerAddress(int router) {
        return ipv6 ? "fe80::" + (router + 1) : "192.168.1." + (router + 1);
    }

    /** The master's configuration: priority 150, wanting MASTER from the start. */
    public InstanceConfig master() {
        return config(MASTER, MASTER_PRIORITY, 0).startAsMaster(true).build();
    }

    /** The backup's configuration: priority 100, preempting (keepalived's default). */
    public InstanceConfig backup() {
        return backupBuilder().build();
    }

    /** The backup's configuration, to change before building. */
    public InstanceConfig.Builder backupBuilder() {
        return config(BACKUP, BACKUP_PRIORITY, 1);
    }

    /** The backup with another priority (above the master's: a preempting backup that ignores it). */
    public InstanceConfig backup(int priority) {
        return config(BACKUP, priority, 1).build();
    }

    /**
     * keepalived's defaults apart from: the source address, the peers (unicast: the other router
     * first, then routers 2, 3, ...; with check_unicast_src, the longer receive path), and a
     * PASS password for VRRPv2.
     */
    private InstanceConfig.Builder config(String name, int priority, int router) {
        InstanceConfig.Builder b = InstanceConfig.builder(name, VRID).version(version).ipv6(ipv6).priority(priority)
                .sourceAddress(routerAddress(router));
        for (int v = 1; v <= vips; v++) {
            b.address(ipv6 ? "2001:db8::10" + v : "192.168.1.10" + v);
        }
        if (version == 2) {
            b.password("secret");
        }
        if (peers > 0) {
            b.peer(routerAddress(1 - router)).checkUnicastSource(true);
            for (int k = 2; k <= peers; k++) {
                b.peer(routerAddress(k));
            }
        }
        return b;
    }
}
