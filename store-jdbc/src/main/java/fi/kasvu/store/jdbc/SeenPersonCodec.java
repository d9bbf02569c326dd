package fi.kasvu.store.jdbc;

import fi.kasvu.json.KasvuJson;
import fi.kasvu.session.SeenPeople;
import fi.kasvu.session.SeenPerson;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** The stored JSON of a {@link SeenPerson} (the format the pages wrote before the port existed). */
final class SeenPersonCodec implements DocumentCodec<SeenPerson> {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call (a ServiceLoader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String write(SeenPerson value) {
        return JSON.createObjectBuilder().add("kind", SeenPeople.KIND.name()).add("schemaVersion", 1)
                .add("id", value.id()).add("subject", value.subject()).add("name", value.name())
                .add("context", value.context()).add("lastLaunch", KasvuJson.formatInstant(value.lastLaunch())).build().toString();
    }

    @Override
    public SeenPerson read(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new SeenPerson(o.getString("id"), o.getString("subject"), o.getString("name"),
                    o.getString("context"), KasvuJson.parseInstant(o.getString("lastLaunch")));
        }
    }
}
