package io.jkeepalived.vrrp;

import java.nio.ByteBuffer;

/**
 * A received VRRP packet and what the socket said about it, reused for every packet (nothing
 * is allocated per packet). The edge fills it with {@link #ipv4} (a raw IPv4 socket hands over
 * the whole datagram) or {@link #ipv6} (an IPv6 raw socket hands over only the payload; the
 * addresses and hop limit come from ancillary data), then gives it to {@link Engine#receive}.
 */
public final class ReceivedPacket {

    /** IANA protocol number of the IPsec Authentication Header. */
    public static final int IP_PROTOCOL_AH = 51;
    /** keepalived's AH header: next header, length, reserved, SPI, sequence, 12 bytes of ICV. */
    public static final int AH_LENGTH = 24;
    static final int IPV4_MIN_HEADER = 20;

    private final Advert advert = new Advert();
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private final byte[] sourceView4 = new byte[4];
    private final byte[] sourceView16 = new byte[16];
    private ByteBuffer buffer;
    private String socketKey;
    private boolean ipv6;
    private int packetOffset;
    private int packetLength;
    private int vrrpOffset;
    private int ttl;
    private int ipTotalLength;
    private boolean ah;
    private int ahOffset;

    /**
     * An IPv4 datagram as a raw socket returns it: IP header, an AH header if the protocol is
     * AH, then the VRRP message. Returns false if it is too short to hold a VRRP header.
     */
    public boolean ipv4(String socket, ByteBuffer buf, int offset, int length) {
        this.socketKey = socket;
        this.buffer = buf;
        this.ipv6 = false;
        this.packetOffset = offset;
        this.packetLength = length;
        if (length < IPV4_MIN_HEADER) {
            return false;
        }
        int ihl = (buf.get(offset) & 0x0f) * 4;
        if (ihl < IPV4_MIN_HEADER || length < ihl + Advert.HEADER_LENGTH) {
            return false;
        }
        ttl = buf.get(offset + 8) & 0xff;
        ipTotalLength = buf.getShort(offset + 2) & 0xffff;
        ah = (buf.get(offset + 9) & 0xff) == IP_PROTOCOL_AH;
        for (int i = 0; i < 4; i++) {
            source[i] = buf.get(offset + 12 + i);
            destination[i] = buf.get(offset + 16 + i);
        }
        if (ah) {
            if (length < ihl + AH_LENGTH + Advert.HEADER_LENGTH) {
                return false;
            }
            ahOffset = offset + ihl;
            vrrpOffset = offset + ihl + AH_LENGTH;
        } else {
            ahOffset = -1;
            vrrpOffset = offset + ihl;
        }
        advert.wrap(buf, vrrpOffset, offset + length - vrrpOffset);
        return true;
    }

    /**
     * An IPv6 VRRP message (the payload only), with the addresses and hop limit the socket
     * reported ({@code hopLimit} -1 if unknown). Returns false if shorter than a VRRP header.
     */
    public boolean ipv6(String socket, ByteBuffer buf, int offset, int length, byte[] src, byte[] dst, int hopLimit) {
        this.socketKey = socket;
        this.buffer = buf;
        this.ipv6 = true;
        this.packetOffset = offset;
        this.packetLength = length;
        this.ttl = hopLimit;
        this.ah = false;
        this.ahOffset = -1;
        this.ipTotalLength = -1;
        System.arraycopy(src, 0, source, 0, 16);
        System.arraycopy(dst, 0, destination, 0, 16);
        if (length < Advert.HEADER_LENGTH) {
            return false;
        }
        vrrpOffset = offset;
        advert.wrap(buf, offset, length);
        return true;
    }

    public String socketKey() {
        return socketKey;
    }

    public boolean isIpv6() {
        return ipv6;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    /** The VRRP message (flyweight, valid until the next packet). */
    public Advert advert() {
        return advert;
    }

    /** Offset of the packet as received (the IPv4 header, or the IPv6 payload). */
    public int packetOffset() {
        return packetOffset;
    }

    /** Length as received, IPv4 header included. */
    public int packetLength() {
        return packetLength;
    }

    /** Length of what precedes the VRRP message in the received bytes (IPv4 header and AH). */
    public int headersLength() {
        return vrrpOffset - packetOffset;
    }

    public int vrrpOffset() {
        return vrrpOffset;
    }

    /** TTL (IPv4) or hop limit (IPv6), -1 if unknown. */
    public int ttl() {
        return ttl;
    }

    /** The IPv4 header's total length field (-1 for IPv6). */
    public int ipTotalLength() {
        return ipTotalLength;
    }

    public boolean hasAh() {
        return ah;
    }

    public int ahOffset() {
        return ahOffset;
    }

    public int addressLength() {
        return ipv6 ? 16 : 4;
    }

    /** The source address: a view of {@link #addressLength()} bytes, overwritten by the next packet. */
    public byte[] source() {
        byte[] view = ipv6 ? sourceView16 : sourceView4;
        System.arraycopy(source, 0, view, 0, view.length);
        return view;
    }

    /** Whether the source equals {@code address}. */
    public boolean sourceEquals(byte[] address) {
        return address.length == addressLength() && Addresses.equalsAt(source, 0, address);
    }

    /** Copies the source address into {@code into} (4 or 16 bytes). */
    public void copySource(byte[] into) {
        System.arraycopy(source, 0, into, 0, into.length);
    }

    /** Copies the destination address into {@code into} (4 or 16 bytes). */
    public void copyDestination(byte[] into) {
        System.arraycopy(destination, 0, into, 0, into.length);
    }

    public boolean destinationIsMulticast() {
        return ipv6 ? (destination[0] & 0xff) == 0xff : (destination[0] & 0xf0) == 0xe0;
    }

    byte[] rawSource() {
        return source;
    }

    byte[] rawDestination() {
        return destination;
    }
}
