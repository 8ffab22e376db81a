package io.jkeepalived.config.parse;

import io.jkeepalived.config.SourcePos;
import io.jkeepalived.config.schema.Keyword;
import java.util.Objects;

/**
 * One occurrence of a keyword in a block: its value (for a list block, the entries of this
 * occurrence; for a nested block, the {@link Block}), where it was written, and how it was spelled.
 * Two settings are equal if keyword and value are; position and spelling are not compared.
 */
public final class Setting {

    private final Keyword<?> keyword;
    private final Object value;
    private final SourcePos pos;
    private final SourcePos origin;
    private final String spelling;

    public Setting(Keyword<?> keyword, Object value, SourcePos pos, String spelling) {
        this(keyword, value, pos, pos, spelling);
    }

    /**
     * @param origin for the entries of a list block, the line of the keyword that opened the
     *               block (one block's entries share it); otherwise the same as {@code pos}
     */
    public Setting(Keyword<?> keyword, Object value, SourcePos pos, SourcePos origin, String spelling) {
        this.keyword = keyword;
        this.value = value;
        this.pos = pos;
        this.origin = origin;
        this.spelling = spelling;
    }

    public Keyword<?> keyword() {
        return keyword;
    }

    public Object value() {
        return value;
    }

    public SourcePos pos() {
        return pos;
    }

    /** Where the list block this entry belongs to was opened (see the constructor). */
    public SourcePos origin() {
        return origin;
    }

    public String spelling() {
        return spelling;
    }

    public Setting withValue(Object newValue) {
        return new Setting(keyword, newValue, pos, origin, spelling);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting s && s.keyword == keyword && Objects.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return keyword.hashCode() * 31 + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return keyword.name() + "=" + value;
    }
}
