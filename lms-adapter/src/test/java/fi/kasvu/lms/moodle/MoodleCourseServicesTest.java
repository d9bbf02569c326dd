package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.kasvu.common.Language;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.moodle.fake.FakeMoodle;
import fi.kasvu.lms.moodle.fake.Triads;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.CourseServices.CourseEvent;
import fi.kasvu.lms.web.CourseServices.CourseGroup;
import fi.kasvu.lms.web.CourseServices.Failure;
import fi.kasvu.lms.web.CourseServices.GroupEvent;
import fi.kasvu.lms.web.CourseServices.GroupToPublish;
import fi.kasvu.lms.web.CourseServices.Published;
import fi.kasvu.lms.web.CourseServices.Reply;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.Placement;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The web layer's course services on a Moodle that keeps state and refuses what Moodle 4.5 refuses
 * ({@link FakeMoodle}: duplicate names, non-enrolled members, unknown courses, functions outside the
 * service, wrong calendar queries): reading groups, publishing groups and events twice, and every
 * failure typed with Moodle's error code and without the token.
 */
class MoodleCourseServicesTest {

    private static final String TOKEN = "c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final String ISSUER = "https://moodle.example.fi";
    private static final String CLIENT = "kasvu-client";
    private static final Instant KICK_OFF = Instant.parse("2027-01-14T08:00:00Z");

    private FakeMoodle moodle;
    private ListAppender<ILoggingEvent> logs;
    private MoodleCourseServices.EventIds eventIds;

