package io.jkeepalived.config.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigFixture;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.parse.Block;
import org.junit.jupiter.api.Test;

/**
 * What BfdCheck tells the areas that track BFD instances: whether a session runs, and which
 * processes (VRRP, checkers) know the instance, after keepalived's bfd_vrrp_end_handler and
 * bfd_checker_end_handler.
 */
class BfdCheckTest {

    private static Block load(String body) {
        LoadResult r = ConfigFixture.load("bfd_instance bf {\n" + body + "\n}\n");
        return BfdCheck.find(r.config().root(), "bf");
    }

    @Test
    void withNeitherVrrpNorCheckerBothProcessesKnowTheInstance() {
        Block b = load("  neighbor_ip 10.0.0.2");
        assertThat(BfdCheck.hasSession(b)).isTrue();
        assertThat(BfdCheck.visibleToVrrp(b)).isTrue();
        assertThat(BfdCheck.visibleToCheckers(b)).isTrue();
    }

    @Test
    void checkerAloneHidesTheInstanceFromVrrp() {
        Block b = load("  neighbor_ip 10.0.0.2\n  checker");
        assertThat(BfdCheck.visibleToVrrp(b)).isFalse();
        assertThat(BfdCheck.visibleToCheckers(b)).isTrue();
    }

    @Test
    void vrrpAloneHidesTheInstanceFromCheckers() {
        Block b = load("  neighbor_ip 10.0.0.2\n  vrrp");
        assertThat(BfdCheck.visibleToVrrp(b)).isTrue();
        assertThat(BfdCheck.visibleToCheckers(b)).isFalse();
    }

    @Test
    void bothGivenIsLikeNeither() {
        Block b = load("  neighbor_ip 10.0.0.2\n  vrrp\n  checker");
        assertThat(BfdCheck.visibleToVrrp(b)).isTrue();
        assertThat(BfdCheck.visibleToCheckers(b)).isTrue();
    }

    @Test
    void anInstanceWithoutANeighborHasNoSessionButIsStillKnown() {
        Block b = load("  weight 3");
        assertThat(b).isNotNull();
        assertThat(BfdCheck.hasSession(b)).isFalse();
        assertThat(BfdCheck.visibleToVrrp(b)).isTrue();
    }

    @Test
    void findIsNullForAnInstanceTheConfigurationDropped() {
        LoadResult r = ConfigFixture.load("bfd_instance bf {\n  neighbor_ip 10.0.0.2\n}\n");
        assertThat(BfdCheck.find(r.config().root(), "other")).isNull();
    }
}
