package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.kasvu.lms.moodle.ScriptedMoodle.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Transport faults, retries, the concurrency cap and token secrecy. */
class MoodleClientFaultTest {

    private static final String SECRET = "5ec12e7t0ken5ec12e7t0ken5ec12e7t";

    private ScriptedMoodle moodle;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        moodle = new ScriptedMoodle();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(MoodleClient.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(MoodleClient.class)).detachAppender(logs);
        moodle.close();
    }

    private MoodleClient.Builder client(URI url) {
        return MoodleClient.newBuilder().baseUrl(url).token(MoodleToken.of(SECRET))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.5))
                .sleeper(waits::add).random(() -> 0.0)
                .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2));
    }

    @Test
    void read_retriesServerErrorsWithExponentialBackoff() throws Exception {
        moodle.then(Answer.status(503, "<html>busy</html>"), Answer.status(502, ""),
                Answer.fixture("core_group_get_course_groups"));

        List<Group> groups = client(moodle.url()).build().execute(MoodleCalls.courseGroups(2));

        assertThat(groups).hasSize(2);
        assertThat(moodle.received()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retryWaits_areJitteredDownwards() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(400), Duration.ofMillis(1000), 2.0, 0.5);

        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayAfter(1, 1.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(600));
        assertThat(policy.delayAfter(4, 0.0)).as("capped at maxDelay").isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void read_givesUpAfterMaxAttemptsWithTheLastStatus() {
        moodle.then(Answer.status(500, "<h1>Internal Server Error</h1>"), Answer.status(500, "<h1>Internal Server Error</h1>"),
                Answer.status(500, "<h1>Internal Server Error</h1>"));

        assertThatThrownBy(() -> client(moodle.url()).build().execute(MoodleCalls.courseGroups(2)))
                .isInstanceOfSatisfying(MoodleResponseException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.isServerFailure()).isTrue();
                    assertThat(e.getMessage()).contains("core_group_get_course_groups", "HTTP 500",
                            "<h1>Internal Server Error</h1>");
                });
        assertThat(moodle.received()).hasSize(3);
    }

    @Test
    void write_isNotRetriedAfterAServerError() {
        moodle.then(Answer.status(503, "busy"), Answer.fixture("core_group_create_groups__temp"));

        assertThatThrownBy(() -> client(moodle.url()).build().execute(MoodleCalls.createGroups(
                List.of(NewGroup.of(2, "Temp Group", "to be deleted", "TEMP-1")))))
                .isInstanceOf(MoodleResponseException.class).hasMessageContaining("HTTP 503");
        assertThat(moodle.received()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void read_retriesADroppedConnection() throws Exception {
        moodle.then(Answer.dropConnection(), Answer.fixture("core_group_get_course_groupings"));

        List<Grouping> groupings = client(moodle.url()).build().execute(MoodleCalls.courseGroupings(2));

        assertThat(groupings).hasSize(1);
        assertThat(waits).hasSize(1);
    }

    @Test
    void write_droppedConnectionIsAnIOExceptionWithoutRetry() {
        moodle.then(Answer.dropConnection(), Answer.fixture("core_group_add_group_members"));

        assertThatThrownBy(() -> client(moodle.url()).build().execute(MoodleCalls.addGroupMembers(
                List.of(new GroupMembership(1, 5)))))
                .isInstanceOf(IOException.class).isNotInstanceOf(MoodleResponseException.class)
                .hasMessageContaining("core_group_add_group_members failed in transport");
        assertThat(moodle.received()).hasSize(1);
    }

    @Test
    void read_retriesATimeout() throws Exception {
        moodle.then(Answer.noAnswer(), Answer.fixture("core_group_get_course_groupings"));

        assertThat(client(moodle.url()).build().execute(MoodleCalls.courseGroupings(2))).hasSize(1);
        assertThat(moodle.received()).hasSize(2);
    }

    @Test
    void write_timeoutIsNotRetriedBecauseMoodleMayHaveDoneIt() {
        moodle.then(Answer.noAnswer(), Answer.fixture("core_group_create_groups__temp"));

        assertThatThrownBy(() -> client(moodle.url()).build().execute(MoodleCalls.createGroups(
                List.of(NewGroup.of(2, "Temp Group", "to be deleted", "TEMP-1")))))
                .isInstanceOf(IOException.class).hasMessageContaining("HttpTimeoutException");
        assertThat(moodle.received()).hasSize(1);
    }

    @Test
    void write_isRetriedWhenTheConnectionWasRefusedBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> client(URI.create("http://127.0.0.1:" + closedPort)).build()
                .execute(MoodleCalls.addGroupMembers(List.of(new GroupMembership(1, 5)))))
                .isInstanceOf(IOException.class).hasMessageContaining("ConnectException");
        assertThat(waits).hasSize(2);
    }

    @Test
    void malformedJson_isADecodingErrorQuotingTheStart() {
        moodle.then(Answer.json("[{\"id\":1,\"courseid\":2,\"name\":\"Team Al"));

        assertThatThrownBy(() -> client(moodle.url()).retryPolicy(RetryPolicy.none()).build().execute(MoodleCalls.courseGroups(2)))
                .isInstanceOf(MoodleResponseException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("[{\"id\":1,\"courseid\":2,\"name\":\"Team Al");
    }

    @Test
    void read_retriesAnAnswerCutShort() throws Exception {
        moodle.then(Answer.json("[{\"id\":1,\"courseid\":2,"), Answer.fixture("core_group_get_course_groups"));

        assertThat(client(moodle.url()).build().execute(MoodleCalls.courseGroups(2))).hasSize(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void htmlErrorPageWithStatus200_isADecodingError() {
        moodle.then(new Answer(200, "<!DOCTYPE html><html><body>Error reading from database</body></html>",
                "text/html", false, false));

        assertThatThrownBy(() -> client(moodle.url()).retryPolicy(RetryPolicy.none()).build().execute(MoodleCalls.courseGroups(2)))
                .isInstanceOf(MoodleResponseException.class)
                .hasMessageContaining("HTML or XML, not JSON").hasMessageContaining("<!DOCTYPE html>");
    }

    @Test
    void wrongJsonShape_isADecodingError() {
        moodle.then(Answer.json("{\"unexpected\":true}"));

        assertThatThrownBy(() -> client(moodle.url()).retryPolicy(RetryPolicy.none()).build().execute(MoodleCalls.courseGroups(2)))
                .isInstanceOf(MoodleResponseException.class).hasMessageContaining("expected shape");
    }

    @Test
    void forbiddenWithEmptyBody_meansWebServicesAreDisabled() {
        moodle.then(Answer.status(403, ""));

        assertThatThrownBy(() -> client(moodle.url()).build().execute(MoodleCalls.siteInfo()))
                .isInstanceOfSatisfying(MoodleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MoodleException.Kind.WEB_SERVICES_DISABLED);
                    assertThat(e.getMessage()).contains("web services or the REST protocol are disabled");
                });
    }

    @Test
    void token_neverAppearsInMessagesToStringOrLogs() throws Exception {
        moodle.then(Answer.status(500, "echo wstoken=" + SECRET), Answer.status(500, "echo wstoken=" + SECRET),
                Answer.status(500, "echo wstoken=" + SECRET),
                Answer.fixture("invalidtoken"));
        MoodleClient client = client(URI.create(moodle.url().toString())).build();
        List<String> texts = new ArrayList<>();

        try {
            client.execute(MoodleCalls.siteInfo());
        } catch (MoodleResponseException e) {
            texts.add(e.getMessage());
            texts.add(e.bodyStart());
        }
        try {
            client.execute(MoodleCalls.siteInfo());
        } catch (MoodleException e) {
            texts.add(e.getMessage());
            texts.add(e.toString());
        }
        texts.add(client.toString());
        texts.add(MoodleToken.of(SECRET).toString());
        logs.list.forEach(event -> texts.add(event.getFormattedMessage()));

        assertThat(texts).hasSizeGreaterThan(6).noneMatch(text -> text.contains(SECRET));
        assertThat(String.join("\n", texts)).contains("[token]", "redacted");
        assertThat(MoodleFixtures.decodeForm(moodle.received().get(0).body())).containsEntry("wstoken", SECRET);
    }

    @Test
    void tokenFromFile_readsTheFirstLineAndRejectsEmptyFiles(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "\n  " + SECRET + "  \n");
        Path empty = Files.writeString(dir.resolve("empty"), "\n\n");
        Path spaced = Files.writeString(dir.resolve("spaced"), "abc def");

        assertThat(MoodleToken.fromFile(file)).isEqualTo(MoodleToken.of(SECRET));
        assertThatThrownBy(() -> MoodleToken.fromFile(empty)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> MoodleToken.fromFile(spaced)).hasMessageContaining("spaces or control characters")
                .hasMessageNotContaining("abc def");
    }

    @Test
    void plainHttpToARemoteHost_warns_loopbackDoesNot() {
        MoodleClient.newBuilder().baseUrl("http://127.0.0.1:8081").build();
        MoodleClient.newBuilder().baseUrl("http://localhost/moodle").build();
        assertThat(logs.list).isEmpty();

        MoodleClient.newBuilder().baseUrl("http://moodle.example.fi").build();
        MoodleClient.newBuilder().baseUrl("https://moodle.example.fi").build();

        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("http://moodle.example.fi/", "plain http");
        });
    }

    @Test
    void builder_rejectsBadValuesNamingThem() {
        MoodleClient.Builder builder = MoodleClient.newBuilder();

        assertThatThrownBy(() -> builder.baseUrl("ftp://moodle.example.fi")).hasMessageContaining("absolute http or https URL: ftp://");
        assertThatThrownBy(() -> builder.baseUrl("moodle.example.fi")).hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> builder.baseUrl("https://moodle.example.fi/?x=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> builder.baseUrl("https://moodle.example.fi/webservice/rest/server.php"))
                .hasMessageContaining("site root, not a script");
        assertThatThrownBy(() -> builder.maxConcurrentCalls(0)).hasMessage("maxConcurrentCalls must be 1..64: 0");
        assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO)).hasMessage("requestTimeout must be positive: PT0S");
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, 0)).hasMessage("maxAttempts must be 1..20: 0");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .hasMessageContaining("maxDelay must be at least initialDelay");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 2, 1.5)).hasMessage("jitter must be 0..1: 1.5");
        assertThatThrownBy(() -> MoodleToken.of(" ")).hasMessage("token must not be empty");
    }

    @Test
    void builder_failsFastOnConflictsAndMissingBaseUrl() {
        assertThatThrownBy(() -> MoodleClient.newBuilder().build()).hasMessage("baseUrl is required");
        assertThatThrownBy(() -> MoodleClient.newBuilder().baseUrl("https://moodle.example.fi")
                .httpClient(java.net.http.HttpClient.newHttpClient()).connectTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout conflicts with httpClient");
        assertThatThrownBy(() -> MoodleClient.newBuilder().baseUrl("https://moodle.example.fi")
                .connectTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(5)).build())
                .hasMessageContaining("connectTimeout PT30S must not exceed requestTimeout PT5S");
    }

    @Test
    void baseUrlWithPath_keepsThePathForTheEndpoint() throws Exception {
        moodle.then(Answer.fixture("core_group_get_course_groupings"));

        client(URI.create(moodle.url() + "moodle")).build().execute(MoodleCalls.courseGroupings(2));

        assertThat(moodle.received().get(0).path()).isEqualTo("/moodle/webservice/rest/server.php");
    }

    @Test
    void clientWithoutToken_refusesWebServiceCalls() {
        MoodleClient client = MoodleClient.newBuilder().baseUrl(moodle.url()).build();

        assertThatThrownBy(() -> client.execute(MoodleCalls.siteInfo())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no token").hasMessageContaining("core_webservice_get_site_info");
    }

    @Test
    void asyncCalls_neverExceedTheConcurrencyCap() {
        for (int i = 0; i < 8; i++) {
            moodle.then(Answer.fixture("core_group_get_course_groupings"));
        }
        moodle.holdEachAnswer(60);
        MoodleClient client = client(moodle.url()).maxConcurrentCalls(2).requestTimeout(Duration.ofSeconds(5)).build();

        List<CompletableFuture<List<Grouping>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(client.executeAsync(MoodleCalls.courseGroupings(2)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).hasSize(1));
        assertThat(moodle.received()).hasSize(8);
        assertThat(moodle.maxInFlight()).isBetween(1, 2);
    }

    @Test
    void asyncCall_failsWithTheTypedMoodleException() {
        moodle.then(Answer.fixture("invalidtoken"));

        CompletableFuture<SiteInfo> call = client(moodle.url()).build().executeAsync(MoodleCalls.siteInfo());

        assertThatThrownBy(call::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(MoodleException.class,
                        e -> assertThat(e.kind()).isEqualTo(MoodleException.Kind.INVALID_TOKEN));
    }

    @Test
    void checkFunctions_namesTheMissingOnes() throws Exception {
        moodle.then(Answer.fixture("core_webservice_get_site_info"));

        assertThat(client(moodle.url()).build().checkFunctions(java.util.Set.of("core_group_create_groups",
                "core_user_create_users", "core_message_send_instant_messages", "core_course_create_courses")))
                .containsExactly("core_course_create_courses", "core_user_create_users");
    }

    @Test
    void requestValidation_namesTheBadValue() {
        assertThatThrownBy(() -> MoodleCalls.usersByField(MoodleCalls.UserField.USERNAME, List.of("Student1")))
                .hasMessage("usernames must be lower case for Moodle: Student1");
        assertThatThrownBy(() -> MoodleCalls.courseGroups(0)).hasMessage("courseId must be positive: 0");
        assertThatThrownBy(() -> MoodleCalls.createGroups(List.of())).hasMessage("groups must not be empty");
        assertThatThrownBy(() -> new InstantMessage(5, "x".repeat(4097), 1, null))
                .hasMessage("text must be at most 4096 bytes: 4097 bytes");
        assertThatThrownBy(() -> new EnrolledUsersOptions(null, null, true, true, null, null, null, null, null))
                .hasMessage("onlyactive and onlysuspended exclude each other");
        assertThatThrownBy(() -> new NewGroup(2, "A", "", null, null, null, 4, null)).hasMessage("visibility must be 0..3: 4");
    }

    @Test
    void enrolledUsersOptions_areEncodedAsNameValuePairs() throws Exception {
        moodle.then(Answer.fixture("core_enrol_get_enrolled_users"));

        client(moodle.url()).build().execute(MoodleCalls.enrolledUsers(2, new EnrolledUsersOptions(null, 1L, true, null,
                List.of("id", "email", "groups"), 0, 100, "id", "ASC")));

        assertThat(MoodleFixtures.decodeForm(moodle.received().get(0).body()))
                .containsEntry("options[0][name]", "groupid").containsEntry("options[0][value]", "1")
                .containsEntry("options[1][name]", "onlyactive").containsEntry("options[1][value]", "1")
                .containsEntry("options[2][name]", "userfields").containsEntry("options[2][value]", "id,email,groups")
                .containsEntry("options[6][name]", "sortdirection").doesNotContainKey("options[7][name]");
    }
}
