package io.jkeepalived.linux;

import io.jkeepalived.vrrp.InternetChecksum;
import java.nio.ByteBuffer;

/**
 * The Ethernet frames that announce a virtual address after a takeover, byte for byte as
 * keepalived 2.2.7 builds them (vrrp_arp.c, vrrp_ndisc.c).
 */
public final class Frames {

    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    public static final int GARP_LENGTH = 42;
    public static final int NA_LENGTH = 86;
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
    /** ff02::1, all nodes. */
    private static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1};
    private static final byte[] ALL_NODES = {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private Frames() {
    }

    /**
     * A gratuitous ARP for {@code ip}: broadcast, an ARP request (RFC 5227 "ARP announcement"
     * style) whose sender and target protocol addresses are both the virtual address and whose
     * target hardware address is the broadcast address, as keepalived sends it.
     */
    public static int garp(ByteBuffer f, byte[] mac, byte[] ip) {
        f.put(0, BROADCAST);                   // destination
        f.put(6, mac);                         // source
        f.putShort(12, (short) ETHERTYPE_ARP);
        f.putShort(14, (short) 1);             // hardware type: Ethernet
        f.putShort(16, (short) 0x0800);        // protocol type: IPv4
        f.put(18, (byte) 6);                   // hardware address length
        f.put(19, (byte) 4);                   // protocol address length
        f.putShort(20, (short) 1);             // ARPOP_REQUEST
        f.put(22, mac);                        // sender hardware address
        f.put(28, ip);                         // sender protocol address
        f.put(32, BROADCAST);                  // target hardware address
        f.put(38, ip);                         // target protocol address
        return GARP_LENGTH;
    }

    /**
     * An unsolicited neighbour advertisement (RFC 4861 4.4) for {@code ip} from it to all nodes
     * (ff02::1, MAC 33:33:00:00:00:01), hop limit 255, override flag set (and router flag if the
     * interface forwards), with the target link-layer address option.
     */
    public static int unsolicitedNa(ByteBuffer f, byte[] mac, byte[] ip, boolean router) {
        f.put(0, ALL_NODES_MAC);
        f.put(6, mac);
        f.putShort(12, (short) ETHERTYPE_IPV6);
        int ip6 = 14;
        f.putInt(ip6, 0x6000_0000);            // version 6, traffic class 0, flow label 0
        f.putShort(ip6 + 4, (short) 32);       // payload: NA (24) + option (8)
        f.put(ip6 + 6, (byte) 58);             // next header ICMPv6
        f.put(ip6 + 7, (byte) 255);            // hop limit (RFC 4861: MUST be 255)
        f.put(ip6 + 8, ip);                    // source: the address itself
        f.put(ip6 + 24, ALL_NODES);
        int na = ip6 + 40;
        f.put(na, (byte) 136);                 // ND_NEIGHBOR_ADVERT
        f.put(na + 1, (byte) 0);
        f.putShort(na + 2, (short) 0);         // checksum, below
        f.putInt(na + 4, (router ? 0x8000_0000 : 0) | 0x2000_0000);   // R, O
        f.put(na + 8, ip);                     // target
        f.put(na + 24, (byte) 2);              // ND_OPT_TARGET_LINKADDR
        f.put(na + 25, (byte) 1);              // length in units of 8 bytes
        f.put(na + 26, mac);
        int sum = InternetChecksum.add(ip, 0);
        sum = InternetChecksum.add(ALL_NODES, sum);
        sum = InternetChecksum.add16(0, sum);
        sum = InternetChecksum.add16(32, sum);
        sum = InternetChecksum.add16(58, sum);
        sum = InternetChecksum.add(f, na, 32, sum);
        f.putShort(na + 2, (short) InternetChecksum.finish(sum));
        return NA_LENGTH;
    }
}
