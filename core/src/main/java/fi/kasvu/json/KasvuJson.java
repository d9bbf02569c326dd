package fi.kasvu.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Kasvu aggregates as versioned JSON documents and reads them back, strictly.
 *
 * <pre>{@code
 * KasvuJson json = KasvuJson.create();
 * String text = json.toJson(conversation);
 * GrowConversation again = json.fromJson(text, GrowConversation.class);
 * }</pre>
 *
 * <p>Every document starts with {@code "kind"} and {@code "schemaVersion"}. Reading accepts the
 * current and every older schema version and refuses newer ones. Instances are immutable and
 * thread-safe; create one and share it.
 */
public final class KasvuJson {

    /** The largest document read, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 4_000_000;

    /** The deepest nesting read. Kasvu's own documents nest far less deeply. */
    public static final int MAX_DEPTH = 32;

    /** The longest single string read; domain fields set tighter limits of their own. */
    public static final int MAX_STRING_CHARS = 100_000;

    /** Every aggregate with a JSON format. Each feature adds its codec here. */
    private static final List<Codec<?>> CODECS = List.of(
            new GrowConversationCodec(),
            new ExperimentCodec(),
            new DevelopmentPlanCodec(),
            new SurveyCodec(),
            new SurveyResponseCodec(),
            new SurveyParticipationCodec(),
            new SurveyReportingCodec(),
            new TeamDiscussionCodec(),
            new LibraryEntryCodec(),
            new FormationCodec(),
            new PeerGroupCodec(),
            new PeerRosterCodec(),
            new PreviousRoundsCodec(),
            new FeedbackAssessmentCodec(),
            new ProgrammeCodec(),
            new ReflectionAssignmentCodec());

    private final Map<Class<?>, Codec<?>> codecs;
    private final BoundedJsonReader reader;
    private final Jsonb jsonb;

    private KasvuJson(int maxDocumentChars) {
        Map<Class<?>, Codec<?>> byType = new LinkedHashMap<>();
        for (Codec<?> codec : CODECS) {
            byType.put(codec.type(), codec);
        }
        this.codecs = Map.copyOf(byType);
        this.reader = new BoundedJsonReader(maxDocumentChars, MAX_DEPTH, MAX_STRING_CHARS);
        this.jsonb = JsonbBuilder.create(jsonbConfig());
    }

    /**
     * {@link java.time.Instant#parse} without {@code DateTimeFormatter} for the form
     * {@link java.time.Instant#toString} writes; any other text is {@code Instant.parse}'s own, errors
     * included. For the stores' small JSON records on the launch path (issue 19).
     *
     * @throws java.time.format.DateTimeParseException as {@code Instant.parse} does
     */
    public static java.time.Instant parseInstant(String text) {
        return JsonCursor.parseInstant(text);
    }

    /**
     * Exactly {@link java.time.Instant#toString}, without {@code DateTimeFormatter} for the years
     * 1..9999 (any other instant is {@code toString}'s own): the fraction in groups of three digits
     * as {@code ISO_INSTANT} prints it (issue 19).
     */
    public static String formatInstant(java.time.Instant instant) {
        return JsonOut.formatInstant(instant);
    }

    /** A reader and writer for every Kasvu aggregate. */
    public static KasvuJson create() {
        return new KasvuJson(MAX_DOCUMENT_CHARS);
    }

    /**
     * A reader and writer that reads documents of up to {@code maxDocumentChars} characters, for
     * files the reader chose to trust that are larger than any stored document (a peer-group
     * formation of 100,000 people is about 39 million characters). Depth and string limits stay.
     *
     * @throws IllegalArgumentException if the limit is not positive
     */
    public static KasvuJson withDocumentLimit(int maxDocumentChars) {
        if (maxDocumentChars < 1) {
            throw new IllegalArgumentException("maxDocumentChars must be positive: " + maxDocumentChars);
        }
        return new KasvuJson(maxDocumentChars);
    }

    /** The aggregate types this format covers. */
    public Set<Class<?>> supportedTypes() {
        return codecs.keySet();
    }

    /**
     * The aggregate as a JSON document.
     *
     * @throws IllegalArgumentException if the value is not a Kasvu aggregate with a JSON format
     */
    public String toJson(Object aggregate) {
        codecFor(aggregate == null ? null : aggregate.getClass());
        return jsonb.toJson(aggregate);
    }

    /**
     * Reads a document of the given aggregate type.
     *
     * @throws KasvuJsonException       naming the JSON path and the problem if the text is not a
     *                                  valid document of that type; no partial object is returned
     * @throws IllegalArgumentException if the type has no JSON format
     */
    public <T> T fromJson(String json, Class<T> type) {
        Codec<T> codec = codecFor(type);
        return readDocument(codec, reader.read(json));
    }

    /**
     * A JSON-B configuration that writes and reads Kasvu aggregates in this format, for agency
     * code that nests them inside its own JSON-B objects.
     */
    public JsonbConfig jsonbConfig() {
        return new JsonbConfig()
                .withSerializers(CODECS.toArray(JsonbSerializer[]::new))
                .withDeserializers(CODECS.toArray(JsonbDeserializer[]::new));
    }

    @SuppressWarnings("unchecked")
    private <T> Codec<T> codecFor(Class<?> type) {
        if (type != null) {
            for (Map.Entry<Class<?>, Codec<?>> entry : codecs.entrySet()) {
                if (entry.getKey().isAssignableFrom(type)) {
                    return (Codec<T>) entry.getValue();
                }
            }
        }
        throw new IllegalArgumentException("no Kasvu JSON format for " + (type == null ? "null" : type.getName())
                + "; formats exist for " + codecs.keySet().stream().map(Class::getSimpleName).sorted().toList());
    }

    static <T> T readDocument(Codec<T> codec, JsonValue document) {
        JsonCursor in = JsonCursor.root(document);
        String kind = in.string("kind");
        if (!kind.equals(codec.kind())) {
            throw in.error("kind", "expected \"" + codec.kind() + "\" but found \"" + JsonCursor.clip(kind) + "\"");
        }
        int version = in.integer("schemaVersion");
        if (version < 1) {
            throw in.error("schemaVersion", "must be at least 1: " + version);
        }
        if (version > codec.schemaVersion()) {
            throw in.error("schemaVersion", "version " + version + " is newer than this Kasvu reads (up to "
                    + codec.schemaVersion() + "); upgrade Kasvu to read it");
        }
        try {
            return codec.read(in, version);
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            // A domain check the codec did not wrap in JsonCursor.build: still name where it failed.
            throw new KasvuJsonException("$", String.valueOf(e.getMessage()), e);
        }
    }

    static <T> void writeDocument(Codec<T> codec, T value, JsonGenerator generator) {
        generator.writeStartObject();
        JsonOut out = new JsonOut(generator);
        out.string("kind", codec.kind()).number("schemaVersion", codec.schemaVersion());
        codec.write(value, out);
        generator.writeEnd();
    }
}
