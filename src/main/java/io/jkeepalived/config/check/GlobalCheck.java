package io.jkeepalived.config.check;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.GlobalValues;
import io.jkeepalived.config.value.GlobalValues.LvsSyncDaemon;
import io.jkeepalived.config.value.GlobalValues.LvsTimeouts;
import io.jkeepalived.config.value.GlobalValues.NotifyFifo;
import io.jkeepalived.config.value.GlobalValues.RxBufsPolicy;
import io.jkeepalived.config.value.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * global_defs validation, in keepalived 2.2.7's terms (global_parser.c, global_data.c
 * init_global_data, vrrp_data.c vrrp_complete_init): the keywords where keepalived keeps the
 * first occurrence or adds occurrences up, its corrections, the settings it drops when they
 * cannot work, and the defaults that depend on other keywords, which are written into the block
 * so that -d and JSON show the values keepalived runs with.
 *
 * <p>Defaults are materialised only into a global_defs block that was written: without one,
 * every keyword has its table default and the derived defaults are those of the defaults.
 */
final class GlobalCheck implements Check {

    /** Where keepalived's disable_local_igmp writes (it refuses the keyword if the kernel lacks it). */
    static final Path IGMP_LINK_LOCAL_MCAST_REPORTS = Path.of("/proc/sys/net/ipv4/igmp_link_local_mcast_reports");

    @Override
    public Block apply(Block root, CheckContext ctx) {
        if (root.blocks(RootKeywords.GLOBAL_DEFS).isEmpty()) {
            return root;
        }
        Block g = root.section(RootKeywords.GLOBAL_DEFS);
        Diagnostics d = ctx.diags();
        g = notifyFifoUsers(g, ctx);
        g = firstWins(g, d);
        g = firewall(g, d);
        g = lvsTimeouts(g);
        g = rxBufsPolicy(g, d);
        g = smtp(g, d);
        g = garp(g, d);
        g = processNames(g);
        g = snmpRfc(g);
        g = scriptUserExtraWords(g, ctx);   // whether the user exists is ScriptUserCheck's: it decides what scripts run
        g = notifyFifoConflicts(g, d);
        g = lvsSyncDaemon(g, root, ctx);
        g = cpuAffinity(g, d, onlineCpus());
        g = configSaveDir(g, d);
        g = disableLocalIgmp(g, d);
        return root.withBlocks(RootKeywords.GLOBAL_DEFS, List.of(g));
    }

    // ---- keywords keepalived takes the first of -----------------------------------------------------

    /**
     * keepalived ignores later occurrences of these, with its message (the handlers test whether
     * the setting is already made).
     */
    private static Block firstWins(Block g, Diagnostics d) {
        g = keepFirst(g, d, GlobalKeywords.LVS_SYNC_DAEMON, (first, later) -> {
            LvsSyncDaemon f = value(first);
            return "lvs_sync_daemon has already been specified as " + f.ifname() + " "
                    + (f.instance() == null ? "" : f.instance()) + " - ignoring";
        });
        g = keepFirst(g, d, GlobalKeywords.SNMP_SOCKET,
                (first, later) -> "SNMP socket already set to " + value(first) + " - ignoring");
        g = keepFirst(g, d, GlobalKeywords.VMAC_PREFIX,
                (first, later) -> "vmac prefix has already been specified - ignoring " + value(later));
        g = keepFirst(g, d, GlobalKeywords.VMAC_ADDR_PREFIX,
                (first, later) -> "vmac_addr prefix has already been specified - ignoring " + value(later));
        g = keepFirst(g, d, GlobalKeywords.NFTABLES_IPVS, (first, later) -> "ipvs nftables already specified - ignoring");
        g = keepFirst(g, d, GlobalKeywords.TMP_CONFIG_DIRECTORY,
                (first, later) -> "tmp_config_directory already specified - ignoring");
        for (var fifo : FIFOS) {
            g = keepFirst(g, d, fifo, (first, later) -> fifo.name() + " already specified - ignoring "
                    + GlobalValues.NOTIFY_FIFO.format(value(later)).getFirst());
        }
        for (var script : List.of(GlobalKeywords.NOTIFY_FIFO_SCRIPT, GlobalKeywords.VRRP_NOTIFY_FIFO_SCRIPT,
                GlobalKeywords.LVS_NOTIFY_FIFO_SCRIPT)) {
            g = keepFirst(g, d, script, (first, later) -> script.name() + " already specified - ignoring "
                    + ((Script) later.value()).command());
        }
        g = keepFirst(g, d, GlobalKeywords.STARTUP_SCRIPT,
                (first, later) -> "startup script already specified - ignoring");
        g = keepFirst(g, d, GlobalKeywords.SHUTDOWN_SCRIPT,
                (first, later) -> "shutdown script already specified - ignoring");
        return g;
    }

