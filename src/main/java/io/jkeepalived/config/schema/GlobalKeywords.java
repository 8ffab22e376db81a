package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.GlobalValues;
import io.jkeepalived.config.value.GlobalValues.DynamicInterfaces;
import io.jkeepalived.config.value.GlobalValues.IncludeCheckOptions;
import io.jkeepalived.config.value.GlobalValues.IptablesChains;
import io.jkeepalived.config.value.GlobalValues.LvsFlushOnStop;
import io.jkeepalived.config.value.GlobalValues.LvsSyncDaemon;
import io.jkeepalived.config.value.GlobalValues.LvsTimeouts;
import io.jkeepalived.config.value.GlobalValues.NotifyFifo;
import io.jkeepalived.config.value.GlobalValues.RxBufsPolicy;
import io.jkeepalived.config.value.GlobalValues.SmtpServer;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.VrrpValues;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The keywords of global_defs (keepalived.conf(5), "Global definitions"), with the ranges,
 * defaults and messages of the keepalived 2.2.7 binary (global_parser.c). The VRRP defaults here
 * are inherited by every vrrp_instance that does not set its own.
 *
 * <p>Most keywords take their last occurrence, as in keepalived; those where keepalived keeps the
 * first (lvs_sync_daemon, the notify FIFOs, nftables, ...) or adds occurrences up (lvs_timeouts,
 * vrrp_rx_bufs_policy) are settled by validation (GlobalCheck), as are the defaults that depend
 * on other keywords (vrrp_garp_lower_prio_*, vrrp_min_garp, process_names).
 */
public final class GlobalKeywords {

    private GlobalKeywords() {
    }

    /**
     * The block itself is configuration structure (implemented); each keyword names the area it
     * belongs to.
     */
    public static final BlockSpec BLOCK = new BlockSpec("global_defs", Feature.CONFIG);

    private static final long UINT_MAX = GlobalValues.UINT_MAX;

    // ---- configuration reading ----------------------------------------------------------------

    public static final Keyword.Value<IncludeCheckOptions> INCLUDE_CHECK = BLOCK
            .value("include_check", GlobalValues.INCLUDE_CHECK)
            .onRead((reader, v) -> reader.includeCheck(v.applyTo(reader.includeCheck())))
            .feature(Feature.CONFIG)
            .doc("treat missing include files as errors: [+|-]read|match|wildcard_match|brace_match ...; none given: all");
    public static final Keyword.Value<Long> RANDOM_SEED = BLOCK
            .value("random_seed", Types.unsigned(UINT_MAX))
            .onRead((reader, v) -> reader.randomSeed(v))
            .feature(Feature.CONFIG)
            .readsParameterBlindly()
            .doc("seed for ${_RANDOM}, to make configurations repeatable (default: time based)");
    public static final Keyword.Value<String> TMP_CONFIG_DIRECTORY = BLOCK
            .value("tmp_config_directory", Types.string()).feature(Feature.NOT_APPLICABLE)
            .doc("directory whose file system holds keepalived's copy of the configuration (default: memory)");
    public static final Keyword.Value<String> CONFIG_SAVE_DIR = BLOCK
            .value("config_save_dir", Types.string()).feature(Feature.PROCESS)
            .readsParameterBlindly()
            .doc("directory to save configuration state and files in before and after each reload (debugging)");

    // ---- process names and scripts ------------------------------------------------------------

    public static final Keyword.Value<Boolean> PROCESS_NAMES = BLOCK
            .value("process_names", Types.flag()).feature(Feature.PROCESS).since("2.0.16")
            .doc("name the child processes keepalived_vrrp, keepalived_lvs and keepalived_bfd");
    public static final Keyword.Value<String> PROCESS_NAME = BLOCK
            .value("process_name", GlobalValues.PROCESS_NAME).feature(Feature.PROCESS).since("2.0.16")
            .readsParameterBlindly()
            .doc("name of the parent process (at most 15 characters)");
    public static final Keyword.Value<String> VRRP_PROCESS_NAME = BLOCK
            .value("vrrp_process_name", GlobalValues.PROCESS_NAME).feature(Feature.PROCESS).since("2.0.16")
            .readsParameterBlindly()
            .doc("name of the VRRP process (at most 15 characters)");
    public static final Keyword.Value<String> CHECKER_PROCESS_NAME = BLOCK
            .value("checker_process_name", GlobalValues.PROCESS_NAME).feature(Feature.PROCESS)
            .deprecatedSpelling("lvs_process_name")
            .readsParameterBlindly()
            .doc("name of the checker (LVS) process (at most 15 characters)");
    public static final Keyword.Value<String> BFD_PROCESS_NAME = BLOCK
            .value("bfd_process_name", GlobalValues.PROCESS_NAME).feature(Feature.PROCESS).since("2.0.16")
            .readsParameterBlindly()
            .doc("name of the BFD process (at most 15 characters)");
    public static final Keyword.Value<Script> STARTUP_SCRIPT = BLOCK
            .value("startup_script", Script.type(true)).feature(Feature.PROCESS)
            .doc("script run once when keepalived starts, before any child process");
    public static final Keyword.Value<Integer> STARTUP_SCRIPT_TIMEOUT = BLOCK
            .value("startup_script_timeout", Types.integer(1, 1000)).defaultsTo(10).feature(Feature.PROCESS)
            .doc("seconds the startup script may run before it is killed");
    public static final Keyword.Value<Script> SHUTDOWN_SCRIPT = BLOCK
            .value("shutdown_script", Script.type(true)).feature(Feature.PROCESS)
            .doc("script run once when keepalived stops, after all child processes");
    public static final Keyword.Value<Integer> SHUTDOWN_SCRIPT_TIMEOUT = BLOCK
            .value("shutdown_script_timeout", Types.integer(1, 1000)).defaultsTo(10).feature(Feature.PROCESS)
            .doc("seconds the shutdown script may run before it is killed");

