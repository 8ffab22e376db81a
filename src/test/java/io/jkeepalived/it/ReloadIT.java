package io.jkeepalived.it;

import static io.jkeepalived.it.Lan.Kind.JKEEPALIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGHUP under 10 ms adverts (VRRPv3): a reload never flaps a VIP that both configurations keep
 * on the same master (DESIGN.md principle 5), and a configuration that cannot run is refused
 * while the old one keeps running.
 */
class ReloadIT {

    static final String VIP = "10.42.0.3";
    private Lan lan;

    static String config(int priority, String vips) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    version 3
                    priority %d
                    advert_int 0.01
                    virtual_ipaddress {
                %s
                    }
                }
                """.formatted(priority, vips);
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

    private static int transitions(String log) {
        return log.split("Entering (MASTER|BACKUP|FAULT) STATE", -1).length - 1;
    }

    @Test
    void reloadsUnder10MsAdvertsCauseNoTransition() throws Exception {
        Lan.Node master = lan.node("lb01").start(JKEEPALIVED, config(150, "        " + VIP));
        Lan.Node backup = lan.node("lb02").start(JKEEPALIVED, config(100, "        " + VIP));
        assertThat(Lan.waitUntil(Duration.ofSeconds(20), () -> lan.holders(VIP).equals(java.util.List.of("lb01"))))
                .as("lb01 master\n%s", master.logText()).isTrue();
        Thread.sleep(500);
        int masterBefore = transitions(master.logText());
        int backupBefore = transitions(backup.logText());
        // ten reloads of the same configuration on both nodes, 100 ms apart
        for (int i = 0; i < 10; i++) {
            master.signal("HUP");
            backup.signal("HUP");
            Thread.sleep(100);
        }
        // then a change that keeps the VIP on the same master: another priority, another VIP
        Lan.Node m = master;
        java.nio.file.Files.writeString(lan.directory().resolve("lb01.conf"), config(160, "        " + VIP + "\n        10.42.0.4"));
        master.signal("HUP");
        assertThat(Lan.waitUntil(Duration.ofSeconds(10), () -> m.has("10.42.0.4"))).as(master.logText()).isTrue();
        Thread.sleep(1_000);
        assertThat(Lan.waitUntil(Duration.ofSeconds(10), () -> count(m.logText(), "Reloaded:") == 11))
                .as(master.logText()).isTrue();
        assertThat(transitions(master.logText())).as("transitions on the master\n%s", master.logText()).isEqualTo(masterBefore);
        assertThat(transitions(backup.logText())).as("transitions on the backup\n%s", backup.logText()).isEqualTo(backupBefore);
        assertThat(lan.holders(VIP)).containsExactly("lb01");
        assertThat(master.logText()).contains("(VI_1) Changing effective priority from 150 to 160");
    }

    @Test
    void aConfigurationThatCannotRunIsRefusedAndTheOldOneKeepsRunning() throws Exception {
        Lan.Node master = lan.node("lb01").start(JKEEPALIVED, config(150, "        " + VIP));
        assertThat(Lan.waitUntil(Duration.ofSeconds(20), () -> lan.holders(VIP).equals(java.util.List.of("lb01")))).isTrue();
        java.nio.file.Files.writeString(lan.directory().resolve("lb01.conf"), "vrrp_instance VI_1 {\n    state\n}\n");
        master.signal("HUP");
        assertThat(Lan.waitUntil(Duration.ofSeconds(10), () -> master.logText().contains("keeping the running configuration")))
                .as(master.logText()).isTrue();
        Thread.sleep(300);
        assertThat(lan.holders(VIP)).containsExactly("lb01");
        assertThat(master.alive()).isTrue();
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
