package io.jkeepalived.config.schema;

import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.RouteNumbers;
import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.ValueException;
import io.jkeepalived.config.value.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * track_group, and the entry types of linkbeat_interfaces and interface_up_down_delays
 * (keepalived.conf(5), "Static track groups", "Linkbeat interfaces", interface_up_down_delays).
 * Whether the interfaces exist is checked by the static check, which knows the host.
 */
public final class StaticKeywords {

    private StaticKeywords() {
    }

    // ---- track_group NAME { group { VI_1 VI_2 } } --------------------------------------------

    public static final BlockSpec TRACK_GROUP = new BlockSpec("track_group", Feature.TRACKING);

    public static final Keyword.ListBlock<String> GROUP = TRACK_GROUP
            .words("group", Types.string())
            .since("2.0.3")
            .doc("the vrrp instances that go to FAULT when a static address, route or rule of the group is lost");

    // ---- linkbeat_interfaces { IFNAME [MII|ETHTOOL|IOCTL] } ----------------------------------

    /** How keepalived polls an interface's link state (LB_MII, LB_ETHTOOL, LB_IOCTL). */
    public enum LinkbeatType { MII, ETHTOOL, IOCTL }

    /**
     * A line of linkbeat_interfaces.
     *
     * @param type how to poll, or null for keepalived's choice (it tries them in turn)
     * @param pos  where the line was written, for messages; not part of the value
     */
    public record LinkbeatInterface(String ifname, LinkbeatType type, SourcePos pos) {

        public LinkbeatInterface {
            Objects.requireNonNull(ifname, "ifname");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LinkbeatInterface l && ifname.equals(l.ifname) && type == l.type;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ifname, type);
        }
    }

    public static final ValueType<LinkbeatInterface> LINKBEAT_INTERFACE = new ValueType<>() {
        @Override
        public LinkbeatInterface parse(Args args) {
            String ifname = args.word(0);
            LinkbeatType type = null;
            if (args.size() > 1) {
                String t = args.word(1);
                for (LinkbeatType lt : LinkbeatType.values()) {
                    if (lt.name().equals(t)) {
                        type = lt;
                    }
                }
                if (type == null || args.size() > 2) {
                    // keepalived names the second word even when the extra ones come after it
                    args.warning("extra characters " + t + " in linkbeat interface");
                }
            }
            return new LinkbeatInterface(ifname, type, args.pos());
        }

        @Override
        public List<String> format(LinkbeatInterface value) {
            return value.type() == null ? List.of(Types.quote1(value.ifname()))
                    : List.of(Types.quote1(value.ifname()), value.type().name());
        }

        @Override
        public Object json(LinkbeatInterface value) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interface", value.ifname());
            if (value.type() != null) {
                m.put("type", value.type().name());
            }
            return m;
        }

        @Override
        public String syntax() {
            return "<IFNAME> [MII|ETHTOOL|IOCTL]";
        }

        @Override
        public LinkbeatInterface sample(RandomGenerator random) {
            int t = random.nextInt(4);
            return new LinkbeatInterface("eth" + random.nextInt(3), t == 3 ? null : LinkbeatType.values()[t], null);
        }
    };

    // ---- interface_up_down_delays { IFNAME DOWN_DELAY [UP_DELAY] } ---------------------------

    /** keepalived's limit for both delays: 255 seconds. */
    public static final long MAX_DELAY_MICROS = 255_000_000L;

    /**
     * A line of interface_up_down_delays: how long an interface must stay down (up) before
     * keepalived acts on it. keepalived 2.2.7 takes an omitted up delay as 0 (the man page says it
     * is the down delay; the binary does not do that).
     *
     * @param down the down delay, or null if the line gave none (keepalived ignores the line)
     * @param up   the up delay
     * @param pos  where the line was written, for messages; not part of the value
     */
    public record UpDownDelay(String ifname, Duration down, Duration up, SourcePos pos) {

        public UpDownDelay {
            Objects.requireNonNull(ifname, "ifname");
            Objects.requireNonNull(up, "up");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UpDownDelay d && ifname.equals(d.ifname) && Objects.equals(down, d.down)
                    && up.equals(d.up);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ifname, down, up);
        }
    }

    public static final ValueType<UpDownDelay> UP_DOWN_DELAY = new ValueType<>() {
        @Override
        public UpDownDelay parse(Args args) {
            String ifname = args.word(0);
            if (args.size() < 2) {
                // keepalived only logs "No timeouts specified"; the static check drops the line
                return new UpDownDelay(ifname, null, Duration.ZERO, args.pos());
            }
            if (args.size() > 3) {
                args.lint("Too many parameters for " + ifname + " up/down delays");
            }
            Duration down = delay(args, args.word(1), "Invalid down delay " + args.word(1) + " for " + ifname);
            Duration up = args.size() == 2 ? Duration.ZERO
                    : delay(args, args.word(2), "Invalid up delay " + args.word(2) + " for " + ifname);
            return new UpDownDelay(ifname, down, up, args.pos());
        }

        /** read_timer: seconds with up to 6 decimals (more are rounded, and reported), 0..255. */
        private Duration delay(Args args, String word, String message) {
            try {
                long micros = RouteNumbers.readDecimal(word, 0, MAX_DELAY_MICROS, 6, args::warning);
                return Duration.ofNanos(micros * 1000);
            } catch (ValueException e) {
                throw new ValueException(message + " (" + e.getMessage() + ")");
            }
        }

        @Override
        public List<String> format(UpDownDelay value) {
            List<String> out = new ArrayList<>();
            out.add(Types.quote1(value.ifname()));
            if (value.down() != null) {
                out.add(Types.formatSeconds(value.down()));
                if (!value.up().isZero()) {
                    out.add(Types.formatSeconds(value.up()));
                }
            }
            return out;
        }

        @Override
        public Object json(UpDownDelay value) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interface", value.ifname());
            if (value.down() != null) {
                m.put("down_delay", new java.math.BigDecimal(Types.formatSeconds(value.down())));
                m.put("up_delay", new java.math.BigDecimal(Types.formatSeconds(value.up())));
            }
            return m;
        }

        @Override
        public String syntax() {
            return "<IFNAME> <DOWN_DELAY 0..255> [<UP_DELAY 0..255>]";
        }

        @Override
        public UpDownDelay sample(RandomGenerator random) {
            Duration down = Duration.ofNanos(random.nextLong(0, MAX_DELAY_MICROS + 1) * 1000);
            Duration up = random.nextBoolean() ? Duration.ZERO : Duration.ofNanos(random.nextLong(0, MAX_DELAY_MICROS + 1) * 1000);
            return new UpDownDelay("eth" + random.nextInt(3), down, up, null);
        }
    };
}
