package io.jkeepalived.linux;

import io.jkeepalived.config.value.RouteSpec;
import io.jkeepalived.config.value.RuleRange;
import io.jkeepalived.config.value.RuleSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes one rule of virtual_rules / static_rules as the RTM_NEWRULE or RTM_DELRULE request
 * keepalived 2.2.7 sends (netlink_rule in vrrp_iprule.c), in the same order:
 *
 * <pre>
 *   struct fib_rule_hdr { u8 family; u8 dst_len; u8 src_len; u8 tos;
 *                         u8 table; u8 res1; u8 res2; u8 action; u32 flags; }
 *   [FRA_TABLE] [FRA_SRC] [FRA_DST] [FRA_PRIORITY] [FRA_FWMARK] [FRA_FWMASK] [FRA_FLOW]
 *   [FRA_SUPPRESS_PREFIXLEN] [FRA_SUPPRESS_IFGROUP] [FRA_IFNAME] [FRA_OIFNAME] [FRA_TUN_ID]
 *   [FRA_UID_RANGE] [FRA_L3MDEV] [FRA_PROTOCOL] [FRA_IP_PROTO] [FRA_SPORT_RANGE]
 *   [FRA_DPORT_RANGE] [FRA_GOTO]
 * </pre>
 *
 * An addition has NLM_F_CREATE | NLM_F_EXCL (an identical rule is refused with EEXIST); a
 * tracked rule carries protocol 18 (keepalived), an untracked one the protocol written, if any.
 * Interfaces go by name: the kernel keeps a rule for an interface that does not exist yet.
 */
final class RuleMessage {

    static final int RTM_NEWRULE = 32;
    static final int RTM_DELRULE = 33;

    // struct fib_rule_hdr attributes (linux/fib_rules.h)
    static final int FRA_DST = 1;
    static final int FRA_SRC = 2;
    static final int FRA_IFNAME = 3;
    static final int FRA_GOTO = 4;
    static final int FRA_PRIORITY = 6;
    static final int FRA_FWMARK = 10;
    static final int FRA_FLOW = 11;
    static final int FRA_TUN_ID = 12;
    static final int FRA_SUPPRESS_IFGROUP = 13;
    static final int FRA_SUPPRESS_PREFIXLEN = 14;
    static final int FRA_TABLE = 15;
    static final int FRA_FWMASK = 16;
    static final int FRA_OIFNAME = 17;
    static final int FRA_L3MDEV = 19;
    static final int FRA_UID_RANGE = 20;
    static final int FRA_PROTOCOL = 21;
    static final int FRA_IP_PROTO = 22;
    static final int FRA_SPORT_RANGE = 23;
    static final int FRA_DPORT_RANGE = 24;

    // fib_rule_hdr.action
    static final int FR_ACT_TO_TBL = 1;
    static final int FR_ACT_GOTO = 2;
    static final int FR_ACT_NOP = 3;
    static final int FR_ACT_BLACKHOLE = 6;
    static final int FR_ACT_UNREACHABLE = 7;
    static final int FR_ACT_PROHIBIT = 8;

    static final int FIB_RULE_INVERT = 0x2;
    static final int RT_TABLE_UNSPEC = 0;
    static final int RT_TABLE_MAIN = 254;

    private RuleMessage() {
    }

