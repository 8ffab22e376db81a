package io.jkeepalived.config.parse;

import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed block: its kind, the arguments on its opening line (the "head": a vrrp_instance's
 * name, a virtual_server's address), and the settings inside it in the order written. Immutable;
 * validation derives corrected copies with {@link #with} and {@link #without}.
 *
 * <p>For a keyword that may appear once, the last occurrence wins, as in keepalived; list blocks
 * accumulate; nested blocks are kept one per occurrence.
 */
public final class Block {

    private final BlockSpec spec;
    private final Object head;
    private final SourcePos pos;
    private final SourcePos end;
    private final List<Setting> settings;

    public Block(BlockSpec spec, Object head, SourcePos pos, List<Setting> settings) {
        this(spec, head, pos, pos, settings);
    }

    public Block(BlockSpec spec, Object head, SourcePos pos, SourcePos end, List<Setting> settings) {
        this.spec = spec;
        this.head = head;
        this.pos = pos;
        this.end = end;
        this.settings = List.copyOf(settings);
    }

    /**
     * One entry of a list block keyword, with the line it was written on and the line of the
     * keyword whose block it is in.
     */
    public record Entry<E>(E value, SourcePos pos, SourcePos origin) {
        public Entry(E value, SourcePos pos) {
            this(value, pos, pos);
        }
    }

    public BlockSpec spec() {
        return spec;
    }

    /** The parsed arguments of the block's opening line, or null for blocks without (global_defs). */
    @SuppressWarnings("unchecked")
    public <H> H head() {
        return (H) head;
    }

    /** Where the block was opened. */
    public SourcePos pos() {
        return pos;
    }

    /** Where the block was closed (keepalived reports its end-of-block checks there). */
    public SourcePos end() {
        return end;
    }

    public List<Setting> settings() {
        return settings;
    }

    public boolean isSet(Keyword<?> keyword) {
        for (Setting s : settings) {
            if (s.keyword() == keyword) {
                return true;
            }
        }
        return false;
    }

    /** The last occurrence of a keyword, if any. */
    public Optional<Setting> last(Keyword<?> keyword) {
        for (int i = settings.size() - 1; i >= 0; i--) {
            if (settings.get(i).keyword() == keyword) {
                return Optional.of(settings.get(i));
            }
        }
        return Optional.empty();
    }

    /** The value written for a keyword, or its default (null if it has none). */
    @SuppressWarnings("unchecked")
    public <T> T get(Keyword.Value<T> keyword) {
        return last(keyword).map(s -> (T) s.value()).orElse(keyword.defaultValue());
    }

    /** The value written for a keyword, without falling back to the default. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> explicit(Keyword.Value<T> keyword) {
        return last(keyword).map(s -> (T) s.value());
    }

    /**
     * Every value written for a keyword, in order (for keywords keepalived accumulates, such as a
     * group's fwmark lines); the default alone if it was not written.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> values(Keyword.Value<T> keyword) {
        List<T> all = new ArrayList<>();
        for (Setting s : settings) {
            if (s.keyword() == keyword) {
                all.add((T) s.value());
            }
        }
        if (all.isEmpty() && keyword.defaultValue() != null) {
            all.add(keyword.defaultValue());
        }
        return all;
    }

    /** Where a keyword was last written, or where the block was opened if it was not. */
    public SourcePos posOf(Keyword<?> keyword) {
        return last(keyword).map(Setting::pos).orElse(pos);
    }

    /** All entries of a list block keyword, across its occurrences. */
    @SuppressWarnings("unchecked")
    public <E> List<E> list(Keyword.ListBlock<E> keyword) {
        List<E> all = new ArrayList<>();
        for (Setting s : settings) {
            if (s.keyword() == keyword) {
                all.addAll((List<E>) s.value());
            }
        }
        return all;
    }

    /** All entries of a list block keyword with their lines, across its occurrences. */
    @SuppressWarnings("unchecked")
    public <E> List<Entry<E>> entries(Keyword.ListBlock<E> keyword) {
        List<Entry<E>> all = new ArrayList<>();
        for (Setting s : settings) {
            if (s.keyword() == keyword) {
                for (E e : (List<E>) s.value()) {
                    all.add(new Entry<>(e, s.pos(), s.origin()));
                }
            }
        }
        return all;
    }

    /**
     * A copy where a list block keyword has exactly these entries, each keeping its line (the
     * block keeps its place in the settings, so -d and JSON are unchanged by the rewrite).
     */
    public <E> Block withEntries(Keyword.ListBlock<E> keyword, List<Entry<E>> entries) {
        List<Setting> copy = new ArrayList<>();
        boolean placed = false;
        String spelling = last(keyword).map(Setting::spelling).orElse(keyword.name());
        for (Setting s : settings) {
            if (s.keyword() != keyword) {
                copy.add(s);
            } else if (!placed) {
                for (Entry<E> e : entries) {
                    copy.add(new Setting(keyword, List.of(e.value()), e.pos(), e.origin(), spelling));
                }
                if (entries.isEmpty()) {
                    copy.add(s.withValue(List.of()));
                }
                placed = true;
            }
        }
        if (!placed && !entries.isEmpty()) {
            for (Entry<E> e : entries) {
                copy.add(new Setting(keyword, List.of(e.value()), e.pos(), e.origin(), spelling));
            }
        }
        return new Block(spec, head, pos, end, copy);
    }

    /** The nested blocks of a keyword, one per occurrence (a MERGE section has at most one). */
    public List<Block> blocks(Keyword.Block<?> keyword) {
        List<Block> all = new ArrayList<>();
        for (Setting s : settings) {
            if (s.keyword() == keyword) {
                all.add((Block) s.value());
            }
        }
        return all;
    }

    /** A section such as global_defs: the block, or an empty one if it was not written. */
    public Block section(Keyword.Block<Void> keyword) {
        List<Block> b = blocks(keyword);
        return b.isEmpty() ? new Block(keyword.spec(), null, pos, List.of()) : b.getFirst();
    }

    /** A copy where the keyword has exactly this value (at the position of its last occurrence). */
    public <T> Block with(Keyword.Value<T> keyword, T value) {
        int lastIndex = -1;
        for (int i = 0; i < settings.size(); i++) {
            if (settings.get(i).keyword() == keyword) {
                lastIndex = i;
            }
        }
        List<Setting> copy = new ArrayList<>(settings.size() + 1);
        for (int i = 0; i < settings.size(); i++) {
            Setting s = settings.get(i);
            if (i == lastIndex) {
                copy.add(s.withValue(value));
            } else if (s.keyword() != keyword) {
                copy.add(s);
            }
        }
        if (lastIndex < 0) {
            copy.add(new Setting(keyword, value, pos, keyword.name()));
        }
        return new Block(spec, head, pos, end, copy);
    }

    /** A copy with other settings (same kind, head and lines). */
    public Block withSettings(List<Setting> newSettings) {
        return new Block(spec, head, pos, end, newSettings);
    }

    /** A copy with another head (the same settings and lines). */
    public Block withHead(Object newHead) {
        return new Block(spec, newHead, pos, end, settings);
    }

    /** A copy without any occurrence of the keyword. */
    public Block without(Keyword<?> keyword) {
        return new Block(spec, head, pos, end, settings.stream().filter(s -> s.keyword() != keyword).toList());
    }

    /** A copy with a different list for a list block keyword (one occurrence holding them all). */
    public <E> Block withList(Keyword.ListBlock<E> keyword, List<E> entries) {
        List<Setting> copy = new ArrayList<>();
        boolean placed = false;
        for (Setting s : settings) {
            if (s.keyword() != keyword) {
                copy.add(s);
            } else if (!placed) {
                copy.add(s.withValue(List.copyOf(entries)));
                placed = true;
            }
        }
        if (!placed && !entries.isEmpty()) {
            copy.add(new Setting(keyword, List.copyOf(entries), pos, keyword.name()));
        }
        return new Block(spec, head, pos, end, copy);
    }

    /** A copy where the nested blocks of a keyword are replaced, in order, by {@code replacements}. */
    public Block withBlocks(Keyword.Block<?> keyword, List<Block> replacements) {
        List<Setting> copy = new ArrayList<>();
        int next = 0;
        for (Setting s : settings) {
            if (s.keyword() != keyword) {
                copy.add(s);
            } else if (next < replacements.size()) {
                copy.add(s.withValue(replacements.get(next++)));
            }
        }
        while (next < replacements.size()) {
            Block b = replacements.get(next++);
            copy.add(new Setting(keyword, b, b.pos(), keyword.name()));
        }
        return new Block(spec, head, pos, end, copy);
    }

    /**
     * A copy with every setting of this block and of the blocks nested in it passed through
     * {@code f} (null drops the setting), deepest first. For checks that act on every value of a
     * kind wherever it is (scripts).
     */
    public Block mapDeep(java.util.function.BiFunction<Block, Setting, Setting> f) {
        List<Setting> copy = null; // made at the first change: most blocks come back unchanged
        for (int i = 0; i < settings.size(); i++) {
            Setting s = settings.get(i);
            Setting t = s;
            if (s.value() instanceof Block nested) {
                Block mapped = nested.mapDeep(f);
                if (mapped != nested) {
                    t = s.withValue(mapped);
                }
            }
            Setting u = f.apply(this, t);
            if (u != s && copy == null) {
                copy = new ArrayList<>(settings.subList(0, i));
            }
            if (copy != null && u != null) {
                copy.add(u);
            }
        }
        return copy == null ? this : new Block(spec, head, pos, end, copy);
    }

    /** Calls {@code f} with every setting of this block and of the blocks nested in it, deepest first. */
    public void visitDeep(java.util.function.BiConsumer<Block, Setting> f) {
        for (Setting s : settings) {
            if (s.value() instanceof Block nested) {
                nested.visitDeep(f);
            }
            f.accept(this, s);
        }
    }

    /** Equal if the same kind, head and settings; positions are not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && b.spec == spec && Objects.equals(b.head, head) && b.settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec.name(), head, settings);
    }

    @Override
    public String toString() {
        return spec.name() + (head == null ? "" : " " + head) + " " + settings;
    }
}
