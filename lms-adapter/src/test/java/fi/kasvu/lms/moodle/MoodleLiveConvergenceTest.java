package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.kasvu.lms.web.CourseServices.CourseEvent;
import fi.kasvu.lms.web.CourseServices.GroupEvent;
import fi.kasvu.lms.web.CourseServices.GroupToPublish;
import fi.kasvu.lms.web.CourseServices.Published;
import fi.kasvu.lms.web.CourseServices.Reply;
import fi.kasvu.lms.web.PageSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Publishing that converges, against a <b>live</b> Moodle 4.5: skipped unless
 * {@code KASVU_MOODLE_LIVE_URL} names the site. Run it by hand:
 *
 * <pre>
 * KASVU_MOODLE_LIVE_URL=http://127.0.0.1:8181 KASVU_MOODLE_LIVE_TOKEN_FILE=/path/to/admin.token \
 *   mvn -q -o -pl lms-adapter -am -Dtest=MoodleLiveConvergenceTest -Dsurefire.failIfNoSpecifiedTests=false test
 * </pre>
 *
 * <p>The token (read from the file, never printed) must be of a service with Kasvu's functions, for a
 * user who manages calendar entries in the course ({@code KASVU_MOODLE_LIVE_COURSE}, default 2) and its
 * groups. The course should hold none of the events named here (a second run adopts the first run's
 * events by start and name, and then answers differently). With {@code KASVU_MOODLE_LIVE_RECORD_DIR} set,
 * every exchange goes through a local proxy that writes {@code NN_converge_<function>.request.txt} (the
 * token replaced by {@code REDACTED}) and {@code .json}: how the fixtures that
 * {@link MoodleCourseServicesReplayTest} replays were made.
 */
@EnabledIfEnvironmentVariable(named = "KASVU_MOODLE_LIVE_URL", matches = "https?://.+")
class MoodleLiveConvergenceTest {

    static final String CONTEXT = "activity:live-converge";
    static final Instant A = Instant.parse("2027-02-01T08:00:00Z");

    /** The programme's events as first published. */
    static List<CourseEvent> first() {
        return List.of(new CourseEvent("live:a", "Kasvu: aloitus", "Luento · Sali 1", A, Duration.ofHours(2)),
                new CourseEvent("live:b", "Kasvu: työpaja & \"ideat\"", "Työpaja · https://meet.example/b",
                        A.plus(Duration.ofDays(7)), Duration.ofMinutes(90)),
                new CourseEvent("live:c", "Kasvu: päätös", "", A.plus(Duration.ofDays(14)), Duration.ofHours(1)));
    }

    /** A moved two hours later, B unchanged, C removed. */
    static List<CourseEvent> second() {
        CourseEvent a = first().get(0);
        return List.of(new CourseEvent(a.key(), a.name(), a.description(), a.start().plus(Duration.ofHours(2)),
                a.duration()), first().get(1));
    }

    static List<GroupToPublish> teams() {
        return List.of(new GroupToPublish("kasvu:live:team-1", "Kasvu tiimi 1", List.of("3")),
                new GroupToPublish("kasvu:live:team-2", "Kasvu tiimi 2", List.of("4")));
    }

    /** Two meetings of team 1 and one of team 2. */
    static List<GroupEvent> meetings() {
        Instant day = Instant.parse("2027-02-03T06:00:00Z");
        return List.of(
                new GroupEvent("kasvu:live:team-1", new CourseEvent("live:t1-m1", "Kasvu tiimi 1: tapaaminen 1", "",
                        day, Duration.ZERO)),
                new GroupEvent("kasvu:live:team-1", new CourseEvent("live:t1-m2", "Kasvu tiimi 1: tapaaminen 2", "",
                        day.plus(Duration.ofDays(7)), Duration.ZERO)),
                new GroupEvent("kasvu:live:team-2", new CourseEvent("live:t2-m1", "Kasvu tiimi 2: tapaaminen 1", "",
                        day, Duration.ZERO)));
    }

    /** Team 1's first meeting a day later, its second gone; team 2 not named. */
    static List<GroupEvent> meetingsChanged() {
        GroupEvent m1 = meetings().get(0);
        return List.of(new GroupEvent(m1.groupKey(), new CourseEvent(m1.event().key(), m1.event().name(), "",
                m1.event().start().plus(Duration.ofDays(1)), Duration.ZERO)));
    }