    private static Block keepFirst(Block g, Diagnostics d, Keyword<?> keyword,
            BiFunction<Setting, Setting, String> message) {
        List<Setting> all = occurrences(g, keyword);
        if (all.size() < 2) {
            return g;
        }
        Set<Setting> drop = identitySet();
        for (Setting later : all.subList(1, all.size())) {
            d.error(later.pos(), message.apply(all.getFirst(), later));
            drop.add(later);
        }
        return without(g, drop);
    }

    // ---- firewall ---------------------------------------------------------------------------------

    /**
     * nftables and nftables_ipvs keep their first table; vrrp_iptables, without iptables support,
     * sets the nftables table to "keepalived" whatever came before. Choosing a table resets the
     * chain priority (and for IPVS the start fwmark) to the default, whatever order they are in
     * (vrrp_nftables_handler, ipvs_nftables_handler).
     */
    private static Block firewall(Block g, Diagnostics d) {
        String table = null;
        Integer priority = null;
        Setting prioritySetting = null;
        Setting resetBy = null;
        Integer ipvsPriority = null;
        Long ipvsFwmark = null;
        Setting ipvsSetting = null;
        Set<Setting> drop = identitySet();
        for (Setting s : g.settings()) {
            if (s.keyword() == GlobalKeywords.NFTABLES) {
                if (table != null) {
                    d.error(s.pos(), "nftables already specified - ignoring");
                    drop.add(s);
                    continue;
                }
                table = value(s);
                resetBy = priority != null ? s : resetBy;
                priority = priority != null ? GlobalKeywords.NFTABLES_PRIORITY.defaultValue() : null;
            } else if (s.keyword() == GlobalKeywords.VRRP_IPTABLES) {
                table = "keepalived";
                resetBy = priority != null ? s : resetBy;
                priority = priority != null ? GlobalKeywords.NFTABLES_PRIORITY.defaultValue() : null;
            } else if (s.keyword() == GlobalKeywords.NFTABLES_PRIORITY) {
                priority = value(s);
                prioritySetting = s;
                resetBy = null;
            } else if (s.keyword() == GlobalKeywords.NFTABLES_IPVS) {
                ipvsSetting = s;
                ipvsPriority = null;
                ipvsFwmark = null;
            } else if (s.keyword() == GlobalKeywords.NFTABLES_IPVS_PRIORITY) {
                ipvsPriority = value(s);
            } else if (s.keyword() == GlobalKeywords.NFTABLES_IPVS_START_FWMARK) {
                ipvsFwmark = value(s);
            }
        }
        g = without(g, drop);
        if (table != null && !table.equals(g.explicit(GlobalKeywords.NFTABLES).orElse(null))) {
            g = g.with(GlobalKeywords.NFTABLES, table);
        }
        if (resetBy != null) {
            d.lint(prioritySetting.pos(), "nftables_priority " + prioritySetting.value() + " is reset to -1 by "
                    + resetBy.spelling() + " on line " + resetBy.pos().line() + " - set it after that");
            g = g.with(GlobalKeywords.NFTABLES_PRIORITY, -1);
        }
        if (ipvsSetting != null) {
            g = resetAfter(g, d, GlobalKeywords.NFTABLES_IPVS_PRIORITY, ipvsPriority, ipvsSetting);
            g = resetAfter(g, d, GlobalKeywords.NFTABLES_IPVS_START_FWMARK, ipvsFwmark, ipvsSetting);
        }
        return g;
    }

