/**
 * A deterministic simulator that proves the VRRP engine in virtual time (DESIGN.md, testing
 * layer 2).
 *
 * <ul>
 * <li>{@link io.jkeepalived.sim.EventQueue}: the virtual clock, events by time then by order.
 * <li>{@link io.jkeepalived.sim.Segment}, {@link io.jkeepalived.sim.LinkModel},
 * {@link io.jkeepalived.sim.Faults}: L2 segments, per-direction delay/jitter/loss/duplication/
 * reordering, partitions and one-way drops.
 * <li>{@link io.jkeepalived.sim.Router}: one host running the real
 * {@link io.jkeepalived.vrrp.Engine}; crashes, restarts, graceful stops, interface faults,
 * tracker weights; the VIP ownership model.
 * <li>{@link io.jkeepalived.sim.Sim}: the world; adverts travel as the bytes
 * {@link io.jkeepalived.vrrp.Instance#writeAdvert} writes.
 * <li>{@link io.jkeepalived.sim.Invariants}: what must hold, with each bound's derivation.
 * <li>{@link io.jkeepalived.sim.Timeline}: what happened, quoted by failure messages.
 * <li>{@link io.jkeepalived.sim.RandomSchedule}: seeded random clusters and fault schedules;
 * {@code RandomSchedulesTest} runs thousands and prints a replay command for a failing seed:
 * {@code ./mvnw -q test -Dtest=RandomSchedulesTest -Dsim.seed=123456 -Dsim.routers=3}.
 * <li>{@link io.jkeepalived.sim.Scenario}, {@link io.jkeepalived.sim.Vrrp}: the DSL for
 * scenario tests written as timelines.
 * </ul>
 */
package io.jkeepalived.sim;
