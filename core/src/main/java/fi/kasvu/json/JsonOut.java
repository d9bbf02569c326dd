package fi.kasvu.json;

import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A small writer over a JSON-P generator that leaves out null values, writes instants and dates
 * in ISO-8601, and enums by name, so that every codec writes the same way.
 */
final class JsonOut {

    private final JsonGenerator generator;

    JsonOut(JsonGenerator generator) {
        this.generator = generator;
    }

    JsonOut string(String name, String value) {
        if (value != null) {
            generator.write(name, value);
        }
        return this;
    }

    JsonOut number(String name, long value) {
        generator.write(name, value);
        return this;
    }

    JsonOut number(String name, double value) {
        generator.write(name, value);
        return this;
    }

    JsonOut optionalNumber(String name, Integer value) {
        if (value != null) {
            generator.write(name, value);
        }
        return this;
    }

    JsonOut bool(String name, boolean value) {
        generator.write(name, value);
        return this;
    }

    JsonOut instant(String name, Instant value) {
        return string(name, value == null ? null : formatInstant(value));
    }

    private static final long SECONDS_0001 = -62_135_596_800L;
    private static final long SECONDS_10000 = 253_402_300_800L;

    /**
     * {@link Instant#toString} for the years 1..9999 without {@code DateTimeFormatter} (its
     * {@code ISO_INSTANT} printer was a visible share of a launch's CPU, issue 19): seconds always,
     * the fraction as 3, 6 or 9 digits, whichever is the shortest exact one. Other years are
     * {@code toString}'s own.
     */
    static String formatInstant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < SECONDS_0001 || seconds >= SECONDS_10000) {
            return instant.toString();
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
        int nanos = instant.getNano();
        char[] out = new char[30];
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        int n = 19;
        if (nanos != 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, n, nanos / 1_000, 6);
                n += 6;
            } else {
                put(out, n, nanos, 9);
                n += 9;
            }
        }
        out[n++] = 'Z';
        return new String(out, 0, n);
    }

    /** The value's decimal digits, zero-padded to width, at out[at..at+width). */
    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    JsonOut date(String name, LocalDate value) {
        return string(name, value == null ? null : value.toString());
    }

    JsonOut enumValue(String name, Enum<?> value) {
        return string(name, value == null ? null : value.name());
    }

    /** Writes a nested object, or nothing when the value is null. */
    <T> JsonOut object(String name, T value, BiConsumer<T, JsonOut> fields) {
        if (value != null) {
            generator.writeStartObject(name);
            fields.accept(value, this);
            generator.writeEnd();
        }
        return this;
    }

    /** Writes a nested object built by the consumer. */
    JsonOut object(String name, Consumer<JsonOut> fields) {
        generator.writeStartObject(name);
        fields.accept(this);
        generator.writeEnd();
        return this;
    }

    /** Writes an array of objects, always (an empty collection as {@code []}). */
    <T> JsonOut objects(String name, Collection<T> values, BiConsumer<T, JsonOut> fields) {
        generator.writeStartArray(name);
        for (T value : values) {
            generator.writeStartObject();
            fields.accept(value, this);
            generator.writeEnd();
        }
        generator.writeEnd();
        return this;
    }

    /** Writes an object of string values, always, its names in alphabetical order. */
    JsonOut stringMap(String name, java.util.Map<String, String> values) {
        generator.writeStartObject(name);
        new java.util.TreeMap<>(values).forEach(generator::write);
        generator.writeEnd();
        return this;
    }

    /** Writes an array of strings, always (an empty collection as {@code []}). */
    JsonOut strings(String name, Collection<String> values) {
        generator.writeStartArray(name);
        values.forEach(generator::write);
        generator.writeEnd();
        return this;
    }

    /** Writes an array of enum names, always. */
    JsonOut enums(String name, Collection<? extends Enum<?>> values) {
        generator.writeStartArray(name);
        values.forEach(value -> generator.write(value.name()));
        generator.writeEnd();
        return this;
    }
}
