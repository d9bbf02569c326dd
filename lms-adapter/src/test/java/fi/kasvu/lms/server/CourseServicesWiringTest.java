package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.lms.moodle.MoodleSiteConfig;
import fi.kasvu.lms.moodle.MoodleToken;
import fi.kasvu.lms.moodle.fake.FakeMoodle;
import fi.kasvu.lms.moodle.fake.Triads;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.CourseServices.CourseEvent;
import fi.kasvu.lms.web.CourseServices.GroupToPublish;
import fi.kasvu.lms.web.CourseServices.Published;
import fi.kasvu.lms.web.CourseServices.Reply;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.Placement;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running tool's activities get Moodle course services for a platform with {@code kasvu platform
 * moodle} configured, and "not configured" for one without: the groups the course has, and events
 * that stay published once across a restart of the tool (the Moodle ids it made are kept in the
 * database, so an event a teacher moved out of the read window is still known; so are what Kasvu sent for
 * it and the activity's published keys, so that a changed event is replaced and a removed one deleted after
 * a restart), on H2 and PostgreSQL.
 */
class CourseServicesWiringTest {

    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final Instant KICK_OFF = Instant.parse("2027-01-14T08:00:00Z");
    /** Before the events: a removed event that has already started would stay in the calendar. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), java.time.ZoneOffset.UTC);

    @TempDir
    Path dir;
    FakeMoodle moodle;
    String issuer;

    @BeforeEach
    void start() throws Exception {
        moodle = FakeMoodle.start(TOKEN, 12, "PEER", "Peer groups", Triads.users(3));
        issuer = moodle.url().toString().replaceAll("/$", "");
    }

    @AfterEach
    void stop() {
        moodle.close();
    }

    PageSession session(String clientId) {
        return new PageSession("t0k3n", "csrf0", PageSession.Role.ORGANISER,
                PlatformRegistration.tenantOf(issuer, clientId, "1"), issuer, clientId, "1", "103", "Olli", issuer,
                "activity:rl-1", "Peer groups", Placement.none(), Language.FI, "", "", "", "", "", "12");
    }

    static <T> T done(Reply<T> reply) {
        assertThat(reply).isInstanceOf(Reply.Done.class);
        return ((Reply.Done<T>) reply).value();
    }

    void publishTwiceAcrossARestart(DatabaseConfig config) throws Exception {
        List<CourseEvent> events = List.of(new CourseEvent("prog-1:kick-off", "Aloitus", "", KICK_OFF,
                Duration.ofHours(2)));
        try (KasvuDatabase database = KasvuDatabase.open(config)) {
            KasvuServer server = KasvuServer.start(database, KasvuServer.Settings.defaults().withPort(0)
                    .withDeliveryInterval(Duration.ZERO), CLOCK);
            try {
                server.registrations().save(new PlatformRegistration(issuer, "abc", URI.create(issuer + "/auth"),
                        URI.create(issuer + "/token"), URI.create(issuer + "/jwks"), Set.of("1"), "Moodle"));
                CourseServices course = server.courseServices();
                assertThat(course.groups(session("abc"))).isInstanceOf(Reply.NotConfigured.class);

                JdbcLtiStorage.on(database).moodleSites().save(new MoodleSiteConfig(issuer, "abc", moodle.url(),
                        MoodleToken.of(TOKEN), false, Instant.now()));

                assertThat(done(course.publishGroups(session("abc"), "Kolmikot", List.of(new GroupToPublish(
                        "triad-1", "Kolmikko 1", List.of("101", "102", "103")))))).isEqualTo(new Published(1, 0));
                assertThat(done(course.groups(session("abc")))).singleElement()
                        .satisfies(group -> assertThat(group.subjects()).containsExactlyInAnyOrder("101", "102", "103"));
                assertThat(done(course.publishEvents(session("abc"), events))).isEqualTo(new Published(1, 0));
                assertThat(course.groups(session("other"))).as("another registration of the issuer")
                        .isInstanceOf(Reply.NotConfigured.class);
            } finally {
                server.close();
            }
        }
        moodle.moveEventByHand("Aloitus", KICK_OFF.plus(Duration.ofDays(365)).getEpochSecond());
        try (KasvuDatabase database = KasvuDatabase.open(config)) {
            KasvuServer restarted = KasvuServer.start(database, KasvuServer.Settings.defaults().withPort(0)
                    .withDeliveryInterval(Duration.ZERO), CLOCK);
            try {
                assertThat(done(restarted.courseServices().publishEvents(session("abc"), events)))
                        .as("known by the id kept in the database, though moved out of the window")
                        .isEqualTo(new Published(0, 1));
                assertThat(moodle.events()).hasSize(1);
                CourseEvent later = new CourseEvent("prog-1:kick-off", "Aloitus", "Sali 2",
                        KICK_OFF.plus(Duration.ofDays(1)), Duration.ofHours(2));
                assertThat(done(restarted.courseServices().publishEvents(session("abc"), List.of(later))))
                        .as("changed in Kasvu: replaced in Moodle").isEqualTo(new Published(0, 0, 1, 0));
                assertThat(moodle.events()).containsExactly("0|course|Aloitus|" + later.start().getEpochSecond());
            } finally {
                restarted.close();
            }
        }
        try (KasvuDatabase database = KasvuDatabase.open(config)) {
            KasvuServer again = KasvuServer.start(database, KasvuServer.Settings.defaults().withPort(0)
                    .withDeliveryInterval(Duration.ZERO), CLOCK);
            try {
                assertThat(done(again.courseServices().publishEvents(session("abc"), List.of())))
                        .as("the activity's published keys are kept in the database: the removed event is deleted")
                        .isEqualTo(new Published(0, 0, 0, 1));
                assertThat(moodle.events()).isEmpty();
            } finally {
                again.close();
            }
        }
    }

    @Test
    void onH2() throws Exception {
        publishTwiceAcrossARestart(TestDatabases.h2(dir.resolve("db")));
    }

    @Test
    void onPostgres() throws Exception {
        publishTwiceAcrossARestart(TestDatabases.freshPostgres());
    }
}
