package io.jkeepalived.vrrp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test plumbing for one engine: records its actions, and turns another instance's adverts into
 * received packets, through the real encoder and the real receive path.
 */
final class Wire {

    final List<Action> actions = new ArrayList<>();
    final Engine engine;

    Wire(List<InstanceConfig> configs) {
        this(configs, List.of(), Engine.Options.DEFAULT);
    }

    Wire(List<InstanceConfig> configs, List<Engine.GroupSpec> groups, Engine.Options options) {
        this.engine = new Engine(configs, groups, options, actions::add);
    }

    Instance instance(String name) {
        return engine.instance(name);
    }

    /** The actions since the last call, cleared. */
    List<Action> take() {
        List<Action> copy = List.copyOf(actions);
        actions.clear();
        return copy;
    }

    /** Encodes an advert of {@code from} with {@code priority} to {@code destination} and returns the packet as received. */
    static ReceivedPacket packet(Instance from, int priority, byte[] destination, int ttl) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        int n = from.writeAdvert(buf, 0, priority, destination);
        ReceivedPacket p = new ReceivedPacket();
        if (from.config().ipv6()) {
            p.ipv6(from.config().socketKey(), buf, 0, n, from.localAddress(), destination, ttl);
        } else {
            buf.put(8, (byte) ttl);
            p.ipv4(from.config().socketKey(), buf, 0, n);
        }
        return p;
    }

    /** The bytes of an advert of {@code from} (IPv4: whole datagram), in a buffer whose limit is the length. */
    static ByteBuffer bytes(Instance from, int priority) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        int n = from.writeAdvert(buf, 0, priority, destination(from));
        buf.limit(n);
        return buf;
    }

    static byte[] destination(Instance from) {
        return from.config().unicast() ? from.config().peers().getFirst().address() : from.config().multicastGroup();
    }

    /** Receives raw bytes as the socket of {@code like} would hand them over (IPv6: payload from {@code src}). */
    void receiveBytes(Instance like, ByteBuffer buf, byte[] src, byte[] dst, int hopLimit, long now) {
        ReceivedPacket p = new ReceivedPacket();
        boolean parsed = like.config().ipv6()
                ? p.ipv6(like.config().socketKey(), buf, 0, buf.limit(), src, dst, hopLimit)
                : p.ipv4(like.config().socketKey(), buf, 0, buf.limit());
        engine.receive(p, parsed, now);
    }

    /** Delivers an advert of {@code from} (to its multicast group or first peer) to this engine. */
    void deliver(Instance from, int priority, long now) {
        byte[] dst = from.config().unicast() ? from.config().peers().getFirst().address() : from.config().multicastGroup();
        ReceivedPacket p = packet(from, priority, dst, from.config().unicast() ? from.config().unicastTtl() : 255);
        engine.receive(p, true, now);
    }

    /** Runs the timers until {@code until}, firing each deadline at its exact time; returns the time reached. */
    long runUntil(long now, long until) {
        long t = now;
        while (engine.hasDeadline() && engine.nextDeadline(t) - until <= 0) {
            t = Math.max(t, engine.nextDeadline(t));
            engine.onTimer(t);
        }
        return until;
    }
}
