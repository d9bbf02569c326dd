package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The personal calendar subscription on the real tool: a participant makes a secret address,
 * a calendar program without any session reads their meetings, sessions and deadlines from it
 * (parsed back with ical4j), and wrong, revoked, enumerated, malformed or oversized secrets get
 * nothing but the same 404.
 */
class CalendarHttpTest {

    static PagesFixture fixture;
    static final HttpClient OUTLOOK = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static void as(String role, String locale, String resourceLink, String name) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "Coaching"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("kasvu_kind", "programme"))
                .claim("name", name));
    }

    static HttpResponse<String> fetch(String url) throws Exception {
        return OUTLOOK.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String address(String html) {
        return html.replaceAll("(?s).*id=\"calendar-address\" readonly value=\"([^\"]+)\".*", "$1");
    }

    @Test
    void participantSubscribes_outlookReadsTheProgramme_renewAndRevokeEndOldAddresses() throws Exception {
        as(PagesFixture.INSTRUCTOR, "en-GB", "rl-cal", "Olli Organiser");
        NoScriptBrowser olli = new NoScriptBrowser();
        HttpResponse<String> manage = olli.follow(olli.launch(fixture.login("cal-olli", false)));
        String csrf = PagesHttpTest.csrf(manage.body());
        String today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
        olli.post(PagesHttpTest.base(manage) + "/create", Map.of("csrf", csrf, "template", "supervisor-coaching",
                "starts", today, "zone", "Europe/Helsinki"));
        olli.post(PagesHttpTest.base(manage) + "/event/kick-off", Map.of("csrf", csrf,
                "event-kick-off.day", LocalDate.parse(today).plusDays(7).toString(), "event-kick-off.from", "9:00",
                "event-kick-off.to", "12:30", "event-kick-off.venue", "hybrid", "event-kick-off.place", "Sali 1",
                "event-kick-off.link", "https://teams.example/ako"));

        as(PagesFixture.LEARNER, "en-GB", "rl-cal", "Anna Participant");
        NoScriptBrowser anna = new NoScriptBrowser();
        HttpResponse<String> timeline = anna.follow(anna.launch(fixture.login("cal-anna", false)));
        String base = PagesHttpTest.base(timeline);
        String annaCsrf = PagesHttpTest.csrf(timeline.body());
        anna.post(base + "/reflection/reflection-1", Map.of("csrf", annaCsrf, "do", "save",
                "text", "PRIVATE-REFLECTION-TEXT"));
        HttpResponse<String> calendarPage = anna.get(base + "/calendar");
        assertThat(calendarPage.body()).contains("You have no calendar address in use.");

        HttpResponse<String> made = anna.post(base + "/calendar", Map.of("csrf", annaCsrf, "do", "new"));
        String address = address(made.body());
        assertThat(address).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(anna.get(base + "/calendar").body()).doesNotContain(address)
                .contains("You have a calendar address in use.");

        HttpResponse<String> feed = fetch(address);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(feed.body()).doesNotContain("PRIVATE-REFLECTION-TEXT");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(5 + 5);
        VEvent kickOff = events.stream().filter(e -> e.getSummary().getValue().equals("Kick-off")).findFirst()
                .orElseThrow();
        assertThat(kickOff.getLocation().getValue()).isEqualTo("Sali 1");
        assertThat(kickOff.<net.fortuna.ical4j.model.Property>getProperty("UID").orElseThrow().getValue()).startsWith("kick-off.programme-");
        assertThat(events).anySatisfy(e -> assertThat(e.getSummary().getValue())
                .isEqualTo("Final assignment: Final assignment"));

        HttpResponse<String> renewed = anna.post(base + "/calendar", Map.of("csrf", annaCsrf, "do", "new"));
        String second = address(renewed.body());
        assertThat(second).isNotEqualTo(address);
        assertThat(fetch(address).statusCode()).as("the older address stops working").isEqualTo(404);
        assertThat(fetch(second).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = anna.post(base + "/calendar", Map.of("csrf", annaCsrf, "do", "revoke"));
        assertThat(revoked.body()).contains("Your calendar address was revoked");
        assertThat(fetch(second).statusCode()).isEqualTo(404);
        HttpResponse<String> revokedAgain = anna.post(base + "/calendar", Map.of("csrf", annaCsrf, "do", "revoke"));
        assertThat(revokedAgain.body()).contains("You had no calendar address to revoke.");

        // the organiser is no participant: events, no deadlines
        HttpResponse<String> olliPage = olli.post(PagesHttpTest.base(manage) + "/calendar",
                Map.of("csrf", csrf, "do", "new"));
        Calendar organisers = new CalendarBuilder().build(new StringReader(fetch(address(olliPage.body())).body()));
        assertThat(organisers.<VEvent>getComponents("VEVENT")).hasSize(5);
    }

    @Test
    void aDeadlineTheParticipantHasMet_readsDoneInHerCalendar_andOnlyInHers() throws Exception {
        as(PagesFixture.INSTRUCTOR, "en-GB", "rl-cal-done", "Olli Organiser");
        NoScriptBrowser olli = new NoScriptBrowser();
        HttpResponse<String> manage = olli.follow(olli.launch(fixture.login("cal-done-olli", false)));
        String today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
        olli.post(PagesHttpTest.base(manage) + "/create", Map.of("csrf", PagesHttpTest.csrf(manage.body()),
                "template", "supervisor-coaching", "starts", today, "zone", "Europe/Helsinki"));
        List<String> addresses = new java.util.ArrayList<>();
        for (String who : List.of("cal-done-anna", "cal-done-bertil")) {
            as(PagesFixture.LEARNER, "en-GB", "rl-cal-done", who);
            NoScriptBrowser learner = new NoScriptBrowser();
            HttpResponse<String> timeline = learner.follow(learner.launch(fixture.login(who, false)));
            String base = PagesHttpTest.base(timeline);
            String csrf = PagesHttpTest.csrf(timeline.body());
            if (who.endsWith("anna")) {
                assertThat(learner.post(base + "/reflection/reflection-1", Map.of("csrf", csrf, "do", "submit",
                        "text", "PRIVATE-SUBMITTED-TEXT")).statusCode()).isEqualTo(303);
            }
            addresses.add(address(learner.post(base + "/calendar", Map.of("csrf", csrf, "do", "new")).body()));
        }

        HttpResponse<String> annas = fetch(addresses.get(0));
        assertThat(annas.body()).doesNotContain("PRIVATE-SUBMITTED-TEXT");
        List<String> anna = summaries(annas.body());
        List<String> bertil = summaries(fetch(addresses.get(1)).body());
        assertThat(anna).filteredOn(t -> t.contains("what did I learn")).singleElement()
                .satisfies(t -> assertThat(t).startsWith("Done: Intermediate assignment: "));
        assertThat(anna).filteredOn(t -> t.startsWith("Done: ")).hasSize(1);
        assertThat(bertil).noneMatch(t -> t.startsWith("Done: "));
    }

    static List<String> summaries(String ics) throws Exception {
        List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
        return events.stream().map(e -> e.getSummary().getValue()).toList();
    }

    @Test
    void wrongEnumeratedMalformedAndOversizedSecrets_allGetTheSamePlain404() throws Exception {
        String calendars = fixture.server.tool().baseUrl().resolve("/calendar/").toString();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            HttpResponse<String> guess = fetch(calendars + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(bytes) + ".ics");
            assertThat(guess.statusCode()).isEqualTo(404);
            assertThat(guess.body()).isEqualTo("Not found");
        }
        for (String malformed : List.of("short.ics", "A".repeat(42) + ".ics", "A".repeat(44) + ".ics",
                "A".repeat(43), "A".repeat(43) + ".ics.txt", "..%2F..%2Fetc%2Fpasswd", "A".repeat(4000) + ".ics")) {
            HttpResponse<String> answer = fetch(calendars + malformed);
            assertThat(answer.statusCode()).as(malformed.length() > 60 ? "oversized" : malformed).isIn(400, 404, 414);
            assertThat(answer.body()).doesNotContain("BEGIN:VCALENDAR");
        }
        HttpResponse<String> post = OUTLOOK.send(HttpRequest.newBuilder(URI.create(calendars + "A".repeat(43) + ".ics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
