package fi.kasvu.lms.pages;

import fi.kasvu.store.jdbc.DocumentCodec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** The stored JSON of a {@link SeenLearner}. */
final class SeenLearnerCodec implements DocumentCodec<SeenLearner> {

    @Override
    public String write(SeenLearner value) {
        return Json.createObjectBuilder().add("kind", SeenLearner.KIND.name()).add("schemaVersion", 1)
                .add("id", value.id()).add("subject", value.subject()).add("name", value.name())
                .add("context", value.context()).add("lastLaunch", value.lastLaunch().toString()).build().toString();
    }

    @Override
    public SeenLearner read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new SeenLearner(o.getString("id"), o.getString("subject"), o.getString("name"),
                    o.getString("context"), Instant.parse(o.getString("lastLaunch")));
        }
    }
}
