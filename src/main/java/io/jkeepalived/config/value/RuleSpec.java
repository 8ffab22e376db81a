package io.jkeepalived.config.value;

import java.util.List;
import java.util.random.RandomGenerator;

/** PLACEHOLDER, being replaced by the full RuleSpec parser: keeps the words of the line as written. */
public record RuleSpec(List<String> words) {

    public static ValueType<RuleSpec> type(boolean isStatic) {
        return new ValueType<>() {
            @Override
            public RuleSpec parse(Args args) {
                args.word(0);
                return new RuleSpec(List.copyOf(args.words()));
            }

            @Override
            public List<String> format(RuleSpec value) {
                return Types.quoted(value.words());
            }

            @Override
            public Object json(RuleSpec value) {
                return String.join(" ", value.words());
            }

            @Override
            public String syntax() {
                return "<ROUTE>";
            }

            @Override
            public RuleSpec sample(RandomGenerator random) {
                return new RuleSpec(List.of("10.0.0.0/8", "dev", "eth0"));
            }
        };
    }
}
