package io.jkeepalived.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.VrrpState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Handovers as timelines: priority changes, preempt_delay, sync group failover, VRRPv3 at
 * 10 ms over IPv4 and IPv6, vrrp_startup_delay, and keepalived's IPsec AH replay counter.
 * Expected times are derived from the timers (see {@link Timing}) and the link delay.
 */
class HandoverScenariosTest {

    static class Pair extends Scenario {
        final Vrrp vi1 = vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3");
        final long lb1Master = masterDownInterval(150);

        void pair(Vrrp lb1, Vrrp lb2) {
            router("lb1", "10.0.0.1", lb1);
            router("lb2", "10.0.0.2", lb2);
        }
    }

    @Nested
    class PriorityChanges extends Pair {
        PriorityChanges() {
            pair(vi1.stateMaster().priority(150), vi1.priority(100));
            start("lb1", "lb2").at(0);
        }

        @Test
        void aBackupWhosePriorityRisesAboveTheMastersPreempts() {
            trackerWeight("lb2", "VI_1", 60).at(seconds(10));
            // lb2's down timer, restarted by lb1's advert at 9.4141625 s, moves by MDI(160) - MDI(100)
            // (vrrp_set_effective_priority); lb1's adverts (150 < 160) no longer restart it
            long lastReset = lastAdvertBefore(lb1Master, SECOND, seconds(10)) + DELAY;
            long takeover = lastReset + masterDownInterval(160);
            expect("lb2").becomesMasterAt(takeover);
            expect("lb1").becomesBackupAt(takeover + DELAY);
        }

        @Test
        void aMasterWhoseCheckScriptFailsLosesTheVipToTheBackup() {
            // seed 002: vrrp_script with weight; failing, it takes 60 off lb1: 90 < 100
            trackerWeight("lb1", "VI_1", -60).at(seconds(10));
            // lb1's next adverts say 90: lb2 ignores them, its timer runs from the last 150 advert
            long lastReset = lastAdvertBefore(lb1Master, SECOND, seconds(10)) + DELAY;
            long takeover = lastReset + masterDownInterval(100);
            expect("lb2").becomesMasterAt(takeover);
            expect("lb1").becomesBackupAt(takeover + DELAY);
        }
    }

    @Nested
    class AddressOwner extends Pair {
        AddressOwner() {
            pair(vi1.priority(255), vi1.priority(100));
            start("lb1", "lb2").at(0);
        }

        @Test
        void theAddressOwnerTakesOverAMicrosecondAfterItStarts() {
            // vrrp_init_state: an owner "times out of BACKUP very quickly (1 usec)"
            expect("lb1").becomesMasterAt(Time.micros(1));
            crash("lb1").at(seconds(10));
            long takeover = lastAdvertBefore(Time.micros(1), SECOND, seconds(10)) + DELAY + masterDownInterval(100);
            expect("lb2").becomesMasterAt(takeover);
            start("lb1").at(seconds(20));
            expect("lb1").becomesMasterAt(seconds(20) + Time.micros(1));
            expect("lb2").becomesBackupAt(seconds(20) + Time.micros(1) + DELAY);
        }
    }

    @Nested
    class InterfaceFaults extends Pair {
        InterfaceFaults() {
            pair(vi1.stateMaster().priority(150), vi1.priority(100));
            start("lb1", "lb2").at(0);
        }

        @Test
        void aMasterWhoseInterfaceGoesDownHandsOverAndAHostRestartedWithItDownStaysInFault() {
            interfaceDown("lb1", "VI_1").at(seconds(5));
            // leaving MASTER for FAULT sends priority 0 (vrrp_state_leave_master)
            expect("lb1").isFaultAt(seconds(5)).ownsNoVipsAt(seconds(5));
            expect("lb2").becomesMasterAt(seconds(5) + DELAY + skewTime(100));
            crash("lb1").at(seconds(10));
            start("lb1").at(seconds(12));
            expect("lb1").isFaultAt(seconds(12));
            expect("lb1").staysBackupUntil(seconds(19));
            interfaceUp("lb1", "VI_1").at(seconds(20));
            expect("lb1").isBackupAt(seconds(20));
            expect("lb1").becomesMasterAt(seconds(20) + masterDownInterval(150));
        }
    }

