package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.LvsAddresses;
import io.jkeepalived.config.value.LvsAddresses.LvsMethod;
import io.jkeepalived.config.value.LvsAddresses.ServerAddress;
import io.jkeepalived.config.value.LvsAddresses.VsAddress;
import io.jkeepalived.config.value.LvsAddresses.VsgAddress;
import io.jkeepalived.config.value.LvsAddresses.VsgFwmark;
import io.jkeepalived.config.value.LvsValues;
import io.jkeepalived.config.value.LvsValues.FileWeight;
import io.jkeepalived.config.value.LvsValues.HexString;
import io.jkeepalived.config.value.LvsValues.MiscUser;
import io.jkeepalived.config.value.LvsValues.RegexStack;
import io.jkeepalived.config.value.LvsValues.StatusRange;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.ValueType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The keywords of virtual_server_group, virtual_server, real_server, the health checkers
 * (TCP_CHECK, HTTP_GET, SSL_GET and their url blocks, MISC_CHECK, SMTP_CHECK and its deprecated
 * host block, DNS_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK, BFD_CHECK) and the top-level SSL
 * block (keepalived.conf(5), "LVS CONFIGURATION"). Ranges and defaults are those keepalived 2.2.7
 * enforces (check_parser.c, check_api.c, check_*.c); defaults that depend on other settings
 * (a real server's values taken from its virtual server, a checker's from its real server) are
 * filled in by validation.
 */
public final class LvsKeywords {

    private LvsKeywords() {
    }

