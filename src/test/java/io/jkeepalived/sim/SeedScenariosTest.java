package io.jkeepalived.sim;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The cases the seed documents walk through (shared/seeds/000 and 004), as timelines. Host
 * addresses the documents do not give are 10.0.0.5 (lb01) and 10.0.0.6 (lb02). Every expected
 * time is derived here from the VRRPv2 timers at advert_int 1 s and the scenario link delay.
 */
class SeedScenariosTest {

    /** Seed 000: lb01 "state MASTER, priority 150", lb02 "state BACKUP, priority 100", VRID 50, VIP 10.0.0.3, PASS 1111. */
    static class Pair extends Scenario {
        final Vrrp vi1 = vrrpInstance("VI_1", 50).virtualIpaddress("10.0.0.3").authPass("1111");

        /** keepalived starts a "state MASTER" instance below 255 as a backup whose down timer runs (vrrp_init_state). */
        final long lb1Master = masterDownInterval(150);

        /** lb1 adverts every second from lb1Master; after a crash at t lb2 waits Master_Down_Interval from the last one it heard. */
        long takeoverAfterCrashAt(long t) {
            return lastAdvertBefore(lb1Master, SECOND, t) + DELAY + masterDownInterval(100);
        }
    }

    @Nested
    class Preemptive extends Pair {

        Preemptive() {
            router("lb1", "10.0.0.5", vi1.stateMaster().priority(150));
            router("lb2", "10.0.0.6", vi1.stateBackup().priority(100));
            start("lb1", "lb2").at(0);
        }

        @Test
        void theHigherPriorityTakesTheVipAfterItsMasterDownInterval() {
            // 3 x 1 s + (256 - 150)/256 s = 3.4140625 s
            expect("lb1").becomesMasterAt(lb1Master).ownsVipsAt(lb1Master, "10.0.0.3");
            expect("lb2").staysBackupUntil(seconds(60));
        }

        @Test
        void theMasterDiesAndTheVipMovesToTheBackup() {
            crash("lb1").at(seconds(10));
            long takeover = takeoverAfterCrashAt(seconds(10));   // 9.4140625 s + 100 µs + 3.609375 s
            expect("lb2").becomesMasterAt(takeover).ownsVipsAt(takeover, "10.0.0.3");
        }

        @Test
        void theRecoveredMasterTakesTheVipBack() {
            crash("lb1").at(seconds(10));
            long takeover = takeoverAfterCrashAt(seconds(10));
            expect("lb2").becomesMasterAt(takeover);
            start("lb1").at(seconds(20));
            // lb1 ignores lb2's lower priority adverts (preemption) and its down timer runs out
            long back = seconds(20) + masterDownInterval(150);
            expect("lb1").becomesMasterAt(back);
            expect("lb2").becomesBackupAt(back + DELAY).ownsNoVipsAt(back + DELAY);
        }

        @Test
        void nginxDiesAndTheCheckScriptStopsKeepalivedSoTheVipMoves() {
            // check_web.sh runs "systemctl stop keepalived": lb1 sends priority 0 and lb2 takes over after its skew time
            stop("lb1").at(seconds(10));
            long takeover = seconds(10) + DELAY + skewTime(100);   // + 0.609375 s
            expect("lb2").becomesMasterAt(takeover).ownsVipsAt(takeover, "10.0.0.3");
        }

        @Test
        void splitBrainWhenTheBackupsFirewallDropsVrrpFromTheMaster() {
            dropVrrp("lb2", "lb1").at(seconds(10));
            long takeover = takeoverAfterCrashAt(seconds(10));
            expect("lb2").becomesMasterAt(takeover);
            // lb1 still hears lb2: a master answers a lower priority advert at once (vrrp_state_master_rx) and stays
            expect("lb1").isMasterAt(seconds(15)).ownsVipsAt(seconds(15));
            expect("lb2").ownsVipsAt(seconds(15));
            allowVrrp("lb2", "lb1").at(seconds(20));
            // from lb2's first advert on, lb1 sends on every one of them, restarting its advert timer
            long lb1Sends = takeover + DELAY;
            long firstAfter = lb1Sends + ((seconds(20) - lb1Sends) / SECOND + 1) * SECOND;
            expect("lb2").becomesBackupAt(firstAfter + DELAY);
            expect("lb1").isMasterAt(firstAfter + DELAY);
        }