    // ---- identity and email alerts ------------------------------------------------------------

    public static final Keyword.Value<String> ROUTER_ID = BLOCK
            .value("router_id", Types.string()).feature(Feature.SMTP)
            .doc("string identifying this machine in alerts (default: the host name)");
    public static final Keyword.ListBlock<String> NOTIFICATION_EMAIL = BLOCK
            .words("notification_email", Types.string()).feature(Feature.SMTP)
            .doc("addresses alerts are mailed to");
    public static final Keyword.Value<String> NOTIFICATION_EMAIL_FROM = BLOCK
            .value("notification_email_from", Types.string()).feature(Feature.SMTP)
            .doc("From: address of alerts (default: keepalived's user@host name)");
    public static final Keyword.Value<SmtpServer> SMTP_SERVER = BLOCK
            .value("smtp_server", GlobalValues.SMTP_SERVER).feature(Feature.SMTP)
            .readsParameterBlindly()
            .doc("SMTP server alerts are sent through: IP address or host name, and port (default 25)");
    public static final Keyword.Value<String> SMTP_HELO_NAME = BLOCK
            .value("smtp_helo_name", Types.optionalString("")).feature(Feature.SMTP)
            .doc("name used in HELO (default: the host name)");
    public static final Keyword.Value<Integer> SMTP_CONNECT_TIMEOUT = BLOCK
            .value("smtp_connect_timeout", Types.integer(0, 4294)).defaultsTo(30).feature(Feature.SMTP)
            .readsParameterBlindly()
            .doc("seconds to wait for the SMTP server (0 is taken as 1)");
    public static final Keyword.Value<Boolean> SMTP_ALERT = BLOCK
            .value("smtp_alert", Types.optionalBool()).feature(Feature.SMTP)
            .doc("default for every smtp_alert");
    public static final Keyword.Value<Boolean> SMTP_ALERT_VRRP = BLOCK
            .value("smtp_alert_vrrp", Types.optionalBool()).feature(Feature.SMTP)
            .doc("default smtp_alert of vrrp instances and groups");
    public static final Keyword.Value<Boolean> SMTP_ALERT_CHECKER = BLOCK
            .value("smtp_alert_checker", Types.optionalBool()).feature(Feature.SMTP)
            .doc("default smtp_alert of virtual and real servers");
    public static final Keyword.Value<Boolean> NO_EMAIL_FAULTS = BLOCK
            .value("no_email_faults", Types.flag()).feature(Feature.SMTP)
            .doc("don't send alerts for transitions to FAULT");
    public static final Keyword.Value<Boolean> NO_CHECKER_EMAILS = BLOCK
            .value("no_checker_emails", Types.optionalBool()).feature(Feature.SMTP).since("2.0.0")
            .doc("mail only when a real server is added or removed, not on every checker change");
    public static final Keyword.Value<Boolean> CHECKER_LOG_ALL_FAILURES = BLOCK
            .value("checker_log_all_failures", Types.optionalBool()).feature(Feature.LVS).since("2.0.11")
            .doc("log every failed real server check, not only the transition to DOWN");

    // ---- LVS ------------------------------------------------------------------------------------

