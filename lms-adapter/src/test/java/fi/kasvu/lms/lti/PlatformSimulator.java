package fi.kasvu.lms.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.util.StringUtil;

/**
 * An LTI 1.3 platform in a JDK HttpServer, behaving like Moodle 4.5 where Moodle is odd: OpenID
 * configuration and registration endpoints, an OIDC auth endpoint answering with an auto-post form,
 * a token endpoint answering JSON as text/html, AGS (score 200 with empty body, 409 for an older
 * timestamp, line items with paging) and NRPS (paging with curly-quoted Link headers), and a deep
 * linking return endpoint that verifies the tool's JWT.
 */
public final class PlatformSimulator implements AutoCloseable {

    public static final String CLIENT_ID = "sim-client";
    public static final String DEPLOYMENT_ID = "3";
    public static final String REGISTRATION_TOKEN = "reg-token-1";

    private final HttpServer server;
    private final TestPlatform platform = TestPlatform.create();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile Supplier<JWKSet> toolKeys;
    private volatile URI toolJwksUrl;
    private volatile boolean scoresDown;
    private volatile int scoreAnswer;
    private volatile UnaryOperator<JWTClaimsSet.Builder> tamper = b -> b;
    private final Set<String> usedRegistrationTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> latestScore = new ConcurrentHashMap<>();
    /** Scores accepted, as JSON. */
    public final List<JsonObject> scores = new CopyOnWriteArrayList<>();
    /** Registration request bodies received. */
    public final List<JsonObject> registrationRequests = new CopyOnWriteArrayList<>();
    /** Verified deep-linking responses received. */
    public final List<JWTClaimsSet> deepLinkResponses = new CopyOnWriteArrayList<>();
    /** Members added to the roster's first page as they are (odd ones, for robustness tests). */
    public final List<JsonObject> extraMembers = new CopyOnWriteArrayList<>();
    /** Token requests served. */
    public final AtomicInteger tokenRequests = new AtomicInteger();
    /**
     * When set, the auth endpoint answers as Moodle's mod/lti/auth.php does when the browser's session
     * is not the launch's user: a form posting {@code error} (and the state) instead of an id_token.
     */
    public volatile String authError;
    /** Score posts attempted (including refused ones). */
    public final AtomicInteger scoreAttempts = new AtomicInteger();
    /**
     * When set, every score post waits (after being counted) until this latch opens, at most 30 s:
     * a test can then see what the tool does while a delivery is in flight.
     */
    public volatile java.util.concurrent.CountDownLatch holdScores;
    private final List<Map<String, String>> lineItems = new CopyOnWriteArrayList<>();