    @Nested
    class PreemptDelay extends Pair {
        PreemptDelay() {
            pair(vi1.stateMaster().priority(150).preemptDelay(seconds(5)), vi1.priority(100));
            start("lb1", "lb2").at(0);
        }

        @Test
        void theRecoveredMasterWaitsThePreemptDelayBeforeTakingOver() {
            crash("lb1").at(seconds(10));
            long takeover = lastAdvertBefore(lb1Master, SECOND, seconds(10)) + DELAY + masterDownInterval(100);
            expect("lb2").becomesMasterAt(takeover);
            start("lb1").at(seconds(20));
            // lb2's adverts reach lb1 at takeover + DELAY + k s; the first one after the restart arms the delay
            long first = takeover + ((seconds(20) - takeover) / SECOND + 1) * SECOND + DELAY;
            long preemptTime = first + seconds(5);
            // adverts arriving before preemptTime still restart the down timer (keepalived's timercmp >)
            long lastReset = first + (preemptTime - 1 - first) / SECOND * SECOND;
            expect("lb1").staysBackupUntil(lastReset + masterDownInterval(150) - 1);
            expect("lb1").becomesMasterAt(lastReset + masterDownInterval(150));
            expect("lb2").becomesBackupAt(lastReset + masterDownInterval(150) + DELAY);
        }
    }

    /** Two interfaces on two segments, VI_1 on eth0 and VI_2 on eth1, in sync group G on both hosts. */
    @Nested
    class SyncGroup extends Scenario {
        SyncGroup() {
            Segment lan1 = sim.segment("lan1");
            Vrrp vi1 = vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.100");
            Vrrp vi2 = vrrpInstance("VI_2", 52).iface("eth1").virtualIpaddress("10.0.1.100");
            router("lb1", "10.0.0.1", vi1.priority(150)).port("eth1", lan1, "10.0.1.1", "fe80::1:1")
                    .instance(vi2.priority(150).build()).syncGroup("G", "VI_1", "VI_2");
            router("lb2", "10.0.0.2", vi1.priority(100)).port("eth1", lan1, "10.0.1.2", "fe80::1:2")
                    .instance(vi2.priority(100).build()).syncGroup("G", "VI_1", "VI_2");
            start("lb1", "lb2").at(0);
        }

        @Test
        void oneMembersInterfaceFaultTakesTheGroupToFaultAndThePeersGroupToMaster() {
            // both members time out together; the first waits for the second (vrrp_sync_can_goto_master)
            long lb1Master = masterDownInterval(150);
            expect("lb1", "VI_1").becomesMasterAt(lb1Master);
            expect("lb1", "VI_2").isMasterAt(lb1Master);
            interfaceDown("lb1", "VI_1").at(seconds(10));
            expect("lb1", "VI_1").isFaultAt(seconds(10));
            expect("lb1", "VI_2").isFaultAt(seconds(10)).ownsNoVipsAt(seconds(10));
            // leaving MASTER for FAULT sends priority 0 on both segments: lb2's members wait their skew time
            long takeover = seconds(10) + DELAY + skewTime(100);
            expect("lb2", "VI_1").becomesMasterAt(takeover).ownsVipsAt(takeover, "10.0.0.100");
            expect("lb2", "VI_2").isMasterAt(takeover).ownsVipsAt(takeover, "10.0.1.100");
            interfaceUp("lb1", "VI_1").at(seconds(20));
            // the whole group leaves FAULT for BACKUP and preempts when its down timers run out
            expect("lb1", "VI_2").isBackupAt(seconds(20));
            long back = seconds(20) + masterDownInterval(150);
            expect("lb1", "VI_1").becomesMasterAt(back);
            expect("lb1", "VI_2").isMasterAt(back);
            expect("lb2", "VI_1").becomesBackupAt(back + DELAY);
            expect("lb2", "VI_2").isBackupAt(back + DELAY);
        }
    }

