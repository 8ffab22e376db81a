package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * vrrp_sync_group, one rule per test, with keepalived 2.2.7's semantics (vrrp_sync.c): members
 * go MASTER only together, one member going BACKUP pulls the others, one member in FAULT puts
 * them all in FAULT.
 */
class SyncGroupTest {

    static final long SECOND = 1_000_000_000L;

    static InstanceConfig.Builder member(String name, int vrid, int priority) {
        return InstanceConfig.builder(name, vrid).priority(priority).address("10.0." + vrid + ".3").sourceAddress("10.0.0.2");
    }

    static Wire group(InstanceConfig.Builder a, InstanceConfig.Builder b) {
        Wire w = new Wire(List.of(a.build(), b.build()), List.of(new Engine.GroupSpec("VG_1", List.of("A", "B"))),
                Engine.Options.DEFAULT);
        w.engine.start(0);
        return w;
    }

    static long mdi(int priority) {
        return 3 * SECOND + (256 - priority) * SECOND / 256;
    }

    @Test
    void membersGoMasterTogether() {
        // A's timer fires first: it waits until B wants MASTER too, then both go
        Wire w = group(member("A", 1, 110), member("B", 2, 100));
        w.take();
        w.runUntil(0, mdi(110));
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.BACKUP);
        w.runUntil(mdi(110), mdi(100));
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.MASTER);
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.MASTER);
        assertThat(w.engine.syncGroups().getFirst().state()).isEqualTo(VrrpState.MASTER);
        assertThat(w.take()).filteredOn(a -> a instanceof Action.GroupStateChanged).singleElement()
                .extracting(a -> ((Action.GroupStateChanged) a).to()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void aMemberHeldBackDoesNotAdvertise() {
        Wire w = group(member("A", 1, 110), member("B", 2, 100));
        w.take();
        w.runUntil(0, mdi(110));
        assertThat(w.take()).filteredOn(a -> a instanceof Action.SendAdvert).isEmpty();
    }

    @Test
    void oneMemberGoingBackupPullsTheOthers() {
        Wire w = group(member("A", 1, 100), member("B", 2, 100));
        w.runUntil(0, mdi(100));
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.MASTER);
        Instance higher = new Wire(List.of(member("A", 1, 200).sourceAddress("10.0.0.1").build())).instance("A");
        w.take();
        w.deliver(higher, 200, mdi(100) + SECOND / 2);
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.BACKUP);
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.BACKUP);
        assertThat(w.instance("B").addressesInstalled()).isFalse();
        assertThat(w.engine.syncGroups().getFirst().state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void oneMemberInFaultPutsTheGroupInFault() {
        Wire w = group(member("A", 1, 100), member("B", 2, 100));
        w.runUntil(0, mdi(100));
        w.take();
        w.engine.setFault("A", "interface eth0", true, 5 * SECOND);
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.FAULT);
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.FAULT);
        // both masters said goodbye with priority 0
        assertThat(w.take()).filteredOn(a -> a instanceof Action.SendAdvert s && s.priority() == 0)
                .extracting(Action::instance).containsExactlyInAnyOrder(w.instance("A"), w.instance("B"));
    }

    @Test
    void theGroupLeavesFaultWhenTheLastFaultyMemberRecovers() {
        Wire w = group(member("A", 1, 100), member("B", 2, 100));
        w.engine.setFault("A", "a", true, SECOND);
        w.engine.setFault("B", "b", true, SECOND);
        w.engine.setFault("A", "a", false, 2 * SECOND);
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.FAULT);
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.FAULT);
        w.engine.setFault("B", "b", false, 3 * SECOND);
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.BACKUP);
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.BACKUP);
        assertThat(w.engine.syncGroups().getFirst().state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aGroupStartsInFaultIfAMemberHasAFault() {
        Wire w = new Wire(List.of(member("A", 1, 100).build(), member("B", 2, 100).build()),
                List.of(new Engine.GroupSpec("VG_1", List.of("A", "B"))), Engine.Options.DEFAULT);
        w.engine.setFault("A", "interface eth0", true, 0);
        w.engine.start(0);
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.FAULT);
        assertThat(w.engine.syncGroups().getFirst().state()).isEqualTo(VrrpState.FAULT);
    }

    @Test
    void aGroupOfOwnersAndNonOwnersStartsAsBackup() {
        // keepalived's vrrp_complete_init: some member wants MASTER, some cannot: none starts MASTER
        Wire w = group(member("A", 1, 255), member("B", 2, 100));
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.BACKUP);
        assertThat(w.instance("A").deadline()).isEqualTo(mdi(255));
    }

    @Test
    void aGroupOfAddressOwnersStartsAsMaster() {
        Wire w = group(member("A", 1, 255), member("B", 2, 255));
        w.runUntil(0, 1_000);
        assertThat(w.instance("A").state()).isEqualTo(VrrpState.MASTER);
        assertThat(w.instance("B").state()).isEqualTo(VrrpState.MASTER);
    }
}
