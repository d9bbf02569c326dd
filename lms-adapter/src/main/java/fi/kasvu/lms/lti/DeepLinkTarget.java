package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;

import java.util.Optional;

/**
 * What answering a deep-linking launch needs, kept while the teacher picks an activity.
 *
 * @param issuer       the platform
 * @param clientId     the tool's client id there
 * @param deploymentId the deployment
 * @param settings     the platform's deep-linking settings
 */
public record DeepLinkTarget(String issuer, String clientId, String deploymentId,
                             LaunchContext.DeepLinkingSettings settings) {

    /** @throws NullPointerException if a part is null */
    public DeepLinkTarget {
        Require.nonNull("issuer", issuer);
        Require.nonNull("clientId", clientId);
        Require.nonNull("deploymentId", deploymentId);
        Require.nonNull("settings", settings);
    }

    /**
     * The target of a deep-linking launch.
     *
     * @throws IllegalArgumentException if the launch is no deep-linking launch
     */
    public static DeepLinkTarget of(LaunchContext context) {
        return new DeepLinkTarget(context.issuer(), context.clientId(), context.deploymentId(),
                context.deepLinking().orElseThrow(() -> new IllegalArgumentException(
                        "launch is not a deep-linking launch: " + context.messageType())));
    }

    /** As JSON, to keep between requests. */
    public String toJson() {
        JsonObjectBuilder s = Json.createObjectBuilder().add("returnUrl", settings.returnUrl().toString())
                .add("acceptTypes", Json.createArrayBuilder(settings.acceptTypes()))
                .add("acceptMultiple", settings.acceptMultiple()).add("title", settings.title())
                .add("text", settings.text());
        settings.data().ifPresent(d -> s.add("data", d));
        return Json.createObjectBuilder().add("issuer", issuer).add("clientId", clientId)
                .add("deploymentId", deploymentId).add("settings", s).build().toString();
    }

    /**
     * Reads {@link #toJson()}.
     *
     * @throws IOException if the text is no deep-link target
     */
    public static DeepLinkTarget fromJson(String text) throws IOException {
        JsonObject o = JsonBodies.object("deep link target", text);
        try {
            JsonObject s = o.getJsonObject("settings");
            return new DeepLinkTarget(o.getString("issuer"), o.getString("clientId"), o.getString("deploymentId"),
                    new LaunchContext.DeepLinkingSettings(URI.create(s.getString("returnUrl")),
                            s.getJsonArray("acceptTypes").getValuesAs(JsonString.class).stream()
                                    .map(JsonString::getString).toList(),
                            s.getBoolean("acceptMultiple"), Optional.ofNullable(s.getString("data", null)),
                            s.getString("title", ""), s.getString("text", "")));
        } catch (RuntimeException e) {
            throw new IOException("deep link target is unreadable: " + e.getMessage(), e);
        }
    }

}