    public static final Keyword.Value<LvsSyncDaemon> LVS_SYNC_DAEMON = BLOCK
            .value("lvs_sync_daemon", GlobalValues.LVS_SYNC_DAEMON).feature(Feature.LVS).since("1.2.20")
            .doc("run the IPVS connection sync daemon on an interface, following a vrrp instance's state");
    public static final Keyword.Value<LvsTimeouts> LVS_TIMEOUTS = BLOCK
            .value("lvs_timeouts", GlobalValues.LVS_TIMEOUTS).feature(Feature.LVS)
            .doc("IPVS tcp, tcpfin and udp connection timeouts in seconds (unset: unchanged)");
    public static final Keyword.Value<Boolean> LVS_FLUSH = BLOCK
            .value("lvs_flush", Types.flag()).feature(Feature.LVS).since("1.2.23")
            .doc("flush any existing LVS configuration at startup");
    public static final Keyword.Value<LvsFlushOnStop> LVS_FLUSH_ON_STOP = BLOCK
            .value("lvs_flush_on_stop", GlobalValues.LVS_FLUSH_ON_STOP).feature(Feature.LVS).since("2.0.15")
            .deprecatedSpelling("lvs_flush_onstop")
            .doc("flush the LVS configuration at shutdown (VS: only the virtual servers)");
    public static final Keyword.Value<Boolean> RS_INIT_NOTIFIES = BLOCK
            .value("rs_init_notifies", Types.optionalBool()).feature(Feature.LVS)
            .doc("send notifies at startup for real servers that are starting up");
    public static final Keyword.Value<Long> LVS_NETLINK_CMD_RCV_BUFS = BLOCK
            .value("lvs_netlink_cmd_rcv_bufs", Types.unsigned(UINT_MAX)).feature(Feature.NOT_APPLICABLE)
            .doc("receive buffer size of the checker's netlink command socket (0: system default)");
    public static final Keyword.Value<Boolean> LVS_NETLINK_CMD_RCV_BUFS_FORCE = BLOCK
            .value("lvs_netlink_cmd_rcv_bufs_force", Types.optionalBool()).feature(Feature.NOT_APPLICABLE)
            .doc("set lvs_netlink_cmd_rcv_bufs even beyond rmem_max");
    public static final Keyword.Value<Long> LVS_NETLINK_MONITOR_RCV_BUFS = BLOCK
            .value("lvs_netlink_monitor_rcv_bufs", Types.unsigned(UINT_MAX)).feature(Feature.NOT_APPLICABLE)
            .doc("receive buffer size of the checker's netlink monitor socket (0: system default)");
    public static final Keyword.Value<Boolean> LVS_NETLINK_MONITOR_RCV_BUFS_FORCE = BLOCK
            .value("lvs_netlink_monitor_rcv_bufs_force", Types.optionalBool()).feature(Feature.NOT_APPLICABLE)
            .doc("set lvs_netlink_monitor_rcv_bufs even beyond rmem_max");

    // ---- VRRP defaults inherited by instances ---------------------------------------------------

