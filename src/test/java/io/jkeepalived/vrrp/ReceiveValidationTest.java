package io.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Receive validation, one rule per test, in the order keepalived 2.2.7 applies them
 * (vrrp_check_packet): each bad packet is dropped with its reason, counted in the instance's
 * statistics, and reported as a {@link Action.Dropped} action; a backup that drops an advert
 * does not restart its Master_Down_Timer.
 */
class ReceiveValidationTest {

    static final long SECOND = 1_000_000_000L;
    static final int IP = 20;

    /** A backup (priority 100) listening, and the master (150) whose adverts it gets. */
    static final class Pair {
        final Wire backup;
        final Instance listener;
        final Instance sender;

        Pair(InstanceConfig.Builder listenerConfig, InstanceConfig.Builder senderConfig) {
            backup = new Wire(List.of(listenerConfig.build()));
            backup.engine.start(0);
            listener = backup.instance(listenerConfig.build().name());
            Wire master = new Wire(List.of(senderConfig.build()));
            sender = master.instance(senderConfig.build().name());
            backup.take();
        }

        /** The sender's advert, mutated, received by the listener at 1 s; returns the actions. */
        List<Action> receive(int priority, Consumer<ByteBuffer> mutate) {
            ByteBuffer buf = Wire.bytes(sender, priority);
            mutate.accept(buf);
            byte[] src = sender.localAddress();
            backup.receiveBytes(listener, buf, src, Wire.destination(sender), 255, SECOND);
            return backup.take();
        }

        List<Action> receive(Consumer<ByteBuffer> mutate) {
            return receive(sender.config().priority(), mutate);
        }
    }

    static InstanceConfig.Builder v2(String source, int priority) {
        return InstanceConfig.builder("VI_1", 51).priority(priority).address("10.0.0.3").sourceAddress(source);
    }

    static Pair v2Pair() {
        return new Pair(v2("10.0.0.2", 100), v2("10.0.0.1", 150));
    }

    static void assertDropped(Pair pair, List<Action> actions, DropReason reason) {
        assertThat(actions).singleElement().isInstanceOfSatisfying(Action.Dropped.class, d -> {
            assertThat(d.reason()).isEqualTo(reason);
            assertThat(d.instance()).isSameAs(pair.listener);
        });
        assertThat(pair.listener.stats().drops(reason)).isEqualTo(1);
        assertThat(pair.listener.stats().drops()).isEqualTo(1);
        // a dropped advert does not restart the Master_Down_Timer that started at 0
        assertThat(pair.listener.deadline()).isEqualTo(pair.listener.masterDownIntervalNs());
    }

    /** Makes room for a 24-byte AH header after the IP header, as an AH-authenticated advert has. */
    static void insertAhHeader(ByteBuffer b) {
        int n = b.limit();
        byte[] vrrp = new byte[n - IP];
        b.get(IP, vrrp);
        b.limit(n + ReceivedPacket.AH_LENGTH);
        b.put(IP + ReceivedPacket.AH_LENGTH, vrrp);
        b.put(IP, (byte) Advert.IP_PROTOCOL);
        b.put(9, (byte) ReceivedPacket.IP_PROTOCOL_AH);
        b.putShort(2, (short) b.limit());
    }

    /** Turns a VRRPv2 advert into a VRRPv3-shaped one (no authentication data): only the version is then wrong. */
    static void makeVersion3(ByteBuffer b) {
        b.put(IP, (byte) 0x31);
        b.limit(b.limit() - Advert.AUTH_DATA_LENGTH);
        b.putShort(2, (short) b.limit());
    }

    static void fixV2Checksum(ByteBuffer buf) {
        int length = buf.limit() - IP;
        buf.putShort(IP + Advert.CHECKSUM_OFFSET, (short) 0);
        Advert a = new Advert().wrap(buf, IP, length);
        a.checksum(a.computeV2Checksum(length));
    }

    @Test
    void aValidAdvertIsAcceptedAndRestartsTheTimer() {
        Pair pair = v2Pair();
        List<Action> actions = pair.receive(b -> { });
        assertThat(actions).isEmpty();
        assertThat(pair.listener.stats().advertsReceived()).isEqualTo(1);
        assertThat(pair.listener.deadline()).isEqualTo(SECOND + pair.listener.masterDownIntervalNs());
    }

