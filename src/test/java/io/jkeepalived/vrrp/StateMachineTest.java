package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The state machine of one instance, one rule per test: RFC 5798 section 6 with keepalived
 * 2.2.7's semantics. Times are derived from the rules: Master_Down_Interval = 3 x interval +
 * Skew_Time, Skew_Time = (256 - priority) / 256 of a second (VRRPv2) or of the interval (VRRPv3).
 */
class StateMachineTest {

    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;

    static long skewV2(int priority) {
        return (256 - priority) * SECOND / 256;
    }

    static long mdiV2(int priority) {
        return 3 * SECOND + skewV2(priority);
    }

    static InstanceConfig.Builder vi(int priority, String source) {
        return InstanceConfig.builder("VI_1", 51).priority(priority).address("10.0.0.3").sourceAddress(source);
    }

    /** An engine with one instance, started at 0, and a peer instance whose adverts we deliver. */
    static final class Node {
        final Wire wire;
        final Instance self;
        final Instance peer;

        Node(InstanceConfig.Builder mine, InstanceConfig.Builder theirs) {
            this(mine, theirs, Engine.Options.DEFAULT);
        }

        Node(InstanceConfig.Builder mine, InstanceConfig.Builder theirs, Engine.Options options) {
            wire = new Wire(List.of(mine.build()), List.of(), options);
            wire.engine.start(0);
            self = wire.instance("VI_1");
            peer = new Wire(List.of(theirs.build())).instance("VI_1");
            wire.take();
        }

        List<Action> advert(int priority, long at) {
            wire.deliver(peer, priority, at);
            return wire.take();
        }

        /** Fires timers up to {@code t}; returns the actions. */
        List<Action> until(long t) {
            wire.runUntil(0, t);
            return wire.take();
        }

        VrrpState state() {
            return self.state();
        }

        void becomeMaster() {
            until(self.deadline());
            assertThat(state()).isEqualTo(VrrpState.MASTER);
            wire.take();
        }
    }

    static List<String> kinds(List<Action> actions) {
        return actions.stream().map(a -> a.getClass().getSimpleName()).toList();
    }

    static <T extends Action> T only(List<Action> actions, Class<T> kind) {
        List<T> found = actions.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Nested
    class Timers {

        @Test
        void aBackupTakesOverAfterMasterDownIntervalWithVrrpV2Skew() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
            assertThat(n.self.deadline()).isEqualTo(mdiV2(100)).isEqualTo(3_609_375_000L);
            n.until(mdiV2(100) - 1);
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
            n.until(mdiV2(100));
            assertThat(n.state()).isEqualTo(VrrpState.MASTER);
        }

        @Test
        void vrrpV3SkewIsAFractionOfTheAdvertInterval() {
            // RFC 5798 6.1: Skew_Time = ((256 - priority) * Master_Adver_Interval) / 256
            Node n = new Node(vi(100, "10.0.0.2").version(3).advertIntervalMillis(100), vi(150, "10.0.0.1").version(3));
            assertThat(n.self.deadline()).isEqualTo(300 * MS + 156 * 100 * MS / 256);
        }

        @Test
        void skewIsNotTruncatedToWholeUnits() {
            // 10 ms adverts, priority 100: 156 x 10 ms / 256 = 6.09375 ms, kept to the nanosecond
            Node n = new Node(vi(100, "10.0.0.2").version(3).advertIntervalMillis(10), vi(150, "10.0.0.1").version(3));
            assertThat(n.self.deadline()).isEqualTo(30 * MS + 6_093_750L);
        }

        @Test
        void downTimerAdvertsSetsHowManyAdvertsMayBeMissed() {
            Node n = new Node(vi(100, "10.0.0.2").downTimerAdverts(5), vi(150, "10.0.0.1"));
            assertThat(n.self.deadline()).isEqualTo(5 * SECOND + skewV2(100));
        }

        @Test
        void aMasterAdvertisesEveryInterval() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.becomeMaster();
            long start = mdiV2(100);
            List<Action> actions = n.until(start + 3 * SECOND);
            assertThat(actions).filteredOn(a -> a instanceof Action.SendAdvert).hasSize(3);
            assertThat(n.self.deadline()).isEqualTo(start + 4 * SECOND);
        }

