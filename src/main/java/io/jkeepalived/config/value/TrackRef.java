package io.jkeepalived.config.value;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A line of track_script, track_interface, track_file, track_process or track_bfd:
 * {@code NAME [weight N [reverse|noreverse]]}.
 *
 * @param weight the weight given here, or null to use the tracked object's own (for
 *               track_interface, null means 0: a down interface puts the instance in FAULT)
 * @param reverse the priority moves the other way (and weight 0 reverse: FAULT while the object is up)
 */
public record TrackRef(String name, Integer weight, boolean reverse) {

    public static ValueType<TrackRef> type(int minWeight, int maxWeight) {
        return new Type(minWeight, maxWeight);
    }

    private record Type(int min, int max) implements ValueType<TrackRef> {

        @Override
        public TrackRef parse(Args args) {
            String name = args.word(0);
            Integer weight = null;
            boolean reverse = false;
            List<String> w = args.words();
            for (int i = 1; i < w.size(); i++) {
                switch (w.get(i)) {
                    case "weight" -> {
                        String v = args.word(++i);
                        try {
                            weight = Types.checkRange(v, min, max);
                        } catch (ValueException e) {
                            throw new ValueException("weight for " + name + " must be between [" + min + ":" + max + "]: "
                                    + e.getMessage());
                        }
                    }
                    case "reverse" -> reverse = true;
                    case "noreverse", "no_reverse" -> reverse = false;
                    default -> args.warning("unknown option '" + w.get(i) + "' for " + name + " - ignoring");
                }
            }
            return new TrackRef(name, weight, reverse);
        }

        @Override
        public List<String> format(TrackRef t) {
            List<String> out = new ArrayList<>();
            out.add(Types.quote1(t.name));
            if (t.weight != null) {
                out.addAll(List.of("weight", t.weight.toString()));
            }
            if (t.reverse) {
                out.add("reverse");
            }
            return out;
        }

        @Override
        public Object json(TrackRef t) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", t.name);
            if (t.weight != null) {
                m.put("weight", t.weight);
            }
            m.put("reverse", t.reverse);
            return m;
        }

        @Override
        public String syntax() {
            return "<NAME> [weight <" + min + ".." + max + "> [reverse|noreverse]]";
        }

        @Override
        public TrackRef sample(RandomGenerator r) {
            return new TrackRef("chk_" + r.nextInt(5), r.nextBoolean() ? r.nextInt(min, max + 1) : null, r.nextInt(4) == 0);
        }
    }
}
