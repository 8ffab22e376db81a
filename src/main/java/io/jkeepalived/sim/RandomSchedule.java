package io.jkeepalived.sim;

import io.jkeepalived.vrrp.Advert;
import io.jkeepalived.vrrp.InstanceConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A cluster and a fault schedule drawn from one seed: 2, 3 or 5 routers, VRRPv2 or v3, advert
 * intervals from 10 ms to 1 s, multicast or unicast, IPv4 or IPv6, one to three instances per
 * router (on one or two segments, sometimes in a sync group), with and without nopreempt and
 * preempt_delay; then crashes, restarts, graceful stops, partitions, one-way drops, loss,
 * duplication, priority changes and interface faults, overlapping or not, and a quiet end in
 * which the network settles. The same seed and router count always give the same run.
 */
public final class RandomSchedule {

    private static final long[] V3_INTERVALS_MS = {10, 20, 30, 50, 100, 200, 500, 1000};

    /** One scheduled change of the world. */
    private record Step(long at, String text, Consumer<Sim> action) {
    }

    private final long seed;
    private final int routers;
    private final SplittableRandom random;
    private final List<String> cluster = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<InstanceConfig>[] configs;
    private final List<String[]> groups = new ArrayList<>();
    private final List<String> instanceNames = new ArrayList<>();
    private final long[] startAt;
    private int version;
    private boolean ipv6;
    private boolean unicast;
    private boolean twoSegments;
    private long interval;
    private long startupDelay;
    private LinkModel link;
    private long settle;
    private long end;

