package io.jkeepalived.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void eventsAtTheSameTimeRunInTheOrderTheyWereScheduled() {
        EventQueue q = new EventQueue();
        List<String> ran = new ArrayList<>();
        q.schedule(20, () -> ran.add("b"));
        q.schedule(10, () -> ran.add("a"));
        q.schedule(20, () -> ran.add("c"));
        q.schedule(20, () -> q.schedule(20, () -> ran.add("e")));
        q.schedule(20, () -> ran.add("d"));
        while (q.runNext(Long.MAX_VALUE)) {
            // runs everything
        }
        assertThat(ran).containsExactly("a", "b", "c", "d", "e");
        assertThat(q.now()).isEqualTo(20);
    }

    @Test
    void aSeedReplaysExactlyTheSameRun() {
        for (int routers : new int[] {2, 3, 5}) {
            Sim first = RandomSchedule.generate(42, routers).run();
            Sim second = RandomSchedule.generate(42, routers).run();
            assertThat(second.timeline().entries()).isEqualTo(first.timeline().entries());
            assertThat(second.steps()).isEqualTo(first.steps());
        }
    }

    @Test
    void differentSeedsDrawDifferentRuns() {
        assertThat(RandomSchedule.generate(1, 3).describe()).isNotEqualTo(RandomSchedule.generate(2, 3).describe());
    }
}
