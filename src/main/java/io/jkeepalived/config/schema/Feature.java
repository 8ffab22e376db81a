package io.jkeepalived.config.schema;

/**
 * The areas of keepalived's functionality that keywords belong to, and whether jkeepalived runs
 * each one today. A keyword of an area that is not implemented is still parsed and validated,
 * and {@code -t} names it in a warning. When an area lands, its flag flips here.
 */
public enum Feature {
    /** Configuration language itself: include_check, random_seed, config_save_dir. */
    CONFIG(true, "configuration parsing"),
    /** VRRP election, adverts, VIPs, GARP/NA, unicast, sync groups. */
    VRRP(true, "VRRP"),
    /** VRRP options not built yet: GARP pacing and extra interfaces, per-address VMACs, VRFs, unicast_fault_no_peer. */
    VRRP_EXTRA(false, "VRRP option"),
    /** VMAC (macvlan) interfaces. */
    VRRP_VMAC(true, "VRRP virtual MAC (use_vmac)"),
    /** IPVLAN interfaces instead of VMACs. */
    VRRP_IPVLAN(false, "IPVLAN interfaces (use_ipvlan)"),
    /** virtual_routes, virtual_rules, static_routes, static_rules. */
    ROUTES(true, "routes and rules"),
    /** static_ipaddress and track_group. */
    STATIC_ADDRESSES(true, "static addresses"),
    /** vrrp_script, track_interface, track_file, vrrp_track_process. */
    TRACKING(false, "tracking (scripts, interfaces, files, processes)"),
    /** notify scripts and FIFOs. */
    NOTIFY(false, "notify scripts and FIFOs"),
    /** SMTP alerts. */
    SMTP(false, "email alerts"),
    /** The firewall integration used for no_accept and VMACs (nftables/iptables/ipsets). */
    FIREWALL(false, "firewall integration (nftables/iptables)"),
    /** IPVS virtual servers, real servers and their health checkers. */
    LVS(false, "LVS virtual servers and health checkers"),
    /** BFD instances and BFD tracking. */
    BFD(false, "BFD"),
    /** SNMP subagent. */
    SNMP(false, "SNMP"),
    /** DBus interface. */
    DBUS(false, "DBus"),
    /** Process names, priorities, CPU affinity, namespaces, pid files and such process plumbing. */
    PROCESS(false, "process settings"),
    /** Settings that tune keepalived's own implementation and have no meaning for jkeepalived. */
    NOT_APPLICABLE(true, "keepalived implementation detail");

    private final boolean implemented;
    private final String description;

    Feature(boolean implemented, String description) {
        this.implemented = implemented;
        this.description = description;
    }

    public boolean implemented() {
        return implemented;
    }

    public String description() {
        return description;
    }
}
