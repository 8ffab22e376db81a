package io.jkeepalived.sim;

import io.jkeepalived.vrrp.InstanceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A vrrp_instance block for scenarios, written the way keepalived.conf reads: each keyword
 * returns a new block, so a shared block can be specialised per router.
 *
 * <pre>
 *   Vrrp vi1 = vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").authPass("1111");
 *   router("lb1", "10.0.0.1", vi1.stateMaster().priority(150));
 *   router("lb2", "10.0.0.2", vi1.priority(100));
 * </pre>
 */
public final class Vrrp {

    private final String name;
    private final int vrid;
    private final List<UnaryOperator<InstanceConfig.Builder>> keywords;

    private Vrrp(String name, int vrid, List<UnaryOperator<InstanceConfig.Builder>> keywords) {
        this.name = name;
        this.vrid = vrid;
        this.keywords = List.copyOf(keywords);
    }

    /** {@code vrrp_instance NAME { virtual_router_id VRID }} with keepalived's defaults (interface eth0). */
    public static Vrrp vrrpInstance(String name, int vrid) {
        return new Vrrp(name, vrid, List.of());
    }

    public String name() {
        return name;
    }

    /** Any builder setting not covered by a keyword method here. */
    public Vrrp with(UnaryOperator<InstanceConfig.Builder> keyword) {
        List<UnaryOperator<InstanceConfig.Builder>> more = new ArrayList<>(keywords);
        more.add(keyword);
        return new Vrrp(name, vrid, more);
    }

    public Vrrp stateMaster() {
        return with(b -> b.startAsMaster(true));
    }

    public Vrrp stateBackup() {
        return with(b -> b.startAsMaster(false));
    }

    public Vrrp priority(int p) {
        return with(b -> b.priority(p));
    }

    public Vrrp nopreempt() {
        return with(b -> b.preempt(false));
    }

    public Vrrp preemptDelay(long ns) {
        return with(b -> b.preemptDelayNs(ns));
    }

    public Vrrp advertInt(long ns) {
        return with(b -> b.advertIntervalNs(ns));
    }

    public Vrrp version(int v) {
        return with(b -> b.version(v));
    }

    public Vrrp ipv6() {
        return with(b -> b.ipv6(true));
    }

    public Vrrp iface(String ifname) {
        return with(b -> b.socketKey(ifname));
    }

    public Vrrp authPass(String password) {
        return with(b -> b.password(password));
    }

    public Vrrp virtualIpaddress(String... addresses) {
        return with(b -> {
            for (String a : addresses) {
                b.address(a);
            }
            return b;
        });
    }

    public Vrrp unicastSrcIp(String address) {
        return with(b -> b.sourceAddress(address));
    }

    public Vrrp unicastPeer(String... peers) {
        return with(b -> {
            for (String p : peers) {
                b.peer(p);
            }
            return b;
        });
    }

    public InstanceConfig build() {
        InstanceConfig.Builder b = InstanceConfig.builder(name, vrid);
        for (UnaryOperator<InstanceConfig.Builder> k : keywords) {
            b = k.apply(b);
        }
        return b.build();
    }
}
