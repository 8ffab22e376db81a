package io.jkeepalived.config.value;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * Values of bfd_instance (keepalived's bfd_parser.c), with the ranges of the keepalived 2.2.7
 * binary: intervals are milliseconds with up to three decimals (microsecond resolution).
 */
public final class BfdValues {

    private BfdValues() {
    }

    /** BFD_MINRX_MIN .. BFD_MINRX_MAX (and the same for min_tx): 1 ms .. 4294967 ms. */
    public static final ValueType<Duration> MIN_INTERVAL = TrackValues.decimalDuration(3, 1_000, 4_294_967_000L, "MS");

    /** BFD_IDLETX_MIN .. BFD_IDLETX_MAX: 1000 ms .. 4294967 ms. */
    public static final ValueType<Duration> IDLE_INTERVAL = TrackValues.decimalDuration(3, 1_000_000, 4_294_967_000L, "MS");

    /** Above this keepalived logs that an interval "is larger than max sensible" (10 s). */
    public static final Duration MAX_SENSIBLE_INTERVAL = Duration.ofSeconds(10);

    /** BFD_INAME_MAX - 1: the longest bfd_instance name. */
    public static final int MAX_NAME_LENGTH = 31;

    /** weight of a bfd_instance as the VRRP process reads it: -253..253 [reverse]; a bad value is ignored. */
    public static final ValueType<TrackValues.Weight> WEIGHT = new TrackValues.WeightType(-253, 253, false, false);

    /** max_hops -1 means 255: no hop count checking. */
    public static final int MAX_HOPS_UNCHECKED = -1;

    /**
     * The neighbor or source address of a bfd_instance, read by inet_stosockaddr: an IPv4 or IPv6
     * literal, where anything from a '/' on is dropped (so {@code 10.0.0.2/24} is 10.0.0.2); no
     * port and no scope id.
     *
     * @param role "neighbor" or "source", for keepalived's "malformed ... address" message
     */
    public static ValueType<InetAddress> address(String role) {
        return new AddressType(role);
    }

    /** A dotted-quad part with a leading zero. */
    private static final Pattern LEADING_ZERO = Pattern.compile("(^|\\.)0\\d");

    private record AddressType(String role) implements ValueType<InetAddress> {
        @Override
        public InetAddress parse(Args args) {
            String word = args.word(0);
            int slash = word.indexOf('/');
            String literal = slash < 0 ? word : word.substring(0, slash);
            InetAddress a;
            try {
                if (LEADING_ZERO.matcher(literal).find()) {
                    // inet_pton refuses "010.0.0.2"; Java would read it as 10.0.0.2
                    throw new ValueException(literal);
                }
                a = Types.parseAddress(literal);
            } catch (ValueException e) {
                throw new ValueException("malformed " + role + " address " + word);
            }
            if (slash >= 0) {
                args.lint("'" + word.substring(slash) + "' after the address is ignored");
            }
            args.ignoreAfter(1);
            return a;
        }

        @Override
        public List<String> format(InetAddress value) {
            return List.of(Types.formatAddress(value));
        }

        @Override
        public Object json(InetAddress value) {
            return Types.formatAddress(value);
        }

        @Override
        public String syntax() {
            return "<IPADDR>";
        }

        @Override
        public InetAddress sample(RandomGenerator r) {
            return Types.sampleAddress(r, r.nextInt(3) == 0);
        }
    }
}
