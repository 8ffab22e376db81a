package io.jkeepalived.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkeepalived.sim.Invariants.Rule;
import io.jkeepalived.vrrp.VrrpState;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each invariant (see {@link Invariants}) in a scenario where it applies and holds, and in one
 * where it is broken on purpose (a misconfigured engine, or a fault the invariants are not told
 * about), to show the checker catches it: the violation names the rule, the derived bound and
 * the timeline of the last events.
 */
class InvariantScenariosTest {

    static class Pair extends Scenario {
        final Vrrp vi1 = vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3");
        final long lb1Master = masterDownInterval(150);

        Pair(Vrrp lb2) {
            router("lb1", "10.0.0.1", vi1.stateMaster().priority(150));
            router("lb2", "10.0.0.2", lb2);
        }

        long masters() {
            return sim.routers().stream().filter(r -> r.alive() && r.state("VI_1") == VrrpState.MASTER).count();
        }

        InvariantViolation violationBy(long t) {
            try {
                runUntil(t);
            } catch (InvariantViolation v) {
                return v;
            }
            throw new AssertionError("no invariant violated by " + Time.format(t));
        }
    }

    // ---- (1) exactly one master once settled ----

    @Nested
    class ExactlyOneMaster extends Pair {
        ExactlyOneMaster() {
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100));
        }

        @Test
        void aHealedPartitionSettlesOnOneMasterWithinTheSettleTime() {
            start("lb1", "lb2").at(0);
            partition(Set.of("lb1"), Set.of("lb2")).at(seconds(10));
            runUntil(seconds(19));
            assertThat(masters()).isEqualTo(2);
            heal().at(seconds(20));
            // W = MDI(lowest priority) + A + 2D; lb2 steps down at lb1's next advert, well inside it
            long settle = masterDownInterval(100) + SECOND + 2 * DELAY;
            runUntil(seconds(20) + settle);
            assertThat(masters()).isEqualTo(1);
            runUntil(seconds(60));
            assertThat(sim.invariants().applied(Rule.ONE_MASTER)).isPositive();
        }
    }

    @Nested
    class ExactlyOneMasterBroken extends Pair {
        ExactlyOneMasterBroken() {
            // misconfigured: the backup's auth_pass differs, so each drops the other's adverts (AUTH_FAILURE)
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100).authPass("2222"));
            sim.invariants().only(Rule.ONE_MASTER);
        }

        @Test
        void twoMastersOnALosslessNetworkAreReported() {
            start("lb1", "lb2").at(0);
            InvariantViolation v = violationBy(seconds(30));
            assertThat(v.rule()).isEqualTo(Rule.ONE_MASTER);
            // settled once W = MDI(100) + 1 s + 2D has passed since the start, the last event
            long settle = masterDownInterval(100) + SECOND + 2 * DELAY;
            assertThat(v.headline()).contains("violated at " + Time.format(settle)).contains("has 2 masters");
            assertThat(v.getMessage()).contains("last events:").contains("lb2    VI_1     BACKUP -> MASTER");
        }
    }

    // ---- (2) VIPs owned again within Master_Down_Interval ----

    @Nested
    class VipOwned extends Pair {
        VipOwned() {
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100));
        }

        @Test
        void afterACrashTheVipsAreOwnedAgainWithinTheBound() {
            start("lb1", "lb2").at(0);
            crash("lb1").at(seconds(10));
            long takeover = lastAdvertBefore(lb1Master, SECOND, seconds(10)) + DELAY + masterDownInterval(100);
            long bound = seconds(10) + DELAY + masterDownInterval(100);
            assertThat(takeover).isLessThanOrEqualTo(bound);
            expect("lb2").ownsNoVipsAt(takeover - 1).ownsVipsAt(takeover);
            assertThat(sim.invariants().applied(Rule.VIP_OWNED)).isPositive();
        }
    }

    @Nested
    class VipOwnedBroken extends Pair {
        VipOwnedBroken() {
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100));
            sim.invariants().only(Rule.VIP_OWNED);
        }

        @Test
        void aHungBackupLeavesTheVipsUnownedAndItIsReported() {
            start("lb1", "lb2").at(0);
            hang("lb2").at(seconds(5));
            crash("lb1").at(seconds(10));
            InvariantViolation v = violationBy(seconds(30));
            assertThat(v.rule()).isEqualTo(Rule.VIP_OWNED);
            // lost at 10 s; lb2 counts as healthy since 0: due by 10 s + D + MDI(100)
            long due = seconds(10) + DELAY + masterDownInterval(100);
            assertThat(v.headline()).contains("no owner since 10.000000000s").contains("should own it by " + Time.format(due));
        }
    }

    // ---- (3) with preemption the highest priority is master ----

    @Nested
    class HighestPriority extends Pair {
        HighestPriority() {
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100));
        }

        @Test
        void aRaisedPriorityEndsUpMaster() {
            start("lb1", "lb2").at(0);
            trackerWeight("lb2", "VI_1", 60).at(seconds(10));
            runUntil(seconds(30));
            expect("lb2").isMasterAt(seconds(30));
            assertThat(sim.invariants().applied(Rule.HIGHEST_PRIORITY)).isPositive();
        }
    }

    @Nested
    class HighestPriorityBroken extends Pair {
        HighestPriorityBroken() {
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100));
            sim.invariants().only(Rule.HIGHEST_PRIORITY);
        }

        @Test
        void aLowerPriorityMasterIsReportedWhenTheHigherOneHangs() {
            start("lb1", "lb2").at(0);
            hang("lb1").at(seconds(1));
            InvariantViolation v = violationBy(seconds(30));
            assertThat(v.rule()).isEqualTo(Rule.HIGHEST_PRIORITY);
            assertThat(v.headline()).contains("lb2(VI_1) (priority 100) is master, but lb1(VI_1) has priority 150");
        }
    }

    // ---- (4) no takeover from a healthy master that is heard ----

    @Nested
    class NoTakeover extends Pair {
        NoTakeover() {
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(200));
        }

        @Test
        void aHigherPriorityBackupWithPreemptionMayTakeOver() {
            start("lb1").at(0);
            start("lb2").at(seconds(10));
            // lb2 (200) ignores lb1's lower adverts and times out: a takeover (4) allows
            expect("lb2").becomesMasterAt(seconds(10) + masterDownInterval(200));
            assertThat(sim.invariants().applied(Rule.NO_TAKEOVER)).isEqualTo(1);
        }
    }

    @Nested
    class NoTakeoverBroken extends Pair {
        NoTakeoverBroken() {
            // misconfigured: advert_int 2 s on the nopreempt backup, so it drops lb1's adverts (INTERVAL_MISMATCH)
            super(vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3").priority(100).nopreempt().advertInt(2 * SECOND));
            sim.invariants().only(Rule.NO_TAKEOVER);
        }

        @Test
        void aNopreemptBackupTakingOverFromAHealthyMasterIsReported() {
            start("lb1").at(0);
            start("lb2").at(seconds(10));
            InvariantViolation v = violationBy(seconds(30));
            assertThat(v.rule()).isEqualTo(Rule.NO_TAKEOVER);
            long takeover = seconds(10) + Timing.masterDownInterval(2, 2 * SECOND, 100);
            assertThat(v.headline()).contains("violated at " + Time.format(takeover)).contains("lb2(VI_1) (priority 100, nopreempt)");
        }
    }

    // ---- (5) a graceful stop hands over within Skew_Time ----

    @Nested
    class GracefulHandover extends Scenario {
        GracefulHandover() {
            Vrrp vi1 = vrrpInstance("VI_1", 51).virtualIpaddress("10.0.0.3");
            router("lb1", "10.0.0.1", vi1.stateMaster().priority(150));
            router("lb2", "10.0.0.2", vi1.priority(100));
            router("lb3", "10.0.0.3", vi1.priority(50));
            start("lb1", "lb2", "lb3").at(0);
        }

        @Test
        void theHighestBackupTakesOverAfterItsSkewTimeAndTheOtherStaysBackup() {
            stop("lb1").at(seconds(10));
            long takeover = seconds(10) + DELAY + skewTime(100);
            expect("lb2").becomesMasterAt(takeover);
            // lb3's skew time (50) is longer: lb2's first advert restarts its down timer first
            expect("lb3").staysBackupUntil(seconds(30));
            assertThat(sim.invariants().applied(Rule.GRACEFUL_HANDOVER)).isEqualTo(1);
        }

        @Test
        void aLostPriorityZeroAdvertDelaysTheHandoverAndItIsReported() {
            sim.invariants().only(Rule.GRACEFUL_HANDOVER);
            sim.silentDrop((from, to, vrid, priority) -> priority == 0);
            stop("lb1").at(seconds(10));
            InvariantViolation v;
            try {
                runUntil(seconds(30));
                throw new AssertionError("not reported");
            } catch (InvariantViolation e) {
                v = e;
            }
            assertThat(v.rule()).isEqualTo(Rule.GRACEFUL_HANDOVER);
            long deadline = seconds(10) + DELAY + skewTime(100);
            assertThat(v.headline()).contains("lb1 stopped gracefully at 10.000000000s").contains("= " + Time.format(deadline));
        }
    }
}