    @Test
    void publishMoveRemoveAndPublishAgain() throws Exception {
        URI site = URI.create(System.getenv("KASVU_MOODLE_LIVE_URL").replaceAll("/?$", "/"));
        String token = Files.readString(Path.of(System.getenv("KASVU_MOODLE_LIVE_TOKEN_FILE"))).strip();
        String course = Optional.ofNullable(System.getenv("KASVU_MOODLE_LIVE_COURSE")).orElse("2");
        String record = System.getenv("KASVU_MOODLE_LIVE_RECORD_DIR");
        HttpServer proxy = record == null ? null : proxy(site, Path.of(record), token);
        try {
            URI url = proxy == null ? site : URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/");
            MoodleClient client = MoodleClient.newBuilder().baseUrl(url).token(MoodleToken.of(token))
                    .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0)).build();
            MoodleCourseServices services = new MoodleCourseServices((issuer, clientId) -> Optional.of(client),
                    MoodleCourseServices.EventIds.inMemory());
            PageSession session = MoodleCourseServicesTest.session(site.toString(), "live", course, CONTEXT);

            assertThat(services.publishEvents(session, first())).isEqualTo(Reply.done(new Published(3, 0, 0, 0)));
            assertThat(services.publishEvents(session, second())).isEqualTo(Reply.done(new Published(0, 1, 1, 1)));
            assertThat(services.publishEvents(session, second())).isEqualTo(Reply.done(new Published(0, 2, 0, 0)));

            assertThat(services.publishGroups(session, "Kasvu live -tiimit", teams())).isInstanceOf(Reply.Done.class);
            assertThat(services.publishGroupEvents(session, meetings()))
                    .isEqualTo(Reply.done(new Published(3, 0, 0, 0)));
            assertThat(services.publishGroupEvents(session, meetingsChanged()))
                    .isEqualTo(Reply.done(new Published(0, 0, 1, 1)));
            assertThat(services.publishGroupEvents(session, meetingsChanged()))
                    .isEqualTo(Reply.done(new Published(0, 1, 0, 0)));

            // Read back without the proxy: each event once, at its new time; the removed ones gone.
            MoodleClient direct = MoodleClient.newBuilder().baseUrl(site).token(MoodleToken.of(token)).build();
            long courseId = Long.parseLong(course);
            java.util.Map<String, Long> groupIds = new java.util.HashMap<>();
            for (Group group : direct.execute(MoodleCalls.courseGroups(courseId))) {
                groupIds.put(group.idnumber(), group.id());
            }
            List<CalendarEvent> events = direct.execute(MoodleCalls.calendarEvents(CalendarEventQuery.courseAndGroups(
                    courseId, List.copyOf(groupIds.values()), A.getEpochSecond() - 86_400 * 3,
                    A.getEpochSecond() + 86_400 * 20))).events();
            List<String> named = events.stream().filter(e -> e.name().startsWith("Kasvu"))
                    .map(e -> e.eventtype() + "|" + e.groupIdOrZero() + "|" + MoodleText.unescape(e.name()) + "|"
                            + Instant.ofEpochSecond(e.timestart())).toList();
            long team1 = groupIds.get("kasvu:live:team-1");
            long team2 = groupIds.get("kasvu:live:team-2");
            assertThat(named).as("course %s's events named Kasvu…", course).containsExactlyInAnyOrder(
                    "course|0|Kasvu: aloitus|2027-02-01T10:00:00Z",
                    "course|0|Kasvu: työpaja & \"ideat\"|2027-02-08T08:00:00Z",
                    "group|" + team1 + "|Kasvu tiimi 1: tapaaminen 1|2027-02-04T06:00:00Z",
                    "group|" + team2 + "|Kasvu tiimi 2: tapaaminen 1|2027-02-03T06:00:00Z");
        } finally {
            if (proxy != null) {
                proxy.stop(0);
            }
        }
    }

    /** A proxy on port 0 that forwards to the site and writes each exchange, the token redacted. */
    private static HttpServer proxy(URI site, Path dir, String token) throws IOException {
        Files.createDirectories(dir);
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger next = new AtomicInteger(34);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", (HttpExchange exchange) -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String form = new String(body, StandardCharsets.UTF_8);
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(HttpRequest.newBuilder(site.resolve(exchange.getRequestURI().getPath().substring(1)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String function = MoodleFixtures.decodeForm(form).getOrDefault("wsfunction", "unknown");
            String name = String.format("%02d_converge_%s", next.getAndIncrement(), function);
            Files.writeString(dir.resolve(name + ".request.txt"),
                    form.replace("wstoken=" + token, "wstoken=REDACTED") + "\n", StandardCharsets.UTF_8);
            Files.write(dir.resolve(name + ".json"), answer.body());
            exchange.getResponseHeaders().set("Content-Type",
                    answer.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
        return server;
    }
}