    public static final Keyword.Value<String> DEFAULT_INTERFACE = BLOCK
            .value("default_interface", Types.string()).defaultsTo("eth0").since("1.2.24").feature(Feature.VRRP)
            .doc("interface for VIPs, routes and static addresses without dev");
    public static final Keyword.Value<DynamicInterfaces> DYNAMIC_INTERFACES = BLOCK
            .value("dynamic_interfaces", GlobalValues.DYNAMIC_INTERFACES).feature(Feature.VRRP)
            .doc("allow interfaces that don't exist at startup, or come and go (allow_if_changes: and change type)");
    public static final Keyword.Value<InetAddress> VRRP_MCAST_GROUP4 = BLOCK
            .value("vrrp_mcast_group4", VrrpValues.multicast(true))
            .defaultsTo(Types.parseAddress("224.0.0.18")).feature(Feature.VRRP).since("1.2.10")
            .readsParameterBlindly()
            .doc("multicast group for IPv4 adverts");
    public static final Keyword.Value<InetAddress> VRRP_MCAST_GROUP6 = BLOCK
            .value("vrrp_mcast_group6", VrrpValues.multicast(false))
            .defaultsTo(Types.parseAddress("ff02::12")).feature(Feature.VRRP).since("1.2.10")
            .readsParameterBlindly()
            .doc("multicast group for IPv6 adverts");
    public static final Keyword.Value<Integer> VRRP_GARP_MASTER_DELAY = BLOCK
            .value("vrrp_garp_master_delay", Types.integer(0, 4294)).defaultsTo(5).feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("seconds before the second batch of GARPs after becoming master; 0: none");
    public static final Keyword.Value<Long> VRRP_GARP_MASTER_REPEAT = BLOCK
            .value("vrrp_garp_master_repeat", Types.unsigned(UINT_MAX)).defaultsTo(5L).feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("GARPs per batch on becoming master (0 is taken as 1)");
    public static final Keyword.Value<Integer> VRRP_GARP_LOWER_PRIO_DELAY = BLOCK
            .value("vrrp_garp_lower_prio_delay", Types.integer(0, 4294)).feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("seconds before the second batch after a lower-priority advert (default vrrp_garp_master_delay)");
    public static final Keyword.Value<Long> VRRP_GARP_LOWER_PRIO_REPEAT = BLOCK
            .value("vrrp_garp_lower_prio_repeat", Types.longRange(0, Integer.MAX_VALUE)).feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("GARPs per batch after a lower-priority advert (default vrrp_garp_master_repeat)");
    public static final Keyword.Value<Long> VRRP_GARP_MASTER_REFRESH = BLOCK
            .value("vrrp_garp_master_refresh", Types.unsigned(UINT_MAX)).defaultsTo(0L)
            .feature(Feature.VRRP).since("1.2.23")
            .readsParameterBlindly()
            .doc("seconds between GARP refreshes while master; 0: none");
    public static final Keyword.Value<Long> VRRP_GARP_MASTER_REFRESH_REPEAT = BLOCK
            .value("vrrp_garp_master_refresh_repeat", Types.unsigned(UINT_MAX)).defaultsTo(1L).feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("GARPs per refresh (0 is taken as 1)");
    public static final Keyword.Value<Duration> VRRP_GARP_INTERVAL = BLOCK
            .value("vrrp_garp_interval", Types.seconds(0.000001, 4294.967295)).feature(Feature.VRRP_EXTRA)
            .readsParameterBlindly()
            .doc("delay between gratuitous ARPs on an interface (default 0)");
    public static final Keyword.Value<Duration> VRRP_GNA_INTERVAL = BLOCK
            .value("vrrp_gna_interval", Types.seconds(0.000001, 4294.967295)).feature(Feature.VRRP_EXTRA)
            .readsParameterBlindly()
            .doc("delay between unsolicited neighbour adverts on an interface (default 0)");
    public static final Keyword.Value<Boolean> VRRP_MIN_GARP = BLOCK
            .value("vrrp_min_garp", Types.optionalBool()).since("2.0.12").feature(Feature.VRRP)
            .doc("send one GARP/NA and no second batch (changes the garp defaults not yet set)");
    public static final Keyword.Value<VrrpValues.GarpExtraIf> VRRP_GARP_EXTRA_IF = BLOCK
            .value("vrrp_garp_extra_if", GlobalValues.GARP_EXTRA_IF).feature(Feature.VRRP_EXTRA).since("2.2.3")
            .reportedDeprecatedSpelling("vrrp_vmac_garp_intvl")
            .doc("seconds between GARP/NAs on the other interfaces of VIPs (VMACs only unless all)");
    public static final Keyword.Value<Integer> VRRP_DOWN_TIMER_ADVERTS = BLOCK
            .value("vrrp_down_timer_adverts", Types.integer(1, 100)).defaultsTo(3).feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("default down_timer_adverts");
    public static final Keyword.Value<Boolean> VRRP_LOWER_PRIO_NO_ADVERT = BLOCK
            .value("vrrp_lower_prio_no_advert", Types.optionalBool()).feature(Feature.VRRP)
            .doc("default lower_prio_no_advert (false, true with vrrp_strict)");
    public static final Keyword.Value<Boolean> VRRP_HIGHER_PRIO_SEND_ADVERT = BLOCK
            .value("vrrp_higher_prio_send_advert", Types.optionalBool()).feature(Feature.VRRP)
            .doc("default higher_prio_send_advert");
    public static final Keyword.Value<Integer> VRRP_VERSION = BLOCK
            .value("vrrp_version", Types.integer(2, 3)).defaultsTo(2).feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("default VRRP version (IPv6 instances use 3)");
    public static final Keyword.Value<Boolean> VRRP_CHECK_UNICAST_SRC = BLOCK
            .value("vrrp_check_unicast_src", Types.flag()).feature(Feature.VRRP)
            .doc("default check_unicast_src");
    public static final Keyword.Value<Boolean> V3_CHECKSUM_AS_V2 = BLOCK
            .value("v3_checksum_as_v2", Types.optionalBool()).since("2.2.8").feature(Feature.VRRP)
            .doc("default v3_checksum_as_v2");
    public static final Keyword.Value<Boolean> VRRP_SKIP_CHECK_ADV_ADDR = BLOCK
            .value("vrrp_skip_check_adv_addr", Types.flag()).feature(Feature.VRRP)
            .doc("default skip_check_adv_addr");
    public static final Keyword.Value<Boolean> VRRP_STRICT = BLOCK
            .value("vrrp_strict", Types.flag()).since("1.2.20").feature(Feature.VRRP)
            .doc("strict RFC compliance for every instance");
    public static final Keyword.Value<Duration> VRRP_STARTUP_DELAY = BLOCK
            .value("vrrp_startup_delay", Types.seconds(0.001, 4294.967295)).since("2.0.14").feature(Feature.VRRP)
            .readsParameterBlindly()
            .doc("seconds to wait after startup before the vrrp instances start");
    public static final Keyword.Value<Boolean> LOG_UNKNOWN_VRIDS = BLOCK
            .value("log_unknown_vrids", Types.flag()).since("2.0.16").feature(Feature.VRRP)
            .doc("log adverts received for VRIDs not configured on the interface");
    public static final Keyword.Value<Boolean> DISABLE_LOCAL_IGMP = BLOCK
            .value("disable_local_igmp", Types.flag()).feature(Feature.VRRP_VMAC)
            .doc("set igmp_link_local_mcast_reports off instead of moving IGMP off VMACs");
    public static final Keyword.Value<String> VMAC_PREFIX = BLOCK
            .value("vmac_prefix", Types.string()).defaultsTo("vrrp").feature(Feature.VRRP_VMAC)
            .readsParameterBlindly()
            .doc("prefix of generated VMAC interface names");
    public static final Keyword.Value<String> VMAC_ADDR_PREFIX = BLOCK
            .value("vmac_addr_prefix", Types.string()).feature(Feature.VRRP_VMAC)
            .readsParameterBlindly()
            .doc("prefix of generated VMAC names for VIPs off the instance's interface (default vmac_prefix)");

