package io.jkeepalived.vrrp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * VRRPv2 IPsec AH authentication as keepalived implements it (vrrp_ipsecah.c, vrrp.c): an
 * RFC 2402 Authentication Header between the IPv4 header and the VRRP message, whose ICV is
 * HMAC-MD5-96 (RFC 2403) keyed with the 8 bytes of auth_pass, over
 * <pre>
 *   IPv4 header (TOS, flags/fragment offset and checksum zeroed; the TTL too for unicast)
 *   AH header (next header 112, payload length 4, SPI = the source address, sequence number,
 *              ICV zeroed)
 *   VRRP message
 * </pre>
 * The sequence number is one counter per instance, shared by sending and receiving: a packet
 * is accepted only with a number above every number seen or sent (anti-replay), a backup that
 * takes over continues from the last number it saw, and a master that hears a lower priority
 * master continues from that one's number. All of this was checked against keepalived 2.2.7 on
 * the wire, both ways (IpsecAhTest, src/test/resources/vrrp/captures/README.md).
 *
 * <p>The counter stops at 0xfffffffe (vrrp_update_pkt: past 0xfffffffd it is "cycled" and the
 * same number is sent again, which peers drop as a replay); a cycled counter starts again from 0
 * when the instance next becomes master (vrrp_state_goto_master), unless an accepted advert
 * cleared the cycle first (vrrp_check_packet, vrrp_state_master_rx).
 */
final class IpsecAh {

    static final int NEXT_HEADER = 0;
    static final int PAYLOAD_LENGTH = 1;
    static final int SPI = 4;
    static final int SEQUENCE = 8;
    static final int ICV = 12;
    static final int ICV_LENGTH = 12;
    /** (96-bit ICV + 3 x 32 bits) / 32 - 2 (RFC 2402 section 2.2). */
    static final int PAYLOAD_LENGTH_VALUE = 4;
    private static final int IP_HEADER = ReceivedPacket.IPV4_MIN_HEADER;
    /** vrrp_update_pkt increments the counter up to 0xfffffffe, then sends that number again ("cycled"). */
    static final long LAST_SEQUENCE_TO_INCREMENT = 0xffff_fffdL;

    /** HMAC-MD5 (RFC 2104) by hand over two MD5 digests: javax.crypto.Mac allocates its result on every call. */
    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[64];
    private final byte[] outerPad = new byte[64];
    private final byte[] scratch = new byte[60 + ReceivedPacket.AH_LENGTH];
    private final byte[] digest = new byte[16];
    private final byte[] message = new byte[Advert.lengthFor(2, Advert.MAX_ADDRESSES, 4)];
    /** The highest sequence number seen or sent, unsigned. */
    private long sequence;
    /** keepalived's ipsecah_counter.cycle: the counter went past 0xfffffffd while sending. */
    private boolean cycle;

    IpsecAh(byte[] key8) {
        try {
            inner = MessageDigest.getInstance("MD5");
            outer = MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JDK", e);
        }
        // keepalived's key is always the 8 bytes of auth_data, zero padded: shorter than a block
        byte[] key = java.util.Arrays.copyOf(key8, Advert.AUTH_DATA_LENGTH);
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
    }

    /** Takes over another counter's state (a reload changed the password). */
    void continueFrom(IpsecAh other) {
        this.sequence = other.sequence;
        this.cycle = other.cycle;
    }

    long sequence() {
        return sequence;
    }

    boolean cycled() {
        return cycle;
    }

    /** A lower priority master's number: continue from it (keepalived "Syncing seq_num"). */
    void syncFrom(long theirs) {
        sequence = theirs + 1 & 0xffff_ffffL;
        cycle = false;
    }

    /** Becoming master: a cycled counter starts again from 0 (vrrp_state_goto_master resets the anti-replay). */
    void gotoMaster() {
        if (cycle) {
            cycle = false;
            sequence = 0;
        }
    }

    /**
     * Fills in the AH header of an IPv4 datagram of {@code length} bytes at {@code offset}
     * (IP header of 20 bytes, then AH, then VRRP) and its ICV; the sequence number goes up by one.
     */
    void sign(ByteBuffer buf, int offset, int length, boolean unicast) {
        sign(buf, offset, length, unicast, true);
    }

