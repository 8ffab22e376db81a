package io.jkeepalived.config.parse;

import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/** "Did you mean" hints for unknown keywords. */
final class Suggest {

    private Suggest() {
    }

    /**
     * A hint for an unknown word in a block: the closest keyword of that block if it is a likely
     * typo, otherwise the blocks where the word is a keyword; "" if neither.
     */
    static String hint(String word, BlockSpec block, BlockSpec root) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : block.spellings()) {
            int d = distance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(1, Math.min(3, word.length() / 4))) {
            return " - did you mean '" + best + "'?";
        }
        Set<String> homes = new LinkedHashSet<>();
        for (BlockSpec spec : allBlocks(root)) {
            if (spec != block && spec.lookup(word) != null) {
                homes.add(spec.name());
            }
        }
        if (!homes.isEmpty()) {
            return " - '" + word + "' belongs in " + String.join(" or ", homes);
        }
        return "";
    }

    static Set<BlockSpec> allBlocks(BlockSpec root) {
        Set<BlockSpec> seen = new LinkedHashSet<>();
        Deque<BlockSpec> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            BlockSpec spec = todo.pop();
            if (seen.add(spec)) {
                for (Keyword<?> k : spec.keywords()) {
                    if (k instanceof Keyword.Block<?> b) {
                        todo.push(b.spec());
                    }
                }
            }
        }
        return seen;
    }

    /** Damerau-Levenshtein distance (optimal string alignment), bounded work for long words. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
