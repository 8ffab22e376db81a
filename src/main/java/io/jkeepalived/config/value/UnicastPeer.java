package io.jkeepalived.config.value;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A line of unicast_peer: {@code IPADDR [min_ttl 0..255] [max_ttl 0..255]}. Giving min_ttl or
 * max_ttl turns on check_unicast_src for the instance.
 */
public record UnicastPeer(InetAddress address, Integer minTtl, Integer maxTtl) {

    public static final ValueType<UnicastPeer> TYPE = new ValueType<>() {
        @Override
        public UnicastPeer parse(Args args) {
            InetAddress a = Types.parseAddress(args.word(0));
            Integer min = null;
            Integer max = null;
            List<String> w = args.words();
            for (int i = 1; i < w.size(); i++) {
                switch (w.get(i)) {
                    case "min_ttl" -> min = Types.checkRange(args.word(++i), 0, 255);
                    case "max_ttl" -> max = Types.checkRange(args.word(++i), 0, 255);
                    default -> args.warning("unknown unicast_peer option '" + w.get(i) + "' - ignoring");
                }
            }
            if (min != null && max != null && min > max) {
                throw new ValueException("min_ttl " + min + " is greater than max_ttl " + max);
            }
            return new UnicastPeer(a, min, max);
        }

        @Override
        public List<String> format(UnicastPeer p) {
            List<String> out = new ArrayList<>();
            out.add(Types.formatAddress(p.address));
            if (p.minTtl != null) {
                out.addAll(List.of("min_ttl", p.minTtl.toString()));
            }
            if (p.maxTtl != null) {
                out.addAll(List.of("max_ttl", p.maxTtl.toString()));
            }
            return out;
        }

        @Override
        public Object json(UnicastPeer p) {
            return String.join(" ", format(p));
        }

        @Override
        public String syntax() {
            return "<IPADDR> [min_ttl <0..255>] [max_ttl <0..255>]";
        }

        @Override
        public UnicastPeer sample(RandomGenerator r) {
            Integer min = r.nextBoolean() ? r.nextInt(0, 128) : null;
            Integer max = r.nextBoolean() ? r.nextInt(128, 256) : null;
            return new UnicastPeer(Types.sampleAddress(r, r.nextInt(4) == 0), min, max);
        }
    };
}
