package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Following a development plan up over HTTP on the real tool: the owner marks actions done or
 * dropped (a dropped one says why) and rewrites goals and actions; bad input is refused naming
 * the field, in the owner's language, keeping what was typed and everything saved; a member of the
 * team and forged ids change nothing; and a review left unrecorded shows as overdue on the plan's
 * page once the (shifted) clock has passed its day.
 */
class PlanFollowUpHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        PlanHttpTest.fixture = fixture;
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** A launch signed at the tool's (shifted) time, as a platform whose clock agrees would sign it. */
    static HttpResponse<String> launchNow(PagesHttpTest.NoScriptBrowser browser, String subject, String rl)
            throws Exception {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        java.util.List.of(PagesFixture.LEARNER))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", rl, "title", "Suunnitelma"))
                .claim("name", "Member " + subject)
                .claim(FeedbackHttpTest.CUSTOM, Map.of("kasvu_kind", "development-plan"))
                .issueTime(java.util.Date.from(fixture.clock.instant()))
                .expirationTime(java.util.Date.from(fixture.clock.instant().plusSeconds(300))));
        return browser.follow(browser.launch(fixture.login(subject, false)));
    }

    static String between(String html, String name) {
        return html.replaceAll("(?s).*name=\"" + name + "\" value=\"([^\"]+)\".*", "$1");
    }

    @Test
    void actionsAreMarkedDoneOrDropped_goalsAndActionsRewritten_badInputKeepsEverything() throws Exception {
        PagesHttpTest.NoScriptBrowser owner = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> page = PlanHttpTest.launch(owner, "2", PagesFixture.LEARNER, "rl-plan-follow");
        String plan = page.uri().toString();
        String planPath = page.uri().getPath().replaceAll(".*(/plan/[^/]+)$", "$1");
        String csrf = PagesHttpTest.csrf(page.body());
        HttpResponse<String> goal = owner.follow(owner.post(plan + "/goal", Map.of("csrf", csrf, "goal.what",
                "Kysyn ensin", "goal.measures", "Tiimi tuo ratkaisuja")));
        String goalId = between(goal.body(), "goal");
        for (String what : new String[] {"Kolme kysymystä", "Kymmenen sekunnin tauko"}) {
            owner.follow(owner.post(plan + "/action", Map.of("csrf", csrf, "goal", goalId, "what", what, "due", "")));
        }
        HttpResponse<String> two = owner.get(plan);
        String first = two.body().replaceAll("(?s).*?name=\"action\" value=\"([^\"]+)\".*", "$1");
        String second = two.body().replaceAll("(?s).*name=\"action\" value=\"([^\"]+)\".*", "$1");
        assertThat(first).isNotEqualTo(second);
        assertThat(two.body()).contains("Muuta tai merkitse tehdyksi: Kolme kysymystä", "<details class=\"change\">");

        HttpResponse<String> done = owner.follow(owner.post(plan + "/status", Map.of("csrf", csrf, "action", first,
                "status." + first, "DONE", "note." + first, "Toimi hyvin")));
        assertThat(done.body()).contains("Toimenpiteen tila tallennettiin.", "tehty – Toimi hyvin", "class=\"done\"");

        HttpResponse<String> noNote = owner.post(plan + "/status", Map.of("csrf", csrf, "action", second,
                "status." + second, "DROPPED", "note." + second, "  "));
        assertThat(noNote.statusCode()).isEqualTo(422);
        assertThat(noNote.body()).contains("Kirjoita, miksi luovuit toimenpiteestä", "href=\"#f-note-" + second + "\"",
                "<details class=\"change\" open>", "<option value=\"DROPPED\" selected>", "tehty – Toimi hyvin");
        HttpResponse<String> noStatus = owner.post(plan + "/status", Map.of("csrf", csrf, "action", second,
                "status." + second, "FINISHED"));
        assertThat(noStatus.statusCode()).isEqualTo(422);
        assertThat(noStatus.body()).contains("Valitse avoin, tehty tai luovuttu.");
        HttpResponse<String> tooLong = owner.post(plan + "/status", Map.of("csrf", csrf, "action", second,
                "status." + second, "DROPPED", "note." + second, "n".repeat(2001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("enintään 2000 merkkiä; nyt siinä on 2001");
        assertThat(owner.post(plan + "/status", Map.of("csrf", csrf, "action", second, "status." + second, "DROPPED",
                "note." + second, "bad\u0007bell")).statusCode()).isEqualTo(422);
        HttpResponse<String> dropped = owner.follow(owner.post(plan + "/status", Map.of("csrf", csrf, "action", second,
                "status." + second, "DROPPED", "note." + second, "Ei sopinut kokouksiin")));
        assertThat(dropped.body()).contains("luovuttu – Ei sopinut kokouksiin");

        String prefix = "edit." + goalId + ".";
        HttpResponse<String> emptyGoal = owner.post(plan + "/editgoal", Map.of("csrf", csrf, "goal", goalId,
                prefix + "what", "", prefix + "measures", "Uusi mittari", prefix + "target", "32.1.2027"));
        assertThat(emptyGoal.statusCode()).isEqualTo(422);
        assertThat(emptyGoal.body()).contains("Kirjoita, mitä haluat kehittää.", "”32.1.2027” ei ole päivämäärä.",
                "Uusi mittari", "<h3 id=\"g-" + goalId + "\" dir=\"auto\">Kysyn ensin</h3>");
        HttpResponse<String> edited = owner.follow(owner.post(plan + "/editgoal", Map.of("csrf", csrf, "goal", goalId,
                prefix + "what", "Kysyn ensin, neuvon sitten", prefix + "measures", "Uusi mittari",
                prefix + "target", "31.1.2027")));
        assertThat(edited.body()).contains("Tavoitetta muutettiin.", "Kysyn ensin, neuvon sitten", "Uusi mittari",
                "tehty – Toimi hyvin", "luovuttu – Ei sopinut kokouksiin");

        String aPrefix = "edit." + first + ".";
        HttpResponse<String> badDue = owner.post(plan + "/editaction", Map.of("csrf", csrf, "action", first,
                aPrefix + "what", "Neljä kysymystä", aPrefix + "due", "huomenna"));
        assertThat(badDue.statusCode()).isEqualTo(422);
        assertThat(badDue.body()).contains("”huomenna” ei ole päivämäärä.", "value=\"Neljä kysymystä\"");
        HttpResponse<String> renamed = owner.follow(owner.post(plan + "/editaction", Map.of("csrf", csrf,
                "action", first, aPrefix + "what", "Neljä kysymystä", aPrefix + "due", "")));
        assertThat(renamed.body()).contains("Toimenpidettä muutettiin.", "Neljä kysymystä", "tehty – Toimi hyvin")
                .doesNotContain(">Kolme kysymystä<");

        assertThat(owner.post(plan + "/status", Map.of("csrf", csrf, "action", "action-forged", "status.action-forged",
                "DONE")).statusCode()).isEqualTo(404);
        assertThat(owner.post(plan + "/editgoal", Map.of("csrf", csrf, "goal", "goal-forged")).statusCode())
                .isEqualTo(404);

        owner.follow(owner.post(plan + "/team", Map.of("csrf", csrf, "do", "share", "member", "3")));
        PagesHttpTest.NoScriptBrowser member = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> memberHome = PlanHttpTest.launch(member, "3", PagesFixture.LEARNER, "rl-plan-follow");
        String memberBase = PagesHttpTest.base(memberHome);
        HttpResponse<String> read = member.get(memberBase + planPath);
        assertThat(read.body()).contains("Neljä kysymystä").doesNotContain("/status\"", "/editgoal\"", "<details");
        String memberCsrf = PagesHttpTest.csrf(memberHome.body());
        assertThat(member.post(memberBase + planPath + "/status", Map.of("csrf", memberCsrf, "action", first,
                "status." + first, "OPEN")).statusCode()).isEqualTo(404);
        assertThat(member.post(memberBase + planPath + "/editgoal", Map.of("csrf", memberCsrf, "goal", goalId,
                prefix + "what", "Vieras muutos")).statusCode()).isEqualTo(404);
        assertThat(owner.get(plan).body()).contains("tehty – Toimi hyvin").doesNotContain("Vieras muutos");
    }

    @Test
    void aReviewDayInThePast_isRefusedByCore_andAnUnrecordedReviewShowsAsOverdueOnceItsDayHasPassed() throws Exception {
        PagesHttpTest.NoScriptBrowser owner = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> page = PlanHttpTest.launch(owner, "4", PagesFixture.LEARNER, "rl-plan-overdue");
        String plan = page.uri().toString();
        String csrf = PagesHttpTest.csrf(page.body());
        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), ZoneOffset.UTC);
        HttpResponse<String> past = owner.post(plan + "/review", Map.of("csrf", csrf, "review.date",
                PlanHttpTest.day(today.minusDays(3))));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("Seurantapäivä", "on jo mennyt. Valitse tämä päivä (", "tai myöhempi.",
                "href=\"#f-review-date\"", "value=\"" + PlanHttpTest.day(today.minusDays(3)) + "\"");

        HttpResponse<String> scheduled = owner.follow(owner.post(plan + "/review", Map.of("csrf", csrf,
                "review.date", PlanHttpTest.day(today.plusDays(2)))));
        assertThat(scheduled.body()).contains("Seurantakerta on tulossa").doesNotContain("on mennyt");
        fixture.clock.advance(Duration.ofDays(5));
        try {
            assertThat(owner.get(plan).statusCode()).as("the old session has ended").isNotEqualTo(200);
            HttpResponse<String> later = launchNow(owner, "4", "rl-plan-overdue");
            assertThat(later.uri().getPath()).endsWith(page.uri().getPath().replaceAll(".*(/plan/[^/]+)$", "$1"));
            assertThat(later.body()).contains("id=\"reminders\"", "Seurantakerta "
                    + PlanHttpTest.day(today.plusDays(2)) + " on mennyt. Kirjaa se pidetyksi")
                    .doesNotContain("Seurantakerta on tulossa");
            HttpResponse<String> sameDayAgain = owner.post(later.uri() + "/review", Map.of("csrf",
                    PagesHttpTest.csrf(later.body()), "review.date", PlanHttpTest.day(today.plusDays(2))));
            assertThat(sameDayAgain.statusCode()).as("the day that was ahead is now past").isEqualTo(422);
        } finally {
            fixture.clock.advance(Duration.ofDays(-5));
        }
    }
}