    /**
     * As {@link #sign(ByteBuffer, int, int, boolean)}; with {@code newAdvert} false the datagram
     * repeats the last advert for another unicast peer and keeps its sequence number.
     */
    void sign(ByteBuffer buf, int offset, int length, boolean unicast, boolean newAdvert) {
        if (!newAdvert) {
            // same advert, next peer: keepalived's vrrp_update_pkt(vrrp, prio, peer) only redoes the ICV
        } else if (sequence > LAST_SEQUENCE_TO_INCREMENT) {
            cycle = true;
        } else {
            sequence++;
        }
        int ah = offset + IP_HEADER;
        buf.put(ah + NEXT_HEADER, (byte) Advert.IP_PROTOCOL);
        buf.put(ah + PAYLOAD_LENGTH, (byte) PAYLOAD_LENGTH_VALUE);
        buf.putShort(ah + 2, (short) 0);
        for (int i = 0; i < 4; i++) {
            buf.put(ah + SPI + i, buf.get(offset + 12 + i));
        }
        buf.putInt(ah + SEQUENCE, (int) sequence);
        for (int i = 0; i < ICV_LENGTH; i++) {
            buf.put(ah + ICV + i, (byte) 0);
        }
        icv(buf, offset, IP_HEADER + ReceivedPacket.AH_LENGTH, length, unicast);
        for (int i = 0; i < ICV_LENGTH; i++) {
            buf.put(ah + ICV + i, digest[i]);
        }
    }

    /** The outcome of {@link #verify}. */
    enum Verdict { OK, BAD_DIGEST, BAD_SPI, REPLAYED }

    /** Checks the ICV, the SPI and the sequence number of a received packet (which has an AH header). */
    Verdict verify(ReceivedPacket p, boolean unicast) {
        ByteBuffer buf = p.buffer();
        int ip = p.packetOffset();
        int ah = p.ahOffset();
        int headers = p.headersLength();
        if (headers > scratch.length || p.packetLength() - headers > message.length) {
            return Verdict.BAD_DIGEST;
        }
        for (int i = 0; i < headers; i++) {
            scratch[i] = buf.get(ip + i);
        }
        icvOver(scratch, headers, ah - ip, buf, ip + headers, p.packetLength() - headers, unicast);
        int diff = 0;
        for (int i = 0; i < ICV_LENGTH; i++) {
            diff |= buf.get(ah + ICV + i) ^ digest[i];
        }
        if (diff != 0) {
            return Verdict.BAD_DIGEST;
        }
        if (buf.getInt(ah + SPI) != buf.getInt(ip + 12)) {
            return Verdict.BAD_SPI;
        }
        long seq = buf.getInt(ah + SEQUENCE) & 0xffff_ffffL;
        if (seq <= sequence) {
            return Verdict.REPLAYED;
        }
        sequence = seq;
        // keepalived clears the cycle for an advert accepted as backup (vrrp_check_packet) and, as
        // master, for a higher priority one or a lower priority one it syncs from (vrrp_state_master_rx);
        // the one advert a master accepts without clearing it, priority 0, cannot matter: its
        // number would have to be above 0xfffffffe, which no keepalived sends
        cycle = false;
        return Verdict.OK;
    }

    /** The sequence number of a received packet. */
    static long sequenceOf(ReceivedPacket p) {
        return p.buffer().getInt(p.ahOffset() + SEQUENCE) & 0xffff_ffffL;
    }

    private void icv(ByteBuffer buf, int offset, int headers, int length, boolean unicast) {
        for (int i = 0; i < headers; i++) {
            scratch[i] = buf.get(offset + i);
        }
        icvOver(scratch, headers, IP_HEADER, buf, offset + headers, length - headers, unicast);
    }

    /** HMAC-MD5 of the headers in {@code headers} (mutable fields zeroed here) and then the VRRP message. */
    private void icvOver(byte[] headers, int headersLength, int ahAt, ByteBuffer buf, int messageOffset, int messageLength,
            boolean unicast) {
        headers[1] = 0;                 // TOS
        headers[6] = 0;                 // flags and fragment offset
        headers[7] = 0;
        headers[10] = 0;                // header checksum
        headers[11] = 0;
        if (unicast) {
            headers[8] = 0;             // TTL
        }
        for (int i = 0; i < ICV_LENGTH; i++) {
            headers[ahAt + ICV + i] = 0;
        }
        for (int i = 0; i < messageLength; i++) {
            message[i] = buf.get(messageOffset + i);
        }
        // HMAC(K, m) = MD5((K ^ opad) || MD5((K ^ ipad) || m))
        try {
            inner.update(innerPad);
            inner.update(headers, 0, headersLength);
            inner.update(message, 0, messageLength);
            inner.digest(digest, 0, digest.length);
            outer.update(outerPad);
            outer.update(digest);
            outer.digest(digest, 0, digest.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