    /** A setting made before {@code by}, which resets it to the default, and not made again after. */
    private static <T> Block resetAfter(Block g, Diagnostics d, Keyword.Value<T> keyword, T setAfter, Setting by) {
        Optional<Setting> last = g.last(keyword);
        if (last.isPresent() && setAfter == null) {
            d.lint(last.get().pos(), keyword.name() + " " + last.get().value() + " is reset to " + keyword.defaultValue()
                    + " by " + by.spelling() + " on line " + by.pos().line() + " - set it after that");
            return g.with(keyword, keyword.defaultValue());
        }
        return g;
    }

    // ---- keywords whose occurrences add up --------------------------------------------------------

    /** Each lvs_timeouts line sets only the timeouts it names. */
    private static Block lvsTimeouts(Block g) {
        List<Setting> all = occurrences(g, GlobalKeywords.LVS_TIMEOUTS);
        if (all.size() < 2) {
            return g;
        }
        LvsTimeouts merged = new LvsTimeouts(null, null, null);
        for (Setting s : all) {
            merged = merged.then(value(s));
        }
        return g.with(GlobalKeywords.LVS_TIMEOUTS, merged);
    }

    /**
     * vrrp_rx_bufs_policy lines add up; after each, a size drops the policies and MTU drops
     * ADVERT, with keepalived's messages (vrrp_rx_bufs_policy_handler).
     */
    private static Block rxBufsPolicy(Block g, Diagnostics d) {
        List<Setting> all = occurrences(g, GlobalKeywords.VRRP_RX_BUFS_POLICY);
        if (all.isEmpty()) {
            return g;
        }
        boolean mtu = false;
        boolean advert = false;
        Long size = null;
        for (Setting s : all) {
            RxBufsPolicy p = value(s);
            mtu |= p.mtu();
            advert |= p.advert();
            size = p.size() != null ? p.size() : size;
            if (size != null && (mtu || advert)) {
                d.error(s.pos(), "Cannot set vrrp_rx_bufs_policy size and policy, ignoring policy");
                mtu = false;
                advert = false;
            } else if (mtu && advert) {
                d.error(s.pos(), "Cannot set both vrrp_rx_bufs_policy MTU and ADVERT, ignoring ADVERT");
                advert = false;
            }
        }
        RxBufsPolicy resolved = new RxBufsPolicy(mtu, advert, size);
        return resolved.equals(g.get(GlobalKeywords.VRRP_RX_BUFS_POLICY)) && all.size() == 1
                ? g : g.with(GlobalKeywords.VRRP_RX_BUFS_POLICY, resolved);
    }

    // ---- email ------------------------------------------------------------------------------------

    private static Block smtp(Block g, Diagnostics d) {
        // smtpto_handler: 0 is accepted for compatibility with keepalived before 2.0.7, as 1
        boolean zero = false;
        for (Setting s : occurrences(g, GlobalKeywords.SMTP_CONNECT_TIMEOUT)) {
            if ((int) s.value() == 0) {
                d.warning(s.pos(), "smtp_connect_timeout must be greater than 0, setting to 1");
                zero = true;
            }
        }
        if (zero && g.get(GlobalKeywords.SMTP_CONNECT_TIMEOUT) == 0) {
            g = g.with(GlobalKeywords.SMTP_CONNECT_TIMEOUT, 1);
        }
        // smtphelo_handler ignores the keyword without a name
        Set<Setting> noHelo = identitySet();
        for (Setting s : occurrences(g, GlobalKeywords.SMTP_HELO_NAME)) {
            if (((String) s.value()).isEmpty()) {
                d.lint(s.pos(), "smtp_helo_name without a name - ignored");
                noHelo.add(s);
            }
        }
        g = without(g, noHelo);
        for (Setting s : occurrences(g, GlobalKeywords.NOTIFICATION_EMAIL)) {
            if (((List<?>) s.value()).isEmpty()) {
                d.warning(s.pos(), "empty notification_email block");
            }
        }
        Block b = g;
        Optional<SourcePos> alert = Stream.of(GlobalKeywords.SMTP_ALERT, GlobalKeywords.SMTP_ALERT_VRRP,
                GlobalKeywords.SMTP_ALERT_CHECKER).filter(k -> Boolean.TRUE.equals(b.get(k))).findFirst().map(b::posOf);
        if (alert.isPresent() && !b.isSet(GlobalKeywords.SMTP_SERVER)) {
            d.lint(alert.get(), "smtp alerts are on but there is no smtp_server - no email will be sent");
        }
        return b;
    }

