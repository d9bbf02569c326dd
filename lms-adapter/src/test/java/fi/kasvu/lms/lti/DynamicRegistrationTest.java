package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.kasvu.lms.lti.DynamicRegistration.Outcome;
import fi.kasvu.lms.lti.DynamicRegistration.Reason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dynamic Registration as an attacker would try it: no invite, forged issuers (user info, suffix
 * hosts), foreign endpoints, a hijack of an existing registration, internal URLs, reflected and
 * oversized answers; and as an admin uses it: invites, approval, Moodle's recorded answers.
 */
class DynamicRegistrationTest {

    static final String REAL = "http://moodle.example.org";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final MemoryPorts.MemoryRegistrations registrations = new MemoryPorts.MemoryRegistrations();
    final MemoryPorts.MemoryInvites invites = new MemoryPorts.MemoryInvites();
    final ToolConfiguration tool = new ToolConfiguration(URI.create("https://kasvu.example.org/"), "Kasvu");
    final Network network = Network.start();
    final HttpClient viaNetwork = HttpClient.newBuilder().proxy(ProxySelector.of(network.address())).build();

    @AfterEach
    void stop() {
        network.stop();
    }

    DynamicRegistration registration(HttpClient http, DynamicRegistration.Policy policy) {
        return new DynamicRegistration(http, registrations, invites, tool, clock, SecureIds.generator(), policy);
    }

    DynamicRegistration registration() {
        return registration(viaNetwork, DynamicRegistration.Policy.defaults().withTimeout(Duration.ofSeconds(2)));
    }

