package io.jkeepalived.config.value;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;

/**
 * An address with a prefix length, as routes and rules write destinations and sources
 * ("10.0.0.0/8", "2001:db8::/32", "default"). The address is kept as written: keepalived does not
 * clear host bits ("10.0.0.1/8" stays so, and the kernel refuses such a route).
 *
 * @param address the address; its class gives the family
 * @param length  the prefix length, 0..32 or 0..128
 */
public record RoutePrefix(InetAddress address, int length) {

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    public int maxLength() {
        return isIpv6() ? 128 : 32;
    }

    /** The whole address space of a family: what "default", "any" and "all" become. */
    public static RoutePrefix any(boolean ipv6) {
        try {
            return new RoutePrefix(InetAddress.getByAddress(new byte[ipv6 ? 16 : 4]), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "ADDR" for a full-length prefix, else "ADDR/LEN". */
    public String word() {
        String a = Types.formatAddress(address);
        return length == maxLength() ? a : a + "/" + length;
    }

    @Override
    public String toString() {
        return word();
    }

    /**
     * keepalived's parse_ipaddress without a mask (gateways, preferred sources, encap
     * endpoints): the family is IPv6 if the word has a ':'. Throws with keepalived's "VRRP parsed
     * invalid IP" wording.
     */
    public static InetAddress parseAddress(String word) {
        return pton(word, word);
    }

    /**
     * keepalived's parse_ipaddress with a mask: a bad prefix length is reported through
     * {@code warning} and replaced by the full length, as keepalived does.
     */
    public static RoutePrefix parse(String word, Consumer<String> warning) {
        boolean v6 = word.indexOf(':') >= 0;
        int max = v6 ? 128 : 32;
        int slash = word.indexOf('/');
        int length = max;
        if (slash >= 0) {
            String p = word.substring(slash + 1);
            try {
                length = (int) RouteNumbers.readUnsigned(p, 0, max, 10);
            } catch (ValueException e) {
                warning.accept(e.getMessage());
                warning.accept("Invalid address prefix len " + p + " for address " + word + " - using " + max);
            }
        }
        return new RoutePrefix(pton(slash < 0 ? word : word.substring(0, slash), word), length);
    }

    /** inet_pton for the family the word's ':' gives; IPv4-mapped IPv6 stays IPv6. */
    private static InetAddress pton(String text, String word) {
        try {
            InetAddress a = Types.parseAddress(text);
            boolean v6 = text.indexOf(':') >= 0;
            if (v6 && a instanceof Inet4Address) {
                byte[] b = new byte[16];
                b[10] = (byte) 0xff;
                b[11] = (byte) 0xff;
                System.arraycopy(a.getAddress(), 0, b, 12, 4);
                return Inet6Address.getByAddress(null, b, null);
            }
            return a;
        } catch (ValueException | UnknownHostException e) {
            throw new ValueException("VRRP parsed invalid IP " + word);
        }
    }
}
