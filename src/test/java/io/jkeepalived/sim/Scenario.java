package io.jkeepalived.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.Addresses;
import io.jkeepalived.vrrp.VrrpState;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A small DSL for scenario tests that read as timelines: hosts and their vrrp_instance blocks,
 * then what happens when, then what must be true when. Time only moves forward: an expectation
 * at t runs the simulation up to t (every invariant checked on the way) and then asserts.
 *
 * <pre>
 *   router("lb1", "10.0.0.1", vi1.stateMaster().priority(150));
 *   router("lb2", "10.0.0.2", vi1.priority(100));
 *   start("lb1", "lb2").at(0);
 *   crash("lb1").at(seconds(10));
 *   expect("lb2").becomesMasterAt(lastAdvert + DELAY + masterDownInterval(100));
 * </pre>
 *
 * Every link carries packets in {@link #DELAY}, so that expected times are exact sums of the
 * protocol's timers and that delay.
 */
public abstract class Scenario {

    /** The one-way delay of every link in scenarios: 100 µs, no jitter. */
    protected static final long DELAY = Time.micros(100);
    protected static final long SECOND = Time.SECOND;

    protected final Sim sim = new Sim(1, LinkModel.fixed(DELAY));
    protected final Segment lan = sim.segment("lan");

    /** Something that happens at a time: {@code crash("lb1").at(seconds(10))}. */
    @FunctionalInterface
    protected interface When {
        void at(long t);
    }

    // ---- the hosts ----

    /** A host with interface eth0 on {@link #lan} (IPv6 link-local fe80::N from the IPv4 address's last byte). */
    protected Router router(String name, String ipv4, Vrrp... instances) {
        String last = ipv4.substring(ipv4.lastIndexOf('.') + 1);
        Router r = sim.router(name).port("eth0", lan, ipv4, "fe80::" + last);
        for (Vrrp v : instances) {
            r.instance(v.build());
        }
        return r;
    }

    protected static Vrrp vrrpInstance(String name, int vrid) {
        return Vrrp.vrrpInstance(name, vrid);
    }

    protected static long seconds(double s) {
        return Time.seconds(s);
    }

    protected static long millis(long ms) {
        return Time.millis(ms);
    }

    // ---- VRRPv2 timing at advert_int 1 s (RFC 3768 / keepalived), for deriving expected times ----

    /** Master_Down_Interval of a VRRPv2 backup with this priority at advert_int 1 s. */
    protected static long masterDownInterval(int priority) {
        return Timing.masterDownInterval(2, SECOND, priority);
    }

    /** Skew_Time of a VRRPv2 backup with this priority. */
    protected static long skewTime(int priority) {
        return Timing.skew(2, SECOND, priority);
    }

    /** The last advert a master that took over at {@code masterAt} sent at or before {@code t}, sending every {@code interval}. */
    protected static long lastAdvertBefore(long masterAt, long interval, long t) {
        return masterAt + (t - masterAt) / interval * interval;
    }

    // ---- what happens ----

    protected When start(String... routers) {
        return t -> sim.at(t, () -> {
            for (String r : routers) {
                sim.start(r);
            }
        });
    }

    protected When crash(String router) {
        return t -> sim.at(t, () -> sim.crash(router));
    }

    /** keepalived stopped cleanly (as a check script's {@code systemctl stop keepalived} does). */
    protected When stop(String router) {
        return t -> sim.at(t, () -> sim.stop(router));
    }

    /** The host's cable is cut: it hears no one and no one hears it. */
    protected When cut(String router) {
        return t -> sim.at(t, () -> sim.cut(router));
    }

    protected When reconnect(String router) {
        return t -> sim.at(t, () -> sim.reconnect(router));
    }

    /** A firewall on {@code on} drops VRRP from {@code from} ({@code iptables -A INPUT -s from -p vrrp -j DROP}). */
    protected When dropVrrp(String on, String from) {
        return t -> sim.at(t, () -> sim.dropOneWay(from, on));
    }

    protected When allowVrrp(String on, String from) {
        return t -> sim.at(t, () -> sim.allowOneWay(from, on));
    }

    protected When partition(Set<String> side, Set<String> other) {
        return t -> sim.at(t, () -> sim.partition(List.of(side, other)));
    }

    protected When heal() {
        return t -> sim.at(t, sim::heal);
    }

    protected When interfaceDown(String router, String instance) {
        return t -> sim.at(t, () -> sim.interfaceFault(router, instance, true));
    }

    protected When interfaceUp(String router, String instance) {
        return t -> sim.at(t, () -> sim.interfaceFault(router, instance, false));
    }

    /** A weighted vrrp_script now adds {@code weight} to the instance's priority (0: no longer). */
    protected When trackerWeight(String router, String instance, int weight) {
        return t -> sim.at(t, () -> sim.weight(router, instance, weight));
    }

    /** The daemon hangs, unknown to the invariants: only to show an invariant failing. */
    protected When hang(String router) {
        return t -> sim.at(t, () -> sim.freeze(router));
    }

    // ---- what must be true ----

    /** Expectations about a host's only (or first) instance. */
    protected Expect expect(String router) {
        return new Expect(router, sim.existingRouter(router).configs().getFirst().name());
    }

    protected Expect expect(String router, String instance) {
        return new Expect(router, instance);
    }

    /** Runs the simulation to {@code t} (the invariants checked all the way). */
    protected void runUntil(long t) {
        if (t < sim.now()) {
            throw new IllegalArgumentException("a scenario's timeline only moves forward: " + Time.format(t) + " < "
                    + Time.format(sim.now()));
        }
        sim.runUntil(t);
    }

    protected final class Expect {
        private final String router;
        private final String instance;

        Expect(String router, String instance) {
            this.router = router;
            this.instance = instance;
        }

        private VrrpState stateAt(long t) {
            runUntil(t);
            return sim.existingRouter(router).state(instance);
        }

        private String where(long t) {
            return router + "(" + instance + ") at " + Time.format(t) + "\n" + sim.timeline().tail(30);
        }

        public Expect isMasterAt(long t) {
            assertThat(stateAt(t)).as(where(t)).isEqualTo(VrrpState.MASTER);
            return this;
        }

        public Expect isBackupAt(long t) {
            assertThat(stateAt(t)).as(where(t)).isEqualTo(VrrpState.BACKUP);
            return this;
        }

        public Expect isFaultAt(long t) {
            assertThat(stateAt(t)).as(where(t)).isEqualTo(VrrpState.FAULT);
            return this;
        }

        /** Enters MASTER exactly at {@code t} (and is MASTER then). */
        public Expect becomesMasterAt(long t) {
            return entersAt(VrrpState.MASTER, t);
        }

        /** Enters BACKUP exactly at {@code t} (and is BACKUP then). */
        public Expect becomesBackupAt(long t) {
            return entersAt(VrrpState.BACKUP, t);
        }

        private Expect entersAt(VrrpState state, long t) {
            assertThat(stateAt(t)).as(where(t)).isEqualTo(state);
            assertThat(sim.timeline().entered(router, instance, state.name(), t - 1, t))
                    .as(router + "(" + instance + ") did not enter " + state + " at " + Time.format(t) + "\n" + sim.timeline().tail(30))
                    .isTrue();
            return this;
        }

        /** Never MASTER from now until {@code t}. */
        public Expect staysBackupUntil(long t) {
            long from = sim.now();
            VrrpState now = sim.existingRouter(router).state(instance);
            assertThat(now).as(where(from)).isNotEqualTo(VrrpState.MASTER);
            runUntil(t);
            assertThat(sim.timeline().entered(router, instance, "MASTER", from, t))
                    .as(router + "(" + instance + ") became MASTER between " + Time.format(from) + " and " + Time.format(t) + "\n"
                            + sim.timeline().tail(30))
                    .isFalse();
            return this;
        }

        /** The host has the instance's VIPs installed at {@code t}; they are exactly {@code vips}, if given. */
        public Expect ownsVipsAt(long t, String... vips) {
            runUntil(t);
            Router r = sim.existingRouter(router);
            assertThat(r.owns(instance)).as("VIPs of " + where(t)).isTrue();
            if (vips.length > 0) {
                assertThat(r.config(instance).addresses().stream().map(Addresses::format).toList())
                        .containsExactlyElementsOf(Arrays.asList(vips));
            }
            return this;
        }

        public Expect ownsNoVipsAt(long t) {
            runUntil(t);
            assertThat(sim.existingRouter(router).owns(instance)).as("VIPs of " + where(t)).isFalse();
            return this;
        }
    }
}