    /** Writes the request for {@code r} into {@code m} (started here with {@code sequence}). */
    static void encode(NlMessage m, boolean delete, int sequence, RuleSpec r) {
        m.start(delete ? RTM_DELRULE : RTM_NEWRULE,
                delete ? 0 : NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL, sequence);
        boolean lookup = r.action() == RuleSpec.Action.TABLE && !r.l3mdev();
        long table = lookup ? (r.table().value() == 0 ? RT_TABLE_MAIN : r.table().value()) : RT_TABLE_UNSPEC;
        m.u8(r.ipv6() ? Libc.AF_INET6 : Libc.AF_INET)
                .u8(r.to() != null ? r.to().length() : 0)
                .u8(r.from() != null ? r.from().length() : 0)
                .u8(r.tos() != null ? (int) r.tos().value() : 0)
                .u8(table < 256 ? (int) table : RT_TABLE_UNSPEC)
                .u8(0)
                .u8(0)
                .u8(action(r.action()))
                .u32(r.not() ? FIB_RULE_INVERT : 0);
        if (table >= 256) {
            m.attrU32(FRA_TABLE, (int) table);
        }
        if (r.from() != null) {
            m.attr(FRA_SRC, r.from().address().getAddress());
        }
        if (r.to() != null) {
            m.attr(FRA_DST, r.to().address().getAddress());
        }
        if (r.priority() != null) {
            m.attrU32(FRA_PRIORITY, r.priority().intValue());
        }
        if (r.fwmark() != null) {
            m.attrU32(FRA_FWMARK, r.fwmark().intValue());
        }
        if (r.fwmask() != null) {
            m.attrU32(FRA_FWMASK, r.fwmask().intValue());
        }
        if (r.realms() != null && r.realms() != 0) {
            m.attrU32(FRA_FLOW, r.realms().intValue());
        }
        if (r.suppressPrefixLength() != null) {
            m.attrU32(FRA_SUPPRESS_PREFIXLEN, r.suppressPrefixLength().intValue());
        }
        if (r.suppressIfgroup() != null) {
            m.attrU32(FRA_SUPPRESS_IFGROUP, (int) r.suppressIfgroup().value());
        }
        if (r.iif() != null) {
            m.attrString(FRA_IFNAME, r.iif());
        }
        if (r.oif() != null) {
            m.attrString(FRA_OIFNAME, r.oif());
        }
        if (r.tunnelId() != null && r.tunnelId() != 0) {
            m.attr(FRA_TUN_ID, ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(r.tunnelId()).array());
        }
        if (r.uidrange() != null) {
            m.attr(FRA_UID_RANGE, range(r.uidrange(), 4));
        }
        if (r.l3mdev()) {
            m.attrU8(FRA_L3MDEV, 1);
        }
        Integer protocol = protocol(r);
        if (protocol != null) {
            m.attrU8(FRA_PROTOCOL, protocol);
        }
        if (r.ipProto() != null) {
            m.attrU8(FRA_IP_PROTO, (int) r.ipProto().value());
        }
        if (r.sport() != null) {
            m.attr(FRA_SPORT_RANGE, range(r.sport(), 2));
        }
        if (r.dport() != null) {
            m.attr(FRA_DPORT_RANGE, range(r.dport(), 2));
        }
        if (r.action() == RuleSpec.Action.GOTO) {
            m.attrU32(FRA_GOTO, r.gotoTarget().intValue());
        }
    }

    /** keepalived sets RTPROT_KEEPALIVED on every tracked rule; an untracked one keeps what was written. */
    static Integer protocol(RuleSpec r) {
        return r.noTrack() ? r.protocol() : Integer.valueOf(RouteSpec.RTPROT_KEEPALIVED);
    }

    static int action(RuleSpec.Action a) {
        return switch (a) {
            case TABLE -> FR_ACT_TO_TBL;
            case GOTO -> FR_ACT_GOTO;
            case NOP -> FR_ACT_NOP;
            case BLACKHOLE -> FR_ACT_BLACKHOLE;
            case UNREACHABLE -> FR_ACT_UNREACHABLE;
            case PROHIBIT -> FR_ACT_PROHIBIT;
        };
    }

    /** struct fib_rule_uid_range { u32 start; u32 end; } or fib_rule_port_range { u16 start; u16 end; }, host order. */
    private static byte[] range(RuleRange r, int width) {
        ByteBuffer b = ByteBuffer.allocate(2 * width).order(ByteOrder.nativeOrder());
        if (width == 4) {
            b.putInt((int) r.start()).putInt((int) r.end());
        } else {
            b.putShort((short) r.start()).putShort((short) r.end());
        }
        return b.array();
    }
}
