package fi.kasvu.lms.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Require;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 client-credentials tokens for LTI Advantage services, obtained with a JWT client
 * assertion signed by the tool key ({@code private_key_jwt}) and cached per registration and scope
 * set until shortly before they expire. Tokens are bearer credentials for this instance only, so
 * the cache lives in memory; another instance simply asks for its own.
 */
public final class AccessTokens {

    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private final HttpClient http;
    private final ToolKeyRing keys;
    private final Clock clock;
    private final IdGenerator ids;
    private final ConcurrentHashMap<String, Token> cache = new ConcurrentHashMap<>();

    private AccessTokens(HttpClient http, ToolKeyRing keys, Clock clock, IdGenerator ids) {
        this.http = Require.nonNull("http", http);
        this.keys = Require.nonNull("keys", keys);
        this.clock = Require.nonNull("clock", clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /** A token source using this HTTP client and key ring. */
    public static AccessTokens create(HttpClient http, ToolKeyRing keys, Clock clock, IdGenerator ids) {
        return new AccessTokens(http, keys, clock, ids);
    }

    /**
     * A token for these scopes, from the cache while it has more than 30 seconds left.
     *
     * @throws IOException                if the token endpoint cannot be reached or answers no token
     * @throws PlatformServiceException   if the token endpoint refuses
     */
    public String token(PlatformRegistration registration, Set<String> scopes)
            throws IOException, PlatformServiceException {
        String key = cacheKey(registration, scopes);
        Token cached = cache.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expiresAt.minusSeconds(30))) {
            return cached.value;
        }
        Token fresh = fetch(registration, scopes, now);
        cache.put(key, fresh);
        return fresh.value;
    }

    /** Forgets a cached token the platform no longer accepts. */
    public void invalidate(PlatformRegistration registration, Set<String> scopes) {
        cache.remove(cacheKey(registration, scopes));
    }

    private Token fetch(PlatformRegistration registration, Set<String> scopes, Instant now)
            throws IOException, PlatformServiceException {
        JWTClaimsSet assertion = new JWTClaimsSet.Builder()
                .issuer(registration.clientId())
                .subject(registration.clientId())
                .audience(registration.tokenUrl().toString())
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(ids.next())
                .build();
        String jwt = DeepLinkingResponse.signJwt(assertion, keys.current());
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + enc(ASSERTION_TYPE)
                + "&client_assertion=" + enc(jwt)
                + "&scope=" + enc(String.join(" ", new TreeSet<>(scopes)));
        HttpRequest request = HttpRequest.newBuilder(registration.tokenUrl()).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = ServiceCalls.send(http, request);
        if (response.statusCode() != 200) {
            throw new PlatformServiceException("token endpoint " + registration.tokenUrl(), response.statusCode(),
                    response.body());
        }
        // Moodle labels this JSON text/html; the body is what counts.
        JsonObject json = JsonBodies.object("token response", response.body());
        String value = JsonBodies.string(json, "access_token").orElseThrow(() ->
                new IOException("token response has no access_token"));
        long expiresIn = JsonBodies.number(json, "expires_in").map(Double::longValue).orElse(3600L);
        return new Token(value, now.plusSeconds(expiresIn));
    }

    private static String cacheKey(PlatformRegistration registration, Set<String> scopes) {
        return registration.id() + "|" + String.join(" ", new TreeSet<>(scopes));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Token(String value, Instant expiresAt) {
    }
}