    // ---- gratuitous ARP defaults ----------------------------------------------------------------

    /**
     * The GARP settings in the order written: repeats of 0 become 1 (keepalived allows 0 for
     * compatibility with versions before 2.0.7); vrrp_min_garp sets the values still at their
     * defaults at that point to one GARP and no second batch (vrrp_min_garp_handler); and the
     * lower-priority delay and repeat default to the master ones (vrrp_complete_init).
     */
    private static Block garp(Block g, Diagnostics d) {
        long repeat = GlobalKeywords.VRRP_GARP_MASTER_REPEAT.defaultValue();
        long refresh = GlobalKeywords.VRRP_GARP_MASTER_REFRESH.defaultValue();
        long refreshRepeat = GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT.defaultValue();
        int delay = GlobalKeywords.VRRP_GARP_MASTER_DELAY.defaultValue();
        for (Setting s : g.settings()) {
            if (s.keyword() == GlobalKeywords.VRRP_GARP_MASTER_REPEAT) {
                repeat = atLeastOne(s, d);
            } else if (s.keyword() == GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT) {
                refreshRepeat = atLeastOne(s, d);
            } else if (s.keyword() == GlobalKeywords.VRRP_GARP_MASTER_REFRESH) {
                refresh = (long) s.value();
            } else if (s.keyword() == GlobalKeywords.VRRP_GARP_MASTER_DELAY) {
                delay = (int) s.value();
            } else if (s.keyword() == GlobalKeywords.VRRP_MIN_GARP && (boolean) s.value()) {
                repeat = repeat == GlobalKeywords.VRRP_GARP_MASTER_REPEAT.defaultValue() ? 1 : repeat;
                refreshRepeat = refreshRepeat == GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT.defaultValue()
                        ? 0 : refreshRepeat;
                delay = delay == GlobalKeywords.VRRP_GARP_MASTER_DELAY.defaultValue() ? 0 : delay;
            }
        }
        g = withIfDifferent(g, GlobalKeywords.VRRP_GARP_MASTER_REPEAT, repeat);
        g = withIfDifferent(g, GlobalKeywords.VRRP_GARP_MASTER_DELAY, delay);
        // A refresh repeat of 0 only matters with a refresh interval; it cannot be written back
        // (0 reads as 1), so it is materialised only where it changes what keepalived does.
        if (refreshRepeat != 0 || refresh != 0) {
            g = withIfDifferent(g, GlobalKeywords.VRRP_GARP_MASTER_REFRESH_REPEAT, refreshRepeat);
        }
        if (!g.isSet(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY)) {
            g = g.with(GlobalKeywords.VRRP_GARP_LOWER_PRIO_DELAY, delay);
        }
        if (!g.isSet(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT)) {
            // keepalived copies the unsigned repeat into an int
            g = g.with(GlobalKeywords.VRRP_GARP_LOWER_PRIO_REPEAT, Math.min(repeat, Integer.MAX_VALUE));
        }
        return g;
    }

    private static long atLeastOne(Setting s, Diagnostics d) {
        long v = (long) s.value();
        if (v == 0) {
            d.warning(s.pos(), s.keyword().name() + " must be greater than 0, setting to 1");
            return 1;
        }
        return v;
    }

    private static <T> Block withIfDifferent(Block g, Keyword.Value<T> keyword, T value) {
        return value.equals(g.get(keyword)) ? g : g.with(keyword, value);
    }

    // ---- process names ----------------------------------------------------------------------------

