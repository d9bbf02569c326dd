package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The programme activity over plain HTTP on the real tool (Jetty, H2, the platform simulator): an
 * organiser creates the placement's one programme from a template and adapts it, learners read
 * their timeline as the clock moves, and every bad input is refused with a message naming it.
 */
class ProgrammePagesHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** Launches of the programme placement from now on, as this user. */
    static void as(String role, String locale, String resourceLink, String name) {
        fixture.as(role, locale, resourceLink, "Valmennus", name, Map.of("kasvu_kind", "programme"));
    }

    static String today() {
        return LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
    }

    @Test
    void organiserCreatesFromTemplate_adaptsIt_andLearnersFollowTheirTimelineAsTimePasses() throws Exception {
        as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-prog-1", "Olli Järjestäjä");
        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> manage = teacher.follow(teacher.launch(fixture.login("prog-olli", false)));
        assertThat(manage.uri().getPath()).endsWith("/manage");
        assertThat(manage.body()).contains("Luo ohjelma", "Esihenkilöiden valmennusprosessi", "name=\"template\"");
        String base = PagesHttpTest.base(manage);
        String csrf = PagesHttpTest.csrf(manage.body());

        HttpResponse<String> badDay = teacher.post(base + "/create", Map.of("csrf", csrf,
                "template", "supervisor-coaching", "starts", "31.2.2026", "zone", "Mars/Olympus"));
        assertThat(badDay.statusCode()).isEqualTo(422);
        assertThat(badDay.body()).contains("\"31.2.2026\" ei ole päivä", "\"Mars/Olympus\" ei ole aikavyöhyke",
                "href=\"#f-starts\"", "value=\"31.2.2026\"");

        HttpResponse<String> created = teacher.follow(teacher.post(base + "/create", Map.of("csrf", csrf,
                "template", "supervisor-coaching", "starts", today(), "zone", "Europe/Helsinki")));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("Ohjelma luotiin pohjasta", "Vielä päätettävää", "Aloitustilaisuus");

        HttpResponse<String> again = teacher.post(base + "/create", Map.of("csrf", csrf,
                "template", "peer-mentoring", "starts", today(), "zone", "Europe/Helsinki"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Tässä aktiviteetissa on jo ohjelma");

        HttpResponse<String> unsafeLink = teacher.post(base + "/event/kick-off", Map.of("csrf", csrf,
                "event-kick-off.day", LocalDate.parse(today()).plusDays(7).toString(), "event-kick-off.from", "9:00",
                "event-kick-off.to", "12:30", "event-kick-off.venue", "online",
                "event-kick-off.link", "javascript:alert(1)"));
        assertThat(unsafeLink.statusCode()).isEqualTo(422);
        assertThat(unsafeLink.body()).contains("\"javascript:alert(1)\" ei ole sellainen", "href=\"#f-event-kick-off-link\"")
                .doesNotContain("href=\"javascript:");

        HttpResponse<String> outside = teacher.post(base + "/event/kick-off", Map.of("csrf", csrf,
                "event-kick-off.day", LocalDate.parse(today()).plusDays(400).toString(), "event-kick-off.from", "9:00",
                "event-kick-off.to", "12:30", "event-kick-off.venue", "onsite", "event-kick-off.place", "Sali 1"));
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("value=\"Sali 1\"");

        HttpResponse<String> online = teacher.follow(teacher.post(base + "/event/kick-off", Map.of("csrf", csrf,
                "event-kick-off.day", LocalDate.parse(today()).plusDays(7).toString(), "event-kick-off.from", "9:00",
                "event-kick-off.to", "12:30", "event-kick-off.venue", "online",
                "event-kick-off.link", "https://teams.example/ako")));
        assertThat(online.body()).contains("Tallennettu.", "value=\"https://teams.example/ako\"");

        as(PagesFixture.LEARNER, "fi-FI", "rl-prog-1", "Anna Esihenkilö");
        NoScriptBrowser anna = new NoScriptBrowser();
        HttpResponse<String> timeline = anna.follow(anna.launch(fixture.login("prog-anna", false)));
        assertThat(timeline.uri().getPath()).endsWith("/timeline");
        String next = section(timeline.body(), "t-next");
        String due = section(timeline.body(), "t-due");
        assertThat(next).contains("Aloitustilaisuus", "href=\"https://teams.example/ako\"", "Liity verkossa");
        assertThat(due).contains("360-arviointi", "Aktiviteettia ei ole vielä linkitetty")
                .doesNotContain("määräaika mennyt");
        assertThat(anna.get(PagesHttpTest.base(timeline) + "/manage").statusCode()).isEqualTo(404);

        fixture.clock.advance(Duration.ofDays(40));
        as(PagesFixture.LEARNER, "fi-FI", "rl-prog-1", "Anna Esihenkilö");
        HttpResponse<String> later = anna.follow(anna.launch(fixture.login("prog-anna", false)));
        assertThat(section(later.body(), "t-happened")).contains("Aloitustilaisuus");
        assertThat(section(later.body(), "t-due")).contains("360-arviointi", "määräaika mennyt");

        as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-prog-1", "Olli Järjestäjä");
        HttpResponse<String> members = teacher.follow(teacher.launch(fixture.login("prog-olli", false)));
        assertThat(section(members.body(), "m-members")).contains("Anna Esihenkilö", "osallistuja", "järjestäjä");
    }

    @Test
    void twoOrganisersCreatingAtOnce_getOneProgramme_andTheOtherAClearPage() throws Exception {
        List<NoScriptBrowser> browsers = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String who : List.of("race-a", "race-b")) {
            as(PagesFixture.INSTRUCTOR, "en-GB", "rl-prog-race", who);
            NoScriptBrowser browser = new NoScriptBrowser();
            HttpResponse<String> manage = browser.follow(browser.launch(fixture.login(who, false)));
            browsers.add(browser);
            bases.add(PagesHttpTest.base(manage));
            tokens.add(PagesHttpTest.csrf(manage.body()));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i;
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return browsers.get(n).post(bases.get(n) + "/create", Map.of("csrf", tokens.get(n),
                            "template", n == 0 ? "supervisor-coaching" : "peer-mentoring", "starts", today(),
                            "zone", "Europe/Helsinki"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var post : posts) {
            HttpResponse<String> answer = post.get();
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 409) {
                assertThat(answer.body()).contains("This activity already has a programme", "Nothing of yours was lost");
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(303, 409);
    }

    @Test
    void badInputs_areRefusedWithMessagesNamingThem_inTheUsersLanguage() throws Exception {
        as(PagesFixture.INSTRUCTOR, "sv-FI", "rl-prog-bad", "Sara Arrangör");
        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> manage = teacher.follow(teacher.launch(fixture.login("prog-sara", false)));
        String base = PagesHttpTest.base(manage);
        String csrf = PagesHttpTest.csrf(manage.body());
        HttpResponse<String> noTemplate = teacher.post(base + "/create", Map.of("csrf", csrf, "template", "../etc",
                "starts", "2026-09-01", "zone", "Europe/Helsinki"));
        assertThat(noTemplate.statusCode()).isEqualTo(422);
        assertThat(noTemplate.body()).contains("Välj en av mallarna.");
        teacher.follow(teacher.post(base + "/create", Map.of("csrf", csrf, "template", "peer-mentoring",
                "starts", today(), "zone", "Europe/Helsinki")));

        HttpResponse<String> controlChars = teacher.post(base + "/event/kick-off", Map.of("csrf", csrf,
                "event-kick-off.day", today(), "event-kick-off.from", "9:00", "event-kick-off.to", "12:00",
                "event-kick-off.venue", "onsite", "event-kick-off.place", "Sal\u0007 1"));
        assertThat(controlChars.statusCode()).isEqualTo(422);
        assertThat(controlChars.body()).contains("styrtecken");

        HttpResponse<String> refused = teacher.post(base + "/event/kick-off", Map.of("csrf", csrf,
                "event-kick-off.day", today(), "event-kick-off.from", "25:00", "event-kick-off.to", "12:00",
                "event-kick-off.venue", "onsite", "event-kick-off.place", "",
                "event-kick-off.speaker", "x".repeat(300)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"25:00\" är ingen tid", "Ange platsen för ett tillfälle på plats.",
                "Högst 200 tecken; här finns 300.");
        HttpResponse<String> unchanged = teacher.get(base + "/manage");
        assertThat(unchanged.body()).contains("id=\"f-event-kick-off-venue\"").doesNotContain("x".repeat(300));

        HttpResponse<String> unknownEvent = teacher.post(base + "/event/no-such-event", Map.of("csrf", csrf));
        assertThat(unknownEvent.statusCode()).isEqualTo(404);
        HttpResponse<String> strangerRole = teacher.post(base + "/member", Map.of("csrf", csrf,
                "member.person", "someone-from-elsewhere", "member.role", "COACH"));
        assertThat(strangerRole.statusCode()).isEqualTo(422);
        assertThat(strangerRole.body()).contains("Välj en person som har öppnat den här aktiviteten.");
    }

    @Test
    void theOwnersDashboard_countsParticipantsWithChartsTablesAndCsv_forOrganisersOnly() throws Exception {
        as(PagesFixture.INSTRUCTOR, "en-GB", "rl-prog-dash", "Olga Owner");
        NoScriptBrowser owner = new NoScriptBrowser();
        HttpResponse<String> manage = owner.follow(owner.launch(fixture.login("dash-olga", false)));
        String base = PagesHttpTest.base(manage);
        String csrf = PagesHttpTest.csrf(manage.body());
        HttpResponse<String> before = owner.get(base + "/dashboard");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("The programme has not been created yet");
        owner.follow(owner.post(base + "/create", Map.of("csrf", csrf, "template", "supervisor-coaching",
                "starts", today(), "zone", "Europe/Helsinki")));

        List<NoScriptBrowser> learners = new ArrayList<>();
        List<String> learnerBases = new ArrayList<>();
        for (String who : List.of("dash-a", "dash-b", "dash-c", "dash-d")) {
            as(PagesFixture.LEARNER, "en-GB", "rl-prog-dash", "Learner " + who);
            NoScriptBrowser learner = new NoScriptBrowser();
            learnerBases.add(PagesHttpTest.base(learner.follow(learner.launch(fixture.login(who, false)))));
            learners.add(learner);
        }
        assertThat(learners.get(0).get(learnerBases.get(0) + "/dashboard").statusCode()).isEqualTo(404);
        assertThat(learners.get(0).get(learnerBases.get(0) + "/dashboard.csv").statusCode()).isEqualTo(404);

        HttpResponse<String> dashboard = owner.get(base + "/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        String participation = section(dashboard.body(), "chart-participation-h");
        assertThat(participation).contains("role=\"img\"", "<desc id=\"chart-participation-desc\">",
                "Enrolled 4", "Started 0", "Completed 0", "360 assessment");
        assertThat(section(dashboard.body(), "chart-feedback-h")).contains("Raters invited: 0");
        assertThat(section(dashboard.body(), "chart-experiments-h")).contains("Situational picture: 0");
        assertThat(section(dashboard.body(), "d-figures")).contains("<caption id=\"tbl-participation\">",
                "<th scope=\"col\">Enrolled</th>");
        assertThat(dashboard.body()).contains("/dashboard.csv\">Download the figures (CSV)");

        HttpResponse<String> csv = owner.get(base + "/dashboard.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("Participation per assignment", "Assignment,Due,Enrolled,Started,Completed",
                "360 response rates");

        as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-prog-dash", "Olga Owner");
        HttpResponse<String> finnish = owner.follow(owner.launch(fixture.login("dash-olga", false)));
        HttpResponse<String> fi = owner.get(PagesHttpTest.base(finnish) + "/dashboard");
        assertThat(fi.body()).contains("Ohjelman koontinäkymä", "Mukana 4", "Lataa luvut (CSV)");
    }

    /** The HTML of the section headed by the id. */
    static String section(String html, String headingId) {
        int start = html.indexOf("id=\"" + headingId + "\"");
        assertThat(start).as("section %s", headingId).isPositive();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }
}
