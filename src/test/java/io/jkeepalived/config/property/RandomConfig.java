package io.jkeepalived.config.property;

import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random configurations from the keyword table itself: every keyword of every block can
 * appear, with values from its type's {@code sample()}. What the table declares is what gets
 * exercised, so a keyword added to the table is covered without writing a test for it.
 */
final class RandomConfig {

    private static final SourcePos NOWHERE = SourcePos.of(Path.of("generated"));

    private final Random random;

    RandomConfig(long seed) {
        this.random = new Random(seed);
    }

    Block block(BlockSpec spec, Object head, int depth) {
        List<Setting> settings = new ArrayList<>();
        for (Keyword<?> k : spec.keywords()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            switch (k) {
                case Keyword.Value<?> v -> settings.add(new Setting(k, v.type().sample(random), NOWHERE, k.name()));
                case Keyword.ListBlock<?> l -> settings.add(new Setting(k, entries(l), NOWHERE, k.name()));
                case Keyword.Block<?> b -> {
                    if (depth < 6) {
                        int n = b.repeat() == Keyword.Repeat.ACCUMULATE ? 1 + random.nextInt(2) : 1;
                        for (int i = 0; i < n; i++) {
                            settings.add(new Setting(k, block(b.spec(), b.head().sample(random), depth + 1), NOWHERE, k.name()));
                        }
                    }
                }
            }
        }
        return new Block(spec, head, NOWHERE, settings);
    }

    private <E> List<E> entries(Keyword.ListBlock<E> l) {
        List<E> out = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(l.entry().sample(random));
        }
        return out;
    }
}