    /** process_names sets the child processes' names, unless a later keyword names one. */
    private static Block processNames(Block g) {
        if (!g.isSet(GlobalKeywords.PROCESS_NAMES)) {
            return g;
        }
        Map<Keyword.Value<String>, String> defaults = Map.of(
                GlobalKeywords.VRRP_PROCESS_NAME, "keepalived_vrrp",
                GlobalKeywords.CHECKER_PROCESS_NAME, "keepalived_lvs",
                GlobalKeywords.BFD_PROCESS_NAME, "keepalived_bfd");
        Map<Keyword.Value<String>, String> names = new java.util.LinkedHashMap<>();
        for (Setting s : g.settings()) {
            if (s.keyword() == GlobalKeywords.PROCESS_NAMES) {
                names.putAll(defaults);
            } else if (defaults.containsKey(s.keyword())) {
                @SuppressWarnings("unchecked")
                Keyword.Value<String> k = (Keyword.Value<String>) s.keyword();
                names.put(k, value(s));
            }
        }
        for (var e : names.entrySet()) {
            g = withIfDifferent(g, e.getKey(), e.getValue());
        }
        return g;
    }

    /** enable_snmp_rfc is both enable_snmp_rfcv2 and enable_snmp_rfcv3 (snmp_rfc_handler). */
    private static Block snmpRfc(Block g) {
        if (!g.isSet(GlobalKeywords.ENABLE_SNMP_RFC)) {
            return g;
        }
        g = withIfDifferent(g, GlobalKeywords.ENABLE_SNMP_RFCV2, true);
        return withIfDifferent(g, GlobalKeywords.ENABLE_SNMP_RFCV3, true);
    }

    // ---- script user and notify FIFOs ---------------------------------------------------------------

    /** script_user USER [GROUP]: words after the group are ignored, as keepalived does. */
    private static Block scriptUserExtraWords(Block g, CheckContext ctx) {
        for (Setting s : occurrences(g, GlobalKeywords.SCRIPT_USER)) {
            List<String> words = value(s);
            if (words.size() > 2) {
                ctx.diags().lint(s.pos(), "script_user: extra words ignored: '"
                        + String.join(" ", words.subList(2, words.size())) + "'");
            }
        }
        return g;
    }

    private static String userProblem(Host host, String user, String group) {
        if (host.user(user).isEmpty()) {
            return "no user '" + user + "'";
        }
        if (group != null && !host.groupExists(group)) {
            return "no group '" + group + "'";
        }
        return null;
    }

    private static final List<Keyword.Value<NotifyFifo>> FIFOS = List.of(
            GlobalKeywords.NOTIFY_FIFO, GlobalKeywords.VRRP_NOTIFY_FIFO, GlobalKeywords.LVS_NOTIFY_FIFO);

    /**
     * A FIFO whose user or group does not exist is not set at all (notify_fifo, logged only), so
     * a later occurrence is not "already specified".
     */
    private static Block notifyFifoUsers(Block g, CheckContext ctx) {
        Set<Setting> drop = identitySet();
        for (var keyword : FIFOS) {
            for (Setting s : occurrences(g, keyword)) {
                NotifyFifo f = value(s);
                String problem = f.user() == null ? null : userProblem(ctx.host(), f.user(), f.group());
                if (problem != null) {
                    ctx.diags().lint(s.pos(), "Invalid user/group for " + keyword.name() + " " + f.path() + ": "
                            + problem + " - ignoring");
                    drop.add(s);
                }
            }
        }
        return without(g, drop);
    }

