package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** The contract test's note as JSON, written with JSON-P the way a feature codec would be. */
final class NoteCodec implements DocumentCodec<Note> {

    @Override
    public String write(Note note) {
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("kind", "test.note").add("schemaVersion", 1).add("id", note.id()).add("text", note.text());
        if (note.owner() != null) {
            out.add("owner", note.owner().value());
        }
        if (note.context() != null) {
            out.add("context", note.context());
        }
        return out.build().toString();
    }

    @Override
    public Note read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject in = reader.readObject();
            if (!"test.note".equals(in.getString("kind", null))) {
                throw new IllegalArgumentException("$.kind: expected \"test.note\"");
            }
            if (!in.containsKey("id")) {
                throw new IllegalArgumentException("$.id: missing required field");
            }
            return new Note(in.getString("id"), in.containsKey("owner") ? PersonId.of(in.getString("owner")) : null,
                    in.getString("context", null), in.getString("text", ""));
        }
    }
}
