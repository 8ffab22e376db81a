package io.jkeepalived.vrrp;

/**
 * The states of a VRRP instance (RFC 5798 section 6.4), plus keepalived's FAULT: the instance
 * cannot run (its interface is down, or an unweighted tracker failed) and neither sends nor
 * listens until the fault clears.
 */
public enum VrrpState {
    /** Not started yet. */
    INIT,
    BACKUP,
    MASTER,
    FAULT,
    /** Stopped (a graceful shutdown): keepalived's notify_stop. */
    STOP;

    /** The word keepalived uses in logs, notify scripts and FIFOs. */
    public String word() {
        return name();
    }
}
