package io.jkeepalived.config.value;

import io.jkeepalived.config.read.IncludeCheck;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Values of global_defs keywords that have a shape of their own, read as keepalived 2.2.7's
 * global_parser.c reads them (the binary's messages are quoted where it has one). Records use
 * {@code null} for "not given" where keepalived keeps the option unset; each says so.
 */
public final class GlobalValues {

    private GlobalValues() {
    }

    /** keepalived's UINT_MAX, the upper limit of its read_unsigned. */
    public static final long UINT_MAX = 0xffffffffL;

    // ---- process names --------------------------------------------------------------------------

    /** The kernel's TASK_COMM_LEN less the terminating NUL. */
    public static final int PROCESS_NAME_MAX = 15;

    /**
     * {@code *process_name NAME}: names longer than 15 characters are truncated, with keepalived's
     * error (save_process_name).
     */
    public static final ValueType<String> PROCESS_NAME = new ValueType<>() {
        @Override
        public String parse(Args args) {
            String name = args.word(0);
            args.ignoreAfter(1);
            if (name.length() > PROCESS_NAME_MAX) {
                args.warning("Process name " + name + " more than " + PROCESS_NAME_MAX + " characters, truncating");
                return name.substring(0, PROCESS_NAME_MAX);
            }
            return name;
        }

        @Override
        public List<String> format(String value) {
            return List.of(Types.quote1(value));
        }

        @Override
        public String syntax() {
            return "<NAME>";
        }

        @Override
        public String sample(RandomGenerator r) {
            return new String[] {"keepalived", "ka_vrrp", "lb-checker", "bfd"}[r.nextInt(4)];
        }
    };

    // ---- smtp_server --------------------------------------------------------------------------

    /** The SMTP port keepalived uses when none is given. */
    public static final int SMTP_PORT = 25;

    /**
     * {@code smtp_server HOST [PORT]}: an IP address or a host name, and a port (default 25).
     *
     * @param host the address in canonical form, or the host name as written
     */
    public record SmtpServer(String host, int port) {
    }

    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** A DNS host name (RFC 1123): keepalived resolves anything else to nothing. */
    static boolean isHostName(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        for (String label : name.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    public static final ValueType<SmtpServer> SMTP_SERVER = new ValueType<>() {
        @Override
        public SmtpServer parse(Args args) {
            String host = args.word(0);
            String portWord = args.wordOr(1, Integer.toString(SMTP_PORT));
            args.ignoreAfter(2);
            int port;
            try {
                port = Types.checkRange(portWord, 1, 65535);
            } catch (ValueException e) {
                throw new ValueException("Invalid smtp server " + host + " " + portWord + ": " + e.getMessage());
            }
            // keepalived tries an address literal first, then a name lookup (smtpserver_handler)
            String canonical;
            try {
                canonical = Types.formatAddress(Types.parseAddress(host));
            } catch (ValueException e) {
                if (!isHostName(host)) {
                    throw new ValueException("Invalid smtp server " + host + " " + portWord
                            + ": neither an IP address nor a host name");
                }
                canonical = host;
            }
            return new SmtpServer(canonical, port);
        }

        @Override
        public List<String> format(SmtpServer v) {
            return v.port() == SMTP_PORT ? List.of(v.host()) : List.of(v.host(), Integer.toString(v.port()));
        }

        @Override
        public Object json(SmtpServer v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", v.host());
            m.put("port", v.port());
            return m;
        }

        @Override
        public String syntax() {
            return "<IPADDR|HOSTNAME> [<PORT>]";
        }

        @Override
        public SmtpServer sample(RandomGenerator r) {
            String host = switch (r.nextInt(3)) {
                case 0 -> Types.formatAddress(Types.sampleAddress(r, r.nextBoolean()));
                case 1 -> "smtp.example.com";
                default -> "localhost";
            };
            return new SmtpServer(host, r.nextBoolean() ? SMTP_PORT : r.nextInt(1, 65536));
        }
    };

    // ---- lvs_sync_daemon ----------------------------------------------------------------------

    /** IP_VS_IFNAME_MAXLEN: interface names must be shorter. */
    public static final int IPVS_IFNAME_MAXLEN = 16;

    /**
     * {@code lvs_sync_daemon INTERFACE [[inst] VRRP_INSTANCE] [id SYNC_ID] [maxlen LEN] [port PORT]
     * [ttl TTL] [group IPADDR]}. Every field but the interface may be null (not given: the sync
     * id then defaults to the instance's VRID, or 0, the others to the kernel's defaults).
     */
    public record LvsSyncDaemon(String ifname, String instance, Integer syncId, Integer maxlen, Integer port,
                                Integer ttl, InetAddress group) {

        public LvsSyncDaemon withSyncId(int id) {
            return new LvsSyncDaemon(ifname, instance, id, maxlen, port, ttl, group);
        }
    }

    public static final ValueType<LvsSyncDaemon> LVS_SYNC_DAEMON = new ValueType<>() {
        @Override
        public LvsSyncDaemon parse(Args args) {
            String ifname = args.word(0);
            if (ifname.length() >= IPVS_IFNAME_MAXLEN) {
                throw new ValueException("interface name '" + ifname + "' too long");
            }
            String instance = null;
            Integer syncId = null;
            Integer maxlen = null;
            Integer port = null;
            Integer ttl = null;
            InetAddress group = null;
            // keepalived's lvs_syncd_handler, word by word (i counts from the keyword, as there)
            int n = args.size() + 1;
            for (int i = 2; i < n; i++) {
                String w = args.word(i - 1);
                boolean last = i == n - 1;
                switch (w) {
                    case "inst" -> {
                        String name = args.word(i);
                        if (instance != null) {
                            args.warning("lvs_sync_daemon vrrp instance has already been specified as " + instance
                                    + " - ignoring");
                        } else {
                            instance = name;
                        }
                        i++;
                    }
                    case "id" -> {
                        if (last) {
                            args.warning("No value specified for lvs_sync_daemon id, defaulting to vrid");
                            continue;
                        }
                        Integer v = option(args, args.word(i), 0, 255, "Invalid syncid (%s)", " - defaulting to vrid");
                        syncId = v != null ? v : syncId;
                        i++;
                    }
                    case "maxlen", "port", "ttl" -> {
                        if (last) {
                            args.warning("No value specified for lvs_sync_daemon " + w + " - ignoring");
                            continue;
                        }
                        int max = switch (w) {
                            case "maxlen" -> 65535 - 20 - 8;
                            case "port" -> 65535;
                            default -> 255;
                        };
                        Integer v = option(args, args.word(i), 1, max, "Invalid lvs_sync_daemon " + w + " (%s)",
                                " - ignoring");
                        if (v != null) {
                            switch (w) {
                                case "maxlen" -> maxlen = v;
                                case "port" -> port = v;
                                default -> ttl = v;
                            }
                        }
                        i++;
                    }
                    case "group" -> {
                        if (last) {
                            args.warning("No value specified for lvs_sync_daemon group - ignoring");
                            continue;
                        }
                        String a = args.word(i);
                        try {
                            InetAddress g = Types.parseAddress(a);
                            if (g.isMulticastAddress()) {
                                group = g;
                            } else {
                                args.warning("lvs_sync_daemon group address " + a + " is not multicast - ignoring");
                            }
                        } catch (ValueException e) {
                            args.warning("Invalid lvs_sync_daemon group (" + a + ") - ignoring");
                        }
                        i++;
                    }
                    default -> {
                        // the syntax before 2.0: lvs_sync_daemon IF VRRP_INSTANCE [SYNC_ID]
                        if (i == 2) {
                            instance = w;
                        } else if (i == 3) {
                            Integer v = option(args, w, 0, 255, "Invalid syncid (%s)", " - defaulting to vrid");
                            if (v != null) {
                                args.warning("Please use keyword \"id\" before lvs_sync_daemon SYNCID");
                                syncId = v;
                            }
                        } else {
                            args.warning("Unknown option " + w + " specified for lvs_sync_daemon - ignoring");
                        }
                    }
                }
            }
            return new LvsSyncDaemon(ifname, instance, syncId, maxlen, port, ttl, group);
        }

        @Override
        public List<String> format(LvsSyncDaemon v) {
            List<String> out = new ArrayList<>();
            out.add(Types.quote1(v.ifname()));
            if (v.instance() != null) {
                out.add("inst");
                out.add(Types.quote1(v.instance()));
            }
            addOption(out, "id", v.syncId());
            addOption(out, "maxlen", v.maxlen());
            addOption(out, "port", v.port());
            addOption(out, "ttl", v.ttl());
            if (v.group() != null) {
                out.add("group");
                out.add(Types.formatAddress(v.group()));
            }
            return out;
        }

        @Override
        public Object json(LvsSyncDaemon v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interface", v.ifname());
            putIfSet(m, "instance", v.instance());
            putIfSet(m, "id", v.syncId());
            putIfSet(m, "maxlen", v.maxlen());
            putIfSet(m, "port", v.port());
            putIfSet(m, "ttl", v.ttl());
            putIfSet(m, "group", v.group() == null ? null : Types.formatAddress(v.group()));
            return m;
        }

        @Override
        public String syntax() {
            return "<INTERFACE> [[inst] <VRRP_INSTANCE>] [id <0..255>] [maxlen <1..65507>] [port <1..65535>]"
                    + " [ttl <1..255>] [group <MULTICAST_IPADDR>]";
        }

        @Override
        public LvsSyncDaemon sample(RandomGenerator r) {
            InetAddress group = null;
            if (r.nextBoolean()) {
                group = Types.parseAddress(r.nextBoolean() ? "224.0.0.81" : "ff02::81");
            }
            return new LvsSyncDaemon("eth" + r.nextInt(3), r.nextBoolean() ? "VI_" + r.nextInt(5) : null,
                    r.nextBoolean() ? r.nextInt(0, 256) : null, r.nextBoolean() ? r.nextInt(1, 65508) : null,
                    r.nextBoolean() ? r.nextInt(1, 65536) : null, r.nextBoolean() ? r.nextInt(1, 256) : null, group);
        }
    };

    /**
     * A numeric option value, or null after keepalived's message: {@code invalid} (with %s for the
     * word), why, then what keepalived does instead.
     */
    private static Integer option(Args args, String word, int min, int max, String invalid, String outcome) {
        try {
            return Types.checkRange(word, min, max);
        } catch (ValueException e) {
            args.warning(invalid.formatted(word) + ": " + e.getMessage() + outcome);
            return null;
        }
    }

    private static void addOption(List<String> out, String name, Integer value) {
        if (value != null) {
            out.add(name);
            out.add(value.toString());
        }
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    // ---- lvs_timeouts -------------------------------------------------------------------------

    /** LVS_MAX_TIMEOUT: 31 days. */
    public static final int LVS_MAX_TIMEOUT = 86400 * 31;

    /**
     * {@code lvs_timeouts [tcp SECS] [tcpfin SECS] [udp SECS]}: IPVS connection timeouts; a null
     * (or 0) field leaves the kernel's value unchanged. Several lines add up.
     */
    public record LvsTimeouts(Integer tcp, Integer tcpFin, Integer udp) {

        /** This one with the fields {@code later} sets replacing ours. */
        public LvsTimeouts then(LvsTimeouts later) {
            return new LvsTimeouts(later.tcp != null ? later.tcp : tcp, later.tcpFin != null ? later.tcpFin : tcpFin,
                    later.udp != null ? later.udp : udp);
        }
    }

    public static final ValueType<LvsTimeouts> LVS_TIMEOUTS = new ValueType<>() {
        @Override
        public LvsTimeouts parse(Args args) {
            if (args.size() < 2) {
                throw new ValueException("lvs_timeouts requires at least one option");
            }
            Integer[] values = new Integer[3];
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String w = args.word(i);
                int slot = switch (w) {
                    case "tcp" -> 0;
                    case "tcpfin" -> 1;
                    case "udp" -> 2;
                    default -> -1;
                };
                if (slot < 0) {
                    problems.add("Unknown option " + w + " specified for lvs_timeouts - ignoring");
                    continue;
                }
                if (i == args.size() - 1) {
                    problems.add("No value specified for lvs_timeout " + w + " - ignoring");
                    continue;
                }
                String v = args.word(++i);
                try {
                    values[slot] = Types.checkRange(v, 0, LVS_MAX_TIMEOUT);
                } catch (ValueException e) {
                    problems.add("Invalid lvs_timeout " + w + " (" + v + "): " + e.getMessage() + " - ignoring");
                }
            }
            LvsTimeouts t = new LvsTimeouts(values[0], values[1], values[2]);
            if (t.equals(NO_TIMEOUTS)) {
                return failWith(args, problems);
            }
            return report(args, problems, t);
        }

        @Override
        public List<String> format(LvsTimeouts v) {
            List<String> out = new ArrayList<>();
            addOption(out, "tcp", v.tcp());
            addOption(out, "tcpfin", v.tcpFin());
            addOption(out, "udp", v.udp());
            return out;
        }

        @Override
        public Object json(LvsTimeouts v) {
            Map<String, Object> m = new LinkedHashMap<>();
            putIfSet(m, "tcp", v.tcp());
            putIfSet(m, "tcpfin", v.tcpFin());
            putIfSet(m, "udp", v.udp());
            return m;
        }

        @Override
        public String syntax() {
            String secs = "<0.." + LVS_MAX_TIMEOUT + ">";
            return "[tcp " + secs + "] [tcpfin " + secs + "] [udp " + secs + "]";
        }

        @Override
        public LvsTimeouts sample(RandomGenerator r) {
            int which = r.nextInt(1, 8);
            return new LvsTimeouts((which & 1) != 0 ? r.nextInt(0, LVS_MAX_TIMEOUT + 1) : null,
                    (which & 2) != 0 ? r.nextInt(0, 121) : null, (which & 4) != 0 ? r.nextInt(0, 301) : null);
        }
    };

    private static final LvsTimeouts NO_TIMEOUTS = new LvsTimeouts(null, null, null);

    /** Reports what keepalived reports for a line it partly uses. */
    private static <T> T report(Args args, List<String> problems, T value) {
        problems.forEach(args::warning);
        return value;
    }

    /**
     * A line keepalived reads without effect: its last problem rejects the line (so that it is not
     * kept), the others are reported as keepalived reports them.
     */
    private static <T> T failWith(Args args, List<String> problems) {
        if (problems.isEmpty()) {
            throw new ValueException("no usable option");
        }
        problems.subList(0, problems.size() - 1).forEach(args::warning);
        // the parser adds its own "- ignored"
        throw new ValueException(problems.getLast().replaceFirst(" - ignoring$", ""));
    }

    // ---- lvs_flush_on_stop --------------------------------------------------------------------

    /** {@code lvs_flush_on_stop [VS]}: remove everything, or only the virtual servers. */
    public enum LvsFlushOnStop {
        FULL, VS
    }

    public static final ValueType<LvsFlushOnStop> LVS_FLUSH_ON_STOP = new ValueType<>() {
        @Override
        public LvsFlushOnStop parse(Args args) {
            if (args.isEmpty()) {
                return LvsFlushOnStop.FULL;
            }
            if (!args.word(0).equals("VS")) {
                throw new ValueException("Unknown lvs_flush_on_stop type " + args.word(0));
            }
            args.ignoreAfter(1);
            return LvsFlushOnStop.VS;
        }

        @Override
        public List<String> format(LvsFlushOnStop v) {
            return v == LvsFlushOnStop.VS ? List.of("VS") : List.of();
        }

        @Override
        public Object json(LvsFlushOnStop v) {
            return v == LvsFlushOnStop.VS ? "VS" : "full";
        }

        @Override
        public String syntax() {
            return "[VS]";
        }

        @Override
        public LvsFlushOnStop sample(RandomGenerator r) {
            return r.nextBoolean() ? LvsFlushOnStop.FULL : LvsFlushOnStop.VS;
        }
    };

    // ---- notify FIFOs -------------------------------------------------------------------------

    /**
     * {@code *notify_fifo FIFO_NAME [username [groupname]]}: user and group own the FIFO (null:
     * the default script user, and that user's group).
     */
    public record NotifyFifo(String path, String user, String group) {
    }

    public static final ValueType<NotifyFifo> NOTIFY_FIFO = new ValueType<>() {
        @Override
        public NotifyFifo parse(Args args) {
            if (args.isEmpty()) {
                throw new ValueException("No " + args.keyword() + " name specified");
            }
            args.ignoreAfter(3);
            return new NotifyFifo(args.word(0), args.wordOr(1, null), args.wordOr(2, null));
        }

        @Override
        public List<String> format(NotifyFifo v) {
            List<String> out = new ArrayList<>();
            out.add(Types.quote1(v.path()));
            if (v.user() != null) {
                out.add(Types.quote1(v.user()));
                if (v.group() != null) {
                    out.add(Types.quote1(v.group()));
                }
            }
            return out;
        }

        @Override
        public Object json(NotifyFifo v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", v.path());
            putIfSet(m, "user", v.user());
            putIfSet(m, "group", v.group());
            return m;
        }

        @Override
        public String syntax() {
            return "<FIFO_NAME> [username [groupname]]";
        }

        @Override
        public NotifyFifo sample(RandomGenerator r) {
            String user = r.nextBoolean() ? "nobody" : null;
            String group = user != null && r.nextBoolean() ? "nogroup" : null;
            return new NotifyFifo("/run/keepalived/fifo" + r.nextInt(9), user, group);
        }
    };

    // ---- umask --------------------------------------------------------------------------------

    /** The permission bits a umask may hold (S_IRWXU | S_IRWXG | S_IRWXO). */
    public static final int UMASK_BITS = 0777;

    /** The umask bit names, bit 0 first. */
    private static final String[] UMASK_NAMES = {
        "IXOTH", "IWOTH", "IROTH", "IXGRP", "IWGRP", "IRGRP", "IXUSR", "IWUSR", "IRUSR"};

    /**
     * {@code umask NUMBER|BITS}: a number as strtol base 0 reads it (hex, octal or decimal), or
     * bit names I{R|W|X}{USR|GRP|OTH} joined by '|' (umask_handler). The value is the mode bits.
     */
    public static final ValueType<Integer> UMASK = new ValueType<>() {
        @Override
        public Integer parse(Args args) {
            String first = args.word(0);
            if (Character.isDigit(first.charAt(0))) {
                if (args.size() != 1) {
                    throw new ValueException("Extra parameter(s) to umask option");
                }
                long v = strtolBase0(first);
                if (v < 0 || (v & ~UMASK_BITS) != 0) {
                    throw new ValueException("invalid umask value " + first);
                }
                return (int) v;
            }
            int bits = 0;
            boolean needOr = false;
            for (String word : args.words()) {
                for (int p = 0; p < word.length(); ) {
                    if (needOr) {
                        if (word.charAt(p) == '|') {
                            needOr = false;
                            p++;
                            continue;
                        }
                        throw new ValueException("Invalid umask syntax " + word);
                    }
                    int bit = umaskBit(word, p);
                    if (bit < 0) {
                        throw new ValueException("Unknown umask bit " + word.substring(p));
                    }
                    bits |= bit;
                    p += 5;
                    needOr = true;
                }
            }
            if (!needOr) {
                throw new ValueException("umask missing bit value");
            }
            return bits;
        }

        @Override
        public List<String> format(Integer v) {
            return List.of(formatUmask(v));
        }

        @Override
        public Object json(Integer v) {
            return formatUmask(v);
        }

        @Override
        public String syntax() {
            return "<NUMBER>|<BIT>[|<BIT>...]";
        }

        @Override
        public Integer sample(RandomGenerator r) {
            return r.nextInt(0, UMASK_BITS + 1);
        }
    };

    /** Octal with a leading 0, as keepalived prints it: "0177". */
    public static String formatUmask(int bits) {
        return "0" + Integer.toOctalString(bits);
    }

    private static int umaskBit(String word, int p) {
        for (int i = 0; i < UMASK_NAMES.length; i++) {
            if (word.startsWith(UMASK_NAMES[i], p)) {
                return 1 << i;
            }
        }
        return -1;
    }

    /**
     * strtol(s, &end, 0) for a word starting with a digit, requiring it to end at the end of the
     * word: "0x1f" hex, "017" octal, "15" decimal. Returns -1 if the word is not entirely a number
     * and Long.MAX_VALUE on overflow (as strtol clamps).
     */
    static long strtolBase0(String s) {
        int radix = 10;
        int start = 0;
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && Character.digit(s.charAt(2), 16) >= 0) {
            radix = 16;
            start = 2;
        } else if (s.charAt(0) == '0') {
            radix = 8;
        }
        long v = 0;
        for (int i = start; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) > 'z') {
                return -1;
            }
            if (v > (Long.MAX_VALUE - d) / radix) {
                return Long.MAX_VALUE;
            }
            v = v * radix + d;
        }
        return v;
    }

    // ---- vrrp_rx_bufs_policy ------------------------------------------------------------------

    /**
     * {@code vrrp_rx_bufs_policy [MTU|ADVERT|SIZE]}: how the receive buffers of VRRP sockets are
     * sized. Several lines add up; validation settles conflicts as keepalived does (a size wins
     * over a policy, MTU over ADVERT).
     *
     * @param size bytes, or null if no size was given
     */
    public record RxBufsPolicy(boolean mtu, boolean advert, Long size) {
    }

    public static final ValueType<RxBufsPolicy> RX_BUFS_POLICY = new ValueType<>() {
        @Override
        public RxBufsPolicy parse(Args args) {
            if (args.isEmpty()) {
                throw new ValueException("vrrp_rx_bufs_policy missing");
            }
            boolean mtu = false;
            boolean advert = false;
            Long size = null;
            List<String> problems = new ArrayList<>();
            for (String w : args.words()) {
                if (w.equalsIgnoreCase("MTU")) {
                    mtu = true;
                } else if (w.equalsIgnoreCase("ADVERT")) {
                    advert = true;
                } else {
                    // keepalived reads the size from the first word whatever word this is
                    // (vrrp_rx_bufs_policy_handler), so "MTU 100" is an invalid size
                    try {
                        size = unsignedWord(args.word(0), 0, UINT_MAX);
                    } catch (ValueException e) {
                        problems.add("Invalid vrrp_rx_bufs_policy " + w + ": " + e.getMessage() + " - ignoring");
                    }
                }
            }
            if (!mtu && !advert && size == null) {
                return failWith(args, problems);
            }
            return report(args, problems, new RxBufsPolicy(mtu, advert, size));
        }

        @Override
        public List<String> format(RxBufsPolicy v) {
            List<String> out = new ArrayList<>();
            if (v.size() != null) {
                out.add(v.size().toString());
            }
            if (v.mtu()) {
                out.add("MTU");
            }
            if (v.advert()) {
                out.add("ADVERT");
            }
            return out;
        }

        @Override
        public Object json(RxBufsPolicy v) {
            return v.size() != null && !v.mtu() && !v.advert() ? (Object) v.size() : String.join(" ", format(v));
        }

        @Override
        public String syntax() {
            return "MTU|ADVERT|<SIZE>";
        }

        @Override
        public RxBufsPolicy sample(RandomGenerator r) {
            return switch (r.nextInt(3)) {
                case 0 -> new RxBufsPolicy(true, false, null);
                case 1 -> new RxBufsPolicy(false, true, null);
                default -> new RxBufsPolicy(false, false, r.nextLong(0, UINT_MAX + 1));
            };
        }
    };

    /** An unsigned number in [min, max] (keepalived's read_unsigned). */
    static long unsignedWord(String w, long min, long max) {
        if (w.stripLeading().startsWith("-")) {
            throw new ValueException("negative number '" + w + "'");
        }
        long v = Types.parseLong(w);
        if (v < min || v > max) {
            throw new ValueException("number '" + w + "' outside range [" + min + ", " + max + "]");
        }
        return v;
    }

    // ---- include_check ------------------------------------------------------------------------

    /**
     * {@code include_check [OPTIONS]}: what the setting does to the include checks in force,
     * per check: turned on, turned off, or left as it was (in neither set). keepalived's option
     * words are {@code read}, {@code match}, {@code wildcard_match} and {@code brace_match}
     * (include_check_set; keepalived.conf(5) says "readable" but the 2.2.7 binary rejects it);
     * a '+' or '-' prefix adds or removes a check, a bare first word sets the checks to that one
     * plus read, and no word turns them all on.
     */
    public record IncludeCheckOptions(Set<IncludeCheck> on, Set<IncludeCheck> off) {

        public IncludeCheckOptions {
            on = on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on));
            off = off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
        }

        public static final IncludeCheckOptions ALL = new IncludeCheckOptions(EnumSet.allOf(IncludeCheck.class), Set.of());

        /** The checks in force after this setting, given those before it. */
        public Set<IncludeCheck> applyTo(Set<IncludeCheck> current) {
            EnumSet<IncludeCheck> s = EnumSet.noneOf(IncludeCheck.class);
            s.addAll(current);
            s.removeAll(off);
            s.addAll(on);
            return s;
        }
    }

    /** keepalived's spelling of each check. */
    public static String includeCheckWord(IncludeCheck c) {
        return c == IncludeCheck.READABLE ? "read" : c.word();
    }

    private static IncludeCheck includeCheckByWord(String w) {
        for (IncludeCheck c : IncludeCheck.values()) {
            if (includeCheckWord(c).equals(w)) {
                return c;
            }
        }
        return null;
    }

    public static final ValueType<IncludeCheckOptions> INCLUDE_CHECK = new ValueType<>() {
        @Override
        public IncludeCheckOptions parse(Args args) {
            if (args.isEmpty()) {
                return IncludeCheckOptions.ALL;
            }
            // per check: TRUE on, FALSE off, absent unchanged
            Map<IncludeCheck, Boolean> effect = new java.util.EnumMap<>(IncludeCheck.class);
            List<String> problems = new ArrayList<>();
            boolean cleared = false;
            for (int i = 0; i < args.size(); i++) {
                String word = args.word(i);
                int sign = word.startsWith("-") ? -1 : word.startsWith("+") ? 1 : 0;
                if (sign == 0) {
                    if (i > 0) {
                        problems.add("Duplicate include_check '" + word + "' specified - ignoring");
                        continue;
                    }
                    // a bare first word starts from no checks at all
                    for (IncludeCheck c : IncludeCheck.values()) {
                        effect.put(c, false);
                    }
                    cleared = true;
                }
                String name = sign == 0 ? word : word.substring(1);
                IncludeCheck c = includeCheckByWord(name);
                if (c == null) {
                    problems.add("Unknown include_check type '" + name + "' - ignoring"
                            + (name.equals("readable") ? " (keepalived 2.2.7 calls it 'read')" : "")
                            + (cleared && i == 0 ? "; all include checks are off" : ""));
                    continue;
                }
                if (sign == 0) {
                    effect.put(IncludeCheck.READABLE, true);
                }
                effect.put(c, sign >= 0);
            }
            Set<IncludeCheck> on = EnumSet.noneOf(IncludeCheck.class);
            Set<IncludeCheck> off = EnumSet.noneOf(IncludeCheck.class);
            effect.forEach((c, v) -> (v ? on : off).add(c));
            if (on.isEmpty() && off.isEmpty()) {
                return failWith(args, problems);
            }
            return report(args, problems, new IncludeCheckOptions(on, off));
        }

        @Override
        public List<String> format(IncludeCheckOptions v) {
            if (v.equals(IncludeCheckOptions.ALL)) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (IncludeCheck c : IncludeCheck.values()) {
                if (v.on().contains(c)) {
                    out.add("+" + includeCheckWord(c));
                } else if (v.off().contains(c)) {
                    out.add("-" + includeCheckWord(c));
                }
            }
            return out;
        }

        @Override
        public Object json(IncludeCheckOptions v) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (IncludeCheck c : IncludeCheck.values()) {
                if (v.on().contains(c) || v.off().contains(c)) {
                    m.put(includeCheckWord(c), v.on().contains(c));
                }
            }
            return m;
        }

        @Override
        public String syntax() {
            return "[[+|-]read|match|wildcard_match|brace_match ...]";
        }

        @Override
        public IncludeCheckOptions sample(RandomGenerator r) {
            Set<IncludeCheck> on = EnumSet.noneOf(IncludeCheck.class);
            Set<IncludeCheck> off = EnumSet.noneOf(IncludeCheck.class);
            for (IncludeCheck c : IncludeCheck.values()) {
                switch (r.nextInt(3)) {
                    case 0 -> on.add(c);
                    case 1 -> off.add(c);
                    default -> {
                    }
                }
            }
            if (on.isEmpty() && off.isEmpty()) {
                on.add(IncludeCheck.MATCH);
            }
            return new IncludeCheckOptions(on, off);
        }
    };

    // ---- process scheduling -------------------------------------------------------------------

    /** CPU_SETSIZE: the CPU ids a cpu_set_t can hold. */
    public static final int CPU_SETSIZE = 1024;

    /**
     * {@code *_cpu_affinity CPU...}: the CPU ids a process may run on, sorted. keepalived limits
     * them to the CPUs online (checked in validation, since that is a property of the host).
     */
    public static ValueType<List<Integer>> cpuAffinity(String process) {
        return new ValueType<>() {
            @Override
            public List<Integer> parse(Args args) {
                if (args.isEmpty()) {
                    throw new ValueException("No " + process + " cpu_id set specified");
                }
                TreeSet<Integer> cpus = new TreeSet<>();
                for (String w : args.words()) {
                    try {
                        cpus.add(Types.checkRange(w, 0, CPU_SETSIZE - 1));
                    } catch (ValueException e) {
                        // keepalived clears the whole set at the first bad id (get_cpu_affinity)
                        throw new ValueException("Invalid cpu_id '" + w + "' specified for " + process + " process: "
                                + e.getMessage());
                    }
                }
                return List.copyOf(cpus);
            }

            @Override
            public List<String> format(List<Integer> v) {
                return v.stream().map(String::valueOf).toList();
            }

            @Override
            public Object json(List<Integer> v) {
                return v;
            }

            @Override
            public String syntax() {
                return "<CPU_ID> ...";
            }

            @Override
            public List<Integer> sample(RandomGenerator r) {
                TreeSet<Integer> s = new TreeSet<>();
                int n = r.nextInt(1, 4);
                for (int i = 0; i < n; i++) {
                    s.add(r.nextInt(0, 4));
                }
                return List.copyOf(s);
            }
        };
    }

    /** sched_get_priority_min/max(SCHED_RR) on Linux. */
    public static final int RT_PRIORITY_MIN = 1;
    public static final int RT_PRIORITY_MAX = 99;

    /**
     * {@code *_rt_priority N}: any int is read; values outside [1, 99] are clamped, with
     * keepalived's message (get_realtime_priority).
     */
    public static ValueType<Integer> realtimePriority(String process) {
        return new ValueType<>() {
            @Override
            public Integer parse(Args args) {
                String w = args.word(0);
                args.ignoreAfter(1);
                int p;
                try {
                    p = Types.checkRange(w, Integer.MIN_VALUE, Integer.MAX_VALUE);
                } catch (ValueException e) {
                    throw new ValueException(process + " process real-time priority '" + w + "' invalid: "
                            + e.getMessage());
                }
                if (p < RT_PRIORITY_MIN) {
                    args.warning(process + " process real-time priority " + p + " less than minimum " + RT_PRIORITY_MIN
                            + " - setting to minimum");
                    return RT_PRIORITY_MIN;
                }
                if (p > RT_PRIORITY_MAX) {
                    args.warning(process + " process real-time priority " + p + " greater than maximum " + RT_PRIORITY_MAX
                            + " - setting to maximum");
                    return RT_PRIORITY_MAX;
                }
                return p;
            }

            @Override
            public List<String> format(Integer v) {
                return List.of(v.toString());
            }

            @Override
            public String syntax() {
                return "<" + RT_PRIORITY_MIN + ".." + RT_PRIORITY_MAX + ">";
            }

            @Override
            public Integer sample(RandomGenerator r) {
                return r.nextInt(RT_PRIORITY_MIN, RT_PRIORITY_MAX + 1);
            }
        };
    }

    /** RT_RLIMIT_DEFAULT: keepalived's RLIMIT_RTTIME in microseconds when none is configured. */
    public static final long RT_RLIMIT_DEFAULT = 10000;

    /**
     * {@code *_rlimit_rttime USECS}: 1..4294967295; keepalived halves the limit for the soft
     * limit, so it silently raises 1 to 2 (get_rt_rlimit).
     */
    public static ValueType<Long> rtRlimit(String process) {
        return new ValueType<>() {
            @Override
            public Long parse(Args args) {
                String w = args.word(0);
                args.ignoreAfter(1);
                long v;
                try {
                    v = unsignedWord(w, 1, UINT_MAX);
                } catch (ValueException e) {
                    throw new ValueException("Invalid " + process + " real-time limit " + w + ": " + e.getMessage());
                }
                return Math.max(v, 2);
            }

            @Override
            public List<String> format(Long v) {
                return List.of(v.toString());
            }

            @Override
            public String syntax() {
                return "<2..4294967295>";
            }

            @Override
            public Long sample(RandomGenerator r) {
                return r.nextLong(2, UINT_MAX + 1);
            }
        };
    }

    /**
     * {@code max_auto_priority [-1..99]}: the highest real-time priority keepalived raises itself
     * to when it runs late; no value means the maximum, -1 disables the startup notice.
     */
    public static final ValueType<Integer> MAX_AUTO_PRIORITY = new ValueType<>() {
        @Override
        public Integer parse(Args args) {
            if (args.isEmpty()) {
                return RT_PRIORITY_MAX;
            }
            String w = args.word(0);
            args.ignoreAfter(1);
            try {
                return Types.checkRange(w, -1, RT_PRIORITY_MAX);
            } catch (ValueException e) {
                throw new ValueException("'" + w + "' must be in [0, " + RT_PRIORITY_MAX
                        + "] (or -1 to disable): " + e.getMessage());
            }
        }

        @Override
        public List<String> format(Integer v) {
            return List.of(v.toString());
        }

        @Override
        public String syntax() {
            return "[<-1.." + RT_PRIORITY_MAX + ">]";
        }

        @Override
        public Integer sample(RandomGenerator r) {
            return r.nextInt(-1, RT_PRIORITY_MAX + 1);
        }
    };

    // ---- firewall -----------------------------------------------------------------------------

    /**
     * {@code vrrp_iptables [IN_CHAIN [OUT_CHAIN]]}: the chains for no_accept rules (null: INPUT
     * and OUTPUT). Debian's keepalived 2.2.7 is built without iptables: it reports this and uses
     * nftables with table "keepalived" instead (validation applies that).
     */
    public record IptablesChains(String in, String out) {
    }

    /** keepalived's message when built without iptables (vrrp_iptables_handler, nftables variant). */
    public static final String IPTABLES_NOT_SUPPORTED = "iptables not supported, using nftables instead. "
            + "Please replace 'vrrp_iptables and 'vrrp_ipsets' with 'nftables' config option";

    public static final ValueType<IptablesChains> VRRP_IPTABLES = new ValueType<>() {
        @Override
        public IptablesChains parse(Args args) {
            args.ignoreAfter(2);
            args.warning(IPTABLES_NOT_SUPPORTED);
            return new IptablesChains(args.wordOr(0, null), args.wordOr(1, null));
        }

        @Override
        public List<String> format(IptablesChains v) {
            List<String> out = new ArrayList<>();
            if (v.in() != null) {
                out.add(Types.quote1(v.in()));
                if (v.out() != null) {
                    out.add(Types.quote1(v.out()));
                }
            }
            return out;
        }

        @Override
        public Object json(IptablesChains v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("in", v.in() == null ? "INPUT" : v.in());
            m.put("out", v.in() == null ? "OUTPUT" : v.out());
            return m;
        }

        @Override
        public String syntax() {
            return "[<IN_CHAIN> [<OUT_CHAIN>]]";
        }

        @Override
        public IptablesChains sample(RandomGenerator r) {
            return switch (r.nextInt(3)) {
                case 0 -> new IptablesChains(null, null);
                case 1 -> new IptablesChains("keepalived", null);
                default -> new IptablesChains("keepalived_in", "keepalived_out");
            };
        }
    };

    /** IPSET_MAXNAMELEN less the terminating NUL and the one character keepalived keeps spare. */
    public static final int IPSET_NAME_MAX = 30;

    /**
     * {@code vrrp_ipsets [NAME [NAME6 [NAME_IF6 [NAME_IGMP [NAME_MLD]]]]]}: ipsets used with
     * iptables (none given: no ipsets). Debian's keepalived 2.2.7 is built without ipset support
     * and rejects the keyword; we read it, and report that it has no effect.
     */
    public static final ValueType<List<String>> VRRP_IPSETS = new ValueType<>() {
        @Override
        public List<String> parse(Args args) {
            args.ignoreAfter(5);
            List<String> names = List.copyOf(args.words().subList(0, Math.min(5, args.size())));
            for (String n : names) {
                if (n.length() > IPSET_NAME_MAX) {
                    throw new ValueException("ipset name '" + n + "' too long");
                }
            }
            args.warning("vrrp_ipsets is not supported by keepalived 2.2.7 as built for Debian (no ipset support)"
                    + " - ignoring");
            return names;
        }

        @Override
        public List<String> format(List<String> v) {
            return Types.quoted(v);
        }

        @Override
        public Object json(List<String> v) {
            return v;
        }

        @Override
        public String syntax() {
            return "[<NAME> [<NAME6> [<NAME_IF6> [<NAME_IGMP> [<NAME_MLD>]]]]]";
        }

        @Override
        public List<String> sample(RandomGenerator r) {
            return List.of("keepalived", "keepalived6", "keepalived_if6", "keepalived_igmp", "keepalived_mld")
                    .subList(0, r.nextInt(6));
        }
    };

    /** NFT_TABLE_MAXNAMELEN: table names must be shorter. */
    public static final int NFT_TABLE_MAXNAMELEN = 256;

    /** {@code nftables [TABLE]} / {@code nftables_ipvs [TABLE]}: the table, {@code dflt} if not given. */
    public static ValueType<String> nftablesTable(String dflt, String what) {
        ValueType<String> name = Types.optionalString(dflt);
        return new ValueType<>() {
            @Override
            public String parse(Args args) {
                String v = name.parse(args);
                if (v.length() >= NFT_TABLE_MAXNAMELEN) {
                    throw new ValueException(what + " table name too long");
                }
                return v;
            }

            @Override
            public List<String> format(String value) {
                return name.format(value);
            }

            @Override
            public String syntax() {
                return "[<TABLENAME>]";
            }

            @Override
            public String sample(RandomGenerator r) {
                return r.nextBoolean() ? dflt : "ka_" + r.nextInt(100);
            }
        };
    }

    // ---- small shapes -------------------------------------------------------------------------

    /** {@code dynamic_interfaces [allow_if_changes]}. */
    public enum DynamicInterfaces {
        /** Interfaces may be missing at startup, and come and go. */
        ON,
        /** ... and may be recreated with a different type or parent interface. */
        ALLOW_IF_CHANGES
    }

    public static final ValueType<DynamicInterfaces> DYNAMIC_INTERFACES = new ValueType<>() {
        @Override
        public DynamicInterfaces parse(Args args) {
            if (args.isEmpty()) {
                return DynamicInterfaces.ON;
            }
            args.ignoreAfter(1);
            if (args.word(0).equals("allow_if_changes")) {
                return DynamicInterfaces.ALLOW_IF_CHANGES;
            }
            // keepalived still turns dynamic interfaces on (dynamic_interfaces_handler)
            args.warning("Unknown dynamic_interfaces option '" + args.word(0) + "' - ignoring it");
            return DynamicInterfaces.ON;
        }

        @Override
        public List<String> format(DynamicInterfaces v) {
            return v == DynamicInterfaces.ALLOW_IF_CHANGES ? List.of("allow_if_changes") : List.of();
        }

        @Override
        public Object json(DynamicInterfaces v) {
            return v == DynamicInterfaces.ALLOW_IF_CHANGES ? "allow_if_changes" : Boolean.TRUE;
        }

        @Override
        public String syntax() {
            return "[allow_if_changes]";
        }

        @Override
        public DynamicInterfaces sample(RandomGenerator r) {
            return r.nextBoolean() ? DynamicInterfaces.ON : DynamicInterfaces.ALLOW_IF_CHANGES;
        }
    };

    /**
     * {@code vrrp_garp_extra_if [all] SECONDS}, global version: the words may come in any order,
     * the last number wins, and it must be 1..86400 (vrrp_vmac_garp_extra_if_handler).
     */
    public static final ValueType<VrrpValues.GarpExtraIf> GARP_EXTRA_IF = new ValueType<>() {
        @Override
        public VrrpValues.GarpExtraIf parse(Args args) {
            boolean all = false;
            int delay = 0;
            for (String w : args.words()) {
                if (w.equals("all")) {
                    all = true;
                } else {
                    try {
                        delay = Types.checkRange(w, 1, 86400);
                    } catch (ValueException e) {
                        throw new ValueException("'" + w + "' invalid: " + e.getMessage());
                    }
                }
            }
            if (delay == 0) {
                throw new ValueException("specified without time");
            }
            return new VrrpValues.GarpExtraIf(all, delay);
        }

        @Override
        public List<String> format(VrrpValues.GarpExtraIf v) {
            return VrrpValues.GARP_EXTRA_IF.format(v);
        }

        @Override
        public Object json(VrrpValues.GarpExtraIf v) {
            return VrrpValues.GARP_EXTRA_IF.json(v);
        }

        @Override
        public String syntax() {
            return "[all] <1..86400>";
        }

        @Override
        public VrrpValues.GarpExtraIf sample(RandomGenerator r) {
            return new VrrpValues.GarpExtraIf(r.nextBoolean(), r.nextInt(1, 86401));
        }
    };

    /**
     * Exactly one word, else keepalived's {@code invalid} message (reload_time_file,
     * snmp_socket).
     */
    public static ValueType<String> exactlyOneWord(String invalid) {
        return new ValueType<>() {
            @Override
            public String parse(Args args) {
                if (args.size() != 1) {
                    // keepalived checks the word count itself: its own message, exit 5, not "missing a parameter"
                    throw new ValueException(args.isEmpty() ? "missing a parameter after '" + args.keyword() + "'"
                            : invalid);
                }
                return args.word(0);
            }

            @Override
            public List<String> format(String value) {
                return List.of(Types.quote1(value));
            }

            @Override
            public String syntax() {
                return "<STRING>";
            }

            @Override
            public String sample(RandomGenerator r) {
                String[] words = {"/run/keepalived/reload_time", "unix:/var/agentx/master", "udp:10.0.0.1:705"};
                return words[r.nextInt(words.length)];
            }
        };
    }

    /** {@code vrrp_rx_bufs_multiplier N}: exactly one word, 1..4294967295. */
    public static final ValueType<Long> RX_BUFS_MULTIPLIER = new ValueType<>() {
        @Override
        public Long parse(Args args) {
            if (args.size() != 1) {
                throw new ValueException(args.isEmpty() ? "missing a parameter after 'vrrp_rx_bufs_multiplier'"
                        : "Invalid vrrp_rx_bufs_multiplier");
            }
            return unsignedWord(args.word(0), 1, UINT_MAX);
        }

        @Override
        public List<String> format(Long value) {
            return List.of(value.toString());
        }

        @Override
        public String syntax() {
            return "<1..4294967295>";
        }

        @Override
        public Long sample(RandomGenerator r) {
            return r.nextLong(1, UINT_MAX + 1);
        }
    };
}
