package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.vrrp.AdvertEncodeGoldenTest.Pcap;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IPsec AH (HMAC-MD5-96) against keepalived 2.2.7's own adverts: ahmcast.pcap (multicast,
 * auth_pass "secret12") and ahunicast.pcap (unicast to 10.9.0.2, auth_pass "ah"), both captured
 * from a keepalived master with capture-ah.sh (src/test/resources/vrrp/captures/README.md).
 * Each holds five adverts with sequence numbers 1 to 5 and the priority 0 one (6) sent on stop.
 */
class IpsecAhTest {

    static final int IP = 20;
    static final int AH = IP;
    static final int SPI = AH + IpsecAh.SPI;
    static final int SEQ = AH + IpsecAh.SEQUENCE;
    static final int ICV = AH + IpsecAh.ICV;
    static final int VRRP = AH + ReceivedPacket.AH_LENGTH;

    /** A capture, the password its keepalived.conf has, and whether the instance is unicast. */
    record Capture(String name, String password, boolean unicast) {

        static Capture of(String name) {
            return switch (name) {
                case "ahmcast" -> new Capture(name, "secret12", false);
                case "ahunicast", "ahunicast2" -> new Capture(name, "ah", true);
                default -> throw new IllegalArgumentException(name);
            };
        }

        List<byte[]> datagrams() {
            return Pcap.datagrams(name + ".pcap");
        }

