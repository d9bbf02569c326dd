package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.reminder.ReminderScheduler;
import fi.kasvu.lms.reminder.SmtpMailSender;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import fi.kasvu.session.CoursePlacement;
import fi.kasvu.store.jdbc.KasvuRepositories;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A programme and the 360 that fulfils its first assignment placed as two activities (two resource
 * links, two document contexts) of one course, on the real tool (Jetty, H2, the platform
 * simulator's launches): each launch records its placement in the course; the 360s closed in the
 * course's own 360 placement show the assignment done on the timeline, count in the owner's
 * dashboard funnel (threshold 3) and stop its deadline reminder. A 360 closed in another course,
 * or by the same user id on another platform (another tenant) in a course and placement of the same
 * ids, never counts.
 */
class LinkedPlacementsHttpTest {

    static final String COURSE = "course-lp";
    static PagesFixture fixture;
    static PlatformSimulator otherPlatform;
    static GreenMail smtp;
    static ReminderScheduler scheduler;

    @BeforeAll
    static void start() throws Exception {
        start(PagesFixture.start());
    }

    static void start(PagesFixture started) throws Exception {
        fixture = started;
        otherPlatform = PlatformSimulator.start();
        fixture.server.registrations().save(otherPlatform.registration());
        otherPlatform.trustToolKeys(fixture.server.tool().jwksUrl());
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        scheduler = fixture.server.startReminders(new SmtpMailSender("127.0.0.1", smtp.getSmtp().getPort(),
                "kasvu@example.org", Duration.ofSeconds(5)), Duration.ofDays(1000), "linked-test");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        otherPlatform.close();
        smtp.stop();
    }

    /** Launches the user on the platform's resource link of the kind in the course, and follows it. */
    static Launched launch(PlatformSimulator platform, String subject, String roles, String resourceLink,
                           String kind, String course) throws Exception {
        platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "en-GB", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", kind))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "label", "LP",
                        "title", "Linked"))
                .claim(PagesFixture.CUSTOM, Map.of("kasvu_kind", kind))
                .claim("name", "Member " + subject)
                .issueTime(java.util.Date.from(fixture.clock.instant()))
                .expirationTime(java.util.Date.from(fixture.clock.instant().plusSeconds(300))));
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> page = browser.follow(browser.launch(login(platform, subject)));
        assertThat(page.statusCode()).as("launch of %s on %s", subject, resourceLink).isEqualTo(200);
        return new Launched(browser, page, PagesHttpTest.base(page), PagesHttpTest.csrf(page.body()));
    }

    /** A launched page, its browser, its session's base path and CSRF token. */
    record Launched(NoScriptBrowser browser, HttpResponse<String> page, String base, String csrf) {
    }

    /** The login initiation the platform sends for the user. */
    static URI login(PlatformSimulator platform, String subject) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("target_link_uri", fixture.server.tool().launchUrl().toString());
        params.put("login_hint", subject);
        params.put("lti_message_hint", "{\"cmid\":2}");
        params.put("client_id", PlatformSimulator.CLIENT_ID);
        params.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
        return URI.create(fixture.server.tool().loginUrl() + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** The learner launches the course's 360 placement and closes her own 360. */
    static void closes360(PlatformSimulator platform, String subject, String resourceLink, String course)
            throws Exception {
        Launched home = launch(platform, subject, PagesFixture.LEARNER, resourceLink, "feedback-360", course);
        HttpResponse<String> closed = home.browser().follow(home.browser().post(home.base() + "/feedback/close",
                Map.of("csrf", home.csrf())));
        assertThat(closed.uri().getPath()).as("%s closed her 360", subject).endsWith("/feedback/report");
    }

    @Test
    void a360PlacedApartInTheCourse_isDoneOnTheTimeline_countsInTheFunnel_andStopsItsReminder() throws Exception {
        Launched manage = launch(fixture.platform, "lp-olli", PagesFixture.INSTRUCTOR, "rl-lp-prog",
                "programme", COURSE);
        NoScriptBrowser owner = manage.browser();
        String base = manage.base();
        KasvuRepositories repositories = KasvuRepositories.of(fixture.database, KasvuJson.create(), fixture.clock);
        var tenant = fi.kasvu.lms.lti.PlatformRegistration.tenantOf(fixture.platform.issuer(),
                PlatformSimulator.CLIENT_ID, PlatformSimulator.DEPLOYMENT_ID);
        long recorded = repositories.coursePlacements().find(tenant, "activity:rl-lp-prog").orElseThrow().version();
        String today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
        owner.follow(owner.post(base + "/create", Map.of("csrf", manage.csrf(),
                "template", "supervisor-coaching", "starts", today, "zone", "Europe/Helsinki")));
        List<String> learners = List.of("lp-1", "lp-2", "lp-3", "lp-4", "lp-5", "lp-6");
        for (String learner : learners) {
            launch(fixture.platform, learner, PagesFixture.LEARNER, "rl-lp-prog", "programme", COURSE);
        }

        closes360(fixture.platform, "lp-1", "rl-lp-360", COURSE);
        closes360(fixture.platform, "lp-2", "rl-lp-360", COURSE);
        String two = participation(owner, base);
        assertThat(two).contains("Enrolled 6").doesNotContain("Completed 2", "Started 2");

        closes360(fixture.platform, "lp-3", "rl-lp-360", COURSE);
        // Not counted: a 360 in another course, and one on another platform (another tenant) whose
        // course, placement and user ids are the same as this platform's.
        closes360(fixture.platform, "lp-4", "rl-lp-360-elsewhere", "course-other");
        closes360(otherPlatform, "lp-5", "rl-lp-360", COURSE);
        closes360(otherPlatform, "lp-5", "rl-lp-prog", COURSE);

        String three = participation(owner, base);
        assertThat(three).contains("Enrolled 6", "Started 3", "Completed 3", "360 assessment");
        assertThat(ProgrammePagesHttpTest.section(owner.get(base + "/dashboard").body(), "chart-feedback-h"))
                .as("the 360 response rates read the course's 360 placement too").contains("people assessed: 3");

        assertThat(repositories.coursePlacements().inCourse(tenant, CoursePlacement.courseKey(COURSE)))
                .as("this tenant's placements in the course, each recorded once")
                .extracting(CoursePlacement::context, CoursePlacement::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("activity:rl-lp-prog", "programme"),
                        org.assertj.core.groups.Tuple.tuple("activity:rl-lp-360", "feedback-360"));

        assertThat(repositories.coursePlacements().find(tenant, "activity:rl-lp-prog").orElseThrow().version())
                .as("the programme placement's record, launched again and again: never written again")
                .isEqualTo(recorded);

        String done = timelineDue("lp-1");
        assertThat(done).doesNotContain("360 assessment");
        assertThat(timelineDue("lp-4")).contains("360 assessment");
        assertThat(timelineDue("lp-5")).contains("360 assessment");

        // Reminders: lp-1 (done) and lp-4 (not done here) both ask for e-mail; days pass to the deadline.
        for (String who : List.of("lp-1", "lp-4")) {
            Launched timeline = launch(fixture.platform, who, PagesFixture.LEARNER, "rl-lp-prog", "programme", COURSE);
            HttpResponse<String> on = timeline.browser().post(timeline.base() + "/reminders",
                    Map.of("csrf", timeline.csrf(), "do", "subscribe", "email", who + "@example.org"));
            assertThat(on.body()).as("%s subscribes", who).contains(who + "@example.org");
        }
        for (int day = 0; day < 28; day++) {
            scheduler.run();
            fixture.clock.advance(Duration.ofDays(1));
        }
        List<String> about360 = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (String.valueOf(mail.getContent()).contains("360 assessment")) {
                about360.add(mail.getAllRecipients()[0].toString());
            }
        }
        assertThat(about360).as("the 360 deadline reminders").contains("lp-4@example.org")
                .doesNotContain("lp-1@example.org");
    }

    static String participation(NoScriptBrowser owner, String base) throws Exception {
        HttpResponse<String> dashboard = owner.get(base + "/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        return ProgrammePagesHttpTest.section(dashboard.body(), "chart-participation-h");
    }

    static String timelineDue(String learner) throws Exception {
        Launched timeline = launch(fixture.platform, learner, PagesFixture.LEARNER, "rl-lp-prog", "programme", COURSE);
        return ProgrammePagesHttpTest.section(timeline.page().body(), "t-due");
    }
}
