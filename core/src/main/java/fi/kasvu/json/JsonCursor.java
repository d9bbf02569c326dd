package fi.kasvu.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A read position in a JSON object that knows its path, so that every error names where it is:
 * a missing field, a wrong type, an unknown enum value, or a value the domain constructor rejects.
 */
final class JsonCursor {

    private final JsonObject object;
    private final String path;

    private JsonCursor(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The cursor at the document root ({@code $}). */
    static JsonCursor root(JsonValue value) {
        return new JsonCursor(asObject(value, "$"), "$");
    }

    String path() {
        return path;
    }

    String pathOf(String name) {
        return path + "." + name;
    }

    KasvuJsonException error(String name, String problem) {
        return new KasvuJsonException(name == null ? path : pathOf(name), problem);
    }

    boolean has(String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** Rejects fields this version of the format does not know, which catches typos in hand-written files. */
    JsonCursor allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
        return this;
    }

    private JsonValue required(String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw error(name, "missing required field");
        }
        return value;
    }

    String string(String name) {
        JsonValue value = required(name);
        if (!(value instanceof JsonString text)) {
            throw error(name, "expected a string but found " + describe(value));
        }
        return text.getString();
    }

    /** A string, or null when the field is absent or null. */
    String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    /** A string, or "" when the field is absent or null. */
    String text(String name) {
        return has(name) ? string(name) : "";
    }

    long longValue(String name) {
        JsonValue value = required(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw error(name, "expected a whole number but found " + describe(value));
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw error(name, "number out of range: " + number);
        }
    }

    int integer(String name) {
        long value = longValue(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(name, "number out of range: " + value);
        }
        return (int) value;
    }

    /** A whole number, or null when the field is absent or null. */
    Integer optionalInteger(String name) {
        return has(name) ? integer(name) : null;
    }

    double decimal(String name) {
        JsonValue value = required(name);
        if (!(value instanceof JsonNumber number)) {
            throw error(name, "expected a number but found " + describe(value));
        }
        return number.doubleValue();
    }

    boolean bool(String name) {
        JsonValue value = required(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw error(name, "expected true or false but found " + describe(value));
    }

    /** A boolean, or the default when the field is absent or null. */
    boolean bool(String name, boolean defaultValue) {
        return has(name) ? bool(name) : defaultValue;
    }

    Instant instant(String name) {
        String text = string(name);
        try {
            return parseInstant(text);
        } catch (DateTimeException e) {
            throw error(name, "expected an ISO-8601 instant such as 2026-11-23T10:15:30Z but found \"" + clip(text) + "\"");
        }
    }

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};

