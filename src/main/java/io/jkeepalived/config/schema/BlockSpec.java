package io.jkeepalived.config.schema;

import io.jkeepalived.config.value.Types;
import io.jkeepalived.config.value.ValueType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords allowed in one kind of block (global_defs, vrrp_instance, real_server, ...), in the
 * order -d prints them. Built by a table class's constants; read-only afterwards.
 */
public final class BlockSpec {

    private final String name;
    private final Feature feature;
    private final List<Keyword<?>> keywords = new ArrayList<>();
    private final Map<String, Keyword<?>> bySpelling = new LinkedHashMap<>();
    private Keyword.ListBlock<?> bareLines;

    public BlockSpec(String name, Feature feature) {
        this.name = name;
        this.feature = feature;
    }

    public String name() {
        return name;
    }

    public Feature feature() {
        return feature;
    }

    public List<Keyword<?>> keywords() {
        return Collections.unmodifiableList(keywords);
    }

    /** The keyword written as {@code spelling} (its name, an alias or a deprecated spelling), or null. */
    public Keyword<?> lookup(String spelling) {
        return bySpelling.get(spelling);
    }

    /**
     * The list that lines not starting with a keyword belong to (the addresses of a
     * virtual_server_group), or null if such lines are unknown keywords.
     */
    public Keyword.ListBlock<?> bareLines() {
        return bareLines;
    }

    /**
     * {@code block NAME { entry; keyword ...; entry }}: lines that do not start with one of the
     * block's keywords are entries of a list that has no keyword of its own in the file; -d
     * prints them as bare lines. The keyword name given is only used in JSON and messages.
     */
    public <E> Keyword.ListBlock<E> bare(String name, ValueType<E> entry) {
        Keyword.ListBlock<E> list = new Keyword.ListBlock<>(this, name, entry, false, feature);
        keywords.add(list);
        bareLines = list;
        return list;
    }

    /** Every spelling accepted in this block. */
    public java.util.Set<String> spellings() {
        return Collections.unmodifiableSet(bySpelling.keySet());
    }

    void register(String spelling, Keyword<?> keyword) {
        Keyword<?> previous = bySpelling.putIfAbsent(spelling, keyword);
        if (previous != null && previous != keyword) {
            throw new IllegalStateException("keyword '" + spelling + "' declared twice in " + name);
        }
    }

    private <K extends Keyword<?>> K add(K keyword) {
        keywords.add(keyword);
        register(keyword.name(), keyword);
        return keyword;
    }

    /** {@code keyword args...}. */
    public <T> Keyword.Value<T> value(String keyword, ValueType<T> type) {
        return add(new Keyword.Value<>(this, keyword, type, feature));
    }

    /** {@code keyword { line ... }}: one entry per line. */
    public <E> Keyword.ListBlock<E> list(String keyword, ValueType<E> entry) {
        return add(new Keyword.ListBlock<>(this, keyword, entry, false, feature));
    }

    /** {@code keyword { word word ... }}: one entry per word, whatever the lines. */
    public <E> Keyword.ListBlock<E> words(String keyword, ValueType<E> entry) {
        return add(new Keyword.ListBlock<>(this, keyword, entry, true, feature));
    }

    /** {@code keyword head { ... }}: a nested block; repeated occurrences are separate blocks. */
    public <H> Keyword.Block<H> block(String keyword, ValueType<H> head, BlockSpec spec) {
        return add(new Keyword.Block<>(this, keyword, head, spec, spec.feature(), Keyword.Repeat.ACCUMULATE));
    }

    /** {@code keyword { ... }} without arguments; repeated occurrences add to the same block (global_defs). */
    public Keyword.Block<Void> section(String keyword, BlockSpec spec) {
        return add(new Keyword.Block<>(this, keyword, Types.NONE, spec, spec.feature(), Keyword.Repeat.MERGE));
    }

    @Override
    public String toString() {
        return name;
    }
}
