package io.jkeepalived.config.dump;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Setting;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.value.ValueType;
import java.util.List;

/**
 * Prints a configuration in keepalived syntax (-d): every block and keyword in the order of the
 * keyword table, each keyword once with its effective value (the last one written, or the
 * default), list blocks with all their entries. Reading the output back gives the same
 * configuration.
 */
public final class ConfigDumper {

    private static final String INDENT = "    ";

    private ConfigDumper() {
    }

    public static String dump(Block root) {
        StringBuilder out = new StringBuilder();
        body(root, 0, out);
        return out.toString();
    }

    private static void body(Block block, int depth, StringBuilder out) {
        for (Keyword<?> keyword : block.spec().keywords()) {
            switch (keyword) {
                case Keyword.Value<?> value -> value(block, value, depth, out);
                case Keyword.ListBlock<?> list -> list(block, list, depth, out);
                case Keyword.Block<?> nested -> nested(block, nested, depth, out);
            }
        }
    }

    private static <T> void value(Block block, Keyword.Value<T> keyword, int depth, StringBuilder out) {
        if (keyword.repeat() == Keyword.Repeat.ACCUMULATE) {
            for (T v : block.values(keyword)) {
                line(depth, keyword.name(), keyword.type().format(v), out);
            }
            return;
        }
        var last = block.last(keyword);
        T v = block.get(keyword);
        if (v == null) {
            return;
        }
        String spelling = last.map(Setting::spelling).filter(s -> keyword.aliases().contains(s)).orElse(keyword.name());
        line(depth, spelling, keyword.type().format(v), out);
    }

    private static <E> void list(Block block, Keyword.ListBlock<E> keyword, int depth, StringBuilder out) {
        List<E> entries = block.list(keyword);
        ValueType<E> type = keyword.entry();
        if (keyword == block.spec().bareLines()) {
            for (E e : entries) {
                line(depth, null, type.format(e), out);
            }
            return;
        }
        if (!block.isSet(keyword)) {
            return;
        }
        out.append(INDENT.repeat(depth)).append(keyword.name()).append(" {\n");
        for (E e : entries) {
            line(depth + 1, null, type.format(e), out);
        }
        out.append(INDENT.repeat(depth)).append("}\n");
    }

    private static <H> void nested(Block block, Keyword.Block<H> keyword, int depth, StringBuilder out) {
        for (Block b : block.blocks(keyword)) {
            if (depth == 0 && !out.isEmpty()) {
                out.append('\n');
            }
            H head = b.head();
            List<String> headWords = head == null ? List.of() : keyword.head().format(head);
            out.append(INDENT.repeat(depth)).append(keyword.name());
            for (String w : headWords) {
                out.append(' ').append(w);
            }
            out.append(" {\n");
            body(b, depth + 1, out);
            out.append(INDENT.repeat(depth)).append("}\n");
        }
    }

    private static void line(int depth, String keyword, List<String> words, StringBuilder out) {
        out.append(INDENT.repeat(depth));
        boolean first = true;
        if (keyword != null) {
            out.append(keyword);
            first = false;
        }
        for (String w : words) {
            if (!first) {
                out.append(' ');
            }
            out.append(w);
            first = false;
        }
        out.append('\n');
    }
}
