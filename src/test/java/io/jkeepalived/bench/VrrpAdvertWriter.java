package io.jkeepalived.bench;

import io.jkeepalived.vrrp.Action;
import io.jkeepalived.vrrp.Engine;
import io.jkeepalived.vrrp.Instance;
import io.jkeepalived.vrrp.InstanceConfig;
import java.nio.ByteBuffer;

/**
 * A sink doing what the daemon's edge will do with {@link Action.SendAdvert}: encode the advert
 * once per destination (the multicast group, or each unicast peer) into one buffer that is
 * reused, as the datagram handed to the socket. Every other action is only counted. Allocates
 * nothing.
 */
public final class VrrpAdvertWriter implements Engine.Sink {

    private final ByteBuffer buffer = ByteBuffer.allocate(2048);
    private long adverts;
    private long datagrams;
    private long bytes;
    private long others;
    private int lastLength;

    @Override
    public void accept(Action action) {
        if (action instanceof Action.SendAdvert send) {
            adverts++;
            Instance from = send.instance();
            InstanceConfig c = from.config();
            if (c.unicast()) {
                for (int k = 0; k < c.peers().size(); k++) {
                    write(from, send.priority(), c.peers().get(k).address());
                }
            } else {
                write(from, send.priority(), c.multicastGroup());
            }
        } else {
            others++;
        }
    }

    private void write(Instance from, int priority, byte[] destination) {
        lastLength = from.writeAdvert(buffer, 0, priority, destination);
        bytes += lastLength;
        datagrams++;
    }

    /** The buffer the last datagram was written to (its first {@link #lastLength()} bytes). */
    public ByteBuffer buffer() {
        return buffer;
    }

    public int lastLength() {
        return lastLength;
    }

    /** SendAdvert actions seen. */
    public long adverts() {
        return adverts;
    }

    /** Datagrams encoded (one per SendAdvert and destination). */
    public long datagrams() {
        return datagrams;
    }

    public long bytes() {
        return bytes;
    }

    /** Actions other than SendAdvert. */
    public long others() {
        return others;
    }
}
