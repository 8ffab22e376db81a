package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.root;
import static io.jkeepalived.config.RouteSpecTest.assertKeepalivedAgrees;
import static io.jkeepalived.config.RouteSpecTest.counted;
import static io.jkeepalived.config.RouteSpecTest.keepalivedLines;
import static io.jkeepalived.config.RouteSpecTest.lint;
import static io.jkeepalived.config.RouteSpecTest.load;
import static io.jkeepalived.config.RouteSpecTest.ourLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.StaticKeywords;
import io.jkeepalived.config.schema.StaticKeywords.LinkbeatInterface;
import io.jkeepalived.config.schema.StaticKeywords.LinkbeatType;
import io.jkeepalived.config.schema.StaticKeywords.UpDownDelay;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.config.value.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * track_group, static_ipaddress, linkbeat_interfaces and interface_up_down_delays, and the
 * file-order rules of the static check, against keepalived 2.2.7.
 */
class StaticCheckTest {

    static List<IpAddressSpec> staticAddresses(LoadResult r) {
        return root(r).list(RootKeywords.STATIC_IPADDRESS);
    }

    // ---- track_group ------------------------------------------------------------------------------

    @Test
    void trackGroupDefinedTwiceKeepsTheFirst() {
        String text = """
                track_group TG {
                  group {
                    VI_1
                  }
                }
                track_group TG {
                  group {
                    VI_2
                  }
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
        assertThat(counted(r)).containsExactly("6: track_group TG already defined");
        List<Block> groups = root(r).blocks(RootKeywords.TRACK_GROUP);
        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst().list(StaticKeywords.GROUP)).containsExactly("VI_1");
        assertKeepalivedAgrees(text);
    }

    @Test
    void trackGroupMembersMustBeVrrpInstances() {
        String text = """
                track_group TG {
                  group {
                    VI_1
                    VI_X
                  }
                }
                track_group TGN {
                  group {
                    VI_Y
                  }
                }
                track_group TGE {
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
        // keepalived only logs these when it starts; -t passes
        assertThat(counted(r)).isEmpty();
        assertThat(lint(r)).containsExactly(
                "4: vrrp instance VI_X specified in track group TG doesn't exist - ignoring",
                "9: vrrp instance VI_Y specified in track group TGN doesn't exist - ignoring",
                "7: Static track group TGN has no VRRP instance(s) - it tracks nothing",
                "12: Static track group TGE has no virtual router(s) - it tracks nothing");
        assertThat(root(r).blocks(RootKeywords.TRACK_GROUP).getFirst().list(StaticKeywords.GROUP)).containsExactly("VI_1");
        assertKeepalivedAgrees(text);
    }

    @Test
    void emptyGroupBlockIsReported() {
        String text = """
                track_group TG {
                  group {
                  }
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: Warning - track group TG has empty group block");
        assumeTrue(KeepalivedOracle.available());
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        // keepalived reports it at the closing brace of the group block, once it has read it
        assertThat(keepalivedLines(k)).containsExactly(3);
        assertThat(k.exitStatus()).isEqualTo(r.exitStatus().code());
    }

    @Test
    void secondGroupListIsIgnored() {
        String text = """
                track_group TG {
                  group {
                    VI_1
                  }
                  group {
                    VI_2
                  }
                }
                """;
        LoadResult r = load(text);
        // sic: keepalived 2.2.7 calls it a sync group
        assertThat(counted(r)).containsExactly("5: Group list already specified for sync group TG");
        assertThat(root(r).blocks(RootKeywords.TRACK_GROUP).getFirst().settings()).hasSize(1);
        assumeTrue(KeepalivedOracle.available());
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        // keepalived's skip_block then takes the group's closing brace for the track group's, and
        // calls the last '}' an unknown keyword (line 8): a quirk of its block reader, not repeated
        assertThat(keepalivedLines(k)).containsExactly(5, 8);
        assertThat(k.lines()).anyMatch(l -> l.endsWith("Line 8) Unknown keyword '}'"));
        assertThat(k.exitStatus()).isEqualTo(r.exitStatus().code());
    }

    // ---- static_ipaddress --------------------------------------------------------------------------

    @Test
    void staticAddressOnAMissingInterfaceIsDropped() {
        LoadResult r = load("""
                static_ipaddress {
                  10.1.0.1/16 dev eth0
                  10.2.0.1/16 dev ethX
                }
                """);
        assertThat(counted(r)).containsExactly("3: WARNING - interface ethX for ip address 10.2.0.1/16 doesn't exist");
        assertThat(staticAddresses(r)).extracting(IpAddressSpec::dev).containsExactly("eth0");
        assumeTrue(KeepalivedOracle.available());
        // keepalived says line 3: the address entries carry no line of their own here (the
        // framework keeps one position per block), so we report the block's line
        assertThat(keepalivedLines(KeepalivedOracle.configTest("""
                static_ipaddress {
                  10.1.0.1/16 dev eth0
                  10.2.0.1/16 dev ethX
                }
                """, "lb01"))).containsExactly(3);
    }

    @Test
    void staticAddressWithoutDevGoesOnTheDefaultInterface() {
        LoadResult r = load("""
                static_ipaddress {
                  10.1.0.1/16
                }
                """);
        assertThat(counted(r)).isEmpty();
        assertThat(staticAddresses(r)).extracting(IpAddressSpec::dev).containsExactly("eth0");
        LoadResult eth2 = load("""
                global_defs {
                  default_interface eth2
                }
                static_ipaddress {
                  10.1.0.1/16
                }
                """);
        assertThat(staticAddresses(eth2)).extracting(IpAddressSpec::dev).containsExactly("eth2");
        assertKeepalivedAgrees("""
                static_ipaddress {
                  10.1.0.1/16
                }
                """);
    }

    @Test
    void staticAddressNeedsAnExistingDefaultInterface() {
        String text = """
                global_defs {
                  default_interface ethY
                }
                static_ipaddress {
                  10.1.0.1/16
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "5: Static address 10.1.0.1/16 requires either an interface or default interface must exist");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.CANNOT_RUN);
        assertThat(staticAddresses(r)).isEmpty();
        assumeTrue(KeepalivedOracle.available());
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        assertThat(k.exitStatus()).isEqualTo(4);
        // keepalived: line 5, the address; we: line 4, the block (see above)
        assertThat(keepalivedLines(k)).containsExactly(5);
    }

