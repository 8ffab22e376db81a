package io.jkeepalived.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A simulated L2 segment (a bridge, a VLAN): the router interfaces attached to it. Multicast
 * adverts reach every other interface on the segment; a unicast advert reaches the interface
 * that has the destination address.
 */
public final class Segment {

    /** A router's interface on a segment, with its primary IPv4 and IPv6 (link-local) addresses. */
    public record Port(Router router, String ifname, Segment segment, byte[] ipv4, byte[] ipv6) {
        byte[] address(boolean v6) {
            return v6 ? ipv6 : ipv4;
        }

        @Override
        public String toString() {
            return router.name() + ":" + ifname;
        }
    }

    private final String name;
    private final List<Port> ports = new ArrayList<>();

    Segment(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<Port> ports() {
        return Collections.unmodifiableList(ports);
    }

    void attach(Port p) {
        ports.add(p);
    }

    /** The interface with this address, or null. */
    Port portWithAddress(byte[] address) {
        for (Port p : ports) {
            if (Arrays.equals(p.address(address.length == 16), address)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
