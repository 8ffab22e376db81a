package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reload is a diff (DESIGN.md principle 5): an instance that is still the same virtual router
 * keeps running without a transition, one that is gone stops, a new one starts.
 */
class ReloadTest {

    static final long SECOND = 1_000_000_000L;

    static InstanceConfig.Builder vi(String name, int vrid, int priority) {
        return InstanceConfig.builder(name, vrid).priority(priority).address("10.0." + vrid + ".3").sourceAddress("10.0.0.2");
    }

    static long mdi(int priority) {
        return 3 * SECOND + (256 - priority) * SECOND / 256;
    }

    /** An engine whose VI_1 (priority 100) has become master at its Master_Down_Interval. */
    static Wire masterOfVi1() {
        Wire w = new Wire(List.of(vi("VI_1", 1, 100).build()));
        w.engine.start(0);
        w.runUntil(0, mdi(100));
        assertThat(w.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
        w.take();
        return w;
    }

    @Test
    void theSameConfigurationChangesNothing() {
        Wire w = masterOfVi1();
        Instance before = w.instance("VI_1");
        long deadline = before.deadline();
        Engine.Reload r = w.engine.reload(List.of(vi("VI_1", 1, 100).build()), List.of(), Engine.Options.DEFAULT, mdi(100) + 10);
        assertThat(w.take()).isEmpty();
        assertThat(r.kept()).containsExactly(before);
        assertThat(w.instance("VI_1")).isSameAs(before);
        assertThat(before.state()).isEqualTo(VrrpState.MASTER);
        assertThat(before.deadline()).isEqualTo(deadline);
    }

    @Test
    void aNewPriorityAppliesWithoutATransition() {
        Wire w = masterOfVi1();
        w.engine.reload(List.of(vi("VI_1", 1, 120).build()), List.of(), Engine.Options.DEFAULT, mdi(100) + 10);
        assertThat(w.take()).containsExactly(new Action.PriorityChanged(w.instance("VI_1"), 100, 120));
        assertThat(w.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
        w.runUntil(mdi(100) + 10, mdi(100) + SECOND);
        assertThat(w.take()).filteredOn(a -> a instanceof Action.SendAdvert).singleElement()
                .extracting(a -> ((Action.SendAdvert) a).priority()).isEqualTo(120);
    }

    @Test
    void aRemovedMasterStopsAsAtShutdown() {
        Wire w = masterOfVi1();
        Instance old = w.instance("VI_1");
        Engine.Reload r = w.engine.reload(List.of(vi("VI_2", 2, 100).build()), List.of(), Engine.Options.DEFAULT, mdi(100) + 10);
        assertThat(r.removed()).containsExactly(old);
        List<Action> actions = w.take();
        assertThat(actions.subList(0, 3)).containsExactly(new Action.SendAdvert(old, 0), new Action.RemoveAddresses(old),
                new Action.StateChanged(old, VrrpState.MASTER, VrrpState.STOP));
        assertThat(old.state()).isEqualTo(VrrpState.STOP);
    }

    @Test
    void aNewInstanceStartsAsAtStartup() {
        Wire w = masterOfVi1();
        long now = mdi(100) + 10;
        Engine.Reload r = w.engine.reload(List.of(vi("VI_1", 1, 100).build(), vi("VI_2", 2, 100).build()), List.of(),
                Engine.Options.DEFAULT, now);
        w.engine.startAdded(r, now);
        Instance added = w.instance("VI_2");
        assertThat(r.added()).containsExactly(added);
        assertThat(w.take()).containsExactly(new Action.StateChanged(added, VrrpState.INIT, VrrpState.BACKUP));
        assertThat(added.deadline()).isEqualTo(now + mdi(100));
        assertThat(w.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void anotherVridUnderTheSameNameIsAnotherRouter() {
        Wire w = masterOfVi1();
        Instance old = w.instance("VI_1");
        Engine.Reload r = w.engine.reload(List.of(vi("VI_1", 7, 100).build()), List.of(), Engine.Options.DEFAULT, mdi(100) + 10);
        w.engine.startAdded(r, mdi(100) + 10);
        assertThat(r.removed()).containsExactly(old);
        assertThat(r.added()).singleElement().isNotSameAs(old);
        assertThat(w.instance("VI_1").config().vrid()).isEqualTo(7);
        assertThat(w.instance("VI_1").state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aPacketForTheNewVridReachesTheNewInstance() {
        Wire w = masterOfVi1();
        w.engine.startAdded(w.engine.reload(List.of(vi("VI_1", 1, 100).build(), vi("VI_2", 2, 100).build()), List.of(),
                Engine.Options.DEFAULT, 5 * SECOND), 5 * SECOND);
        w.take();
        Instance peer = new Wire(List.of(vi("VI_2", 2, 200).sourceAddress("10.0.0.9").build())).instance("VI_2");
        w.deliver(peer, 200, 6 * SECOND);
        assertThat(w.take()).isEmpty();
        assertThat(w.instance("VI_2").masterPriority()).isEqualTo(200);
    }

    @Test
    void aSyncGroupKeepsItsRunningStateAcrossAReload() {
        List<InstanceConfig> both = List.of(vi("A", 1, 100).build(), vi("B", 2, 100).build());
        List<Engine.GroupSpec> group = List.of(new Engine.GroupSpec("G", List.of("A", "B")));
        Wire w = new Wire(both, group, Engine.Options.DEFAULT);
        w.engine.start(0);
        w.runUntil(0, mdi(100));
        assertThat(w.engine.syncGroups().getFirst().state()).isEqualTo(VrrpState.MASTER);
        w.take();
        w.engine.reload(both, group, Engine.Options.DEFAULT, mdi(100) + 10);
        assertThat(w.take()).isEmpty();
        assertThat(w.engine.syncGroups().getFirst().state()).isEqualTo(VrrpState.MASTER);
        assertThat(w.instance("A").syncGroup()).isSameAs(w.engine.syncGroups().getFirst());
    }
}
