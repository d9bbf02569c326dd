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
        return string(name, value == null ? null : value.toString());
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
