package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void aLoneBackupBecomesMasterAfterMasterDownInterval() {
        InstanceConfig c = InstanceConfig.builder("VI_1", 51).priority(100).address("10.0.0.3").sourceAddress("10.0.0.1").build();
        Wire w = new Wire(List.of(c));
        w.engine.start(0);
        Instance i = w.instance("VI_1");
        assertThat(i.state()).isEqualTo(VrrpState.BACKUP);
        long mdi = 3_000_000_000L + (256 - 100) * 1_000_000_000L / 256;
        assertThat(i.deadline()).isEqualTo(mdi);
        w.runUntil(0, mdi - 1);
        assertThat(i.state()).isEqualTo(VrrpState.BACKUP);
        w.take();
        w.runUntil(mdi - 1, mdi);
        assertThat(i.state()).isEqualTo(VrrpState.MASTER);
        assertThat(w.take()).extracting(a -> a.getClass().getSimpleName())
                .containsExactly("SendAdvert", "AddAddresses", "Announce", "StateChanged");
    }

    @Test
    void aHigherPriorityAdvertKeepsTheBackupWaiting() {
        InstanceConfig lb1 = InstanceConfig.builder("VI_1", 51).priority(150).address("10.0.0.3").sourceAddress("10.0.0.1").build();
        InstanceConfig lb2 = InstanceConfig.builder("VI_1", 51).priority(100).address("10.0.0.3").sourceAddress("10.0.0.2").build();
        Wire master = new Wire(List.of(lb1));
        Wire backup = new Wire(List.of(lb2));
        master.engine.start(0);
        backup.engine.start(0);
        Instance b = backup.instance("VI_1");
        for (long t = 1_000_000_000L; t < 10_000_000_000L; t += 1_000_000_000L) {
            backup.deliver(master.instance("VI_1"), 150, t);
        }
        assertThat(backup.take()).filteredOn(a -> a instanceof Action.Dropped).isEmpty();
        assertThat(b.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(b.masterPriority()).isEqualTo(150);
        assertThat(b.stats().advertsReceived()).isEqualTo(9);
    }
}