    private PlatformSimulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
        lineItems.add(Map.of("id", issuer() + "/ags/lineitems/1/lineitem?type_id=3", "label", "GROW", "scoreMaximum",
                "100"));
    }

    /** Starts a simulator on a free port. */
    public static PlatformSimulator start() throws IOException {
        return new PlatformSimulator();
    }

    /** The issuer: the simulator's base URL. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The OpenID configuration URL. */
    public URI openidConfiguration() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    /** The registration of the simulator as the tool would store it by hand. */
    public PlatformRegistration registration() {
        return new PlatformRegistration(issuer(), CLIENT_ID, URI.create(issuer() + "/auth"),
                URI.create(issuer() + "/token"), URI.create(issuer() + "/jwks"), Set.of(DEPLOYMENT_ID), "Simulator");
    }

    /** The line item URL of the course's first activity. */
    public URI lineItem() {
        return URI.create(issuer() + "/ags/lineitems/1/lineitem?type_id=3");
    }

    /** The course's memberships URL. */
    public URI memberships() {
        return URI.create(issuer() + "/nrps/memberships");
    }

    /** The course's line items URL. */
    public URI lineItemsUrl() {
        return URI.create(issuer() + "/ags/lineitems?type_id=3");
    }

    /** Trusts tool keys from a supplier (protocol tests). */
    public void trustToolKeys(Supplier<JWKSet> keys) {
        this.toolKeys = keys;
    }

    /** Trusts the tool's published keyset URL (server tests). */
    public void trustToolKeys(URI jwksUrl) {
        this.toolJwksUrl = jwksUrl;
    }

    /** Makes the score endpoint fail with 503 (an outage) or work again. */
    public void scoresDown(boolean down) {
        this.scoresDown = down;
    }

    /**
     * Makes the score endpoint answer every post with this status and a JSON reason (400: a refusal,
     * 409: the platform holds a newer score), or work again with 0.
     */
    public void answerScores(int status) {
        this.scoreAnswer = status;
    }

    /**
     * Changes the claims of the next id_tokens, after the changes made so far: tamperings compose
     * (a later change of the same claim wins), so a test can combine, say, another locale with a
     * missing claim. {@link #untampered()} starts afresh.
     *
     * @return this simulator, to chain another change
     */
    public synchronized PlatformSimulator tamper(UnaryOperator<JWTClaimsSet.Builder> change) {
        java.util.Objects.requireNonNull(change, "change");
        UnaryOperator<JWTClaimsSet.Builder> before = tamper;
        this.tamper = claims -> change.apply(before.apply(claims));
        return this;
    }

    /**
     * Drops every change made so far: the next id_tokens carry the simulator's own claims again.
     *
     * @return this simulator, to chain a fresh {@link #tamper}
     */
    public synchronized PlatformSimulator untampered() {
        this.tamper = claims -> claims;
        return this;
    }

    /** The platform's signing key. */
    public RSAKey key() {
        return platform.key();
    }

    /** Signs an id_token for an auth request. */
    public String idToken(Map<String, String> auth, Instant now) {
        boolean deep = String.valueOf(auth.get("lti_message_hint")).contains("deep");
        JWTClaimsSet.Builder claims = (deep ? platform.deepLinking(auth.get("nonce"), now)
                : platform.resourceLink(auth.get("nonce"), now))
                .issuer(issuer())
                .audience(auth.get("client_id"))
                .subject(auth.get("login_hint"))
                .claim(Claims.DEPLOYMENT_ID, DEPLOYMENT_ID)
                .claim(Claims.AGS_ENDPOINT, Map.of("scope", List.of(Ags.SCOPE_SCORE, Ags.SCOPE_LINEITEM,
                                Ags.SCOPE_LINEITEM_READONLY), "lineitems", lineItemsUrl().toString(), "lineitem",
                        lineItem().toString()))
                .claim(Claims.NRPS, Map.of("context_memberships_url", memberships().toString(),
                        "service_versions", List.of("1.0", "2.0")));
        if (deep) {
            claims.claim(Claims.DL_SETTINGS, Map.of("deep_link_return_url", issuer() + "/dl/return?course=9",
                    "accept_types", List.of("ltiResourceLink"), "accept_multiple", true, "data", "sim-data"));
        }
        return platform.sign(tamper.apply(claims).build());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (path) {
                case "/.well-known/openid-configuration" -> openidConfiguration(exchange);
                case "/register" -> register(exchange, body);
                case "/jwks" -> send(exchange, 200, "application/json", platform.jwks().toString(), "max-age=300");
                case "/auth" -> auth(exchange, body);
                case "/token" -> token(exchange, body);
                case "/ags/lineitems" -> lineItems(exchange, body);
                case "/ags/lineitems/1/lineitem/scores" -> score(exchange, body);
                case "/nrps/memberships" -> memberships(exchange);
                case "/dl/return" -> deepLinkReturn(exchange, body);
                default -> {
                    if (path.startsWith("/ags/lineitems/") && path.endsWith("/lineitem")
                            && "PUT".equals(exchange.getRequestMethod()) && authorized(exchange)) {
                        JsonObject item = Json.createReader(new StringReader(body)).readObject();
                        send(exchange, 200, AgsClient.LINEITEM_TYPE, item.toString(), null);
                    } else {
                        send(exchange, 404, "text/plain", "not found", null);
                    }
                }
            }
        } catch (Exception e) {
            send(exchange, 500, "text/plain", e.toString(), null);
        } finally {
            exchange.close();
        }
    }

    private void openidConfiguration(HttpExchange exchange) throws IOException {
        String json = Json.createObjectBuilder()
                .add("issuer", issuer())
                .add("token_endpoint", issuer() + "/token")
                .add("jwks_uri", issuer() + "/jwks")
                .add("authorization_endpoint", issuer() + "/auth")
                .add("registration_endpoint", issuer() + "/register")
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("private_key_jwt"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add(Claims.PLATFORM_CONFIGURATION, Json.createObjectBuilder().add("product_family_code", "moodle"))
                .build().toString();
        send(exchange, 200, "application/json", json, null);
    }

    private void register(HttpExchange exchange, String body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            send(exchange, 401, "text/html", "missing_registration_token", null);
            return;
        }
        String token = auth.substring("Bearer ".length());
        if (!token.startsWith("reg-token")) {
            send(exchange, 401, "text/html", "invalid_registration_token", null);
            return;
        }
        if (!usedRegistrationTokens.add(token)) {
            send(exchange, 401, "text/html", "token_already_used", null);
            return;
        }
        JsonObject request = Json.createReader(new StringReader(body)).readObject();
        registrationRequests.add(request);
        // Like Moodle's reg-update, every registration here keeps the same client id.
        String response = Json.createObjectBuilder()
                .add("client_id", CLIENT_ID)
                .add("scope", request.getString("scope", ""))
                .add(Claims.TOOL_CONFIGURATION, Json.createObjectBuilder().add("deployment_id", DEPLOYMENT_ID))
                .build().toString();
        send(exchange, 200, "application/json", response, null);
    }

    private void auth(HttpExchange exchange, String body) throws IOException {
        Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
        params.putAll(form(body));
        if (!"form_post".equals(params.get("response_mode")) || !"id_token".equals(params.get("response_type"))
                || !"openid".equals(params.get("scope")) || params.get("nonce") == null
                || !CLIENT_ID.equals(params.get("client_id"))) {
            send(exchange, 400, "text/plain", "invalid auth request " + params, null);
            return;
        }
        if (authError != null) {
            send(exchange, 200, "text/html", "<form method=\"post\" action=\""
                    + StringUtil.sanitizeXmlString(params.get("redirect_uri")) + "\"><input type=\"hidden\" "
                    + "name=\"error\" value=\"" + StringUtil.sanitizeXmlString(authError) + "\"/><input "
                    + "type=\"hidden\" name=\"state\" value=\"" + StringUtil.sanitizeXmlString(params.get("state"))
                    + "\"/></form>", null);
            return;
        }
        String html = "<form method=\"post\" action=\"" + StringUtil.sanitizeXmlString(params.get("redirect_uri"))
                + "\"><input type=\"hidden\" name=\"id_token\" value=\""
                + StringUtil.sanitizeXmlString(idToken(params, Instant.now())) + "\"/>"
                + "<input type=\"hidden\" name=\"state\" value=\"" + StringUtil.sanitizeXmlString(params.get("state"))
                + "\"/></form>";
        send(exchange, 200, "text/html", html, null);
    }

    private void token(HttpExchange exchange, String body) throws Exception {
        tokenRequests.incrementAndGet();
        Map<String, String> params = form(body);
        if (!"client_credentials".equals(params.get("grant_type"))) {
            send(exchange, 400, "text/html; charset=utf-8", "{\"error\" : \"invalid_request\"}", null);
            return;
        }
        SignedJWT assertion = SignedJWT.parse(params.get("client_assertion"));
        JWKSet keys = toolJwksUrl != null ? JWKSet.parse(http.send(HttpRequest.newBuilder(toolJwksUrl).build(),
                HttpResponse.BodyHandlers.ofString()).body()) : toolKeys.get();
        RSAKey key = (RSAKey) keys.getKeyByKeyId(assertion.getHeader().getKeyID());
        if (key == null || !JWSAlgorithm.RS256.equals(assertion.getHeader().getAlgorithm())
                || !assertion.verify(new RSASSAVerifier(key))
                || !CLIENT_ID.equals(assertion.getJWTClaimsSet().getSubject())) {
            send(exchange, 400, "text/html; charset=utf-8", "{\"error\" : \"invalid_client\"}", null);
            return;
        }
        // Moodle: pretty-printed JSON labelled text/html.
        send(exchange, 200, "text/html; charset=utf-8", "{\n    \"access_token\" : \"tok-" + tokenRequests.get()
                + "\",\n    \"token_type\" : \"Bearer\",\n    \"expires_in\" : 3600,\n    \"scope\" : \""
                + params.get("scope") + "\"\n}", null);
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer tok-")) {
            send(exchange, 401, "application/json", "{\"status\":401,\"reason\":\"Unauthorized\"}", null);
            return false;
        }
        return true;
    }

    private void score(HttpExchange exchange, String body) throws IOException {
        scoreAttempts.incrementAndGet();
        java.util.concurrent.CountDownLatch hold = holdScores;
        if (hold != null) {
            try {
                hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!authorized(exchange)) {
            return;
        }
        if (scoresDown) {
            send(exchange, 503, "text/html", "<h1>Service unavailable</h1>", null);
            return;
        }
        int answer = scoreAnswer;
        if (answer != 0) {
            send(exchange, answer, "application/json", answer == 409
                    ? "{\"status\":409,\"reason\":\"A newer score exists\"}"
                    : "{\"status\":" + answer + ",\"reason\":\"Grade item is locked\"}", null);
            return;
        }
        if (!AgsClient.SCORE_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                || !"type_id=3".equals(exchange.getRequestURI().getRawQuery())) {
            send(exchange, 400, "application/json", "{\"status\":400}", null);
            return;
        }
        JsonObject score = Json.createReader(new StringReader(body)).readObject();
        Instant timestamp = Instant.parse(score.getString("timestamp"));
        Instant previous = latestScore.get(score.getString("userId"));
        if (previous != null && !timestamp.isAfter(previous)) {
            send(exchange, 409, "application/json", "{\"status\":409,\"reason\":\"Conflict\"}", null);
            return;
        }
        latestScore.put(score.getString("userId"), timestamp);
        scores.add(score);
        send(exchange, 200, AgsClient.SCORE_TYPE + "; charset=utf-8", "", null);
    }

    private void lineItems(HttpExchange exchange, String body) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            JsonObject item = Json.createReader(new StringReader(body)).readObject();
            String id = issuer() + "/ags/lineitems/" + (lineItems.size() + 1) + "/lineitem?type_id=3";
            lineItems.add(Map.of("id", id, "label", item.getString("label"), "scoreMaximum",
                    item.getJsonNumber("scoreMaximum").toString()));
            send(exchange, 201, AgsClient.LINEITEM_TYPE, Json.createObjectBuilder(item).add("id", id).build().toString(),
                    null);
            return;
        }
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        int from = Integer.parseInt(query.getOrDefault("from", "0"));
        JsonArrayBuilder page = Json.createArrayBuilder();
        if (from < lineItems.size()) {
            Map<String, String> item = lineItems.get(from);
            page.add(Json.createObjectBuilder().add("id", item.get("id")).add("label", item.get("label"))
                    .add("scoreMaximum", Double.parseDouble(item.get("scoreMaximum"))).add("resourceId", "").add("tag", ""));
        }
        if (from + 1 < lineItems.size()) {
            exchange.getResponseHeaders().add("Link", utf8("<" + issuer() + "/ags/lineitems?type_id=3&from="
                    + (from + 1) + ">; rel=“next”"));
        }
        send(exchange, 200, AgsClient.CONTAINER_TYPE, page.build().toString(), null);
    }

    private void memberships(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        JsonArrayBuilder members = Json.createArrayBuilder();
        for (int i = 1; i <= 3; i++) {
            int id = (page - 1) * 3 + i;
            members.add(Json.createObjectBuilder().add("status", "Active")
                    .add("roles", Json.createArrayBuilder().add(id == 1 ? "Instructor" : "Learner"))
                    .add("user_id", String.valueOf(id)).add("name", "Member " + id));
        }
        if (page == 1) {
            extraMembers.forEach(members::add);
        }
        if (page < 3) {
            exchange.getResponseHeaders().add("Link", utf8("<" + issuer() + "/nrps/memberships?page=" + (page + 1)
                    + ">; rel=“next”"));
        }
        send(exchange, 200, NrpsClient.MEMBERSHIP_TYPE, Json.createObjectBuilder().add("id", memberships().toString())
                .add("members", members).build().toString(), null);
    }

    private void deepLinkReturn(HttpExchange exchange, String body) throws Exception {
        SignedJWT jwt = SignedJWT.parse(form(body).get("JWT"));
        JWKSet keys = toolJwksUrl != null ? JWKSet.parse(http.send(HttpRequest.newBuilder(toolJwksUrl).build(),
                HttpResponse.BodyHandlers.ofString()).body()) : toolKeys.get();
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null || !jwt.verify(new RSASSAVerifier(key)) || !CLIENT_ID.equals(jwt.getJWTClaimsSet().getIssuer())) {
            send(exchange, 400, "text/plain", "bad deep linking response", null);
            return;
        }
        deepLinkResponses.add(jwt.getJWTClaimsSet());
        send(exchange, 200, "text/html", "<p>Activity created</p>", null);
    }

    /** A header value whose bytes on the wire are UTF-8, as PHP sends them (the JDK server writes one byte per char). */
    private static String utf8(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Parses a form or query string. */
    public static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String cacheControl)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (cacheControl != null) {
            exchange.getResponseHeaders().set("Cache-Control", cacheControl);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
