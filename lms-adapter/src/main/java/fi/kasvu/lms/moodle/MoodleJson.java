package fi.kasvu.lms.moodle;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * The JSON-B configuration for Moodle's answers, tolerant where Moodle varies: booleans arrive
 * as {@code true}, {@code 1} or {@code "1"}; strings sometimes as numbers; unknown keys are ignored.
 */
final class MoodleJson {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new LenientBoolean(), new LenientString()));

    private MoodleJson() {
    }

    /** Reads {@code true}/{@code false}, {@code 0}/{@code 1} and {@code "0"}/{@code "1"} as booleans. */
    static final class LenientBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NUMBER -> ((JsonNumber) value).doubleValue() != 0.0;
                case STRING -> {
                    String text = ((JsonString) value).getString().strip();
                    yield !(text.isEmpty() || text.equals("0") || text.equalsIgnoreCase("false"));
                }
                default -> null;
            };
        }
    }

    /** Reads strings, and numbers or booleans where Moodle sends those for a text field. */
    static final class LenientString implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NULL -> null;
                default -> value.toString();
            };
        }
    }
}
