package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.VrrpValues;
import java.net.InetAddress;
import java.time.Duration;

/**
 * The keywords of global_defs (keepalived.conf(5), "Global definitions"). The VRRP defaults
 * here are inherited by every vrrp_instance that does not set its own.
 */
public final class GlobalKeywords {

    private GlobalKeywords() {
    }

    public static final BlockSpec BLOCK = new BlockSpec("global_defs", Feature.VRRP);

    // ---- identity ----

    public static final Keyword.Value<String> ROUTER_ID = BLOCK
            .value("router_id", Types.string())
            .doc("string identifying this machine (default: the host name)");

    // ---- VRRP defaults inherited by instances ----

    public static final Keyword.Value<String> DEFAULT_INTERFACE = BLOCK
            .value("default_interface", Types.string()).defaultsTo("eth0")
            .doc("interface for VIPs, routes and static addresses without dev");
    public static final Keyword.Value<InetAddress> VRRP_MCAST_GROUP4 = BLOCK
            .value("vrrp_mcast_group4", VrrpValues.multicast(true))
            .defaultsTo(Types.parseAddress("224.0.0.18"))
            .doc("multicast group for IPv4 adverts");
    public static final Keyword.Value<InetAddress> VRRP_MCAST_GROUP6 = BLOCK
            .value("vrrp_mcast_group6", VrrpValues.multicast(false))
            .defaultsTo(Types.parseAddress("ff02::12"))
            .doc("multicast group for IPv6 adverts");
    public static final Keyword.Value<Integer> VRRP_GARP_MASTER_DELAY = BLOCK
            .value("vrrp_garp_master_delay", Types.integer(0, 4294)).defaultsTo(5)
            .doc("seconds before the second batch of GARPs after becoming master; 0: none");
    public static final Keyword.Value<Long> VRRP_GARP_MASTER_REPEAT = BLOCK
            .value("vrrp_garp_master_repeat", Types.unsigned(0xffffffffL)).defaultsTo(5L)
            .doc("GARPs per batch on becoming master");
    public static final Keyword.Value<Integer> VRRP_GARP_LOWER_PRIO_DELAY = BLOCK
            .value("vrrp_garp_lower_prio_delay", Types.integer(0, 4294))
            .doc("seconds before the second batch after a lower-priority advert (default vrrp_garp_master_delay)");
    public static final Keyword.Value<Long> VRRP_GARP_LOWER_PRIO_REPEAT = BLOCK
            .value("vrrp_garp_lower_prio_repeat", Types.unsigned(0xffffffffL))
            .doc("GARPs per batch after a lower-priority advert (default vrrp_garp_master_repeat)");
    public static final Keyword.Value<Long> VRRP_GARP_MASTER_REFRESH = BLOCK
            .value("vrrp_garp_master_refresh", Types.unsigned(0xffffffffL)).defaultsTo(0L)
            .doc("seconds between GARP refreshes while master; 0: none");
    public static final Keyword.Value<Long> VRRP_GARP_MASTER_REFRESH_REPEAT = BLOCK
            .value("vrrp_garp_master_refresh_repeat", Types.unsigned(0xffffffffL)).defaultsTo(1L)
            .doc("GARPs per refresh");
    public static final Keyword.Value<Duration> VRRP_GARP_INTERVAL = BLOCK
            .value("vrrp_garp_interval", Types.seconds(0.000001, 4294.967295))
            .doc("delay between gratuitous ARPs on an interface (default 0)");
    public static final Keyword.Value<Duration> VRRP_GNA_INTERVAL = BLOCK
            .value("vrrp_gna_interval", Types.seconds(0.000001, 4294.967295))
            .doc("delay between unsolicited neighbour adverts on an interface (default 0)");
    public static final Keyword.Value<Boolean> VRRP_MIN_GARP = BLOCK
            .value("vrrp_min_garp", Types.optionalBool())
            .doc("send one GARP/NA and no second batch");
    public static final Keyword.Value<Integer> VRRP_DOWN_TIMER_ADVERTS = BLOCK
            .value("vrrp_down_timer_adverts", Types.integer(1, 100)).defaultsTo(3)
            .doc("default down_timer_adverts");
    public static final Keyword.Value<Boolean> VRRP_LOWER_PRIO_NO_ADVERT = BLOCK
            .value("vrrp_lower_prio_no_advert", Types.optionalBool())
            .doc("default lower_prio_no_advert (false, true with vrrp_strict)");
    public static final Keyword.Value<Boolean> VRRP_HIGHER_PRIO_SEND_ADVERT = BLOCK
            .value("vrrp_higher_prio_send_advert", Types.optionalBool())
            .doc("default higher_prio_send_advert");
    public static final Keyword.Value<Integer> VRRP_VERSION = BLOCK
            .value("vrrp_version", Types.integer(2, 3)).defaultsTo(2)
            .doc("default VRRP version (IPv6 instances use 3)");
    public static final Keyword.Value<Boolean> VRRP_CHECK_UNICAST_SRC = BLOCK
            .value("vrrp_check_unicast_src", Types.flag())
            .doc("default check_unicast_src");
    public static final Keyword.Value<Boolean> VRRP_SKIP_CHECK_ADV_ADDR = BLOCK
            .value("vrrp_skip_check_adv_addr", Types.flag())
            .doc("default skip_check_adv_addr");
    public static final Keyword.Value<Boolean> VRRP_STRICT = BLOCK
            .value("vrrp_strict", Types.flag())
            .doc("strict RFC compliance for every instance");
    public static final Keyword.Value<Boolean> VRRP_NOTIFY_PRIORITY_CHANGES = BLOCK
            .value("vrrp_notify_priority_changes", Types.optionalBool()).feature(Feature.NOTIFY)
            .doc("default notify_priority_changes");

    // ---- alerts and scripts ----

    public static final Keyword.Value<Boolean> SMTP_ALERT = BLOCK
            .value("smtp_alert", Types.optionalBool()).feature(Feature.SMTP)
            .doc("default for every smtp_alert");
    public static final Keyword.Value<Boolean> SMTP_ALERT_VRRP = BLOCK
            .value("smtp_alert_vrrp", Types.optionalBool()).feature(Feature.SMTP)
            .doc("default smtp_alert of vrrp instances and groups");
    public static final Keyword.Value<java.util.List<String>> SCRIPT_USER = BLOCK
            .value("script_user", Types.wordList(1)).feature(Feature.TRACKING)
            .doc("user [group] scripts run as by default (default keepalived_script if it exists, else root)");
    public static final Keyword.Value<Boolean> ENABLE_SCRIPT_SECURITY = BLOCK
            .value("enable_script_security", Types.flag()).feature(Feature.TRACKING)
            .doc("refuse to run scripts as root that non-root users could change");
}