        IpsecAh ah() {
            return new IpsecAh(password.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    static ReceivedPacket received(byte[] datagram) {
        ReceivedPacket p = new ReceivedPacket();
        assertThat(p.ipv4("eth0", ByteBuffer.wrap(datagram.clone()), 0, datagram.length)).isTrue();
        assertThat(p.hasAh()).isTrue();
        return p;
    }

    static long sequenceOf(byte[] datagram) {
        return ByteBuffer.wrap(datagram).getInt(SEQ) & 0xffff_ffffL;
    }

    // ---- keepalived's adverts verify ----

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void keepalivedsAdvertsAreAcceptedInOrder(String name) {
        Capture c = Capture.of(name);
        IpsecAh ah = c.ah();
        for (byte[] d : c.datagrams()) {
            assertThat(ah.verify(received(d), c.unicast())).as("sequence " + sequenceOf(d)).isEqualTo(IpsecAh.Verdict.OK);
            assertThat(ah.sequence()).as("the anti-replay counter follows the sender").isEqualTo(sequenceOf(d));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void keepalivedNumbersItsAdvertsFromOneAndPutsItsSourceInTheSpi(String name) {
        List<byte[]> datagrams = Capture.of(name).datagrams();
        for (int k = 0; k < datagrams.size(); k++) {
            byte[] d = datagrams.get(k);
            assertThat(sequenceOf(d)).isEqualTo(k + 1);
            assertThat(Arrays.copyOfRange(d, SPI, SPI + 4)).as("SPI").isEqualTo(Arrays.copyOfRange(d, 12, 16));
            assertThat(d[AH + IpsecAh.NEXT_HEADER]).as("next header: VRRP").isEqualTo((byte) Advert.IP_PROTOCOL);
            assertThat(d[AH + IpsecAh.PAYLOAD_LENGTH]).isEqualTo((byte) IpsecAh.PAYLOAD_LENGTH_VALUE);
        }
    }

    // ---- and are rejected when they should be ----

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void anyChangedByteOfTheVrrpMessageIsRejected(String name) {
        Capture c = Capture.of(name);
        byte[] d = c.datagrams().getFirst();
        for (int i = VRRP; i < d.length; i++) {
            byte[] tampered = d.clone();
            tampered[i] ^= 0x01;
            assertThat(c.ah().verify(received(tampered), c.unicast())).as("byte " + i).isEqualTo(IpsecAh.Verdict.BAD_DIGEST);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void aWrongPasswordIsRejected(String name) {
        Capture c = Capture.of(name);
        // only the first 8 characters are the key (keepalived's auth_data): change one of those
        String pw = c.password();
        String other = pw.substring(0, pw.length() - 1) + (pw.charAt(pw.length() - 1) == 'x' ? 'y' : 'x');
        IpsecAh wrong = new IpsecAh(other.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(wrong.verify(received(c.datagrams().getFirst()), c.unicast())).isEqualTo(IpsecAh.Verdict.BAD_DIGEST);
        assertThat(wrong.sequence()).as("a rejected packet does not move the counter").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void aSequenceNumberNotAboveTheLastOneSeenIsRejected(String name) {
        Capture c = Capture.of(name);
        List<byte[]> d = c.datagrams();
        IpsecAh ah = c.ah();
        assertThat(ah.verify(received(d.get(0)), c.unicast())).isEqualTo(IpsecAh.Verdict.OK);
        assertThat(ah.verify(received(d.get(2)), c.unicast())).as("a gap is fine").isEqualTo(IpsecAh.Verdict.OK);
        assertThat(ah.verify(received(d.get(2)), c.unicast())).as("the same again").isEqualTo(IpsecAh.Verdict.REPLAYED);
        assertThat(ah.verify(received(d.get(1)), c.unicast())).as("an older one").isEqualTo(IpsecAh.Verdict.REPLAYED);
        assertThat(ah.sequence()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void anSpiOtherThanTheSourceIsRejectedEvenWithAValidIcv(String name) {
        Capture c = Capture.of(name);
        byte[] d = c.datagrams().getFirst().clone();
        d[SPI + 3] ^= 0x01;
        System.arraycopy(referenceIcv(d, c.password(), c.unicast()), 0, d, ICV, IpsecAh.ICV_LENGTH);
        assertThat(c.ah().verify(received(d), c.unicast())).isEqualTo(IpsecAh.Verdict.BAD_SPI);
    }

    // ---- signing is keepalived's ----

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void signReproducesKeepalivedsAhHeaderBitForBit(String name) {
        Capture c = Capture.of(name);
        IpsecAh ah = c.ah();
        for (byte[] d : c.datagrams()) {
            byte[] blank = d.clone();
            // what keepalived hands the kernel before vrrp_build_ipsecah/vrrp_update_pkt: no AH
            // fields (next header, length, SPI, sequence number, ICV) and no header checksum
            Arrays.fill(blank, AH, VRRP, (byte) 0);
            blank[10] = 0;
            blank[11] = 0;
            ByteBuffer buf = ByteBuffer.wrap(blank);
            ah.sign(buf, 0, blank.length, c.unicast());
            assertThat(Arrays.copyOfRange(blank, AH, VRRP)).as("AH header of sequence " + sequenceOf(d))
                    .isEqualTo(Arrays.copyOfRange(d, AH, VRRP));
        }
    }

    @Test
    void theReferenceIcvIsKeepalivedsOnEveryCapturedPacket() {
        // the independent model the SPI test re-signs with: it must agree with the captures
        for (String name : List.of("ahmcast", "ahunicast", "ahunicast2")) {
            Capture c = Capture.of(name);
            for (byte[] d : c.datagrams()) {
                assertThat(referenceIcv(d, c.password(), c.unicast())).isEqualTo(Arrays.copyOfRange(d, ICV, VRRP));
            }
        }
    }

    // ---- the end of the counter (vrrp_update_pkt, vrrp_state_goto_master) ----

    private static long signOnce(IpsecAh ah, Capture c) {
        byte[] d = c.datagrams().getFirst().clone();
        ah.sign(ByteBuffer.wrap(d), 0, d.length, c.unicast());
        return sequenceOf(d);
    }

    @Test
    void theCounterStopsAt0xfffffffeAndIsThenCycled() {
        Capture c = Capture.of("ahmcast");
        IpsecAh ah = c.ah();
        ah.syncFrom(0xffff_fffbL);
        assertThat(signOnce(ah, c)).isEqualTo(0xffff_fffdL);
        assertThat(signOnce(ah, c)).isEqualTo(0xffff_fffeL);
        assertThat(ah.cycled()).isFalse();
        assertThat(signOnce(ah, c)).as("sent again").isEqualTo(0xffff_fffeL);
        assertThat(ah.cycled()).isTrue();
    }

    @Test
    void aCycledCounterStartsAgainFromZeroOnBecomingMaster() {
        Capture c = Capture.of("ahmcast");
        IpsecAh ah = c.ah();
        ah.syncFrom(0xffff_fffcL);
        signOnce(ah, c);
        ah.gotoMaster();
        assertThat(ah.sequence()).as("not cycled: kept").isEqualTo(0xffff_fffeL);
        signOnce(ah, c);
        ah.gotoMaster();
        assertThat(signOnce(ah, c)).isEqualTo(1);
    }

    @Test
    void anAcceptedAdvertClearsTheCycle() {
        Capture c = Capture.of("ahmcast");
        IpsecAh ah = c.ah();
        ah.syncFrom(0xffff_fffcL);
        signOnce(ah, c);
        signOnce(ah, c);
        assertThat(ah.cycled()).isTrue();
        byte[] d = withSequence(c, 0xffff_ffffL);
        assertThat(ah.verify(received(d), c.unicast())).isEqualTo(IpsecAh.Verdict.OK);
        assertThat(ah.cycled()).isFalse();
        ah.gotoMaster();
        assertThat(ah.sequence()).isEqualTo(0xffff_ffffL);
    }

    /** keepalived's first captured advert renumbered and re-signed with the reference ICV. */
    static byte[] withSequence(Capture c, long sequence) {
        byte[] d = c.datagrams().getFirst().clone();
        ByteBuffer.wrap(d).putInt(SEQ, (int) sequence);
        System.arraycopy(referenceIcv(d, c.password(), c.unicast()), 0, d, ICV, IpsecAh.ICV_LENGTH);
        return d;
    }

    // ---- which header fields the ICV covers (vrrp_in_chk_ipsecah) ----

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void tosFragmentOffsetAndChecksumMayChangeInTransit(String name) {
        Capture c = Capture.of(name);
        byte[] d = c.datagrams().getFirst();
        for (int i : new int[] {1, 6, 7, 10, 11}) {
            byte[] changed = d.clone();
            changed[i] ^= 0x20;
            assertThat(c.ah().verify(received(changed), c.unicast())).as("byte " + i).isEqualTo(IpsecAh.Verdict.OK);
        }
    }

    @Test
    void theTtlIsCoveredForMulticastOnly() {
        Capture m = Capture.of("ahmcast");
        byte[] mcast = m.datagrams().getFirst().clone();
        mcast[8] = 64;
        assertThat(m.ah().verify(received(mcast), false)).isEqualTo(IpsecAh.Verdict.BAD_DIGEST);
        Capture u = Capture.of("ahunicast");
        byte[] unicast = u.datagrams().getFirst().clone();
        unicast[8] = 64;
        assertThat(u.ah().verify(received(unicast), true)).as("a unicast advert may be routed").isEqualTo(IpsecAh.Verdict.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void everyOtherHeaderByteIsCovered(String name) {
        Capture c = Capture.of(name);
        byte[] d = c.datagrams().getFirst();
        // total length, identification, source, destination; the AH header but its ICV.
        // (Version/IHL and protocol are left out: changing them makes it another packet, not an AH one.)
        List<Integer> covered = new ArrayList<>(List.of(2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19));
        for (int i = AH; i < ICV; i++) {
            covered.add(i);
        }
        for (int i : covered) {
            byte[] changed = d.clone();
            changed[i] ^= 0x01;
            assertThat(c.ah().verify(received(changed), c.unicast())).as("byte " + i).isEqualTo(IpsecAh.Verdict.BAD_DIGEST);
        }
    }

    /**
     * keepalived's ICV computed here independently of {@link IpsecAh}: HMAC-MD5 (RFC 2104) keyed
     * with auth_pass zero-padded to 8 bytes, over the IP header with TOS, flags/fragment offset
     * and checksum zeroed (and the TTL for unicast), the AH header with its ICV zeroed, and the
     * VRRP message; truncated to 96 bits (RFC 2403).
     */
    static byte[] referenceIcv(byte[] datagram, String password, boolean unicast) {
        byte[] copy = datagram.clone();
        copy[1] = 0;
        copy[6] = 0;
        copy[7] = 0;
        copy[10] = 0;
        copy[11] = 0;
        if (unicast) {
            copy[8] = 0;
        }
        Arrays.fill(copy, ICV, VRRP, (byte) 0);
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(Arrays.copyOf(password.getBytes(StandardCharsets.ISO_8859_1), 8), "HmacMD5"));
            return Arrays.copyOf(mac.doFinal(copy), IpsecAh.ICV_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the receive path of an engine configured as keepalived's peer ----

    /** An engine running the capture's BACKUP peer (NAME-backup.conf, the one keepalived ran in the interop test). */
    static final class Peer {
        final List<Action> actions = new ArrayList<>();
        final Engine engine;
        final Instance instance;

        Peer(String capture) {
            engine = AdvertEncodeGoldenTest.engineFor(capture + "-backup.conf", actions::add);
            instance = engine.instances().getFirst();
            if (instance.config().sourceAddress() == null) {
                engine.setLocalAddress(instance.name(), new byte[] {10, 9, 0, 2}); // the peer's eth0 in capture-ah.sh
            }
            engine.start(0);
        }

        void receive(byte[] datagram, long now) {
            ReceivedPacket p = new ReceivedPacket();
            boolean parsed = p.ipv4(instance.config().socketKey(), ByteBuffer.wrap(datagram.clone()), 0, datagram.length);
            engine.receive(p, parsed, now);
        }

        List<Action.Dropped> drops() {
            return actions.stream().filter(a -> a instanceof Action.Dropped).map(a -> (Action.Dropped) a).toList();
        }
    }

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void anEngineConfiguredAsKeepalivedsBackupAcceptsItsAdverts(String name) {
        List<byte[]> d = Capture.of(name).datagrams();
        Peer peer = new Peer(name);
        for (int k = 0; k < d.size() - 1; k++) {
            peer.receive(d.get(k), (k + 1) * SECOND);
        }
        assertThat(peer.drops()).isEmpty();
        assertThat(peer.instance.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(peer.instance.masterPriority()).isEqualTo(AdvertEncodeGoldenTest.priorityOf(d.getFirst()));
        assertThat(peer.instance.stats().advertsReceived()).isEqualTo(d.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void anEngineDropsATamperedAdvertAsAnAuthenticationFailure(String name) {
        List<byte[]> d = Capture.of(name).datagrams();
        Peer peer = new Peer(name);
        byte[] tampered = d.getFirst().clone();
        tampered[VRRP + 8] ^= 0x01; // the first virtual address
        peer.receive(tampered, SECOND);
        assertThat(peer.drops()).extracting(Action.Dropped::reason).containsExactly(DropReason.AUTH_FAILURE);
        assertThat(peer.instance.masterPriority()).as("nothing was taken from it").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void anEngineDropsAReplayedAdvertAsAnAuthenticationFailure(String name) {
        List<byte[]> d = Capture.of(name).datagrams();
        Peer peer = new Peer(name);
        peer.receive(d.get(0), SECOND);
        peer.receive(d.get(1), 2 * SECOND);
        peer.receive(d.get(0), 3 * SECOND);
        assertThat(peer.drops()).extracting(Action.Dropped::reason).containsExactly(DropReason.AUTH_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void anEngineWithAnotherPasswordDropsKeepalivedsAdverts(String name) {
        Capture c = Capture.of(name);
        String conf = Pcap.text(name + "-backup.conf").replace("auth_pass " + c.password(), "auth_pass other");
        List<Action> actions = new ArrayList<>();
        Engine engine = new Engine(InstanceConfigs.from(io.jkeepalived.config.ConfigFixture.load(conf).config()), List.of(),
                Engine.Options.DEFAULT, actions::add);
        engine.start(0);
        ReceivedPacket p = new ReceivedPacket();
        byte[] d = c.datagrams().getFirst();
        engine.receive(p, p.ipv4("eth0", ByteBuffer.wrap(d.clone()), 0, d.length), SECOND);
        assertThat(actions).filteredOn(a -> a instanceof Action.Dropped).extracting(a -> ((Action.Dropped) a).reason())
                .containsExactly(DropReason.AUTH_FAILURE);
    }

    /**
     * keepalived keeps one counter for the sequence numbers it sees and sends (vrrp_in_chk_ipsecah,
     * vrrp_update_pkt): in the interop run (README) keepalived as backup saw our adverts 1..7 and,
     * once master, numbered its own from 8. A backup that takes over after the priority 0 advert
     * (sequence 6 here) numbers its first advert 7.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    void aBackupThatTakesOverContinuesFromTheLastSequenceNumberItSaw(String name) {
        List<byte[]> d = Capture.of(name).datagrams();
        Peer peer = new Peer(name);
        for (int k = 0; k < d.size(); k++) {
            peer.receive(d.get(k), (k + 1) * SECOND);
        }
        assertThat(peer.drops()).isEmpty();
        peer.actions.clear();
        runUntilMaster(peer, d.size() * SECOND);
        Action.SendAdvert send = peer.actions.stream().filter(a -> a instanceof Action.SendAdvert)
                .map(a -> (Action.SendAdvert) a).findFirst().orElseThrow();
        InstanceConfig config = peer.instance.config();
        byte[] dst = config.unicast() ? config.peers().getFirst().address() : InstanceConfig.MCAST_GROUP4;
        assertThat(sequenceOf(write(peer.instance, send.priority(), dst))).isEqualTo(sequenceOf(d.getLast()) + 1);
    }

    /**
     * A master whose counter cycled (it reached 0xfffffffe: peers drop its adverts as replays)
     * starts again from 0 the next time it becomes master, here after a fault
     * (vrrp_state_goto_master: "If becoming MASTER in IPSEC AH AUTH, we reset the anti-replay").
     */
    @Test
    void aCycledMasterNumbersFromOneAgainWhenItNextBecomesMaster() {
        Capture c = Capture.of("ahmcast");
        Peer peer = new Peer("ahmcast");
        peer.receive(withSequence(c, 0xffff_fffdL), SECOND);
        assertThat(peer.drops()).isEmpty();
        long t = runUntilMaster(peer, SECOND);
        byte[] group = InstanceConfig.MCAST_GROUP4;
        assertThat(sequenceOf(write(peer.instance, 100, group))).isEqualTo(0xffff_fffeL);
        assertThat(sequenceOf(write(peer.instance, 100, group))).as("cycled").isEqualTo(0xffff_fffeL);
        peer.engine.setFault(peer.instance.name(), "interface eth0", true, t);
        peer.engine.setFault(peer.instance.name(), "interface eth0", false, t + SECOND);
        assertThat(peer.instance.state()).isEqualTo(VrrpState.BACKUP);
        runUntilMaster(peer, t + SECOND);
        assertThat(sequenceOf(write(peer.instance, 100, group))).isEqualTo(1);
    }

    private static long runUntilMaster(Peer peer, long from) {
        long t = from;
        while (peer.instance.state() != VrrpState.MASTER && peer.engine.hasDeadline()) {
            t = peer.engine.nextDeadline(t);
            peer.engine.onTimer(t);
        }
        assertThat(peer.instance.state()).isEqualTo(VrrpState.MASTER);
        return t;
    }

    // ---- the other way: our adverts on the wire to a keepalived backup (opt-in: -Dvrrp.netns=true) ----

    /**
     * keepalived 2.2.7 runs NAME-backup.conf (priority 100) in a network namespace; we run NAME.conf
     * (priority 150 or 255) and our {@link Instance#writeAdvert} datagrams are sent from a peer
     * namespace through a raw IP_HDRINCL socket (python3), as the daemon will send them, every 0.5 s:
     * our adverts 1 to 7 and, among them, one with a changed byte, one signed with another password
     * and a replay of advert 2. keepalived must stay backup while they come (it sends nothing),
     * log exactly the three rejections, and once master number its adverts from 8: its counter was
     * moved by each of our seven adverts, so it verified them all. Needs root, ip, keepalived,
     * tcpdump and python3; the namespaces and every process are removed whatever happens.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ahmcast", "ahunicast"})
    @EnabledIfSystemProperty(named = "vrrp.netns", matches = "true")
    void keepalivedAsBackupAcceptsOurAdvertsAndRejectsTamperedReplayedAndWrongPasswordOnes(String name) throws Exception {
        byte[] ourAddress = {10, 9, 0, 1};
        Instance us = AdvertEncodeGoldenTest.instanceFor(name, ourAddress);
        InstanceConfig config = us.config();
        byte[] dst = config.unicast() ? config.peers().getFirst().address() : InstanceConfig.MCAST_GROUP4;
        List<byte[]> ours = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            ours.add(write(us, config.priority(), dst));
        }
        byte[] tampered = ours.get(2).clone();          // sequence 3, a virtual address changed
        tampered[VRRP + 8] ^= 0x01;
        Capture c = Capture.of(name);
        String otherConf = Pcap.text(name + ".conf").replace("auth_pass " + c.password(), "auth_pass other");
        Engine other = new Engine(InstanceConfigs.from(io.jkeepalived.config.ConfigFixture.load(otherConf).config()), List.of(),
                Engine.Options.DEFAULT, a -> { });
        other.setLocalAddress(other.instances().getFirst().name(), ourAddress);
        byte[] otherPassword = null;
        for (int k = 0; k < 4; k++) {
            otherPassword = write(other.instances().getFirst(), config.priority(), dst); // sequence 4, unseen yet
        }
        byte[] replay = ours.get(1);                     // sequence 2 again
        List<byte[]> sent = List.of(ours.get(0), ours.get(1), tampered, ours.get(2), otherPassword, ours.get(3), replay,
                ours.get(4), ours.get(5), ours.get(6));

        // keepalived's log and what b's eth0 saw stay in target/ah-interop/NAME for inspection
        Path dir = Files.createDirectories(Path.of("target", "ah-interop", name)).toAbsolutePath();
        try (Netns ns = new Netns()) {
            Path capture = dir.resolve("b.pcap");
            Path tcpdumpLog = dir.resolve("tcpdump.log");
            Path log = dir.resolve("keepalived.log");
            ns.start(ns.b, tcpdumpLog, "tcpdump", "-i", "eth0", "-U", "-w", capture.toString(), "ip proto 51");
            awaitLine(tcpdumpLog, "listening on");
            Process keepalived = ns.start(ns.b, log, "keepalived", "-P", "-n", "-l", "-D", "-f", Pcap.path(name + "-backup.conf").toString(),
                    "-p", dir.resolve("k.pid").toString(), "-r", dir.resolve("v.pid").toString(),
                    "-c", dir.resolve("c.pid").toString(), "-b", dir.resolve("b.pid").toString());
            awaitLine(log, "Entering BACKUP STATE");
            List<String> command = new ArrayList<>(List.of("python3", "-c", SENDER, "0.5"));
            for (byte[] d : sent) {
                command.add(HexFormat.of().formatHex(d));
            }
            Process sender = ns.start(ns.a, dir.resolve("sender.log"), command.toArray(String[]::new));
            assertThat(sender.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sender.exitValue()).as(Files.readString(dir.resolve("sender.log"))).isZero();
            awaitLine(log, "Entering MASTER STATE");
            Thread.sleep(1500);                          // its first adverts as master
            keepalived.destroy();
            keepalived.waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            ns.stopAll();

            List<String> lines = Files.readAllLines(log);
            String all = String.join("\n", lines);
            assertThat(lines).as(all).filteredOn(l -> l.contains("IPSEC-AH : invalid IPSEC HMAC-MD5 value")).hasSize(2);
            assertThat(lines).as(all).filteredOn(l -> l.contains("IPSEC-AH : sequence number 2 already processed")).hasSize(1);
            assertThat(lines).as(all).filteredOn(l -> l.contains("IPSEC") || l.contains("SPI")).hasSize(3);
            assertThat(lines).as(all).filteredOn(l -> l.contains("Entering MASTER STATE")).hasSize(1);

            List<byte[]> wire = Pcap.datagrams("b.pcap", Files.readAllBytes(capture));
            List<byte[]> fromUs = wire.stream().filter(d -> Arrays.equals(AdvertEncodeGoldenTest.sourceOf(d), ourAddress)).toList();
            assertThat(fromUs).as("all we sent arrived").hasSize(sent.size());
            int lastOfOurs = wire.indexOf(fromUs.getLast());
            List<byte[]> fromKeepalived = wire.subList(lastOfOurs + 1, wire.size());
            assertThat(wire.subList(0, lastOfOurs)).as("keepalived sent nothing while our adverts came")
                    .allSatisfy(d -> assertThat(AdvertEncodeGoldenTest.sourceOf(d)).isEqualTo(ourAddress));
            assertThat(fromKeepalived).as("keepalived's adverts as master").isNotEmpty();
            assertThat(sequenceOf(fromKeepalived.getFirst())).as("keepalived continues from our last sequence number, 7")
                    .isEqualTo(8);
        }
    }

    private static byte[] write(Instance instance, int priority, byte[] destination) {
        ByteBuffer buf = ByteBuffer.allocate(256);
        int n = instance.writeAdvert(buf, 0, priority, destination);
        return Arrays.copyOf(buf.array(), n);
    }

    /** Sends each hex datagram on eth0 through a raw socket with IP_HDRINCL (IPPROTO_RAW), the kernel filling in the checksum. */
    private static final String SENDER = """
            import socket, sys, time
            s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b'eth0')
            for h in sys.argv[2:]:
                p = bytes.fromhex(h)
                s.sendto(p, (socket.inet_ntoa(p[16:20]), 0))
                time.sleep(float(sys.argv[1]))
            """;

    private static void awaitLine(Path file, String text) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() - until < 0) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in " + file + ":\n" + (Files.exists(file) ? Files.readString(file) : ""));
    }

    /**
     * Two throwaway network namespaces joined by a veth pair, as capture-ah.sh makes them: a has
     * eth0 = 10.9.0.1/24, b has eth0 = 10.9.0.2/24. Closing (or the JVM exiting) stops every
     * process started in them and deletes them.
     */
    static final class Netns implements AutoCloseable {
        private static final AtomicInteger COUNT = new AtomicInteger();
        final String a;
        final String b;
        private final List<Process> processes = new ArrayList<>();
        private final Thread hook = new Thread(this::cleanup);

        Netns() throws Exception {
            String tag = "jkah" + ProcessHandle.current().pid() + "n" + COUNT.incrementAndGet();
            a = tag + "a";
            b = tag + "b";
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                run("ip", "netns", "add", a);
                run("ip", "netns", "add", b);
                run("ip", "link", "add", "eth0", "netns", a, "address", "02:00:00:00:00:01", "type", "veth",
                        "peer", "name", "eth0", "netns", b, "address", "02:00:00:00:00:02");
                run("ip", "-n", a, "addr", "add", "10.9.0.1/24", "dev", "eth0");
                run("ip", "-n", b, "addr", "add", "10.9.0.2/24", "dev", "eth0");
                for (String ns : List.of(a, b)) {
                    run("ip", "-n", ns, "link", "set", "lo", "up");
                    run("ip", "-n", ns, "link", "set", "eth0", "up");
                }
            } catch (Exception | AssertionError e) {
                close();
                throw e;
            }
        }

        /** Starts a command in a namespace ("ip netns exec" execs it: the process is the command), output to a file. */
        synchronized Process start(String ns, Path output, String... command) throws java.io.IOException {
            List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
            argv.addAll(List.of(command));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            processes.add(p);
            return p;
        }

        /** SIGTERM to every process still running (in reverse order), SIGKILL after 5 s. */
        synchronized void stopAll() {
            for (Process p : processes.reversed()) {
                if (p.isAlive()) {
                    p.destroy();
                }
            }
            for (Process p : processes) {
                try {
                    if (!p.waitFor(5, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
        }

        private synchronized void cleanup() {
            stopAll();
            for (String ns : List.of(a, b)) {
                try {
                    new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
                } catch (java.io.IOException e) {
                    // nothing more to do
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            cleanup();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs cleanup again, harmlessly
            }
        }

        private static void run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        }
    }
}
