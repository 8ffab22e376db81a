package io.jkeepalived.vrrp;

import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.SyncGroup;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.config.schema.GlobalKeywords;
import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.config.value.UnicastPeer;
import io.jkeepalived.config.value.VrrpValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * From a validated configuration to what the engine runs. Validation has already resolved
 * every default (from global_defs, from vrrp_strict, from the other keywords), so this is a
 * plain translation.
 */
public final class InstanceConfigs {

    private InstanceConfigs() {
    }

    public static List<InstanceConfig> from(KeepalivedConfig config) {
        List<InstanceConfig> out = new ArrayList<>();
        for (VrrpInstance i : config.vrrpInstances()) {
            out.add(from(i));
        }
        return out;
    }

    public static List<Engine.GroupSpec> groups(KeepalivedConfig config) {
        List<Engine.GroupSpec> out = new ArrayList<>();
        for (SyncGroup g : config.syncGroups()) {
            out.add(new Engine.GroupSpec(g.name(), g.members()));
        }
        return out;
    }

    public static Engine.Options options(KeepalivedConfig config) {
        var global = config.globalDefs();
        Duration delay = global.get(GlobalKeywords.VRRP_STARTUP_DELAY);
        return new Engine.Options(delay == null ? 0 : delay.toNanos(),
                global.get(GlobalKeywords.VRRP_MCAST_GROUP4).getAddress());
    }

    public static InstanceConfig from(VrrpInstance i) {
        boolean ipv6 = i.isIpv6();
        List<byte[]> addresses = new ArrayList<>();
        for (IpAddressSpec a : i.virtualIpAddresses()) {
            addresses.add(a.address().getAddress());
        }
        List<InstanceConfig.Peer> peers = new ArrayList<>();
        for (UnicastPeer p : i.unicastPeers()) {
            peers.add(new InstanceConfig.Peer(p.address().getAddress(), p.minTtl() == null ? 0 : p.minTtl(),
                    p.maxTtl() == null ? 255 : p.maxTtl()));
        }
        int authType = Advert.AUTH_NONE;
        byte[] authData = new byte[0];
        var auth = i.authentication();
        if (auth.isPresent() && i.version() == 2) {
            authType = auth.get().type() == VrrpValues.AuthType.AH ? Advert.AUTH_AH : Advert.AUTH_PASS;
            authData = auth.get().password().getBytes(StandardCharsets.ISO_8859_1);
        }
        InstanceConfig.OldUnicastChecksum old = i.oldUnicastChecksum()
                .map(o -> o == VrrpValues.OldChecksum.NEVER ? InstanceConfig.OldUnicastChecksum.NEVER
                        : InstanceConfig.OldUnicastChecksum.ALWAYS)
                .orElse(InstanceConfig.OldUnicastChecksum.AUTO);
        return new InstanceConfig(
                i.name(),
                i.interfaceName().orElse(""),
                i.virtualRouterId(),
                i.version(),
                ipv6,
                i.advertInterval().toNanos(),
                i.priority(),
                i.initialState() == VrrpValues.State.MASTER,
                i.preempt(),
                i.preemptDelay() == null ? 0 : i.preemptDelay().toNanos(),
                addresses,
                authType,
                authData,
                i.multicastGroup().map(java.net.InetAddress::getAddress).orElse(null),
                peers,
                i.checkUnicastSource(),
                i.sourceAddress().map(java.net.InetAddress::getAddress).orElse(null),
                i.downTimerAdverts(),
                i.lowerPrioNoAdvert(),
                i.higherPrioSendAdvert(),
                i.skipCheckAdvertAddresses(),
                seconds(i.garpMasterDelay()),
                (int) Math.min(i.garpMasterRepeat(), Integer.MAX_VALUE),
                seconds(i.garpLowerPrioDelay()),
                i.garpLowerPrioRepeat(),
                seconds(i.garpMasterRefresh()),
                (int) Math.min(i.garpMasterRefreshRepeat(), Integer.MAX_VALUE),
                i.unicastTtl().orElse(255),
                old,
                i.v3ChecksumAsV2());
    }

    private static long seconds(long s) {
        return s * 1_000_000_000L;
    }
}
