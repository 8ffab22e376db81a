package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.config.schema.RootKeywords;
import io.jkeepalived.config.schema.VrrpKeywords;
import io.jkeepalived.config.value.VrrpValues.State;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration of shared/seeds/ (assembled into whole files in src/test/resources/seeds)
 * passes -t: no keyword we do not know, and the same verdict as keepalived 2.2.7 on the same file.
 */
class SeedConfigTest {

    /**
     * Where jkeepalived and keepalived differ on a seed, and why. Empty: they agree on all of them.
     */
    static final Map<String, Set<String>> EXPLAINED = Map.of();

    static Path seeds() throws URISyntaxException {
        return Path.of(SeedConfigTest.class.getResource("/seeds/README.md").toURI()).getParent();
    }

    static Stream<Path> seedFiles() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(seeds())) {
            return s.filter(p -> p.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedFiles")
    void everyKeywordOfTheSeedIsKnown(Path file) {
        LoadResult r = ConfigFixture.loadFile(file, "lb01");
        assertThat(r.diagnostics()).noneMatch(d -> d.message().startsWith("unknown keyword"));
        assertThat(r.diagnostics()).noneMatch(d -> d.message().contains("missing '{'") || d.message().contains("'}'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedFiles")
    void sameVerdictAsKeepalived(Path file) {
        assumeTrue(KeepalivedOracle.available(), "keepalived 2.2.7 and root are needed for the comparison");
        VerdictComparison.assertSame(VerdictComparison.compare(file, "lb01"),
                EXPLAINED.getOrDefault(file.getFileName().toString(), Set.of()));
    }

    @Test
    void seed000MasterAndBackupAsTheSeedDescribes() throws URISyntaxException {
        var master = ConfigFixture.loadFile(seeds().resolve("000-lb01-master.conf"), "lb01").config().root()
                .blocks(RootKeywords.VRRP_INSTANCE).getFirst();
        var backup = ConfigFixture.loadFile(seeds().resolve("000-lb02-backup.conf"), "lb02").config().root()
                .blocks(RootKeywords.VRRP_INSTANCE).getFirst();
        assertThat(List.of(master.get(VrrpKeywords.STATE), backup.get(VrrpKeywords.STATE))).containsExactly(State.MASTER, State.BACKUP);
        assertThat(List.of(master.get(VrrpKeywords.PRIORITY), backup.get(VrrpKeywords.PRIORITY))).containsExactly(150, 100);
        assertThat(master.get(VrrpKeywords.VIRTUAL_ROUTER_ID)).isEqualTo(backup.get(VrrpKeywords.VIRTUAL_ROUTER_ID)).isEqualTo(50);
        assertThat(master.list(VrrpKeywords.VIRTUAL_IPADDRESS).getFirst().address().getHostAddress()).isEqualTo("10.0.0.3");
    }

    @Test
    void seed000NonPreemptiveIsTwoBackupsWithNopreempt() throws URISyntaxException {
        for (String f : List.of("000-lb01-nopreempt.conf", "000-lb02-nopreempt.conf")) {
            var vi = ConfigFixture.loadFile(seeds().resolve(f), "lb01").config().root().blocks(RootKeywords.VRRP_INSTANCE).getFirst();
            assertThat(vi.get(VrrpKeywords.STATE)).isEqualTo(State.BACKUP);
            assertThat(vi.isSet(VrrpKeywords.NOPREEMPT)).as(f).isTrue();
        }
    }

    @Test
    void seed004UnicastPairPointsAtEachOther() throws URISyntaxException {
        var a = ConfigFixture.loadFile(seeds().resolve("004-nopreempt-unicast-server01.conf"), "x").config().root()
                .blocks(RootKeywords.VRRP_INSTANCE).getFirst();
        var b = ConfigFixture.loadFile(seeds().resolve("004-nopreempt-unicast-server03.conf"), "x").config().root()
                .blocks(RootKeywords.VRRP_INSTANCE).getFirst();
        assertThat(a.get(VrrpKeywords.SOURCE_IP)).isEqualTo(b.list(VrrpKeywords.UNICAST_PEER).getFirst().address());
        assertThat(b.get(VrrpKeywords.SOURCE_IP)).isEqualTo(a.list(VrrpKeywords.UNICAST_PEER).getFirst().address());
    }

    @Test
    void seed004SampleHasThreeVips() throws URISyntaxException {
        var vi = ConfigFixture.loadFile(seeds().resolve("004-sample.conf"), "x").config().root().blocks(RootKeywords.VRRP_INSTANCE).getFirst();
        assertThat(vi.list(VrrpKeywords.VIRTUAL_IPADDRESS)).hasSize(3);
    }
}
