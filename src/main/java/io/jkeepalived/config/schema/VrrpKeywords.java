package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.RuleSpec;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.TrackRef;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.UnicastPeer;
import io.jkeepalived.config.value.VrrpValues;
import io.jkeepalived.config.value.VrrpValues.AuthType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The keywords of vrrp_instance, its authentication block, vrrp_sync_group and garp_group
 * (keepalived.conf(5), "VRRP instance(s)", "VRRP synchronization group(s)", "VRRP gratuitous ARP
 * and unsolicited neighbour advert delay group(s)"). Ranges are those keepalived 2.2.7 enforces.
 * Defaults that depend on global_defs or on other keywords are filled in by validation.
 */
public final class VrrpKeywords {

    private VrrpKeywords() {
    }

    // ---- authentication { } ----------------------------------------------------------------------

    public static final BlockSpec AUTHENTICATION = new BlockSpec("authentication", Feature.VRRP);

    public static final Keyword.Value<AuthType> AUTH_TYPE = AUTHENTICATION
            .value("auth_type", Types.choice(AuthType.class, Enum::name))
            .readsParameterBlindly()
            .doc("PASS (simple password, RFC 2338) or AH (IPsec AH); VRRPv2 only");
    public static final Keyword.Value<String> AUTH_PASS = AUTHENTICATION
            .value("auth_pass", Types.string())
            .readsParameterBlindly()
            .doc("the password; only the first 8 characters are used");

    // ---- vrrp_instance NAME { } --------------------------------------------------------------------

    public static final BlockSpec INSTANCE = new BlockSpec("vrrp_instance", Feature.VRRP);

    public static final Keyword.Value<VrrpValues.State> STATE = INSTANCE
            .value("state", VrrpValues.STATE)
            .readsParameterBlindly()
            .doc("initial state; MASTER only takes over at once if priority is 255");
    public static final Keyword.Value<String> INTERFACE = INSTANCE
            .value("interface", Types.string())
            .readsParameterBlindly()
            .doc("the interface VRRP runs on (may be omitted with unicast)");
    public static final Keyword.Value<String> VRF = INSTANCE
            .value("vrf", Types.string()).feature(Feature.VRRP_EXTRA)
            .readsParameterBlindly()
            .doc("VRF to run in when using unicast without an interface");
    public static final Keyword.Value<VrrpValues.UseVmac> USE_VMAC = INSTANCE
            .value("use_vmac", VrrpValues.USE_VMAC).feature(Feature.VRRP_VMAC)
            .doc("run on a macvlan with the VRRP virtual MAC 00:00:5e:00:01:VRID");
    public static final Keyword.Value<Boolean> USE_VMAC_ADDR = INSTANCE
            .value("use_vmac_addr", Types.flag()).feature(Feature.VRRP_EXTRA)
            .doc("also create VMACs on the other interfaces of VIPs");
    public static final Keyword.Value<Boolean> VMAC_XMIT_BASE = INSTANCE
            .value("vmac_xmit_base", Types.flag()).feature(Feature.VRRP_VMAC)
            .doc("send and receive adverts on the base interface, not the VMAC");
    public static final Keyword.Value<VrrpValues.UseIpvlan> USE_IPVLAN = INSTANCE
            .value("use_ipvlan", VrrpValues.USE_IPVLAN).feature(Feature.VRRP_IPVLAN)
            .doc("run on an L2 ipvlan interface");
    public static final Keyword.Value<Boolean> NATIVE_IPV6 = INSTANCE
            .value("native_ipv6", Types.flag())
            .deprecated("the addresses decide the family")
            .doc("force IPv6 (deprecated)");
    public static final Keyword.Value<Boolean> DONT_TRACK_PRIMARY = INSTANCE
            .value("dont_track_primary", Types.flag()).feature(Feature.TRACKING)
            .doc("ignore faults of the instance's own interface");
    public static final Keyword.ListBlock<TrackRef> TRACK_INTERFACE = INSTANCE
            .list("track_interface", TrackRef.type(-253, 253)).feature(Feature.TRACKING)
            .doc("interfaces to track: down means FAULT, or a weight added/subtracted");
    public static final Keyword.ListBlock<TrackRef> TRACK_SCRIPT = INSTANCE
            .list("track_script", TrackRef.type(-253, 253)).feature(Feature.TRACKING)
            .doc("vrrp_scripts to track");
    public static final Keyword.ListBlock<TrackRef> TRACK_FILE = INSTANCE
            .list("track_file", TrackRef.type(-254, 254)).feature(Feature.TRACKING)
            .doc("track_files whose value (times the weight) adjusts the priority");
    public static final Keyword.ListBlock<TrackRef> TRACK_PROCESS = INSTANCE
            .list("track_process", TrackRef.type(-254, 254)).feature(Feature.TRACKING)
            .doc("vrrp_track_processes to track");
    public static final Keyword.ListBlock<TrackRef> TRACK_BFD = INSTANCE
            .list("track_bfd", TrackRef.type(-253, 253)).feature(Feature.BFD)
            .doc("bfd_instances to track");
    public static final Keyword.Value<InetAddress> SOURCE_IP = INSTANCE
            .value("mcast_src_ip", Types.address()).alias("unicast_src_ip")
            .readsParameterBlindly()
            .doc("source address of adverts (default: the interface's primary address)");
    public static final Keyword.Value<InetAddress> MCAST_DST_IP = INSTANCE
            .value("mcast_dst_ip", VrrpValues.multicast(null))
            .readsParameterBlindly()
            .doc("multicast group to send to and listen on (default vrrp_mcast_group4/6)");
    public static final Keyword.Value<Boolean> TRACK_SRC_IP = INSTANCE
            .value("track_src_ip", Types.flag()).feature(Feature.TRACKING)
            .doc("FAULT if the configured source address goes away");
    public static final Keyword.Value<Integer> VERSION = INSTANCE
            .value("version", Types.integer(2, 3))
            .readsParameterBlindly()
            .doc("VRRP version (default vrrp_version; IPv6 always 3)");
    public static final Keyword.Value<Boolean> CHECK_UNICAST_SRC = INSTANCE
            .value("check_unicast_src", Types.flag())
            .doc("drop unicast adverts whose source is not a unicast_peer");
    public static final Keyword.ListBlock<UnicastPeer> UNICAST_PEER = INSTANCE
            .list("unicast_peer", UnicastPeer.TYPE)
            .doc("send adverts to these addresses instead of multicast");
    public static final Keyword.Value<Boolean> UNICAST_FAULT_NO_PEER = INSTANCE
            .value("unicast_fault_no_peer", Types.flag()).feature(Feature.VRRP_EXTRA)
            .doc("FAULT rather than multicast when unicast has no peers");
    public static final Keyword.Value<Integer> UNICAST_TTL = INSTANCE
            .value("unicast_ttl", Types.integer(0, 255))
            .readsParameterBlindly()
            .doc("TTL/hop limit of unicast adverts");
    public static final Keyword.Value<VrrpValues.OldChecksum> OLD_UNICAST_CHECKSUM = INSTANCE
            .value("old_unicast_checksum", VrrpValues.OLD_CHECKSUM)
            .doc("VRRPv3 unicast checksum of keepalived before 1.3.6");
    public static final Keyword.Value<Boolean> V3_CHECKSUM_AS_V2 = INSTANCE
            .value("v3_checksum_as_v2", Types.optionalBool()).since("2.2.8")
            .doc("VRRPv3 over IPv4: checksum without the pseudo-header, as Cisco and RFC 9568 (default global_defs')");
    public static final Keyword.Value<Integer> GARP_MASTER_DELAY = INSTANCE
            .value("garp_master_delay", Types.integer(0, 4294))
            .readsParameterBlindly()
            .doc("seconds before the second batch of GARPs after becoming master; 0: none");
    public static final Keyword.Value<Long> GARP_MASTER_REPEAT = INSTANCE
            .value("garp_master_repeat", Types.unsigned(0xffffffffL))
            .readsParameterBlindly()
            .doc("GARPs per batch on becoming master");
    public static final Keyword.Value<Integer> GARP_LOWER_PRIO_DELAY = INSTANCE
            .value("garp_lower_prio_delay", Types.integer(0, 4294))
            .readsParameterBlindly()
            .doc("seconds before the second batch after a lower-priority advert");
    public static final Keyword.Value<Integer> GARP_LOWER_PRIO_REPEAT = INSTANCE
            .value("garp_lower_prio_repeat", Types.integer(0, Integer.MAX_VALUE))
            .readsParameterBlindly()
            .doc("GARPs per batch after a lower-priority advert");
    public static final Keyword.Value<Long> GARP_MASTER_REFRESH = INSTANCE
            .value("garp_master_refresh", Types.unsigned(0xffffffffL))
            .readsParameterBlindly()
            .doc("seconds between GARP refreshes while master; 0: none");
    public static final Keyword.Value<Long> GARP_MASTER_REFRESH_REPEAT = INSTANCE
            .value("garp_master_refresh_repeat", Types.unsigned(0xffffffffL))
            .readsParameterBlindly()
            .doc("GARPs per refresh");
    public static final Keyword.Value<VrrpValues.GarpExtraIf> GARP_EXTRA_IF = INSTANCE
            .value("garp_extra_if", VrrpValues.GARP_EXTRA_IF).feature(Feature.VRRP_EXTRA)
            .reportedDeprecatedSpelling("vmac_garp_intvl")
            .doc("periodic GARP/NA on the other interfaces of VIPs");
    public static final Keyword.Value<Integer> DOWN_TIMER_ADVERTS = INSTANCE
            .value("down_timer_adverts", Types.integer(1, 100))
            .readsParameterBlindly()
            .doc("adverts missed before the master is down (RFC: 3)");
    public static final Keyword.Value<Boolean> LOWER_PRIO_NO_ADVERT = INSTANCE
            .value("lower_prio_no_advert", Types.optionalBool())
            .doc("as master, do not answer a lower-priority advert with an advert");
    public static final Keyword.Value<Boolean> HIGHER_PRIO_SEND_ADVERT = INSTANCE
            .value("higher_prio_send_advert", Types.optionalBool())
            .doc("as master, send an advert before yielding to a higher priority");
    public static final Keyword.Value<Integer> VIRTUAL_ROUTER_ID = INSTANCE
            .value("virtual_router_id", Types.integer(1, 255))
            .readsParameterBlindly()
            .doc("the VRID, 1..255; the same on every router of the group");
    public static final Keyword.Value<Integer> PRIORITY = INSTANCE
            .value("priority", Types.integer(1, 255))
            .readsParameterBlindly()
            .doc("1..255, 255 being the address owner (default 100, or 255 with state MASTER)");
    public static final Keyword.Value<Duration> ADVERT_INT = INSTANCE
            .value("advert_int", Types.seconds(0.01, 255)).defaultsTo(Duration.ofSeconds(1))
            .readsParameterBlindly()
            .doc("seconds between adverts; whole seconds for VRRPv2, centiseconds for v3");
    public static final Keyword.Block<Void> AUTHENTICATION_BLOCK = INSTANCE
            .section("authentication", AUTHENTICATION)
            .doc("VRRPv2 authentication (removed from the RFC in 2004; not allowed with v3 or strict mode)");
    public static final Keyword.ListBlock<IpAddressSpec> VIRTUAL_IPADDRESS = INSTANCE
            .list("virtual_ipaddress", IpAddressSpec.type(true, false, true))
            .doc("the VIPs, added on becoming master and advertised (one family)");
    public static final Keyword.ListBlock<IpAddressSpec> VIRTUAL_IPADDRESS_EXCLUDED = INSTANCE
            .list("virtual_ipaddress_excluded", IpAddressSpec.type(true, false, true))
            .doc("more addresses moved with the VIPs but not advertised");
    public static final Keyword.Value<Boolean> PROMOTE_SECONDARIES = INSTANCE
            .value("promote_secondaries", Types.flag()).feature(Feature.VRRP_EXTRA)
            .doc("set promote_secondaries on the interface");
    public static final Keyword.ListBlock<RouteSpec> VIRTUAL_ROUTES = INSTANCE
            .list("virtual_routes", RouteSpec.type(false)).feature(Feature.ROUTES)
            .doc("routes added on becoming master");
    public static final Keyword.ListBlock<RuleSpec> VIRTUAL_RULES = INSTANCE
            .list("virtual_rules", RuleSpec.type(false)).feature(Feature.ROUTES)
            .doc("rules added on becoming master");
    public static final Keyword.Value<Boolean> ACCEPT = INSTANCE
            .value("accept", Types.flag()).feature(Feature.FIREWALL)
            .doc("accept packets to the VIPs when not the address owner (the default unless strict)");
    public static final Keyword.Value<Boolean> NO_ACCEPT = INSTANCE
            .value("no_accept", Types.flag()).feature(Feature.FIREWALL)
            .doc("drop packets to the VIPs when not the address owner");
    public static final Keyword.Value<Boolean> NOPREEMPT = INSTANCE
            .value("nopreempt", Types.flag())
            .doc("a higher priority does not take over from a running master (needs state BACKUP)");
    public static final Keyword.Value<Boolean> PREEMPT = INSTANCE
            .value("preempt", Types.flag())
            .doc("preempt (the default; for backwards compatibility)");
    public static final Keyword.Value<Duration> PREEMPT_DELAY = INSTANCE
            .value("preempt_delay", Types.seconds(0, 1000))
            .readsParameterBlindly()
            .doc("seconds to wait before preempting, 0..1000");
    public static final Keyword.Value<Boolean> SKIP_CHECK_ADV_ADDR = INSTANCE
            .value("skip_check_adv_addr", Types.optionalBool())
            .doc("do not check the addresses of adverts from the current master");
    public static final Keyword.Value<Boolean> STRICT_MODE = INSTANCE
            .value("strict_mode", Types.optionalBool())
            .doc("strict RFC compliance (default vrrp_strict)");
    public static final Keyword.Value<Integer> DEBUG = INSTANCE
            .value("debug", Types.integer(0, 4)).feature(Feature.NOT_APPLICABLE)
            .readsParameterBlindly()
            .doc("debug level 0..4 (not implemented by keepalived either)");
    public static final Keyword.Value<Script> NOTIFY_MASTER = INSTANCE
            .value("notify_master", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run on becoming master");
    public static final Keyword.Value<Script> NOTIFY_BACKUP = INSTANCE
            .value("notify_backup", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run on becoming backup");
    public static final Keyword.Value<Script> NOTIFY_FAULT = INSTANCE
            .value("notify_fault", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run on entering fault");
    public static final Keyword.Value<Script> NOTIFY_STOP = INSTANCE
            .value("notify_stop", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run when the instance stops");
    public static final Keyword.Value<Script> NOTIFY_DELETED = INSTANCE
            .value("notify_deleted", NotifyDeleted.TYPE).feature(Feature.NOTIFY)
            .doc("report DELETED rather than FAULT when a reload removes the instance; optional script");
    public static final Keyword.Value<Script> NOTIFY = INSTANCE
            .value("notify", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run on every transition with INSTANCE name state priority");
    public static final Keyword.Value<Script> NOTIFY_MASTER_RX_LOWER_PRI = INSTANCE
            .value("notify_master_rx_lower_pri", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run when the master receives a lower-priority advert");
    public static final Keyword.Value<Boolean> NOTIFY_PRIORITY_CHANGES = INSTANCE
            .value("notify_priority_changes", Types.optionalBool()).feature(Feature.NOTIFY)
            .doc("send priority changes to notify FIFOs");
    public static final Keyword.Value<Boolean> SMTP_ALERT = INSTANCE
            .value("smtp_alert", Types.optionalBool()).feature(Feature.SMTP)
            .doc("send email on transitions (default smtp_alert_vrrp / smtp_alert)");
    public static final Keyword.Value<Long> KERNEL_RX_BUF_SIZE = INSTANCE
            .value("kernel_rx_buf_size", Types.unsigned(0xffffffffL)).feature(Feature.NOT_APPLICABLE)
            .doc("socket receive buffer size");
    public static final Keyword.Value<Boolean> LINKBEAT_USE_POLLING = INSTANCE
            .value("linkbeat_use_polling", Types.flag()).feature(Feature.NOT_APPLICABLE)
            .deprecated("use the linkbeat_interfaces block")
            .doc("poll the interface's link state (deprecated)");
    public static final Keyword.Value<String> LVS_SYNC_DAEMON_INTERFACE = INSTANCE
            .value("lvs_sync_daemon_interface", Types.string()).feature(Feature.LVS)
            .deprecated("use global_defs lvs_sync_daemon")
            .readsParameterBlindly()
            .doc("interface of the IPVS sync daemon (deprecated)");

    // ---- vrrp_sync_group NAME { } ------------------------------------------------------------------

    public static final BlockSpec SYNC_GROUP = new BlockSpec("vrrp_sync_group", Feature.VRRP);

    public static final Keyword.ListBlock<String> GROUP = SYNC_GROUP
            .words("group", Types.string())
            .doc("the vrrp_instances that change state together");
    public static final Keyword.ListBlock<TrackRef> GROUP_TRACK_INTERFACE = SYNC_GROUP
            .list("track_interface", TrackRef.type(-253, 253)).feature(Feature.TRACKING)
            .doc("interfaces tracked by every member");
    public static final Keyword.ListBlock<TrackRef> GROUP_TRACK_SCRIPT = SYNC_GROUP
            .list("track_script", TrackRef.type(-253, 253)).feature(Feature.TRACKING)
            .doc("vrrp_scripts tracked by every member");
    public static final Keyword.ListBlock<TrackRef> GROUP_TRACK_FILE = SYNC_GROUP
            .list("track_file", TrackRef.type(-254, 254)).feature(Feature.TRACKING)
            .doc("track_files tracked by every member");
    public static final Keyword.ListBlock<TrackRef> GROUP_TRACK_PROCESS = SYNC_GROUP
            .list("track_process", TrackRef.type(-254, 254)).feature(Feature.TRACKING)
            .doc("vrrp_track_processes tracked by every member");
    public static final Keyword.ListBlock<TrackRef> GROUP_TRACK_BFD = SYNC_GROUP
            .list("track_bfd", TrackRef.type(-253, 253)).feature(Feature.BFD)
            .doc("bfd_instances tracked by every member");
    public static final Keyword.Value<Script> GROUP_NOTIFY_MASTER = SYNC_GROUP
            .value("notify_master", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run when the group becomes master");
    public static final Keyword.Value<Script> GROUP_NOTIFY_BACKUP = SYNC_GROUP
            .value("notify_backup", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run when the group becomes backup");
    public static final Keyword.Value<Script> GROUP_NOTIFY_FAULT = SYNC_GROUP
            .value("notify_fault", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run when the group enters fault");
    public static final Keyword.Value<Script> GROUP_NOTIFY_STOP = SYNC_GROUP
            .value("notify_stop", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run when the group stops");
    public static final Keyword.Value<Script> GROUP_NOTIFY = SYNC_GROUP
            .value("notify", Script.type(true)).feature(Feature.NOTIFY)
            .readsParameterBlindly()
            .doc("script run on every transition with GROUP name state priority");
    public static final Keyword.Value<Boolean> GROUP_NOTIFY_PRIORITY_CHANGES = SYNC_GROUP
            .value("notify_priority_changes", Types.optionalBool()).feature(Feature.NOTIFY)
            .doc("send priority changes to notify FIFOs");
    public static final Keyword.Value<Boolean> GROUP_SMTP_ALERT = SYNC_GROUP
            .value("smtp_alert", Types.optionalBool()).feature(Feature.SMTP)
            .doc("send email on group transitions");
    public static final Keyword.Value<Boolean> GLOBAL_TRACKING = SYNC_GROUP
            .value("global_tracking", Types.flag())
            .deprecated("use track_interface/script/file on the sync group")
            .doc("(deprecated) same as sync_group_tracking_weight");
    public static final Keyword.Value<Boolean> SYNC_GROUP_TRACKING_WEIGHT = SYNC_GROUP
            .value("sync_group_tracking_weight", Types.flag())
            .doc("allow members' tracking weights (which probably won't work)");

    // ---- garp_group { } ------------------------------------------------------------------------------

    public static final BlockSpec GARP_GROUP = new BlockSpec("garp_group", Feature.VRRP_EXTRA);

    public static final Keyword.Value<Duration> GARP_GROUP_GARP_INTERVAL = GARP_GROUP
            .value("garp_interval", Types.seconds(0, 1))
            .readsParameterBlindly()
            .doc("seconds between gratuitous ARPs on these interfaces");
    public static final Keyword.Value<Duration> GARP_GROUP_GNA_INTERVAL = GARP_GROUP
            .value("gna_interval", Types.seconds(0, 1))
            .readsParameterBlindly()
            .doc("seconds between unsolicited neighbour adverts");
    public static final Keyword.Value<String> GARP_GROUP_INTERFACE = GARP_GROUP
            .value("interface", Types.string())
            .readsParameterBlindly()
            .doc("the interface the intervals apply to");
    public static final Keyword.ListBlock<String> GARP_GROUP_INTERFACES = GARP_GROUP
            .words("interfaces", Types.string())
            .doc("interfaces across which the intervals are aggregated");

    /** {@code notify_deleted [SCRIPT [user [group]]]}: the script is optional. */
    private static final class NotifyDeleted {
        /** The marker for "notify_deleted" without a script. */
        static final Script NONE = new Script("", List.of(), null, null);

        static final io.jkeepalived.config.value.ValueType<Script> TYPE = new io.jkeepalived.config.value.ValueType<>() {
            private final io.jkeepalived.config.value.ValueType<Script> script = Script.type(true);

            @Override
            public Script parse(io.jkeepalived.config.value.Args args) {
                return args.isEmpty() ? NONE : script.parse(args);
            }

            @Override
            public List<String> format(Script value) {
                return value.command().isEmpty() ? List.of() : script.format(value);
            }

            @Override
            public Object json(Script value) {
                return value.command().isEmpty() ? Boolean.TRUE : script.json(value);
            }

            @Override
            public String syntax() {
                return "[" + script.syntax() + "]";
            }

            @Override
            public Script sample(java.util.random.RandomGenerator random) {
                return random.nextBoolean() ? NONE : script.sample(random);
            }
        };
    }
}