    @SuppressWarnings("unchecked")
    private RandomSchedule(long seed, int routers) {
        this.seed = seed;
        this.routers = routers;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + routers);
        this.configs = new List[routers];
        this.startAt = new long[routers];
        for (int k = 0; k < routers; k++) {
            names.add("r" + (k + 1));
            configs[k] = new ArrayList<>();
        }
    }

    public static RandomSchedule generate(long seed, int routers) {
        RandomSchedule s = new RandomSchedule(seed, routers);
        s.drawCluster();
        s.drawFaults();
        return s;
    }

    public long seed() {
        return seed;
    }

    public int routers() {
        return routers;
    }

    /** The one-line command that replays this schedule. */
    public String replayCommand() {
        return "./mvnw -q test -Dtest=RandomSchedulesTest -Dsim.seed=" + seed + " -Dsim.routers=" + routers;
    }

    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("seed ").append(seed).append(", ").append(routers).append(" routers; replay: ").append(replayCommand()).append('\n');
        for (String line : cluster) {
            s.append("  ").append(line).append('\n');
        }
        s.append("schedule (settle time about ").append(Time.format(settle)).append(", end ").append(Time.format(end)).append("):\n");
        for (Step st : steps) {
            s.append(String.format("  %16s  %s%n", Time.format(st.at), st.text));
        }
        return s.toString();
    }

    // ---- the cluster ----

    private void drawCluster() {
        version = random.nextBoolean() ? 3 : 2;
        ipv6 = version == 3 && random.nextInt(3) == 0;
        unicast = random.nextInt(3) == 0;
        // keepalived's VRRPv2 advert_int is whole seconds; VRRPv3 counts centiseconds
        interval = version == 2 ? Time.SECOND : Time.millis(V3_INTERVALS_MS[random.nextInt(V3_INTERVALS_MS.length)]);
        int instances = 1 + random.nextInt(3);
        twoSegments = instances > 1 && random.nextInt(3) == 0;
        int groupSize = instances > 1 && random.nextInt(3) == 0 ? (instances == 3 && random.nextBoolean() ? 3 : 2) : 0;
        int auth = version == 2 ? random.nextInt(10) : 0;
        startupDelay = random.nextInt(8) == 0 ? interval * (1 + random.nextInt(3)) : 0;
        // the delay bound stays below a fifth of the interval: LAN-like, and D < A as the bounds assume
        link = new LinkModel(random.nextLong(interval / 20 + 1), random.nextLong(interval / 20 + 1), 0,
                random.nextInt(4) == 0 ? 0.05 : 0, random.nextInt(4) == 0 ? 0.1 : 0, interval / 10);
        cluster.add("VRRPv" + version + (ipv6 ? " IPv6" : " IPv4") + (unicast ? " unicast" : " multicast") + ", advert_int "
                + Time.format(interval) + (startupDelay > 0 ? ", vrrp_startup_delay " + Time.format(startupDelay) : "")
                + (auth >= 8 && !ipv6 ? ", auth AH" : auth >= 5 ? ", auth PASS" : "") + ", " + link);

        long maxPreemptDelay = 0;
        boolean groupNopreempt = random.nextInt(4) == 0;
        long groupPreemptDelay = !groupNopreempt && random.nextInt(5) == 0 ? interval * (1 + random.nextInt(4)) : 0;
        int[] groupPriorities = null;
        for (int i = 0; i < instances; i++) {
            String name = "VI_" + (i + 1);
            instanceNames.add(name);
            boolean grouped = i < groupSize;
            boolean nopreempt = grouped ? groupNopreempt : random.nextInt(4) == 0;
            long preemptDelay = grouped ? groupPreemptDelay
                    : !nopreempt && random.nextInt(5) == 0 ? interval * (1 + random.nextInt(4)) : 0;
            maxPreemptDelay = Math.max(maxPreemptDelay, preemptDelay);
            int[] priorities = grouped && groupPriorities != null && random.nextInt(5) < 3 ? groupPriorities.clone() : priorities();
            if (grouped && groupPriorities == null) {
                groupPriorities = priorities;
            }
            int top = 0;
            for (int k = 1; k < routers; k++) {
                if (priorities[k] > priorities[top]) {
                    top = k;
                }
            }
            if (!nopreempt && !grouped && random.nextInt(8) == 0) {
                priorities[top] = InstanceConfig.PRIORITY_OWNER;   // the address owner
            }
            int masterByConfig = !nopreempt && random.nextInt(3) == 0 ? top : -1;
            // keepalived's per-instance options that change who sends when
            boolean lowerPrioNoAdvert = random.nextInt(6) == 0;
            boolean higherPrioSendAdvert = random.nextInt(6) == 0;
            boolean skipCheckAdvAddr = random.nextInt(6) == 0;
            // VRRPv3 routers may advertise at different intervals: a backup adopts its master's (RFC 5798 6.4.2)
            boolean mixedIntervals = version == 3 && interval >= Time.millis(20) && random.nextInt(5) == 0;
            long[] intervals = new long[routers];
            for (int k = 0; k < routers; k++) {
                intervals[k] = mixedIntervals && random.nextBoolean() ? interval / 20 * 10 : interval;
            }
            int vips = 1 + random.nextInt(3);
            int segment = twoSegments ? i % 2 : 0;
            int vrid = 1 + i + (int) Math.floorMod(seed, 50L) * 5;
            cluster.add(name + ": VRID " + vrid + " on eth" + segment + ", priorities " + java.util.Arrays.toString(priorities)
                    + (masterByConfig >= 0 ? ", " + names.get(masterByConfig) + " state MASTER" : "")
                    + (nopreempt ? ", nopreempt" : "") + (preemptDelay > 0 ? ", preempt_delay " + Time.format(preemptDelay) : "")
                    + ", " + vips + " VIPs" + (grouped ? ", in sync group G" : "") + (lowerPrioNoAdvert ? ", lower_prio_no_advert" : "")
                    + (higherPrioSendAdvert ? ", higher_prio_send_advert" : "") + (skipCheckAdvAddr ? ", skip_check_adv_addr" : "")
                    + (mixedIntervals ? ", advert_int " + java.util.Arrays.stream(intervals).mapToObj(Time::format).toList() : ""));
            for (int k = 0; k < routers; k++) {
                long own = intervals[k];
                InstanceConfig.Builder b = InstanceConfig.builder(name, vrid).socketKey("eth" + segment).version(version).ipv6(ipv6)
                        .advertIntervalNs(own).priority(priorities[k]).preempt(!nopreempt).preemptDelayNs(preemptDelay)
                        .startAsMaster(k == masterByConfig || priorities[k] == InstanceConfig.PRIORITY_OWNER)
                        .lowerPrioNoAdvert(lowerPrioNoAdvert).higherPrioSendAdvert(higherPrioSendAdvert)
                        .skipCheckAdvertAddresses(skipCheckAdvAddr);
                for (int v = 0; v < vips; v++) {
                    b.address(ipv6 ? "2001:db8:" + (i + 1) + "::" + (v + 1) : "192.168." + (i + 1) + "." + (v + 1));
                }
                if (auth >= 8 && !ipv6) {
                    b.auth(Advert.AUTH_AH, "secret".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                } else if (auth >= 5) {
                    b.password("1111");
                }
                if (unicast) {
                    b.sourceAddress(address(k, segment));
                    for (int p = 0; p < routers; p++) {
                        if (p != k) {
                            b.peer(address(p, segment));
                        }
                    }
                }
                configs[k].add(b.build());
            }
        }
        if (groupSize > 0) {
            String[] members = instanceNames.subList(0, groupSize).toArray(String[]::new);
            groups.add(members);
        }
        boolean staggered = random.nextBoolean();
        for (int k = 0; k < routers; k++) {
            startAt[k] = staggered ? random.nextLong(4 * interval) : 0;
        }
        long mdi = Timing.masterDownInterval(version, interval, 1);
        settle = (maxPreemptDelay > 0 ? 2 * mdi + 3 * link.maxDelayNs() + maxPreemptDelay : mdi + interval + 2 * link.maxDelayNs())
                + startupDelay;
    }

    private int[] priorities() {
        int[] p = new int[routers];
        for (int k = 0; k < routers; k++) {
            p[k] = switch (random.nextInt(10)) {
                case 0 -> 1;
                case 1 -> 254;
                case 2 -> k > 0 ? p[random.nextInt(k)] : 100;   // a tie
                default -> 1 + random.nextInt(254);
            };
        }
        return p;
    }

    private String address(int router, int segment) {
        return ipv6 ? "fe80::" + (segment + 1) + ":" + (router + 1) : "10." + segment + ".0." + (router + 1);
    }

    // ---- the faults ----

    private void drawFaults() {
        long t = settle + random.nextLong(settle);
        int count = 3 + random.nextInt(6);
        int permanentCrashes = 0;
        for (int f = 0; f < count; f++) {
            long duration = settle / 4 + random.nextLong(2 * settle);
            long until = t + duration;
            String r = names.get(random.nextInt(routers));
            String other = otherThan(r);
            String instance = instanceNames.get(random.nextInt(instanceNames.size()));
            switch (random.nextInt(10)) {
                case 0 -> {
                    step(t, "crash " + r, sim -> sim.crash(r));
                    step(until, "restart " + r, sim -> sim.start(r));
                }
                case 1 -> {
                    step(t, "graceful stop " + r, sim -> sim.stop(r));
                    step(until, "restart " + r, sim -> sim.start(r));
                }
                case 2 -> {
                    List<Set<String>> split = split();
                    step(t, "partition " + split, sim -> sim.partition(split));
                    step(until, "heal partition", Sim::heal);
                }
                case 3 -> {
                    step(t, r + " stops hearing " + other, sim -> sim.dropOneWay(other, r));
                    step(until, r + " hears " + other + " again", sim -> sim.allowOneWay(other, r));
                }
                case 4 -> {
                    double p = new double[] {0.2, 0.5, 1.0}[random.nextInt(3)];
                    if (random.nextBoolean()) {
                        step(t, "loss " + p + " " + other + "->" + r, sim -> sim.link(other, r, link.withLoss(p)));
                        step(until, "no loss " + other + "->" + r, sim -> sim.clearLink(other, r));
                    } else {
                        step(t, "loss " + p + " on every link", sim -> sim.defaultLink(link.withLoss(p)));
                        step(until, "no loss on every link", sim -> sim.defaultLink(link));
                    }
                }
                case 5 -> {
                    int w = random.nextInt(-80, 81);
                    step(t, r + " " + instance + " tracker weight " + w, sim -> sim.weight(r, instance, w));
                    if (random.nextBoolean()) {
                        step(until, r + " " + instance + " tracker weight 0", sim -> sim.weight(r, instance, 0));
                    }
                }
                case 6 -> {
                    step(t, r + " " + instance + " interface down", sim -> sim.interfaceFault(r, instance, true));
                    step(until, r + " " + instance + " interface up", sim -> sim.interfaceFault(r, instance, false));
                }
                case 7 -> {
                    step(t, "duplication 0.5 on every link", sim -> sim.defaultLink(link.withDuplicate(0.5)));
                    step(until, "duplication back to normal", sim -> sim.defaultLink(link));
                }
                case 8 -> {
                    if (routers >= 3 && permanentCrashes++ == 0) {
                        step(t, "crash " + r + " for good", sim -> sim.crash(r));
                    } else {
                        step(t, "crash " + r, sim -> sim.crash(r));
                        step(t + random.nextLong(settle / 2 + 1), "restart " + r, sim -> sim.start(r));
                    }
                }
                default -> {
                    // back to back: a stop or crash while the cluster is still settling
                    step(t, "graceful stop " + r, sim -> sim.stop(r));
                    step(t + random.nextLong(interval * 2), "restart " + r, sim -> sim.start(r));
                }
            }
            t = random.nextInt(3) == 0 ? t + random.nextLong(settle / 2 + 1) : until + random.nextLong(2 * settle);
        }
        long last = steps.stream().mapToLong(Step::at).max().orElse(0);
        long healAt = last + 1;
        step(healAt, "everything heals (links, partitions, interfaces)", this::healEverything);
        end = healAt + 2 * settle + random.nextLong(settle);
        steps.sort((a, b) -> Long.compare(a.at, b.at));
    }

    private void healEverything(Sim sim) {
        sim.healNetwork(link);
        for (String a : names) {
            for (String i : instanceNames) {
                if (sim.existingRouter(a).interfaceDown(i)) {
                    sim.interfaceFault(a, i, false);
                }
            }
        }
    }

    private void step(long at, String text, Consumer<Sim> action) {
        steps.add(new Step(at, text, action));
    }

    private String otherThan(String r) {
        String o;
        do {
            o = names.get(random.nextInt(routers));
        } while (o.equals(r));
        return o;
    }

    private List<Set<String>> split() {
        List<String> shuffled = new ArrayList<>(names);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        int cut = 1 + random.nextInt(routers - 1);
        return List.of(new HashSet<>(shuffled.subList(0, cut)), new HashSet<>(shuffled.subList(cut, routers)));
    }

    // ---- running it ----

    /** Builds the world and runs the schedule to its end; an {@link InvariantViolation} says what broke. */
    public Sim run() {
        Sim sim = build();
        sim.runUntil(end);
        return sim;
    }

    /** The world with this schedule on its clock, not run yet. */
    public Sim build() {
        Sim sim = new Sim(seed, link);
        sim.context(() -> describe() + "\n");
        // an advert storm, not a bound: per interval each of the instances sends once on its timer and at most
        // answers each advert it hears (twice with duplication), and each packet is one step plus a timer step
        long intervals = end / Math.max(Time.millis(10), interval / 2) + 10;
        sim.stepBudget(10_000 + intervals * instanceNames.size() * routers * routers * 8L);
        for (int s = 0; s < (twoSegments ? 2 : 1); s++) {
            sim.segment("lan" + s);
        }
        for (int k = 0; k < routers; k++) {
            Router r = sim.router(names.get(k));
            for (int s = 0; s < (twoSegments ? 2 : 1); s++) {
                r.port("eth" + s, sim.segment("lan" + s), "10." + s + ".0." + (k + 1), "fe80::" + (s + 1) + ":" + (k + 1));
            }
            configs[k].forEach(r::instance);
            for (String[] g : groups) {
                r.syncGroup("G", g);
            }
            r.startupDelay(startupDelay);
        }
        for (int k = 0; k < routers; k++) {
            String name = names.get(k);
            sim.at(startAt[k], () -> sim.start(name));
        }
        for (Step st : steps) {
            sim.at(st.at, () -> st.action.accept(sim));
        }
        return sim;
    }

    public long end() {
        return end;
    }
}
