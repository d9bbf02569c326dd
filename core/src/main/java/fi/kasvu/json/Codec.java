package fi.kasvu.json;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * How one top-level aggregate is written and read. Implementations are stateless and live in
 * this package next to the cursor they read with.
 *
 * <p>A codec is also its own JSON-B serializer and deserializer: an implementation names its
 * aggregate type ({@code implements Codec<GrowConversation>}), which is how Yasson learns which
 * type the serializer is for (a generic wrapper class would hide it, and Yasson would silently
 * fall back to reflecting over the record).
 */
interface Codec<T> extends JsonbSerializer<T>, JsonbDeserializer<T> {

    /** The aggregate's Java type. */
    Class<T> type();

    /** The document kind written as {@code "kind"}, such as {@code grow.conversation}. */
    String kind();

    /** The schema version this code writes; it reads this and every older version. */
    int schemaVersion();

    /** Writes the aggregate's fields (the envelope fields are written by the caller). */
    void write(T value, JsonOut out);

    /**
     * Reads the aggregate from a document whose envelope was already checked.
     *
     * @param version the document's schemaVersion, at most {@link #schemaVersion()}
     */
    T read(JsonCursor in, int version);

    /** Writes the whole document, envelope included, for JSON-B. */
    @Override
    default void serialize(T value, JsonGenerator generator, SerializationContext context) {
        KasvuJson.writeDocument(this, value, generator);
    }

    /**
     * Reads the whole document for JSON-B.
     *
     * @throws JsonbException carrying the {@link KasvuJsonException} (path and problem) as its cause
     */
    @Override
    default T deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
        try {
            return KasvuJson.readDocument(this, parser.getObject());
        } catch (KasvuJsonException e) {
            throw new JsonbException(e.getMessage(), e);
        }
    }
}
