package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.util.List;

/**
 * How Kasvu presents itself to platforms: its public URLs, derived from one base URL.
 *
 * @param baseUrl    the public base URL, e.g. {@code https://kasvu.example.org}
 * @param clientName the tool's name in the platform
 * @param offers     the names of the activity kinds the tool offers, as its description lists them
 */
public record ToolConfiguration(URI baseUrl, String clientName, List<String> offers) {

    /** The scopes Kasvu asks for: AGS line items, results and scores, and NRPS. */
    public static final List<String> SCOPES = List.of(Ags.SCOPE_LINEITEM, Ags.SCOPE_LINEITEM_READONLY,
            Ags.SCOPE_RESULT_READONLY, Ags.SCOPE_SCORE, Ags.SCOPE_NRPS);

    /** @throws IllegalArgumentException if the base URL is not absolute http(s) or has a query */
    public ToolConfiguration {
        Require.nonNull("baseUrl", baseUrl);
        Require.nonBlank("clientName", clientName);
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null || baseUrl.getRawQuery() != null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL without query: " + baseUrl);
        }
        String text = baseUrl.toString();
        baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        offers = List.copyOf(Require.nonNull("offers", offers));
    }

    /** The tool without a list of offered kinds (its description names none). */
    public ToolConfiguration(URI baseUrl, String clientName) {
        this(baseUrl, clientName, List.of());
    }

    /** Where platforms post the login initiation. */
    public URI loginUrl() {
        return path("/lti/login");
    }

    /** Where platforms post id_tokens (the only redirect URI). */
    public URI launchUrl() {
        return path("/lti/launch");
    }

    /** The tool's keyset. */
    public URI jwksUrl() {
        return path("/lti/jwks");
    }

    /** Where Dynamic Registration starts; it works only with an invite token after it ({@link #inviteUrl}). */
    public URI registrationUrl() {
        return path("/lti/register");
    }

    /**
     * The registration URL of one invite, to paste into the platform.
     *
     * @throws IllegalArgumentException if the token is not URL-safe base64
     */
    public URI inviteUrl(String token) {
        if (token == null || token.isEmpty() || !token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_')) {
            throw new IllegalArgumentException("invite token must be URL-safe base64");
        }
        return path("/lti/register/" + token);
    }

    /** The domain (host and port) platforms match launches against. */
    public String domain() {
        return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    /** The Dynamic Registration request body (OpenID client registration with the LTI tool configuration). */
    public String registrationRequest() {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        return Json.createObjectBuilder()
                .add("application_type", "web")
                .add("response_types", Json.createArrayBuilder().add("id_token"))
                .add("grant_types", Json.createArrayBuilder().add("implicit").add("client_credentials"))
                .add("initiate_login_uri", loginUrl().toString())
                .add("redirect_uris", Json.createArrayBuilder().add(launchUrl().toString()))
                .add("client_name", clientName)
                .add("jwks_uri", jwksUrl().toString())
                .add("token_endpoint_auth_method", "private_key_jwt")
                .add("scope", String.join(" ", SCOPES))
                .add(Claims.TOOL_CONFIGURATION, Json.createObjectBuilder()
                        .add("domain", domain())
                        .add("description", description())
                        .add("target_link_uri", launchUrl().toString())
                        .add("claims", Json.createArrayBuilder().add("iss").add("sub").add("name").add("given_name")
                                .add("family_name").add("email"))
                        .add("messages", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest")
                                        .add("target_link_uri", launchUrl().toString()))
                                .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest")
                                        .add("target_link_uri", launchUrl().toString())
                                        .add("label", clientName)
                                        .add("placements", Json.createArrayBuilder().add("ContentArea")))))
                .build().toString();
    }

    /** What the tool tells platforms it is: the activity kinds it offers, and only those. */
    public String description() {
        return offers.isEmpty() ? "Coaching and learning work culture."
                : "Coaching and learning work culture: " + String.join(", ", offers) + ".";
    }

    private URI path(String path) {
        return URI.create(baseUrl + path);
    }
}
