package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkeepalived.config.read.Words;
import io.jkeepalived.config.schema.BfdKeywords;
import io.jkeepalived.config.schema.Keyword;
import io.jkeepalived.config.schema.TrackKeywords;
import io.jkeepalived.config.value.Args;
import io.jkeepalived.config.value.TrackValues;
import io.jkeepalived.config.value.ValueException;
import io.jkeepalived.config.value.ValueType;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The value types of the tracking and BFD keywords: round trip, samples, and the number readers. */
class TrackValuesTest {

    private static Args args(String keyword, List<String> words, Diagnostics diags) {
        return new Args(keyword, words, keyword + " " + String.join(" ", words), new SourcePos(Path.of("t.conf"), 1), diags);
    }

    /** The words as the configuration reader would give them for the formatted line. */
    private static Args reread(String keyword, List<String> formatted, Diagnostics diags) {
        String line = String.join(" ", formatted);
        return new Args(keyword, Words.split(line), keyword + " " + line, new SourcePos(Path.of("t.conf"), 1), diags);
    }

    static Stream<Keyword.Value<?>> valueKeywords() {
        return Stream.concat(TrackKeywords.VRRP_SCRIPT.keywords().stream(),
                        Stream.concat(TrackKeywords.TRACK_FILE.keywords().stream(),
                                Stream.concat(TrackKeywords.TRACK_PROCESS.keywords().stream(), BfdKeywords.BFD_INSTANCE.keywords().stream())))
                .filter(k -> k instanceof Keyword.Value<?>)
                .map(k -> (Keyword.Value<?>) k);
    }

    /** Every sample parses back from its formatted words, without a complaint. */
    @ParameterizedTest
    @MethodSource("valueKeywords")
    void everyTypeRoundTripsItsSamples(Keyword.Value<?> keyword) {
        roundTrip(keyword.name(), keyword.type());
    }

    private static <T> void roundTrip(String name, ValueType<T> type) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            T v = type.sample(random);
            Diagnostics diags = new Diagnostics();
            T back = type.parse(reread(name, type.format(v), diags));
            assertThat(back).as("%s: %s -> %s", name, v, type.format(v)).isEqualTo(v);
            assertThat(diags.list()).as("%s: %s", name, type.format(v)).isEmpty();
        }
    }

    @Test
    void everyKeywordHasADoc() {
        valueKeywords().forEach(k -> assertThat(k.doc()).as(k.toString()).isNotBlank());
    }

    @Test
    void decimalsAreCountedInUnitsOfTheLastDecimal() {
        Diagnostics d = new Diagnostics();
        assertThat(TrackValues.parseDecimal(args("x", List.of(), d), "1.5", 3, 0, 10_000)).isEqualTo(1500);
        assertThat(TrackValues.parseDecimal(args("x", List.of(), d), " 2", 3, 0, 10_000)).isEqualTo(2000);
        assertThat(TrackValues.parseDecimal(args("x", List.of(), d), "0.000001", 6, 1, 10)).isEqualTo(1);
        assertThat(d.list()).isEmpty();
    }

    @Test
    void decimalsBeyondTheLastAreRoundedOnTheFirstExtraDigit() {
        Diagnostics d = new Diagnostics();
        assertThat(TrackValues.parseDecimal(args("x", List.of(), d), "1.99949", 3, 0, 10_000)).isEqualTo(1999);
        assertThat(TrackValues.parseDecimal(args("x", List.of(), d), "1.9995", 3, 0, 10_000)).isEqualTo(2000);
        assertThat(d.list()).extracting(Diagnostic::message).containsExactly(
                "number '1.99949' has too many decimal places - rounded to 1.999",
                "number '1.9995' has too many decimal places - rounded to 2");
    }

    @Test
    void decimalsRejectSignsExponentsAndEmptyNumbers() {
        Diagnostics d = new Diagnostics();
        for (String bad : List.of(".", "", "+", "1e3", "0x10", "1,5", "١")) {
            assertThatThrownBy(() -> TrackValues.parseDecimal(args("x", List.of(), d), bad, 3, 0, 10_000))
                    .as(bad).isInstanceOf(ValueException.class).hasMessage("invalid number '" + bad + "'");
        }
        assertThatThrownBy(() -> TrackValues.parseDecimal(args("x", List.of(), d), "-1", 3, 0, 10_000))
                .hasMessage("negative number '-1'");
        assertThatThrownBy(() -> TrackValues.parseDecimal(args("x", List.of(), d), "123456789012345678901234567890", 3, 0, 10_000))
                .hasMessage("number '123456789012345678901234567890' outside range [0.000, 10.000]");
    }

    @Test
    void formatDecimalDropsTrailingZeros() {
        assertThat(TrackValues.formatDecimal(1500, 3)).isEqualTo("1.5");
        assertThat(TrackValues.formatDecimal(2000, 3)).isEqualTo("2");
        assertThat(TrackValues.formatDecimal(1, 6)).isEqualTo("0.000001");
        assertThat(TrackValues.formatDecimal(3_600_000_000L, 6)).isEqualTo("3600");
    }
}
