package fi.kasvu.store.jdbc;

import fi.kasvu.common.PersonId;
import fi.kasvu.grow.CoachNotes;
import fi.kasvu.grow.GrowCoachNotes;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;

/**
 * The stored JSON of a coach's private {@link CoachNotes} (kind {@code grow.coach.notes}, schema 1):
 * {@code {kind, schemaVersion, id, conversationId, coachee, coach, context?, text, updated}}.
 */
final class CoachNotesCodec implements DocumentCodec<CoachNotes> {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call (a ServiceLoader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int SCHEMA = 1;

    @Override
    public String write(CoachNotes notes) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("kind", GrowCoachNotes.KIND.name())
                .add("schemaVersion", SCHEMA).add("id", notes.id()).add("conversationId", notes.conversationId())
                .add("coachee", notes.coachee().value()).add("coach", notes.coach().value());
        if (notes.context() != null) {
            o.add("context", notes.context());
        }
        return o.add("text", notes.text()).add("updated", notes.updated().toString()).build().toString();
    }

    @Override
    public CoachNotes read(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            int version = o.getInt("schemaVersion");
            if (version > SCHEMA) {
                throw new IllegalArgumentException("grow.coach.notes schemaVersion " + version
                        + " is newer than this Kasvu reads (" + SCHEMA + ")");
            }
            return new CoachNotes(o.getString("id"), o.getString("conversationId"),
                    PersonId.of(o.getString("coachee")), PersonId.of(o.getString("coach")),
                    o.containsKey("context") ? o.getString("context") : null, o.getString("text"),
                    Instant.parse(o.getString("updated")));
        }
    }
}
