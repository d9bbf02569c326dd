package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The development plan over HTTP on the real tool: a plan built goal by goal, bad input refused with
 * what was typed kept, review reminders, sharing with a team member who reads and comments while
 * others (and the teacher) never read it, and stopping the sharing.
 */
class PlanHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static HttpResponse<String> launch(PagesHttpTest.NoScriptBrowser browser, String subject, String roles,
                                       String resourceLink) throws Exception {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "Suunnitelma"))
                .claim("name", "Member " + subject)
                .claim(FeedbackHttpTest.CUSTOM, Map.of("kasvu_kind", "development-plan")));
        return browser.follow(browser.launch(fixture.login(subject, false)));
    }

    static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d.M.yyyy"));
    }

    @Test
    void aPlan_isBuiltStepByStep_badInputIsRefusedKeepingWhatWasTyped_andRemindersShow() throws Exception {
        PagesHttpTest.NoScriptBrowser owner = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> page = launch(owner, "2", PagesFixture.LEARNER, "rl-plan-1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).matches(".*/plan/[^/]+");
        assertThat(page.body()).contains("<h1>Kehittymissuunnitelmani</h1>", "Suunnitelmastasi puuttuu vielä",
                "tavoite: mitä haluat kehittää.");
        String plan = page.uri().toString();
        String csrf = PagesHttpTest.csrf(page.body());

        HttpResponse<String> noGoal = owner.post(plan + "/goal", Map.of("csrf", csrf, "goal.what", " ",
                "goal.measures", "Tiimi tuo ratkaisuja"));
        assertThat(noGoal.statusCode()).isEqualTo(422);
        assertThat(noGoal.body()).contains("Kirjoita, mitä haluat kehittää.", "href=\"#f-goal-what\"",
                "Tiimi tuo ratkaisuja");
        HttpResponse<String> badDay = owner.post(plan + "/goal", Map.of("csrf", csrf, "goal.what", "Kysyn ensin",
                "goal.target", "31.13.2026"));
        assertThat(badDay.statusCode()).isEqualTo(422);
        assertThat(badDay.body()).contains("”31.13.2026” ei ole päivämäärä.", "value=\"Kysyn ensin\"");

        HttpResponse<String> goal = owner.follow(owner.post(plan + "/goal", Map.of("csrf", csrf, "goal.what",
                "Kysyn ensin <b>enkä</b> neuvo", "goal.measures", "Tiimi tuo ratkaisuja")));
        assertThat(goal.body()).contains("Tavoite lisättiin.", "Kysyn ensin &lt;b&gt;enkä&lt;/b&gt; neuvo",
                "toimenpide tavoitteelle");
        String goalId = goal.body().replaceAll("(?s).*name=\"goal\" value=\"([^\"]+)\".*", "$1");
        assertThat(owner.follow(owner.post(plan + "/action", Map.of("csrf", csrf, "goal", goalId, "what",
                "Kolme avointa kysymystä", "due", "")))
                .body()).contains("Toimenpide lisättiin.", "Kolme avointa kysymystä");
        assertThat(owner.follow(owner.post(plan + "/followup", Map.of("csrf", csrf, "followup",
                "Kuukausittain vertaistriadissa"))).body()).contains("Seuranta tallennettiin.");

        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), ZoneOffset.UTC);
        HttpResponse<String> past = owner.post(plan + "/review", Map.of("csrf", csrf, "review.date",
                day(today.minusDays(1))));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("on jo mennyt. Valitse tämä päivä", "value=\"" + day(today.minusDays(1)) + "\"",
                "Kuukausittain vertaistriadissa", "Kolme avointa kysymystä");
        HttpResponse<String> scheduled = owner.follow(owner.post(plan + "/review", Map.of("csrf", csrf,
                "review.date", day(today.plusDays(3)))));
        assertThat(scheduled.body()).contains("Seurantakerta sovittiin.", "Seurantakerta on tulossa")
                .doesNotContain("Suunnitelmastasi puuttuu vielä");

        HttpResponse<String> overdue = owner.get(plan);
        String reviewId = overdue.body().replaceAll("(?s).*name=\"review\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> noProgress = owner.post(plan + "/held", Map.of("csrf", csrf, "review", reviewId,
                "notes", "Kysymykset toimivat", "progress", ""));
        assertThat(noProgress.statusCode()).isEqualTo(422);
        assertThat(noProgress.body()).contains("Valitse, missä mennään.", "Kysymykset toimivat");
        HttpResponse<String> held = owner.follow(owner.post(plan + "/held", Map.of("csrf", csrf, "review", reviewId,
                "notes", "Kysymykset toimivat", "progress", "ON_TRACK")));
        assertThat(held.body()).contains("Seurantakerta kirjattiin.", "etenee suunnitellusti: Kysymykset toimivat",
                "tuleva seurantakerta.").doesNotContain("Seurantakerta on tulossa");
    }

    @Test
    void aSharedPlan_isReadAndCommentedByTheTeam_neverByOthers_untilTheOwnerStopsSharing() throws Exception {
        String rl = "rl-plan-team";
        PagesHttpTest.NoScriptBrowser owner = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> page = launch(owner, "5", PagesFixture.LEARNER, rl);
        String plan = page.uri().toString();
        String planPath = page.uri().getPath().replaceAll(".*(/plan/[^/]+)$", "$1");
        String csrf = PagesHttpTest.csrf(page.body());
        owner.follow(owner.post(plan + "/goal", Map.of("csrf", csrf, "goal.what", "SALAINEN-TAVOITE delegoin")));

        HttpResponse<String> none = owner.post(plan + "/team", Map.of("csrf", csrf, "do", "share"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Valitse ainakin yksi henkilö");
        HttpResponse<String> stranger = owner.post(plan + "/team", Map.of("csrf", csrf, "do", "share", "member", "x-99"));
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(stranger.body()).contains("Valitse tiimin jäsenet kurssin osallistujista.");
        HttpResponse<String> shared = owner.follow(owner.post(plan + "/team", Map.of("csrf", csrf, "do", "share",
                "member", "6")));
        assertThat(shared.body()).contains("Suunnitelma on jaettu valitsemillesi henkilöille.", "Member 6");

        PagesHttpTest.NoScriptBrowser member = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> memberHome = launch(member, "6", PagesFixture.LEARNER, rl);
        assertThat(memberHome.body()).contains("Sinulle jaetut suunnitelmat", "Member 5");
        String memberBase = PagesHttpTest.base(memberHome);
        String memberCsrf = PagesHttpTest.csrf(memberHome.body());
        HttpResponse<String> read = member.get(memberBase + planPath);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("SALAINEN-TAVOITE delegoin", "Member 5 jakoi tämän suunnitelman kanssasi")
                .doesNotContain("action=\"" + memberBase + planPath + "/goal\"");
        assertThat(member.post(memberBase + planPath + "/goal", Map.of("csrf", memberCsrf, "goal.what", "Vieras"))
                .statusCode()).isEqualTo(404);
        HttpResponse<String> empty = member.post(memberBase + planPath + "/comment", Map.of("csrf", memberCsrf,
                "comment", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Kirjoita kommentti ennen lähettämistä.");
        assertThat(member.follow(member.post(memberBase + planPath + "/comment", Map.of("csrf", memberCsrf,
                "comment", "Hyvä tavoite, kokeile viikoittain"))).body()).contains("Kommenttisi tallennettiin.");
        assertThat(owner.get(plan).body()).contains("Hyvä tavoite, kokeile viikoittain", "Member 6");

        PagesHttpTest.NoScriptBrowser other = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> otherHome = launch(other, "7", PagesFixture.LEARNER, rl);
        assertThat(other.get(PagesHttpTest.base(otherHome) + planPath).statusCode()).isEqualTo(404);
        assertThat(otherHome.body()).doesNotContain("SALAINEN-TAVOITE");
        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> progress = launch(teacher, "1", PagesFixture.INSTRUCTOR, rl);
        assertThat(progress.uri().getPath()).endsWith("/progress");
        assertThat(progress.body()).contains("Suunnitelma tehty").doesNotContain("SALAINEN-TAVOITE", "Hyvä tavoite");
        assertThat(teacher.get(PagesHttpTest.base(progress) + planPath).statusCode()).isEqualTo(404);

        assertThat(owner.follow(owner.post(plan + "/team", Map.of("csrf", csrf, "do", "stop"))).body())
                .contains("Suunnitelmaa ei enää jaeta.");
        assertThat(member.get(memberBase + planPath).statusCode()).isEqualTo(404);
        assertThat(member.post(memberBase + planPath + "/comment", Map.of("csrf", memberCsrf, "comment", "Vielä"))
                .statusCode()).isEqualTo(404);
        assertThat(owner.get(plan).body()).contains("Hyvä tavoite, kokeile viikoittain");
    }
}
