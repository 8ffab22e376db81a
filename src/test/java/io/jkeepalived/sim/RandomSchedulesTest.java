package io.jkeepalived.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Thousands of seeded random fault schedules (see {@link RandomSchedule}) for clusters of 2, 3
 * and 5 routers, every invariant checked around every step. A failing seed is reported with the
 * command that replays it:
 *
 * <pre>
 *   ./mvnw -q test -Dtest=RandomSchedulesTest -Dsim.seed=123456 -Dsim.routers=3
 * </pre>
 *
 * which runs that one schedule and prints its description and whole timeline ({@code
 * -Dsim.trace=true} prints every packet as well). {@code
 * -Dsim.count=N} changes the number of schedules per cluster size (scaled), {@code
 * -Dsim.baseSeed=S} the first seed.
 */
class RandomSchedulesTest {

    /** Schedules per run: 2,400 + 1,800 + 1,000 = 5,200. */
    private static final int TWO = 2_400;
    private static final int THREE = 1_800;
    private static final int FIVE = 1_000;

    @Test
    @DisabledIfSystemProperty(named = "sim.seed", matches = ".+")
    void everyInvariantHoldsForTwoRouterClusters() {
        runMany(2, TWO);
    }

    @Test
    @DisabledIfSystemProperty(named = "sim.seed", matches = ".+")
    void everyInvariantHoldsForThreeRouterClusters() {
        runMany(3, THREE);
    }

    @Test
    @DisabledIfSystemProperty(named = "sim.seed", matches = ".+")
    void everyInvariantHoldsForFiveRouterClusters() {
        runMany(5, FIVE);
    }

    @Test
    @EnabledIfSystemProperty(named = "sim.seed", matches = ".+")
    void replay() {
        long seed = Long.getLong("sim.seed");
        int routers = Integer.getInteger("sim.routers", 3);
        RandomSchedule s = RandomSchedule.generate(seed, routers);
        System.out.println(s.describe());
        Sim sim = s.build();
        if (Boolean.getBoolean("sim.trace")) {
            sim.trace(System.out);
        }
        try {
            sim.runUntil(s.end());
        } finally {
            System.out.println("timeline:\n" + sim.timeline().tail(Integer.MAX_VALUE));
        }
        assertThat(sim.steps()).isPositive();
    }

    private static void runMany(int routers, int defaultCount) {
        int count = Integer.getInteger("sim.count", defaultCount);
        long base = Long.getLong("sim.baseSeed", 1);
        ConcurrentSkipListMap<Long, InvariantViolation> failures = new ConcurrentSkipListMap<>();
        AtomicLong steps = new AtomicLong();
        AtomicLong virtualNs = new AtomicLong();
        long[] applied = new long[Invariants.Rule.values().length];
        long start = System.nanoTime();
        LongStream.range(base, base + count).parallel().forEach(seed -> {
            RandomSchedule s = RandomSchedule.generate(seed, routers);
            try {
                Sim sim = s.run();
                steps.addAndGet(sim.steps());
                virtualNs.addAndGet(sim.now());
                synchronized (applied) {
                    for (Invariants.Rule r : Invariants.Rule.values()) {
                        applied[r.ordinal()] += sim.invariants().applied(r);
                    }
                }
            } catch (InvariantViolation v) {
                failures.put(seed, v);
            }
        });
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        List<String> coverage = new ArrayList<>();
        for (Invariants.Rule r : Invariants.Rule.values()) {
            coverage.add(r.title().substring(0, 3) + " " + applied[r.ordinal()]);
        }
        System.out.printf("sim: %d schedules of %d routers in %d ms wall (%d steps, %.0f s virtual); invariant applied: %s%n",
                count, routers, wallMs, steps.get(), virtualNs.get() / 1e9, coverage);
        List<String> replays = failures.keySet().stream().map(seed -> RandomSchedule.generate(seed, routers).replayCommand())
                .toList();
        assertThat(failures)
                .withFailMessage(() -> failures.size() + " of " + count + " schedules broke an invariant; replay with:\n  "
                        + String.join("\n  ", replays.subList(0, Math.min(20, replays.size()))) + "\n\nwhat broke:\n  "
                        + failures.entrySet().stream().limit(20).map(e -> "seed " + e.getKey() + " (" + routers + " routers): " + e.getValue().headline())
                                .collect(java.util.stream.Collectors.joining("\n  "))
                        + "\n\nfirst failure:\n"
                        + (failures.isEmpty() ? "" : failures.firstEntry().getValue().getMessage()))
                .isEmpty();
    }
}