    // ---- firewall -------------------------------------------------------------------------------

    public static final Keyword.Value<String> NFTABLES = BLOCK
            .value("nftables", GlobalValues.nftablesTable("keepalived", "nftables")).feature(Feature.FIREWALL)
            .doc("use nftables for no_accept and VMAC filtering, in this table (default keepalived)");
    public static final Keyword.Value<Integer> NFTABLES_PRIORITY = BLOCK
            .value("nftables_priority", Types.integer(Integer.MIN_VALUE, Integer.MAX_VALUE)).defaultsTo(-1)
            .feature(Feature.FIREWALL)
            .readsParameterBlindly()
            .doc("priority of keepalived's nftables base chains");
    public static final Keyword.Value<Boolean> NFTABLES_COUNTERS = BLOCK
            .value("nftables_counters", Types.flag()).feature(Feature.FIREWALL)
            .doc("add counters to the nftables rules (debugging)");
    public static final Keyword.Value<Boolean> NFTABLES_IFINDEX = BLOCK
            .value("nftables_ifindex", Types.flag()).feature(Feature.FIREWALL)
            .doc("key IPv6 link-local sets by ifindex rather than interface name");
    public static final Keyword.Value<String> NFTABLES_IPVS = BLOCK
            .value("nftables_ipvs", GlobalValues.nftablesTable("keepalived_ipvs", "ipvs nftables")).feature(Feature.LVS)
            .doc("use nftables to set fwmarks for virtual server groups, in this table (default keepalived_ipvs)");
    public static final Keyword.Value<Integer> NFTABLES_IPVS_PRIORITY = BLOCK
            .value("nftables_ipvs_priority", Types.integer(Integer.MIN_VALUE, Integer.MAX_VALUE)).defaultsTo(-1)
            .feature(Feature.LVS)
            .readsParameterBlindly()
            .doc("priority of the IPVS nftables base chains");
    public static final Keyword.Value<Long> NFTABLES_IPVS_START_FWMARK = BLOCK
            .value("nftables_ipvs_start_fwmark", Types.longRange(1, UINT_MAX)).defaultsTo(1000L)
            .feature(Feature.LVS)
            .readsParameterBlindly()
            .doc("first fwmark allocated to virtual server groups");
    public static final Keyword.Value<IptablesChains> VRRP_IPTABLES = BLOCK
            .value("vrrp_iptables", GlobalValues.VRRP_IPTABLES).feature(Feature.FIREWALL).since("1.2.20")
            .doc("use iptables chains (default INPUT, OUTPUT); without iptables support: nftables table keepalived");
    public static final Keyword.Value<List<String>> VRRP_IPSETS = BLOCK
            .value("vrrp_ipsets", GlobalValues.VRRP_IPSETS).feature(Feature.FIREWALL)
            .doc("ipset names used with vrrp_iptables (not supported by Debian's keepalived build)");

    // ---- process scheduling ---------------------------------------------------------------------

