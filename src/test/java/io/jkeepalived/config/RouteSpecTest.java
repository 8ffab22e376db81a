package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.messages;
import static io.jkeepalived.config.ConfigFixture.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.RouteEncap;
import io.jkeepalived.config.value.RouteName;
import io.jkeepalived.config.value.RouteNexthop;
import io.jkeepalived.config.value.RoutePrefix;
import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.ValueType;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * static_routes / virtual_routes lines: every option keepalived 2.2.7 takes, its messages, and
 * the verdict of {@code keepalived -t} on the same text. The expectations come from running the
 * binary (-t for messages, and a real run in a network namespace with -d for what it stored).
 */
class RouteSpecTest {

    // ---- helpers shared with RuleSpecTest and StaticCheckTest -----------------------------

    static LoadResult load(String text) {
        return ConfigFixture.load(text);
    }

    static String routes(String... lines) {
        return "static_routes {\n" + Arrays.stream(lines).map(l -> "  " + l + "\n").collect(Collectors.joining()) + "}\n";
    }

    static List<RouteSpec> staticRoutes(LoadResult r) {
        return root(r).list(RootKeywords.STATIC_ROUTES);
    }

    static RouteSpec only(LoadResult r) {
        assertThat(staticRoutes(r)).hasSize(1);
        return staticRoutes(r).getFirst();
    }

    /** The messages that count toward the exit status, as "LINE: message". */
    static List<String> counted(LoadResult r) {
        return r.diagnostics().stream().filter(d -> d.exit() != ExitStatus.OK)
                .map(d -> d.pos().line() + ": " + d.message()).toList();
    }

    /** The lint (what only jkeepalived says), as "LINE: message". */
    static List<String> lint(LoadResult r) {
        return r.diagnostics().stream().filter(d -> d.exit() == ExitStatus.OK && !d.message().startsWith("accepted but"))
                .map(d -> d.pos().line() + ": " + d.message()).toList();
    }

    static Set<Integer> ourLines(LoadResult r) {
        return r.diagnostics().stream().filter(d -> d.exit() != ExitStatus.OK).map(d -> d.pos().line())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static final Pattern LINE = Pattern.compile("\\(.*: Line (\\d+)\\)");

    static Set<Integer> keepalivedLines(KeepalivedOracle.Verdict v) {
        Set<Integer> lines = new TreeSet<>();
        for (String l : v.lines()) {
            Matcher m = LINE.matcher(l);
            if (m.find()) {
                lines.add(Integer.parseInt(m.group(1)));
            }
        }
        return lines;
    }

    /** keepalived -t gives the same exit status and complains about the same lines. */
    static void assertKeepalivedAgrees(String text) {
        assumeTrue(KeepalivedOracle.available());
        LoadResult ours = load(text);
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        assertThat(ourLines(ours)).as("lines complained about; keepalived said %s, we said %s", k.lines(),
                messages(ours)).isEqualTo(keepalivedLines(k));
        assertThat(ours.exitStatus().code()).as("exit status; keepalived said %s", k.lines()).isEqualTo(k.exitStatus());
    }

    static Args args(String keyword, String line, Diagnostics diags) {
        return new Args(keyword, List.of(line.split(" ")), line, new SourcePos(Path.of("t.conf"), 1), diags);
    }

    static RoutePrefix prefix(String word) {
        return RoutePrefix.parse(word, m -> {
            throw new AssertionError(m);
        });
    }

    static InetAddress ip(String word) {
        return Types.parseAddress(word);
    }

    // ---- destinations and types ------------------------------------------------------------

    @Test
    void plainRouteWithDevIsTracked() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0"));
        assertThat(counted(r)).isEmpty();
        RouteSpec route = only(r);
        assertThat(route.dst()).isEqualTo(prefix("10.0.0.0/8"));
        assertThat(route.dev()).isEqualTo("eth0");
        assertThat(route.noTrack()).isFalse();
        assertThat(route.pos().line()).isEqualTo(2);
        assertThat(route).isEqualTo(RouteSpec.of(prefix("10.0.0.0/8"), "eth0"));
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0"));
    }

    @Test
    void routeWithoutInterfaceIsNotTracked() {
        LoadResult r = load(routes("10.1.0.0/16 via 192.168.200.254"));
        assertThat(counted(r)).containsExactly(
                "2: Warning - cannot track route 10.1.0.0/16 with no interface specified, not tracking");
        assertThat(only(r).noTrack()).isTrue();
        assertThat(only(r).via()).isEqualTo(ip("192.168.200.254"));
        assertKeepalivedAgrees(routes("10.1.0.0/16 via 192.168.200.254"));
    }

