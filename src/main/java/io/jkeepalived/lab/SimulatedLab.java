package io.jkeepalived.lab;

import io.jkeepalived.sim.LinkModel;
import io.jkeepalived.sim.Segment;
import io.jkeepalived.sim.Sim;
import io.jkeepalived.sim.Time;
import io.jkeepalived.sim.Timeline;
import io.jkeepalived.sim.Timing;
import io.jkeepalived.sim.Vrrp;
import io.jkeepalived.vrrp.VrrpState;
import java.io.PrintStream;

/**
 * The lab's story without root: the same two routers and VIP as {@link NamespaceLab}, the real
 * protocol engine, on the deterministic simulator's LAN in virtual time (100 µs links). The
 * cable cut is a carrier loss on lb01 (FAULT) and no traffic either way, as on the real LAN.
 */
final class SimulatedLab {

    private static final long SECOND = 1_000_000_000L;

    private SimulatedLab() {
    }

    static int run(PrintStream out) {
        Sim sim = new Sim(2026, new LinkModel(100_000, 0, 0, 0, 0, 0));
        Segment lan = sim.segment("lan");
        Vrrp vi1 = Vrrp.vrrpInstance("VI_1", 50).virtualIpaddress(NamespaceLab.VIP).authPass("1111");
        sim.router("lb01").port("eth0", lan, "10.99.0.1", "fd99::1").instance(vi1.stateMaster().priority(150).build());
        sim.router("lb02").port("eth0", lan, "10.99.0.2", "fd99::2").instance(vi1.stateBackup().priority(100).build());
        out.println("Simulated LAN (virtual time, 100 us links): lb01 (MASTER, priority 150) and lb02 (BACKUP, priority 100), VIP "
                + NamespaceLab.VIP);
        sim.at(0, () -> {
            sim.start("lb01");
            sim.start("lb02");
        });
        sim.runUntil(10 * SECOND);
        out.printf("t=%s  %s holds %s (lb01 took over at %s: its Master_Down_Interval 3 x 1 s + 106/256 s)%n",
                Time.format(sim.now()), holder(sim), NamespaceLab.VIP, Time.format(firstMaster(sim, "lb01", 0)));

        long cut = 10 * SECOND + 500_000_000L;
        sim.at(cut, () -> {
            sim.cut("lb01");
            sim.interfaceFault("lb01", "VI_1", true);
        });
        sim.runUntil(20 * SECOND);
        long lastAdvert = 10 * SECOND + (firstMaster(sim, "lb01", 0) % SECOND);   // lb01 adverts every second from its takeover
        long takeover = firstMaster(sim, "lb02", cut);
        long mdi = Timing.masterDownInterval(2, SECOND, 100);
        out.printf("t=%s  lb01's cable is cut (lb01 enters FAULT); lb02 takes over at %s%n", Time.format(cut), Time.format(takeover));
        out.printf("takeover (lb02's first advert - lb01's last): %.6f s; Master_Down_Interval %.6f s; ratio %.4f"
                + " (the link delay: %d us)%n", (takeover - lastAdvert) / 1e9, mdi / 1e9, (double) (takeover - lastAdvert) / mdi,
                100);
        out.printf("t=%s  %s holds %s%n", Time.format(sim.now()), holder(sim), NamespaceLab.VIP);

        long restore = 25 * SECOND;
        sim.at(restore, () -> {
            sim.interfaceFault("lb01", "VI_1", false);
            sim.reconnect("lb01");
        });
        sim.runUntil(40 * SECOND);
        long back = firstMaster(sim, "lb01", restore);
        out.printf("t=%s  lb01's cable is back; lb01 (150) ignores lb02's adverts (100), preempts at %s%n", Time.format(restore),
                Time.format(back));
        out.printf("t=%s  %s holds %s%n", Time.format(sim.now()), holder(sim), NamespaceLab.VIP);
        return 0;
    }

    private static String holder(Sim sim) {
        boolean one = sim.existingRouter("lb01").owns("VI_1");
        boolean two = sim.existingRouter("lb02").owns("VI_1");
        return one && two ? "lb01 and lb02 (!)" : one ? "lb01" : two ? "lb02" : "nobody";
    }

    /** When {@code router} first entered MASTER at or after {@code from}, or -1. */
    private static long firstMaster(Sim sim, String router, long from) {
        for (Timeline.Entry e : sim.timeline().entries()) {
            if (e.router().equals(router) && e.kind() == Timeline.Kind.STATE && e.at() >= from
                    && e.text().endsWith("-> " + VrrpState.MASTER.name())) {
                return e.at();
            }
        }
        return -1;
    }
}