    /** KEEPALIVED_DEFAULT_DELAY: the delay_loop of a virtual server that sets none. */
    public static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);

    /** The connect_timeout of a virtual server that sets none. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static ValueType<Duration> delayLoopType() {
        return LvsValues.positiveTimer(LvsValues.TIMER_MAX);
    }

    private static ValueType<Duration> connectTimeoutType() {
        return LvsValues.positiveTimer(LvsValues.CONNECT_TIMEOUT_MAX);
    }

    // ---- the keywords every checker has --------------------------------------------------------------

    /**
     * The keywords a checker shares with the others (install_checker_common_keywords): the
     * connection options (absent for MISC_CHECK), then retry, delay_before_retry, warmup,
     * delay_loop, alpha and log_all_failures. Also says what the checker defaults to when neither
     * it nor its real server or virtual server sets retry or delay_before_retry.
     *
     * @param defaultRetry            retry when nothing sets it (1; DNS_CHECK 3; MISC_CHECK 0)
     * @param defaultDelayBeforeRetry delay_before_retry when nothing sets it, or null for delay_loop
     */
    public record Common(
            BlockSpec spec,
            Keyword.Value<InetAddress> connectIp,
            Keyword.Value<Integer> connectPort,
            Keyword.Value<InetAddress> bindto,
            Keyword.Value<Integer> bindPort,
            Keyword.Value<String> bindIf,
            Keyword.Value<Duration> connectTimeout,
            Keyword.Value<Long> fwmark,
            Keyword.Value<Long> retry,
            Keyword.Value<Duration> delayBeforeRetry,
            Keyword.Value<Duration> warmup,
            Keyword.Value<Duration> delayLoop,
            Keyword.Value<Boolean> alpha,
            Keyword.Value<Boolean> logAllFailures,
            long defaultRetry,
            Duration defaultDelayBeforeRetry) {

        /** True if the checker connects somewhere (all but MISC_CHECK). */
        public boolean hasConnection() {
            return connectIp != null;
        }

        static Common of(BlockSpec spec, boolean connection, long defaultRetry, Duration defaultDelayBeforeRetry) {
            Keyword.Value<InetAddress> connectIp = null;
            Keyword.Value<Integer> connectPort = null;
            Keyword.Value<InetAddress> bindto = null;
            Keyword.Value<Integer> bindPort = null;
            Keyword.Value<String> bindIf = null;
            Keyword.Value<Duration> connectTimeout = null;
            Keyword.Value<Long> fwmark = null;
            if (connection) {
                connectIp = spec.value("connect_ip", Types.address()).since("1.2.13")
                        .doc("address to connect to (default: the real server's)");
                connectPort = spec.value("connect_port", Types.integer(1, 65535)).since("1.2.13")
                        .doc("port to connect to (default: the real server's)");
                bindto = spec.value("bindto", Types.address())
                        .doc("source address of the check's connection");
                bindPort = spec.value("bind_port", Types.integer(1, 65535)).since("1.2.13")
                        .doc("source port of the check's connection");
                bindIf = spec.value("bind_if", LvsValues.IFNAME).since("1.3.7")
                        .doc("interface to bind to; needed with an IPv6 link-local address");
                connectTimeout = spec.value("connect_timeout", connectTimeoutType())
                        .doc("seconds to wait for the connection (default: the real server's)");
                fwmark = spec.value("fwmark", Types.longRange(0, LvsValues.UINT_MAX))
                        .doc("firewall mark put on the check's packets");
            }
            Keyword.Value<Long> retry = spec.value("retry", Types.longRange(0, LvsValues.UINT_MAX))
                    .doc("retries before the check fails (default: the real server's, else " + defaultRetry + ")");
            Keyword.Value<Duration> dbr = spec.value("delay_before_retry", LvsValues.timer())
                    .doc("seconds between retries (default: the real server's, else "
                            + (defaultDelayBeforeRetry == null ? "delay_loop" : LvsValues.formatTimer(defaultDelayBeforeRetry)) + ")");
            Keyword.Value<Duration> warmup = spec.value("warmup", LvsValues.timer()).since("1.2.20")
                    .doc("maximum random delay before the first check (default: delay_loop; 0: none)");
            Keyword.Value<Duration> delayLoop = spec.value("delay_loop", delayLoopType())
                    .doc("seconds between checks (default: the real server's)");
            Keyword.Value<Boolean> alpha = spec.value("alpha", Types.optionalBool()).since("1.1.16")
                    .doc("the check starts failed (default: the real server's)");
            Keyword.Value<Boolean> logAll = spec.value("log_all_failures", Types.optionalBool()).since("2.0.11")
                    .doc("log every failure while the checker is up, not just the last retry");
            return new Common(spec, connectIp, connectPort, bindto, bindPort, bindIf, connectTimeout, fwmark,
                    retry, dbr, warmup, delayLoop, alpha, logAll, defaultRetry, defaultDelayBeforeRetry);
        }
    }

    // ---- url { } of HTTP_GET / SSL_GET -------------------------------------------------------------

    public static final BlockSpec URL = new BlockSpec("url", Feature.LVS);

    public static final Keyword.Value<String> URL_PATH = URL
            .value("path", LvsValues.text("missing path"))
            .doc("the path to GET, e.g. / or /status");
    public static final Keyword.Value<String> URL_DIGEST = URL
            .value("digest", LvsValues.DIGEST)
            .doc("MD5 digest the page must have (see genhash)");
    public static final Keyword.Value<List<StatusRange>> URL_STATUS_CODE = URL
            .value("status_code", LvsValues.STATUS_CODES).repeat(Keyword.Repeat.ACCUMULATE)
            .doc("HTTP status codes or ranges that pass, 100..599 (default 200-299)");
    public static final Keyword.Value<String> URL_VIRTUALHOST = URL
            .value("virtualhost", LvsValues.text("missing HTTP_GET virtualhost name")).since("1.3.6")
            .doc("Host: header for this url (default: the checker's)");
    public static final Keyword.Value<String> URL_REGEX = URL
            .value("regex", LvsValues.REGEX).since("2.0.7")
            .doc("PCRE2 pattern the returned page must match");
    public static final Keyword.Value<Boolean> URL_REGEX_NO_MATCH = URL
            .value("regex_no_match", Types.flag()).since("2.0.7")
            .doc("fail if the page matches the regex");
    public static final Keyword.Value<List<String>> URL_REGEX_OPTIONS = URL
            .value("regex_options", LvsValues.REGEX_OPTIONS_TYPE).repeat(Keyword.Repeat.ACCUMULATE).since("2.0.7")
            .doc("pcre2 options, e.g. caseless multiline");
    public static final Keyword.Value<Long> URL_REGEX_MIN_OFFSET = URL
            .value("regex_min_offset", LvsValues.REGEX_OFFSET).since("2.0.7")
            .doc("offset in the page where matching starts");
    public static final Keyword.Value<Long> URL_REGEX_MAX_OFFSET = URL
            .value("regex_max_offset", LvsValues.REGEX_OFFSET).since("2.0.7")
            .doc("last offset in the page where a match may start");
    public static final Keyword.Value<RegexStack> URL_REGEX_STACK = URL
            .value("regex_stack", LvsValues.REGEX_STACK).since("2.0.7")
            .doc("start and maximum size in bytes of the PCRE2 JIT stack");

    // ---- HTTP_GET { } and SSL_GET { } ------------------------------------------------------------------

    public static final BlockSpec HTTP_GET = new BlockSpec("HTTP_GET", Feature.LVS);
    public static final Common HTTP_GET_COMMON = Common.of(HTTP_GET, true, 1, Duration.ofSeconds(3));
    public static final Keyword.Value<Long> HTTP_GET_NB_GET_RETRY = HTTP_GET
            .value("nb_get_retry", nbGetRetry())
            .doc("(deprecated) same as retry");
    public static final Keyword.Value<String> HTTP_GET_VIRTUALHOST = HTTP_GET
            .value("virtualhost", LvsValues.text("HTTP_GET virtualhost name missing")).since("1.3.6")
            .doc("Host: header (default: the real server's)");
    public static final Keyword.Value<String> HTTP_GET_HTTP_PROTOCOL = HTTP_GET
            .value("http_protocol", LvsValues.HTTP_PROTOCOL).defaultsTo("1.0").since("2.0.17")
            .doc("1.0, 1.0C (1.0 with Connection: close) or 1.1");
    public static final Keyword.Value<Boolean> HTTP_GET_ENABLE_SNI = HTTP_GET
            .value("enable_sni", Types.optionalBool()).since("1.4.3")
            .doc("send the virtualhost as SNI (SSL_GET)");
    public static final Keyword.Value<Boolean> HTTP_GET_FAST_RECOVERY = HTTP_GET
            .value("fast_recovery", Types.optionalBool()).since("2.0.17")
            .doc("check all urls without delay_loop pauses at start and after a failure");
    public static final Keyword.Block<Void> HTTP_GET_URL = HTTP_GET
            .block("url", Types.NONE, URL)
            .doc("a url to check; several are checked in turn");

    public static final BlockSpec SSL_GET = new BlockSpec("SSL_GET", Feature.LVS);
    public static final Common SSL_GET_COMMON = Common.of(SSL_GET, true, 1, Duration.ofSeconds(3));
    public static final Keyword.Value<Long> SSL_GET_NB_GET_RETRY = SSL_GET
            .value("nb_get_retry", nbGetRetry())
            .doc("(deprecated) same as retry");
    public static final Keyword.Value<String> SSL_GET_VIRTUALHOST = SSL_GET
            .value("virtualhost", LvsValues.text("HTTP_GET virtualhost name missing")).since("1.3.6")
            .doc("Host: header (default: the real server's)");
    public static final Keyword.Value<String> SSL_GET_HTTP_PROTOCOL = SSL_GET
            .value("http_protocol", LvsValues.HTTP_PROTOCOL).defaultsTo("1.0").since("2.0.17")
            .doc("1.0, 1.0C (1.0 with Connection: close) or 1.1");
    public static final Keyword.Value<Boolean> SSL_GET_ENABLE_SNI = SSL_GET
            .value("enable_sni", Types.optionalBool()).since("1.4.3")
            .doc("send the virtualhost as SNI in the TLS handshake");
    public static final Keyword.Value<Boolean> SSL_GET_FAST_RECOVERY = SSL_GET
            .value("fast_recovery", Types.optionalBool()).since("2.0.17")
            .doc("check all urls without delay_loop pauses at start and after a failure");
    public static final Keyword.Block<Void> SSL_GET_URL = SSL_GET
            .block("url", Types.NONE, URL)
            .doc("a url to check; several are checked in turn");

    /**
     * nb_get_retry: keepalived reports its use as an error ("nb_get_retry is deprecated - please
     * use 'retry'"), which makes -t exit 5, and then uses it as retry.
     */
    private static ValueType<Long> nbGetRetry() {
        ValueType<Long> number = Types.longRange(0, LvsValues.UINT_MAX);
        return new ValueType<>() {
            @Override
            public Long parse(io.jkeepalived.config.value.Args args) {
                args.warning("nb_get_retry is deprecated - please use 'retry'");
                return number.parse(args);
            }

            @Override
            public List<String> format(Long value) {
                return number.format(value);
            }

            @Override
            public String syntax() {
                return number.syntax();
            }

            @Override
            public Long sample(java.util.random.RandomGenerator random) {
                return number.sample(random);
            }
        };
    }

    // ---- TCP_CHECK, PING_CHECK ---------------------------------------------------------------------------

    public static final BlockSpec TCP_CHECK = new BlockSpec("TCP_CHECK", Feature.LVS);
    public static final Common TCP_CHECK_COMMON = Common.of(TCP_CHECK, true, 1, Duration.ofSeconds(1));

    public static final BlockSpec PING_CHECK = new BlockSpec("PING_CHECK", Feature.LVS);
    public static final Common PING_CHECK_COMMON = Common.of(PING_CHECK, true, 1, Duration.ofSeconds(1));

    // ---- MISC_CHECK -------------------------------------------------------------------------------------

    public static final BlockSpec MISC_CHECK = new BlockSpec("MISC_CHECK", Feature.LVS);
    public static final Common MISC_CHECK_COMMON = Common.of(MISC_CHECK, false, 0, Duration.ofSeconds(1));
    public static final Keyword.Value<Script> MISC_PATH = MISC_CHECK
            .value("misc_path", Script.type(false))
            .doc("the program to run, with its arguments; exit 0 means up");
    public static final Keyword.Value<Integer> MISC_TIMEOUT = MISC_CHECK
            .value("misc_timeout", Types.integer(0, 4294)).since("1.1.0")
            .doc("seconds before the program is killed (default: the virtual server's delay_loop)");
    public static final Keyword.Value<Boolean> MISC_DYNAMIC = MISC_CHECK
            .value("misc_dynamic", Types.flag()).since("1.1.8")
            .doc("exit status 2..255 sets the weight to status - 2");
    public static final Keyword.Value<MiscUser> MISC_USER = MISC_CHECK
            .value("user", LvsValues.MISC_USER)
            .doc("user (and group) to run the program as");

    // ---- SMTP_CHECK and its host { } ----------------------------------------------------------------------

    /** The deprecated host block of SMTP_CHECK: each one is another SMTP checker. */
    public static final BlockSpec SMTP_HOST = new BlockSpec("host", Feature.LVS);
    public static final Common SMTP_HOST_COMMON = Common.of(SMTP_HOST, true, 1, Duration.ofSeconds(1));

    public static final BlockSpec SMTP_CHECK = new BlockSpec("SMTP_CHECK", Feature.LVS);
    public static final Keyword.Value<String> SMTP_HELO_NAME = SMTP_CHECK
            .value("helo_name", LvsValues.text("SMTP_CHECK helo name missing"))
            .defaultsTo("smtpchecker.keepalived.org")
            .doc("name sent in HELO");
    public static final Common SMTP_CHECK_COMMON = Common.of(SMTP_CHECK, true, 1, Duration.ofSeconds(1));
    public static final Keyword.Block<Void> SMTP_CHECK_HOST = SMTP_CHECK
            .block("host", Types.NONE, SMTP_HOST)
            .deprecated("define more SMTP_CHECKs instead")
            .doc("(deprecated) another server to check, with its own connection options");

    // ---- DNS_CHECK --------------------------------------------------------------------------------------

    public static final BlockSpec DNS_CHECK = new BlockSpec("DNS_CHECK", Feature.LVS);
    public static final Common DNS_CHECK_COMMON = Common.of(DNS_CHECK, true, 3, null);
    public static final Keyword.Value<String> DNS_TYPE = DNS_CHECK
            .value("type", LvsValues.DNS_TYPE).defaultsTo("SOA")
            .doc("query type: A NS CNAME SOA MX TXT AAAA RRSIG DNSKEY");
    public static final Keyword.Value<String> DNS_NAME = DNS_CHECK
            .value("name", LvsValues.DNS_NAME).defaultsTo(".")
            .doc("domain name to query; the first one given counts");

    // ---- UDP_CHECK --------------------------------------------------------------------------------------

    public static final BlockSpec UDP_CHECK = new BlockSpec("UDP_CHECK", Feature.LVS);
    public static final Common UDP_CHECK_COMMON = Common.of(UDP_CHECK, true, 1, Duration.ofSeconds(1));
    public static final Keyword.Value<HexString> UDP_PAYLOAD = UDP_CHECK
            .value("payload", LvsValues.PAYLOAD)
            .doc("hex data to send (default: random data)");
    public static final Keyword.Value<HexString> UDP_REQUIRE_REPLY = UDP_CHECK
            .value("require_reply", LvsValues.REQUIRE_REPLY)
            .doc("a reply is needed, starting with this hex data if given (X: any nibble)");
    public static final Keyword.Value<Integer> UDP_MIN_REPLY_LENGTH = UDP_CHECK
            .value("min_reply_length", Types.integer(0, 65535)).defaultsTo(0)
            .doc("shortest acceptable reply");
    public static final Keyword.Value<Integer> UDP_MAX_REPLY_LENGTH = UDP_CHECK
            .value("max_reply_length", Types.integer(0, 65535)).defaultsTo(255)
            .doc("longest acceptable reply");

    // ---- FILE_CHECK, BFD_CHECK -----------------------------------------------------------------------------

    public static final BlockSpec FILE_CHECK = new BlockSpec("FILE_CHECK", Feature.LVS);
    public static final Keyword.Value<String> FILE_TRACK_FILE = FILE_CHECK
            .value("track_file", Types.string())
            .doc("the track_file (declared earlier) whose value sets the weight");
    public static final Keyword.Value<FileWeight> FILE_WEIGHT = FILE_CHECK
            .value("weight", LvsValues.FILE_WEIGHT)
            .doc("multiplier for the file's value (default: the track_file's weight)");

    public static final BlockSpec BFD_CHECK = new BlockSpec("BFD_CHECK", Feature.BFD);
    public static final Keyword.Value<String> BFD_NAME = BFD_CHECK
            .value("name", LvsValues.oneWord("BFD_CHECK name"))
            .doc("the bfd_instance (declared earlier) whose state is the check's");
    public static final Keyword.Value<Boolean> BFD_ALPHA = BFD_CHECK
            .value("alpha", Types.optionalBool())
            .doc("the check starts failed");

    /** Every checker's common keywords, by block. */
    public static final Map<BlockSpec, Common> COMMON = Map.of(
            HTTP_GET, HTTP_GET_COMMON,
            SSL_GET, SSL_GET_COMMON,
            TCP_CHECK, TCP_CHECK_COMMON,
            PING_CHECK, PING_CHECK_COMMON,
            MISC_CHECK, MISC_CHECK_COMMON,
            SMTP_CHECK, SMTP_CHECK_COMMON,
            SMTP_HOST, SMTP_HOST_COMMON,
            DNS_CHECK, DNS_CHECK_COMMON,
            UDP_CHECK, UDP_CHECK_COMMON);

    // ---- real_server IPADDR [PORT] { } -------------------------------------------------------------------

    public static final BlockSpec REAL_SERVER = new BlockSpec("real_server", Feature.LVS);

    public static final Keyword.Value<Long> RS_WEIGHT = REAL_SERVER
            .value("weight", Types.longRange(0, LvsValues.WEIGHT_LIMIT))
            .doc("relative weight (default: the virtual server's weight, 1)");
    public static final Keyword.Value<LvsMethod> RS_LVS_METHOD = REAL_SERVER
            .value("lvs_method", LvsAddresses.lvsMethod("real")).since("1.3.6")
            .doc("forwarding method (default: the virtual server's)");
    public static final Keyword.Value<Script> RS_NOTIFY_UP = REAL_SERVER
            .value("notify_up", Script.type(true)).feature(Feature.NOTIFY)
            .doc("script run when the checkers find the server up; the first one given counts");
    public static final Keyword.Value<Script> RS_NOTIFY_DOWN = REAL_SERVER
            .value("notify_down", Script.type(true)).feature(Feature.NOTIFY)
            .doc("script run when the checkers find the server down; the first one given counts");
    public static final Keyword.Value<Long> RS_UTHRESHOLD = REAL_SERVER
            .value("uthreshold", Types.longRange(0, LvsValues.UINT_MAX)).since("1.1.13")
            .doc("maximum number of connections to the server");
    public static final Keyword.Value<Long> RS_LTHRESHOLD = REAL_SERVER
            .value("lthreshold", Types.longRange(0, LvsValues.UINT_MAX)).since("1.1.13")
            .doc("connections below which the server is used again");
    public static final Keyword.Value<Boolean> RS_SMTP_ALERT = REAL_SERVER
            .value("smtp_alert", Types.optionalBool()).feature(Feature.SMTP)
            .doc("email on state changes (default yes, unless global smtp_alert_checker/smtp_alert say otherwise)");
    public static final Keyword.Value<String> RS_VIRTUALHOST = REAL_SERVER
            .value("virtualhost", LvsValues.text("real server virtualhost missing")).since("1.3.6")
            .doc("Host: header for HTTP_GET/SSL_GET (default: the virtual server's)");
    public static final Keyword.Value<String> RS_SNMP_NAME = REAL_SERVER
            .value("snmp_name", LvsValues.oneWord("real server snmp_name")).feature(Feature.SNMP)
            .doc("name of the real server in SNMP data");
    public static final Keyword.Value<Boolean> RS_ALPHA = REAL_SERVER
            .value("alpha", Types.optionalBool()).since("1.1.16")
            .doc("checkers start failed (default: the virtual server's)");
    public static final Keyword.Value<Duration> RS_CONNECT_TIMEOUT = REAL_SERVER
            .value("connect_timeout", connectTimeoutType())
            .doc("checkers' connection timeout (default: the virtual server's)");
    public static final Keyword.Value<Long> RS_RETRY = REAL_SERVER
            .value("retry", Types.longRange(1, LvsValues.UINT_MAX))
            .doc("checkers' retries (default: the virtual server's)");
    public static final Keyword.Value<Duration> RS_DELAY_BEFORE_RETRY = REAL_SERVER
            .value("delay_before_retry", LvsValues.timer())
            .doc("checkers' delay between retries (default: the virtual server's)");
    public static final Keyword.Value<Duration> RS_WARMUP = REAL_SERVER
            .value("warmup", LvsValues.timer())
            .doc("checkers' maximum random initial delay (default: the virtual server's)");
    public static final Keyword.Value<Duration> RS_DELAY_LOOP = REAL_SERVER
            .value("delay_loop", delayLoopType())
            .doc("checkers' interval (default: the virtual server's)");
    public static final Keyword.Value<Boolean> RS_INHIBIT_ON_FAILURE = REAL_SERVER
            .value("inhibit_on_failure", Types.optionalBool()).since("0.6.8")
            .doc("on failure set the weight to 0 rather than remove the server (default: the virtual server's)");

    public static final Keyword.Block<Void> RS_HTTP_GET = REAL_SERVER
            .block("HTTP_GET", Types.NONE, HTTP_GET)
            .doc("check with HTTP GETs of urls");
    public static final Keyword.Block<Void> RS_SSL_GET = REAL_SERVER
            .block("SSL_GET", Types.NONE, SSL_GET)
            .doc("check with HTTPS GETs of urls");
    public static final Keyword.Block<Void> RS_TCP_CHECK = REAL_SERVER
            .block("TCP_CHECK", Types.NONE, TCP_CHECK)
            .doc("check that a TCP connection succeeds");
    public static final Keyword.Block<Void> RS_SMTP_CHECK = REAL_SERVER
            .block("SMTP_CHECK", Types.NONE, SMTP_CHECK)
            .doc("check an SMTP server's greeting and HELO");
    public static final Keyword.Block<Void> RS_DNS_CHECK = REAL_SERVER
            .block("DNS_CHECK", Types.NONE, DNS_CHECK)
            .doc("check with a DNS query over UDP");
    public static final Keyword.Block<Void> RS_MISC_CHECK = REAL_SERVER
            .block("MISC_CHECK", Types.NONE, MISC_CHECK)
            .doc("check by running a program");
    public static final Keyword.Block<Void> RS_BFD_CHECK = REAL_SERVER
            .block("BFD_CHECK", Types.NONE, BFD_CHECK)
            .doc("follow the state of a bfd_instance");
    public static final Keyword.Block<Void> RS_UDP_CHECK = REAL_SERVER
            .block("UDP_CHECK", Types.NONE, UDP_CHECK)
            .doc("check by sending a UDP packet (and optionally expecting a reply)");
    public static final Keyword.Block<Void> RS_PING_CHECK = REAL_SERVER
            .block("PING_CHECK", Types.NONE, PING_CHECK)
            .doc("check with ICMP echo");
    public static final Keyword.Block<Void> RS_FILE_CHECK = REAL_SERVER
            .block("FILE_CHECK", Types.NONE, FILE_CHECK)
            .doc("set the weight from a track_file");

    /** The checker blocks of a real server, in the order above. */
    public static final List<Keyword.Block<Void>> CHECKERS = List.of(RS_HTTP_GET, RS_SSL_GET, RS_TCP_CHECK,
            RS_SMTP_CHECK, RS_DNS_CHECK, RS_MISC_CHECK, RS_BFD_CHECK, RS_UDP_CHECK, RS_PING_CHECK, RS_FILE_CHECK);

    // ---- virtual_server ... { } -----------------------------------------------------------------------------

    /** The head of virtual_server: {@code IPADDR [PORT] | fwmark N | group NAME}. */
    public static final ValueType<VsAddress> VIRTUAL_SERVER_HEAD = LvsAddresses.VIRTUAL_SERVER;

    public static final BlockSpec VIRTUAL_SERVER = new BlockSpec("virtual_server", Feature.LVS);

    public static final Keyword.Value<String> LVS_SCHED = VIRTUAL_SERVER
            .value("lvs_sched", LvsValues.SCHEDULER).alias("lb_algo").since("1.1.5")
            .doc("IPVS scheduler: rr wrr lc wlc lblc sh mh dh fo ovf lblcr sed nq twos (default wlc)");
    public static final Keyword.Value<Boolean> HASHED = VIRTUAL_SERVER
            .value("hashed", Types.flag())
            .doc("accepted only after lvs_sched sh or mh, where it has no effect");
    public static final Keyword.Value<Boolean> FLAG_1 = VIRTUAL_SERVER
            .value("flag-1", Types.flag())
            .doc("scheduler flag 1 (ipvsadm -b flag-1)");
    public static final Keyword.Value<Boolean> FLAG_2 = VIRTUAL_SERVER
            .value("flag-2", Types.flag())
            .doc("scheduler flag 2 (ipvsadm -b flag-2)");
    public static final Keyword.Value<Boolean> FLAG_3 = VIRTUAL_SERVER
            .value("flag-3", Types.flag())
            .doc("scheduler flag 3 (ipvsadm -b flag-3)");
    public static final Keyword.Value<Boolean> SH_PORT = VIRTUAL_SERVER
            .value("sh-port", Types.flag())
            .doc("sh scheduler: hash the port too (only after lvs_sched sh)");
    public static final Keyword.Value<Boolean> SH_FALLBACK = VIRTUAL_SERVER
            .value("sh-fallback", Types.flag())
            .doc("sh scheduler: fall back to another server if the chosen one is unavailable (only after lvs_sched sh)");
    public static final Keyword.Value<Boolean> MH_PORT = VIRTUAL_SERVER
            .value("mh-port", Types.flag()).since("2.0.20")
            .doc("mh scheduler: hash the port too (only after lvs_sched mh)");
    public static final Keyword.Value<Boolean> MH_FALLBACK = VIRTUAL_SERVER
            .value("mh-fallback", Types.flag()).since("2.0.20")
            .doc("mh scheduler: fall back to another server if the chosen one is unavailable (only after lvs_sched mh)");
    public static final Keyword.Value<Boolean> OPS = VIRTUAL_SERVER
            .value("ops", Types.flag())
            .doc("one-packet scheduling (UDP only; ipvsadm -o)");
    public static final Keyword.Value<LvsMethod> LVS_METHOD = VIRTUAL_SERVER
            .value("lvs_method", LvsAddresses.lvsMethod("virtual")).alias("lb_kind").since("1.1.5")
            .doc("default forwarding method of the real servers: NAT, DR or TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum] (default NAT)");
    public static final Keyword.Value<String> PERSISTENCE_ENGINE = VIRTUAL_SERVER
            .value("persistence_engine", LvsValues.PERSISTENCE_ENGINE)
            .doc("IPVS persistence engine, e.g. sip");
    public static final Keyword.Value<Integer> PERSISTENCE_TIMEOUT = VIRTUAL_SERVER
            .value("persistence_timeout", LvsValues.PERSISTENCE_TIMEOUT)
            .doc("persistence timeout in seconds, 1..2678400 (without a value 360)");
    public static final Keyword.Value<String> PERSISTENCE_GRANULARITY = VIRTUAL_SERVER
            .value("persistence_granularity", LvsValues.GRANULARITY)
            .doc("persistence netmask (IPv6: prefix length 1..128); implies persistence_timeout");
    public static final Keyword.Value<String> PROTOCOL = VIRTUAL_SERVER
            .value("protocol", LvsValues.PROTOCOL)
            .doc("TCP, UDP or SCTP (required for address services; ignored for fwmarks)");
    public static final Keyword.Value<Boolean> HA_SUSPEND = VIRTUAL_SERVER
            .value("ha_suspend", Types.flag()).since("1.0.0")
            .doc("suspend checkers while the virtual address is not configured (not with fwmarks)");
    public static final Keyword.Value<Boolean> SMTP_ALERT = VIRTUAL_SERVER
            .value("smtp_alert", Types.optionalBool()).feature(Feature.SMTP)
            .doc("email on quorum changes (default no, unless global smtp_alert_checker/smtp_alert say otherwise)");
    public static final Keyword.Value<String> VIRTUALHOST = VIRTUAL_SERVER
            .value("virtualhost", LvsValues.text("virtual server virtualhost missing"))
            .doc("default Host: header for HTTP_GET/SSL_GET");
    public static final Keyword.Value<String> SNMP_NAME = VIRTUAL_SERVER
            .value("snmp_name", LvsValues.oneWord("virtual server snmp_name")).feature(Feature.SNMP)
            .doc("name of the virtual server in SNMP data");
    public static final Keyword.Value<Boolean> ALPHA = VIRTUAL_SERVER
            .value("alpha", Types.flag()).since("1.1.16")
            .doc("checkers start failed, so servers come up only once checked");
    public static final Keyword.Value<Boolean> OMEGA = VIRTUAL_SERVER
            .value("omega", Types.flag()).since("1.1.16")
            .doc("run the quorum and real server down scripts at shutdown");
    public static final Keyword.Value<Long> QUORUM = VIRTUAL_SERVER
            .value("quorum", LvsValues.QUORUM).defaultsTo(1L).since("1.1.16")
            .doc("minimum total weight of live real servers (at most their total weight)");
    public static final Keyword.Value<Long> HYSTERESIS = VIRTUAL_SERVER
            .value("hysteresis", Types.longRange(0, LvsValues.UINT_MAX)).defaultsTo(0L).since("1.1.16")
            .doc("weight tolerance around the quorum; less than quorum");
    public static final Keyword.Value<Script> QUORUM_UP = VIRTUAL_SERVER
            .value("quorum_up", Script.type(true)).feature(Feature.NOTIFY).since("1.1.16")
            .doc("script run when the quorum is gained; the first one given counts");
    public static final Keyword.Value<Script> QUORUM_DOWN = VIRTUAL_SERVER
            .value("quorum_down", Script.type(true)).feature(Feature.NOTIFY).since("1.1.16")
            .doc("script run when the quorum is lost; the first one given counts");
    public static final Keyword.Value<Long> WEIGHT = VIRTUAL_SERVER
            .value("weight", Types.longRange(1, LvsValues.WEIGHT_LIMIT)).defaultsTo(1L)
            .doc("default weight of the real servers");
    public static final Keyword.Value<String> IP_FAMILY = VIRTUAL_SERVER
            .value("ip_family", LvsValues.IP_FAMILY)
            .doc("inet or inet6, for fwmark services whose real servers are all tunnelled (default inet)");
    public static final Keyword.Value<ServerAddress> SORRY_SERVER = VIRTUAL_SERVER
            .value("sorry_server", LvsAddresses.server(false))
            .doc("server used instead of the real servers while the quorum is lost");
    public static final Keyword.Value<Boolean> SORRY_SERVER_INHIBIT = VIRTUAL_SERVER
            .value("sorry_server_inhibit", Types.flag())
            .doc("inhibit_on_failure for the sorry server (after sorry_server)");
    public static final Keyword.Value<LvsMethod> SORRY_SERVER_LVS_METHOD = VIRTUAL_SERVER
            .value("sorry_server_lvs_method", LvsAddresses.lvsMethod("sorry"))
            .doc("forwarding method of the sorry server (after sorry_server; default: lvs_method)");
    public static final Keyword.Value<Duration> CONNECT_TIMEOUT = VIRTUAL_SERVER
            .value("connect_timeout", connectTimeoutType()).defaultsTo(DEFAULT_CONNECT_TIMEOUT)
            .doc("checkers' connection timeout in seconds");
    public static final Keyword.Value<Long> RETRY = VIRTUAL_SERVER
            .value("retry", Types.longRange(1, LvsValues.UINT_MAX))
            .doc("checkers' retries (default: each checker's own, 1; DNS_CHECK 3, MISC_CHECK 0)");
    public static final Keyword.Value<Duration> DELAY_BEFORE_RETRY = VIRTUAL_SERVER
            .value("delay_before_retry", LvsValues.timer()).since("1.2.20")
            .doc("checkers' delay between retries (default: HTTP_GET/SSL_GET 3, DNS_CHECK delay_loop, others 1)");
    public static final Keyword.Value<Duration> WARMUP = VIRTUAL_SERVER
            .value("warmup", LvsValues.timer())
            .doc("checkers' maximum random initial delay (default: delay_loop; 0: none)");
    public static final Keyword.Value<Duration> DELAY_LOOP = VIRTUAL_SERVER
            .value("delay_loop", delayLoopType()).defaultsTo(DEFAULT_DELAY_LOOP)
            .doc("seconds between checks");
    public static final Keyword.Value<Boolean> INHIBIT_ON_FAILURE = VIRTUAL_SERVER
            .value("inhibit_on_failure", Types.flag())
            .doc("real servers failing their checks get weight 0 rather than being removed");
    public static final Keyword.Block<ServerAddress> REAL_SERVER_BLOCK = VIRTUAL_SERVER
            .block("real_server", LvsAddresses.server(true), REAL_SERVER)
            .doc("a real server and its checkers");

    // ---- virtual_server_group NAME { } -------------------------------------------------------------------

    public static final BlockSpec VIRTUAL_SERVER_GROUP = new BlockSpec("virtual_server_group", Feature.LVS);

    public static final Keyword.ListBlock<VsgAddress> VSG_ADDRESSES = VIRTUAL_SERVER_GROUP
            .bare("address", LvsAddresses.VSG_ADDRESS)
            .doc("IPADDR[-END|/PREFIX] [PORT]: addresses, ranges (192.168.200.1-10, 192.168.200.250-192.168.201.10) and prefixes");
    public static final Keyword.Value<VsgFwmark> VSG_FWMARK = VIRTUAL_SERVER_GROUP
            .value("fwmark", LvsAddresses.VSG_FWMARK).repeat(Keyword.Repeat.ACCUMULATE)
            .readsParameterBlindly()
            .doc("a firewall mark, with its family if all real servers are tunnelled");

    // ---- SSL { } -------------------------------------------------------------------------------------

    public static final BlockSpec SSL = new BlockSpec("SSL", Feature.LVS);

    public static final Keyword.Value<String> SSL_PASSWORD = SSL
            .value("password", LvsValues.text("SSL password missing"))
            .doc("password of the key file");
    public static final Keyword.Value<String> SSL_CA = SSL
            .value("ca", LvsValues.text("SSL cafile missing"))
            .doc("CA certificate file");
    public static final Keyword.Value<String> SSL_CERTIFICATE = SSL
            .value("certificate", LvsValues.text("SSL certfile missing"))
            .doc("certificate file");
    public static final Keyword.Value<String> SSL_KEY = SSL
            .value("key", LvsValues.text("SSL keyfile missing"))
            .doc("private key file");
}
