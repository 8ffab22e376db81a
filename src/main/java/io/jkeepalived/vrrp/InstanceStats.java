package io.jkeepalived.vrrp;

/**
 * Counters of one instance, as keepalived keeps them (its vrrp_stats: advert_rcvd, become_master,
 * release_master, pri_zero_rcvd, ...) plus one per {@link DropReason}. Written only by the
 * engine's thread; readers on other threads see values that may be a moment old.
 */
public final class InstanceStats {

    private final long[] drops = new long[DropReason.values().length];
    long advertsReceived;
    long advertsSent;
    long becameMaster;
    long releasedMaster;
    long priorityZeroReceived;
    long priorityZeroSent;
    /** VRRPv3 adverts accepted although their address list differs from ours. */
    long addressListWarnings;

    void drop(DropReason reason) {
        drops[reason.ordinal()]++;
    }

    public long drops(DropReason reason) {
        return drops[reason.ordinal()];
    }

    /** All drops, whatever the reason. */
    public long drops() {
        long sum = 0;
        for (long d : drops) {
            sum += d;
        }
        return sum;
    }

    public long advertsReceived() {
        return advertsReceived;
    }

    public long advertsSent() {
        return advertsSent;
    }

    public long becameMaster() {
        return becameMaster;
    }

    public long releasedMaster() {
        return releasedMaster;
    }

    public long priorityZeroReceived() {
        return priorityZeroReceived;
    }

    public long priorityZeroSent() {
        return priorityZeroSent;
    }

    public long addressListWarnings() {
        return addressListWarnings;
    }
}
