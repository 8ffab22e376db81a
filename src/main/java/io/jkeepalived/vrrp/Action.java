package io.jkeepalived.vrrp;

/**
 * What the engine asks the outside world to do, in the order it must be done. The engine never
 * does I/O itself (DESIGN.md principle 1): the daemon turns these into packets, netlink requests,
 * notify scripts and log lines; the simulator turns them into deliveries on a virtual LAN.
 *
 * <p>Per-advert actions ({@link SendAdvert}) are created once per instance and priority and
 * reused, so the steady state allocates nothing.
 */
public sealed interface Action {

    /** The instance the action is about (null only for drops before any instance was found). */
    Instance instance();

    /**
     * Send one advertisement with this priority (0: "I am stopping"), to the multicast group or
     * to every unicast peer. {@link Instance#writeAdvert} builds the bytes.
     */
    record SendAdvert(Instance instance, int priority) implements Action {
    }

    /** Add the virtual addresses (and virtual routes and rules) of the instance. */
    record AddAddresses(Instance instance) implements Action {
    }

    /** Remove the virtual addresses (and virtual routes and rules) of the instance. */
    record RemoveAddresses(Instance instance) implements Action {
    }

    /**
     * Announce the virtual addresses: gratuitous ARP (IPv4) or unsolicited neighbour
     * advertisements (IPv6), {@code repeat} times for each address.
     */
    record Announce(Instance instance, int repeat) implements Action {
    }

    /** The instance changed state: log it, run notify scripts, write the notify FIFO. */
    record StateChanged(Instance instance, VrrpState from, VrrpState to) implements Action {
    }

    /** A sync group changed state. */
    record GroupStateChanged(Instance instance, SyncGroup group, VrrpState from, VrrpState to) implements Action {
    }

    /** The effective priority changed (keepalived's notify_priority_changes). */
    record PriorityChanged(Instance instance, int from, int to) implements Action {
    }

    /** A master received a lower priority advert (keepalived's notify_master_rx_lower_pri). */
    record MasterReceivedLowerPriority(Instance instance, int priority) implements Action {
    }

    /** A received packet was not used; counted in {@link InstanceStats} (or the engine's counters). */
    record Dropped(Instance instance, DropReason reason, String detail) implements Action {
    }

    /** Something an operator should know that is not a drop (an address list accepted despite a mismatch, ...). */
    record Notice(Instance instance, String message) implements Action {
    }
}