    @Test
    void aPacketTooShortForAVrrpHeaderIsCountedByTheEngine() {
        Pair pair = v2Pair();
        ByteBuffer buf = Wire.bytes(pair.sender, 150);
        buf.limit(IP + 7);
        pair.backup.receiveBytes(pair.listener, buf, null, null, 255, SECOND);
        assertThat(pair.backup.take()).singleElement().isInstanceOfSatisfying(Action.Dropped.class,
                d -> assertThat(d.reason()).isEqualTo(DropReason.TOO_SHORT));
        assertThat(pair.backup.engine.tooShortPackets()).isEqualTo(1);
    }

    @Test
    void anUnknownVridIsCountedByTheEngine() {
        Pair pair = v2Pair();
        ByteBuffer buf = Wire.bytes(pair.sender, 150);
        buf.put(IP + Advert.VRID_OFFSET, (byte) 52);
        pair.backup.receiveBytes(pair.listener, buf, null, null, 255, SECOND);
        assertThat(pair.backup.take()).singleElement().isInstanceOfSatisfying(Action.Dropped.class,
                d -> assertThat(d.reason()).isEqualTo(DropReason.UNKNOWN_VRID));
        assertThat(pair.backup.engine.unknownVridPackets()).isEqualTo(1);
    }

    @Test
    void anInstanceInFaultDoesNotListen() {
        Pair pair = v2Pair();
        pair.backup.engine.setFault("VI_1", "interface eth0", true, 0);
        pair.backup.take();
        List<Action> actions = pair.receive(b -> { });
        assertThat(actions).singleElement().isInstanceOfSatisfying(Action.Dropped.class,
                d -> assertThat(d.reason()).isEqualTo(DropReason.NOT_LISTENING));
        assertThat(pair.listener.stats().advertsReceived()).isZero();
    }

