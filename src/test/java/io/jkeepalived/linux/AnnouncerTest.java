package io.jkeepalived.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.vrrp.Addresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gratuitous ARPs and unsolicited neighbour advertisements on a real veth, captured by tcpdump on
 * the other end and decoded by tshark: the right fields, and nothing malformed.
 */
class AnnouncerTest {

    private NetNs a;
    private NetNs b;
    private Path dir;

    @BeforeEach
    void lan() throws Exception {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")) && Files.isExecutable(Path.of("/usr/bin/tcpdump")),
                "needs tcpdump and tshark");
        a = NetNs.create("jkana");
        b = NetNs.create("jkanb");
        a.ip("link", "add", "eth0", "address", "02:00:00:00:00:0a", "type", "veth", "peer", "name", "eth0", "netns", b.name());
        a.ip("link", "set", "eth0", "up");
        b.ip("link", "set", "eth0", "up");
        a.awaitUp("eth0");
        b.awaitUp("eth0");
        dir = Files.createTempDirectory("jkannounce");
    }

    @AfterEach
    void remove() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** Captures on B's eth0 while {@code send} runs in A; returns tshark's verbose decoding. */
    private String capture(String filter, NetNs.Task send) throws Exception {
        Path pcap = dir.resolve("cap.pcap");
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec", b.name(), "tcpdump", "-Z", "root", "--immediate-mode", "-U", "-ni", "eth0", "-w", pcap.toString()));
        if (!filter.isEmpty()) {
            cmd.add(filter);
        }
        // --immediate-mode: deliver each packet at once (a TPACKET_V3 block would otherwise wait up to its timeout)
        Process tcpdump = new ProcessBuilder(cmd)
                .redirectErrorStream(true).start();
        try {
            // tcpdump says "listening on eth0" on stderr once it captures
            var err = new java.io.BufferedReader(new java.io.InputStreamReader(tcpdump.getInputStream()));
            for (String line = err.readLine(); line != null && !line.contains("listening on"); line = err.readLine()) {
                // wait
            }
            a.call(() -> {
                send.run();
                return null;
            });
            Thread.sleep(300);
        } finally {
            tcpdump.destroy();
            tcpdump.waitFor(5, TimeUnit.SECONDS);
        }
        Process tshark = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V").redirectErrorStream(true).start();
        String out = new String(tshark.getInputStream().readAllBytes());
        tshark.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static final byte[] MAC = {0x02, 0, 0, 0, 0, 0x0a};

    @Test
    void aGratuitousArpIsABroadcastRequestForTheAddressItself() throws Exception {
        String decoded = capture("arp", () -> {
            try (Announcer an = new Announcer()) {
                assertThat(an.garp(Libc.ifNameToIndex("eth0"), MAC, Addresses.parse("10.0.0.3"))).isZero();
            }
        });
        assertThat(decoded).contains("Destination: Broadcast (ff:ff:ff:ff:ff:ff)")
                .contains("Opcode: request (1)")
                .contains("[Is gratuitous: True]")
                .contains("Sender MAC address: 02:00:00:00:00:0a")
                .contains("Sender IP address: 10.0.0.3")
                .contains("Target IP address: 10.0.0.3")
                .doesNotContainIgnoringCase("malformed");
    }

    @Test
    void anUnsolicitedNeighbourAdvertOverridesForTheAddress() throws Exception {
        String decoded = capture("icmp6", () -> {
            try (Announcer an = new Announcer()) {
                assertThat(an.unsolicitedNa(Libc.ifNameToIndex("eth0"), MAC, Addresses.parse("2001:db8::3"), false)).isZero();
            }
        });
        assertThat(decoded).contains("Destination: IPv6mcast_01 (33:33:00:00:00:01)")
                .contains("Source Address: 2001:db8::3")
                .contains("Destination Address: ff02::1")
                .contains("Hop Limit: 255")
                .contains("Type: Neighbor Advertisement (136)")
                .contains("[Checksum Status: Good]")
                .contains("..1. .... .... .... .... .... .... .... = Override: Set")
                .contains(".0.. .... .... .... .... .... .... .... = Solicited: Not set")
                .contains("Target Address: 2001:db8::3")
                .contains("Link-layer address: 02:00:00:00:00:0a")
                .doesNotContainIgnoringCase("malformed");
    }
}
