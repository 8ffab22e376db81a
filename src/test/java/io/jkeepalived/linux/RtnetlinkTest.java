package io.jkeepalived.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkeepalived.vrrp.Addresses;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links and addresses through our rtnetlink code, in a namespace of its own, checked with ip(8). */
class RtnetlinkTest {

    private NetNs ns;

    @BeforeEach
    void namespace() throws Exception {
        assumeTrue(NetNs.available(), "needs root and ip(8)");
        ns = NetNs.create("jkrtnl");
        ns.ip("link", "add", "eth0", "type", "veth", "peer", "name", "peer0");
        ns.ip("link", "set", "eth0", "up");
        ns.ip("link", "set", "peer0", "up");
    }

    @AfterEach
    void remove() {
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void theLinksAreListedWithTheirState() throws Exception {
        List<Rtnetlink.Link> links = ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                return rt.links();
            }
        });
        assertThat(links).extracting(Rtnetlink.Link::name).containsExactlyInAnyOrder("lo", "eth0", "peer0");
        Rtnetlink.Link eth0 = links.stream().filter(l -> l.name().equals("eth0")).findFirst().orElseThrow();
        assertThat(eth0.kind()).isEqualTo("veth");
        assertThat(eth0.mac()).hasSize(6);
        assertThat(eth0.isUp()).isTrue();
        assertThat(ns.ipOutput("link", "show", "eth0")).contains(String.format("%02x:", eth0.mac()[0] & 0xff));
    }

    @Test
    void anAddressIsAddedWithItsOptionsAndRemoved() throws Exception {
        int index = ns.call(() -> Libc.ifNameToIndex("eth0"));
        boolean added = ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                return rt.addAddress(new Rtnetlink.AddressRequest(index, Addresses.parse("10.0.0.3"), 24,
                        Addresses.parse("10.0.0.255"), 0, "eth0:vip", null, 0, -1));
            }
        });
        assertThat(added).isTrue();
        assertThat(ns.ipOutput("-4", "addr", "show", "dev", "eth0")).contains("inet 10.0.0.3/24 brd 10.0.0.255 scope global eth0:vip");
        boolean again = ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                return rt.addAddress(Rtnetlink.AddressRequest.of(index, Addresses.parse("10.0.0.3"), 24));
            }
        });
        assertThat(again).as("already there").isFalse();
        List<Rtnetlink.Address> listed = ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                return rt.addresses();
            }
        });
        assertThat(listed).anySatisfy(a -> {
            assertThat(Addresses.format(a.address())).isEqualTo("10.0.0.3");
            assertThat(a.prefix()).isEqualTo(24);
            assertThat(a.index()).isEqualTo(index);
            assertThat(a.label()).isEqualTo("eth0:vip");
        });
        boolean removed = ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                return rt.deleteAddress(index, Addresses.parse("10.0.0.3"), 24);
            }
        });
        assertThat(removed).isTrue();
        assertThat(ns.ipOutput("-4", "addr", "show", "dev", "eth0")).doesNotContain("10.0.0.3");
        boolean removedAgain = ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                return rt.deleteAddress(index, Addresses.parse("10.0.0.3"), 24);
            }
        });
        assertThat(removedAgain).as("not there any more").isFalse();
    }

    @Test
    void anIpv6AddressIsAddedWithoutDuplicateAddressDetection() throws Exception {
        int index = ns.call(() -> Libc.ifNameToIndex("eth0"));
        ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                return rt.addAddress(new Rtnetlink.AddressRequest(index, Addresses.parse("2001:db8::3"), 64, null, 0, null, null,
                        Rtnetlink.IFA_F_NODAD, -1));
            }
        });
        String out = ns.ipOutput("-6", "addr", "show", "dev", "eth0");
        // nodad: usable at once, never "tentative" (the link-local address next to it is)
        assertThat(out.lines()).anySatisfy(l -> assertThat(l.strip()).isEqualTo("inet6 2001:db8::3/64 scope global nodad"));
    }

    @Test
    void aMacvlanWithTheVrrpMacIsCreatedAndDeleted() throws Exception {
        int parent = ns.call(() -> Libc.ifNameToIndex("eth0"));
        byte[] vmac = {0x00, 0x00, 0x5e, 0x00, 0x01, 0x33};
        ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                rt.createMacvlan("vrrp.51", parent, vmac, Rtnetlink.MACVLAN_MODE_PRIVATE);
                return null;
            }
        });
        String out = ns.ipOutput("-d", "link", "show", "vrrp.51");
        assertThat(out).contains("vrrp.51@eth0").contains("link/ether 00:00:5e:00:01:33").contains("macvlan mode private");
        int index = ns.call(() -> Libc.ifNameToIndex("vrrp.51"));
        ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                rt.setUp(index, true);
                return null;
            }
        });
        assertThat(ns.ipOutput("link", "show", "vrrp.51")).contains("UP");
        ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                rt.deleteLink(index);
                return null;
            }
        });
        assertThat(ns.call(() -> Libc.ifNameToIndex("vrrp.51"))).isZero();
    }

    @Test
    void aFailureNamesTheRequestAndTheReason() throws Exception {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(LinuxException.class, () -> ns.call(() -> {
            try (Rtnetlink rt = new Rtnetlink()) {
                rt.setUp(9999, true);
                return null;
            }
        }));
        assertThat(e).hasMessage("set link 9999 up: No such device (errno 19)");
    }
}
