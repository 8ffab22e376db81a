package io.jkeepalived.config;

import static io.jkeepalived.config.ConfigFixture.load;
import static io.jkeepalived.config.ConfigFixture.messages;
import static io.jkeepalived.config.ConfigFixture.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.VrrpValues.State;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * vrrp_instance and vrrp_sync_group validation, one rule per test; where keepalived 2.2.7 has
 * the rule, the same configuration is run through it and must get the same exit status, with
 * every line it complains about also named by us.
 */
class VrrpCheckTest {

    private static final String VIP = "virtual_ipaddress {\n10.0.0.100\n}\n";

    private static String instance(String name, String body) {
        return "vrrp_instance " + name + " {\ninterface eth0\n" + body + "}\n";
    }

    private static Block only(LoadResult r) {
        List<Block> all = root(r).blocks(RootKeywords.VRRP_INSTANCE);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    /** Same exit status as keepalived, and every line keepalived names is one we name. */
    private static LoadResult sameVerdict(String text) {
        LoadResult r = load(text);
        if (KeepalivedOracle.available()) {
            KeepalivedOracle.Verdict k = KeepalivedOracle.configTest(text, "lb01");
            assertThat(r.exitStatus().code()).as("exit status vs keepalived, which said %s", k.lines()).isEqualTo(k.exitStatus());
            List<Integer> ours = r.diagnostics().stream().map(d -> d.pos().line()).toList();
            assertThat(ours).as("lines keepalived complains about: %s", k.lines()).containsAll(KeepalivedOracle.linesNamed(k));
        }
        return r;
    }

    @Test
    void theSeedMasterGetsItsStatedValuesAndKeepalivedsDefaults() {
        LoadResult r = sameVerdict(instance("VI_1", "state MASTER\nvirtual_router_id 50\npriority 150\nadvert_int 1\n"
                + "authentication {\nauth_type PASS\nauth_pass 1111\n}\n" + VIP));
        Block vi = only(r);
        assertThat(messages(r)).isEmpty();
        assertThat(vi.get(VrrpKeywords.STATE)).isEqualTo(State.MASTER);
        assertThat(vi.get(VrrpKeywords.PRIORITY)).isEqualTo(150);
        assertThat(vi.get(VrrpKeywords.VERSION)).isEqualTo(2);
        assertThat(vi.get(VrrpKeywords.ADVERT_INT)).isEqualTo(Duration.ofSeconds(1));
        assertThat(vi.get(VrrpKeywords.GARP_MASTER_DELAY)).isEqualTo(5);
        assertThat(vi.get(VrrpKeywords.GARP_MASTER_REPEAT)).isEqualTo(5L);
        assertThat(vi.get(VrrpKeywords.DOWN_TIMER_ADVERTS)).isEqualTo(3);
        assertThat(vi.isSet(VrrpKeywords.NOPREEMPT)).isFalse();
        assertThat(vi.isSet(VrrpKeywords.ACCEPT)).isTrue();
        assertThat(vi.get(VrrpKeywords.MCAST_DST_IP)).isEqualTo(Types.parseAddress("224.0.0.18"));
        assertThat(vi.list(VrrpKeywords.VIRTUAL_IPADDRESS).getFirst().dev()).isEqualTo("eth0");
    }

    @Test
    void stateMasterWithoutPriorityMakesTheAddressOwner() {
        Block vi = only(sameVerdict(instance("A", "state MASTER\nvirtual_router_id 3\n" + VIP)));
        assertThat(vi.get(VrrpKeywords.PRIORITY)).isEqualTo(255);
    }

    @Test
    void priority255WithoutStateStartsAsMaster() {
        Block vi = only(sameVerdict(instance("A", "priority 255\nvirtual_router_id 3\n" + VIP)));
        assertThat(vi.get(VrrpKeywords.STATE)).isEqualTo(State.MASTER);
    }

    @Test
    void noStateNoPriorityIsABackupAt100() {
        Block vi = only(sameVerdict(instance("A", "virtual_router_id 3\n" + VIP)));
        assertThat(vi.get(VrrpKeywords.STATE)).isEqualTo(State.BACKUP);
        assertThat(vi.get(VrrpKeywords.PRIORITY)).isEqualTo(100);
    }

    @Test
    void aMissingVirtualRouterIdRemovesTheInstance() {
        LoadResult r = sameVerdict(instance("A", VIP));
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE)).isEmpty();
        assertThat(messages(r)).containsExactly("1: error: (A) the virtual router id must be set");
    }

    @Test
    void aVirtualRouterIdOutOfRangeIsAnError() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 300\n" + VIP));
        assertThat(messages(r)).contains("3: error: virtual_router_id: number '300' outside range [1, 255] - ignored");
    }

    @Test
    void nopreemptIsClearedWithInitialStateMaster() {
        LoadResult r = sameVerdict(instance("A", "state MASTER\npriority 150\nnopreempt\nvirtual_router_id 3\n" + VIP));
        assertThat(messages(r)).containsExactly("5: warning: (A) Warning - nopreempt will not work with initial state MASTER - clearing");
        assertThat(only(r).isSet(VrrpKeywords.NOPREEMPT)).isFalse();
    }

    @Test
    void nopreemptIsResetForTheAddressOwner() {
        LoadResult r = sameVerdict(instance("A", "state MASTER\nnopreempt\nvirtual_router_id 3\n" + VIP));
        assertThat(messages(r)).containsExactly("4: warning: (A) nopreempt is incompatible with priority 255. resetting nopreempt");
    }

    @Test
    void nopreemptOnBothBackupsIsKept() {
        Block vi = only(sameVerdict(instance("A", "state BACKUP\npriority 150\nnopreempt\nvirtual_router_id 3\n" + VIP)));
        assertThat(vi.isSet(VrrpKeywords.NOPREEMPT)).isTrue();
    }

    @Test
    void preemptAfterNopreemptTurnsPreemptionBackOn() {
        Block vi = only(sameVerdict(instance("A", "nopreempt\npreempt\nvirtual_router_id 3\n" + VIP)));
        assertThat(vi.isSet(VrrpKeywords.NOPREEMPT)).isFalse();
    }

    @Test
    void preemptDelayIsClearedWithNopreempt() {
        LoadResult r = sameVerdict(instance("A", "nopreempt\npreempt_delay 10\nvirtual_router_id 3\n" + VIP));
        assertThat(messages(r)).containsExactly("4: warning: (A) preempt_delay is incompatible with nopreempt mode - resetting");
        assertThat(only(r).get(VrrpKeywords.PREEMPT_DELAY)).isEqualTo(Duration.ZERO);
    }

    @Test
    void vrrpV2AdvertIntervalIsRoundedToWholeSeconds() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nadvert_int 1.5\n" + VIP));
        assertThat(messages(r)).containsExactly("4: warning: (A) VRRPv2 advertisement interval 1.500000s must be an integer. rounding");
        assertThat(only(r).get(VrrpKeywords.ADVERT_INT)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void vrrpV2SubSecondAdvertIntervalRoundsUpToOneSecond() {
        Block vi = only(load(instance("A", "virtual_router_id 3\nadvert_int 0.3\n" + VIP)));
        assertThat(vi.get(VrrpKeywords.ADVERT_INT)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void vrrpV3AdvertIntervalIsRoundedToCentiseconds() {
        LoadResult r = sameVerdict(instance("A", "version 3\nvirtual_router_id 3\nadvert_int 1.555\n" + VIP));
        assertThat(messages(r)).containsExactly("5: warning: (A) VRRPv3 advertisement interval 1.555000s must be in units of 10ms - rounding");
        assertThat(only(r).get(VrrpKeywords.ADVERT_INT)).isEqualTo(Duration.ofMillis(1560));
    }

    @Test
    void vrrpV3AdvertIntervalKeepsTenMilliseconds() {
        LoadResult r = sameVerdict(instance("A", "version 3\nvirtual_router_id 3\nadvert_int 0.01\n" + VIP));
        assertThat(messages(r)).isEmpty();
        assertThat(only(r).get(VrrpKeywords.ADVERT_INT)).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void vrrpV3AdvertIntervalIsCappedAt40950Milliseconds() {
        LoadResult r = sameVerdict(instance("A", "version 3\nadvert_int 50\nvirtual_router_id 3\n" + VIP));
        assertThat(messages(r)).containsExactly(
                "4: warning: (A) VRRPv3 advertisement interval 50.00s is out of range. Must be less than 40.96s. Setting to 40.95s");
        assertThat(only(r).get(VrrpKeywords.ADVERT_INT)).isEqualTo(Duration.ofMillis(40_950));
    }

    @Test
    void authenticationIsRejectedWithVersion3() {
        LoadResult r = sameVerdict(instance("A", "version 3\nvirtual_router_id 3\nauthentication {\nauth_type PASS\nauth_pass 1234\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("5: warning: (A) VRRP version 3 does not support authentication. Ignoring.");
        assertThat(only(r).isSet(VrrpKeywords.AUTHENTICATION_BLOCK)).isFalse();
    }

    @Test
    void authenticationWithoutPasswordIsIgnored() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nauthentication {\nauth_type PASS\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("4: warning: (A) Authentication specified but no password given. Ignoring");
    }

    @Test
    void aPasswordIsTruncatedToEightCharacters() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nauthentication {\nauth_type PASS\nauth_pass 123456789abc\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("6: warning: Truncating auth_pass to 8 characters");
        assertThat(only(r).blocks(VrrpKeywords.AUTHENTICATION_BLOCK).getFirst().get(VrrpKeywords.AUTH_PASS)).isEqualTo("12345678");
    }

    @Test
    void ahAuthenticationCannotStartAsMaster() {
        LoadResult r = sameVerdict(instance("A", "state MASTER\npriority 100\nvirtual_router_id 3\n"
                + "authentication {\nauth_type AH\nauth_pass x\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("3: warning: (A) Initial state master is incompatible with AH authentication - clearing");
        assertThat(only(r).get(VrrpKeywords.STATE)).isEqualTo(State.BACKUP);
    }

    @Test
    void allVipsMustBeOfOneFamily() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nvirtual_ipaddress {\n1.2.3.4\n2001:db8::1\n}\n"));
        assertThat(messages(r)).containsExactly("6: warning: (A): address family must match VRRP instance [2001:db8::1] - ignoring");
        assertThat(only(r).list(VrrpKeywords.VIRTUAL_IPADDRESS)).hasSize(1);
    }

    @Test
    void excludedAddressesMayMixFamilies() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\n" + VIP + "virtual_ipaddress_excluded {\n2001:db8::1\n}\n"));
        assertThat(messages(r)).isEmpty();
        assertThat(only(r).list(VrrpKeywords.VIRTUAL_IPADDRESS_EXCLUDED)).hasSize(1);
    }

    @Test
    void ipv6InstancesUseVersion3() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nvirtual_ipaddress {\nfe80::1\n2001:db8::1\n}\n"));
        assertThat(only(r).get(VrrpKeywords.VERSION)).isEqualTo(3);
        assertThat(only(r).get(VrrpKeywords.MCAST_DST_IP)).isEqualTo(Types.parseAddress("ff02::12"));
    }

    @Test
    void theFirstIpv6VipShouldBeLinkLocal() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nvirtual_ipaddress {\n2001:db8::1\n}\n"));
        assertThat(messages(r)).containsExactly("5: warning: (A) the first IPv6 VIP address should be link local");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void noVipIsSensibleButAllowedWithVersion2() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\n"));
        assertThat(messages(r)).containsExactly("1: warning: (A) No VIP specified; at least one is sensible");
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE)).hasSize(1);
    }

    @Test
    void noVipRemovesAStrictInstance() {
        LoadResult r = sameVerdict("global_defs {\nvrrp_strict\n}\n" + instance("A", "virtual_router_id 3\n"));
        assertThat(messages(r)).containsExactly("4: error: (A) No VIP specified; at least one is required");
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE)).isEmpty();
    }

    @Test
    void strictModeRules() {
        LoadResult r = sameVerdict("global_defs {\nvrrp_strict\n}\n" + instance("A", "state MASTER\npriority 100\nvirtual_router_id 3\n"
                + "preempt_delay 5\nauthentication {\nauth_type PASS\nauth_pass x\n}\n" + VIP));
        assertThat(messages(r)).containsExactly(
                "6: warning: (A) State MASTER must match being address owner",
                "10: warning: (A) Strict mode does not support authentication. Ignoring.",
                "9: warning: (A) preempt_delay is incompatible with strict mode - resetting");
        Block vi = only(r);
        assertThat(vi.get(VrrpKeywords.STATE)).isEqualTo(State.BACKUP);
        assertThat(vi.isSet(VrrpKeywords.NO_ACCEPT)).isTrue();
        assertThat(vi.get(VrrpKeywords.LOWER_PRIO_NO_ADVERT)).isTrue();
        assertThat(vi.get(VrrpKeywords.GARP_LOWER_PRIO_REPEAT)).isZero();
    }

    @Test
    void strictModeRefusesUnicastPeers() {
        LoadResult r = load("global_defs {\nvrrp_strict\n}\n" + instance("A", "virtual_router_id 3\nunicast_peer {\n10.0.0.2\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("8: error: (A) Unicast peers are not supported in strict mode");
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE)).isEmpty();
    }

    @Test
    void strictAcceptWithVersion2IsReset() {
        LoadResult r = sameVerdict("global_defs {\nvrrp_strict\n}\n" + instance("A", "accept\nvirtual_router_id 3\n" + VIP));
        assertThat(messages(r)).containsExactly("6: warning: (A) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
    }

    @Test
    void anUnknownInterfaceIsAWarningAsInKeepalived() {
        LoadResult r = sameVerdict("vrrp_instance A {\ninterface eth9\nvirtual_router_id 3\n" + VIP + "}\n");
        assertThat(messages(r)).containsExactly("2: warning: WARNING - interface eth9 for vrrp_instance A doesn't exist");
        assertThat(r.exitStatus()).isEqualTo(ExitStatus.ERRORS);
    }

    @Test
    void aLoopbackInterfaceCannotBeUsed() {
        LoadResult r = sameVerdict("vrrp_instance A {\ninterface lo\nvirtual_router_id 3\n" + VIP + "}\n");
        assertThat(messages(r)).containsExactly(
                "2: warning: (A) cannot use a loopback interface (lo) for vrrp - ignoring",
                "1: error: (A) Unknown interface!");
    }

    @Test
    void anInstanceWithoutInterfaceOrUnicastSourceIsRemoved() {
        LoadResult r = sameVerdict("vrrp_instance A {\nvirtual_router_id 3\n" + VIP + "}\n");
        assertThat(messages(r)).containsExactly("1: error: (A) Unknown interface!");
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE)).isEmpty();
    }

    @Test
    void duplicateVridOnTheSameInterfaceAndFamilyIsAnError() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\n" + VIP) + instance("B", "virtual_router_id 3\n"
                + "virtual_ipaddress {\n10.0.0.101\n}\n"));
        assertThat(messages(r)).containsExactly("8: error: A and B both use VRID 3 with IPv4 on interface eth0");
    }

    @Test
    void theSameVridForIpv4AndIpv6IsFine() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\n" + VIP) + instance("B", "virtual_router_id 3\n"
                + "virtual_ipaddress {\nfe80::1\n}\n"));
        assertThat(messages(r)).isEmpty();
    }

    @Test
    void theSameVridWithDisjointUnicastPeersIsFine() {
        sameVerdict(instance("A", "virtual_router_id 3\nunicast_peer {\n10.0.0.2\n}\n" + VIP)
                + instance("B", "virtual_router_id 3\nunicast_peer {\n10.0.0.3\n}\nvirtual_ipaddress {\n10.0.0.101\n}\n"));
    }

    @Test
    void theSameVridWithACommonUnicastPeerConflicts() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nunicast_peer {\n10.0.0.2\n}\n" + VIP)
                + instance("B", "virtual_router_id 3\nunicast_peer {\n10.0.0.2\n}\nvirtual_ipaddress {\n10.0.0.101\n}\n"));
        assertThat(messages(r)).containsExactly("11: error: (A) duplicate VRID conflict with B VRID 3");
    }

    @Test
    void aDuplicateInstanceNameIsIgnored() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\n" + VIP) + instance("A", "virtual_router_id 4\n" + VIP));
        assertThat(messages(r)).containsExactly("8: warning: vrrp instance A already defined - ignoring this one");
        assertThat(only(r).get(VrrpKeywords.VIRTUAL_ROUTER_ID)).isEqualTo(3);
    }

    @Test
    void unicastTtlWithoutPeersIsReset() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nunicast_ttl 10\n" + VIP));
        assertThat(messages(r)).containsExactly("8: warning: (A): Cannot use unicast_ttl without unicast peers - resetting");
    }

    @Test
    void trackingTheOwnInterfaceIsIgnored() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\ntrack_interface {\neth0\neth1 weight 5\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("5: warning: (A) Ignoring track_interface eth0 since own interface");
        assertThat(only(r).list(VrrpKeywords.TRACK_INTERFACE)).extracting(t -> t.name()).containsExactly("eth1");
    }

    @Test
    void aTrackedInterfaceThatDoesNotExistIsAWarning() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\ntrack_interface {\neth9\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("5: warning: (A) tracked interface eth9 doesn't exist");
    }

    @Test
    void anUnknownTrackScriptIsIgnored() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\ntrack_script {\nchk\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("5: warning: (A) track script chk not found, ignoring...");
        assertThat(only(r).list(VrrpKeywords.TRACK_SCRIPT)).isEmpty();
    }

    @Test
    void aTrackWeightOutOfRangeIsRejected() {
        LoadResult r = load(instance("A", "virtual_router_id 3\ntrack_interface {\neth1 weight 300\n}\n" + VIP));
        assertThat(messages(r)).containsExactly(
                "5: error: track_interface: weight for eth1 must be between [-253:253]: number '300' outside range [-253, 253] - ignored");
    }

    @Test
    void syncGroupMembersMustExistAndOneMemberIsProbablyAMistake() {
        LoadResult r = sameVerdict("vrrp_sync_group G {\ngroup {\nA\nB\n}\n}\n" + instance("A", "virtual_router_id 3\n" + VIP));
        assertThat(messages(r)).containsExactly(
                "4: warning: Virtual router B specified in sync group G doesn't exist - ignoring",
                "1: warning: Sync group G has only 1 virtual router(s) - this probably isn't what you want");
    }

    @Test
    void anInstanceBelongsToOneSyncGroupOnly() {
        LoadResult r = sameVerdict("vrrp_sync_group G {\ngroup {\nA\nB\n}\n}\nvrrp_sync_group H {\ngroup {\nA\nB\n}\n}\n"
                + instance("A", "virtual_router_id 3\n" + VIP) + instance("B", "virtual_router_id 4\n" + VIP));
        assertThat(messages(r)).containsExactly(
                "9: warning: Virtual router A cannot exist in more than one sync group; ignoring H",
                "10: warning: Virtual router B cannot exist in more than one sync group; ignoring H",
                "7: warning: Sync group H, no matching virtual router found in group declaration - removing");
        assertThat(root(r).blocks(RootKeywords.VRRP_SYNC_GROUP)).hasSize(1);
    }

    @Test
    void weightsOfSyncGroupMembersAreIgnored() {
        LoadResult r = load("vrrp_sync_group G {\ngroup {\nA\nB\n}\n}\n"
                + instance("A", "virtual_router_id 3\ntrack_interface {\neth1 weight 5\n}\n" + VIP)
                + instance("B", "virtual_router_id 4\n" + VIP));
        assertThat(messages(r)).containsExactly("11: warning: (A) ignoring eth1 tracked interface weight due to SYNC group");
        assertThat(root(r).blocks(RootKeywords.VRRP_INSTANCE).getFirst().list(VrrpKeywords.TRACK_INTERFACE).getFirst().weight()).isZero();
    }

    @Test
    void unicastWithVmacNeedsXmitBase() {
        LoadResult r = load(instance("A", "virtual_router_id 3\nuse_vmac\nunicast_peer {\n10.0.0.2\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("4: warning: (A) unicast with use_vmac requires vmac_xmit_base - setting");
        assertThat(only(r).isSet(VrrpKeywords.VMAC_XMIT_BASE)).isTrue();
    }

    @Test
    void garpDefaultsComeFromGlobalDefs() {
        Block vi = only(load("global_defs {\nvrrp_garp_master_delay 10\nvrrp_garp_master_repeat 2\n}\n"
                + instance("A", "virtual_router_id 3\ngarp_master_repeat 7\n" + VIP)));
        assertThat(vi.get(VrrpKeywords.GARP_MASTER_DELAY)).isEqualTo(10);
        assertThat(vi.get(VrrpKeywords.GARP_MASTER_REPEAT)).isEqualTo(7L);
        // the lower-priority defaults are global_defs' master values, not the instance's
        assertThat(vi.get(VrrpKeywords.GARP_LOWER_PRIO_DELAY)).isEqualTo(10);
        assertThat(vi.get(VrrpKeywords.GARP_LOWER_PRIO_REPEAT)).isEqualTo(2);
    }

    @Test
    void theGlobalVrrpVersionIsTheDefault() {
        Block vi = only(load("global_defs {\nvrrp_version 3\n}\n" + instance("A", "virtual_router_id 3\n" + VIP)));
        assertThat(vi.get(VrrpKeywords.VERSION)).isEqualTo(3);
    }

    @Test
    void anUnknownStateWarnsAndUsesBackup() {
        LoadResult r = sameVerdict(instance("A", "state Master\nvirtual_router_id 3\n" + VIP));
        assertThat(messages(r)).containsExactly("3: warning: unknown state 'Master', defaulting to BACKUP");
        assertThat(only(r).get(VrrpKeywords.STATE)).isEqualTo(State.BACKUP);
    }

    @Test
    void theOracleAgreesOnCleanConfigurations() {
        assumeTrue(KeepalivedOracle.available());
        sameVerdict(instance("A", "state BACKUP\npriority 90\nvirtual_router_id 51\nadvert_int 1\nnopreempt\n" + VIP
                + "unicast_src_ip 10.99.0.1\nunicast_peer {\n10.99.0.2\n}\n"));
    }

    @Test
    void aKeywordWithoutItsParameterIsExitStatus2() {
        LoadResult r = sameVerdict(instance("A", "state\nvirtual_router_id 3\n" + VIP));
        assertThat(r.exitStatus()).isEqualTo(io.jkeepalived.config.ExitStatus.MISSING_PARAMETER);
        assertThat(messages(r)).containsExactly("3: error: state: missing a parameter after 'state' - ignored");
    }

    @Test
    void theOldVmacGarpIntervalSpellingIsReportedAsKeepalivedDoes() {
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nvmac_garp_intvl 10\n" + VIP));
        assertThat(messages(r)).containsExactly(
                "4: warning: Keyword \"vmac_garp_intvl\" is deprecated - please use \"garp_extra_if\"");
        assertThat(only(r).isSet(VrrpKeywords.GARP_EXTRA_IF)).isTrue();
    }

    @Test
    void aBfdInstanceOnlyForTheCheckersCannotBeTracked() {
        String bfd = "bfd_instance B {\nneighbor_ip 10.0.0.9\nchecker\n}\n";
        LoadResult r = sameVerdict(bfd + instance("A", "virtual_router_id 3\ntrack_bfd {\nB\n}\n" + VIP));
        assertThat(messages(r)).containsExactly("9: warning: (A) track bfd B not found, ignoring...");
        assertThat(only(r).list(VrrpKeywords.TRACK_BFD)).isEmpty();
    }

    @Test
    void anAddressWithALeadingZeroIsNotAnAddress() {
        // inet_pton, which keepalived uses, rejects "010.0.0.1" (a lenient parser would read 10.0.0.1)
        LoadResult r = sameVerdict(instance("A", "virtual_router_id 3\nvirtual_ipaddress {\n010.0.0.1\n10.0.0.2\n}\n"));
        assertThat(messages(r)).singleElement().asString().startsWith("5: error: ");
        assertThat(only(r).list(VrrpKeywords.VIRTUAL_IPADDRESS)).hasSize(1);
    }

    @Test
    void aScriptNameIsItsFirstWordOnly() {
        LoadResult r = sameVerdict("vrrp_script chk extra words {\nscript /bin/true\n}\n"
                + instance("A", "virtual_router_id 3\ntrack_script {\nchk\n}\n" + VIP));
        assertThat(root(r).blocks(RootKeywords.VRRP_SCRIPT)).singleElement().extracting(Block::head).isEqualTo("chk");
        assertThat(only(r).list(VrrpKeywords.TRACK_SCRIPT)).hasSize(1);
    }
}
