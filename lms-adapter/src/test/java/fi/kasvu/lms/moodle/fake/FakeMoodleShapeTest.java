package fi.kasvu.lms.moodle.fake;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.moodle.MoodleFixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fake Moodle answers in the shapes recorded from the real one: the same keys at every level
 * (values differ), the same void {@code null} bodies and the same error bodies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeMoodleShapeTest {

    private static final String TOKEN = MoodleFixtures.TOKEN;
    private static FakeMoodle moodle;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        moodle = FakeMoodle.start(TOKEN, 2, "COACH101", "Coaching 101", List.of(
                new FakeMoodle.User(5, "student1", "Sam", "Student", "student1@example.invalid", "EMP003", "en", true),
                new FakeMoodle.User(6, "student2", "Sara", "Svensson", "student2@example.invalid", "EMP004", "en", true),
                new FakeMoodle.User(2, "admin", "Admin", "User", "admin@example.invalid", "", "en", false)));
    }

    @AfterAll
    static void stop() {
        moodle.close();
    }

    /** Sends a recorded request body to the fake, with the token and function kept. */
    private static String replay(String fixture) throws Exception {
        String body = MoodleFixtures.ws(fixture + ".request.txt").strip();
        HttpRequest request = HttpRequest.newBuilder(URI.create(moodle.url() + "webservice/rest/server.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String send(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(moodle.url() + "webservice/rest/server.php"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The keys at every level; arrays by the shape of their first element. */
    static Object shape(JsonValue value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> keys = new TreeMap<>();
            object.forEach((key, child) -> keys.put(key, shape(child)));
            return keys;
        }
        if (value instanceof JsonArray array) {
            return array.isEmpty() ? List.of() : List.of(shape(array.get(0)));
        }
        return "*";
    }

    private static Object shapeOf(String json) {
        return shape(Json.createReader(new StringReader(json)).readValue());
    }

    private static void assertSameShape(String fakeAnswer, String fixture) {
        assertThat(shapeOf(fakeAnswer)).as(fixture).isEqualTo(shapeOf(MoodleFixtures.response(fixture)));
    }

    @Test
    @Order(1)
    void courseAndUsers_haveTheRecordedShapes() throws Exception {
        assertSameShape(replay("core_course_get_courses_by_field"), "core_course_get_courses_by_field");
        assertSameShape(replay("core_enrol_get_enrolled_users"), "core_enrol_get_enrolled_users");
        assertSameShape(replay("core_user_get_users_by_field__by_id"), "core_user_get_users_by_field__by_id");
        assertSameShape(replay("errors/core_course_get_courses_by_field__nomatch"),
                "errors/core_course_get_courses_by_field__nomatch");
        assertThat(shapeOf(replay("core_webservice_get_site_info")))
                .isEqualTo(shapeOf(MoodleFixtures.response("core_webservice_get_site_info")));
    }

    @Test
    @Order(2)
    void groupsGroupingsAndMembers_haveTheRecordedShapes() throws Exception {
        String created = replay("core_group_create_groups__temp");
        assertSameShape(created, "core_group_create_groups__temp");
        assertSameShape(replay("core_group_get_course_groups"), "core_group_get_course_groups");
        assertThat(send(Map.of("wstoken", TOKEN, "wsfunction", "core_group_add_group_members", "moodlewsrestformat", "json",
                "members[0][groupid]", "1", "members[0][userid]", "5"))).isEqualTo(
                MoodleFixtures.response("core_group_add_group_members"));
        assertSameShape(send(Map.of("wstoken", TOKEN, "wsfunction", "core_group_get_group_members", "moodlewsrestformat",
                "json", "groupids[0]", "1")), "core_group_get_group_members");
        assertSameShape(replay("core_group_create_groupings"), "core_group_create_groupings");
        assertSameShape(replay("core_group_get_course_groupings"), "core_group_get_course_groupings");
        assertThat(send(Map.of("wstoken", TOKEN, "wsfunction", "core_group_assign_grouping", "moodlewsrestformat", "json",
                "assignments[0][groupingid]", "2", "assignments[0][groupid]", "1")))
                .isEqualTo(MoodleFixtures.response("core_group_assign_grouping"));
    }

    @Test
    @Order(3)
    void groupErrors_areTheRecordedBodies() throws Exception {
        assertThat(send(Map.of("wstoken", TOKEN, "wsfunction", "core_group_create_groups", "moodlewsrestformat", "json",
                "groups[0][courseid]", "2", "groups[0][name]", "Team Alpha", "groups[0][description]", "",
                "groups[0][idnumber]", "TEAM-A"))).startsWith("[");
        assertThat(replay("errors/core_group_create_groups__duplicate_idnumber"))
                .isEqualTo(MoodleFixtures.response("errors/core_group_create_groups__duplicate_idnumber"));
        assertThat(replay("errors/core_group_create_groups__missing_description"))
                .isEqualTo(MoodleFixtures.response("errors/core_group_create_groups__missing_description"));
        assertThat(replay("errors/core_group_create_groupings__duplicate_name"))
                .isEqualTo(MoodleFixtures.response("errors/core_group_create_groupings__duplicate_name"));
        assertThat(replay("errors/core_group_add_group_members__not_enrolled"))
                .isEqualTo(MoodleFixtures.response("errors/core_group_add_group_members__not_enrolled"));
        assertThat(replay("invalidtoken")).isEqualTo(MoodleFixtures.response("invalidtoken"));
        assertThat(replay("accessexception")).isEqualTo(MoodleFixtures.response("accessexception"));
        assertThat(replay("errors/unknownfunction")).isEqualTo(MoodleFixtures.response("errors/unknownfunction"));
    }

    @Test
    @Order(4)
    void eventsAndMessages_haveTheRecordedShapes() throws Exception {
        assertSameShape(replay("core_calendar_create_calendar_events"), "core_calendar_create_calendar_events");
        assertSameShape(replay("core_calendar_get_calendar_events"), "core_calendar_get_calendar_events");
        assertSameShape(replay("core_message_send_instant_messages"), "core_message_send_instant_messages");
        assertSameShape(replay("errors/core_message_send_instant_messages__unknown_recipient"),
                "errors/core_message_send_instant_messages__unknown_recipient");
        int before = moodle.messages().size();
        assertThat(replay("errors/core_message_send_instant_messages__mixed_valid_and_invalid_recipient"))
                .isEqualTo(MoodleFixtures.response("errors/core_message_send_instant_messages__mixed_valid_and_invalid_recipient"));
        assertThat(moodle.messages()).as("the good messages were delivered anyway").hasSize(before + 2);
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    /** A recorded request with the fake's token (the quirk 19/20 recordings came from a second install). */
    private static Map<String, String> recorded(String fixture, Map<String, String> overrides) {
        Map<String, String> form = new java.util.LinkedHashMap<>(MoodleFixtures.request(fixture));
        form.put("wstoken", TOKEN);
        form.putAll(overrides);
        return form;
    }

    @Test
    @Order(5)
    void clientmsgidWithSlashOrColon_isRefusedLikeMoodleAndAlphanumextIsAccepted() throws Exception {
        int before = moodle.messages().size();

        assertThat(json(send(recorded("errors/core_message_send_instant_messages__clientmsgid_with_slash_and_colon",
                Map.of())))).isEqualTo(json(MoodleFixtures.response(
                        "errors/core_message_send_instant_messages__clientmsgid_with_slash_and_colon")));
        assertThat(moodle.messages()).as("nothing is delivered when a parameter is refused").hasSize(before);
        assertThat(moodle.refusals()).last().asString().contains("clientmsgid", "alphanumext");
        assertSameShape(send(recorded("core_message_send_instant_messages__clientmsgid_alphanumext", Map.of())),
                "core_message_send_instant_messages__clientmsgid_alphanumext");
    }

    @Test
    @Order(6)
    void groupEvents_areLeftOutWithUsereventsZeroAndFoundWithTheDefaultOptions() throws Exception {
        String created = send(Map.of("wstoken", TOKEN, "wsfunction", "core_group_create_groups", "moodlewsrestformat",
                "json", "groups[0][courseid]", "2", "groups[0][name]", "Quirk 20", "groups[0][description]", ""));
        String groupId = String.valueOf(Json.createReader(new StringReader(created)).readArray().getJsonObject(0)
                .getJsonNumber("id").longValue());
        send(Map.of("wstoken", TOKEN, "wsfunction", "core_calendar_create_calendar_events", "moodlewsrestformat", "json",
                "events[0][name]", "Tapaaminen 1", "events[0][courseid]", "2", "events[0][groupid]", groupId,
                "events[0][eventtype]", "group", "events[0][timestart]", "1797246000"));

        Map<String, String> window = Map.of("events[groupids][0]", groupId, "options[timestart]", "1797000000",
                "options[timeend]", "1797500000");
        String withoutUserEvents = send(recorded("core_calendar_get_calendar_events__course_and_groups_userevents_0",
                window));
        String withDefaults = send(recorded("core_calendar_get_calendar_events__course_and_groups_default_options",
                window));

        assertThat(json(withoutUserEvents)).isEqualTo(json(MoodleFixtures.response(
                "core_calendar_get_calendar_events__course_and_groups_userevents_0")));
        assertSameShape(withDefaults, "core_calendar_get_calendar_events__course_and_groups_default_options");
        assertThat(withDefaults).contains("Tapaaminen 1");
    }

    @Test
    @Order(7)
    void parameterTypes_areCheckedAsMoodleChecksThem() throws Exception {
        JsonValue refused = json(MoodleFixtures.response(
                "errors/core_message_send_instant_messages__clientmsgid_with_slash_and_colon"));
        assertThat(json(send(Map.of("wstoken", TOKEN, "wsfunction", "core_group_get_course_groups", "moodlewsrestformat",
                "json", "courseid", "02")))).as("PARAM_INT: 02 is not how PHP writes 2").isEqualTo(refused);
        assertThat(json(send(Map.of("wstoken", TOKEN, "wsfunction", "core_calendar_get_calendar_events", "moodlewsrestformat",
                "json", "options[userevents]", "true")))).as("PARAM_BOOL takes only 0 and 1").isEqualTo(refused);
        assertThat(json(send(Map.of("wstoken", TOKEN, "wsfunction", "core_group_create_groupings", "moodlewsrestformat",
                "json", "groupings[0][courseid]", "2", "groupings[0][name]", "<b>bold</b>", "groupings[0][description]",
                "")))).as("PARAM_TEXT refuses markup").isEqualTo(refused);
        assertThat(json(send(Map.of("wstoken", TOKEN, "wsfunction", "core_message_get_messages", "moodlewsrestformat",
                "json", "useridto", "0", "useridfrom", "2", "readd", "2")))).as("unexpected key").isEqualTo(refused);
    }

    @Test
    @Order(8)
    void sentMessages_haveTheShapeRecordedFromTheLiveMoodle() throws Exception {
        java.nio.file.Path live = java.nio.file.Path.of("src/test/resources/moodle-live/ws");
        String recorded = java.nio.file.Files.readString(live.resolve("core_message_get_messages__sent_by_token_user.json"));
        String refused = java.nio.file.Files.readString(live.resolve("core_message_get_messages__sent_by_other_user.json"));

        String answer = send(Map.of("wstoken", TOKEN, "wsfunction", "core_message_get_messages", "moodlewsrestformat",
                "json", "useridto", "0", "useridfrom", "2", "type", "conversations", "read", "2", "newestfirst", "1",
                "limitnum", "500"));

        assertThat(shapeOf(answer)).isEqualTo(shapeOf(recorded));
        assertThat(json(send(Map.of("wstoken", TOKEN, "wsfunction", "core_message_get_messages", "moodlewsrestformat",
                "json", "useridto", "0", "useridfrom", "6")))).isEqualTo(json(refused));
    }
}
