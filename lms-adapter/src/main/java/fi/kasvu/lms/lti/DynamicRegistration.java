package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * 1EdTech LTI Dynamic Registration: reads the platform's OpenID configuration, registers Kasvu
 * with the registration token, and stores the registration. Registering the same client again
 * (Moodle's {@code reg-update}, or the same token's client id) updates the stored registration
 * and adds the deployment, never duplicates it.
 */
public final class DynamicRegistration {

    private final HttpClient http;
    private final Registrations registrations;
    private final ToolConfiguration tool;

    /** Registration through this HTTP client into these registrations. */
    public DynamicRegistration(HttpClient http, Registrations registrations, ToolConfiguration tool) {
        this.http = Require.nonNull("http", http);
        this.registrations = Require.nonNull("registrations", registrations);
        this.tool = Require.nonNull("tool", tool);
    }

    /**
     * The result of a registration.
     *
     * @param registration what was stored
     * @param updated      whether a registration of that platform and client existed before
     * @param productName  the platform's product family (e.g. {@code moodle}), or empty
     */
    public record Registered(PlatformRegistration registration, boolean updated, String productName) {
    }

    /**
     * Registers with the platform.
     *
     * @param openidConfiguration the platform's configuration URL ({@code openid_configuration})
     * @param registrationToken   the platform's one-time token, or null
     * @throws IllegalArgumentException if the configuration URL is not http(s) or the configuration
     *                                  is unusable (message names the field)
     * @throws IOException              if the platform cannot be reached
     * @throws PlatformServiceException if the platform refuses the registration
     */
    public Registered register(URI openidConfiguration, String registrationToken)
            throws IOException, PlatformServiceException {
        if (openidConfiguration == null || !openidConfiguration.isAbsolute()
                || !("https".equals(openidConfiguration.getScheme()) || "http".equals(openidConfiguration.getScheme()))) {
            throw new IllegalArgumentException("openid_configuration must be an absolute http(s) URL: "
                    + openidConfiguration);
        }
        HttpRequest.Builder get = HttpRequest.newBuilder(openidConfiguration).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json").GET();
        HttpResponse<String> configResponse = ServiceCalls.send(http, get.build());
        if (configResponse.statusCode() != 200) {
            throw new PlatformServiceException("openid configuration " + openidConfiguration,
                    configResponse.statusCode(), configResponse.body());
        }
        JsonObject config = JsonBodies.object("openid configuration", configResponse.body());
        String issuer = required(config, "issuer");
        if (!openidConfiguration.toString().startsWith(issuer)) {
            throw new IllegalArgumentException("issuer " + issuer + " is not a prefix of the configuration URL "
                    + openidConfiguration);
        }
        URI registrationEndpoint = url(config, "registration_endpoint");
        URI authUrl = url(config, "authorization_endpoint");
        URI tokenUrl = url(config, "token_endpoint");
        URI jwksUrl = url(config, "jwks_uri");
        String product = "";
        if (config.get(Claims.PLATFORM_CONFIGURATION) instanceof JsonObject platform) {
            product = JsonBodies.string(platform, "product_family_code").orElse("");
        }

        HttpRequest.Builder post = HttpRequest.newBuilder(registrationEndpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tool.registrationRequest()));
        if (registrationToken != null && !registrationToken.isBlank()) {
            post.header("Authorization", "Bearer " + registrationToken);
        }
        HttpResponse<String> response = ServiceCalls.send(http, post.build());
        if (response.statusCode() / 100 != 2) {
            throw new PlatformServiceException("registration endpoint " + registrationEndpoint, response.statusCode(),
                    response.body());
        }
        JsonObject answer = JsonBodies.object("registration response", response.body());
        String clientId = JsonBodies.string(answer, "client_id").orElseThrow(() ->
                new IOException("registration response has no client_id"));
        JsonValue toolConfig = answer.get(Claims.TOOL_CONFIGURATION);
        Optional<String> deploymentId = toolConfig instanceof JsonObject t
                ? JsonBodies.string(t, "deployment_id") : Optional.empty();
        if (deploymentId.isEmpty()) {
            throw new IOException("registration response has no " + Claims.TOOL_CONFIGURATION + ".deployment_id");
        }
        PlatformRegistration fresh = new PlatformRegistration(issuer, clientId, authUrl, tokenUrl, jwksUrl,
                Set.of(deploymentId.get()), product.isEmpty() ? issuer : product + " " + issuer);
        Optional<PlatformRegistration> existing = registrations.find(issuer, clientId);
        PlatformRegistration stored = existing.map(e -> e.updatedBy(fresh)).orElse(fresh);
        registrations.save(stored);
        return new Registered(stored, existing.isPresent(), product);
    }

    private static String required(JsonObject config, String key) {
        return JsonBodies.string(config, key).filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalArgumentException("openid configuration lacks " + key));
    }

    private static URI url(JsonObject config, String key) {
        String value = required(config, key);
        try {
            URI uri = URI.create(value);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("openid configuration " + key + " is not absolute: " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("openid configuration " + key + " is not a URL: " + value, e);
        }
    }
}