        @Test
        void theMastersCableIsCutTheBackupTakesOverAndReconnectingEndsTheSplitBrain() {
            cut("lb1").at(seconds(10));
            long takeover = takeoverAfterCrashAt(seconds(10));
            expect("lb2").becomesMasterAt(takeover);
            // nothing on lb1 notices a cut cable (no link monitoring here): it stays master on its own
            expect("lb1").isMasterAt(seconds(13.7));
            reconnect("lb1").at(seconds(20));
            long lb2Next = takeover + ((seconds(20) - takeover) / SECOND + 1) * SECOND;
            expect("lb2").becomesBackupAt(lb2Next + 2 * DELAY);
        }

        @Test
        void splitBrainWhenVrrpIsDroppedBothWays() {
            dropVrrp("lb2", "lb1").at(seconds(10));
            dropVrrp("lb1", "lb2").at(seconds(10));
            long takeover = takeoverAfterCrashAt(seconds(10));
            expect("lb2").becomesMasterAt(takeover);
            expect("lb1").isMasterAt(seconds(15)).ownsVipsAt(seconds(15));
            expect("lb2").ownsVipsAt(seconds(15));
            allowVrrp("lb2", "lb1").at(seconds(20));
            allowVrrp("lb1", "lb2").at(seconds(20));
            // lb2's next advert (every second from its takeover) reaches lb1, which answers at once with 150 > 100
            long lb2Next = takeover + ((seconds(20) - takeover) / SECOND + 1) * SECOND;
            expect("lb2").becomesBackupAt(lb2Next + 2 * DELAY);
            expect("lb1").isMasterAt(lb2Next + 2 * DELAY);
        }
    }

    /** Seed 000, the non-preemptive variant: both "state BACKUP" with nopreempt, priorities 150 and 100. */
    @Nested
    class NonPreemptive extends Pair {

        NonPreemptive() {
            router("lb1", "10.0.0.5", vi1.stateBackup().nopreempt().priority(150));
            router("lb2", "10.0.0.6", vi1.stateBackup().nopreempt().priority(100));
            start("lb1", "lb2").at(0);
        }

        @Test
        void theHigherPriorityIsElectedFirst() {
            expect("lb1").becomesMasterAt(masterDownInterval(150));
            expect("lb2").staysBackupUntil(seconds(30));
        }

        @Test
        void theRecoveredHigherPriorityDoesNotTakeTheVipBack() {
            crash("lb1").at(seconds(10));
            long takeover = takeoverAfterCrashAt(seconds(10));
            expect("lb2").becomesMasterAt(takeover);
            start("lb1").at(seconds(20));
            // nopreempt: every advert of lb2 restarts lb1's down timer, whatever its priority (RFC 5798 6.4.2)
            expect("lb1").staysBackupUntil(seconds(120));
            expect("lb2").isMasterAt(seconds(120)).ownsVipsAt(seconds(120), "10.0.0.3");
        }
    }

    /** Seed 004: server01 (192.168.17.102, state MASTER) and server03 (.101, state BACKUP), both priority 100, VIP .200. */
    static class EqualPriorities extends Scenario {
        final Vrrp vi1 = vrrpInstance("VI_1", 51).priority(100).authPass("1111").virtualIpaddress("192.168.17.200");
    }

    @Nested
    class EqualPrioritiesStartedTogether extends EqualPriorities {

        EqualPrioritiesStartedTogether() {
            router("server01", "192.168.17.102", vi1.stateMaster());
            router("server03", "192.168.17.101", vi1.stateBackup());
            start("server01", "server03").at(0);
        }

        @Test
        void bothTimeOutTogetherAndTheHigherAddressStaysMaster() {
            long both = masterDownInterval(100);
            expect("server01").becomesMasterAt(both);
            expect("server03").becomesMasterAt(both);
            // RFC 5798 6.4.3: equal priority, the sender's primary address is greater: server03 steps down
            expect("server03").becomesBackupAt(both + DELAY).ownsNoVipsAt(both + DELAY);
            expect("server01").isMasterAt(seconds(60)).ownsVipsAt(seconds(60), "192.168.17.200");
            expect("server03").staysBackupUntil(seconds(60));
        }
    }

