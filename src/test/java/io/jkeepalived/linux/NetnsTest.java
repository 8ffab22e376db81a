package io.jkeepalived.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Namespaces, bridges and veth pairs made by our own code (for the lab), checked with ip(8). */
class NetnsTest {

    @Test
    void aNamespaceWithABridgeAndAVethIntoAnotherOneIsMadeAndRemoved() throws Exception {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
        String a = "jknsa" + ProcessHandle.current().pid();
        String b = "jknsb" + ProcessHandle.current().pid();
        try (Netns na = Netns.create(a); Netns nb = Netns.create(b)) {
            assertThat(NetNsOutput.of("ip", "netns", "list")).contains(a).contains(b);
            int fd = nb.open();
            try {
                na.call(() -> {
                    try (Rtnetlink rt = new Rtnetlink()) {
                        rt.createBridge("br0");
                        rt.createVeth("p1", null, "eth0", fd);
                        rt.setMaster(Libc.ifNameToIndex("p1"), Libc.ifNameToIndex("br0"));
                        rt.setUp(Libc.ifNameToIndex("p1"), true);
                        rt.setUp(Libc.ifNameToIndex("br0"), true);
                    }
                    return null;
                });
            } finally {
                Libc.close(fd);
            }
            assertThat(NetNsOutput.of("ip", "-n", a, "link", "show", "p1")).contains("master br0");
            assertThat(NetNsOutput.of("ip", "-n", b, "link", "show", "eth0")).contains("eth0@if");
        }
        assertThat(NetNsOutput.of("ip", "netns", "list")).doesNotContain(a).doesNotContain(b);
    }

    /** Output of a command, for the checks. */
    static final class NetNsOutput {
        static String of(String... cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        }
    }
}
