package io.jkeepalived.it;

import static io.jkeepalived.it.Lan.Kind.JKEEPALIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * use_vmac between two jkeepalived nodes: the master announces the VIP and answers ARP for it
 * with the VRRP virtual MAC 00:00:5e:00:01:VRID (RFC 5798 7.3) from a private macvlan, whichever
 * node it is; the VMAC is removed (and the parent's sysctls restored) when the daemon stops.
 * (As with keepalived, replies the host routes out of the parent interface still carry the
 * parent's MAC: a client may learn either.)
 */
class VmacIT {

    static final String VIP = "10.42.0.3";
    static final String VMAC = "00:00:5e:00:01:33";
    private Lan lan;

    static String config(int priority) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    use_vmac
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(priority, VIP);
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

    /** The ARP traffic on the bridge while the client asks for the VIP afresh, as tcpdump prints it. */
    private String arpExchange(String file) throws Exception {
        java.nio.file.Path pcap = lan.capture(file, "arp");
        lan.client().exec("ip", "neigh", "flush", "all");
        lan.client().exec("ping", "-c", "1", "-W", "2", VIP);
        Thread.sleep(300);
        lan.stopCaptures();
        return Lan.run(java.util.List.of("tcpdump", "-enr", pcap.toString()));
    }

    @Test
    void theVipAnswersWithTheVirtualMacFromWhicheverNodeIsMaster() throws Exception {
        Lan.Node lb01 = lan.node("lb01").start(JKEEPALIVED, config(150));
        Lan.Node lb02 = lan.node("lb02").start(JKEEPALIVED, config(100));
        assertThat(Lan.waitUntil(Duration.ofSeconds(20), () -> lb01.exec("ip", "addr", "show", "dev", "vrrp.51").contains(VIP + "/24")))
                .as(lb01.logText()).isTrue();
        assertThat(lb01.exec("ip", "-d", "link", "show", "vrrp.51")).contains("link/ether " + VMAC).contains("macvlan mode private");
        assertThat(lb01.exec("sysctl", "-n", "net.ipv4.conf.eth0.arp_ignore").strip()).isEqualTo("1");
        assertThat(arpExchange("one.pcap")).contains("Reply " + VIP + " is-at " + VMAC);
        java.nio.file.Path takeover = lan.capture("takeover.pcap", "arp");
        lb01.stop();
        assertThat(Lan.waitUntil(Duration.ofSeconds(10), () -> lb02.exec("ip", "addr", "show", "dev", "vrrp.51").contains(VIP + "/24")))
                .as(lb02.logText()).isTrue();
        Thread.sleep(300);
        lan.stopCaptures();
        // lb02's gratuitous ARPs for the VIP come from the same virtual MAC
        assertThat(Lan.run(java.util.List.of("tcpdump", "-enr", takeover.toString())))
                .contains(VMAC + " > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has " + VIP
                        + " (ff:ff:ff:ff:ff:ff) tell " + VIP);
        assertThat(arpExchange("two.pcap")).contains("Reply " + VIP + " is-at " + VMAC);
        // lb01 removed its VMAC and put its parent's sysctls back
        assertThat(lb01.exec("ip", "link", "show", "vrrp.51")).contains("does not exist");
        assertThat(lb01.exec("sysctl", "-n", "net.ipv4.conf.eth0.arp_ignore").strip()).isEqualTo("0");
    }
}