    @Nested
    class EqualPrioritiesStartedApart extends EqualPriorities {

        EqualPrioritiesStartedApart() {
            router("server01", "192.168.17.102", vi1.stateMaster());
            router("server03", "192.168.17.101", vi1.stateBackup());
            start("server03").at(0);
            start("server01").at(seconds(1));
        }

        @Test
        void whoeverTimesOutFirstStaysMasterAsABackupDoesNotPreemptAnEqualPriority() {
            expect("server03").becomesMasterAt(masterDownInterval(100));
            expect("server01").staysBackupUntil(seconds(60));
        }
    }

    /** Seed 004: three VIPs in one instance (keepalived's sample: 192.168.200.16-18). */
    @Nested
    class ThreeVips extends Scenario {
        final Vrrp vi1 = vrrpInstance("VI_1", 51).authPass("1111").virtualIpaddress("192.168.200.16", "192.168.200.17",
                "192.168.200.18");

        ThreeVips() {
            router("lb1", "192.168.200.1", vi1.stateMaster().priority(150));
            router("lb2", "192.168.200.2", vi1.stateBackup().priority(100));
            start("lb1", "lb2").at(0);
        }

        @Test
        void theThreeVipsMoveTogether() {
            long lb1Master = masterDownInterval(150);
            expect("lb1").ownsVipsAt(lb1Master, "192.168.200.16", "192.168.200.17", "192.168.200.18");
            crash("lb1").at(seconds(10));
            // the backup accepts adverts listing all three (address list checked, keepalived's vrrp_check_packet)
            long takeover = lastAdvertBefore(lb1Master, SECOND, seconds(10)) + DELAY + masterDownInterval(100);
            expect("lb2").becomesMasterAt(takeover).ownsVipsAt(takeover, "192.168.200.16", "192.168.200.17", "192.168.200.18");
        }
    }

    /** Seed 004: unicast_src_ip + unicast_peer between server01 (.102) and server03 (.101). */
    @Nested
    class Unicast extends Scenario {
        final Vrrp vi1 = vrrpInstance("VI_1", 51).authPass("1111").virtualIpaddress("192.168.17.200");

        Unicast() {
            router("server01", "192.168.17.102",
                    vi1.stateMaster().priority(150).unicastSrcIp("192.168.17.102").unicastPeer("192.168.17.101"));
            router("server03", "192.168.17.101",
                    vi1.stateBackup().priority(100).unicastSrcIp("192.168.17.101").unicastPeer("192.168.17.102"));
            start("server01", "server03").at(0);
        }

        @Test
        void theMasterDiesAndTheVipMovesOverUnicast() {
            long master = masterDownInterval(150);
            expect("server01").becomesMasterAt(master);
            expect("server03").isBackupAt(seconds(9));
            crash("server01").at(seconds(10));
            long takeover = lastAdvertBefore(master, SECOND, seconds(10)) + DELAY + masterDownInterval(100);
            expect("server03").becomesMasterAt(takeover).ownsVipsAt(takeover, "192.168.17.200");
        }

        @Test
        void aPartitionSplitsTheBrainAndHealingEndsIt() {
            long master = masterDownInterval(150);
            partition(Set.of("server01"), Set.of("server03")).at(seconds(10));
            long takeover = lastAdvertBefore(master, SECOND, seconds(10)) + DELAY + masterDownInterval(100);
            expect("server03").becomesMasterAt(takeover);
            expect("server01").isMasterAt(takeover);
            heal().at(seconds(20));
            // server01 does not hear server03 during the partition, so it keeps its own advert timer
            long next = lastAdvertBefore(master, SECOND, seconds(20)) + SECOND;
            // server03's own advert (every second from its takeover) may reach server01 first; server01 answers at once
            long server03Next = takeover + ((seconds(20) - takeover) / SECOND + 1) * SECOND;
            long stepDown = Math.min(next + DELAY, server03Next + 2 * DELAY);
            expect("server03").becomesBackupAt(stepDown);
        }
    }
}