    @Test
    void staticAddressTrackGroupMustBeDefinedEarlier() {
        String text = """
                static_ipaddress {
                  10.1.0.1/16 dev eth0 track_group TG
                }
                track_group TG {
                  group {
                    VI_1
                  }
                }
                static_ipaddress {
                  10.2.0.1/16 dev eth0 track_group TG
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
        assertThat(counted(r)).containsExactly("2: track_group TG not found");
        assertThat(staticAddresses(r)).extracting(IpAddressSpec::trackGroup).containsExactly(null, "TG");
        assumeTrue(KeepalivedOracle.available());
        assertThat(keepalivedLines(KeepalivedOracle.configTest(text, "lb01"))).containsExactly(2);
    }

    @Test
    void sampleKeepalivedConfVrrpStaticIpaddress() throws Exception {
        Path sample = Path.of("/usr/share/doc/keepalived/samples/keepalived.conf.vrrp.static_ipaddress");
        assumeTrue(Files.isReadable(sample));
        String text = Files.readString(sample);
        LoadResult r = load(text);
        // every interface exists in the test host (lo, eth0, eth1, eth2); the route without dev is
        // the route parser's
        assertThat(counted(r)).containsExactly(
                "25: Warning - cannot track route 192.168.112.0/24 with no interface specified, not tracking");
        assertThat(staticAddresses(r)).extracting(IpAddressSpec::dev).containsExactly("eth0", "eth1", "eth2");
        assumeTrue(KeepalivedOracle.available());
        KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
        // keepalived runs in the oracle's namespace, which has eth0, eth1 and eth2 too
        Set<Integer> rest = new TreeSet<>(keepalivedLines(k));
        rest.removeAll(ourLines(r));
        assertThat(rest).isEmpty();
        assertThat(k.exitStatus()).isEqualTo(5);
    }

    // ---- linkbeat_interfaces ------------------------------------------------------------------------

    @Test
    void linkbeatInterfacesWithTypes() {
        String text = """
                linkbeat_interfaces {
                  eth0
                  eth0 MII
                  eth0 ETHTOOL
                  lo IOCTL
                  eth0 mii
                  eth0 MII extra
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("6: extra characters mii in linkbeat interface",
                "7: extra characters MII in linkbeat interface");
        assertThat(root(r).list(RootKeywords.LINKBEAT_INTERFACES)).extracting(LinkbeatInterface::type)
                .containsExactly(null, LinkbeatType.MII, LinkbeatType.ETHTOOL, LinkbeatType.IOCTL, null, LinkbeatType.MII);
        assertKeepalivedAgrees(text);
    }

    @Test
    void linkbeatOnAMissingInterfaceCannotRun() {
        String text = """
                linkbeat_interfaces {
                  ethY
                  eth0
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: unknown interface ethY specified for linkbeat interface");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.CANNOT_RUN);
        assertThat(root(r).list(RootKeywords.LINKBEAT_INTERFACES)).extracting(LinkbeatInterface::ifname)
                .containsExactly("eth0");
        assertKeepalivedAgrees(text);
    }

    // ---- interface_up_down_delays -------------------------------------------------------------------

    @Test
    void upDownDelays() {
        String text = """
                interface_up_down_delays {
                  eth0 1.5
                  lo 0.0000005 2.0000004
                  eth0 255 255
                  eth0 0 0
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("3: number '0.0000005' has too many decimal places",
                "3: number '2.0000004' has too many decimal places");
        // keepalived 2.2.7 (-d of a real run): up delay 0 when not given, half-up rounding to 1us
        assertThat(root(r).list(RootKeywords.INTERFACE_UP_DOWN_DELAYS)).containsExactly(
                new UpDownDelay("eth0", Duration.ofMillis(1500), Duration.ZERO, null),
                new UpDownDelay("lo", Duration.ofNanos(1000), Duration.ofSeconds(2), null),
                new UpDownDelay("eth0", Duration.ofSeconds(255), Duration.ofSeconds(255), null),
                new UpDownDelay("eth0", Duration.ZERO, Duration.ZERO, null));
        assertKeepalivedAgrees(text);
    }

    @Test
    void invalidDelaysIgnoreTheLine() {
        String text = """
                interface_up_down_delays {
                  eth0 256
                  eth0 -1
                  eth0 x
                  eth0 1 x
                  eth0 1e2
                  eth0 0x10
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly(
                "2: interface_up_down_delays: Invalid down delay 256 for eth0 (number '256' outside range [0.000000,"
                        + " 255.000000]) - ignored",
                "3: interface_up_down_delays: Invalid down delay -1 for eth0 (negative number '-1') - ignored",
                "4: interface_up_down_delays: Invalid down delay x for eth0 (invalid number 'x') - ignored",
                "5: interface_up_down_delays: Invalid up delay x for eth0 (invalid number 'x') - ignored",
                "6: interface_up_down_delays: Invalid down delay 1e2 for eth0 (invalid number '1e2') - ignored",
                "7: interface_up_down_delays: Invalid down delay 0x10 for eth0 (invalid number '0x10') - ignored");
        assertThat(root(r).list(RootKeywords.INTERFACE_UP_DOWN_DELAYS)).isEmpty();
        assertKeepalivedAgrees(text);
    }

    @Test
    void upDownDelayLinesWithoutTimeoutsOrWithTooManyAreLogged() {
        String text = """
                interface_up_down_delays {
                  eth0
                  eth0 1 2 3
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).isEmpty();
        assertThat(lint(r)).containsExactly("3: interface_up_down_delays: Too many parameters for eth0 up/down delays",
                "2: No timeouts specified for eth0 up/down delays - ignoring");
        assertThat(root(r).list(RootKeywords.INTERFACE_UP_DOWN_DELAYS)).containsExactly(
                new UpDownDelay("eth0", Duration.ofSeconds(1), Duration.ofSeconds(2), null));
        assertKeepalivedAgrees(text);
    }

    @Test
    void upDownDelayOnAMissingInterfaceCannotRun() {
        String text = """
                interface_up_down_delays {
                  ethY 1
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).containsExactly("2: unknown interface ethY specified for up/down delay");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.CANNOT_RUN);
        assertKeepalivedAgrees(text);
    }

    // ---- dynamic_interfaces ---------------------------------------------------------------------------

    @Test
    void dynamicInterfacesAllowMissingInterfaces() {
        // dynamic_interfaces belongs to the global_defs table, filled in elsewhere
        assumeTrue(GlobalKeywords.BLOCK.lookup("dynamic_interfaces") != null);
        String text = """
                global_defs {
                  dynamic_interfaces
                }
                static_routes {
                  10.1.0.0/16 dev ethX
                }
                static_rules {
                  from 10.1.0.0/16 table 5 priority 5 dev ethX
                }
                static_ipaddress {
                  10.1.0.1 dev ethX
                }
                linkbeat_interfaces {
                  ethX
                }
                interface_up_down_delays {
                  ethY 1
                }
                """;
        LoadResult r = load(text);
        assertThat(counted(r)).isEmpty();
        assertKeepalivedAgrees(text);
    }

    // ---- -d output reads back the same ------------------------------------------------------------

    @Test
    void dumpReadsBackToTheSameStatics() throws Exception {
        String text = """
                track_group TG {
                  group {
                    VI_1
                  }
                }
                static_ipaddress {
                  10.1.0.1/16 track_group TG
                }
                static_routes {
                  10.1.0.0/16 via 192.168.200.254 or 192.168.200.253
                  10.2.0.0/16 dev eth0 table main protocol boot mtu lock 1400 rtt 1601 track_group TG
                  blackhole default6
                  10.3.0.0/16 dev eth0 nexthop via 192.168.200.2 weight 3 nexthop dev eth1 encap mpls 5/6
                }
                static_rules {
                  from 10.0.0.0/8 table 100
                  inet6 x iif eth0 fwmark 0x10/0xff goto 20000 priority 300 track_group TG
                }
                linkbeat_interfaces {
                  eth0 MII
                }
                interface_up_down_delays {
                  eth0 0.5 1
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  virtual_ipaddress {
                    192.168.200.50
                  }
                  virtual_rules {
                    to 10.0.0.0/8 table 7
                  }
                }
                """;
        LoadResult first = load(text);
        String dump = ConfigFixture.dump(first);
        LoadResult again = load(dump);
        assertThat(counted(again)).as(dump).isEmpty();
        for (var k : List.of(RootKeywords.STATIC_IPADDRESS, RootKeywords.STATIC_ROUTES, RootKeywords.STATIC_RULES,
                RootKeywords.LINKBEAT_INTERFACES, RootKeywords.INTERFACE_UP_DOWN_DELAYS)) {
            assertThat(root(again).list(k)).as(dump).isEqualTo(root(first).list(k));
        }
        assertThat(root(again).blocks(RootKeywords.TRACK_GROUP)).isEqualTo(root(first).blocks(RootKeywords.TRACK_GROUP));
        assertThat(root(again).blocks(RootKeywords.VRRP_INSTANCE).getFirst().list(io.jkeepalived.config.schema.VrrpKeywords.VIRTUAL_RULES))
                .isEqualTo(root(first).blocks(RootKeywords.VRRP_INSTANCE).getFirst()
                        .list(io.jkeepalived.config.schema.VrrpKeywords.VIRTUAL_RULES));
        assertThat(dump).contains("10.1.0.1/16 dev eth0 track_group TG",
                "10.1.0.0/16 no_track nexthop via 192.168.200.254 nexthop via 192.168.200.253",
                "from 10.0.0.0/8 preference 16384 table 100",
                "from ::/0 preference 300 fwmark 16/255 iif eth0 goto 20000 track_group TG",
                "to 10.0.0.0/8 preference 16383 table 7");
    }

    // ---- round trip of the entry types -------------------------------------------------------------

    @Test
    void entrySamplesRoundTrip() {
        SplittableRandom random = new SplittableRandom(3);
        for (ValueType<?> type : List.of(StaticKeywords.LINKBEAT_INTERFACE, StaticKeywords.UP_DOWN_DELAY)) {
            for (int i = 0; i < 500; i++) {
                roundTrip(type, random);
            }
        }
    }

    private static <T> void roundTrip(ValueType<T> type, SplittableRandom random) {
        T v = type.sample(random);
        Diagnostics d = new Diagnostics();
        List<String> words = type.format(v);
        T back = type.parse(new Args("x", words, String.join(" ", words), new SourcePos(Path.of("t"), 1), d));
        assertThat(back).as("%s", words).isEqualTo(v);
        assertThat(d.list()).as("%s", words).isEmpty();
    }
}
