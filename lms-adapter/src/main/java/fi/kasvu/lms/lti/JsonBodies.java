package fi.kasvu.lms.lti;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/** Reading JSON bodies from platforms, whatever content type they claim (Moodle says text/html). */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonStructure parse(String what, String body) throws IOException {
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw new IOException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    static JsonObject object(String what, String body) throws IOException {
        JsonStructure json = parse(what, body);
        if (!(json instanceof JsonObject object)) {
            throw new IOException(what + " is not a JSON object");
        }
        return object;
    }

    static Optional<String> string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (value instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        return Optional.empty();
    }

    static Optional<Double> number(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonNumber n) {
            return Optional.of(n.doubleValue());
        }
        if (value instanceof JsonString s) {
            try {
                return Optional.of(Double.parseDouble(s.getString()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static JsonArray array(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }
}
