package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fi.kasvu.lms.moodle.MoodleCalls.CourseField;
import fi.kasvu.lms.moodle.MoodleCalls.UserField;
import fi.kasvu.lms.moodle.ScriptedMoodle.Answer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded call: the client sends the same form fields as the recorded request, and
 * decodes the recorded answer into the typed result (or the typed error).
 */
class MoodleClientContractTest {

    private ScriptedMoodle moodle;

    @BeforeEach
    void start() throws Exception {
        moodle = new ScriptedMoodle();
    }

    @AfterEach
    void stop() {
        moodle.close();
    }

    private MoodleClient client(String token) {
        return MoodleClient.newBuilder().baseUrl(moodle.url()).token(MoodleToken.of(token))
                .retryPolicy(RetryPolicy.none()).build();
    }

    private <T> T callFixture(String fixture, MoodleCall<T> call, String token) throws Exception {
        moodle.then(Answer.fixture(fixture));
        try {
            return client(token).execute(call);
        } finally {
            assertThat(moodle.received()).singleElement().satisfies(received -> {
                assertThat(received.path()).isEqualTo("/webservice/rest/server.php");
                assertThat(received.contentType()).isEqualTo("application/x-www-form-urlencoded");
                assertThat(MoodleFixtures.decodeForm(received.body()))
                        .as("form fields sent for %s", fixture)
                        .containsExactlyInAnyOrderEntriesOf(MoodleFixtures.request(fixture));
            });
        }
    }

    record Case(String fixture, MoodleCall<?> call, Consumer<Object> check) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Case of(String fixture, MoodleCall<T> call, Consumer<T> check) {
        return new Case(fixture, call, value -> check.accept((T) value));
    }

