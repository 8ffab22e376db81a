package io.jkeepalived.config.parse;

import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.read.ConfigReader;
import io.jkeepalived.config.read.Line;
import io.jkeepalived.config.schema.BlockSpec;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.ValueException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the reader's lines into a tree of {@link Block}s, guided by the keyword table: the table
 * says which keywords open a block of keywords, which open a list block, and which take values
 * (keepalived's process_stream and alloc_value_block). It works with an explicit stack, so no
 * input nests it deeper than the table does; an unknown keyword's block is skipped whole.
 */
public final class BlockParser {

    private final ConfigReader reader;
    private final Diagnostics diags;
    private final BlockSpec root;
    private Line peeked;
    private final Map<Keyword<?>, Usage> usage = new LinkedHashMap<>();

    /** How often and where a keyword was first used; -t names the ones not implemented. */
    public record Usage(SourcePos first, int count) {
    }

    public BlockParser(ConfigReader reader, BlockSpec root, Diagnostics diags) {
        this.reader = reader;
        this.root = root;
        this.diags = diags;
    }

    /** Keywords used, in order of first use. */
    public Map<Keyword<?>, Usage> usage() {
        return usage;
    }

    private Line next() {
        if (peeked != null) {
            Line l = peeked;
            peeked = null;
            return l;
        }
        return reader.next();
    }

    private Line peek() {
        if (peeked == null) {
            peeked = reader.next();
        }
        return peeked;
    }

    /** A block being filled. */
    private static final class Frame {
        final Keyword<?> keyword;
        final BlockSpec spec;
        final Object head;
        final SourcePos pos;
        final List<Setting> settings;
        final Frame mergeInto;
        /** Sections of this block opened so far (a second global_defs adds to the first). */
        final Map<Keyword<?>, Frame> sections = new LinkedHashMap<>();

        Frame(Keyword<?> keyword, BlockSpec spec, Object head, SourcePos pos, List<Setting> settings, Frame mergeInto) {
            this.keyword = keyword;
            this.spec = spec;
            this.head = head;
            this.pos = pos;
            this.settings = settings;
            this.mergeInto = mergeInto;
        }

        String describe() {
            return spec.name() + (head == null ? "" : " " + head);
        }
    }

    public Block parse() {
        Deque<Frame> stack = new ArrayDeque<>();
        Frame top = new Frame(null, root, null, reader.position(), new ArrayList<>(), null);
        stack.push(top);
        Line line;
        while ((line = next()) != null) {
            Frame frame = stack.peek();
            if (line.isCloseBrace()) {
                if (stack.size() == 1) {
                    diags.error(line.pos(), "extra '}' - ignored");
                } else {
                    close(stack, line.pos());
                }
                continue;
            }
            if (line.isOpenBrace()) {
                diags.error(line.pos(), "unexpected '{' - skipping the block it opens");
                skipBlock();
                continue;
            }
            Keyword<?> keyword = frame.spec.lookup(line.first());
            if (keyword == null && frame.spec.bareLines() != null) {
                bareLine(frame, frame.spec.bareLines(), line);
                continue;
            }
            if (keyword == null) {
                unknown(frame, line);
                continue;
            }
            used(keyword, line.pos());
            if (keyword.spellingReported(line.first())) {
                diags.warning(line.pos(), "Keyword \"" + line.first() + "\" is deprecated - please use \""
                        + keyword.name() + "\"");
            } else if (!keyword.name().equals(line.first()) && keyword.deprecatedSpellings().contains(line.first())) {
                diags.lint(line.pos(), "'" + line.first() + "' is deprecated - use '" + keyword.name() + "'");
            }
            if (keyword.deprecation() != null) {
                diags.lint(line.pos(), "'" + line.first() + "' is deprecated - " + keyword.deprecation());
            }
            Args args = new Args(line.first(), line.words().subList(1, line.words().size()), line.text(), line.pos(), diags);
            switch (keyword) {
                case Keyword.Value<?> value -> value(frame, value, args, line);
                case Keyword.ListBlock<?> list -> list(frame, list, args, line);
                case Keyword.Block<?> block -> {
                    Frame child = open(frame, block, args, line);
                    if (child != null) {
                        stack.push(child);
                    }
                }
            }
        }
        if (stack.size() > 1) {
            Frame innermost = stack.peek();
            int missing = stack.size() - 1;
            diags.error(innermost.pos, missing + " missing '}' at the end of the configuration: "
                    + innermost.describe() + " opened here is not closed");
            while (stack.size() > 1) {
                close(stack, reader.position());
            }
        }
        Frame rootFrame = stack.pop();
        return new Block(root, null, rootFrame.pos, rootFrame.settings);
    }

    private void used(Keyword<?> keyword, SourcePos pos) {
        usage.merge(keyword, new Usage(pos, 1), (a, b) -> new Usage(a.first(), a.count() + 1));
    }

    private <T> void value(Frame frame, Keyword.Value<T> keyword, Args args, Line line) {
        try {
            T v = keyword.type().parse(args);
            frame.settings.add(new Setting(keyword, v, line.pos(), line.first()));
            if (keyword.readerHook() != null) {
                keyword.readerHook().apply(reader, v);
            }
        } catch (ValueException e) {
            report(keyword, line.pos(), line.first() + ": " + e.getMessage() + " - ignored", e);
        }
        Line after = peek();
        if (after != null && after.isOpenBrace()) {
            next();
            diags.error(after.pos(), "'" + line.first() + "' does not take a block - skipping it");
            skipBlock();
        }
    }

    /**
     * A list block: every line up to the matching '}' is an entry (or, for word lists, every
     * word). keepalived tolerates a missing '{' here and so do we, with an error.
     */
    private <E> void list(Frame frame, Keyword.ListBlock<E> keyword, Args args, Line line) {
        args.ignoreAfter(0);
        Line open = peek();
        if (open == null || !open.isOpenBrace()) {
            diags.error(line.pos(), "missing '{' after " + line.first());
            if (open == null) {
                return;
            }
        } else {
            next();
        }
        int before = frame.settings.size();
        Line entry;
        while ((entry = next()) != null && !entry.isCloseBrace()) {
            if (entry.isOpenBrace()) {
                diags.error(entry.pos(), "unexpected '{' inside " + line.first() + " - skipping the block it opens");
                skipBlock();
                continue;
            }
            List<E> entries = new ArrayList<>();
            if (keyword.wordsAreEntries()) {
                for (String word : entry.words()) {
                    parseEntry(keyword, new Args(line.first(), List.of(word), entry.text(), entry.pos(), diags), entries);
                }
            } else {
                parseEntry(keyword, new Args(line.first(), entry.words(), entry.text(), entry.pos(), diags), entries);
            }
            if (!entries.isEmpty()) {
                // one setting per line, so that every entry keeps the line it was written on
                frame.settings.add(new Setting(keyword, List.copyOf(entries), entry.pos(), line.pos(), line.first()));
            }
        }
        if (entry == null) {
            diags.error(line.pos(), "missing '}' at the end of the configuration: " + line.first() + " opened here is not closed");
        }
        if (frame.settings.size() == before) {
            frame.settings.add(new Setting(keyword, List.of(), line.pos(), line.first()));
        }
    }

    /** A line of a block whose non-keyword lines are list entries (virtual_server_group). */
    private <E> void bareLine(Frame frame, Keyword.ListBlock<E> keyword, Line line) {
        used(keyword, line.pos());
        List<E> entries = new ArrayList<>();
        parseEntry(keyword, new Args(frame.spec.name(), line.words(), line.text(), line.pos(), diags), entries);
        if (!entries.isEmpty()) {
            frame.settings.add(new Setting(keyword, List.copyOf(entries), line.pos(), keyword.name()));
        }
        Line after = peek();
        if (after != null && after.isOpenBrace()) {
            next();
            diags.error(after.pos(), "unexpected '{' after '" + line.first() + "' - skipping the block");
            skipBlock();
        }
    }

    private <E> void parseEntry(Keyword.ListBlock<E> keyword, Args args, List<E> into) {
        try {
            into.add(keyword.entry().parse(args));
        } catch (ValueException e) {
            report(keyword, args.pos(), keyword.name() + ": " + e.getMessage() + " - ignored", e);
        }
    }

    /**
     * A value that does not parse is ignored with an error; a missing parameter of a keyword
     * whose keepalived handler reads it blindly stops keepalived, which is exit status 2.
     */
    private void report(Keyword<?> keyword, SourcePos pos, String message, ValueException e) {
        if (e.isMissingParameter() && keyword.stopsWithoutParameter()) {
            diags.missingParameter(pos, message);
        } else {
            diags.error(pos, message);
        }
    }

    /** Opens a nested block; returns its frame, or null if it had to be skipped. */
    private <H> Frame open(Frame parent, Keyword.Block<H> keyword, Args args, Line line) {
        H head;
        try {
            head = keyword.head().parse(args);
        } catch (ValueException e) {
            report(keyword, line.pos(), line.first() + ": " + e.getMessage() + " - skipping the block", e);
            Line open = peek();
            if (open != null && open.isOpenBrace()) {
                next();
                skipBlock();
            }
            return null;
        }
        Line open = peek();
        if (open != null && open.isOpenBrace()) {
            next();
        } else {
            diags.error(line.pos(), "missing '{' after " + line.first());
        }
        if (keyword.repeat() == Keyword.Repeat.MERGE) {
            Frame first = parent.sections.get(keyword);
            if (first != null) {
                // a second global_defs adds to the first, as in keepalived
                return new Frame(keyword, keyword.spec(), head, first.pos, first.settings, first);
            }
            Frame f = new Frame(keyword, keyword.spec(), head, line.pos(), new ArrayList<>(), null);
            parent.sections.put(keyword, f);
            return f;
        }
        return new Frame(keyword, keyword.spec(), head, line.pos(), new ArrayList<>(), null);
    }

    private void close(Deque<Frame> stack, SourcePos end) {
        Frame done = stack.pop();
        Frame parent = stack.peek();
        Setting setting = new Setting(done.keyword, new Block(done.spec, done.head, done.pos, end, done.settings),
                done.pos, done.keyword.name());
        if (done.mergeInto != null) {
            // the merged block replaces the one made when the first occurrence closed
            for (int i = 0; i < parent.settings.size(); i++) {
                if (parent.settings.get(i).keyword() == done.keyword) {
                    parent.settings.set(i, setting);
                    return;
                }
            }
        }
        parent.settings.add(setting);
    }

    /** Skips the lines of a block whose '{' was just read, up to its matching '}'. */
    private void skipBlock() {
        int depth = 1;
        Line l;
        while (depth > 0 && (l = next()) != null) {
            if (l.isOpenBrace()) {
                depth++;
            } else if (l.isCloseBrace()) {
                depth--;
            }
        }
    }

    private void unknown(Frame frame, Line line) {
        String word = line.first();
        diags.error(line.pos(), "unknown keyword '" + word + "' in " + frame.spec.name() + Suggest.hint(word, frame.spec, root));
        Line after = peek();
        if (after != null && after.isOpenBrace()) {
            next();
            skipBlock();
        }
    }
}
