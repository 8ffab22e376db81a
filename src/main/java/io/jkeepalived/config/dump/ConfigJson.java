package io.jkeepalived.config.dump;

import com.fasterxml.jackson.jr.ob.JSON;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.schema.Keyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration as JSON ({@code jkeepalived config --json}): an object per block with one
 * member per keyword that has a value (written or default), named as in keepalived.conf; named
 * blocks are arrays of objects whose "name" is the block's head.
 */
public final class ConfigJson {

    private ConfigJson() {
    }

    public static String toJson(Block root) {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(tree(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain tree (maps, lists, strings, numbers, booleans) for a block. */
    public static Map<String, Object> tree(Block block) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Keyword<?> keyword : block.spec().keywords()) {
            switch (keyword) {
                case Keyword.Value<?> value -> value(block, value, m);
                case Keyword.ListBlock<?> list -> list(block, list, m);
                case Keyword.Block<?> nested -> nested(block, nested, m);
            }
        }
        return m;
    }

    private static <T> void value(Block block, Keyword.Value<T> keyword, Map<String, Object> m) {
        if (keyword.repeat() == Keyword.Repeat.ACCUMULATE) {
            List<Object> all = new ArrayList<>();
            for (T v : block.values(keyword)) {
                all.add(keyword.type().json(v));
            }
            if (!all.isEmpty()) {
                m.put(keyword.name(), all);
            }
            return;
        }
        T v = block.get(keyword);
        if (v != null) {
            m.put(keyword.name(), keyword.type().json(v));
        }
    }

    private static <E> void list(Block block, Keyword.ListBlock<E> keyword, Map<String, Object> m) {
        if (!block.isSet(keyword)) {
            return;
        }
        List<Object> entries = new ArrayList<>();
        for (E e : block.list(keyword)) {
            entries.add(keyword.entry().json(e));
        }
        m.put(keyword.name(), entries);
    }

    private static <H> void nested(Block block, Keyword.Block<H> keyword, Map<String, Object> m) {
        List<Block> blocks = block.blocks(keyword);
        if (blocks.isEmpty()) {
            return;
        }
        if (keyword.repeat() == Keyword.Repeat.MERGE) {
            m.put(keyword.name(), tree(blocks.getFirst()));
            return;
        }
        List<Object> all = new ArrayList<>();
        for (Block b : blocks) {
            Map<String, Object> o = new LinkedHashMap<>();
            H head = b.head();
            if (head != null) {
                o.put("name", keyword.head().json(head));
            }
            o.putAll(tree(b));
            all.add(o);
        }
        m.put(keyword.name(), all);
    }
}