    /**
     * {@link Instant#parse} for the form {@link Instant#toString} writes ({@code 2026-11-23T10:15:30Z},
     * with up to nine digits of fraction), without {@code DateTimeFormatter}, whose fraction parsing
     * through {@code BigDecimal} was a visible share of a launch's CPU (issue 19); any other text,
     * and any field out of range, goes to {@code Instant.parse}, so the result and the errors are
     * exactly its own.
     */
    static Instant parseInstant(String text) {
        int n = text.length();
        if (n == 20 || (n >= 22 && n <= 30 && text.charAt(19) == '.')) {
            if (text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                    && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z') {
                int year = digits(text, 0, 4);
                int month = digits(text, 5, 7);
                int day = digits(text, 8, 10);
                int hour = digits(text, 11, 13);
                int minute = digits(text, 14, 16);
                int second = digits(text, 17, 19);
                int fraction = n == 20 ? 0 : digits(text, 20, n - 1);
                if ((year | month | day | hour | minute | second | fraction) >= 0) {
                    int nanos = n == 20 ? 0 : fraction * NANOS_PER_DIGIT[n - 22];
                    try {
                        return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                                .toInstant(java.time.ZoneOffset.UTC);
                    } catch (DateTimeException outOfRange) {
                        // Instant.parse decides (a leap second, 24:00) and words the error.
                    }
                }
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in text[from, to), or -1 if a character there is not a digit 0-9. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    Instant optionalInstant(String name) {
        return has(name) ? instant(name) : null;
    }

    LocalDate date(String name) {
        String text = string(name);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw error(name, "expected an ISO-8601 date such as 2026-11-23 but found \"" + clip(text) + "\"");
        }
    }

    LocalDate optionalDate(String name) {
        return has(name) ? date(name) : null;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = string(name);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw error(name, "unknown value \"" + clip(text) + "\"; expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        return has(name) ? enumValue(name, type) : null;
    }

    /** A nested object read by the reader, with errors inside it named by their full path. */
    <T> T object(String name, Function<JsonCursor, T> reader) {
        JsonCursor nested = new JsonCursor(asObject(required(name), pathOf(name)), pathOf(name));
        return reader.apply(nested);
    }

    /** A nested object, or null when the field is absent or null. */
    <T> T optionalObject(String name, Function<JsonCursor, T> reader) {
        return has(name) ? object(name, reader) : null;
    }

    /** An array of objects; an absent or null field reads as an empty list. */
    <T> List<T> objects(String name, Function<JsonCursor, T> reader) {
        if (!has(name)) {
            return List.of();
        }
        JsonArray array = asArray(name);
        List<T> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String itemPath = pathOf(name) + "[" + i + "]";
            result.add(reader.apply(new JsonCursor(asObject(array.get(i), itemPath), itemPath)));
        }
        return result;
    }

    /** An array of strings; an absent or null field reads as an empty list. */
    List<String> strings(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonArray array = asArray(name);
        List<String> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (!(item instanceof JsonString text)) {
                throw new KasvuJsonException(pathOf(name) + "[" + i + "]", "expected a string but found " + describe(item));
            }
            result.add(text.getString());
        }
        return result;
    }

    /** An object whose values are all strings, in the document's order; an absent or null field reads as empty. */
    java.util.Map<String, String> stringMap(String name) {
        if (!has(name)) {
            return java.util.Map.of();
        }
        JsonObject object = asObject(required(name), pathOf(name));
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof JsonString text)) {
                throw new KasvuJsonException(pathOf(name) + "." + entry.getKey(),
                        "expected a string but found " + describe(entry.getValue()));
            }
            result.put(entry.getKey(), text.getString());
        }
        return result;
    }

    /** An array of enum names; an absent or null field reads as an empty set. */
    <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
        EnumSet<E> result = EnumSet.noneOf(type);
        List<String> names = strings(name);
        for (int i = 0; i < names.size(); i++) {
            try {
                result.add(Enum.valueOf(type, names.get(i)));
            } catch (IllegalArgumentException e) {
                throw new KasvuJsonException(pathOf(name) + "[" + i + "]", "unknown value \"" + clip(names.get(i))
                        + "\"; expected one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return result;
    }

    /**
     * Runs a domain constructor or factory, turning the domain's own validation failure into an
     * error at this cursor's path with the domain's message (which names the field and value).
     */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw new KasvuJsonException(path, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * Runs a domain check on one field's value, reporting a rejection at that field's path
     * ({@code $.will.commitment: commitment must be 1..10: 11}) rather than at the enclosing object.
     */
    <T> T buildAt(String name, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw new KasvuJsonException(pathOf(name), e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private JsonArray asArray(String name) {
        JsonValue value = required(name);
        if (!(value instanceof JsonArray array)) {
            throw error(name, "expected an array but found " + describe(value));
        }
        return array;
    }

    private static JsonObject asObject(JsonValue value, String path) {
        if (!(value instanceof JsonObject object)) {
            throw new KasvuJsonException(path, "expected an object but found " + describe(value));
        }
        return object;
    }

    static String describe(JsonValue value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + clip(((JsonString) value).getString()) + "\"";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> value.toString();
            case NULL -> "null";
        };
    }

    static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
