package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fi.kasvu.common.IdGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Moodle's recorded service answers, replayed byte for byte: token as text/html, roster, empty score answer. */
class RecordedMoodleServicesTest {

    final HttpServer moodle = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    final List<String> requests = new CopyOnWriteArrayList<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:58:10Z"));
    final ToolKeyRing keys = ToolKeyRing.create(new MemoryStores.MemoryToolKeys(), clock, IdGenerator.sequence("k"), 2048);
    final AccessTokens tokens = AccessTokens.create(HttpClient.newHttpClient(), keys, clock, IdGenerator.sequence("j"));
    final PlatformRegistration registration;

    RecordedMoodleServicesTest() throws IOException {
        replay("/mod/lti/token.php", "services/token_success.json");
        replay("/mod/lti/services.php/CourseSection/2/bindings/1/memberships", "services/nrps_memberships.json");
        replay("/mod/lti/services.php/2/lineitems/2/lineitem/scores", "services/ags_score_post.json");
        replay("/mod/lti/services.php/2/lineitems/2/lineitem/results", "services/ags_results.json");
        moodle.start();
        String base = "http://127.0.0.1:" + moodle.getAddress().getPort();
        registration = new PlatformRegistration(base, "0m6qvD5FnqXXGbV", URI.create(base + "/mod/lti/auth.php"),
                URI.create(base + "/mod/lti/token.php"), URI.create(base + "/mod/lti/certs.php"), Set.of("1"), "moodle");
    }

    /** Serves a recorded exchange's response (status, content type and body) at the path. */
    private void replay(String path, String fixture) {
        JsonObject response = Json.createReader(new StringReader(MoodleFixtures.lti(fixture))).readObject()
                .getJsonObject("response");
        String type = response.getJsonObject("headers").containsKey("Content-Type")
                ? response.getJsonObject("headers").getString("Content-Type")
                : response.getJsonObject("headers").getString("Content-type");
        byte[] body = (response.containsKey("json") ? response.get("json").toString() : response.getString("text"))
                .getBytes(StandardCharsets.UTF_8);
        moodle.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(response.getInt("status"), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        moodle.stop(0);
    }

    @Test
    void recordedRoster_isReadWithShortRoleNamesAndNordicLetters() throws Exception {
        List<RosterMember> roster = new NrpsClient(HttpClient.newHttpClient(), tokens).roster(registration,
                URI.create(registration.issuer() + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships"));

        assertThat(roster).hasSize(8);
        assertThat(roster).filteredOn(m -> m.roles().get(0).kind() == LtiRole.Kind.INSTRUCTOR)
                .extracting(RosterMember::userId).containsExactlyInAnyOrder("3", "4");
        assertThat(roster).extracting(m -> m.name().orElse("")).contains("Søren Ødegaard");
        assertThat(requests.get(0)).startsWith("POST /mod/lti/token.php grant_type=client_credentials");
    }

    @Test
    void recordedResults_areRead() throws Exception {
        List<GradeResult> results = new AgsClient(HttpClient.newHttpClient(), tokens).results(registration,
                URI.create(registration.issuer() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));

        assertThat(results).containsExactly(new GradeResult("5", java.util.Optional.of(83.0),
                java.util.Optional.of(100.0), "Good coaching reflection"));
        assertThat(requests.get(1)).startsWith("GET /mod/lti/services.php/2/lineitems/2/lineitem/results?type_id=1");
    }

    @Test
    void recordedScoreAnswer_emptyBody200_isSuccess() throws Exception {
        new AgsClient(HttpClient.newHttpClient(), tokens).postScore(registration, URI.create(registration.issuer()
                        + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"),
                new Score("5", java.util.Optional.of(83.0), java.util.Optional.of(100.0), "Good coaching reflection",
                        Score.ActivityProgress.Completed, Score.GradingProgress.FullyGraded, clock.instant()));

        String post = requests.get(1);
        assertThat(post).startsWith("POST /mod/lti/services.php/2/lineitems/2/lineitem/scores?type_id=1 ");
        JsonObject sent = Json.createReader(new StringReader(post.substring(post.indexOf('{')))).readObject();
        JsonObject recorded = Json.createReader(new StringReader(Json.createReader(new StringReader(
                MoodleFixtures.lti("services/ags_score_post.json"))).readObject().getJsonObject("request")
                .getString("body"))).readObject();
        assertThat(sent.keySet()).isEqualTo(recorded.keySet());
    }
}
