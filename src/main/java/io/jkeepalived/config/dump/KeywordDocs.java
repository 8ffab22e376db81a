package io.jkeepalived.config.dump;

import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.RootKeywords;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keyword reference (docs/keywords.md), written from the keyword table: every block, every
 * keyword with its arguments, default, the keepalived release that added it, whether
 * jkeepalived implements it, and what it does.
 */
public final class KeywordDocs {

    private KeywordDocs() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# keepalived.conf keywords\n\n")
                .append("Written from jkeepalived's keyword table by `bin/jkeepalived config --keywords`; do not edit by hand.\n")
                .append("Every keyword here is parsed and validated as keepalived 2.2.7 does. **Status** says whether\n")
                .append("jkeepalived acts on it today: `yes`, or `not yet` (accepted, checked, shown by `-d`, but no\n")
                .append("effect; `-t` names such keywords in a warning), or `n/a` (tunes keepalived's own implementation;\n")
                .append("accepted and ignored). **Since** is the keepalived release that added the keyword, where known.\n\n");
        List<BlockSpec> blocks = blocks();
        out.append("Blocks: ");
        List<String> links = new ArrayList<>();
        for (BlockSpec b : blocks) {
            links.add("[" + title(b) + "](#" + anchor(b) + ")");
        }
        out.append(String.join(", ", links)).append(".\n");
        for (BlockSpec b : blocks) {
            out.append("\n## ").append(title(b)).append("\n\n");
            out.append("| keyword | arguments | default | since | status | description |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (Keyword<?> k : b.keywords()) {
                out.append("| `").append(k.name()).append('`');
                List<String> other = new ArrayList<>(k.aliases());
                other.addAll(k.deprecatedSpellings());
                if (!other.isEmpty()) {
                    out.append(" (also `").append(String.join("`, `", other)).append("`)");
                }
                if (k == b.bareLines()) {
                    out.append(" (lines without a keyword)");
                }
                out.append(" | ").append(code(k.syntax()))
                        .append(" | ").append(code(defaultOf(k)))
                        .append(" | ").append(cell(k.since()))
                        .append(" | ").append(status(k))
                        .append(" | ").append(cell(k.doc()))
                        .append(k.deprecation() == null ? "" : " Deprecated: " + cell(k.deprecation()) + ".")
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    private static String status(Keyword<?> k) {
        return switch (k.feature()) {
            case NOT_APPLICABLE -> "n/a";
            default -> k.implemented() ? "yes" : "not yet";
        };
    }

    private static String defaultOf(Keyword<?> k) {
        if (k instanceof Keyword.Value<?> v && v.defaultValue() != null) {
            return defaultWords(v);
        }
        return "";
    }

    private static <T> String defaultWords(Keyword.Value<T> v) {
        List<String> words = v.type().format(v.defaultValue());
        return words.isEmpty() ? "on" : String.join(" ", words);
    }

    private static String code(String s) {
        return s == null || s.isEmpty() ? "" : "`" + s.replace("|", "\\|") + "`";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String title(BlockSpec b) {
        return b == RootKeywords.BLOCK ? "top level" : b.name();
    }

    private static String anchor(BlockSpec b) {
        return title(b).toLowerCase().replace(' ', '-').replace("_", "_");
    }

    /** Every block reachable from the root, in the order met. */
    static List<BlockSpec> blocks() {
        Set<BlockSpec> seen = new LinkedHashSet<>();
        Deque<BlockSpec> todo = new ArrayDeque<>();
        todo.add(RootKeywords.BLOCK);
        while (!todo.isEmpty()) {
            BlockSpec spec = todo.poll();
            if (seen.add(spec)) {
                for (Keyword<?> k : spec.keywords()) {
                    if (k instanceof Keyword.Block<?> nested) {
                        todo.add(nested.spec());
                    }
                }
            }
        }
        return List.copyOf(seen);
    }
}
