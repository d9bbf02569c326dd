package fi.kasvu.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Parses untrusted JSON text into a tree with limits on size, depth and string length, so that
 * deeply nested garbage or a huge document fails with its location instead of exhausting memory
 * or the stack.
 */
final class BoundedJsonReader {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private final int maxChars;
    private final int maxDepth;
    private final int maxStringChars;

    BoundedJsonReader(int maxChars, int maxDepth, int maxStringChars) {
        this.maxChars = maxChars;
        this.maxDepth = maxDepth;
        this.maxStringChars = maxStringChars;
    }

    JsonValue read(String text) {
        if (text == null) {
            throw new KasvuJsonException("$", "no document (null)");
        }
        if (text.length() > maxChars) {
            throw new KasvuJsonException("$", "document is " + text.length() + " characters; at most " + maxChars + " are read");
        }
        if (text.isBlank()) {
            throw new KasvuJsonException("$", "empty document");
        }
        Deque<Frame> stack = new ArrayDeque<>();
        JsonValue root = null;
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                Frame top = stack.peek();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        String path = top == null ? "$" : top.childPath();
                        if (stack.size() >= maxDepth) {
                            throw new KasvuJsonException(path, "nested deeper than " + maxDepth + " levels");
                        }
                        stack.push(event == JsonParser.Event.START_OBJECT
                                ? Frame.object(path, PROVIDER.createObjectBuilder())
                                : Frame.array(path, PROVIDER.createArrayBuilder()));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Frame done = stack.pop();
                        JsonValue value = done.build();
                        if (stack.isEmpty()) {
                            root = value;
                        } else {
                            stack.peek().add(value);
                        }
                    }
                    case KEY_NAME -> top.key = parser.getString();
                    case VALUE_STRING -> {
                        String value = parser.getString();
                        if (value.length() > maxStringChars) {
                            throw new KasvuJsonException(top == null ? "$" : top.childPath(),
                                    "text is " + value.length() + " characters; at most " + maxStringChars + " are read");
                        }
                        root = addScalar(stack, PROVIDER.createValue(value), root);
                    }
                    case VALUE_NUMBER -> root = addScalar(stack, parser.isIntegralNumber()
                            ? PROVIDER.createValue(parser.getBigDecimal().toBigIntegerExact())
                            : PROVIDER.createValue(parser.getBigDecimal()), root);
                    case VALUE_TRUE -> root = addScalar(stack, JsonValue.TRUE, root);
                    case VALUE_FALSE -> root = addScalar(stack, JsonValue.FALSE, root);
                    case VALUE_NULL -> root = addScalar(stack, JsonValue.NULL, root);
                }
            }
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            String path = stack.isEmpty() ? "$" : stack.peek().childPath();
            throw new KasvuJsonException(path, "malformed JSON at line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (jakarta.json.JsonException | ArithmeticException e) {
            throw new KasvuJsonException("$", "malformed JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new KasvuJsonException("$", "empty document");
        }
        return root;
    }

    private static JsonValue addScalar(Deque<Frame> stack, JsonValue value, JsonValue root) {
        if (stack.isEmpty()) {
            return value;
        }
        stack.peek().add(value);
        return root;
    }

    private static final class Frame {
        private final String path;
        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private String key;
        private int size;

        private Frame(String path, JsonObjectBuilder object, JsonArrayBuilder array) {
            this.path = path;
            this.object = object;
            this.array = array;
        }

        static Frame object(String path, JsonObjectBuilder builder) {
            return new Frame(path, builder, null);
        }

        static Frame array(String path, JsonArrayBuilder builder) {
            return new Frame(path, null, builder);
        }

        String childPath() {
            return object != null ? path + "." + key : path + "[" + size + "]";
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
            }
            size++;
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }
}
