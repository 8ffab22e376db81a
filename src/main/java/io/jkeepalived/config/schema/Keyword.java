package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.ValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the keyword table: a keyword of a block, what its arguments are, its default,
 * since when keepalived has it, and whether jkeepalived implements it (through its
 * {@link Feature}). Three shapes, as in keepalived's parser:
 * <ul>
 *   <li>{@link Value}: {@code keyword args...}</li>
 *   <li>{@link ListBlock}: {@code keyword { line; line; ... }}, each line one entry
 *       (keepalived's alloc_value_block), e.g. virtual_ipaddress</li>
 *   <li>{@link Block}: {@code keyword [args] { keywords... }}, e.g. vrrp_instance NAME</li>
 * </ul>
 * Keywords are built once, as constants of the table classes, with the fluent setters below,
 * and never change after their table class is initialised.
 */
public abstract sealed class Keyword<T> permits Keyword.Value, Keyword.ListBlock, Keyword.Block {

    /** What a repeated keyword does. */
    public enum Repeat {
        /** A later occurrence replaces an earlier one (keepalived's usual behaviour). */
        LAST_WINS,
        /** Every occurrence is kept, in order (list blocks append, named blocks are separate). */
        ACCUMULATE,
        /** Occurrences of a block without a name add to one block (several global_defs). */
        MERGE
    }

    private final BlockSpec block;
    private final String name;
    private final List<String> aliases = new ArrayList<>();
    private final List<String> deprecatedSpellings = new ArrayList<>();
    private final List<String> reportedSpellings = new ArrayList<>();
    private Feature feature;
    private String since = "";
    private String doc = "";
    private String deprecation;
    private Repeat repeat;
    private boolean stopsWithoutParameter;

    Keyword(BlockSpec block, String name, Feature feature, Repeat repeat) {
        this.block = block;
        this.name = name;
        this.feature = feature;
        this.repeat = repeat;
    }

    public BlockSpec block() {
        return block;
    }

    /** The spelling -d prints. */
    public String name() {
        return name;
    }

    /** Other spellings with the same meaning (lvs_sched for lb_algo). */
    public List<String> aliases() {
        return List.copyOf(aliases);
    }

    /** Old spellings keepalived still accepts with a deprecation warning. */
    public List<String> deprecatedSpellings() {
        return List.copyOf(deprecatedSpellings);
    }

    /**
     * Whether keepalived itself reports this old spelling as a configuration problem (which makes
     * its -t exit 5), rather than only logging it at run time.
     */
    public boolean spellingReported(String spelling) {
        return reportedSpellings.contains(spelling);
    }

    /**
     * Whether keepalived's handler reads its parameters without counting them first, so that a
     * missing one stops keepalived ("missing a parameter", exit 2) instead of being reported by the
     * handler and ignored (exit 5). Recorded per keyword from the 2.2.7 binary.
     */
    public boolean stopsWithoutParameter() {
        return stopsWithoutParameter;
    }

    public Feature feature() {
        return feature;
    }

    public boolean implemented() {
        return feature.implemented();
    }

    public String since() {
        return since;
    }

    public String doc() {
        return doc;
    }

    /** Non-null if the keyword itself is deprecated: what to use instead. */
    public String deprecation() {
        return deprecation;
    }

    public Repeat repeat() {
        return repeat;
    }

    /** The syntax of the arguments, for documentation. */
    public abstract String syntax();

    // ---- fluent setters, used only while the table class initialises ----

    @SuppressWarnings("unchecked")
    private <K extends Keyword<T>> K self() {
        return (K) this;
    }

    public <K extends Keyword<T>> K alias(String spelling) {
        aliases.add(spelling);
        block.register(spelling, this);
        return self();
    }

    public <K extends Keyword<T>> K deprecatedSpelling(String spelling) {
        deprecatedSpellings.add(spelling);
        block.register(spelling, this);
        return self();
    }

    /** An old spelling that keepalived reports as a configuration problem (see {@link #spellingReported}). */
    public <K extends Keyword<T>> K reportedDeprecatedSpelling(String spelling) {
        reportedSpellings.add(spelling);
        return deprecatedSpelling(spelling);
    }

    /** See {@link #stopsWithoutParameter()}. */
    public <K extends Keyword<T>> K readsParameterBlindly() {
        this.stopsWithoutParameter = true;
        return self();
    }

    public <K extends Keyword<T>> K since(String version) {
        this.since = version;
        return self();
    }

    public <K extends Keyword<T>> K doc(String text) {
        this.doc = text;
        return self();
    }

    public <K extends Keyword<T>> K feature(Feature f) {
        this.feature = f;
        return self();
    }

    public <K extends Keyword<T>> K deprecated(String useInstead) {
        this.deprecation = useInstead;
        return self();
    }

    public <K extends Keyword<T>> K repeat(Repeat r) {
        this.repeat = r;
        return self();
    }

    @Override
    public String toString() {
        return block.name() + "." + name;
    }

    /** {@code keyword args...}: one value of type T. */
    public static final class Value<T> extends Keyword<T> {
        private final ValueType<T> type;
        private T defaultValue;
        private ReaderHook<T> readerHook;

        Value(BlockSpec block, String name, ValueType<T> type, Feature feature) {
            super(block, name, feature, Repeat.LAST_WINS);
            this.type = Objects.requireNonNull(type);
        }

        public ValueType<T> type() {
            return type;
        }

        /** keepalived's default when the keyword is absent; null if there is none (unset). */
        public T defaultValue() {
            return defaultValue;
        }

        public Value<T> defaultsTo(T value) {
            this.defaultValue = value;
            return this;
        }

        /** For the few keywords that change how the rest of the file is read. */
        public ReaderHook<T> readerHook() {
            return readerHook;
        }

        public Value<T> onRead(ReaderHook<T> hook) {
            this.readerHook = hook;
            return this;
        }

        @Override
        public String syntax() {
            return type.syntax();
        }
    }

    /** {@code keyword { entry; entry; ... }}: a list of entries of type E, one per line. */
    public static final class ListBlock<E> extends Keyword<List<E>> {
        private final ValueType<E> entry;
        private final boolean wordsAreEntries;

        ListBlock(BlockSpec block, String name, ValueType<E> entry, boolean wordsAreEntries, Feature feature) {
            super(block, name, feature, Repeat.ACCUMULATE);
            this.entry = entry;
            this.wordsAreEntries = wordsAreEntries;
        }

        public ValueType<E> entry() {
            return entry;
        }

        /** True if every word of every line is an entry (notification_email), not every line. */
        public boolean wordsAreEntries() {
            return wordsAreEntries;
        }

        @Override
        public String syntax() {
            return "{ " + entry.syntax() + " ... }";
        }
    }

    /** {@code keyword [head args] { keywords of another block }}. */
    public static final class Block<H> extends Keyword<H> {
        private final ValueType<H> head;
        private final BlockSpec spec;

        Block(BlockSpec block, String name, ValueType<H> head, BlockSpec spec, Feature feature, Repeat repeat) {
            super(block, name, feature, repeat);
            this.head = head;
            this.spec = spec;
        }

        /** The arguments on the keyword's own line (the name of a vrrp_instance, the address of a virtual_server). */
        public ValueType<H> head() {
            return head;
        }

        public BlockSpec spec() {
            return spec;
        }

        @Override
        public String syntax() {
            String h = head.syntax();
            return (h.isEmpty() ? "" : h + " ") + "{ ... }";
        }
    }

    /** Lets a keyword act on the reader while the file is read (include_check, random_seed). */
    @FunctionalInterface
    public interface ReaderHook<T> {
        void apply(io.jkeepalived.config.read.ConfigReader reader, T value);
    }
}
