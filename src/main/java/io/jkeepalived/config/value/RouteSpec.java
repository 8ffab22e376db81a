package io.jkeepalived.config.value;

import java.util.List;
import java.util.random.RandomGenerator;

/** PLACEHOLDER, being replaced by the full RouteSpec parser: keeps the words of the line as written. */
public record RouteSpec(List<String> words) {

    public static ValueType<RouteSpec> type(boolean isStatic) {
        return new ValueType<>() {
            @Override
            public RouteSpec parse(Args args) {
                args.word(0);
                return new RouteSpec(List.copyOf(args.words()));
            }

            @Override
            public List<String> format(RouteSpec value) {
                return Types.quoted(value.words());
            }

            @Override
            public Object json(RouteSpec value) {
                return String.join(" ", value.words());
            }

            @Override
            public String syntax() {
                return "<ROUTE>";
            }

            @Override
            public RouteSpec sample(RandomGenerator random) {
                return new RouteSpec(List.of("10.0.0.0/8", "dev", "eth0"));
            }
        };
    }
}