    static Stream<Arguments> successfulCalls() {
        return Stream.of(
                of("core_webservice_get_site_info", MoodleCalls.siteInfo(), info -> {
                    assertThat(info.userid()).isEqualTo(2L);
                    assertThat(info.userissiteadmin()).isTrue();
                    assertThat(info.version()).isEqualTo("2024090300");
                    assertThat(info.missingFunctions(MoodleCalls.ALL_FUNCTIONS))
                            .as("the recorded service predates the read-back of sent messages and event deletes")
                            .containsExactlyInAnyOrder("core_message_get_messages",
                                    "core_calendar_delete_calendar_events");
                    assertThat(info.missingFunctions(java.util.Set.of("core_user_create_users", "mod_lti_get_tool_types")))
                            .containsExactly("core_user_create_users");
                }),
                of("core_course_get_courses_by_field", MoodleCalls.coursesByField(CourseField.SHORTNAME, "COACH101"),
                        result -> assertThat(result.courses()).singleElement().satisfies(course -> {
                            assertThat(course.id()).isEqualTo(2L);
                            assertThat(course.idnumber()).isEqualTo("COACH101-2024");
                            assertThat(course.visible()).isTrue();
                            assertThat(course.enablecompletion()).isTrue();
                        })),
                of("core_enrol_get_enrolled_users", MoodleCalls.enrolledUsers(2), users -> {
                    assertThat(users).hasSize(8);
                    assertThat(users).allSatisfy(user -> assertThat(user.groups()).isEmpty());
                    assertThat(users.get(4).fullname()).isEqualTo("Søren Ødegaard");
                    assertThat(users.get(0).roles()).extracting(UserRole::shortname).containsExactly("editingteacher");
                }),
                of("core_enrol_get_enrolled_users__after_groups", MoodleCalls.enrolledUsers(2), users ->
                        assertThat(users).filteredOn(user -> user.id() == 5L).singleElement()
                                .satisfies(user -> assertThat(user.groups()).extracting(UserGroup::id).containsExactly(1L))),
                of("core_user_get_users_by_field", MoodleCalls.usersByField(UserField.USERNAME, List.of("student1", "teacher1")),
                        users -> assertThat(users).extracting(MoodleUser::id, MoodleUser::suspended, MoodleUser::lang)
                                .containsExactly(tuple(3L, false, "en"), tuple(5L, false, "en"))),
                of("core_user_get_users_by_field__by_id", MoodleCalls.usersByField(UserField.ID, List.of("5", "6")),
                        users -> assertThat(users).extracting(MoodleUser::username).containsExactly("student1", "student2")),
                of("core_group_create_groups", MoodleCalls.createGroups(List.of(
                        new NewGroup(2, "Team Alpha", "<p>First coaching team</p>", 1, "TEAM-A", null, null, null),
                        new NewGroup(2, "Team Beta", "Second team", 2, "TEAM-B", "", 0, true))), groups ->
                        assertThat(groups).extracting(Group::id, Group::idnumber, Group::enrolmentkey, Group::participation)
                                .containsExactly(tuple(1L, "TEAM-A", "", true), tuple(2L, "TEAM-B", "", true))),
                of("core_group_get_course_groups", MoodleCalls.courseGroups(2), groups ->
                        assertThat(groups).extracting(Group::id, Group::enrolmentkey, Group::descriptionformat)
                                .containsExactly(tuple(1L, null, 1), tuple(2L, "", 1))),
                of("core_group_add_group_members", MoodleCalls.addGroupMembers(List.of(
                        new GroupMembership(1, 3), new GroupMembership(1, 5), new GroupMembership(1, 6),
                        new GroupMembership(1, 7), new GroupMembership(2, 4), new GroupMembership(2, 8),
                        new GroupMembership(2, 9), new GroupMembership(2, 10))), nothing -> assertThat(nothing).isNull()),
                of("core_group_get_group_members", MoodleCalls.groupMembers(List.of(1L, 2L)), members ->
                        assertThat(members).extracting(GroupMembers::groupid, GroupMembers::userids)
                                .containsExactly(tuple(1L, List.of(5L, 6L, 3L, 7L)), tuple(2L, List.of(10L, 8L, 9L, 4L)))),
                of("core_group_create_groupings", MoodleCalls.createGroupings(List.of(
                        new NewGrouping(2, "Autumn 2024 Cohort", "All autumn teams", 1, "GRP-AUT24"))), groupings ->
                        assertThat(groupings).extracting(Grouping::id, Grouping::idnumber).containsExactly(tuple(1L, "GRP-AUT24"))),
                of("core_group_assign_grouping", MoodleCalls.assignGrouping(List.of(
                        new GroupingAssignment(1, 1), new GroupingAssignment(1, 2))), nothing -> assertThat(nothing).isNull()),
                of("core_group_get_course_groupings", MoodleCalls.courseGroupings(2), groupings ->
                        assertThat(groupings).extracting(Grouping::name).containsExactly("Autumn 2024 Cohort")),
                of("core_group_create_groups__temp", MoodleCalls.createGroups(List.of(
                        NewGroup.of(2, "Temp Group", "to be deleted", "TEMP-1"))), groups ->
                        assertThat(groups).extracting(Group::id).containsExactly(3L)),
                of("core_group_delete_groups", MoodleCalls.deleteGroups(List.of(3L)), nothing -> assertThat(nothing).isNull()),
                of("errors/core_group_delete_groups__missing", MoodleCalls.deleteGroups(List.of(3L)),
                        nothing -> assertThat(nothing).isNull()),
                of("core_cohort_create_cohorts", MoodleCalls.createCohorts(List.of(new NewCohort("system", "",
                        "Coaching Autumn 2024", "COH-AUT24", "All autumn coaching participants", 1, true))), cohorts ->
                        assertThat(cohorts).extracting(Cohort::id, Cohort::visible).containsExactly(tuple(1L, true))),
                of("core_cohort_add_cohort_members", MoodleCalls.addCohortMembers(List.of(
                        new CohortMember("id", "1", "username", "student1"),
                        new CohortMember("idnumber", "COH-AUT24", "id", "6"),
                        new CohortMember("id", "1", "username", "nosuchuser"))), warnings ->
                        assertThat(warnings).extracting(Warning::warningcode, Warning::message)
                                .containsExactly(tuple("2", "user username=nosuchuser not exists"))),
                of("core_cohort_search_cohorts", MoodleCalls.searchCohorts("Coaching", 1, "all", 0, 25), cohorts ->
                        assertThat(cohorts).extracting(Cohort::idnumber).containsExactly("COH-AUT24")),
                of("core_calendar_create_calendar_events", MoodleCalls.createCalendarEvents(List.of(
                        new NewCalendarEvent("Team Alpha coaching session", "<p>Weekly check-in</p>", 1, 2L, 1L,
                                EventType.GROUP, 1798797600L, 3600L, true, null),
                        new NewCalendarEvent("Course kick-off", "All participants", 1, 2L, null, EventType.COURSE,
                                1798624800L, 5400L, null, null))), result ->
                        assertThat(result.events()).extracting(CalendarEvent::id, CalendarEvent::groupid, CalendarEvent::visible,
                                CalendarEvent::modulename).containsExactly(tuple(1L, 1L, true, ""), tuple(2L, 0L, true, ""))),
                of("core_calendar_get_calendar_events", MoodleCalls.calendarEvents(new CalendarEventQuery(List.of(2L),
                        List.of(1L), List.of(), true, true, 1798500000L, 1799000000L, true)), result -> {
                    assertThat(result.events()).extracting(CalendarEvent::id, CalendarEvent::groupid, CalendarEvent::modulename)
                            .containsExactly(tuple(2L, null, null), tuple(1L, 1L, null));
                    assertThat(result.events()).extracting(CalendarEvent::groupIdOrZero).containsExactly(0L, 1L);
                }),
                of("core_message_send_instant_messages", MoodleCalls.sendInstantMessages(List.of(
                        new InstantMessage(5, "Hello Sam, your coaching session is booked.", 1, "coach-msg-0001"),
                        new InstantMessage(6, "<p>Hi <b>Sara</b></p>", 1, null))), results ->
                        assertThat(results).extracting(MessageResult::msgid, MessageResult::clientmsgid, MessageResult::delivered)
                                .containsExactly(tuple(3L, "coach-msg-0001", true), tuple(4L, null, true))),
                of("errors/core_message_send_instant_messages__unknown_recipient", MoodleCalls.sendInstantMessages(List.of(
                        new InstantMessage(99999, "ghost", null, "coach-msg-0003"))), results ->
                        assertThat(results).singleElement().satisfies(result -> {
                            assertThat(result.delivered()).isFalse();
                            assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("99999"));
                        })),
                of("core_completion_get_activities_completion_status", MoodleCalls.activitiesCompletionStatus(2, 5),
                        result -> assertThat(result.statuses()).extracting(ActivityCompletion::cmid, ActivityCompletion::state,
                                ActivityCompletion::tracking).containsExactly(tuple(2L, 1, 2), tuple(3L, 1, 2), tuple(4L, 0, 1))),
                of("core_completion_get_activities_completion_status__student_no_activity",
                        MoodleCalls.activitiesCompletionStatus(2, 6), result ->
                                assertThat(result.statuses()).extracting(ActivityCompletion::timecompleted).containsOnly(0L)),
                of("errors/core_completion_get_activities_completion_status__user_not_enrolled",
                        MoodleCalls.activitiesCompletionStatus(2, 2), result ->
                                assertThat(result.statuses()).extracting(ActivityCompletion::istrackeduser).containsOnly(false)),
                of("errors/core_course_get_courses_by_field__nomatch", MoodleCalls.coursesByField(CourseField.SHORTNAME,
                        "NOPE999"), result -> assertThat(result.courses()).isEmpty()),
                of("errors/core_user_get_users_by_field__nomatch", MoodleCalls.usersByField(UserField.USERNAME,
                        List.of("nobody")), users -> assertThat(users).isEmpty()),
                of("mod_lti_get_tool_types", MoodleCalls.ltiToolTypes(), types ->
                        assertThat(types).singleElement().satisfies(type -> {
                            assertThat(type.deploymentid()).isEqualTo("1");
                            assertThat(type.clientid()).isEqualTo("0m6qvD5FnqXXGbV");
                            assertThat(type.state().configured()).isTrue();
                        })),
                of("mod_lti_get_ltis_by_courses", MoodleCalls.ltisByCourses(List.of(2L)), result ->
                        assertThat(result.ltis()).singleElement().satisfies(lti -> {
                            assertThat(lti.coursemodule()).isEqualTo(2L);
                            assertThat(lti.instructorchoicesendname()).isTrue();
                            assertThat(lti.instructorchoicesendemailaddr()).isTrue();
                        }))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successfulCalls")
    void recordedCall_sameFormAndTypedResult(Case c) throws Exception {
        Object result = callFixture(c.fixture(), c.call(), MoodleFixtures.TOKEN);

        c.check().accept(result);
    }

    record ErrorCase(String fixture, MoodleCall<?> call, String token, MoodleException.Kind kind, String errorCode,
            String debugInfo) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    private static MoodleCall<Object> raw(String function, FormBody form) {
        return MoodleCall.read(function, form, Object.class);
    }

    static Stream<ErrorCase> recordedErrors() {
        String bad = "0000000000000000deadbeefdeadbeef";
        MoodleCall<?> createUsers = raw("core_user_create_users", new FormBody().add("users[0][username]", "x"));
        MoodleCall<?> courseAbc = raw("core_enrol_get_enrolled_users", new FormBody().add("courseid", "abc"));
        MoodleCall<?> duplicateName = MoodleCalls.createGroups(List.of(NewGroup.of(2, "Team Alpha", "dup", "TEAM-A2")));
        MoodleCall<?> duplicateId = MoodleCalls.createGroups(List.of(NewGroup.of(2, "Team Gamma", "dup", "TEAM-A")));
        MoodleCall<?> noDescription = raw("core_group_create_groups", new FormBody().add("groups[0][courseid]", 2)
                .add("groups[0][name]", "Team Delta").add("groups[0][idnumber]", "TEAM-D"));
        MoodleCall<?> groupingName = raw("core_group_create_groupings", new FormBody().add("groupings[0][courseid]", 2)
                .add("groupings[0][name]", "Autumn 2024 Cohort").add("groupings[0][description]", ""));
        MoodleCall<?> notEnrolled = MoodleCalls.addGroupMembers(List.of(new GroupMembership(1, 2)));
        MoodleCall<?> cohortDup = MoodleCalls.createCohorts(List.of(new NewCohort("system", "", "Dup", "COH-AUT24",
                null, null, null)));
        MoodleCall<?> mixed = MoodleCalls.sendInstantMessages(List.of(
                new InstantMessage(5, "Hello Sam, your coaching session is booked.", 1, "coach-msg-0001"),
                new InstantMessage(6, "<p>Hi <b>Sara</b></p>", 1, null),
                new InstantMessage(99999, "ghost", null, "coach-msg-0003")));
        MoodleCall<?> missing = raw("core_enrol_get_enrolled_users", new FormBody());
        MoodleCall<?> unexpected = raw("core_course_get_courses_by_field", new FormBody().add("field", "shortname")
                .add("valuee", "COACH101"));
        String token = MoodleFixtures.TOKEN;
        var kind = new Object() {
            final MoodleException.Kind param = MoodleException.Kind.INVALID_PARAMETER;
        };
        return Stream.of(
                new ErrorCase("invalidtoken", MoodleCalls.siteInfo(), bad, MoodleException.Kind.INVALID_TOKEN, "invalidtoken", null),
                new ErrorCase("errors/invalidtoken__debug", MoodleCalls.siteInfo(), bad, MoodleException.Kind.INVALID_TOKEN,
                        "invalidtoken", null),
                new ErrorCase("accessexception", createUsers, token, MoodleException.Kind.ACCESS_DENIED, "accessexception", null),
                new ErrorCase("errors/accessexception__debug", createUsers, token, MoodleException.Kind.ACCESS_DENIED,
                        "accessexception", "Access to the function core_user_create_users() is not allowed."),
                new ErrorCase("invalidparameter", courseAbc, token, kind.param, "invalidparameter", null),
                new ErrorCase("errors/invalidparameter__debug", courseAbc, token, kind.param, "invalidparameter",
                        "the server was expecting \"int\" type"),
                new ErrorCase("errors/core_group_create_groups__duplicate_name", duplicateName, token, kind.param,
                        "invalidparameter", null),
                new ErrorCase("errors/core_group_create_groups__duplicate_name__debug", duplicateName, token, kind.param,
                        "invalidparameter", "Group with the same name already exists in the course"),
                new ErrorCase("errors/core_group_create_groups__duplicate_idnumber", duplicateId, token,
                        MoodleException.Kind.IDNUMBER_TAKEN, "idnumbertaken", null),
                new ErrorCase("errors/core_group_create_groups__duplicate_idnumber__debug", duplicateId, token,
                        MoodleException.Kind.IDNUMBER_TAKEN, "idnumbertaken", null),
                new ErrorCase("errors/core_group_create_groups__missing_description", noDescription, token, kind.param,
                        "invalidparameter", null),
                new ErrorCase("errors/core_group_create_groups__missing_description__debug", noDescription, token, kind.param,
                        "invalidparameter", "Missing required key in single structure: description"),
                new ErrorCase("errors/core_group_create_groupings__duplicate_name", groupingName, token, kind.param,
                        "invalidparameter", null),
                new ErrorCase("errors/core_group_create_groupings__duplicate_name__debug", groupingName, token, kind.param,
                        "invalidparameter", "Grouping with the same name already exists in the course"),
                new ErrorCase("errors/core_group_add_group_members__not_enrolled", notEnrolled, token, kind.param,
                        "invalidparameter", null),
                new ErrorCase("errors/core_group_add_group_members__not_enrolled__debug", notEnrolled, token, kind.param,
                        "invalidparameter", "Only enrolled users may be members of groups"),
                new ErrorCase("errors/core_cohort_create_cohorts__duplicate_idnumber", cohortDup, token, kind.param,
                        "invalidparameter", null),
                new ErrorCase("errors/core_cohort_create_cohorts__duplicate_idnumber__debug", cohortDup, token, kind.param,
                        "invalidparameter", "record already exists: idnumber=COH-AUT24"),
                new ErrorCase("errors/core_message_send_instant_messages__mixed_valid_and_invalid_recipient", mixed, token,
                        MoodleException.Kind.OTHER, "formatnotsupported", null),
                new ErrorCase("errors/missingparameter", missing, token, kind.param, "invalidparameter", null),
                new ErrorCase("errors/missingparameter__debug", missing, token, kind.param, "invalidparameter",
                        "Missing required key in single structure: courseid"),
                new ErrorCase("errors/unexpectedparameter", unexpected, token, kind.param, "invalidparameter", null),
                new ErrorCase("errors/unexpectedparameter__debug", unexpected, token, kind.param, "invalidparameter",
                        "Unexpected keys (valuee) detected in parameter array."),
                new ErrorCase("errors/unknownfunction", raw("core_nonexistent_function", new FormBody()), token,
                        MoodleException.Kind.UNKNOWN_FUNCTION, "invalidrecord", null),
                new ErrorCase("errors/invalidrecord_course", MoodleCalls.enrolledUsers(9999), token,
                        MoodleException.Kind.MISSING_RECORD, "invalidrecord", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedErrors")
    void recordedError_typedMoodleException(ErrorCase c) {
        assertThatThrownBy(() -> callFixture(c.fixture(), c.call(), c.token()))
                .isInstanceOfSatisfying(MoodleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(c.kind());
                    assertThat(e.errorCode()).isEqualTo(c.errorCode());
                    assertThat(e.function()).isEqualTo(c.call().function());
                    assertThat(e.exceptionClass()).isNotBlank();
                    assertThat(e.getMessage()).contains(c.call().function(), c.errorCode()).doesNotContain(c.token());
                    if (c.debugInfo() == null) {
                        assertThat(e.debugInfo()).isEmpty();
                    } else {
                        assertThat(e.debugInfo()).hasValueSatisfying(info -> assertThat(info).contains(c.debugInfo()));
                        assertThat(e.getMessage()).contains(c.debugInfo().substring(0, 20));
                    }
                });
    }

    @Test
    void groupEventWithoutGroupId_isRejectedBeforeMoodleFilesItUnderGroupZero() throws Exception {
        assertThatThrownBy(() -> new NewCalendarEvent("Bad group event", null, null, 2L, null, EventType.GROUP,
                1798797600L, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group event needs a positive courseid and groupid")
                .hasMessageContaining("groupid=null");

        // What Moodle would do with it: accepted, with groupid 0.
        MoodleCall<CalendarEventsResult> sentAnyway = MoodleCall.write("core_calendar_create_calendar_events",
                new FormBody().add("events[0][name]", "Bad group event").add("events[0][courseid]", 2)
                        .add("events[0][eventtype]", "group").add("events[0][timestart]", 1798797600L),
                CalendarEventsResult.class);
        CalendarEventsResult result = callFixture("errors/core_calendar_create_calendar_events__group_without_groupid",
                sentAnyway, MoodleFixtures.TOKEN);
        assertThat(result.events()).singleElement().satisfies(event -> {
            assertThat(event.eventtype()).isEqualTo("group");
            assertThat(event.groupIdOrZero()).isZero();
        });
    }

    @Test
    void xmlDefaultFormat_isADecodingErrorQuotingTheBody() {
        moodle.then(Answer.fixture("errors/core_webservice_get_site_info__xml_default"));

        assertThatThrownBy(() -> client(MoodleFixtures.TOKEN).execute(MoodleCalls.siteInfo()))
                .isInstanceOfSatisfying(MoodleResponseException.class, e -> {
                    assertThat(e.getMessage()).contains("core_webservice_get_site_info", "XML, not JSON",
                            "<?xml version=\"1.0\"");
                    assertThat(e.statusCode()).isEqualTo(200);
                });
    }

    @Test
    void xmlInvalidToken_isADecodingErrorNotASuccess() {
        moodle.then(Answer.fixture("errors/invalidtoken__xml"));

        assertThatThrownBy(() -> client("bad").execute(MoodleCalls.siteInfo()))
                .isInstanceOf(MoodleResponseException.class)
                .hasMessageContaining("<EXCEPTION class=");
    }

    @Test
    void tokenSuccess_sendsTheRecordedFormAndReturnsTheToken() throws Exception {
        moodle.then(Answer.fixture("login/token_success"));
        MoodleClient noToken = MoodleClient.newBuilder().baseUrl(moodle.url()).retryPolicy(RetryPolicy.none()).build();

        MoodleToken token = noToken.requestToken("admin", "REDACTED".toCharArray(), "coach_fixture");

        assertThat(token).isEqualTo(MoodleToken.of(MoodleFixtures.TOKEN));
        assertThat(token.toString()).doesNotContain(MoodleFixtures.TOKEN);
        assertThat(moodle.received()).singleElement().satisfies(received -> {
            assertThat(received.path()).isEqualTo("/login/token.php");
            assertThat(MoodleFixtures.decodeForm(received.body()))
                    .containsExactlyInAnyOrderEntriesOf(MoodleFixtures.request("login/token_success"));
        });
    }

    static Stream<Arguments> tokenFailures() {
        return Stream.of(
                Arguments.of("login/token_failure_wrong_password", "admin", "wrong", "coach_fixture",
                        MoodleException.Kind.INVALID_LOGIN, "invalidlogin"),
                Arguments.of("login/token_failure_unknown_service", "admin", "REDACTED", "no_such_service",
                        MoodleException.Kind.SERVICE_NOT_AVAILABLE, "servicenotavailable"),
                Arguments.of("login/token_failure_student_no_capability", "student1", "REDACTED", "coach_fixture",
                        MoodleException.Kind.ACCESS_DENIED, "cannotcreatetoken"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenFailures")
    void tokenFailure_typedFromTheLoginErrorShape(String fixture, String user, String password, String service,
            MoodleException.Kind kind, String code) {
        moodle.then(Answer.fixture(fixture));
        MoodleClient noToken = MoodleClient.newBuilder().baseUrl(moodle.url()).retryPolicy(RetryPolicy.none()).build();

        assertThatThrownBy(() -> noToken.requestToken(user, password.toCharArray(), service))
                .isInstanceOfSatisfying(MoodleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.function()).isEqualTo("login/token.php");
                    assertThat(e.getMessage()).doesNotContain(password);
                });
        assertThat(MoodleFixtures.decodeForm(moodle.received().get(0).body()))
                .containsExactlyInAnyOrderEntriesOf(MoodleFixtures.request(fixture));
    }

    @Test
    void tokenMissingService_recordedAnswerIsAnInvalidParameter() {
        // The recorded request left `service` out, which this client cannot do; only the answer is replayed.
        moodle.then(Answer.fixture("login/token_failure_missing_service"));
        MoodleClient noToken = MoodleClient.newBuilder().baseUrl(moodle.url()).retryPolicy(RetryPolicy.none()).build();

        assertThatThrownBy(() -> noToken.requestToken("admin", "REDACTED".toCharArray(), "coach_fixture"))
                .isInstanceOfSatisfying(MoodleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MoodleException.Kind.INVALID_PARAMETER);
                    assertThat(e.moodleMessage()).isEqualTo("A required parameter (service) was missing");
                });
    }
}
