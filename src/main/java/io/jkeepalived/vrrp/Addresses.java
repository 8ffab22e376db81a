package io.jkeepalived.vrrp;

import io.jkeepalived.config.value.Types;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 / IPv6 addresses as network-order byte arrays: parse, print, compare. */
public final class Addresses {

    private Addresses() {
    }

    /** Parses a literal ("10.0.0.1", "fe80::1"); never a name lookup. */
    public static byte[] parse(String literal) {
        return Types.parseAddress(literal).getAddress();
    }

    public static String format(byte[] address) {
        try {
            return Types.formatAddress(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address.length + " bytes", e);
        }
    }

    /**
     * Compares two addresses of the same length as unsigned numbers (RFC 5798 section 6.4.3: on
     * equal priority, "the primary IPvX Address of the sender is greater than the local primary
     * IPvX Address" wins).
     */
    public static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** Whether {@code length} bytes of {@code a} from {@code offset} equal {@code b}. */
    static boolean equalsAt(byte[] a, int offset, byte[] b) {
        if (offset + b.length > a.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (a[offset + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether an address (4 or 16 bytes) is multicast. */
    public static boolean isMulticast(byte[] address) {
        return address.length == 4 ? (address[0] & 0xf0) == 0xe0 : (address[0] & 0xff) == 0xff;
    }
}