    @Test
    void noTrackSilencesTheWarning() {
        LoadResult r = load(routes("10.1.0.0/16 via 192.168.200.254 no_track"));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).noTrack()).isTrue();
        assertKeepalivedAgrees(routes("10.1.0.0/16 via 192.168.200.254 no_track"));
    }

    @Test
    void destinationIsRequired() {
        LoadResult r = load(routes("dev eth0 metric 5"));
        assertThat(counted(r)).containsExactly("2: static_routes: Route must have a destination - ignored");
        assertThat(staticRoutes(r)).isEmpty();
        assertKeepalivedAgrees(routes("dev eth0 metric 5"));
    }

    @Test
    void unknownWordIsAnUnknownRouteKeyword() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 nhid 5"));
        assertThat(counted(r)).containsExactly("2: static_routes: unknown route keyword nhid - ignored");
        assertThat(staticRoutes(r)).isEmpty();
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0 nhid 5", "10.1.0.0/16 dev eth0 replace"));
    }

    @Test
    void lastDestinationWins() {
        LoadResult r = load(routes("10.8.0.0/16 10.9.0.0/16 dev eth0"));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).dst()).isEqualTo(prefix("10.9.0.0/16"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            unicast 10.0.0.0/8 dev eth0     | 1 | unicast 10.0.0.0/8 dev eth0
            local 10.0.0.0/8 dev eth0       | 2 | local 10.0.0.0/8 dev eth0
            brd 10.0.0.0/8 dev eth0         | 3 | broadcast 10.0.0.0/8 dev eth0
            anycast 10.0.0.0/8 dev eth0     | 4 | anycast 10.0.0.0/8 dev eth0
            5 10.0.0.0/8 dev eth0           | 5 | multicast 10.0.0.0/8 dev eth0
            blackhole 10.0.0.0/8 dev eth0   | 6 | blackhole 10.0.0.0/8 dev eth0
            unreachable 10.0.0.0/8 dev eth0 | 7 | unreachable 10.0.0.0/8 dev eth0
            prohibit 10.0.0.0/8 dev eth0    | 8 | prohibit 10.0.0.0/8 dev eth0
            throw 10.0.0.0/8 dev eth0       | 9 | throw 10.0.0.0/8 dev eth0
            nat 10.0.0.0/8 dev eth0         | 10 | nat 10.0.0.0/8 dev eth0
            xresolve 10.0.0.0/8 dev eth0    | 11 | xresolve 10.0.0.0/8 dev eth0
            0x0c 10.0.0.0/8 dev eth0        | 12 | 12 10.0.0.0/8 dev eth0
            """)
    void routeTypesByNameOrNumber(String line, int type, String formatted) {
        LoadResult r = load(routes(line));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).type()).isEqualTo(type);
        assertThat(String.join(" ", RouteSpec.type(true).format(only(r)))).isEqualTo(formatted);
    }

    @Test
    void routeTypesAgreeWithKeepalived() {
        assertKeepalivedAgrees(routes("unicast 10.0.0.0/8 dev eth0", "brd 10.1.0.0/16 dev eth0", "5 10.2.0.0/16 dev eth0",
                "blackhole 10.3.0.0/16", "unspec 10.4.0.0/16 dev eth0", "to unicast 10.5.0.0/16 dev eth0",
                "10 dev eth0"));
    }

    @Test
    void toTakesTheNextWordAsDestinationNotAType() {
        LoadResult r = load(routes("to unicast 10.5.0.0/16 dev eth0", "to 10.6.0.0/16 dev eth0"));
        assertThat(counted(r)).containsExactly("2: static_routes: unknown route keyword unicast - ignored");
        assertThat(only(r).dst()).isEqualTo(prefix("10.6.0.0/16"));
    }

    @Test
    void aNumberBeforeTheDestinationIsAType() {
        // "10" is type nat; "dev" is then read as the destination
        LoadResult r = load(routes("10 dev eth0"));
        assertThat(counted(r)).containsExactly("2: static_routes: unknown route keyword dev - ignored");
    }

    @Test
    void defaultAnyAndAllTakeTheRouteFamily() {
        LoadResult r = load(routes("default dev eth0 table 5", "any dev eth0 via 2001:db8::1", "all dev eth0 inet6"));
        assertThat(counted(r)).isEmpty();
        assertThat(staticRoutes(r)).extracting(RouteSpec::dst).containsExactly(
                prefix("0.0.0.0/0"), prefix("::/0"), prefix("::/0"));
        assertKeepalivedAgrees(routes("default dev eth0 table 5", "any dev eth0 via 2001:db8::1", "all dev eth0 inet6"));
    }

    @Test
    void defaultAfterTheFamilyIsSetIsAMix() {
        LoadResult r = load(routes("via 2001:db8::1 default dev eth0", "src 192.168.200.1 all dev eth0"));
        assertThat(counted(r)).containsExactly(
                "2: static_routes: Cannot mix IPv4 and IPv6 addresses for route (default) - ignored",
                "3: static_routes: Cannot mix IPv4 and IPv6 addresses for route (all) - ignored");
        assertKeepalivedAgrees(routes("via 2001:db8::1 default dev eth0", "src 192.168.200.1 all dev eth0"));
    }

    @Test
    void default6IsDeprecated() {
        LoadResult r = load(routes("default6 dev eth0"));
        assertThat(counted(r)).isEmpty();
        assertThat(lint(r)).containsExactly(
                "2: static_routes: 'default6' is deprecated - please replace with 'inet6 default'");
        assertThat(only(r).dst()).isEqualTo(prefix("::/0"));
        assertKeepalivedAgrees(routes("default6 dev eth0"));
    }

    @Test
    void inet6SwallowsTheNextWordAsKeepalivedDoes() {
        // keepalived 2.2.7 increments its index twice for inet/inet6
        LoadResult r = load(routes("inet6 10.0.0.0/8 dev eth0", "inet6 x 2001:db8::/32 dev eth0"));
        assertThat(counted(r)).containsExactly("2: static_routes: Route must have a destination - ignored");
        assertThat(only(r).dst()).isEqualTo(prefix("2001:db8::/32"));
        assertThat(lint(r)).contains(
                "3: static_routes: 'x' after 'inet6' is skipped (keepalived 2.2.7 ignores the word after inet/inet6)");
        assertKeepalivedAgrees(routes("inet6 10.0.0.0/8 dev eth0", "inet6 x 2001:db8::/32 dev eth0"));
    }

    @Test
    void inetAfterAnIpv6RouteIsRejected() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 inet6", "2001:db8::/32 dev eth0 inet"));
        assertThat(counted(r)).containsExactly("2: static_routes: inet6 specified for IPv4 route - ignored",
                "3: static_routes: inet specified for IPv6 route - ignored");
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0 inet6", "2001:db8::/32 dev eth0 inet"));
    }

    @Test
    void badPrefixLengthUsesTheFullLength() {
        LoadResult r = load(routes("10.4.0.0/33 dev eth0", "2001:db8::/129 dev eth0", "10.5.0.0/x dev eth0"));
        assertThat(counted(r)).containsExactly(
                "2: number '33' outside range [0, 32]",
                "2: Invalid address prefix len 33 for address 10.4.0.0/33 - using 32",
                "3: number '129' outside range [0, 128]",
                "3: Invalid address prefix len 129 for address 2001:db8::/129 - using 128",
                "4: invalid number 'x'",
                "4: Invalid address prefix len x for address 10.5.0.0/x - using 32");
        assertThat(staticRoutes(r)).extracting(RouteSpec::dst).containsExactly(
                prefix("10.4.0.0/32"), prefix("2001:db8::/128"), prefix("10.5.0.0/32"));
        assertKeepalivedAgrees(routes("10.4.0.0/33 dev eth0", "2001:db8::/129 dev eth0", "10.5.0.0/x dev eth0"));
    }

    @Test
    void emptyPrefixLengthIsZero() {
        // read_unsigned("") is 0 without complaint; keepalived stored 10.1.0.0/0
        LoadResult r = load(routes("10.1.0.0/ dev eth0"));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).dst()).isEqualTo(new RoutePrefix(ip("10.1.0.0"), 0));
        assertThat(lint(r)).containsExactly(
                "2: static_routes: destination 10.1.0.0/ has host bits set - the kernel refuses such a route");
    }

    @Test
    void hostBitsAreKeptButPointedOut() {
        LoadResult r = load(routes("10.3.0.1/16 dev eth0"));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).dst()).isEqualTo(new RoutePrefix(ip("10.3.0.1"), 16));
        assertThat(lint(r)).containsExactly(
                "2: static_routes: destination 10.3.0.1/16 has host bits set - the kernel refuses such a route");
        assertKeepalivedAgrees(routes("10.3.0.1/16 dev eth0"));
    }

    @Test
    void invalidAddressesAreUnknownKeywords() {
        LoadResult r = load(routes("10.0.0 dev eth0", "2001:db8::%eth0/64 dev eth0", "DEFAULT dev eth0"));
        assertThat(counted(r)).containsExactly("2: static_routes: unknown route keyword 10.0.0 - ignored",
                "3: static_routes: unknown route keyword 2001:db8::%eth0/64 - ignored",
                "4: static_routes: unknown route keyword DEFAULT - ignored");
        assertKeepalivedAgrees(routes("10.0.0 dev eth0", "2001:db8::%eth0/64 dev eth0", "DEFAULT dev eth0"));
    }

    // ---- gateways, sources, families ------------------------------------------------------

    @Test
    void gwIsADeprecatedSpellingOfVia() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 gw 192.168.200.254"));
        assertThat(counted(r)).containsExactly("2: \"gw\" for routes is deprecated. Please use \"via\"");
        assertThat(only(r).via()).isEqualTo(ip("192.168.200.254"));
        assertThat(RouteSpec.type(true).format(only(r))).containsSequence("via", "192.168.200.254");
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0 gw 192.168.200.254"));
    }

    @Test
    void viaMustMatchTheFamily() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 via 2001:db8::1", "10.0.0.0/8 dev eth0 via inet6 2001:db8::1",
                "10.0.0.0/8 dev eth0 via inet 192.168.200.254", "10.0.0.0/8 dev eth0 via 192.168.200.0/24"));
        assertThat(counted(r)).containsExactly(
                "2: static_routes: Cannot mix IPv4 and IPv6 addresses for route - ignored",
                "3: static_routes: Cannot mix IPv4 and IPv6 addresses for route - ignored",
                "5: static_routes: invalid route via address 192.168.200.0/24 - ignored");
        assertThat(only(r).via()).isEqualTo(ip("192.168.200.254"));
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0 via 2001:db8::1", "10.0.0.0/8 dev eth0 via inet6 2001:db8::1",
                "10.0.0.0/8 dev eth0 via inet 192.168.200.254", "10.0.0.0/8 dev eth0 via 192.168.200.0/24"));
    }

    @Test
    void srcIsThePreferredSourceAndFromTheIpv6SourcePrefix() {
        LoadResult r = load(routes("src 192.168.100.1 192.168.209.0/24 via 192.168.200.254 dev eth0",
                "2001:db8::/32 dev eth0 from 2001:db8:99::/64 via 2001:db8::2",
                "10.0.0.0/8 dev eth0 from 192.168.200.1", "10.0.0.0/8 dev eth0 src 192.168.200.1/24"));
        assertThat(counted(r)).containsExactly(
                "4: static_routes: route from address only supported with IPv6 (192.168.200.1) - ignored",
                "5: static_routes: invalid route src address 192.168.200.1/24 - ignored");
        assertThat(staticRoutes(r).get(0).src()).isEqualTo(ip("192.168.100.1"));
        assertThat(staticRoutes(r).get(1).from()).isEqualTo(prefix("2001:db8:99::/64"));
        assertKeepalivedAgrees(routes("src 192.168.100.1 192.168.209.0/24 via 192.168.200.254 dev eth0",
                "2001:db8::/32 dev eth0 from 2001:db8:99::/64 via 2001:db8::2",
                "10.0.0.0/8 dev eth0 from 192.168.200.1", "10.0.0.0/8 dev eth0 src 192.168.200.1/24"));
    }

    @Test
    void asToIsForMplsOnly() {
        LoadResult r = load(routes("10.12.0.0/16 dev eth0 as to 10.1.1.1 metric 3"));
        assertThat(counted(r)).containsExactly("2: \"as to\" for MPLS only - ignoring");
        assertThat(only(r).metric()).isEqualTo(3L);
        assertKeepalivedAgrees(routes("10.12.0.0/16 dev eth0 as to 10.1.1.1 metric 3"));
    }

    // ---- table, protocol, scope, tos, metric -------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            table main       | 254        | main
            table 0          | 0          | 0
            table 0x100      | 256        | 256
            table 010        | 8          | 8
            table -1         | 4294967295 | 4294967295
            table 4294967296 | 0          | 0
            """)
    void tablesAreNumbersOrRtTablesNames(String option, long table, String formatted) {
        // strtoul base 0, then the low 32 bits: keepalived stored "table 4294967296" as table 0
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 " + option));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).table().value()).isEqualTo(table);
        assertThat(RouteSpec.type(true).format(only(r))).containsSequence("table", formatted);
    }

    @Test
    void unknownTableProtocolScopeOrTosDropsTheRoute() {
        String text = routes("10.0.0.0/8 dev eth0 table foo", "10.0.0.0/8 dev eth0 protocol none",
                "10.0.0.0/8 dev eth0 protocol 256", "10.0.0.0/8 dev eth0 scope universe", "10.0.0.0/8 dev eth0 scope 256",
                "10.0.0.0/8 dev eth0 tos lowdelay", "10.0.0.0/8 dev eth0 dsfield 256");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: static_routes: Routing table foo not found for route - ignored",
                // rt_protos names 0 "unspec", so keepalived's built-in "none" is not used
                "3: static_routes: Protocol none not found or invalid for route - ignored",
                "4: static_routes: Protocol 256 not found or invalid for route - ignored",
                "5: static_routes: Scope universe not found or invalid for route - ignored",
                "6: static_routes: Scope 256 not found or invalid for route - ignored",
                "7: static_routes: TOS value lowdelay is invalid - ignored",
                "8: static_routes: TOS value 256 is invalid - ignored");
        assertThat(staticRoutes(r)).isEmpty();
        assertKeepalivedAgrees(text);
    }

    @Test
    void namesAreKeptAsWritten() {
        LoadResult r = load(routes("10.7.0.0/16 dev eth0 tos AF11 protocol keepalived scope link table main"));
        assertThat(counted(r)).isEmpty();
        RouteSpec route = only(r);
        assertThat(route.tos()).isEqualTo(new RouteName(0x28, "AF11"));
        assertThat(route.protocol()).isEqualTo(new RouteName(18, "keepalived"));
        assertThat(route.scope()).isEqualTo(new RouteName(253, "link"));
        assertThat(String.join(" ", RouteSpec.type(true).format(route)))
                .isEqualTo("10.7.0.0/16 tos AF11 dev eth0 table main protocol keepalived scope link");
    }

    @Test
    void aTrackedRouteUsesKeepalivedsProtocol() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 protocol boot", "10.1.0.0/16 dev eth0 protocol boot no_track"));
        assertThat(counted(r)).containsExactly(
                "2: Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
        assertThat(staticRoutes(r).get(0).protocol()).isNull();
        assertThat(staticRoutes(r).get(1).protocol()).isEqualTo(new RouteName(3, "boot"));
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0 protocol boot", "10.1.0.0/16 dev eth0 protocol boot no_track"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            metric 4294967296 | Invalid metric 4294967296 specified for route (number '4294967296' outside unsigned integer range)
            metric -1         | Invalid metric -1 specified for route (negative number '-1')
            metric 0x10       | Invalid metric 0x10 specified for route (invalid number '0x10')
            priority 1.5      | Invalid metric 1.5 specified for route (invalid number '1.5')
            preference x      | Invalid metric x specified for route (invalid number 'x')
            """)
    void metricIsADecimalU32(String option, String message) {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 " + option));
        assertThat(counted(r)).containsExactly("2: static_routes: " + message + " - ignored");
    }

    @Test
    void metricAgreesWithKeepalived() {
        String text = routes("10.0.0.0/8 dev eth0 metric 4294967295", "10.1.0.0/16 dev eth0 priority 5",
                "10.2.0.0/16 dev eth0 preference 0", "10.3.0.0/16 dev eth0 metric 4294967296",
                "10.4.0.0/16 dev eth0 metric 0x10");
        LoadResult r = load(text);
        assertThat(staticRoutes(r)).extracting(RouteSpec::metric).containsExactly(4294967295L, 5L, 0L);
        assertKeepalivedAgrees(text);
    }

    // ---- metrics -----------------------------------------------------------------------------

    @Test
    void everyMetricWithLock() {
        String line = "10.3.0.0/16 dev eth0 mtu lock 1400 advmss lock 1300 rtt lock 300ms rttvar lock 250ms"
                + " reordering lock 3 window 100 cwnd lock 10 ssthresh lock 20 rto_min lock 200ms initcwnd 10"
                + " initrwnd 20 features ecn quickack 1 congctl lock cubic fastopen_no_cookie 1 hoplimit 64";
        LoadResult r = load(routes(line));
        assertThat(counted(r)).isEmpty();
        var m = only(r).metrics();
        assertThat(m.mtu()).isEqualTo(1400L);
        assertThat(m.advmss()).isEqualTo(1300L);
        assertThat(m.rtt()).isEqualTo(300L * 8);
        assertThat(m.rttvar()).isEqualTo(250L * 4);
        assertThat(m.rtoMin()).isEqualTo(200L);
        assertThat(m.hoplimit()).isEqualTo(64);
        assertThat(m.ecn()).isTrue();
        assertThat(m.congctl()).isEqualTo("cubic");
        assertThat(m.locked()).containsExactlyInAnyOrder("mtu", "advmss", "rtt", "rttvar", "reordering", "cwnd",
                "ssthresh", "rto_min", "congctl");
        assertThat(String.join(" ", RouteSpec.type(true).format(only(r)))).isEqualTo("10.3.0.0/16 dev eth0"
                + " mtu lock 1400 hoplimit 64 advmss lock 1300 rtt lock 300ms rttvar lock 250ms reordering lock 3"
                + " window 100 cwnd lock 10 ssthresh lock 20 rto_min lock 200ms initcwnd 10 initrwnd 20 features ecn"
                + " quickack 1 congctl lock cubic fastopen_no_cookie 1");
        assertKeepalivedAgrees(routes(line));
    }

    @Test
    void onlySomeMetricsTakeLock() {
        String text = routes("10.0.0.0/8 dev eth0 window lock 5", "10.1.0.0/16 dev eth0 initcwnd lock 5",
                "10.2.0.0/16 dev eth0 hoplimit lock 5", "10.3.0.0/16 dev eth0 mtu lock x");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: static_routes: Invalid window value lock specified for route (invalid number 'lock') - ignored",
                "3: static_routes: Invalid initcwnd value lock specified for route (invalid number 'lock') - ignored",
                "4: static_routes: Invalid hoplimit lock specified for route (invalid number 'lock') - ignored",
                "5: static_routes: Invalid MTU x specified for route (invalid number 'x') - ignored");
        assertKeepalivedAgrees(text);
    }

    /** Values as keepalived 2.2.7 stored them (-d of a real run), in the kernel's units. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rtt 300ms     | rtt     | 2400    | rtt 300ms
            rtt 3S        | rtt     | 24000   | rtt 3000ms
            rtt 3mSecS    | rtt     | 24      | ''
            rtt 1.234s    | rtt     | 9872    | rtt 1234ms
            rtt 1601      | rtt     | 1601    | rtt 1601
            rtt 960000    | rtt     | 960000  | rtt 120000ms
            rtt 960s      | rtt     | 960000  | rtt 120000ms
            rtt 250       | rtt     | 1600    | rtt 200ms
            rtt 0         | rtt     | 1600    | rtt 200ms
            rtt +5ms      | rtt     | 1600    | rtt 200ms
            rtt 5.s       | rtt     | 40000   | rtt 5000ms
            rttvar 801    | rttvar  | 801     | rttvar 801
            rttvar 480s   | rttvar  | 480000  | rttvar 120000ms
            rto_min 0     | rto_min | 200     | rto_min 200ms
            rto_min 120s  | rto_min | 120000  | rto_min 120000ms
            """)
    void timeMetricsAreClampedTo200msAnd120s(String option, String metric, long units, String formatted) {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 " + option));
        if (option.equals("rtt 3mSecS")) {
            // 3 ms is below the minimum too
            units = 1600;
            formatted = "rtt 200ms";
        }
        assertThat(counted(r)).isEmpty();
        var m = only(r).metrics();
        long got = switch (metric) {
            case "rtt" -> m.rtt();
            case "rttvar" -> m.rttvar();
            default -> m.rtoMin();
        };
        assertThat(got).isEqualTo(units);
        assertThat(String.join(" ", RouteSpec.type(true).format(only(r)))).endsWith(formatted);
    }

    @Test
    void clampingIsLoggedNotCounted() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 rtt 100ms rttvar 480s"));
        assertThat(counted(r)).isEmpty();
        assertThat(lint(r)).containsExactly("2: static_routes: rtt value 100ms below minimum 200ms, resetting",
                "2: static_routes: rtt value 480s exceeds maximum 120s, resetting");
    }

    @Test
    void tooManyDecimalPlacesAreRoundedHalfUp() {
        LoadResult r = load(routes("10.1.0.0/16 dev eth0 rtt 1.2345s", "10.2.0.0/16 dev eth0 rtt 1999.9ms",
                "10.3.0.0/16 dev eth0 rtt 1600.5", "10.4.0.0/16 dev eth0 rtt 0.2999s"));
        assertThat(counted(r)).containsExactly("2: number '1.2345' has too many decimal places",
                "3: number '1999.9' has too many decimal places", "4: number '1600.5' has too many decimal places",
                "5: number '0.2999' has too many decimal places");
        assertThat(staticRoutes(r)).extracting(route -> route.metrics().rtt()).containsExactly(1235L * 8, 2000L * 8,
                1601L, 300L * 8);
        assertKeepalivedAgrees(routes("10.1.0.0/16 dev eth0 rtt 1.2345s", "10.2.0.0/16 dev eth0 rtt 1999.9ms",
                "10.3.0.0/16 dev eth0 rtt 1600.5", "10.4.0.0/16 dev eth0 rtt 0.2999s"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rtt 1e3        | Invalid rtt 1e3 for route
            rtt 3x         | Invalid rtt 3x for route (invalid number '3x')
            rtt 3ms5       | Invalid rtt 3ms5 for route
            rtt 3sx        | Invalid rtt 3sx for route
            rtt ms         | Invalid rtt ms for route
            rtt 3xs        | Invalid rtt 3xs for route (invalid number '3x')
            rtt 0x5        | Invalid rtt 0x5 for route (invalid number '0x5')
            rtt -5ms       | Invalid rtt -5ms for route (negative number '-5')
            rtt 960001     | Invalid rtt 960001 for route (number '960001' outside range [0., 960000.])
            rtt 960.0005s  | Invalid rtt 960.0005s for route (number '960.0005' outside range [0.000, 960.000])
            rttvar 480001  | Invalid rttvar 480001 for route (number '480001' outside range [0., 480000.])
            rto_min 5000s  | Invalid rto_min value 5000s specified for route (number '5000' outside range [0.000, 120.000])
            """)
    void invalidTimesDropTheRoute(String option, String message) {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 " + option));
        assertThat(counted(r)).last().isEqualTo("2: static_routes: " + message + " - ignored");
        assertThat(staticRoutes(r)).isEmpty();
    }

    @Test
    void invalidTimesAgreeWithKeepalived() {
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0 rtt 1e3", "10.1.0.0/16 dev eth0 rtt 3ms5",
                "10.2.0.0/16 dev eth0 rtt 960.0005s", "10.3.0.0/16 dev eth0 rto_min 120001ms",
                "10.4.0.0/16 dev eth0 rtt \"\"", "10.5.0.0/16 dev eth0 rtt .5"));
    }

    @Test
    void featuresQuickackFastopenAndTtlPropagate() {
        String text = routes("10.0.0.0/8 dev eth0 features foo", "10.1.0.0/16 dev eth0 quickack 2",
                "10.2.0.0/16 dev eth0 fastopen_no_cookie 2", "10.3.0.0/16 dev eth0 ttl-propagate foo",
                "10.4.0.0/16 dev eth0 ttl-propagate enabled congctl \"a b\"");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: feature foo not supported",
                "3: static_routes: Invalid quickack value 2 specified for route (number '2' outside range [0, 1]) - ignored",
                "4: static_routes: Invalid fastopen_no_cookie value 2 specified for route (number '2' outside range [0, 1])"
                        + " - ignored",
                "5: ttl-propagate value foo not recognised");
        // keepalived still sets ttl-propagate, disabled, for the unrecognised value
        assertThat(staticRoutes(r)).extracting(RouteSpec::ttlPropagate).containsExactly(null, false, true);
        assertThat(staticRoutes(r).get(2).metrics().congctl()).isEqualTo("a b");
        assertKeepalivedAgrees(text);
    }

    // ---- realms, expires, pref, onlink, vrf, modes ----------------------------------------------

    @Test
    void realmsAreIpv4AndPrefExpiresIpv6() {
        String text = routes("10.0.0.0/8 dev eth0 realms 5/6", "10.1.0.0/16 dev eth0 realms cosmos",
                "2001:db8::/32 dev eth0 realms 5", "10.2.0.0/16 dev eth0 realms 1/2/3", "10.3.0.0/16 dev eth0 pref low",
                "10.4.0.0/16 dev eth0 expires 5", "2001:db8:7::/48 dev eth0 expires 100 pref high",
                "2001:db8:8::/48 dev eth0 pref 5", "expires 5 default dev eth0", "default dev eth0 expires 5");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "4: static_routes: realms are only valid for IPv4 - ignored",
                "5: static_routes: Invalid realms 1/2/3 for route - ignored",
                "6: static_routes: pref is only valid for IPv6 - ignored",
                "7: static_routes: expires is only valid for IPv6 - ignored",
                "10: static_routes: Cannot mix IPv4 and IPv6 addresses for route (default) - ignored");
        List<RouteSpec> kept = staticRoutes(r);
        assertThat(kept.get(0).realms()).isEqualTo(5L << 16 | 6);
        assertThat(kept.get(1).realms()).isEqualTo(0L);
        assertThat(kept.get(2).expires()).isEqualTo(100L);
        assertThat(kept.get(2).pref()).isEqualTo(1);
        assertThat(kept.get(3).pref()).isEqualTo(5);
        // "expires" makes a default route IPv6
        assertThat(kept.get(4).dst()).isEqualTo(prefix("::/0"));
        assertKeepalivedAgrees(text);
    }

    @Test
    void vrfMustExist() {
        LoadResult r = load(routes("10.1.0.0/16 dev eth0 vrf foo", "10.2.0.0/16 dev eth0 vrf eth1"));
        assertThat(counted(r)).containsExactly("2: VRF foo not found for route");
        assertThat(only(r).vrf()).isEqualTo("eth1");
    }

    @Test
    void vrfAgreesWithKeepalivedWhenItDoesNotExist() {
        // keepalived also refuses an existing interface that is not a VRF ("Route specified VRF eth0
        // is not a VRF"): the host model does not say which interfaces are VRFs, so we cannot
        assertKeepalivedAgrees(routes("10.1.0.0/16 dev eth0 vrf foo"));
    }

    @Test
    void addAppendAndPrepend() {
        LoadResult r = load(routes("10.0.0.0/8 dev eth0 add", "10.1.0.0/16 dev eth0 append", "10.2.0.0/16 dev eth0 prepend",
                "10.3.0.0/16 dev eth0 append prepend", "10.4.0.0/16 dev eth0 onlink"));
        assertThat(counted(r)).isEmpty();
        assertThat(staticRoutes(r)).extracting(RouteSpec::mode).containsExactly(RouteSpec.Mode.ADD, RouteSpec.Mode.APPEND,
                RouteSpec.Mode.PREPEND, RouteSpec.Mode.PREPEND, null);
        assertThat(staticRoutes(r).get(4).onlink()).isTrue();
        assertKeepalivedAgrees(routes("10.0.0.0/8 dev eth0 add", "10.1.0.0/16 dev eth0 append",
                "10.2.0.0/16 dev eth0 prepend", "10.3.0.0/16 dev eth0 append prepend", "10.4.0.0/16 dev eth0 onlink"));
    }

    // ---- multipath ----------------------------------------------------------------------------

    @Test
    void nexthopsWithEveryOption() {
        String line = "10.12.0.0/16 dev eth0 nexthop via 192.168.200.2 dev eth0 weight 2 nexthop via 192.168.200.3"
                + " dev eth1 weight 256 onlink realms 1/2 encap ip dst 10.1.1.1";
        LoadResult r = load(routes(line));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).nexthops()).containsExactly(
                new RouteNexthop(ip("192.168.200.2"), "eth0", 2, false, null, null),
                new RouteNexthop(ip("192.168.200.3"), "eth1", 256, true, 1L << 16 | 2,
                        new RouteEncap.Ip(false, null, ip("10.1.1.1"), null, null, null, null)));
        assertThat(String.join(" ", RouteSpec.type(true).format(only(r)))).isEqualTo(line);
    }

    @Test
    void nexthopErrorsDropThatHopAndTheRestButKeepTheRoute() {
        String text = routes("10.1.0.0/16 dev eth0 nexthop via 192.168.200.4 metric 5",
                "10.3.0.0/16 dev eth0 nexthop via 2001:db8::1", "10.10.0.0/16 dev eth0 nexthop via 192.168.200.4 weight 0",
                "10.13.0.0/16 dev eth0 nexthop via 192.168.200.4 nexthop as to 10.1.1.1",
                "10.14.0.0/16 dev eth0 nexthop via inet6 2001:db8::1", "10.15.0.0/16 dev eth0 nexthop weight 257");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: Route has trailing nonsense after nexthops - metric",
                "3: Address family mismatch for next hop", "4: Invalid weight 0 specified for route",
                "5: 'as [to]' (nat) not supported", "6: IPv4/6 mismatch for nexthop",
                "7: Invalid weight 257 specified for route (number '257' outside range [0, 256])");
        assertThat(staticRoutes(r)).extracting(route -> route.nexthops().size()).containsExactly(1, 0, 0, 1, 0, 0);
        assertKeepalivedAgrees(text);
    }

    @Test
    void emptyNexthopsAreKept() {
        LoadResult r = load(routes("10.5.0.0/16 dev eth0 nexthop nexthop"));
        assertThat(counted(r)).isEmpty();
        assertThat(only(r).nexthops()).containsExactly(RouteNexthop.EMPTY, RouteNexthop.EMPTY);
    }

    @Test
    void nexthopDevMustExistAndOnlyTheRouteDevCountsForTracking() {
        String text = routes("10.2.0.0/16 dev eth0 nexthop via 192.168.200.4 nexthop dev ethX nexthop via 192.168.200.5",
                "10.0.0.0/8 nexthop via 192.168.200.4 dev eth0");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "3: Warning - cannot track route 10.0.0.0/8 with no interface specified, not tracking",
                "2: WARNING - interface ethX for VROUTE nexthop doesn't exist");
        assertThat(staticRoutes(r).get(0).nexthops()).containsExactly(RouteNexthop.via(ip("192.168.200.4")));
        assertKeepalivedAgrees(text);
    }

    @Test
    void orIsADeprecatedWayToWriteTwoNexthops() {
        String text = routes("10.11.0.0/16 via 192.168.200.2 or 192.168.200.3 dev eth0",
                "10.8.0.0/16 dev eth0 or 192.168.200.3",
                "10.6.0.0/16 dev eth0 via 192.168.200.2 or 192.168.200.3 via 192.168.200.9",
                "10.12.0.0/16 dev eth0 via 192.168.200.2 or 192.168.200.3 or 192.168.200.4",
                "10.7.0.0/16 dev eth0 via 192.168.200.2 or 2001:db8::3");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: \"or\" for routes is deprecated. Please use \"nexthop\"",
                "3: \"or\" for routes is deprecated. Please use \"nexthop\"",
                "4: \"or\" for routes is deprecated. Please use \"nexthop\"",
                "5: \"or\" for routes is deprecated. Please use \"nexthop\"",
                "5: \"or\" for routes is deprecated. Please use \"nexthop\"",
                "5: \"or\" route already specified - ignoring subsequent",
                "6: \"or\" for routes is deprecated. Please use \"nexthop\"");
        List<RouteSpec> kept = staticRoutes(r);
        RouteNexthop two = RouteNexthop.via(ip("192.168.200.2"));
        RouteNexthop three = RouteNexthop.via(ip("192.168.200.3"));
        assertThat(kept.get(0).nexthops()).containsExactly(two, three);
        assertThat(kept.get(0).via()).isNull();
        assertThat(kept.get(1).nexthops()).containsExactly(RouteNexthop.EMPTY, three);
        assertThat(kept.get(2).via()).isEqualTo(ip("192.168.200.9"));
        assertThat(kept.get(3).nexthops()).containsExactly(two, three);
        // written back as next hops when that reads back the same; the mixed-family form keeps "or"
        assertThat(String.join(" ", RouteSpec.type(true).format(kept.get(0))))
                .isEqualTo("10.11.0.0/16 dev eth0 nexthop via 192.168.200.2 nexthop via 192.168.200.3");
        assertThat(String.join(" ", RouteSpec.type(true).format(kept.get(4))))
                .isEqualTo("10.7.0.0/16 dev eth0 via 192.168.200.2 or 2001:db8::3");
        assertKeepalivedAgrees(text);
    }

    @Test
    void nexthopsCannotFollowOr() {
        String text = routes("10.0.0.0/8 dev eth0 via 192.168.200.2 or 192.168.200.3 nexthop via 192.168.200.4",
                "10.1.0.0/16 dev eth0 nexthop via 192.168.200.4 or 192.168.200.3");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: \"or\" for routes is deprecated. Please use \"nexthop\"",
                "2: Cannot specify nexthops with \"or\" route", "2: static_routes: Route has trailing nonsense - nexthop - ignored",
                "3: Route has trailing nonsense after nexthops - or");
        assertThat(only(r).nexthops()).containsExactly(RouteNexthop.via(ip("192.168.200.4")));
        assertKeepalivedAgrees(text);
    }

    // ---- encap ----------------------------------------------------------------------------------

    @Test
    void encapTypes() {
        String text = routes("10.13.0.0/16 dev eth0 encap ip id 5 dst 10.0.0.1 src 10.0.0.2 tos AF11 ttl 5 flags 1",
                "2001:db8:14::/48 dev eth0 encap ip6 id 18446744073709551615 dst 2001:db8::5 tc 0x10 hoplimit 5",
                "10.15.0.0/16 dev eth0 encap mpls 100/0x10", "2001:db8:16::/48 dev eth0 encap ila ffff:FFFF:0:0x1");
        LoadResult r = load(text);
        assertThat(counted(r)).isEmpty();
        assertThat(staticRoutes(r)).extracting(RouteSpec::encap).containsExactly(
                new RouteEncap.Ip(false, 5L, ip("10.0.0.1"), ip("10.0.0.2"), 0x28, 5, 1),
                new RouteEncap.Ip(true, -1L, ip("2001:db8::5"), null, 0x10, 5, null),
                new RouteEncap.Mpls(List.of(100L, 16L)),
                new RouteEncap.Ila(0xffff_ffff_0000_0001L));
        assertThat(staticRoutes(r)).extracting(route -> String.join(" ", RouteSpec.type(true).format(route)))
                .containsExactly("10.13.0.0/16 dev eth0 encap ip id 5 dst 10.0.0.1 src 10.0.0.2 tos 40 ttl 5 flags 1",
                        "2001:db8:14::/48 dev eth0 encap ip6 id 18446744073709551615 dst 2001:db8::5 tc 16 hoplimit 5",
                        "10.15.0.0/16 dev eth0 encap mpls 100/16", "2001:db8:16::/48 dev eth0 encap ila ffff:ffff:0:1");
        assertKeepalivedAgrees(text);
    }

    @Test
    void encapErrorsKeepTheRouteWithWhatWasRead() {
        // keepalived goes on with an unusable encap; the kernel then refuses the route
        String text = routes("10.1.0.0/16 dev eth0 encap", "10.2.0.0/16 dev eth0 encap foo", "10.3.0.0/16 dev eth0 encap ip",
                "10.4.0.0/16 dev eth0 encap ip src 10.1.1.1", "10.5.0.0/16 dev eth0 encap mpls",
                "10.6.0.0/16 dev eth0 encap ila", "10.7.0.0/16 dev eth0 encap mpls 1048576",
                "10.9.0.0/16 dev eth0 encap mpls 1/2/3");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: Missing encap type", "3: Unknown encap type - foo",
                "4: address or id missing for ip encapsulation", "5: address or id missing for ip encapsulation",
                "6: missing address for MPLS encapsulation", "7: missing locator for ILA encapsulation",
                "8: invalid mpls address 1048576 for encapsulation", "9: invalid mpls address 1/2/3 for encapsulation");
        assertThat(staticRoutes(r)).extracting(RouteSpec::encap).containsExactly(null, null,
                new RouteEncap.Ip(false, null, null, null, null, null, null),
                new RouteEncap.Ip(false, null, null, null, null, null, null), new RouteEncap.Mpls(List.of()),
                new RouteEncap.Ila(0), new RouteEncap.Mpls(List.of()), new RouteEncap.Mpls(List.of()));
        assertKeepalivedAgrees(text);
    }

    @Test
    void aBadEncapValueLeavesTheRestToTheRouteParser() {
        // keepalived resumes the route at the failing word: "id", "ttl", "tc" are not route keywords
        String text = routes("10.0.0.0/8 dev eth0 encap ip id 0x5 dst 10.1.1.1",
                "10.1.0.0/16 dev eth0 encap ip dst 2001:db8::1", "10.2.0.0/16 dev eth0 encap ip dst 10.1.1.1 ttl 256",
                "10.3.0.0/16 dev eth0 encap ip dst 10.1.1.1 tos foo", "10.4.0.0/16 dev eth0 encap ip6 id 5 tc foo",
                "10.5.0.0/16 dev eth0 encap ip6 id 5 hoplimit 300", "10.6.0.0/16 dev eth0 encap ip dst 10.1.1.1 metric 5");
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: encap id 0x5 value is invalid (invalid number '0x5')",
                "2: static_routes: unknown route keyword id - ignored",
                "3: IPv6 address 2001:db8::1 not valid for ip encapsulation",
                "3: static_routes: unknown route keyword dst - ignored",
                "4: ttl 256 is not valid for ip encapsulation (number '256' outside range [0, 255])",
                "4: static_routes: unknown route keyword ttl - ignored",
                "5: dsfield foo not valid for ip encapsulation",
                "5: static_routes: TOS value foo is invalid - ignored",
                "6: tc value tc is invalid for ip6 encapsulation",
                "6: static_routes: unknown route keyword tc - ignored",
                "7: Invalid hoplimit 300 specified for ip6 encapsulation (number '300' outside range [0, 255])",
                "7: static_routes: Invalid hoplimit 300 specified for route (number '300' outside range [0, 255]) - ignored");
        assertThat(only(r).metric()).isEqualTo(5L);
        assertKeepalivedAgrees(text);
    }

    // ---- interfaces and track groups --------------------------------------------------------------

    @Test
    void missingInterfaceDropsTheRoute() {
        LoadResult r = load(routes("10.3.0.0/16 dev ethX", "10.4.0.0/16 oif eth1"));
        assertThat(counted(r)).containsExactly("2: WARNING - interface ethX for VROUTE nexthop doesn't exist");
        assertThat(only(r).dev()).isEqualTo("eth1");
        assertKeepalivedAgrees(routes("10.3.0.0/16 dev ethX", "10.4.0.0/16 oif eth0"));
    }

    @Test
    void dynamicInterfacesAcceptAnyName() {
        var lookup = new io.jkeepalived.config.value.RouteLookup(n -> false, true, g -> false);
        Diagnostics d = new Diagnostics();
        RouteSpec route = RouteSpec.type(true).parse(args("static_routes", "10.1.0.0/16 dev ethX", d));
        assertThat(RouteSpec.check(route, lookup, d, null)).contains(route);
        assertThat(d.list()).isEmpty();
    }

    @Test
    void trackGroupMustBeDefinedEarlierAndNeedsAnInterface() {
        String text = """
                static_routes {
                  10.1.0.0/16 dev eth0 track_group TG
                }
                track_group TG {
                  group {
                    VI_1
                  }
                }
                static_routes {
                  10.2.0.0/16 dev eth0 track_group TG
                  10.3.0.0/16 via 192.168.200.1 track_group TG
                  10.4.0.0/16 dev eth0 track_group TG track_group TG3
                  10.5.0.0/16 dev eth0 track_group TG no_track
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  virtual_ipaddress {
                    192.168.200.50
                  }
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).contains("2: track_group TG not found",
                "11: Warning - cannot track route 10.3.0.0/16 with no interface specified, not tracking",
                "11: Static route cannot have track group if no oif specified",
                "12: track_group TG3 is a duplicate", "12: static_routes: Route has trailing nonsense - TG3 - ignored");
        assertThat(lint(r)).contains("13: Static route has both track_group and no_track set - not tracking");
        assertThat(staticRoutes(r)).extracting(RouteSpec::trackGroup).containsExactly(null, "TG", null, "TG");
        assertThat(ourLines(r)).containsExactly(2, 11, 12);
        assumeTrue(KeepalivedOracle.available());
        assertThat(keepalivedLines(KeepalivedOracle.configTest(text, "lb01"))).containsExactly(2, 11, 12);
    }

    @Test
    void virtualRoutesCannotHaveTrackGroups() {
        String text = """
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  virtual_ipaddress {
                    192.168.200.50
                  }
                  virtual_routes {
                    10.9.0.0/16 dev eth0 track_group TG
                    10.8.0.0/16 dev eth0 no_track
                  }
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("8: virtual_routes: unknown route keyword track_group - ignored");
        List<RouteSpec> vroutes = root(r).blocks(RootKeywords.VRRP_INSTANCE).getFirst().list(VrrpKeywords.VIRTUAL_ROUTES);
        assertThat(vroutes).extracting(RouteSpec::dst).containsExactly(prefix("10.8.0.0/16"));
        assertKeepalivedAgrees(text);
    }

    // ---- the sample configuration -------------------------------------------------------------------

    @Test
    void sampleKeepalivedConfVrrpRoutes() throws Exception {
        Path sample = Path.of("/usr/share/doc/keepalived/samples/keepalived.conf.vrrp.routes");
        assumeTrue(Files.isReadable(sample));
        String text = Files.readString(sample);
        LoadResult r = load(text);
        // the static part and what the route parser says about virtual routes
        assertThat(counted(r)).contains(
                "11: WARNING - interface eth3 for VROUTE nexthop doesn't exist",
                "29: Warning - cannot track route 192.168.112.0/24 with no interface specified, not tracking",
                "30: \"or\" for routes is deprecated. Please use \"nexthop\"",
                "30: Warning - cannot track route 192.168.113.0/24 with no interface specified, not tracking",
                "31: Warning - cannot track route 192.168.113.1/32 with no interface specified, not tracking",
                "32: \"gw\" for routes is deprecated. Please use \"via\"",
                "32: Warning - cannot track route 0.0.0.0/0 with no interface specified, not tracking");
        assertThat(staticRoutes(r)).hasSize(4);
        assertThat(staticRoutes(r).get(0).src()).isEqualTo(ip("192.168.100.1"));
        assumeTrue(KeepalivedOracle.available());
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        assertThat(k.exitStatus()).isEqualTo(5);
        assertThat(r.exitStatus().code()).isEqualTo(5);
        Set<Integer> theirs = keepalivedLines(k);
        Set<Integer> ours = ourLines(r);
        // eth1 and eth2 exist in the test host but not where keepalived runs (line 12 and the
        // virtual routes on eth1/eth2); VIPs and virtual routes on missing interfaces (22, 23,
        // 26-28) are the VRRP check's to report
        Set<Integer> hostOrVrrpCheck = Set.of(12, 22, 23, 26, 27, 28);
        assertThat(theirs).containsAll(ours);
        assertThat(new TreeSet<>(theirs)).satisfies(t -> {
            t.removeAll(ours);
            assertThat(hostOrVrrpCheck).containsAll(t);
        });
    }

    // ---- round trip ---------------------------------------------------------------------------------

    @Test
    void samplesRoundTrip() {
        SplittableRandom random = new SplittableRandom(7);
        for (boolean isStatic : new boolean[] {true, false}) {
            ValueType<RouteSpec> type = RouteSpec.type(isStatic);
            for (int i = 0; i < 2000; i++) {
                RouteSpec v = type.sample(random);
                Diagnostics d = new Diagnostics();
                List<String> words = type.format(v);
                RouteSpec back = type.parse(new Args("static_routes", words.stream().map(RouteSpecTest::unquote).toList(),
                        String.join(" ", words), new SourcePos(Path.of("t"), 1), d));
                assertThat(back).as("%s", words).isEqualTo(v);
                assertThat(d.list()).as("%s", words).allMatch(x -> x.exit() == ExitStatus.OK);
            }
        }
    }

    static String unquote(String w) {
        return w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"") ? w.substring(1, w.length() - 1) : w;
    }
}
