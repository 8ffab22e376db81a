package io.jkeepalived.it;

import static io.jkeepalived.it.Lan.Kind.JKEEPALIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two jkeepalived nodes on a bridge with seed 000's configuration (lb01 MASTER 150, lb02 BACKUP
 * 100, VIP 10.0.0.3 - here 10.42.0.3 - PASS auth): election, failover, failback, graceful
 * handover, FAULT on link loss, restart after SIGKILL.
 */
class TwoNodeIT {

    static final String VIP = "10.42.0.3";
    private Lan lan;

    static String seed000(String state, int priority, String extra) {
        return """
                global_defs {
                   router_id %s
                }
                vrrp_instance VI_1 {
                    state %s
                    interface eth0
                    virtual_router_id 50
                    priority %d
                    advert_int 1
                %s
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(state.equals("MASTER") ? "lb01" : "lb02", state, priority, extra, VIP);
    }

    @BeforeEach
    void lan() throws Exception {
        assumeTrue(Lan.available(), "needs root and ip(8)");
        lan = Lan.create("lb01", "lb02");
    }

    @AfterEach
    void remove() {
        if (lan != null) {
            lan.close();
        }
    }

    private void awaitHolder(String node, Duration timeout) {
        boolean ok = Lan.waitUntil(timeout, () -> lan.holders(VIP).equals(java.util.List.of(node)));
        assertThat(ok).as("%s holds %s alone (holders %s)\nlb01:\n%s\nlb02:\n%s", node, VIP, lan.holders(VIP),
                lan.node("lb01").logText(), lan.node("lb02").logText()).isTrue();
    }

    private void startBoth(String extra) throws Exception {
        lan.node("lb01").start(JKEEPALIVED, seed000("MASTER", 150, extra));
        lan.node("lb02").start(JKEEPALIVED, seed000("BACKUP", 100, extra));
    }

    @Test
    void theMasterTakesTheVipAndTheBackupStaysBackup() throws Exception {
        startBoth("");
        awaitHolder("lb01", Duration.ofSeconds(20));
        assertThat(lan.node("lb02").logText()).contains("(VI_1) Entering BACKUP STATE").doesNotContain("Entering MASTER STATE");
        assertThat(lan.client().exec("ping", "-c", "1", "-W", "2", VIP)).contains("1 received");
    }

    @Test
    void aCutCableMovesTheVipAndItComesBackWithPreemption() throws Exception {
        startBoth("");
        awaitHolder("lb01", Duration.ofSeconds(20));
        lan.node("lb01").cutCable();
        // lb01 loses its carrier: FAULT, VIP removed; lb02 takes over after its Master_Down_Interval (3.61 s)
        awaitHolder("lb02", Duration.ofSeconds(10));
        assertThat(lan.node("lb01").logText()).contains("(VI_1) Entering FAULT STATE");
        lan.node("lb01").restoreCable();
        // lb01 (150) comes back as BACKUP, ignores lb02's adverts (100) and preempts
        awaitHolder("lb01", Duration.ofSeconds(15));
        assertThat(lan.node("lb02").logText()).contains("(VI_1) Entering BACKUP STATE");
    }

    @Test
    void sigkillOfTheMasterMovesTheVipAndARestartLeavesNoStaleVip() throws Exception {
        startBoth("");
        awaitHolder("lb01", Duration.ofSeconds(20));
        lan.node("lb01").killHard();
        // the VIP stays on lb01's interface (nobody removed it) until it restarts
        Lan.waitUntil(Duration.ofSeconds(10), () -> lan.node("lb02").has(VIP));
        assertThat(lan.node("lb02").has(VIP)).isTrue();
        lan.node("lb01").start(JKEEPALIVED, seed000("MASTER", 150, ""));
        // at start the leftover VIP is removed, then lb01 preempts
        assertThat(Lan.waitUntil(Duration.ofSeconds(15), () -> lan.node("lb01").logText().contains("removed leftover address")))
                .as(lan.node("lb01").logText()).isTrue();
        awaitHolder("lb01", Duration.ofSeconds(15));
    }

    @Test
    void withNopreemptTheRecoveredNodeDoesNotTakeOver() throws Exception {
        // seed 000's non-preemptive variant: both BACKUP, nopreempt
        lan.node("lb01").start(JKEEPALIVED, seed000("BACKUP", 150, "    nopreempt"));
        lan.node("lb02").start(JKEEPALIVED, seed000("BACKUP", 100, "    nopreempt"));
        awaitHolder("lb01", Duration.ofSeconds(20));
        lan.node("lb01").stop();
        awaitHolder("lb02", Duration.ofSeconds(10));
        lan.node("lb01").start(JKEEPALIVED, seed000("BACKUP", 150, "    nopreempt"));
        assertThat(Lan.waitUntil(Duration.ofSeconds(15), () -> lan.node("lb01").logText().contains("Entering BACKUP STATE")))
                .isTrue();
        Thread.sleep(6_000);   // well past lb01's Master_Down_Interval (3.41 s)
        assertThat(lan.holders(VIP)).containsExactly("lb02");
    }

    @Test
    void aGracefulStopHandsOverWithinTheSkewTime() throws Exception {
        startBoth("");
        awaitHolder("lb01", Duration.ofSeconds(20));
        long t0 = System.nanoTime();
        lan.node("lb01").stop();
        awaitHolder("lb02", Duration.ofSeconds(5));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // priority 0 cuts lb02's timer to its skew time, (256-100)/256 s = 609 ms; well under Master_Down_Interval
        assertThat(ms).as("handover took %d ms", ms).isLessThan(3_000);
        assertThat(lan.node("lb01").logText()).contains("(VI_1) Stopped");
        assertThat(Files.exists(Path.of(lan.directory() + "/lb01.pid"))).as("pid file removed").isFalse();
    }

    @Test
    void aLinkDownIsFaultAndTheLinkUpRecovers() throws Exception {
        startBoth("");
        awaitHolder("lb01", Duration.ofSeconds(20));
        lan.node("lb02").exec("ip", "link", "set", "eth0", "down");
        assertThat(Lan.waitUntil(Duration.ofSeconds(5), () -> lan.node("lb02").logText().contains("(VI_1) Entering FAULT STATE")))
                .isTrue();
        lan.node("lb02").exec("ip", "link", "set", "eth0", "up");
        assertThat(Lan.waitUntil(Duration.ofSeconds(10), () -> {
            String log = lan.node("lb02").logText();
            return log.lastIndexOf("Entering BACKUP STATE") > log.indexOf("Entering FAULT STATE");
        })).as(lan.node("lb02").logText()).isTrue();
        assertThat(lan.holders(VIP)).containsExactly("lb01");
    }
}