    public static final Keyword.Value<Integer> MAX_AUTO_PRIORITY = BLOCK
            .value("max_auto_priority", GlobalValues.MAX_AUTO_PRIORITY).defaultsTo(0).feature(Feature.PROCESS)
            .doc("highest real-time priority to raise to when running late (0: don't; -1: no notice; none: 99)");
    public static final Keyword.Value<Integer> MIN_AUTO_PRIORITY_DELAY = BLOCK
            .value("min_auto_priority_delay", Types.integer(1, 10000000)).defaultsTo(1000000).feature(Feature.PROCESS)
            .doc("microseconds late that trigger a priority increase");
    public static final Keyword.Value<Integer> VRRP_PRIORITY = BLOCK
            .value("vrrp_priority", Types.integer(-20, 19)).defaultsTo(0).feature(Feature.PROCESS)
            .doc("nice value of the VRRP process");
    public static final Keyword.Value<Integer> CHECKER_PRIORITY = BLOCK
            .value("checker_priority", Types.integer(-20, 19)).defaultsTo(0).feature(Feature.PROCESS)
            .doc("nice value of the checker process");
    public static final Keyword.Value<Integer> BFD_PRIORITY = BLOCK
            .value("bfd_priority", Types.integer(-20, 19)).defaultsTo(0).feature(Feature.PROCESS)
            .doc("nice value of the BFD process");
    public static final Keyword.Value<Boolean> VRRP_NO_SWAP = BLOCK
            .value("vrrp_no_swap", Types.flag()).feature(Feature.PROCESS)
            .doc("lock the VRRP process in memory");
    public static final Keyword.Value<Boolean> CHECKER_NO_SWAP = BLOCK
            .value("checker_no_swap", Types.flag()).feature(Feature.PROCESS)
            .doc("lock the checker process in memory");
    public static final Keyword.Value<Boolean> BFD_NO_SWAP = BLOCK
            .value("bfd_no_swap", Types.flag()).feature(Feature.PROCESS)
            .doc("lock the BFD process in memory");
    public static final Keyword.Value<List<Integer>> VRRP_CPU_AFFINITY = BLOCK
            .value("vrrp_cpu_affinity", GlobalValues.cpuAffinity("vrrp")).feature(Feature.PROCESS).since("2.0.17")
            .doc("CPUs the VRRP process may run on");
    public static final Keyword.Value<List<Integer>> CHECKER_CPU_AFFINITY = BLOCK
            .value("checker_cpu_affinity", GlobalValues.cpuAffinity("checker")).feature(Feature.PROCESS).since("2.0.17")
            .doc("CPUs the checker process may run on");
    public static final Keyword.Value<List<Integer>> BFD_CPU_AFFINITY = BLOCK
            .value("bfd_cpu_affinity", GlobalValues.cpuAffinity("bfd")).feature(Feature.PROCESS).since("2.0.17")
            .doc("CPUs the BFD process may run on");
    public static final Keyword.Value<Integer> VRRP_RT_PRIORITY = BLOCK
            .value("vrrp_rt_priority", GlobalValues.realtimePriority("vrrp")).feature(Feature.PROCESS)
            .doc("run the VRRP process with real-time scheduling at this priority (1..99)");
    public static final Keyword.Value<Integer> CHECKER_RT_PRIORITY = BLOCK
            .value("checker_rt_priority", GlobalValues.realtimePriority("checker")).feature(Feature.PROCESS)
            .doc("run the checker process with real-time scheduling at this priority (1..99)");
    public static final Keyword.Value<Integer> BFD_RT_PRIORITY = BLOCK
            .value("bfd_rt_priority", GlobalValues.realtimePriority("bfd")).feature(Feature.PROCESS)
            .doc("run the BFD process with real-time scheduling at this priority (1..99)");
    public static final Keyword.Value<Long> VRRP_RLIMIT_RTTIME = BLOCK
            .value("vrrp_rlimit_rttime", GlobalValues.rtRlimit("vrrp")).defaultsTo(GlobalValues.RT_RLIMIT_DEFAULT)
            .feature(Feature.PROCESS).deprecatedSpelling("vrrp_rlimit_rtime")
            .readsParameterBlindly()
            .doc("microseconds of CPU the real-time VRRP process may use between blocking calls");
    public static final Keyword.Value<Long> CHECKER_RLIMIT_RTTIME = BLOCK
            .value("checker_rlimit_rttime", GlobalValues.rtRlimit("checker")).defaultsTo(GlobalValues.RT_RLIMIT_DEFAULT)
            .feature(Feature.PROCESS).deprecatedSpelling("checker_rlimit_rtime")
            .readsParameterBlindly()
            .doc("microseconds of CPU the real-time checker process may use between blocking calls");
    public static final Keyword.Value<Long> BFD_RLIMIT_RTTIME = BLOCK
            .value("bfd_rlimit_rttime", GlobalValues.rtRlimit("bfd")).defaultsTo(GlobalValues.RT_RLIMIT_DEFAULT)
            .feature(Feature.PROCESS).deprecatedSpelling("bfd_rlimit_rtime")
            .readsParameterBlindly()
            .doc("microseconds of CPU the real-time BFD process may use between blocking calls");

    // ---- SNMP and DBus ----------------------------------------------------------------------------