    static String token(DynamicRegistration.Invite invite) {
        String path = invite.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A platform at this origin: a configuration naming the issuer, endpoints under it. */
    void platformAt(String origin, String issuer, String clientId) {
        network.serve(origin + "/.well-known/openid-configuration", 200, configuration(issuer, issuer));
        network.serve(issuer + "/register", 200, answer(clientId, "3"));
    }

    static String configuration(String issuer, String endpointsBase) {
        return Json.createObjectBuilder().add("issuer", issuer)
                .add("authorization_endpoint", endpointsBase + "/auth").add("token_endpoint", endpointsBase + "/token")
                .add("jwks_uri", endpointsBase + "/jwks").add("registration_endpoint", endpointsBase + "/register")
                .add(Claims.PLATFORM_CONFIGURATION, Json.createObjectBuilder().add("product_family_code", "moodle"))
                .build().toString();
    }

    static String answer(String clientId, String deploymentId) {
        return Json.createObjectBuilder().add("client_id", clientId).add(Claims.TOOL_CONFIGURATION,
                Json.createObjectBuilder().add("deployment_id", deploymentId)).build().toString();
    }

    @Test
    void invitedRegistration_isStoredActive_andTheInviteWorksOnce() {
        platformAt(REAL, REAL, "client-1");
        DynamicRegistration registration = registration();
        String token = token(registration.invite(Duration.ofHours(1), false));

        Outcome first = registration.register(token, REAL + "/.well-known/openid-configuration", "reg-1");
        Outcome second = registration.register(token, REAL + "/.well-known/openid-configuration", "reg-2");

        assertThat(first).isInstanceOfSatisfying(Outcome.Registered.class, r -> {
            assertThat(r.registration().state()).isEqualTo(RegistrationState.ACTIVE);
            assertThat(r.registration().jwksUrl()).isEqualTo(URI.create(REAL + "/jwks"));
            assertThat(r.productName()).isEqualTo("moodle");
        });
        assertThat(network.authorizations).containsExactly("Bearer reg-1");
        assertThat(second).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.INVITE_INVALID));
        assertThat(network.requests).as("the used invite fetched nothing").hasSize(2);
    }

    @Test
    void invite_isStoredOnlyAsItsHash() {
        DynamicRegistration.Invite invite = registration().invite(Duration.ofMinutes(30), false);

        assertThat(invites.storedKeys()).containsExactly(RegistrationInvites.hash(token(invite)))
                .doesNotContain(token(invite));
        assertThat(invite.url().toString()).startsWith("https://kasvu.example.org/lti/register/");
        assertThat(invite.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void expiredInvite_isRefusedBeforeAnyFetch() {
        platformAt(REAL, REAL, "client-1");
        DynamicRegistration registration = registration();
        String token = token(registration.invite(Duration.ofMinutes(5), false));
        clock.advance(Duration.ofMinutes(6));

        Outcome outcome = registration.register(token, REAL + "/.well-known/openid-configuration", "reg-1");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.INVITE_INVALID));
        assertThat(network.requests).isEmpty();
        assertThat(registrations.all()).isEmpty();
    }

    /** The SSRF: without an invite no URL is fetched, loopback and internal addresses included. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/.well-known/openid-configuration", "http://localhost:%d/admin",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5:5432/", "http://moodle.example.org/x"})
    void withoutInvite_nothingIsFetched(String url) throws Exception {
        HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> hits = new CopyOnWriteArrayList<>();
        internal.createContext("/", ex -> {
            hits.add(ex.getRequestURI().toString());
            reply(ex, 200, configuration(REAL, REAL));
        });
        internal.start();
        try {
            String target = url.formatted(internal.getAddress().getPort());
            for (String invite : new String[] {null, "", "guess", "x".repeat(300)}) {
                Outcome outcome = registration(HttpClient.newHttpClient(), DynamicRegistration.Policy.defaults())
                        .register(invite, target, "t");
                assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.INVITE_INVALID);
                    assertThat(r.detail()).doesNotContain(target);
                });
            }
            assertThat(hits).isEmpty();
            assertThat(network.requests).isEmpty();
        } finally {
            internal.stop(0);
        }
    }

    /** The takeover, part 1: a configuration URL whose user info names the real issuer. */
    @ParameterizedTest
    @ValueSource(strings = {"http://moodle.example.org@attacker.tld/.well-known/openid-configuration",
            "http://moodle.example.org:80@attacker.tld/.well-known/openid-configuration",
            "http://moodle.example.org%40@attacker.tld/x", "ftp://moodle.example.org/x", "/relative",
            "http://moodle.example.org\r\n.attacker.tld/x", "not a url"})
    void configurationUrlWithUserInfoOrWithoutOrigin_isRefusedUnfetched(String url) {
        platformAt("http://attacker.tld", REAL, "client-1");
        network.serve("http://attacker.tld/register", 200, answer("client-1", "3"));
        DynamicRegistration registration = registration();
        String token = token(registration.invite(Duration.ofHours(1), false));

        Outcome outcome = registration.register(token, url, "reg-1");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.CONFIGURATION_URL_INVALID));
        assertThat(network.requests).isEmpty();
        assertThat(registrations.all()).isEmpty();
    }

    /** The takeover, part 2: a look-alike host whose name begins with the real issuer. */
    @Test
    void suffixHostClaimingTheRealIssuer_isRefused() {
        String rogue = "http://moodle.example.org.attacker.tld";
        network.serve(rogue + "/.well-known/openid-configuration", 200, configuration(REAL, rogue));
        network.serve(rogue + "/register", 200, answer("client-1", "3"));
        DynamicRegistration registration = registration();
        String token = token(registration.invite(Duration.ofHours(1), false));

        Outcome outcome = registration.register(token, rogue + "/.well-known/openid-configuration", "reg-1");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.ORIGIN_MISMATCH));
        assertThat(network.requests).as("no registration POST").containsExactly(
                "GET " + rogue + "/.well-known/openid-configuration");
        assertThat(registrations.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://moodle.example.org:8080", "https://moodle.example.org", "http://MOODLE.example.org.",
            "http://moodle.example.org?x=1", "http://moodle.example.org/other"})
    void issuerNotExactlyTheConfigurationOrigin_isRefused(String issuer) {
        network.serve(REAL + "/moodle/.well-known/openid-configuration", 200, configuration(issuer, REAL));
        DynamicRegistration registration = registration();
        String token = token(registration.invite(Duration.ofHours(1), false));

        Outcome outcome = registration.register(token, REAL + "/moodle/.well-known/openid-configuration", "reg-1");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.ORIGIN_MISMATCH));
        assertThat(registrations.all()).isEmpty();
    }

    @Test
    void issuerInASubfolder_isAccepted() {
        String issuer = REAL + "/moodle";
        network.serve(issuer + "/mod/lti/openid-configuration.php", 200, configuration(issuer, issuer));
        network.serve(issuer + "/register", 200, answer("client-1", "3"));
        DynamicRegistration registration = registration();

        Outcome outcome = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                issuer + "/mod/lti/openid-configuration.php", "reg-1");

        assertThat(outcome).isInstanceOf(Outcome.Registered.class);
    }

    /** Every endpoint, the registration endpoint included, must be on the issuer's origin. */
    @ParameterizedTest
    @ValueSource(strings = {"registration_endpoint", "authorization_endpoint", "token_endpoint", "jwks_uri"})
    void endpointOnAnotherOrigin_isRefusedAndNeverCalled(String field) {
        JsonObject config = Json.createReader(new StringReader(configuration(REAL, REAL))).readObject();
        String foreign = field.equals("registration_endpoint") ? "http://10.0.0.5/register"
                : "http://moodle.example.org@attacker.tld/" + field;
        network.serve(REAL + "/.well-known/openid-configuration", 200,
                Json.createObjectBuilder(config).add(field, foreign).build().toString());
        network.serve("http://10.0.0.5/register", 200, answer("client-1", "3"));
        DynamicRegistration registration = registration();

        Outcome outcome = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                REAL + "/.well-known/openid-configuration", "reg-1");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.ORIGIN_MISMATCH));
        assertThat(network.requests).containsExactly("GET " + REAL + "/.well-known/openid-configuration");
    }

    /** The hijack: an answer with the real platform's client id never changes its registration. */
    @Test
    void answerWithAnExistingClientId_leavesTheGenuineRegistrationUntouched() {
        PlatformRegistration genuine = new PlatformRegistration(REAL, "client-1", URI.create(REAL + "/auth"),
                URI.create(REAL + "/token"), URI.create(REAL + "/jwks"), Set.of("3"), "Real Moodle");
        registrations.save(genuine);
        JsonObject config = Json.createReader(new StringReader(configuration(REAL, REAL))).readObject();
        network.serve(REAL + "/.well-known/openid-configuration", 200, Json.createObjectBuilder(config)
                .add("jwks_uri", REAL + "/attacker-jwks").add("authorization_endpoint", REAL + "/attacker-auth")
                .build().toString());
        network.serve(REAL + "/register", 200, answer("client-1", "99"));
        DynamicRegistration registration = registration();

        Outcome outcome = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                REAL + "/.well-known/openid-configuration", "reg-1");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.ALREADY_REGISTERED));
        assertThat(registrations.all()).containsExactly(genuine);
    }

    /** The platform's error page may hold anything (an internal service's answer): it is never shown. */
    @Test
    void remoteBodies_areNeitherEchoedNorKept() {
        String marker = "INTERNAL-SECRET\r\n2026-03-01 INFO forged log line";
        network.serve(REAL + "/.well-known/openid-configuration", 500, marker);
        network.serve(REAL + "/other", 200, "<html>" + marker + "</html>");
        network.serve(REAL + "/reg-fails/.well-known/openid-configuration", 200,
                configuration(REAL, REAL + "/reg-fails"));
        network.serve(REAL + "/reg-fails/register", 401, marker);
        DynamicRegistration registration = registration();

        for (String url : List.of(REAL + "/.well-known/openid-configuration", REAL + "/other",
                REAL + "/reg-fails/.well-known/openid-configuration")) {
            Outcome outcome = registration.register(token(registration.invite(Duration.ofHours(1), false)), url, "t");
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.detail()).doesNotContain("INTERNAL-SECRET", "forged", "\r", "\n");
                assertThat(r.reason()).isIn(Reason.PLATFORM_UNAVAILABLE, Reason.ANSWER_INVALID);
            });
        }
        assertThat(registrations.all()).isEmpty();
    }

    @Test
    void oversizedOrSlowAnswers_areCutOff() {
        network.serve(REAL + "/big/.well-known/openid-configuration", 200, "{\"issuer\":\"" + "x".repeat(200_000)
                + "\"}");
        network.serveSlowly(REAL + "/slow/.well-known/openid-configuration", Duration.ofSeconds(5));
        DynamicRegistration registration = registration(viaNetwork, DynamicRegistration.Policy.defaults()
                .withTimeout(Duration.ofMillis(500)));

        long started = System.nanoTime();
        Outcome big = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                REAL + "/big/.well-known/openid-configuration", "t");
        Outcome slow = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                REAL + "/slow/.well-known/openid-configuration", "t");

        assertThat(big).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.PLATFORM_UNAVAILABLE));
        assertThat(slow).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.PLATFORM_UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cut off, not waited out")
                .isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void hostOutsideTheAllowList_isNotContacted() {
        platformAt(REAL, REAL, "client-1");
        platformAt("http://other.example.org", "http://other.example.org", "client-2");
        DynamicRegistration registration = registration(viaNetwork, DynamicRegistration.Policy.defaults()
                .withAllowedHosts(Set.of("Moodle.Example.org")));

        Outcome other = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                "http://other.example.org/.well-known/openid-configuration", "t");
        Outcome allowed = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                REAL + "/.well-known/openid-configuration", "t");

        assertThat(other).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED));
        assertThat(allowed).isInstanceOf(Outcome.Registered.class);
        assertThat(network.requests).noneMatch(r -> r.contains("other.example.org"));
    }

    @Test
    void registrationLimit_isKeptBeforeAnyFetch() {
        platformAt(REAL, REAL, "client-1");
        registrations.save(TestPlatform.create().registration());
        DynamicRegistration registration = registration(viaNetwork, DynamicRegistration.Policy.defaults()
                .withMaxRegistrations(1));

        Outcome outcome = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                REAL + "/.well-known/openid-configuration", "t");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.LIMIT_REACHED));
        assertThat(network.requests).isEmpty();
    }

    @Test
    void inviteRequiringApproval_storesAPendingRegistration() {
        platformAt(REAL, REAL, "client-1");
        DynamicRegistration registration = registration();

        Outcome outcome = registration.register(token(registration.invite(Duration.ofHours(1), true)),
                REAL + "/.well-known/openid-configuration", "t");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Registered.class,
                r -> assertThat(r.registration().state()).isEqualTo(RegistrationState.PENDING));
        assertThat(registrations.all()).singleElement().satisfies(r -> assertThat(r.active()).isFalse());
    }

    @Test
    void registrationRequest_meetsMoodlesRequirements() {
        JsonObject request = Json.createReader(new StringReader(tool.registrationRequest())).readObject();
        JsonObject config = request.getJsonObject(Claims.TOOL_CONFIGURATION);

        assertThat(request.getJsonArray("response_types").getString(0)).isEqualTo("id_token");
        assertThat(request.getString("initiate_login_uri")).isEqualTo("https://kasvu.example.org/lti/login");
        assertThat(request.getJsonArray("redirect_uris").getString(0)).isEqualTo("https://kasvu.example.org/lti/launch");
        assertThat(request.getString("jwks_uri")).isEqualTo("https://kasvu.example.org/lti/jwks");
        assertThat(request.getString("token_endpoint_auth_method")).isEqualTo("private_key_jwt");
        assertThat(request.getString("scope")).contains(Ags.SCOPE_SCORE, Ags.SCOPE_LINEITEM, Ags.SCOPE_NRPS,
                Ags.SCOPE_RESULT_READONLY);
        assertThat(config.getString("domain")).isEqualTo("kasvu.example.org");
        assertThat(config.getJsonArray("messages").getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("type")).containsExactly("LtiResourceLinkRequest", "LtiDeepLinkingRequest");
    }

    /** Moodle's recorded configuration and answer, served back with the recorded URLs' paths. */
    @Test
    void recordedMoodleConfigurationAndAnswer_areStored() throws Exception {
        HttpServer moodle = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + moodle.getAddress().getPort();
        String config = MoodleFixtures.lti("dynamic-registration/openid_configuration.json")
                .replace("http://127.0.0.1:8081", base);
        String answer = Json.createReader(new StringReader(MoodleFixtures.lti(
                "dynamic-registration/moodle_registration_response.json"))).readObject().getJsonObject("body").toString();
        AtomicReference<String> authorization = new AtomicReference<>();
        moodle.createContext("/mod/lti/openid-configuration.php", ex -> reply(ex, 200, config));
        moodle.createContext("/mod/lti/openid-registration.php", ex -> {
            authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            reply(ex, 200, answer);
        });
        moodle.start();
        String token = MoodleFixtures.lti("dynamic-registration/registration_token.jwt").strip();
        try {
            DynamicRegistration registration = registration(HttpClient.newHttpClient(),
                    DynamicRegistration.Policy.defaults());
            Outcome outcome = registration.register(token(registration.invite(Duration.ofHours(1), false)),
                    base + "/mod/lti/openid-configuration.php", token);

            assertThat(authorization.get()).isEqualTo("Bearer " + token);
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Registered.class, registered -> {
                assertThat(registered.productName()).isEqualTo("moodle");
                assertThat(registered.registration().clientId()).isEqualTo("nzEUVgSaTF8JGOH");
                assertThat(registered.registration().deploymentIds()).containsExactly("2");
                assertThat(registered.registration().authUrl()).isEqualTo(URI.create(base + "/mod/lti/auth.php"));
                assertThat(registered.registration().jwksUrl()).isEqualTo(URI.create(base + "/mod/lti/certs.php"));
            });
        } finally {
            moodle.stop(0);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /**
     * A pretend internet: an HTTP proxy on loopback that answers for any host name, so that tests
     * can play {@code moodle.example.org} and {@code moodle.example.org.attacker.tld} without DNS.
     */
    static final class Network {
        private final HttpServer server;
        private final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();
        private final Map<String, Duration> slow = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();

        private Network(HttpServer server) {
            this.server = server;
        }

        static Network start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                Network network = new Network(server);
                server.createContext("/", network::handle);
                server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
                server.start();
                return network;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        InetSocketAddress address() {
            return server.getAddress();
        }

        void serve(String url, int status, String body) {
            answers.put(url, Map.entry(status, body));
        }

        void serveSlowly(String url, Duration delay) {
            slow.put(url, delay);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String url = exchange.getRequestURI().toString();
            requests.add(exchange.getRequestMethod() + " " + url);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            if (slow.containsKey(url)) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                try {
                    exchange.getResponseBody().write('{');
                    exchange.getResponseBody().flush();
                    Thread.sleep(slow.get(url).toMillis());
                } catch (InterruptedException | IOException e) {
                    // The client gave up, as it should.
                }
                exchange.close();
                return;
            }
            Map.Entry<Integer, String> answer = answers.getOrDefault(url, Map.entry(404, "no such page"));
            reply(exchange, answer.getKey(), answer.getValue());
        }

        void stop() {
            server.stop(0);
        }
    }
}
