package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.RuleSpec;
import io.jkeepalived.config.value.Types;
import java.time.Duration;
import java.util.List;

/**
 * The top level of keepalived.conf: the blocks, and the few keywords that stand outside any block
 * (keepalived.conf(5), "TOP HIERACHY"). This is the root of the keyword table; every other table
 * is reached from here.
 */
public final class RootKeywords {

    private RootKeywords() {
    }

    public static final BlockSpec BLOCK = new BlockSpec("the top level", Feature.CONFIG);

    public static final Keyword.Block<Void> GLOBAL_DEFS = BLOCK
            .section("global_defs", GlobalKeywords.BLOCK)
            .doc("global settings; several global_defs blocks add up");

    // process-wide settings that keepalived reads at the top level
    public static final Keyword.Value<String> NET_NAMESPACE = BLOCK
            .value("net_namespace", Types.string()).feature(Feature.PROCESS)
            .doc("network namespace to run in (cannot change on reload)");
    public static final Keyword.Value<String> NET_NAMESPACE_IPVS = BLOCK
            .value("net_namespace_ipvs", Types.optionalString("")).feature(Feature.LVS)
            .doc("network namespace for IPVS (empty: the default namespace)");
    public static final Keyword.Value<Boolean> NAMESPACE_WITH_IPSETS = BLOCK
            .value("namespace_with_ipsets", Types.flag()).feature(Feature.FIREWALL)
            .doc("use ipsets in a namespace on kernels before 3.13");
    public static final Keyword.Value<String> INSTANCE = BLOCK
            .value("instance", Types.string()).feature(Feature.PROCESS)
            .doc("name of this keepalived instance, for pid file names");
    public static final Keyword.Value<Boolean> USE_PID_DIR = BLOCK
            .value("use_pid_dir", Types.flag()).feature(Feature.PROCESS)
            .doc("create pid files in /run/keepalived");
    public static final Keyword.Value<Boolean> LINKBEAT_USE_POLLING = BLOCK
            .value("linkbeat_use_polling", Types.flag()).feature(Feature.NOT_APPLICABLE)
            .doc("poll interfaces' link state instead of using netlink");
    public static final Keyword.Value<Duration> CHILD_WAIT_TIME = BLOCK
            .value("child_wait_time", Types.seconds(0, 1000)).feature(Feature.PROCESS)
            .readsParameterBlindly()
            .doc("seconds to wait for child processes at exit (default 5)");

    // static configuration
    public static final Keyword.ListBlock<StaticKeywords.LinkbeatInterface> LINKBEAT_INTERFACES = BLOCK
            .list("linkbeat_interfaces", StaticKeywords.LINKBEAT_INTERFACE).feature(Feature.NOT_APPLICABLE)
            .doc("interfaces whose link state is polled (MII, ETHTOOL or IOCTL)");
    public static final Keyword.ListBlock<StaticKeywords.UpDownDelay> INTERFACE_UP_DOWN_DELAYS = BLOCK
            .list("interface_up_down_delays", StaticKeywords.UP_DOWN_DELAY).feature(Feature.TRACKING)
            .doc("debounce delays for interface state changes: IFNAME DOWN_DELAY [UP_DELAY]");
    public static final Keyword.Block<String> TRACK_GROUP = BLOCK
            .block("track_group", Types.name(), StaticKeywords.TRACK_GROUP)
            .doc("vrrp instances that track static addresses, routes and rules");
    public static final Keyword.ListBlock<IpAddressSpec> STATIC_IPADDRESS = BLOCK
            .list("static_ipaddress", IpAddressSpec.type(false, true, false)).feature(Feature.STATIC_ADDRESSES)
            .doc("addresses configured at start and kept");
    public static final Keyword.ListBlock<RouteSpec> STATIC_ROUTES = BLOCK
            .list("static_routes", RouteSpec.type(true)).feature(Feature.ROUTES)
            .doc("routes configured at start and kept");
    public static final Keyword.ListBlock<RuleSpec> STATIC_RULES = BLOCK
            .list("static_rules", RuleSpec.type(true)).feature(Feature.ROUTES)
            .doc("rules configured at start and kept");

    // tracking
    public static final Keyword.Block<String> VRRP_SCRIPT = BLOCK
            .block("vrrp_script", Types.firstWord(), TrackKeywords.VRRP_SCRIPT)
            .readsParameterBlindly()
            .doc("a script run periodically, tracked by instances and groups");
    public static final Keyword.Block<String> TRACK_FILE = BLOCK
            .block("track_file", Types.firstWord(), TrackKeywords.TRACK_FILE)
            .readsParameterBlindly()
            .deprecatedSpelling("vrrp_track_file")
            .doc("a file whose numeric contents are tracked");
    public static final Keyword.Block<String> VRRP_TRACK_PROCESS = BLOCK
            .block("vrrp_track_process", Types.firstWord(), TrackKeywords.TRACK_PROCESS)
            .readsParameterBlindly()
            .doc("a process whose presence is tracked");
    public static final Keyword.Block<String> BFD_INSTANCE = BLOCK
            .block("bfd_instance", Types.firstWord(), BfdKeywords.BFD_INSTANCE)
            .doc("a BFD session (RFC 5880)");

    // VRRP
    public static final Keyword.Block<Void> GARP_GROUP = BLOCK
            .block("garp_group", Types.NONE, VrrpKeywords.GARP_GROUP)
            .doc("gratuitous ARP / NA rate limits for interfaces");
    public static final Keyword.Block<String> VRRP_SYNC_GROUP = BLOCK
            .block("vrrp_sync_group", Types.name(), VrrpKeywords.SYNC_GROUP)
            .doc("vrrp instances that change state together");
    public static final Keyword.Block<String> VRRP_INSTANCE = BLOCK
            .block("vrrp_instance", Types.name(), VrrpKeywords.INSTANCE)
            .doc("a virtual router");

    // LVS
    public static final Keyword.Block<String> VIRTUAL_SERVER_GROUP = BLOCK
            .block("virtual_server_group", Types.firstWord(), LvsKeywords.VIRTUAL_SERVER_GROUP)
            .readsParameterBlindly()
            .doc("addresses, ranges and fwmarks sharing one set of real servers");
    public static final Keyword.Block<io.jkeepalived.config.value.LvsAddresses.VsAddress> VIRTUAL_SERVER = BLOCK
            .block("virtual_server", LvsKeywords.VIRTUAL_SERVER_HEAD, LvsKeywords.VIRTUAL_SERVER)
            .readsParameterBlindly()
            .doc("an IPVS virtual service and its real servers");
    public static final Keyword.Block<Void> SSL = BLOCK
            .block("SSL", Types.NONE, LvsKeywords.SSL)
            .doc("certificates for SSL_GET (a later SSL block replaces an earlier one)");
}
