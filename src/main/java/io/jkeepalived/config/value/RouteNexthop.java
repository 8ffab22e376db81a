package io.jkeepalived.config.value;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One path of a multipath route: {@code nexthop [via ADDR] [dev IF] [weight 1..256] [onlink]
 * [realms R] [encap ...]}, or one of the two gateways of the deprecated {@code via A or B}.
 *
 * @param via    the gateway, or null
 * @param dev    the interface, or null
 * @param weight 1..256, or null (the kernel's 1)
 * @param realms (from << 16 | to), or null
 * @param encap  an encapsulation, or null
 */
public record RouteNexthop(InetAddress via, String dev, Integer weight, boolean onlink, Long realms, RouteEncap encap) {

    public static final RouteNexthop EMPTY = new RouteNexthop(null, null, null, false, null, null);

    public static RouteNexthop via(InetAddress gateway) {
        return new RouteNexthop(gateway, null, null, false, null, null);
    }

    RouteNexthop withDev(String newDev) {
        return new RouteNexthop(via, newDev, weight, onlink, realms, encap);
    }

    /** The words after "nexthop". */
    List<String> words() {
        List<String> out = new ArrayList<>();
        if (via != null) {
            out.addAll(List.of("via", Types.formatAddress(via)));
        }
        if (dev != null) {
            out.addAll(List.of("dev", Types.quote1(dev)));
        }
        if (weight != null) {
            out.addAll(List.of("weight", weight.toString()));
        }
        if (onlink) {
            out.add("onlink");
        }
        if (realms != null) {
            out.addAll(List.of("realms", RouteSpec.realmsWord(realms)));
        }
        if (encap != null) {
            out.add("encap");
            out.addAll(encap.words());
        }
        return out;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (via != null) {
            m.put("via", Types.formatAddress(via));
        }
        if (dev != null) {
            m.put("dev", dev);
        }
        if (weight != null) {
            m.put("weight", weight);
        }
        if (onlink) {
            m.put("onlink", true);
        }
        if (realms != null) {
            m.put("realms", RouteSpec.realmsWord(realms));
        }
        if (encap != null) {
            m.put("encap", encap.json());
        }
        return m;
    }
}
