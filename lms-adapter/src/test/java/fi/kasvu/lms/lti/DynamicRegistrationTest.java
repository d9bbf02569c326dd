package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Dynamic Registration against the simulator and against Moodle's recorded answers. */
class DynamicRegistrationTest {

    final MemoryPorts.MemoryRegistrations registrations = new MemoryPorts.MemoryRegistrations();
    final ToolConfiguration tool = new ToolConfiguration(URI.create("https://kasvu.example.org/"), "Kasvu");
    final DynamicRegistration registration = new DynamicRegistration(HttpClient.newHttpClient(), registrations, tool);

    @Test
    void registeringTwice_updatesInsteadOfDuplicating() throws Exception {
        try (PlatformSimulator platform = PlatformSimulator.start()) {
            DynamicRegistration.Registered first = registration.register(platform.openidConfiguration(), "reg-token-1");
            DynamicRegistration.Registered second = registration.register(platform.openidConfiguration(),
                    "reg-token-2");

            assertThat(first.updated()).isFalse();
            assertThat(second.updated()).isTrue();
            assertThat(registrations.all()).singleElement().satisfies(r -> {
                assertThat(r.clientId()).isEqualTo(PlatformSimulator.CLIENT_ID);
                assertThat(r.deploymentIds()).containsExactly(PlatformSimulator.DEPLOYMENT_ID);
                assertThat(r.tokenUrl()).isEqualTo(URI.create(platform.issuer() + "/token"));
            });
        }
    }

    @Test
    void reusedToken_isATypedRefusal() throws Exception {
        try (PlatformSimulator platform = PlatformSimulator.start()) {
            registration.register(platform.openidConfiguration(), "reg-token-1");

            assertThatThrownBy(() -> registration.register(platform.openidConfiguration(), "reg-token-1"))
                    .isInstanceOfSatisfying(PlatformServiceException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.body()).isEqualTo("token_already_used");
                    });
        }
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
        String token = MoodleFixtures.lti("dynamic-registration/registration_token.jwt");
        try {
            DynamicRegistration.Registered registered = registration.register(
                    URI.create(base + "/mod/lti/openid-configuration.php"), token);

            assertThat(authorization.get()).isEqualTo("Bearer " + token);
            assertThat(registered.productName()).isEqualTo("moodle");
            assertThat(registered.registration().clientId()).isEqualTo("nzEUVgSaTF8JGOH");
            assertThat(registered.registration().deploymentIds()).containsExactly("2");
            assertThat(registered.registration().authUrl()).isEqualTo(URI.create(base + "/mod/lti/auth.php"));
            assertThat(registered.registration().jwksUrl()).isEqualTo(URI.create(base + "/mod/lti/certs.php"));
        } finally {
            moodle.stop(0);
        }
    }

    @Test
    void configurationWhoseIssuerIsNotItsPrefix_isRefused() throws Exception {
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String config = MoodleFixtures.lti("dynamic-registration/openid_configuration.json");
        evil.createContext("/config", ex -> reply(ex, 200, config));
        evil.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + evil.getAddress().getPort() + "/config");
            assertThatThrownBy(() -> registration.register(url, "t"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("issuer http://127.0.0.1:8081 is not a prefix of the configuration URL");
        } finally {
            evil.stop(0);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
