package io.jkeepalived.vrrp;

/**
 * Why a received packet was not used, in the order keepalived checks (vrrp_check_packet). Each
 * is counted per instance ({@link InstanceStats}); the ones found before the packet could be
 * matched to an instance ({@link #TOO_SHORT}, {@link #UNKNOWN_VRID}) are counted by the engine.
 */
public enum DropReason {
    /** Shorter than an IP header plus a VRRP header: cannot even read the VRID. */
    TOO_SHORT("packet too short"),
    /** No instance on this interface and family has the VRID. */
    UNKNOWN_VRID("unknown VRID"),
    /** The instance is in FAULT or not started: it does not listen. */
    NOT_LISTENING("instance not listening (FAULT or INIT)"),
    /** A multicast advert on a unicast instance, or the reverse. */
    WRONG_CAST("multicast/unicast mismatch"),
    /** An AH header where none is configured, or none where AH is. */
    AH_MISMATCH("AH header presence does not match auth_type"),
    /** The packet's length does not match its address count (or the IP total length). */
    BAD_LENGTH("bad length"),
    /** A multicast advert whose TTL / hop limit is not 255, or a unicast one outside min_ttl..max_ttl. */
    BAD_TTL("bad TTL/hop limit"),
    BAD_VERSION("wrong VRRP version"),
    /** A VRRPv2 auth type that is none of 0 (none), 1 (PASS), 2 (AH). */
    INVALID_AUTH_TYPE("invalid auth type"),
    AUTH_TYPE_MISMATCH("auth type mismatch"),
    /** Wrong password, or a wrong AH digest. */
    AUTH_FAILURE("authentication failure"),
    /** An AH header for another protocol. */
    AH_OTHER_PROTOCOL("AH for another protocol"),
    /** VRRPv2: the advert interval differs from ours (RFC 3768 section 7.1: MUST be dropped). */
    INTERVAL_MISMATCH("advert interval mismatch"),
    /** Not an advertisement (type 1). */
    BAD_TYPE("not an advertisement"),
    BAD_CHECKSUM("bad checksum"),
    /**
     * VRRPv2 only: the address list differs from ours and the sender is not the address owner
     * (RFC 3768 section 7.1). VRRPv3 logs the difference and accepts the advert.
     */
    ADDRESS_LIST("address list mismatch"),
    /** unicast: the source is not one of the unicast_peers (check_unicast_src). */
    NOT_A_PEER("source is not a unicast peer");

    private final String text;

    DropReason(String text) {
        this.text = text;
    }

    /** For logs: "bad checksum". */
    public String text() {
        return text;
    }
}
