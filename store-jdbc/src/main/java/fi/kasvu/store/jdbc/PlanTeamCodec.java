package fi.kasvu.store.jdbc;

import fi.kasvu.common.PersonId;
import fi.kasvu.plan.PlanTeam;
import fi.kasvu.plan.PlanTeams;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored JSON of a {@link PlanTeam} (kind {@code development.plan.team}, schema 1):
 * {@code {kind, schemaVersion, id, owner, context?, members: [person], comments: [{id, author, text, at}], updated}}.
 */
final class PlanTeamCodec implements DocumentCodec<PlanTeam> {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call (a ServiceLoader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int SCHEMA = 1;

    @Override
    public String write(PlanTeam team) {
        JsonArrayBuilder members = JSON.createArrayBuilder();
        team.members().forEach(m -> members.add(m.value()));
        JsonArrayBuilder comments = JSON.createArrayBuilder();
        team.comments().forEach(c -> comments.add(JSON.createObjectBuilder().add("id", c.id())
                .add("author", c.author().value()).add("text", c.text()).add("at", c.at().toString())));
        JsonObjectBuilder o = JSON.createObjectBuilder().add("kind", PlanTeams.KIND.name()).add("schemaVersion", SCHEMA)
                .add("id", team.id()).add("owner", team.owner().value());
        if (team.context() != null) {
            o.add("context", team.context());
        }
        return o.add("members", members).add("comments", comments).add("updated", team.updated().toString())
                .build().toString();
    }

    @Override
    public PlanTeam read(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            int version = o.getInt("schemaVersion");
            if (version > SCHEMA) {
                throw new IllegalArgumentException("development.plan.team schemaVersion " + version
                        + " is newer than this Kasvu reads (" + SCHEMA + ")");
            }
            List<PersonId> members = new ArrayList<>();
            o.getJsonArray("members").getValuesAs(jakarta.json.JsonString.class)
                    .forEach(s -> members.add(PersonId.of(s.getString())));
            List<PlanTeam.Comment> comments = new ArrayList<>();
            for (JsonValue value : o.getJsonArray("comments")) {
                JsonObject c = value.asJsonObject();
                comments.add(new PlanTeam.Comment(c.getString("id"), PersonId.of(c.getString("author")),
                        c.getString("text"), Instant.parse(c.getString("at"))));
            }
            return new PlanTeam(o.getString("id"), PersonId.of(o.getString("owner")),
                    o.containsKey("context") ? o.getString("context") : null, members, comments,
                    Instant.parse(o.getString("updated")));
        }
    }
}
