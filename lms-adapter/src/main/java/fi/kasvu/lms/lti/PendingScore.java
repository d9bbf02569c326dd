package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;

/**
 * A score waiting in the outbox to be posted to a platform.
 *
 * @param issuer   the platform
 * @param clientId the tool's client id there
 * @param lineItem the line item URL
 * @param score    the score
 */
public record PendingScore(String issuer, String clientId, URI lineItem, Score score) {

    /** @throws NullPointerException if a part is null */
    public PendingScore {
        Require.id("issuer", issuer);
        Require.id("client_id", clientId);
        Require.nonNull("lineItem", lineItem);
        Require.nonNull("score", score);
    }

    /** The outbox payload. */
    public String toJson() {
        return Json.createObjectBuilder().add("issuer", issuer).add("clientId", clientId)
                .add("lineItem", lineItem.toString()).add("score", score.toJson()).build().toString();
    }

    /**
     * Reads an outbox payload.
     *
     * @throws IOException if the payload is unreadable
     */
    public static PendingScore fromJson(String text) throws IOException {
        JsonObject json = JsonBodies.object("pending score", text);
        try {
            return new PendingScore(JsonBodies.string(json, "issuer").orElse(""),
                    JsonBodies.string(json, "clientId").orElse(""),
                    URI.create(JsonBodies.string(json, "lineItem").orElse("")),
                    Score.fromJson(JsonBodies.string(json, "score").orElse("")));
        } catch (RuntimeException e) {
            throw new IOException("pending score is unreadable: " + e.getMessage(), e);
        }
    }
}