    @Test
    void anAhHeaderWithoutAuthTypeAhIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(ReceiveValidationTest::insertAhHeader), DropReason.AH_MISMATCH);
    }

    @Test
    void aPacketLongerThanItsAddressCountIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.limit(b.limit() + 4)), DropReason.BAD_LENGTH);
    }

    @Test
    void aPacketShorterThanItsAddressCountIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.put(IP + Advert.COUNT_OFFSET, (byte) 2)), DropReason.BAD_LENGTH);
    }

    @Test
    void anIpTotalLengthThatDiffersFromWhatArrivedIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.putShort(2, (short) (b.limit() + 1))), DropReason.BAD_LENGTH);
    }

    @Test
    void aMulticastAdvertWithTtlBelow255IsDropped() {
        // RFC 5798 7.1: MUST verify that the IPv4 TTL is 255
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.put(8, (byte) 254)), DropReason.BAD_TTL);
    }

    @Test
    void theWrongVersionIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(ReceiveValidationTest::makeVersion3), DropReason.BAD_VERSION);
    }

    @Test
    void anUnknownAuthTypeIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.put(IP + Advert.AUTH_TYPE_OFFSET, (byte) 3)), DropReason.INVALID_AUTH_TYPE);
    }

    @Test
    void anotherAuthTypeThanOursIsDropped() {
        Pair pair = new Pair(v2("10.0.0.2", 100).password("secret"), v2("10.0.0.1", 150));
        assertDropped(pair, pair.receive(b -> { }), DropReason.AUTH_TYPE_MISMATCH);
    }

    @Test
    void aWrongPasswordIsDropped() {
        Pair pair = new Pair(v2("10.0.0.2", 100).password("secret"), v2("10.0.0.1", 150).password("secreT"));
        assertDropped(pair, pair.receive(b -> { }), DropReason.AUTH_FAILURE);
    }

    @Test
    void onlyTheFirstEightCharactersOfThePasswordCount() {
        Pair pair = new Pair(v2("10.0.0.2", 100).password("12345678"), v2("10.0.0.1", 150).password("12345678"));
        assertThat(pair.receive(b -> { })).isEmpty();
    }

    @Test
    void aVrrpV2IntervalMismatchIsDropped() {
        // RFC 3768 7.1: MUST verify that the Adver Interval is the same as the locally configured one
        Pair pair = new Pair(v2("10.0.0.2", 100), v2("10.0.0.1", 150).advertIntervalMillis(2000));
        assertDropped(pair, pair.receive(b -> { }), DropReason.INTERVAL_MISMATCH);
    }

    @Test
    void notAnAdvertisementIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.put(IP, (byte) 0x22)), DropReason.BAD_TYPE);
    }

    @Test
    void aBadVrrpV2ChecksumIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.put(IP + Advert.CHECKSUM_OFFSET, (byte) (b.get(IP + Advert.CHECKSUM_OFFSET) ^ 1))),
                DropReason.BAD_CHECKSUM);
    }

    @Test
    void aUnicastAdvertOnAMulticastInstanceIsDropped() {
        Pair pair = v2Pair();
        assertDropped(pair, pair.receive(b -> b.put(16, (byte) 10)), DropReason.WRONG_CAST);
    }

    @Test
    void eachDropIsCountedSeparately() {
        Pair pair = v2Pair();
        pair.receive(b -> b.put(8, (byte) 1));
        pair.receive(b -> b.put(8, (byte) 2));
        pair.receive(ReceiveValidationTest::makeVersion3);
        assertThat(pair.listener.stats().drops(DropReason.BAD_TTL)).isEqualTo(2);
        assertThat(pair.listener.stats().drops(DropReason.BAD_VERSION)).isEqualTo(1);
        assertThat(pair.listener.stats().drops()).isEqualTo(3);
    }

    @Nested
    class AddressList {

        @Test
        void aVrrpV2AdvertWithOtherAddressesIsDropped() {
            // RFC 3768 7.1: if not from the address owner, the receiver MUST drop the packet
            Pair pair = new Pair(v2("10.0.0.2", 100), InstanceConfig.builder("VI_1", 51).priority(150)
                    .address("10.0.0.4").sourceAddress("10.0.0.1"));
            assertDropped(pair, pair.receive(b -> { }), DropReason.ADDRESS_LIST);
            assertThat(pair.listener.stats().advertsReceived()).isEqualTo(1);
        }

        @Test
        void aVrrpV2AdvertWithAnotherAddressCountIsDropped() {
            Pair pair = new Pair(v2("10.0.0.2", 100), v2("10.0.0.1", 150).address("10.0.0.4"));
            assertDropped(pair, pair.receive(b -> { }), DropReason.ADDRESS_LIST);
        }

        @Test
        void aVrrpV2AddressOwnersAdvertIsAcceptedWithANotice() {
            // RFC 3768 7.1: "... otherwise continue processing"
            Pair pair = new Pair(v2("10.0.0.2", 100), InstanceConfig.builder("VI_1", 51).priority(255)
                    .address("10.0.0.4").sourceAddress("10.0.0.1"));
            assertThat(pair.receive(b -> { })).singleElement().isInstanceOfSatisfying(Action.Notice.class,
                    n -> assertThat(n.message()).startsWith("address list mismatch").endsWith("- accepted"));
            assertThat(pair.listener.stats().addressListWarnings()).isEqualTo(1);
            assertThat(pair.listener.masterPriority()).isEqualTo(255);
        }

        @Test
        void aVrrpV3AdvertWithOtherAddressesIsAcceptedWithANotice() {
            // RFC 5798 7.1: log the misconfiguration, no drop
            Pair pair = new Pair(v2("10.0.0.2", 100).version(3), InstanceConfig.builder("VI_1", 51).version(3).priority(150)
                    .address("10.0.0.4").address("10.0.0.5").sourceAddress("10.0.0.1"));
            assertThat(pair.receive(b -> { })).singleElement().isInstanceOf(Action.Notice.class);
            assertThat(pair.listener.stats().addressListWarnings()).isEqualTo(1);
            assertThat(pair.listener.stats().drops()).isZero();
            assertThat(pair.listener.deadline()).isEqualTo(SECOND + pair.listener.masterDownIntervalNs());
        }

        @Test
        void theOrderOfTheAddressesDoesNotMatter() {
            Pair pair = new Pair(v2("10.0.0.2", 100).address("10.0.0.4"),
                    InstanceConfig.builder("VI_1", 51).priority(150).address("10.0.0.4").address("10.0.0.3").sourceAddress("10.0.0.1"));
            assertThat(pair.receive(b -> { })).isEmpty();
        }

        @Test
        void skipCheckAdvAddrChecksOnlyWhenTheMasterChanges() {
            Pair pair = new Pair(v2("10.0.0.2", 100).version(3).skipCheckAdvertAddresses(true),
                    InstanceConfig.builder("VI_1", 51).version(3).priority(150).address("10.0.0.4").sourceAddress("10.0.0.1"));
            pair.receive(b -> { });
            assertThat(pair.listener.stats().addressListWarnings()).isEqualTo(1);
            pair.receive(b -> { });
            assertThat(pair.listener.stats().addressListWarnings()).isEqualTo(1);
        }
    }

    @Nested
    class Unicast {

        static InstanceConfig.Builder unicast(String self, String peer, int priority) {
            return InstanceConfig.builder("VI_1", 51).priority(priority).address("10.0.0.3").sourceAddress(self).peer(peer);
        }

        @Test
        void aUnicastAdvertFromAPeerIsAccepted() {
            Pair pair = new Pair(unicast("10.0.0.2", "10.0.0.1", 100).checkUnicastSource(true), unicast("10.0.0.1", "10.0.0.2", 150));
            assertThat(pair.receive(b -> { })).isEmpty();
        }

        @Test
        void aSourceThatIsNotAPeerIsDroppedWithCheckUnicastSrc() {
            Pair pair = new Pair(unicast("10.0.0.2", "10.0.0.9", 100).checkUnicastSource(true), unicast("10.0.0.1", "10.0.0.2", 150));
            assertDropped(pair, pair.receive(b -> { }), DropReason.NOT_A_PEER);
        }

        @Test
        void aSourceThatIsNotAPeerIsAcceptedWithoutCheckUnicastSrc() {
            Pair pair = new Pair(unicast("10.0.0.2", "10.0.0.9", 100), unicast("10.0.0.1", "10.0.0.2", 150));
            assertThat(pair.receive(b -> { })).isEmpty();
        }

        @Test
        void aUnicastTtlOutsideThePeersRangeIsDropped() {
            Pair pair = new Pair(InstanceConfig.builder("VI_1", 51).priority(100).address("10.0.0.3").sourceAddress("10.0.0.2")
                    .peer(new InstanceConfig.Peer(Addresses.parse("10.0.0.1"), 250, 255)).checkUnicastSource(true),
                    unicast("10.0.0.1", "10.0.0.2", 150));
            assertDropped(pair, pair.receive(b -> b.put(8, (byte) 64)), DropReason.BAD_TTL);
        }

        @Test
        void aUnicastTtlBelow255IsAcceptedWithoutARange() {
            // the TTL 255 rule is for multicast only: unicast adverts may cross routers
            Pair pair = new Pair(unicast("10.0.0.2", "10.0.0.1", 100), unicast("10.0.0.1", "10.0.0.2", 150));
            assertThat(pair.receive(b -> b.put(8, (byte) 64))).isEmpty();
        }

        @Test
        void aMulticastAdvertOnAUnicastInstanceIsDropped() {
            Pair pair = new Pair(unicast("10.0.0.2", "10.0.0.1", 100), v2("10.0.0.1", 150));
            assertDropped(pair, pair.receive(b -> { }), DropReason.WRONG_CAST);
        }
    }

    @Nested
    class Checksums {

        static InstanceConfig.Builder v3(String self, int priority) {
            return InstanceConfig.builder("VI_1", 51).version(3).priority(priority).address("10.0.0.3").sourceAddress(self);
        }

        @Test
        void aVrrpV3ChecksumCoversThePseudoHeader() {
            // the same message from another source has another checksum: RFC 5798 5.2.8
            Pair pair = new Pair(v3("10.0.0.2", 100), v3("10.0.0.1", 150));
            assertDropped(pair, pair.receive(b -> b.put(15, (byte) 9)), DropReason.BAD_CHECKSUM);
        }

        @Test
        void aVrrpV3ChecksumWithoutPseudoHeaderIsDroppedByDefault() {
            Pair pair = new Pair(v3("10.0.0.2", 100), v3("10.0.0.1", 150).v3ChecksumAsV2(true));
            assertDropped(pair, pair.receive(b -> { }), DropReason.BAD_CHECKSUM);
        }

        @Test
        void v3ChecksumAsV2AcceptsTheChecksumWithoutPseudoHeader() {
            Pair pair = new Pair(v3("10.0.0.2", 100).v3ChecksumAsV2(true), v3("10.0.0.1", 150).v3ChecksumAsV2(true));
            assertThat(pair.receive(b -> { })).isEmpty();
        }

        @Test
        void anIpv6ChecksumCoversThePseudoHeader() {
            InstanceConfig.Builder listener = InstanceConfig.builder("VI_6", 51).version(3).ipv6(true).priority(100)
                    .address("2001:db8::3").sourceAddress("fe80::2");
            InstanceConfig.Builder sender = InstanceConfig.builder("VI_6", 51).version(3).ipv6(true).priority(150)
                    .address("2001:db8::3").sourceAddress("fe80::1");
            assertThat(new Pair(listener, sender).receive(b -> { })).isEmpty();
            Pair pair = new Pair(listener, sender);
            assertDropped(pair, pair.receive(b -> b.put(Advert.CHECKSUM_OFFSET, (byte) (b.get(Advert.CHECKSUM_OFFSET) + 1))),
                    DropReason.BAD_CHECKSUM);
        }

        @Test
        void anIpv6MulticastAdvertOnAUnicastInstanceIsDroppedFirst() {
            InstanceConfig.Builder listener = InstanceConfig.builder("VI_6", 51).version(3).ipv6(true).priority(100)
                    .address("2001:db8::3").sourceAddress("fe80::2").peer("fe80::1");
            InstanceConfig.Builder sender = InstanceConfig.builder("VI_6", 51).version(3).ipv6(true).priority(150)
                    .address("2001:db8::3").sourceAddress("fe80::1");
            Pair pair = new Pair(listener, sender);
            assertDropped(pair, pair.receive(b -> b.put(IP, (byte) 0)), DropReason.WRONG_CAST);
        }

        static InstanceConfig.Builder v3unicast(String self, String peer, int priority) {
            return v3(self, priority).peer(peer);
        }

        @Test
        void keepalivedsOldUnicastChecksumIsAdoptedWhenAPeerUsesIt() {
            // keepalived before 1.3.6 summed unicast VRRPv3 adverts as if sent to 224.0.0.18
            Pair pair = new Pair(v3unicast("10.0.0.2", "10.0.0.1", 100),
                    v3unicast("10.0.0.1", "10.0.0.2", 150).oldUnicastChecksum(InstanceConfig.OldUnicastChecksum.ALWAYS));
            assertThat(pair.receive(b -> { })).singleElement().isInstanceOfSatisfying(Action.Notice.class,
                    n -> assertThat(n.message()).isEqualTo("setting unicast VRRPv3 checksum to old version"));
            assertThat(pair.listener.usesOldUnicastChecksum()).isTrue();
            // and from then on it sends the old checksum too
            ByteBuffer ours = Wire.bytes(pair.listener, 100);
            Advert a = new Advert().wrap(ours, IP, ours.limit() - IP);
            assertThat(a.computeV3Checksum(ours.limit() - IP, Addresses.parse("10.0.0.2"), InstanceConfig.MCAST_GROUP4)).isZero();
        }

        @Test
        void oldUnicastChecksumNeverKeepsTheRfcChecksum() {
            Pair pair = new Pair(v3unicast("10.0.0.2", "10.0.0.1", 100).oldUnicastChecksum(InstanceConfig.OldUnicastChecksum.NEVER),
                    v3unicast("10.0.0.1", "10.0.0.2", 150).oldUnicastChecksum(InstanceConfig.OldUnicastChecksum.ALWAYS));
            assertDropped(pair, pair.receive(b -> { }), DropReason.BAD_CHECKSUM);
            assertThat(pair.listener.usesOldUnicastChecksum()).isFalse();
        }

        @Test
        void aRepairedChecksumMakesAMutatedAdvertValidAgain() {
            // the control for the checksum tests: the mutation alone is harmless
            Pair pair = v2Pair();
            assertThat(pair.receive(b -> {
                b.put(IP + Advert.PRIORITY_OFFSET, (byte) 200);
                fixV2Checksum(b);
            })).isEmpty();
            assertThat(pair.listener.masterPriority()).isEqualTo(200);
        }
    }
}