    public static final Keyword.Value<String> SNMP_SOCKET = BLOCK
            .value("snmp_socket", GlobalValues.exactlyOneWord("Too many parameters specified for snmp_socket"))
            .defaultsTo("unix:/var/agentx/master").feature(Feature.SNMP)
            .doc("socket of the SNMP master agent");
    public static final Keyword.Value<Boolean> ENABLE_TRAPS = BLOCK
            .value("enable_traps", Types.flag()).feature(Feature.SNMP)
            .doc("send SNMP traps");
    public static final Keyword.Value<Boolean> ENABLE_SNMP_VRRP = BLOCK
            .value("enable_snmp_vrrp", Types.flag()).feature(Feature.SNMP)
            .deprecatedSpelling("enable_snmp_keepalived")
            .doc("serve the vrrp part of the KEEPALIVED MIB");
    public static final Keyword.Value<Boolean> ENABLE_SNMP_CHECKER = BLOCK
            .value("enable_snmp_checker", Types.flag()).feature(Feature.SNMP)
            .doc("serve the checker part of the KEEPALIVED MIB");
    public static final Keyword.Value<Boolean> ENABLE_SNMP_RFC = BLOCK
            .value("enable_snmp_rfc", Types.flag()).feature(Feature.SNMP)
            .doc("serve the RFC2787 and RFC6527 VRRP MIBs");
    public static final Keyword.Value<Boolean> ENABLE_SNMP_RFCV2 = BLOCK
            .value("enable_snmp_rfcv2", Types.flag()).feature(Feature.SNMP)
            .doc("serve the RFC2787 VRRP MIB");
    public static final Keyword.Value<Boolean> ENABLE_SNMP_RFCV3 = BLOCK
            .value("enable_snmp_rfcv3", Types.flag()).feature(Feature.SNMP)
            .doc("serve the RFC6527 VRRP MIB");
    public static final Keyword.Value<Boolean> ENABLE_DBUS = BLOCK
            .value("enable_dbus", Types.flag()).feature(Feature.DBUS)
            .doc("enable the DBus interface");
    public static final Keyword.Value<String> DBUS_SERVICE_NAME = BLOCK
            .value("dbus_service_name", Types.string()).defaultsTo("org.keepalived.Vrrp1").feature(Feature.DBUS)
            .doc("DBus service name, for several keepalived processes with DBus");

    // ---- scripts and notify FIFOs -------------------------------------------------------------

    public static final Keyword.Value<List<String>> SCRIPT_USER = BLOCK
            .value("script_user", Types.wordList(1)).feature(Feature.TRACKING).since("1.3.0")
            .doc("user [group] scripts run as by default (default keepalived_script if it exists, else root)");
    public static final Keyword.Value<Boolean> ENABLE_SCRIPT_SECURITY = BLOCK
            .value("enable_script_security", Types.flag()).feature(Feature.TRACKING).since("1.3.0")
            .doc("refuse to run scripts as root that non-root users could change");
    public static final Keyword.Value<NotifyFifo> NOTIFY_FIFO = BLOCK
            .value("notify_fifo", GlobalValues.NOTIFY_FIFO).feature(Feature.NOTIFY)
            .doc("FIFO to write every notify event to [user [group] owning it]");
    public static final Keyword.Value<Script> NOTIFY_FIFO_SCRIPT = BLOCK
            .value("notify_fifo_script", Script.type(true)).feature(Feature.NOTIFY)
            .doc("script keepalived runs to read notify_fifo (the FIFO name is its last argument)");
    public static final Keyword.Value<NotifyFifo> VRRP_NOTIFY_FIFO = BLOCK
            .value("vrrp_notify_fifo", GlobalValues.NOTIFY_FIFO).feature(Feature.NOTIFY)
            .doc("FIFO to write vrrp notify events to [user [group] owning it]");
    public static final Keyword.Value<Script> VRRP_NOTIFY_FIFO_SCRIPT = BLOCK
            .value("vrrp_notify_fifo_script", Script.type(true)).feature(Feature.NOTIFY)
            .doc("script keepalived runs to read vrrp_notify_fifo");
    public static final Keyword.Value<NotifyFifo> LVS_NOTIFY_FIFO = BLOCK
            .value("lvs_notify_fifo", GlobalValues.NOTIFY_FIFO).feature(Feature.NOTIFY)
            .doc("FIFO to write checker notify events to [user [group] owning it]");
    public static final Keyword.Value<Script> LVS_NOTIFY_FIFO_SCRIPT = BLOCK
            .value("lvs_notify_fifo_script", Script.type(true)).feature(Feature.NOTIFY)
            .doc("script keepalived runs to read lvs_notify_fifo");
    public static final Keyword.Value<Boolean> FIFO_WRITE_VRRP_STATES_ON_RELOAD = BLOCK
            .value("fifo_write_vrrp_states_on_reload", Types.flag()).feature(Feature.NOTIFY)
            .doc("write the states of instances and sync groups to the FIFOs after a reload");
    public static final Keyword.Value<Boolean> VRRP_NOTIFY_PRIORITY_CHANGES = BLOCK
            .value("vrrp_notify_priority_changes", Types.optionalBool()).feature(Feature.NOTIFY).since("2.0.16")
            .doc("default notify_priority_changes");