    /**
     * The FIFOs must differ (keepalived.conf(5)); keepalived drops the vrrp or LVS FIFO that is
     * the global one, and the LVS FIFO's script if the LVS and vrrp FIFOs are the same and both
     * have one (init_global_data, logged only). A FIFO script without its FIFO is never run.
     */
    private static Block notifyFifoConflicts(Block g, Diagnostics d) {
        Optional<String> global = g.explicit(GlobalKeywords.NOTIFY_FIFO).map(NotifyFifo::path);
        Optional<String> vrrp = g.explicit(GlobalKeywords.VRRP_NOTIFY_FIFO).map(NotifyFifo::path);
        Optional<String> lvs = g.explicit(GlobalKeywords.LVS_NOTIFY_FIFO).map(NotifyFifo::path);
        boolean dropVrrp = global.isPresent() && global.equals(vrrp);
        boolean dropLvs = global.isPresent() && global.equals(lvs);
        boolean dropLvsScript = !dropLvs && lvs.isPresent() && lvs.equals(vrrp)
                && g.isSet(GlobalKeywords.LVS_NOTIFY_FIFO_SCRIPT) && g.isSet(GlobalKeywords.VRRP_NOTIFY_FIFO_SCRIPT);
        if (dropVrrp) {
            d.lint(g.posOf(GlobalKeywords.VRRP_NOTIFY_FIFO), "notify FIFO " + vrrp.get()
                    + " has been specified for global and vrrp FIFO - ignoring vrrp FIFO");
            g = g.without(GlobalKeywords.VRRP_NOTIFY_FIFO).without(GlobalKeywords.VRRP_NOTIFY_FIFO_SCRIPT);
        }
        if (dropLvs) {
            d.lint(g.posOf(GlobalKeywords.LVS_NOTIFY_FIFO), "notify FIFO " + lvs.get()
                    + " has been specified for global and LVS FIFO - ignoring LVS FIFO");
            g = g.without(GlobalKeywords.LVS_NOTIFY_FIFO).without(GlobalKeywords.LVS_NOTIFY_FIFO_SCRIPT);
        }
        if (dropLvsScript) {
            d.lint(g.posOf(GlobalKeywords.LVS_NOTIFY_FIFO_SCRIPT),
                    "LVS notify FIFO and vrrp FIFO are the same both with scripts - ignoring LVS FIFO script");
            g = g.without(GlobalKeywords.LVS_NOTIFY_FIFO_SCRIPT);
        }
        List<Keyword.Value<Script>> scripts = List.of(GlobalKeywords.NOTIFY_FIFO_SCRIPT,
                GlobalKeywords.VRRP_NOTIFY_FIFO_SCRIPT, GlobalKeywords.LVS_NOTIFY_FIFO_SCRIPT);
        for (int i = 0; i < scripts.size(); i++) {
            if (g.isSet(scripts.get(i)) && !g.isSet(FIFOS.get(i))) {
                d.lint(g.posOf(scripts.get(i)), scripts.get(i).name() + " without " + FIFOS.get(i).name() + " is never run");
            }
        }
        return g;
    }

    // ---- lvs_sync_daemon --------------------------------------------------------------------------

    /**
     * The sync daemon follows a vrrp instance, which must exist: keepalived clears the sync
     * daemon otherwise (vrrp_complete_init, logged only). Its sync id defaults to the instance's
     * VRID, or 0 without an instance.
     */
    private static Block lvsSyncDaemon(Block g, Block root, CheckContext ctx) {
        Optional<LvsSyncDaemon> explicit = g.explicit(GlobalKeywords.LVS_SYNC_DAEMON);
        if (explicit.isEmpty()) {
            return g;
        }
        LvsSyncDaemon sd = explicit.get();
        SourcePos at = g.posOf(GlobalKeywords.LVS_SYNC_DAEMON);
        if (!ctx.host().interfaces().contains(sd.ifname())) {
            ctx.diags().lint(at, "lvs_sync_daemon interface " + sd.ifname() + " does not exist");
        }
        if (sd.instance() == null) {
            return sd.syncId() == null ? g.with(GlobalKeywords.LVS_SYNC_DAEMON, sd.withSyncId(0)) : g;
        }
        Optional<Block> instance = root.blocks(RootKeywords.VRRP_INSTANCE).stream()
                .filter(b -> sd.instance().equals(b.head())).findFirst();
        if (instance.isEmpty()) {
            ctx.diags().lint(at, "Unable to find vrrp instance " + sd.instance()
                    + " for lvs_syncd - clearing lvs_syncd config");
            return g.without(GlobalKeywords.LVS_SYNC_DAEMON);
        }
        Integer vrid = instance.get().get(VrrpKeywords.VIRTUAL_ROUTER_ID);
        return sd.syncId() == null && vrid != null ? g.with(GlobalKeywords.LVS_SYNC_DAEMON, sd.withSyncId(vrid)) : g;
    }

    // ---- host dependent ---------------------------------------------------------------------------

