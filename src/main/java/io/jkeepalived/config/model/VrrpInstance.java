package io.jkeepalived.config.model;

import static io.jkeepalived.config.schema.VrrpKeywords.*;

import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.value.IpAddressSpec;
import io.jkeepalived.config.value.Script;
import io.jkeepalived.config.value.TrackRef;
import io.jkeepalived.config.value.UnicastPeer;
import io.jkeepalived.config.value.VrrpValues;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated vrrp_instance, with keepalived's effective values: everything that depends on
 * global_defs or on other keywords has been resolved by validation, so these accessors never
 * fall back to anything.
 */
public record VrrpInstance(Block block) {

    /** RFC 5798 section 5.2.4: the address owner. */
    public static final int PRIORITY_OWNER = 255;

    public String name() {
        return block.head();
    }

    public SourcePos pos() {
        return block.pos();
    }

    public VrrpValues.State initialState() {
        return block.get(STATE);
    }

    /** The interface, or empty for a unicast instance without one. */
    public Optional<String> interfaceName() {
        return Optional.ofNullable(block.get(INTERFACE));
    }

    public int virtualRouterId() {
        return block.get(VIRTUAL_ROUTER_ID);
    }

    public int priority() {
        return block.get(PRIORITY);
    }

    public boolean isAddressOwner() {
        return priority() == PRIORITY_OWNER;
    }

    public int version() {
        return block.get(VERSION);
    }

    public boolean isIpv6() {
        List<IpAddressSpec> vips = virtualIpAddresses();
        if (!vips.isEmpty()) {
            return vips.getFirst().isIpv6();
        }
        return sourceAddress().map(a -> a instanceof Inet6Address).orElse(block.isSet(NATIVE_IPV6));
    }

    public Duration advertInterval() {
        return block.get(ADVERT_INT);
    }

    public boolean preempt() {
        return !block.isSet(NOPREEMPT);
    }

    public Duration preemptDelay() {
        return block.get(PREEMPT_DELAY);
    }

    public boolean accept() {
        return block.isSet(ACCEPT);
    }

    public boolean strict() {
        return block.get(STRICT_MODE);
    }

    public List<IpAddressSpec> virtualIpAddresses() {
        return block.list(VIRTUAL_IPADDRESS);
    }

    public List<IpAddressSpec> excludedAddresses() {
        return block.list(VIRTUAL_IPADDRESS_EXCLUDED);
    }

    public List<io.jkeepalived.config.value.RouteSpec> virtualRoutes() {
        return block.list(VIRTUAL_ROUTES);
    }

    public List<io.jkeepalived.config.value.RuleSpec> virtualRules() {
        return block.list(VIRTUAL_RULES);
    }

    public Optional<InetAddress> sourceAddress() {
        return Optional.ofNullable(block.get(SOURCE_IP));
    }

    /** The multicast group adverts go to (empty for unicast). */
    public Optional<InetAddress> multicastGroup() {
        return unicastPeers().isEmpty() ? Optional.ofNullable(block.get(MCAST_DST_IP)) : Optional.empty();
    }

    public List<UnicastPeer> unicastPeers() {
        return block.list(UNICAST_PEER);
    }

    public Optional<Integer> unicastTtl() {
        return Optional.ofNullable(block.get(UNICAST_TTL));
    }

    public boolean checkUnicastSource() {
        return block.isSet(CHECK_UNICAST_SRC);
    }

    /** The VRRPv2 authentication: type and the (at most 8 byte) password. */
    public record Authentication(VrrpValues.AuthType type, String password) {
    }

    public Optional<Authentication> authentication() {
        List<Block> auth = block.blocks(AUTHENTICATION_BLOCK);
        return auth.isEmpty() ? Optional.empty()
                : Optional.of(new Authentication(auth.getFirst().get(AUTH_TYPE), auth.getFirst().get(AUTH_PASS)));
    }

    /** use_vmac: the macvlan's name and MAC if given (null for keepalived's defaults), or empty without VMAC. */
    public Optional<VrrpValues.UseVmac> useVmac() {
        return Optional.ofNullable(block.get(USE_VMAC));
    }

    /** vmac_xmit_base: adverts go out of the underlying interface, not the VMAC. */
    public boolean vmacXmitBase() {
        return Boolean.TRUE.equals(block.get(VMAC_XMIT_BASE));
    }

    /** VRRPv3 over IPv4: checksum without the pseudo-header (keepalived 2.2.8's v3_checksum_as_v2). */
    public boolean v3ChecksumAsV2() {
        return Boolean.TRUE.equals(block.get(V3_CHECKSUM_AS_V2));
    }

    /** keepalived's old_unicast_checksum: empty for its default (switch when a peer uses the old one). */
    public Optional<VrrpValues.OldChecksum> oldUnicastChecksum() {
        return Optional.ofNullable(block.get(OLD_UNICAST_CHECKSUM));
    }

    public int downTimerAdverts() {
        return block.get(DOWN_TIMER_ADVERTS);
    }

    public boolean lowerPrioNoAdvert() {
        return block.get(LOWER_PRIO_NO_ADVERT);
    }

    public boolean higherPrioSendAdvert() {
        return block.get(HIGHER_PRIO_SEND_ADVERT);
    }

    public boolean skipCheckAdvertAddresses() {
        return block.get(SKIP_CHECK_ADV_ADDR);
    }

    /** Seconds before the second batch of gratuitous ARPs after becoming master (0: none). */
    public int garpMasterDelay() {
        return block.get(GARP_MASTER_DELAY);
    }

    public long garpMasterRepeat() {
        return block.get(GARP_MASTER_REPEAT);
    }

    public int garpLowerPrioDelay() {
        return block.get(GARP_LOWER_PRIO_DELAY);
    }

    public int garpLowerPrioRepeat() {
        return block.get(GARP_LOWER_PRIO_REPEAT);
    }

    public long garpMasterRefresh() {
        return block.get(GARP_MASTER_REFRESH);
    }

    public long garpMasterRefreshRepeat() {
        return block.get(GARP_MASTER_REFRESH_REPEAT);
    }

    public boolean dontTrackPrimary() {
        return block.isSet(DONT_TRACK_PRIMARY);
    }

    public List<TrackRef> trackInterfaces() {
        return block.list(TRACK_INTERFACE);
    }

    public List<TrackRef> trackScripts() {
        return block.list(TRACK_SCRIPT);
    }

    public List<TrackRef> trackFiles() {
        return block.list(TRACK_FILE);
    }

    public List<TrackRef> trackProcesses() {
        return block.list(TRACK_PROCESS);
    }

    public Optional<Script> notifyMaster() {
        return Optional.ofNullable(block.get(NOTIFY_MASTER));
    }

    public Optional<Script> notifyBackup() {
        return Optional.ofNullable(block.get(NOTIFY_BACKUP));
    }

    public Optional<Script> notifyFault() {
        return Optional.ofNullable(block.get(NOTIFY_FAULT));
    }

    public Optional<Script> notifyStop() {
        return Optional.ofNullable(block.get(NOTIFY_STOP));
    }

    public Optional<Script> notifyScript() {
        return Optional.ofNullable(block.get(NOTIFY));
    }

    public boolean smtpAlert() {
        return block.get(SMTP_ALERT);
    }
}
