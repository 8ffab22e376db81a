package io.jkeepalived.daemon;

import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.linux.LinuxException;
import io.jkeepalived.linux.Rtnetlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's use_vmac: a private-mode macvlan on the instance's interface with the VRRP
 * virtual MAC (00:00:5e:00:01:VRID, 00:00:5e:00:02:VRID for IPv6, RFC 5798 7.3), named
 * vrrp.VRID unless named in the configuration, and the sysctls keepalived sets
 * (vrrp_if_config.c): on the VMAC arp_ignore=1, accept_local=1, rp_filter=0,
 * promote_secondaries=1; on the parent arp_ignore=1 and arp_filter=1, restored when we leave.
 * An IPv4 VMAC has IPv6 disabled; an IPv6 one gets no generated link-local address but the
 * parent's (or the configured source).
 */
final class Vmacs {

    private static final Logger LOG = LoggerFactory.getLogger("Keepalived_vrrp");

    private final Map<String, Integer> created = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> savedParent = new HashMap<>();

    /** The VMAC's name for an instance (keepalived's create_vmac_name, first choice). */
    static String name(VrrpInstance model, boolean ipv6, java.util.Set<String> taken) {
        String configured = model.useVmac().map(v -> v.ifname()).orElse(null);
        if (configured != null) {
            return configured;
        }
        int vrid = model.virtualRouterId();
        String name = "vrrp." + vrid;
        if (taken.contains(name)) {
            name = (ipv6 ? "vrrp6." : "vrrp1.") + vrid;
        }
        return name;
    }

    /** The VRRP virtual MAC, or the one configured. */
    static byte[] mac(VrrpInstance model, boolean ipv6) {
        String configured = model.useVmac().map(v -> v.mac()).orElse(null);
        if (configured != null) {
            String[] parts = configured.split(":");
            byte[] mac = new byte[6];
            for (int i = 0; i < 6; i++) {
                mac[i] = (byte) Integer.parseInt(parts[i], 16);
            }
            return mac;
        }
        return new byte[] {0, 0, 0x5e, 0, (byte) (ipv6 ? 2 : 1), (byte) model.virtualRouterId()};
    }

    /** Creates (or reuses, if already right) the VMAC on {@code parent}; returns its index. */
    int ensure(Rtnetlink rt, Interfaces interfaces, String name, Rtnetlink.Link parent, byte[] mac, boolean ipv6,
            byte[] linkLocal) throws LinuxException {
        Rtnetlink.Link existing = interfaces.byName(name);
        if (existing != null && (!existing.kind().equals("macvlan") || existing.parent() != parent.index()
                || !java.util.Arrays.equals(existing.mac(), mac))) {
            if (!existing.kind().equals("macvlan")) {
                throw new LinuxException("VMAC " + name + " conflicts with an existing interface", io.jkeepalived.linux.Libc.EEXIST);
            }
            LOG.info("Removing old VMAC interface {} due to conflicting interface", name);
            rt.deleteLink(existing.index());
            existing = null;
        }
        if (existing == null) {
            rt.createMacvlan(name, parent.index(), mac, Rtnetlink.MACVLAN_MODE_PRIVATE);
            interfaces.load(rt);
        }
        Rtnetlink.Link vmac = interfaces.byName(name);
        if (vmac == null) {
            throw new LinuxException("create VMAC " + name, io.jkeepalived.linux.Libc.ENODEV);
        }
        created.put(name, vmac.index());
        if (!ipv6) {
            sysctl("ipv4", name, "arp_ignore", "1");
            sysctl("ipv4", name, "accept_local", "1");
            sysctl("ipv4", name, "rp_filter", "0");
            sysctl("ipv4", name, "promote_secondaries", "1");
            saveAndSet(parent.name(), "arp_ignore", "1");
            saveAndSet(parent.name(), "arp_filter", "1");
            sysctl("ipv6", name, "disable_ipv6", "1");
        } else {
            rt.setAddrGenModeNone(vmac.index());
        }
        rt.setUp(vmac.index(), true);
        if (ipv6 && linkLocal != null) {
            rt.addAddress(new Rtnetlink.AddressRequest(vmac.index(), linkLocal, 64, null, 0, null, null, Rtnetlink.IFA_F_NODAD, -1));
        }
        interfaces.load(rt);
        return vmac.index();
    }

    private void saveAndSet(String parent, String key, String value) {
        Map<String, String> saved = savedParent.computeIfAbsent(parent, k -> new HashMap<>());
        if (!saved.containsKey(key)) {
            try {
                saved.put(key, Files.readString(path("ipv4", parent, key)).strip());
            } catch (IOException e) {
                return;
            }
        }
        sysctl("ipv4", parent, key, value);
    }

    private static Path path(String family, String ifname, String key) {
        return Path.of("/proc/sys/net", family, "conf", ifname, key);
    }

    private static void sysctl(String family, String ifname, String key, String value) {
        try {
            Files.writeString(path(family, ifname, key), value);
        } catch (IOException e) {
            LOG.warn("cannot set net.{}.conf.{}.{} = {}: {}", family, ifname, key, value, e.getMessage());
        }
    }

    /** Removes the VMACs we made and restores the parents' sysctls (keepalived does this at exit). */
    void removeAll(Rtnetlink rt) {
        for (Map.Entry<String, Integer> e : created.entrySet()) {
            try {
                rt.deleteLink(e.getValue());
            } catch (LinuxException ex) {
                LOG.warn("cannot remove VMAC {}: {}", e.getKey(), ex.getMessage());
            }
        }
        created.clear();
        for (Map.Entry<String, Map<String, String>> p : savedParent.entrySet()) {
            for (Map.Entry<String, String> kv : p.getValue().entrySet()) {
                sysctl("ipv4", p.getKey(), kv.getKey(), kv.getValue());
            }
        }
        savedParent.clear();
    }
}