    /** VRRPv3 at advert_int 10 ms: Skew_Time scales with the interval (RFC 5798 6.1). */
    static class V3 extends Scenario {
        static final long INTERVAL = millis(10);

        static long mdi(int priority) {
            return Timing.masterDownInterval(3, INTERVAL, priority);
        }

        void failover(String vip, boolean ipv6) {
            Vrrp vi1 = vrrpInstance("VI_1", 51).version(3).advertInt(INTERVAL).virtualIpaddress(vip);
            if (ipv6) {
                vi1 = vi1.ipv6();
            }
            router("lb1", "10.0.0.1", vi1.priority(150));
            router("lb2", "10.0.0.2", vi1.priority(100));
            start("lb1", "lb2").at(0);
            // 3 x 10 ms + (256 - 150) x 10 ms / 256 = 34.140625 ms
            long lb1Master = mdi(150);
            expect("lb1").becomesMasterAt(lb1Master);
            crash("lb1").at(seconds(1));
            long takeover = lastAdvertBefore(lb1Master, INTERVAL, seconds(1)) + DELAY + mdi(100);
            expect("lb2").becomesMasterAt(takeover).ownsVipsAt(takeover, vip);
        }
    }

    @Nested
    class V3Ipv4 extends V3 {
        @Test
        void aTenMillisecondMasterFailsOverInItsMasterDownInterval() {
            failover("10.0.0.3", false);
        }
    }

    @Nested
    class V3Ipv6 extends V3 {
        @Test
        void anIpv6TenMillisecondMasterFailsOverInItsMasterDownInterval() {
            failover("2001:db8::3", true);
        }
    }

    @Nested
    class StartupDelay extends Pair {
        StartupDelay() {
            pair(vi1.stateMaster().priority(150), vi1.priority(100));
            sim.existingRouter("lb1").startupDelay(seconds(2));
            sim.existingRouter("lb2").startupDelay(seconds(2));
            start("lb1", "lb2").at(0);
        }

        @Test
        void backupsCountTheirDownTimerFromTheEndOfTheStartupDelay() {
            expect("lb1").becomesMasterAt(seconds(2) + masterDownInterval(150));
            expect("lb2").staysBackupUntil(seconds(30));
        }
    }

    /**
     * keepalived 2.2.7 keeps one IPsec AH sequence counter per instance for sending and for
     * receiving, and drops an advert whose sequence number is not above it (vrrp_in_chk_ipsecah).
     * Two masters of equal priority that time out together send the same numbers in step, so
     * each drops the other's adverts as replays and both stay master; the engine does the same.
     * (The invariants leave AH virtual routers out of (1), (3) and (4) for this reason.)
     */
    @Nested
    class IpsecAh extends Scenario {
        IpsecAh() {
            Vrrp vi1 = vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100)
                    .with(b -> b.auth(io.jkeepalived.vrrp.Advert.AUTH_AH, "secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            router("lb1", "10.0.0.1", vi1);
            router("lb2", "10.0.0.2", vi1);
            start("lb1", "lb2").at(0);
        }

        @Test
        void twoEqualMastersRejectEachOthersAdvertsAsReplaysAndStayMaster() {
            expect("lb1").becomesMasterAt(masterDownInterval(100));
            expect("lb2").becomesMasterAt(masterDownInterval(100));
            runUntil(seconds(60));
            assertThat(sim.existingRouter("lb1").state("VI_1")).isEqualTo(VrrpState.MASTER);
            assertThat(sim.existingRouter("lb2").state("VI_1")).isEqualTo(VrrpState.MASTER);
            assertThat(sim.existingRouter("lb1").engine().instance("VI_1").stats().advertsReceived()).isZero();
        }
    }
}
