package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.CourseServices.CourseEvent;
import fi.kasvu.lms.web.CourseServices.CourseGroup;
import fi.kasvu.lms.web.CourseServices.Failure;
import fi.kasvu.lms.web.CourseServices.GroupEvent;
import fi.kasvu.lms.web.CourseServices.GroupToPublish;
import fi.kasvu.lms.web.CourseServices.Published;
import fi.kasvu.lms.web.CourseServices.Reply;
import fi.kasvu.lms.web.PageSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The course services against the answers a real Moodle 4.5 gave them
 * ({@code src/test/resources/moodle-fixtures/ws-course-services}, recorded from the adapter's own
 * calls; see the README there): the same sequence of calls sends the same requests, field for field,
 * and reads the recorded answers into the same results Moodle's state had.
 */
class MoodleCourseServicesReplayTest {

    private static final Path DIR = Path.of("src/test/resources/moodle-fixtures/ws-course-services");
    private static final String TOKEN = "5eed5eed5eed5eed5eed5eed5eed5eed";

    private static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded exchanges in order: names without extension. */
    private static List<String> recorded() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d_core_.*\\.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    private static Map<String, String> withoutToken(Map<String, String> form) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.remove("wstoken");
        return copy;
    }

    private static PageSession session(String course) {
        return MoodleCourseServicesTest.session("http://127.0.0.1:8181", "0f4kx4NdfLt3CeK", course);
    }

    private static MoodleCourseServices services(ScriptedMoodle moodle) {
        MoodleClient client = MoodleClient.newBuilder().baseUrl(moodle.url()).token(MoodleToken.of(TOKEN))
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0)).build();
        return new MoodleCourseServices((issuer, clientId) -> Optional.of(client),
                MoodleCourseServices.EventIds.inMemory());
    }

    @Test
    void theRecordedSession_isReplayedCallForCall() throws Exception {
        List<String> names = recorded();
        assertThat(names).hasSize(21);
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            names.forEach(name -> moodle.then(ScriptedMoodle.Answer.json(read(name + ".json"))));
            MoodleCourseServices services = services(moodle);
            List<GroupToPublish> groups = List.of(
                    new GroupToPublish("kasvu:live:team-1", "Kasvu tiimi 1", List.of("3")),
                    new GroupToPublish("kasvu:live:team-2", "Kasvu tiimi 2", List.of("4")));
            Instant start = Instant.parse("2027-01-14T08:00:00Z");
            List<CourseEvent> events = List.of(
                    new CourseEvent("kasvu:live:kick-off", "Kasvu: aloitus", "Kaikki osallistujat", start,
                            Duration.ofHours(2)),
                    new CourseEvent("kasvu:live:closing", "Kasvu: päätös & juhla", "", start.plus(Duration.ofDays(90)),
                            Duration.ofMinutes(90)));

            assertThat(services.groups(session("2"))).isEqualTo(Reply.done(List.of()));
            assertThat(services.publishGroups(session("2"), "Kasvu live -tiimit", groups))
                    .isEqualTo(Reply.done(new Published(2, 0)));
            assertThat(services.publishGroups(session("2"), "Kasvu live -tiimit", groups))
                    .as("the second publish creates nothing").isEqualTo(Reply.done(new Published(0, 2)));
            assertThat(services.groups(session("2"))).isEqualTo(Reply.done(List.of(
                    new CourseGroup("1", "Kasvu tiimi 1", List.of("3")),
                    new CourseGroup("2", "Kasvu tiimi 2", List.of("4")))));
            assertThat(services.publishEvents(session("2"), events)).isEqualTo(Reply.done(new Published(2, 0)));
            assertThat(services.publishEvents(session("2"), events)).as("the second publish creates nothing")
                    .isEqualTo(Reply.done(new Published(0, 2)));
            assertThat(services(moodle).publishEvents(session("2"), events))
                    .as("ids forgotten: Moodle answers 'päätös &amp; juhla', still the same event")
                    .isEqualTo(Reply.done(new Published(0, 2)));
            assertThat(services.groups(session("9999")))
                    .isEqualTo(Reply.failed(Failure.COURSE_NOT_FOUND, "errorcoursecontextnotvalid"));
            assertThat(services.publishEvents(session("9999"), events))
                    .isEqualTo(Reply.failed(Failure.COURSE_NOT_FOUND, "invalidrecord"));

            List<ScriptedMoodle.Received> sent = moodle.received();
            assertThat(sent).hasSize(names.size());
            for (int i = 0; i < names.size(); i++) {
                Map<String, String> mine = MoodleFixtures.decodeForm(sent.get(i).body());
                Map<String, String> theirs = MoodleFixtures.decodeForm(read(names.get(i) + ".request.txt").strip());
                assertThat(mine.get("wstoken")).isEqualTo(TOKEN);
                assertThat(theirs.get("wstoken")).as("recordings keep no token").isEqualTo("REDACTED");
                assertThat(withoutToken(mine)).as(names.get(i)).isEqualTo(withoutToken(theirs));
            }
        }
    }

    @Test
    void theRecordedGroupMeetings_areReplayedCallForCall() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.list(DIR)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d_groupevents_.*\\.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        assertThat(names).hasSize(8);
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            names.forEach(name -> moodle.then(ScriptedMoodle.Answer.json(read(name + ".json"))));
            MoodleCourseServices services = services(moodle);
            Instant start = Instant.parse("2027-01-21T08:00:00Z");
            List<GroupEvent> meetings = List.of(
                    new GroupEvent("kasvu:live:team-1", new CourseEvent("kasvu:live:team-1:m1",
                            "Tapaaminen 1: Kasvu tiimi 1", "Teema: luottamus", start, Duration.ofMinutes(90))),
                    new GroupEvent("kasvu:live:team-2", new CourseEvent("kasvu:live:team-2:m1",
                            "Tapaaminen 1: Kasvu tiimi 2", "", start, Duration.ofMinutes(90))));

            assertThat(services.publishGroupEvents(session("2"), meetings)).isEqualTo(Reply.done(new Published(2, 0)));
            assertThat(services.publishGroupEvents(session("2"), meetings)).isEqualTo(Reply.done(new Published(0, 2)));
            assertThat(services(moodle).publishGroupEvents(session("2"), meetings)).as("ids forgotten")
                    .isEqualTo(Reply.done(new Published(0, 2)));
            assertThat(services.publishGroupEvents(session("2"), List.of(new GroupEvent("kasvu:live:team-9",
                    meetings.get(0).event())))).isEqualTo(Reply.failed(Failure.REFUSED, "groupnotpublished"));

            List<ScriptedMoodle.Received> sent = moodle.received();
            assertThat(sent).hasSize(names.size());
            for (int i = 0; i < names.size(); i++) {
                assertThat(withoutToken(MoodleFixtures.decodeForm(sent.get(i).body()))).as(names.get(i))
                        .isEqualTo(withoutToken(MoodleFixtures.decodeForm(read(names.get(i) + ".request.txt").strip())));
            }
            assertThat(MoodleFixtures.decodeForm(sent.get(1).body())).as("Moodle's default user-event option (quirk 20)")
                    .doesNotContainKey("options[userevents]").containsEntry("events[groupids][0]", "1");
        }
    }

    /** The recorded exchanges of one prefix ({@code converge}, …) in order: names without extension. */
    private static List<String> recorded(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d_" + prefix + "_.*\\.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    private static MoodleCourseServices services(ScriptedMoodle moodle, MoodleCourseServices.EventIds ids) {
        MoodleClient client = MoodleClient.newBuilder().baseUrl(moodle.url()).token(MoodleToken.of(TOKEN))
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0)).build();
        return new MoodleCourseServices((issuer, clientId) -> Optional.of(client), ids,
                java.time.Clock.fixed(Instant.parse("2026-12-03T16:00:00Z"), java.time.ZoneOffset.UTC));
    }

    private static PageSession liveSession() {
        return MoodleCourseServicesTest.session("http://127.0.0.1:8181/", "live", "2",
                MoodleLiveConvergenceTest.CONTEXT);
    }

    @Test
    void theRecordedConvergence_isReplayedCallForCall() throws Exception {
        List<String> names = recorded("converge");
        assertThat(names).hasSize(19);
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            names.forEach(name -> moodle.then(ScriptedMoodle.Answer.json(read(name + ".json"))));
            MoodleCourseServices services = services(moodle, MoodleCourseServices.EventIds.inMemory());

            // The sequence MoodleLiveConvergenceTest ran against the live site when it recorded these.
            assertThat(services.publishEvents(liveSession(), MoodleLiveConvergenceTest.first()))
                    .isEqualTo(Reply.done(new Published(3, 0, 0, 0)));
            assertThat(services.publishEvents(liveSession(), MoodleLiveConvergenceTest.second()))
                    .as("A moved: deleted and made again; C removed: deleted")
                    .isEqualTo(Reply.done(new Published(0, 1, 1, 1)));
            assertThat(services.publishEvents(liveSession(), MoodleLiveConvergenceTest.second()))
                    .as("nothing changed: one read").isEqualTo(Reply.done(new Published(0, 2, 0, 0)));
            assertThat(services.publishGroups(liveSession(), "Kasvu live -tiimit", MoodleLiveConvergenceTest.teams()))
                    .isEqualTo(Reply.done(new Published(0, 2)));
            assertThat(services.publishGroupEvents(liveSession(), MoodleLiveConvergenceTest.meetings()))
                    .isEqualTo(Reply.done(new Published(3, 0, 0, 0)));
            assertThat(services.publishGroupEvents(liveSession(), MoodleLiveConvergenceTest.meetingsChanged()))
                    .isEqualTo(Reply.done(new Published(0, 0, 1, 1)));
            assertThat(services.publishGroupEvents(liveSession(), MoodleLiveConvergenceTest.meetingsChanged()))
                    .isEqualTo(Reply.done(new Published(0, 1, 0, 0)));

            List<ScriptedMoodle.Received> sent = moodle.received();
            assertThat(sent).hasSize(names.size());
            for (int i = 0; i < names.size(); i++) {
                Map<String, String> theirs = MoodleFixtures.decodeForm(read(names.get(i) + ".request.txt").strip());
                assertThat(theirs.get("wstoken")).as("recordings keep no token").isEqualTo("REDACTED");
                assertThat(withoutToken(MoodleFixtures.decodeForm(sent.get(i).body()))).as(names.get(i))
                        .isEqualTo(withoutToken(theirs));
            }
            assertThat(names).filteredOn(name -> name.endsWith("core_calendar_delete_calendar_events"))
                    .as("two deletes, each answered null").hasSize(2)
                    .allSatisfy(name -> assertThat(read(name + ".json").strip()).isEqualTo("null"));
        }
    }

    /** Moodle's answer to a delete, recorded with curl ({@code errors/}). */
    private static ScriptedMoodle.Answer deleteRefusal(String what) {
        return ScriptedMoodle.Answer.json(read("errors/core_calendar_delete_calendar_events__" + what + ".json"));
    }

    @Test
    void aDeleteRefusedForWantOfCapability_orInAnotherCourse_isNotAllowed() throws Exception {
        for (String what : List.of("no_capability", "event_of_another_course")) {
            try (ScriptedMoodle moodle = new ScriptedMoodle()) {
                MoodleCourseServices.EventIds ids = MoodleCourseServices.EventIds.inMemory();
                // The first publish of the recorded session, then the removal of C answered with the refusal.
                moodle.then(ScriptedMoodle.Answer.json(read("34_converge_core_calendar_get_calendar_events.json")),
                        ScriptedMoodle.Answer.json(read("35_converge_core_calendar_create_calendar_events.json")),
                        ScriptedMoodle.Answer.json(read("36_converge_core_calendar_get_calendar_events.json")),
                        deleteRefusal(what));
                services(moodle, ids).publishEvents(liveSession(), MoodleLiveConvergenceTest.first());

                assertThat(services(moodle, ids).publishEvents(liveSession(), MoodleLiveConvergenceTest.second()))
                        .as(what).isEqualTo(Reply.failed(Failure.NOT_ALLOWED, "nopermissions"));
                assertThat(moodle.received()).as("nothing created after the refused delete").hasSize(4);
            }
        }
    }

    @Test
    void anEventMoodleCannotFind_inADeleteOfSeveral_isDeletedOneByOne_andCountsAsGone() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            MoodleCourseServices.EventIds ids = MoodleCourseServices.EventIds.inMemory();
            moodle.then(ScriptedMoodle.Answer.json(read("34_converge_core_calendar_get_calendar_events.json")),
                    ScriptedMoodle.Answer.json(read("35_converge_core_calendar_create_calendar_events.json")),
                    ScriptedMoodle.Answer.json(read("36_converge_core_calendar_get_calendar_events.json")),
                    deleteRefusal("unknown_event_id"),
                    ScriptedMoodle.Answer.json(read("37_converge_core_calendar_delete_calendar_events.json")),
                    deleteRefusal("unknown_event_id"),
                    ScriptedMoodle.Answer.json(read("38_converge_core_calendar_create_calendar_events.json")));
            services(moodle, ids).publishEvents(liveSession(), MoodleLiveConvergenceTest.first());

            assertThat(services(moodle, ids).publishEvents(liveSession(), MoodleLiveConvergenceTest.second()))
                    .isEqualTo(Reply.done(new Published(0, 1, 1, 1)));
            List<ScriptedMoodle.Received> sent = moodle.received();
            assertThat(MoodleFixtures.decodeForm(sent.get(3).body())).containsKeys("events[0][eventid]",
                    "events[1][eventid]");
            assertThat(MoodleFixtures.decodeForm(sent.get(4).body())).containsKey("events[0][eventid]")
                    .doesNotContainKey("events[1][eventid]");
        }
    }

    @Test
    void aCreateAnsweredWithNopermissionsWarnings_isNotAllowed() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            moodle.then(ScriptedMoodle.Answer.json(read("15_core_calendar_get_calendar_events.json")),
                    ScriptedMoodle.Answer.json(read(
                            "errors/core_calendar_create_calendar_events__no_manageentries.json")));

            assertThat(services(moodle).publishEvents(session("2"), List.of(new CourseEvent("k", "Kasvu",
                    "", Instant.parse("2027-01-14T08:00:00Z"), Duration.ofHours(1)))))
                    .isEqualTo(Reply.failed(Failure.NOT_ALLOWED, "nopermissions"));
        }
    }

    @Test
    void aGroupNameMoodleListsEscaped_isShownAsItIs() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            moodle.then(ScriptedMoodle.Answer.json(read("core_group_get_course_groups__name_with_ampersand.json")),
                    ScriptedMoodle.Answer.json("[{\"groupid\":1,\"userids\":[3]},{\"groupid\":2,\"userids\":[4]},"
                            + "{\"groupid\":3,\"userids\":[]}]"));

            List<CourseGroup> groups = ((Reply.Done<List<CourseGroup>>) services(moodle).groups(session("2"))).value();

            assertThat(groups).extracting(CourseGroup::name).containsExactly("Kasvu tiimi 1", "Kasvu tiimi 2",
                    "Tiimi A & B");
        }
    }

    @Test
    void aTokenWhoseUserLacksTheCapability_isNotAllowed() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            moodle.then(ScriptedMoodle.Answer.json(read("errors/core_group_get_course_groups__no_capability.json")));

            assertThat(services(moodle).groups(session("2")))
                    .isEqualTo(Reply.failed(Failure.NOT_ALLOWED, "accessexception"));
        }
    }

    @Test
    void aCreateRefusedForWantOfCapability_isNotAllowed() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            moodle.then(ScriptedMoodle.Answer.json(read("15_core_calendar_get_calendar_events.json")),
                    ScriptedMoodle.Answer.json(read(
                            "errors/core_calendar_create_calendar_events__course_no_capability.json")));

            assertThat(services(moodle).publishEvents(session("2"), List.of(new CourseEvent("k", "Kasvu",
                    "", Instant.parse("2027-01-14T08:00:00Z"), Duration.ofHours(1)))))
                    .isEqualTo(Reply.failed(Failure.NOT_ALLOWED, "accessexception"));
        }
    }

    @Test
    void anUnknownCourseInTheGroupingsRead_isCourseNotFound() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            moodle.then(ScriptedMoodle.Answer.json("[]"), ScriptedMoodle.Answer.json(read(
                    "errors/core_group_get_course_groupings__unknown_course.json")));

            assertThat(services(moodle).publishGroups(session("9999"), "Tiimit", List.of(
                    new GroupToPublish("k", "Tiimi", List.of("3")))))
                    .isEqualTo(Reply.failed(Failure.COURSE_NOT_FOUND, "invalidrecord"));
        }
    }
}