    /**
     * CPU ids must be below the number of CPUs online (get_cpu_affinity reads them with the range
     * [0, sysconf(_SC_NPROCESSORS_ONLN) - 1]); a bad id clears the whole set.
     */
    static Block cpuAffinity(Block g, Diagnostics d, int online) {
        List<Keyword.Value<List<Integer>>> keywords = List.of(GlobalKeywords.VRRP_CPU_AFFINITY,
                GlobalKeywords.CHECKER_CPU_AFFINITY, GlobalKeywords.BFD_CPU_AFFINITY);
        for (var keyword : keywords) {
            String process = keyword.name().substring(0, keyword.name().indexOf('_'));
            boolean lastBad = false;
            for (Setting s : occurrences(g, keyword)) {
                List<Integer> cpus = value(s);
                Optional<Integer> bad = cpus.stream().filter(c -> c >= online).findFirst();
                bad.ifPresent(c -> d.error(s.pos(), "Invalid cpu_id:" + c + " specified for " + process
                        + " process (this host has " + online + " CPUs online) - ignoring"));
                lastBad = bad.isPresent();
            }
            if (lastBad) {
                g = g.without(keyword);
            }
        }
        return g;
    }

    /** sysconf(_SC_NPROCESSORS_ONLN): the CPUs listed in /sys/devices/system/cpu/online. */
    static int onlineCpus() {
        try {
            int n = 0;
            for (String range : Files.readString(Path.of("/sys/devices/system/cpu/online")).strip().split(",")) {
                String[] ends = range.split("-");
                n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * keepalived creates config_save_dir while reading (also with -t), which needs its parent
     * directory; messages as the binary's.
     */
    private static Block configSaveDir(Block g, Diagnostics d) {
        Set<Setting> drop = identitySet();
        for (Setting s : occurrences(g, GlobalKeywords.CONFIG_SAVE_DIR)) {
            String dir = value(s);
            Path p = Path.of(dir).toAbsolutePath();
            String problem = null;
            if (Files.exists(p)) {
                problem = Files.isDirectory(p) ? null : "config_save_dir " + dir + " exists and is not a directory";
            } else if (p.getParent() != null && !Files.exists(p.getParent())) {
                problem = ancestorIsFile(p.getParent())
                        ? "config_save_dir " + dir + " error 20 - Not a directory"
                        : "Unable to create config_save_dir " + dir + " (error 2 - No such file or directory)";
            } else if (p.getParent() != null && !Files.isDirectory(p.getParent())) {
                problem = "config_save_dir " + dir + " error 20 - Not a directory";
            }
            if (problem != null) {
                d.error(s.pos(), problem);
                drop.add(s);
            }
        }
        return without(g, drop);
    }

    private static boolean ancestorIsFile(Path p) {
        for (Path a = p; a != null; a = a.getParent()) {
            if (Files.exists(a)) {
                return !Files.isDirectory(a);
            }
        }
        return false;
    }

    /** disable_local_igmp_handler: the kernel must have the sysctl (Linux 4.3 on). */
    private static Block disableLocalIgmp(Block g, Diagnostics d) {
        if (Boolean.TRUE.equals(g.explicit(GlobalKeywords.DISABLE_LOCAL_IGMP).orElse(false))
                && !Files.isWritable(IGMP_LINK_LOCAL_MCAST_REPORTS)) {
            d.error(g.posOf(GlobalKeywords.DISABLE_LOCAL_IGMP),
                    "kernel does not support " + IGMP_LINK_LOCAL_MCAST_REPORTS + " - ignoring");
            return g.without(GlobalKeywords.DISABLE_LOCAL_IGMP);
        }
        return g;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static List<Setting> occurrences(Block b, Keyword<?> keyword) {
        List<Setting> out = new ArrayList<>();
        for (Setting s : b.settings()) {
            if (s.keyword() == keyword) {
                out.add(s);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(Setting s) {
        return (T) s.value();
    }

    private static Set<Setting> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** A copy without these very settings (other occurrences of the same keyword stay). */
    private static Block without(Block b, Set<Setting> drop) {
        if (drop.isEmpty()) {
            return b;
        }
        return b.withSettings(b.settings().stream().filter(s -> !drop.contains(s)).toList());
    }
}