        @Test
        void anAcceptedAdvertRestartsTheMasterDownTimer() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.advert(150, 2 * SECOND);
            assertThat(n.self.deadline()).isEqualTo(2 * SECOND + mdiV2(100));
        }

        @Test
        void vrrpV3BackupAdoptsTheMastersInterval() {
            // RFC 5798 6.4.2: set Master_Adver_Interval to the Max Adver Interval of the advert
            Node n = new Node(vi(100, "10.0.0.2").version(3).advertIntervalMillis(1000),
                    vi(150, "10.0.0.1").version(3).advertIntervalMillis(200));
            List<Action> actions = n.advert(150, SECOND);
            assertThat(only(actions, Action.Notice.class).message()).isEqualTo("advertisement interval updated from 1000ms to 200ms by master");
            assertThat(n.self.masterAdvertIntervalNs()).isEqualTo(200 * MS);
            assertThat(n.self.deadline()).isEqualTo(SECOND + 600 * MS + 156 * 200 * MS / 256);
        }

        @Test
        void startupDelayHoldsBackupsAndAdvertsDoNotMoveTheTimer() {
            Engine.Options delayed = new Engine.Options(10 * SECOND, InstanceConfig.MCAST_GROUP4);
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"), delayed);
            assertThat(n.self.deadline()).isEqualTo(10 * SECOND + mdiV2(100));
            n.advert(150, 5 * SECOND);
            assertThat(n.self.deadline()).isEqualTo(10 * SECOND + mdiV2(100));
            n.advert(150, 11 * SECOND);
            assertThat(n.self.deadline()).isEqualTo(11 * SECOND + mdiV2(100));
        }
    }

    @Nested
    class Startup {

        @Test
        void theAddressOwnerGoesMasterAtOnce() {
            Node n = new Node(vi(255, "10.0.0.1"), vi(100, "10.0.0.2"));
            assertThat(n.self.deadline()).isEqualTo(1_000L);
            List<Action> actions = n.until(1_000L);
            assertThat(n.state()).isEqualTo(VrrpState.MASTER);
            assertThat(only(actions, Action.StateChanged.class)).isEqualTo(new Action.StateChanged(n.self, VrrpState.INIT, VrrpState.MASTER));
        }

        @Test
        void stateMasterWithoutBeingOwnerWaitsLikeABackup() {
            Node n = new Node(vi(100, "10.0.0.2").startAsMaster(true), vi(150, "10.0.0.1"));
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
            assertThat(n.self.deadline()).isEqualTo(mdiV2(100));
        }

        @Test
        void aBackupReportsBackupAtStart() {
            Wire w = new Wire(List.of(vi(100, "10.0.0.2").build()));
            w.engine.start(0);
            assertThat(w.take()).containsExactly(new Action.StateChanged(w.instance("VI_1"), VrrpState.INIT, VrrpState.BACKUP));
        }

        @Test
        void anInstanceWithAFaultStartsInFault() {
            Wire w = new Wire(List.of(vi(100, "10.0.0.2").build()));
            w.engine.setFault("VI_1", "interface eth0", true, 0);
            w.engine.start(0);
            assertThat(w.instance("VI_1").state()).isEqualTo(VrrpState.FAULT);
            assertThat(w.instance("VI_1").timerArmed()).isFalse();
        }
    }

    @Nested
    class Priority {

        @Test
        void effectivePriorityIsBasePlusTrackerWeights() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.wire.engine.setWeight("VI_1", "script chk", -20, 0);
            n.wire.engine.setWeight("VI_1", "interface eth1", 50, 0);
            assertThat(n.self.effectivePriority()).isEqualTo(130);
            assertThat(kinds(n.wire.take())).containsExactly("PriorityChanged", "PriorityChanged");
            n.wire.engine.setWeight("VI_1", "interface eth1", 0, 0);
            assertThat(n.self.effectivePriority()).isEqualTo(80);
        }

        @Test
        void effectivePriorityIsClampedTo1Through254() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.wire.engine.setWeight("VI_1", "a", 253, 0);
            assertThat(n.self.effectivePriority()).isEqualTo(254);
            n.wire.engine.setWeight("VI_1", "a", -253, 0);
            assertThat(n.self.effectivePriority()).isEqualTo(1);
        }

        @Test
        void theAddressOwnersPriorityNeverChanges() {
            Node n = new Node(vi(255, "10.0.0.1"), vi(100, "10.0.0.2"));
            n.wire.engine.setWeight("VI_1", "a", -100, 0);
            assertThat(n.self.effectivePriority()).isEqualTo(255);
            assertThat(n.wire.take()).isEmpty();
        }

        @Test
        void aPriorityChangeMovesARunningMasterDownTimer() {
            // keepalived's vrrp_set_effective_priority: the skew changes, and so does the deadline
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.wire.engine.setWeight("VI_1", "a", 50, SECOND);
            assertThat(n.self.deadline()).isEqualTo(3 * SECOND + skewV2(150));
        }

        @Test
        void aMastersNewPriorityIsInItsNextAdvert() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.becomeMaster();
            n.wire.engine.setWeight("VI_1", "a", -30, mdiV2(100) + 1);
            List<Action> actions = n.until(mdiV2(100) + SECOND);
            assertThat(only(actions, Action.SendAdvert.class).priority()).isEqualTo(70);
        }
    }

    @Nested
    class Preemption {

        @Test
        void aBackupIgnoresALowerPriorityMasterAndTakesOver() {
            // preempt (the default): the lower priority advert is discarded, the timer runs out
            Node n = new Node(vi(150, "10.0.0.2"), vi(100, "10.0.0.1"));
            List<Action> actions = n.advert(100, SECOND);
            assertThat(only(actions, Action.Notice.class).message()).isEqualTo("received lower priority (100) advert from 10.0.0.1 - discarding");
            assertThat(n.self.deadline()).isEqualTo(mdiV2(150));
            n.until(mdiV2(150));
            assertThat(n.state()).isEqualTo(VrrpState.MASTER);
        }

        @Test
        void nopreemptAcceptsALowerPriorityMaster() {
            Node n = new Node(vi(150, "10.0.0.2").preempt(false), vi(100, "10.0.0.1"));
            assertThat(n.advert(100, SECOND)).isEmpty();
            assertThat(n.self.deadline()).isEqualTo(SECOND + mdiV2(150));
        }

        @Test
        void anEqualPriorityMasterIsAccepted() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(100, "10.0.0.1"));
            assertThat(n.advert(100, SECOND)).isEmpty();
            assertThat(n.self.deadline()).isEqualTo(SECOND + mdiV2(100));
        }

        @Test
        void preemptDelayAcceptsALowerPriorityMasterUntilItExpires() {
            Node n = new Node(vi(150, "10.0.0.2").preemptDelayNs(5 * SECOND), vi(100, "10.0.0.1"));
            assertThat(n.advert(100, SECOND)).isEmpty();
            assertThat(n.advert(100, 2 * SECOND)).isEmpty();
            assertThat(n.self.deadline()).isEqualTo(2 * SECOND + mdiV2(150));
            // from 1 s + 5 s on, lower priority adverts are discarded
            assertThat(n.advert(100, 6 * SECOND)).singleElement().isInstanceOf(Action.Notice.class);
            assertThat(n.self.deadline()).isEqualTo(2 * SECOND + mdiV2(150));
        }

        @Test
        void aHigherPriorityAdvertStopsThePreemptDelay() {
            Node n = new Node(vi(150, "10.0.0.2").preemptDelayNs(5 * SECOND), vi(100, "10.0.0.1"));
            n.advert(100, SECOND);
            n.advert(200, 2 * SECOND);
            // the delay starts again at the next lower priority advert
            assertThat(n.advert(100, 7 * SECOND)).isEmpty();
        }

        @Test
        void priorityZeroCutsTheTimerToTheSkewTime() {
            // RFC 5798 6.4.2: Set the Master_Down_Timer to Skew_Time
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.advert(150, SECOND);
            n.advert(0, 2 * SECOND);
            assertThat(n.self.deadline()).isEqualTo(2 * SECOND + skewV2(100));
            assertThat(n.self.stats().priorityZeroReceived()).isEqualTo(1);
        }
    }

    @Nested
    class Master {

        @Test
        void becomingMasterAdvertisesThenAddsAndAnnouncesThenNotifies() {
            // the old master must see our advert before the announcements; notify scripts last
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            List<Action> actions = n.until(mdiV2(100));
            assertThat(kinds(actions)).containsExactly("SendAdvert", "AddAddresses", "Announce", "StateChanged");
            assertThat(only(actions, Action.Announce.class).repeat()).isEqualTo(5);
            assertThat(only(actions, Action.SendAdvert.class).priority()).isEqualTo(100);
            assertThat(n.self.addressesInstalled()).isTrue();
        }

        @Test
        void theSecondBatchOfAnnouncementsFollowsAfterGarpMasterDelay() {
            Node n = new Node(vi(100, "10.0.0.2").garpMaster(5 * SECOND, 3), vi(150, "10.0.0.1"));
            n.becomeMaster();
            long at = mdiV2(100);
            List<Action> actions = n.until(at + 5 * SECOND);
            assertThat(actions).filteredOn(a -> a instanceof Action.Announce).singleElement()
                    .isEqualTo(new Action.Announce(n.self, 3));
            assertThat(n.until(at + 20 * SECOND)).filteredOn(a -> a instanceof Action.Announce).isEmpty();
        }

        @Test
        void garpMasterDelayZeroSendsNoSecondBatch() {
            Node n = new Node(vi(100, "10.0.0.2").garpMaster(0, 3), vi(150, "10.0.0.1"));
            n.becomeMaster();
            assertThat(n.until(mdiV2(100) + 20 * SECOND)).filteredOn(a -> a instanceof Action.Announce).isEmpty();
        }

        @Test
        void garpMasterRefreshRepeatsTheAnnouncements() {
            Node n = new Node(vi(100, "10.0.0.2").garpMaster(0, 1).garpRefresh(10 * SECOND, 2), vi(150, "10.0.0.1"));
            n.becomeMaster();
            List<Action> actions = n.until(mdiV2(100) + 30 * SECOND);
            assertThat(actions).filteredOn(a -> a instanceof Action.Announce).containsExactly(
                    new Action.Announce(n.self, 2), new Action.Announce(n.self, 2), new Action.Announce(n.self, 2));
        }

        @Test
        void aLowerPriorityAdvertIsAnsweredWithAnAdvertAndAnnouncements() {
            Node n = new Node(vi(150, "10.0.0.2").garpLowerPrio(2 * SECOND, 4), vi(100, "10.0.0.1"));
            n.becomeMaster();
            long at = mdiV2(150) + 500 * MS;
            List<Action> actions = n.advert(100, at);
            assertThat(kinds(actions)).containsExactly("SendAdvert", "Announce", "MasterReceivedLowerPriority");
            assertThat(only(actions, Action.Announce.class).repeat()).isEqualTo(4);
            assertThat(n.self.deadline()).isEqualTo(at + SECOND);
            assertThat(n.until(at + 2 * SECOND)).filteredOn(a -> a instanceof Action.Announce).singleElement()
                    .isEqualTo(new Action.Announce(n.self, 4));
        }

        @Test
        void lowerPrioNoAdvertDoesNotAnswerALowerPriorityAdvert() {
            Node n = new Node(vi(150, "10.0.0.2").lowerPrioNoAdvert(true).garpLowerPrio(0, 0), vi(100, "10.0.0.1"));
            n.becomeMaster();
            assertThat(kinds(n.advert(100, mdiV2(150) + 500 * MS))).containsExactly("MasterReceivedLowerPriority");
            assertThat(n.self.deadline()).isEqualTo(mdiV2(150) + SECOND);
        }

        @Test
        void aHigherPriorityAdvertMakesTheMasterABackup() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.becomeMaster();
            long at = mdiV2(100) + 500 * MS;
            List<Action> actions = n.advert(150, at);
            assertThat(kinds(actions)).containsExactly("RemoveAddresses", "StateChanged");
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
            assertThat(n.self.deadline()).isEqualTo(at + mdiV2(100));
            assertThat(n.self.stats().releasedMaster()).isEqualTo(1);
        }

        @Test
        void higherPrioSendAdvertAdvertisesBeforeGivingUp() {
            Node n = new Node(vi(100, "10.0.0.2").higherPrioSendAdvert(true), vi(150, "10.0.0.1"));
            n.becomeMaster();
            assertThat(kinds(n.advert(150, mdiV2(100) + 500 * MS))).containsExactly("SendAdvert", "RemoveAddresses", "StateChanged");
        }

        @Test
        void onEqualPriorityTheHigherAddressWins() {
            // RFC 5798 6.4.3: equal priority and a greater primary address of the sender: go backup
            Node low = new Node(vi(100, "10.0.0.1"), vi(100, "10.0.0.2"));
            low.becomeMaster();
            low.advert(100, mdiV2(100) + 1);
            assertThat(low.state()).isEqualTo(VrrpState.BACKUP);

            Node high = new Node(vi(100, "10.0.0.2"), vi(100, "10.0.0.1"));
            high.becomeMaster();
            assertThat(kinds(high.advert(100, mdiV2(100) + 1))).contains("SendAdvert", "MasterReceivedLowerPriority");
            assertThat(high.state()).isEqualTo(VrrpState.MASTER);
        }

        @Test
        void addressesAreComparedAsUnsignedNumbers() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(100, "10.0.0.200"));
            n.becomeMaster();
            n.advert(100, mdiV2(100) + 1);
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
        }

        @Test
        void aPriorityZeroAdvertIsAnsweredAtOnce() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.becomeMaster();
            long at = mdiV2(100) + 300 * MS;
            assertThat(kinds(n.advert(0, at))).containsExactly("SendAdvert");
            assertThat(n.self.deadline()).isEqualTo(at + SECOND);
        }

        @Test
        void twoAddressOwnersResolveTheConflict() {
            // keepalived: the local owner drops to 254, then yields to the remote one
            Node n = new Node(vi(255, "10.0.0.1"), vi(255, "10.0.0.2"));
            n.becomeMaster();
            List<Action> actions = n.advert(255, SECOND);
            assertThat(n.self.effectivePriority()).isEqualTo(254);
            assertThat(n.self.basePriority()).isEqualTo(254);
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
            assertThat(actions).filteredOn(a -> a instanceof Action.Notice).singleElement().extracting(a -> ((Action.Notice) a).message())
                    .asString().startsWith("CONFIGURATION ERROR");
        }
    }

    @Nested
    class Fault {

        @Test
        void aBackupWhoseInterfaceGoesDownEntersFault() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.wire.engine.setFault("VI_1", "interface eth0", true, SECOND);
            assertThat(n.wire.take()).containsExactly(new Action.StateChanged(n.self, VrrpState.BACKUP, VrrpState.FAULT));
            assertThat(n.self.timerArmed()).isFalse();
        }

        @Test
        void aMasterEnteringFaultSendsPriorityZeroAndDropsItsAddresses() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.becomeMaster();
            n.wire.engine.setFault("VI_1", "script chk", true, mdiV2(100) + 1);
            List<Action> actions = n.wire.take();
            assertThat(kinds(actions)).containsExactly("SendAdvert", "RemoveAddresses", "StateChanged");
            assertThat(only(actions, Action.SendAdvert.class).priority()).isZero();
            assertThat(n.self.addressesInstalled()).isFalse();
        }

        @Test
        void leavingFaultGoesToBackup() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.becomeMaster();
            n.wire.engine.setFault("VI_1", "a", true, 10 * SECOND);
            n.wire.engine.setFault("VI_1", "a", false, 12 * SECOND);
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
            assertThat(n.self.deadline()).isEqualTo(12 * SECOND + mdiV2(100));
        }

        @Test
        void theInstanceStaysInFaultWhileAnySourceIsFaulty() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.wire.engine.setFault("VI_1", "a", true, SECOND);
            n.wire.engine.setFault("VI_1", "b", true, SECOND);
            n.wire.engine.setFault("VI_1", "a", false, 2 * SECOND);
            assertThat(n.state()).isEqualTo(VrrpState.FAULT);
            n.wire.engine.setFault("VI_1", "b", false, 3 * SECOND);
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
        }

        @Test
        void aFaultRaisedTwiceNeedsOneClear() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.wire.engine.setFault("VI_1", "a", true, SECOND);
            n.wire.engine.setFault("VI_1", "a", true, SECOND);
            n.wire.engine.setFault("VI_1", "a", false, 2 * SECOND);
            assertThat(n.state()).isEqualTo(VrrpState.BACKUP);
        }
    }

    @Nested
    class Stop {

        @Test
        void aStoppingMasterSendsPriorityZeroAndRemovesItsAddresses() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.becomeMaster();
            n.wire.engine.stop(mdiV2(100) + 1);
            List<Action> actions = n.wire.take();
            assertThat(kinds(actions)).containsExactly("SendAdvert", "RemoveAddresses", "StateChanged");
            assertThat(only(actions, Action.SendAdvert.class).priority()).isZero();
            assertThat(n.state()).isEqualTo(VrrpState.STOP);
            assertThat(n.wire.engine.hasDeadline()).isFalse();
        }

        @Test
        void aStoppingBackupSendsNothing() {
            Node n = new Node(vi(100, "10.0.0.2"), vi(150, "10.0.0.1"));
            n.wire.engine.stop(SECOND);
            assertThat(kinds(n.wire.take())).containsExactly("StateChanged");
        }
    }
}