    // ---- socket buffers -------------------------------------------------------------------------

    public static final Keyword.Value<Long> VRRP_NETLINK_CMD_RCV_BUFS = BLOCK
            .value("vrrp_netlink_cmd_rcv_bufs", Types.unsigned(UINT_MAX)).feature(Feature.NOT_APPLICABLE)
            .doc("receive buffer size of the VRRP netlink command socket (0: system default)");
    public static final Keyword.Value<Boolean> VRRP_NETLINK_CMD_RCV_BUFS_FORCE = BLOCK
            .value("vrrp_netlink_cmd_rcv_bufs_force", Types.optionalBool()).feature(Feature.NOT_APPLICABLE)
            .doc("set vrrp_netlink_cmd_rcv_bufs even beyond rmem_max");
    public static final Keyword.Value<Long> VRRP_NETLINK_MONITOR_RCV_BUFS = BLOCK
            .value("vrrp_netlink_monitor_rcv_bufs", Types.unsigned(UINT_MAX)).feature(Feature.NOT_APPLICABLE)
            .doc("receive buffer size of the VRRP netlink monitor socket (0: system default)");
    public static final Keyword.Value<Boolean> VRRP_NETLINK_MONITOR_RCV_BUFS_FORCE = BLOCK
            .value("vrrp_netlink_monitor_rcv_bufs_force", Types.optionalBool()).feature(Feature.NOT_APPLICABLE)
            .doc("set vrrp_netlink_monitor_rcv_bufs even beyond rmem_max");
    public static final Keyword.Value<Long> PROCESS_MONITOR_RCV_BUFS = BLOCK
            .value("process_monitor_rcv_bufs", Types.unsigned(UINT_MAX)).feature(Feature.NOT_APPLICABLE)
            .doc("receive buffer size of the process monitor socket of track_process (0: system default)");
    public static final Keyword.Value<Boolean> PROCESS_MONITOR_RCV_BUFS_FORCE = BLOCK
            .value("process_monitor_rcv_bufs_force", Types.optionalBool()).feature(Feature.NOT_APPLICABLE)
            .doc("set process_monitor_rcv_bufs even beyond rmem_max");
    public static final Keyword.Value<RxBufsPolicy> VRRP_RX_BUFS_POLICY = BLOCK
            .value("vrrp_rx_bufs_policy", GlobalValues.RX_BUFS_POLICY).feature(Feature.NOT_APPLICABLE)
            .doc("receive buffer size of VRRP sockets: MTU, ADVERT (times the multiplier) or bytes (default: system)");
    public static final Keyword.Value<Long> VRRP_RX_BUFS_MULTIPLIER = BLOCK
            .value("vrrp_rx_bufs_multiplier", GlobalValues.RX_BUFS_MULTIPLIER).defaultsTo(3L)
            .feature(Feature.NOT_APPLICABLE)
            .doc("multiplier for vrrp_rx_bufs_policy MTU and ADVERT");

    // ---- process plumbing -----------------------------------------------------------------------

    public static final Keyword.Value<Integer> UMASK = BLOCK
            .value("umask", GlobalValues.UMASK).defaultsTo(0177).feature(Feature.PROCESS).since("2.0.9")
            .readsParameterBlindly()
            .doc("umask for files keepalived creates: a number or I{R|W|X}{USR|GRP|OTH} bits joined by |");
    public static final Keyword.Value<String> RELOAD_CHECK_CONFIG = BLOCK
            .value("reload_check_config", Types.optionalString("/dev/null")).feature(Feature.PROCESS)
            .doc("check the configuration before a reload, logging to this file (default /dev/null)");
    public static final Keyword.Value<String> RELOAD_TIME_FILE = BLOCK
            .value("reload_time_file", GlobalValues.exactlyOneWord("reload_time_file invalid")).feature(Feature.PROCESS)
            .doc("file holding a time ([YY]YY-MM-DD HH:MM:SS[Z] or HH:MM:SS[Z]) to reload at");
    public static final Keyword.Value<Boolean> RELOAD_REPEAT = BLOCK
            .value("reload_repeat", Types.flag()).feature(Feature.PROCESS)
            .doc("keep reload_time_file after the reload, reloading daily at a time without date");
    public static final Keyword.Value<String> RELOAD_FILE = BLOCK
            .value("reload_file", Types.optionalString("")).feature(Feature.PROCESS)
            .doc("file that exists while a reload reads the configuration (default keepalived.reload in the pid directory)");
    public static final Keyword.Value<Boolean> DATA_USE_INSTANCE = BLOCK
            .value("data_use_instance", Types.optionalBool()).feature(Feature.PROCESS)
            .doc("put the instance name and namespace in the names of the SIGUSR1 .data files");
}