    @BeforeEach
    void start() throws IOException {
        moodle = FakeMoodle.start(TOKEN, 7, "KASVU-2027", "Vertaismentorointi 2027", Triads.users(9));
        eventIds = MoodleCourseServices.EventIds.inMemory();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(MoodleCourseServices.class)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(MoodleClient.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(MoodleCourseServices.class)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(MoodleClient.class)).detachAppender(logs);
        moodle.close();
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(TOKEN));
    }

    static PageSession session(String issuer, String clientId, String courseId) {
        return session(issuer, clientId, courseId, "activity:rl-1");
    }

    static PageSession session(String issuer, String clientId, String courseId, String activityContext) {
        return new PageSession("t0k3n", "csrf0", PageSession.Role.ORGANISER,
                TenantId.of("lti:" + issuer + "|" + clientId + "|1"), issuer, clientId, "1", "103", "Teacher",
                issuer, activityContext, "Course", Placement.none(), Language.FI, "", "", "", "", "", courseId);
    }

    private static PageSession session(String courseId) {
        return session(ISSUER, CLIENT, courseId);
    }

    private MoodleSites sites(URI url, String token) {
        MoodleClient client = MoodleClient.newBuilder().baseUrl(url).token(MoodleToken.of(token))
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0))
                .requestTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(1)).build();
        return (issuer, clientId) -> ISSUER.equals(issuer) && CLIENT.equals(clientId) ? Optional.of(client)
                : Optional.empty();
    }

    private Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private CourseServices services() {
        return new MoodleCourseServices(sites(moodle.url(), TOKEN), eventIds, clock);
    }

    private static List<GroupToPublish> teams() {
        return List.of(new GroupToPublish("kasvu:exp-1:team-1", "Tiimi 1", List.of("101", "102", "103")),
                new GroupToPublish("kasvu:exp-1:team-2", "Tiimi 2", List.of("104", "105")));
    }

    private static <T> T done(Reply<T> reply) {
        assertThat(reply).isInstanceOf(Reply.Done.class);
        return ((Reply.Done<T>) reply).value();
    }

    private static void failed(Reply<?> reply, Failure failure, String detail) {
        assertThat(reply).isEqualTo(Reply.failed(failure, detail));
    }

    @Test
    void aPlatformWithoutMoodleWebServices_isNotConfigured() {
        CourseServices services = new MoodleCourseServices(MoodleSites.none(), eventIds);
        PageSession other = session("https://other.example.fi", CLIENT, "7");

        assertThat(services.groups(session("7"))).isInstanceOf(Reply.NotConfigured.class);
        assertThat(services().groups(other)).isInstanceOf(Reply.NotConfigured.class);
        assertThat(services().publishGroups(other, "Tiimit", teams())).isInstanceOf(Reply.NotConfigured.class);
        assertThat(services().publishEvents(other, List.of())).isInstanceOf(Reply.NotConfigured.class);
        assertThat(moodle.totalCalls()).isZero();
    }

    @Test
    void publishGroups_createsGroupsGroupingAndMembers_andASecondPublishCreatesNothing() {
        Published first = done(services().publishGroups(session("7"), "Kokeilun tiimit", teams()));

        assertThat(first).isEqualTo(new Published(2, 0));
        assertThat(moodle.groupIdnumbers()).containsExactly("kasvu:exp-1:team-1", "kasvu:exp-1:team-2");
        assertThat(moodle.groupingIdnumbers()).containsExactly(MoodleCourseServices.groupingIdnumber("Kokeilun tiimit"));
        assertThat(moodle.membersOf(moodle.groupId("kasvu:exp-1:team-1"))).containsExactlyInAnyOrder(101L, 102L, 103L);
        assertThat(moodle.membersOf(moodle.groupId("kasvu:exp-1:team-2"))).containsExactlyInAnyOrder(104L, 105L);
        assertThat(moodle.assignments()).hasSize(2);
        int changes = moodle.changes();

        Published second = done(services().publishGroups(session("7"), "Kokeilun tiimit", teams()));

        assertThat(second).isEqualTo(new Published(0, 2));
        assertThat(moodle.changes()).isEqualTo(changes);
        assertThat(moodle.callsByFunction()).containsEntry("core_group_create_groups", 1)
                .containsEntry("core_group_create_groupings", 1).containsEntry("core_group_add_group_members", 1);
        assertThat(moodle.refusals()).isEmpty();
    }

    @Test
    void publishingAfterAChange_addsOnlyWhatIsNew() {
        done(services().publishGroups(session("7"), "Tiimit", teams()));

        Published changed = done(services().publishGroups(session("7"), "Tiimit", List.of(
                new GroupToPublish("kasvu:exp-1:team-1", "Tiimi 1", List.of("101", "102", "103", "106")),
                new GroupToPublish("kasvu:exp-1:team-2", "Tiimi 2", List.of("104", "105")),
                new GroupToPublish("kasvu:exp-1:team-3", "Tiimi 3", List.of("107", "108")))));

        assertThat(changed).isEqualTo(new Published(1, 2));
        assertThat(moodle.membersOf(moodle.groupId("kasvu:exp-1:team-1"))).containsExactlyInAnyOrder(101L, 102L, 103L,
                106L);
        assertThat(moodle.membersOf(moodle.groupId("kasvu:exp-1:team-3"))).containsExactlyInAnyOrder(107L, 108L);
        assertThat(moodle.groupingIdnumbers()).hasSize(1);
        assertThat(moodle.assignments()).hasSize(3);
    }

    @Test
    void groups_areTheCourseGroupsWithTheirMembersAsLtiSubjects() {
        done(services().publishGroups(session("7"), "Tiimit", teams()));
        moodle.addGroupByHand("Opettajan ryhmä", "");

        List<CourseGroup> groups = done(services().groups(session("7")));

        assertThat(groups).extracting(CourseGroup::name).containsExactly("Tiimi 1", "Tiimi 2", "Opettajan ryhmä");
        assertThat(groups.get(0).subjects()).containsExactlyInAnyOrder("101", "102", "103");
        assertThat(groups.get(0).id()).isEqualTo(String.valueOf(moodle.groupId("kasvu:exp-1:team-1")));
        assertThat(groups.get(2).subjects()).isEmpty();
    }

    @Test
    void namesMoodleListsEscaped_areComparedAndShownAsTheyAre() {
        List<GroupToPublish> groups = List.of(new GroupToPublish("kasvu:amp", "Tiimi A & B", List.of("101")));
        moodle.addGroupByHand("Opet & tuutorit", "");

        done(services().publishGroups(session("7"), "Kolmikot & parit", groups));
        assertThat(done(services().publishGroups(session("7"), "Kolmikot & parit", groups)))
                .isEqualTo(new Published(0, 1));
        assertThat(done(services().groups(session("7")))).extracting(CourseGroup::name)
                .containsExactly("Opet & tuutorit", "Tiimi A & B");
        failed(services().publishGroups(session("7"), "Tiimit", List.of(new GroupToPublish("kasvu:t", "Opet & tuutorit",
                List.of()))), Failure.REFUSED, "groupnametaken");
    }

    @Test
    void aCourseWithoutGroups_answersNoGroupsInOneCall() {
        assertThat(done(services().groups(session("7")))).isEmpty();
        assertThat(moodle.callsByFunction()).containsOnlyKeys("core_group_get_course_groups");
    }

    @Test
    void aGroupNameATeacherAlreadyUses_isRefusedBeforeAnythingIsWritten() {
        moodle.addGroupByHand("Tiimi 2", "");
        int changes = moodle.changes();

        failed(services().publishGroups(session("7"), "Tiimit", teams()), Failure.REFUSED, "groupnametaken");

        assertThat(moodle.changes()).isEqualTo(changes);
        assertThat(moodle.groupingIdnumbers()).isEmpty();
    }

    @Test
    void aSubjectThatIsNoMoodleUserId_isRefusedBeforeAnythingIsWritten() {
        failed(services().publishGroups(session("7"), "Tiimit", List.of(new GroupToPublish("k1", "Tiimi 1",
                List.of("101", "https://other.example/user/5")))), Failure.REFUSED, "notamoodleuser");
        failed(services().publishGroups(session("7"), "Tiimit", List.of(new GroupToPublish("k1", "A", List.of()),
                new GroupToPublish("k1", "B", List.of()))), Failure.REFUSED, "duplicategroup");
        failed(services().publishGroups(session("7"), " \u0007 ", teams()), Failure.REFUSED, "groupingnamemissing");
        assertThat(moodle.totalCalls()).isZero();
    }

    @Test
    void aMemberWhoIsNotEnrolled_isRefusedByMoodle_andTheGroupsStayForTheNextPublish() {
        Reply<Published> reply = services().publishGroups(session("7"), "Tiimit", List.of(
                new GroupToPublish("kasvu:t1", "Tiimi 1", List.of("101", "555"))));

        failed(reply, Failure.REFUSED, "invalidparameter");
        assertThat(moodle.groupIdnumbers()).containsExactly("kasvu:t1");

        Published again = done(services().publishGroups(session("7"), "Tiimit", List.of(
                new GroupToPublish("kasvu:t1", "Tiimi 1", List.of("101")))));
        assertThat(again).isEqualTo(new Published(0, 1));
        assertThat(moodle.membersOf(moodle.groupId("kasvu:t1"))).containsExactly(101L);
    }

    @Test
    void longAndOddKeys_becomeStableIdnumbersMoodleTakes() {
        String longKey = "kasvu:" + "x".repeat(300);
        List<GroupToPublish> groups = List.of(new GroupToPublish(longKey, "Pitkä", List.of("101")));

        done(services().publishGroups(session("7"), "Tiimit", groups));
        Published again = done(services().publishGroups(session("7"), "Tiimit", groups));

        assertThat(again).isEqualTo(new Published(0, 1));
        assertThat(moodle.groupIdnumbers()).singleElement().satisfies(idnumber ->
                assertThat(idnumber).startsWith("kasvu-sha256-").hasSizeLessThanOrEqualTo(100));
    }

    private static List<CourseEvent> events() {
        return List.of(new CourseEvent("prog-1:kick-off", "Aloitus", "Kaikki osallistujat", KICK_OFF,
                        Duration.ofHours(2)),
                new CourseEvent("prog-1:closing", "Päätös & juhla", "", KICK_OFF.plus(Duration.ofDays(90)),
                        Duration.ofMinutes(90)));
    }

    @Test
    void publishEvents_createsCourseEvents_andASecondPublishCreatesNothing() {
        Published first = done(services().publishEvents(session("7"), events()));

        assertThat(first).isEqualTo(new Published(2, 0));
        assertThat(moodle.events()).containsExactly("0|course|Aloitus|" + KICK_OFF.getEpochSecond(),
                "0|course|Päätös & juhla|" + KICK_OFF.plus(Duration.ofDays(90)).getEpochSecond());

        Published second = done(services().publishEvents(session("7"), events()));

        assertThat(second).isEqualTo(new Published(0, 2));
        assertThat(moodle.events()).hasSize(2);
        assertThat(moodle.refusals()).isEmpty();
    }

    @Test
    void anEventATeacherMoved_isStillKnown_andOneSheDeleted_isMadeAgain() {
        done(services().publishEvents(session("7"), events()));
        moodle.moveEventByHand("Aloitus", KICK_OFF.plus(Duration.ofDays(400)).getEpochSecond());
        moodle.deleteEventByHand("Päätös & juhla");

        Published again = done(services().publishEvents(session("7"), events()));

        assertThat(again).isEqualTo(new Published(1, 1));
        assertThat(moodle.events()).hasSize(2);
    }

    @Test
    void afterKasvuForgotTheIds_eventsAtTheSameStartWithTheSameName_areNotDuplicated() {
        done(services().publishEvents(session("7"), events()));
        eventIds = MoodleCourseServices.EventIds.inMemory();

        Published again = done(services().publishEvents(session("7"), events()));

        assertThat(again).isEqualTo(new Published(0, 2));
        assertThat(moodle.events()).hasSize(2);
    }

    @Test
    void theCalendarIsReadWithMoodlesDefaultUserEventOption_notUsereventsZero() throws Exception {
        done(services().publishEvents(session("7"), events()));

        assertThat(moodle.callsByFunction()).containsEntry("core_calendar_get_calendar_events", 1);
        // The fake answers userevents=0 without group events, as Moodle does (quirk 20); the services never send it.
        assertThat(moodle.refusals()).isEmpty();
    }

    @Test
    void aDuplicateEventKey_isRefusedBeforeAnythingIsWritten() {
        CourseEvent one = events().get(0);

        failed(services().publishEvents(session("7"), List.of(one, one)), Failure.REFUSED, "duplicateevent");
        assertThat(done(services().publishEvents(session("7"), List.of()))).isEqualTo(new Published(0, 0));
        assertThat(moodle.totalCalls()).isZero();
    }

    private static List<GroupEvent> meetings() {
        return List.of(
                new GroupEvent("kasvu:exp-1:team-1", new CourseEvent("team-1:meeting-1", "Tapaaminen 1", "Teema",
                        KICK_OFF, Duration.ofMinutes(90))),
                new GroupEvent("kasvu:exp-1:team-1", new CourseEvent("team-1:meeting-2", "Tapaaminen 2", "",
                        KICK_OFF.plus(Duration.ofDays(28)), Duration.ofMinutes(90))),
                new GroupEvent("kasvu:exp-1:team-2", new CourseEvent("team-2:meeting-1", "Tapaaminen 1", "",
                        KICK_OFF, Duration.ofMinutes(90))));
    }

    @Test
    void publishGroupEvents_putsMeetingsInTheirGroupsCalendars_andASecondPublishCreatesNothing() {
        done(services().publishGroups(session("7"), "Tiimit", teams()));
        long team1 = moodle.groupId("kasvu:exp-1:team-1");
        long team2 = moodle.groupId("kasvu:exp-1:team-2");

        Published first = done(services().publishGroupEvents(session("7"), meetings()));

        assertThat(first).isEqualTo(new Published(3, 0));
        assertThat(moodle.events()).containsExactly(team1 + "|group|Tapaaminen 1|" + KICK_OFF.getEpochSecond(),
                team1 + "|group|Tapaaminen 2|" + KICK_OFF.plus(Duration.ofDays(28)).getEpochSecond(),
                team2 + "|group|Tapaaminen 1|" + KICK_OFF.getEpochSecond());

        assertThat(done(services().publishGroupEvents(session("7"), meetings()))).isEqualTo(new Published(0, 3));
        eventIds = MoodleCourseServices.EventIds.inMemory();
        assertThat(done(services().publishGroupEvents(session("7"), meetings())))
                .as("found again by group, start and name: the group events are read with Moodle's default options,"
                        + " which the fake, like Moodle, needs to return them (quirk 20)")
                .isEqualTo(new Published(0, 3));
        assertThat(moodle.events()).hasSize(3);
        assertThat(moodle.refusals()).isEmpty();
    }

    @Test
    void courseAndGroupEventsWithOneKey_areKeptApart() {
        done(services().publishGroups(session("7"), "Tiimit", teams()));
        CourseEvent same = new CourseEvent("same-key", "Aloitus", "", KICK_OFF, Duration.ofHours(1));

        done(services().publishEvents(session("7"), List.of(same)));
        Published group = done(services().publishGroupEvents(session("7"),
                List.of(new GroupEvent("kasvu:exp-1:team-1", same))));

        assertThat(group).isEqualTo(new Published(1, 0));
        assertThat(moodle.events()).hasSize(2);
    }

    @Test
    void aMeetingOfAGroupNeverPublished_isRefusedBeforeAnythingIsWritten() {
        done(services().publishGroups(session("7"), "Tiimit", teams()));
        int changes = moodle.changes();

        failed(services().publishGroupEvents(session("7"), List.of(new GroupEvent("kasvu:exp-1:team-9",
                events().get(0)))), Failure.REFUSED, "groupnotpublished");

        assertThat(moodle.changes()).isEqualTo(changes);
        assertThat(CourseServices.none().publishGroupEvents(session("7"), meetings()))
                .isInstanceOf(Reply.NotConfigured.class);
    }

    // Publishing converges: changed events are replaced, removed ones deleted, unchanged ones cost no write.

    private static CourseEvent moved(CourseEvent event, Duration by) {
        return new CourseEvent(event.key(), event.name(), event.description(), event.start().plus(by), event.duration());
    }

    @Test
    void anEventMovedInKasvu_isMovedInMoodle_aRemovedOneIsDeleted_andAnotherPublishWritesNothing() {
        done(services().publishEvents(session("7"), events()));
        CourseEvent kickOff = moved(events().get(0), Duration.ofHours(3));
        CourseEvent added = new CourseEvent("prog-1:mid", "Välitapaaminen", "Teams", KICK_OFF.plus(Duration.ofDays(45)),
                Duration.ofHours(1));

        Published changed = done(services().publishEvents(session("7"), List.of(kickOff, added)));

        assertThat(changed).isEqualTo(new Published(1, 0, 1, 1));
        assertThat(moodle.events()).containsExactlyInAnyOrder(
                "0|course|Aloitus|" + kickOff.start().getEpochSecond(),
                "0|course|Välitapaaminen|" + added.start().getEpochSecond());
        moodle.resetCounts();
        int changes = moodle.changes();

        Published again = done(services().publishEvents(session("7"), List.of(kickOff, added)));

        assertThat(again).isEqualTo(new Published(0, 2, 0, 0));
        assertThat(moodle.changes()).isEqualTo(changes);
        assertThat(moodle.callsByFunction()).containsOnlyKeys("core_calendar_get_calendar_events");
        assertThat(moodle.refusals()).isEmpty();
    }

    @Test
    void aNewTitleDescriptionOrLength_isAChangeToo() {
        done(services().publishEvents(session("7"), events()));
        CourseEvent kickOff = events().get(0);
        CourseEvent closing = events().get(1);

        Published changed = done(services().publishEvents(session("7"), List.of(
                new CourseEvent(kickOff.key(), kickOff.name(), "Sali 2 · https://meet.example/abc", kickOff.start(),
                        kickOff.duration()),
                new CourseEvent(closing.key(), "Päätösjuhla", closing.description(), closing.start(),
                        closing.duration().plusMinutes(30)))));

        assertThat(changed).isEqualTo(new Published(0, 0, 2, 0));
        assertThat(moodle.events()).containsExactlyInAnyOrder("0|course|Aloitus|" + KICK_OFF.getEpochSecond(),
                "0|course|Päätösjuhla|" + closing.start().getEpochSecond());
    }

    @Test
    void removingEveryEvent_deletesThem_andAnEmptyListOfAnActivityThatNeverPublishedCallsNothing() {
        assertThat(done(services().publishEvents(session("7"), List.of()))).isEqualTo(new Published(0, 0));
        assertThat(moodle.totalCalls()).isZero();
        done(services().publishEvents(session("7"), events()));

        assertThat(done(services().publishEvents(session("7"), List.of()))).isEqualTo(new Published(0, 0, 0, 2));

        assertThat(moodle.events()).isEmpty();
        moodle.resetCounts();
        assertThat(done(services().publishEvents(session("7"), List.of()))).isEqualTo(new Published(0, 0));
        assertThat(moodle.totalCalls()).as("nothing left to remember").isZero();
    }

    @Test
    void onlyEventsKasvuMadeForTheActivity_areDeleted_notATeachersOwn_norAnotherActivitys() {
        done(services().publishEvents(session("7"), events()));
        PageSession otherActivity = session(ISSUER, CLIENT, "7", "activity:rl-2");
        done(services().publishEvents(otherActivity, List.of(new CourseEvent("prog-2:kick-off", "Toinen aloitus", "",
                KICK_OFF, Duration.ofHours(1)))));
        moodle.addEventByHand("Opettajan oma", KICK_OFF.getEpochSecond());

        Published removed = done(services().publishEvents(session("7"), List.of(events().get(0))));

        assertThat(removed).isEqualTo(new Published(0, 1, 0, 1));
        assertThat(moodle.events()).containsExactlyInAnyOrder("0|course|Aloitus|" + KICK_OFF.getEpochSecond(),
                "0|course|Toinen aloitus|" + KICK_OFF.getEpochSecond(),
                "0|course|Opettajan oma|" + KICK_OFF.getEpochSecond());
    }

    @Test
    void aRememberedIdOfAnEventInAnotherCourse_isNeverDeleted() {
        long foreign = moodle.addEventInAnotherCourseByHand(99, "Toisen kurssin tapahtuma",
                KICK_OFF.getEpochSecond());
        done(services().publishEvents(session("7"), events()));
        // A memory pointing elsewhere (a damaged row, a course restored under new ids): the read shows the
        // event is not this course's, so it is not Kasvu's to delete.
        eventIds.remember(session("7").platform(), 7, "prog-1:closing", foreign, "");

        Published removed = done(services().publishEvents(session("7"), List.of(events().get(0))));

        assertThat(removed.deleted()).isZero();
        assertThat(moodle.callsByFunction()).doesNotContainKey("core_calendar_delete_calendar_events");
        assertThat(moodle.eventsWithIds()).anySatisfy(event -> assertThat(event).startsWith(foreign + "|99|"));
    }

    @Test
    void aRemovedEventThatHasStarted_staysAsHistory() {
        done(services().publishEvents(session("7"), events()));
        clock = Clock.fixed(KICK_OFF.plus(Duration.ofDays(1)), ZoneOffset.UTC);

        Published removed = done(services().publishEvents(session("7"), List.of(events().get(1))));

        assertThat(removed).isEqualTo(new Published(0, 1, 0, 0));
        assertThat(moodle.events()).hasSize(2);
        assertThat(moodle.callsByFunction()).doesNotContainKey("core_calendar_delete_calendar_events");
    }

    @Test
    void withoutTheCalendarCapability_aDeleteIsNotAllowed_andNothingIsForgotten() {
        done(services().publishEvents(session("7"), events()));
        moodle.withoutCalendarCapability();

        failed(services().publishEvents(session("7"), List.of(events().get(0))), Failure.NOT_ALLOWED,
                "nopermissions");
        failed(services().publishEvents(session("7"), List.of(moved(events().get(0), Duration.ofHours(1)))),
                Failure.NOT_ALLOWED, "nopermissions");

        failed(services().publishEvents(session("7"), List.of(events().get(0), events().get(1), new CourseEvent("new",
                "Uusi", "", KICK_OFF, Duration.ofHours(1)))), Failure.NOT_ALLOWED, "nopermissions");

        assertThat(moodle.events()).hasSize(2);
        assertThat(eventIds.find(session("7").platform(), 7, "prog-1:closing")).isPresent();
    }

    @Test
    void withoutTheFunction_aPublishThatWouldDelete_isNotAllowed() {
        done(services().publishEvents(session("7"), events()));
        moodle.withoutFunctions("core_calendar_delete_calendar_events");

        failed(services().publishEvents(session("7"), List.of(events().get(0))), Failure.NOT_ALLOWED,
                "accessexception");
        assertThat(done(services().publishEvents(session("7"), events())))
                .as("publishing what is there needs no delete").isEqualTo(new Published(0, 2));
    }

    @Test
    void eventsRememberedBeforeFingerprints_areComparedWithWhatMoodleLists() {
        done(services().publishEvents(session("7"), events()));
        String platform = session("7").platform();
        for (String key : List.of("prog-1:kick-off", "prog-1:closing")) {
            long id = eventIds.find(platform, 7, key).orElseThrow();
            eventIds.remember(platform, 7, key, id, "");
        }
        int changes = moodle.changes();

        assertThat(done(services().publishEvents(session("7"), events())))
                .as("\"Päätös & juhla\" is listed as \"Päätös &amp; juhla\" and still the same")
                .isEqualTo(new Published(0, 2));
        assertThat(moodle.changes()).isEqualTo(changes);
        assertThat(done(services().publishEvents(session("7"), List.of(moved(events().get(0), Duration.ofDays(1)),
                events().get(1))))).isEqualTo(new Published(0, 1, 1, 0));
    }

    @Test
    void namesWithAmpersandsQuotesAndBrackets_areTakenByMoodle_andFoundAgain() {
        List<CourseEvent> odd = List.of(new CourseEvent("prog-1:odd", "Q&A \"Ö\" <paneeli> 'x' a<b", "", KICK_OFF,
                Duration.ofHours(1)));

        assertThat(done(services().publishEvents(session("7"), odd))).isEqualTo(new Published(1, 0));
        eventIds = MoodleCourseServices.EventIds.inMemory();
        assertThat(done(services().publishEvents(session("7"), odd))).as("adopted by start and listed name")
                .isEqualTo(new Published(0, 1));
        assertThat(moodle.events()).containsExactly("0|course|Q&A \"Ö\" < paneeli> 'x' a< b|"
                + KICK_OFF.getEpochSecond());
        assertThat(moodle.refusals()).isEmpty();
    }

    @Test
    void aMeetingRemovedFromAGroup_isDeleted_andTheMeetingsOfGroupsTheCallDoesNotName_stay() {
        done(services().publishGroups(session("7"), "Tiimit", teams()));
        long team1 = moodle.groupId("kasvu:exp-1:team-1");
        long team2 = moodle.groupId("kasvu:exp-1:team-2");
        done(services().publishGroupEvents(session("7"), meetings()));
        GroupEvent first = meetings().get(0);
        GroupEvent later = new GroupEvent(first.groupKey(), moved(first.event(), Duration.ofDays(7)));

        Published changed = done(services().publishGroupEvents(session("7"), List.of(later)));

        assertThat(changed).isEqualTo(new Published(0, 0, 1, 1));
        assertThat(moodle.events()).containsExactlyInAnyOrder(
                team1 + "|group|Tapaaminen 1|" + later.event().start().getEpochSecond(),
                team2 + "|group|Tapaaminen 1|" + KICK_OFF.getEpochSecond());
        assertThat(done(services().publishGroupEvents(session("7"), List.of(later))))
                .isEqualTo(new Published(0, 1, 0, 0));
    }

    @Test
    void anUnknownCourse_isCourseNotFound_withMoodlesErrorCode() {
        failed(services().groups(session("99")), Failure.COURSE_NOT_FOUND, "errorcoursecontextnotvalid");
        failed(services().publishGroups(session("99"), "Tiimit", teams()), Failure.COURSE_NOT_FOUND,
                "errorcoursecontextnotvalid");
        failed(services().publishEvents(session("99"), events()), Failure.COURSE_NOT_FOUND, "invalidrecord");
        assertThat(moodle.events()).isEmpty();
        assertThat(moodle.groupIdnumbers()).isEmpty();
    }

    @Test
    void aContextThatIsNoMoodleCourseId_isCourseNotFound_withoutACall() {
        failed(services().groups(session("")), Failure.COURSE_NOT_FOUND, "notamoodlecourse");
        failed(services().groups(session("abc")), Failure.COURSE_NOT_FOUND, "notamoodlecourse");
        failed(services().groups(session("7; DROP")), Failure.COURSE_NOT_FOUND, "notamoodlecourse");
        failed(services().groups(session("-7")), Failure.COURSE_NOT_FOUND, "notamoodlecourse");
        assertThat(moodle.totalCalls()).isZero();
    }

    @Test
    void aFunctionMissingFromTheTokensService_isNotAllowed() {
        moodle.withoutFunctions("core_group_create_groups", "core_calendar_create_calendar_events");

        failed(services().publishGroups(session("7"), "Tiimit", teams()), Failure.NOT_ALLOWED, "accessexception");
        failed(services().publishEvents(session("7"), events()), Failure.NOT_ALLOWED, "accessexception");
    }

    @Test
    void aWrongToken_isNotAllowed_andTheTokenIsInNoLogLine() {
        CourseServices wrong = new MoodleCourseServices(sites(moodle.url(), "0123456789abcdef0123456789abcdef"),
                eventIds);

        failed(wrong.groups(session("7")), Failure.NOT_ALLOWED, "invalidtoken");
        assertThat(logs.list).allSatisfy(event ->
                assertThat(event.getFormattedMessage()).doesNotContain("0123456789abcdef0123456789abcdef"));
    }

    @Test
    void aMoodleThatCannotBeReached_isUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CourseServices down = new MoodleCourseServices(sites(URI.create("http://127.0.0.1:" + port + "/"), TOKEN),
                eventIds);

        failed(down.groups(session("7")), Failure.UNREACHABLE, "transport");
        failed(down.publishEvents(session("7"), events()), Failure.UNREACHABLE, "transport");
    }

    @Test
    void anAnswerLostAfterMoodleMadeTheGroupsAndEvents_isFinishedByTheNextPublish_withoutDuplicates() {
        moodle.failOn("core_group_create_groups", 1, FakeMoodle.Fault.RESET_AFTER);
        moodle.failOn("core_calendar_create_calendar_events", 1, FakeMoodle.Fault.RESET_AFTER);

        failed(services().publishGroups(session("7"), "Tiimit", teams()), Failure.UNREACHABLE, "transport");
        failed(services().publishEvents(session("7"), events()), Failure.UNREACHABLE, "transport");
        assertThat(moodle.groupIdnumbers()).as("Moodle made them before the answer was lost").hasSize(2);
        assertThat(moodle.events()).hasSize(2);

        assertThat(done(services().publishGroups(session("7"), "Tiimit", teams()))).isEqualTo(new Published(0, 2));
        assertThat(done(services().publishEvents(session("7"), events()))).isEqualTo(new Published(0, 2));

        assertThat(moodle.groupIdnumbers()).hasSize(2);
        assertThat(moodle.membersOf(moodle.groupId("kasvu:exp-1:team-1"))).containsExactlyInAnyOrder(101L, 102L, 103L);
        assertThat(moodle.assignments()).hasSize(2);
        assertThat(moodle.events()).hasSize(2);
    }

    @Test
    void aMoodleThatAnswersHtml_isUnreachable_withTheHttpStatus() {
        moodle.failOn("core_group_get_course_groups", 1, FakeMoodle.Fault.HTTP_500);

        failed(services().groups(session("7")), Failure.UNREACHABLE, "http500");
    }
}
