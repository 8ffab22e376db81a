package io.jkeepalived.bench;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.check.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading, parsing and validating a configuration of N vrrp_instances (each with authentication,
 * three VIPs, unicast peers, a tracked script and notify scripts, 200 sync groups of them), as
 * {@code jkeepalived -t} does. Run with bench/config-parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConfigParseBenchmark {

    @Param({"2000"})
    public int instances;

    private Path file;
    private Host host;

    /** A configuration with {@code n} instances, ~27 lines each. */
    public static String config(int n) {
        StringBuilder sb = new StringBuilder(n * 700);
        sb.append("global_defs {\n    router_id bench\n    vrrp_garp_master_delay 2\n}\n\n");
        sb.append("vrrp_script chk {\n    script \"/bin/true\"\n    interval 2\n    weight -20\n}\n\n");
        for (int g = 0; g < n / 10; g++) {
            sb.append("vrrp_sync_group G").append(g).append(" {\n    group {\n");
            for (int i = g * 10; i < g * 10 + 10 && i < n; i++) {
                sb.append("        VI_").append(i).append('\n');
            }
            sb.append("    }\n}\n");
        }
        for (int i = 0; i < n; i++) {
            int iface = i / 255;
            int vrid = i % 255 + 1;
            sb.append("vrrp_instance VI_").append(i).append(" {\n")
                    .append("    state BACKUP\n")
                    .append("    interface eth").append(iface).append('\n')
                    .append("    virtual_router_id ").append(vrid).append('\n')
                    .append("    priority ").append(100 + i % 100).append('\n')
                    .append("    advert_int 1\n")
                    .append("    authentication {\n        auth_type PASS\n        auth_pass secret\n    }\n")
                    .append("    unicast_src_ip 10.").append(iface).append(".0.1\n")
                    .append("    unicast_peer {\n        10.").append(iface).append(".0.2\n    }\n")
                    .append("    virtual_ipaddress {\n");
            for (int v = 0; v < 3; v++) {
                sb.append("        10.").append(100 + iface).append('.').append(vrid).append('.').append(v + 1)
                        .append("/24 dev eth").append(iface).append('\n');
            }
            sb.append("    }\n    track_script {\n        chk\n    }\n")
                    .append("    notify_master \"/usr/local/bin/notify.sh master VI_").append(i).append("\"\n")
                    .append("}\n");
        }
        return sb.toString();
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("jk-bench", ".conf");
        Files.writeString(file, config(instances));
        java.util.Set<String> ifs = new java.util.HashSet<>(Set.of("lo"));
        for (int i = 0; i <= instances / 255; i++) {
            ifs.add("eth" + i);
        }
        host = Host.withInterfaces(ifs);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public LoadResult parseAndValidate() {
        return ConfigLoader.load(new ConfigLoader.Options(file, "bench", host, 1));
    }
}
