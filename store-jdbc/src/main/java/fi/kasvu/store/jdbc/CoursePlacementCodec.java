package fi.kasvu.store.jdbc;

import fi.kasvu.session.CoursePlacement;
import fi.kasvu.session.CoursePlacements;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** The stored JSON of a {@link CoursePlacement}: its context, course key and kind, nothing about a person. */
final class CoursePlacementCodec implements DocumentCodec<CoursePlacement> {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call (a ServiceLoader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String write(CoursePlacement value) {
        return JSON.createObjectBuilder().add("kind", CoursePlacements.KIND.name()).add("schemaVersion", 1)
                .add("context", value.context()).add("course", value.course()).add("activityKind", value.kind())
                .build().toString();
    }

    @Override
    public CoursePlacement read(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new CoursePlacement(o.getString("context"), o.getString("course"), o.getString("activityKind"));
        }
    }
}
