package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The documents' fast instant parsing gives exactly what {@link Instant#parse} gives, errors included. */
class InstantParsingTest {

    @Test
    void everyInstantAsWritten_readsBackAsInstantParseReadsIt() {
        Random random = new Random(19);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                    random.nextInt(1_000_000_000));
            for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS,
                ChronoUnit.SECONDS}) {
                String text = instant.truncatedTo(unit).toString();
                assertThat(JsonCursor.parseInstant(text)).as(text).isEqualTo(Instant.parse(text))
                        .isEqualTo(instant.truncatedTo(unit));
            }
        }
    }

    @Test
    void everyOtherForm_isInstantParsesOwn() {
        for (String text : new String[] {"2026-11-23T10:15:30Z", "2026-11-23T10:15:30.1Z", "2026-11-23T10:15:30.123456789Z",
            "2026-12-31T23:59:60Z", "2026-11-23t10:15:30z", "2026-11-23T10:15:30+02:00", "+10000-01-01T00:00:00Z",
            "2026-11-23T10:15:30.000000000Z", "2026-11-23T24:00:00Z"}) {
            sameAsInstantParse(text);
        }
    }

    @Test
    void badText_failsAsInstantParseFails() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T10:15:30.Z",
            "2026-11-23T10:61:30Z", "2026-11-23T10:15:30.1234567890Z", "2026-11-2310:15:30Z", "2026-1a-23T10:15:30Z",
            "２０２６-11-23T10:15:30Z", "", "2026-11-23T10:15:30"}) {
            sameAsInstantParse(text);
        }
        assertThatThrownBy(() -> JsonCursor.parseInstant("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeException.class);
    }

    private static void sameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> JsonCursor.parseInstant(text)).as(text).isInstanceOf(DateTimeException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(JsonCursor.parseInstant(text)).as(text).isEqualTo(expected);
    }

    @Test
    void everyInstantIsWrittenExactlyAsInstantToStringWritesIt() {
        Random random = new Random(23);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                    random.nextInt(1_000_000_000));
            for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS,
                ChronoUnit.SECONDS}) {
                Instant value = instant.truncatedTo(unit);
                assertThat(KasvuJson.formatInstant(value)).isEqualTo(value.toString());
                assertThat(KasvuJson.parseInstant(KasvuJson.formatInstant(value))).isEqualTo(value);
            }
        }
        for (Instant edge : new Instant[] {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("0000-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T12:00:00Z"),
            Instant.parse("2026-12-03T18:00:00.000001Z"), Instant.parse("2026-12-03T18:00:00.100Z"),
            Instant.ofEpochSecond(-1, 1)}) {
            assertThat(KasvuJson.formatInstant(edge)).isEqualTo(edge.toString());
        }
    }
}
