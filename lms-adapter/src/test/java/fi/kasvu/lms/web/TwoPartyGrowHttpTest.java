package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two-party GROW over HTTP on the real tool (issue 16): a development discussion whose coachee
 * invites the coach from the roster, the coach reading only what was shared and keeping notes
 * nobody else reads, completion needing the coach and scoring the coachee alone; the teacher's
 * pairing; and every bad input (not on the roster, oneself, twice, stale tabs on both sides, a coach
 * who left the course, other people's conversations).
 */
class TwoPartyGrowHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    static HttpResponse<String> launch(PagesHttpTest.NoScriptBrowser browser, String subject, String roles,
                                       String resourceLink, String template) throws Exception {
        return fixture.launch(browser, subject, roles, "fi-FI", resourceLink, "Kehityskeskustelu",
                Map.of("kasvu_kind", "grow", "kasvu_template", template));
    }

    static HttpResponse<String> launch(PagesHttpTest.NoScriptBrowser browser, String subject, String roles,
                                       String resourceLink) throws Exception {
        return launch(browser, subject, roles, resourceLink, "development-discussion");
    }

    /** The coachee's conversation id, from the coach's list page. */
    static String conversationPath(String coachList) {
        return coachList.replaceAll("(?s).*href=\"[^\"]*(/coaching/[^\"/]+)\".*", "$1");
    }

    /** Works through Reality, Options and Will to the summary, with what was tried in Reality. */
    static void workThrough(PagesHttpTest.NoScriptBrowser b, String base, String csrf, String reality)
            throws Exception {
        HttpResponse<String> toSummary = GrowWalk.realityToSummary(b, base, csrf, new GrowWalk.Words(reality,
                "Kuuntelen ensin", List.of("Kysyn enemmän", "Delegoin", "Pidän tauon"), "Varaan ajan", "8"));
        assertThat(toSummary.headers().firstValue("Location").orElseThrow()).endsWith("/summary");
    }

    @Test
    void theCoacheeInvitesTheCoach_whoReadsOnlyWhatIsShared_keepsPrivateNotes_andOnlyTheCoacheeIsScored()
            throws Exception {
        String rl = "rl-two-1";
        PagesHttpTest.NoScriptBrowser coachee = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> goal = launch(coachee, "2", PagesFixture.LEARNER, rl);
        assertThat(goal.uri().getPath()).endsWith("/grow/goal");
        assertThat(goal.body()).contains("etkä ole vielä valinnut valmentajaasi", "id=\"f-participants-coach\"");
        String base = PagesHttpTest.base(goal);
        String csrf = PagesHttpTest.csrf(goal.body());

        HttpResponse<String> noCoach = coachee.follow(coachee.post(base + "/grow/goal", Map.of("csrf", csrf,
                "do", "next", "goal.sessionGoal", "JAETTU-TAVOITE kysyn ennen kuin neuvon", "goal.measures",
                "Tiimi sanoo")));
        assertThat(noCoach.uri().toString()).endsWith("/grow/goal?check=1");
        assertThat(noCoach.body()).contains("Valitse valmentajasi – esihenkilösi tai perehdyttäjäsi",
                "href=\"#f-participants-coach\"", "JAETTU-TAVOITE");

        HttpResponse<String> coachPage = coachee.get(base + "/coach");
        assertThat(coachPage.body()).contains("<option value=\"3\"", "Member 3", "name=\"was\" value=\"\"")
                .doesNotContain("<option value=\"2\"", "<option value=\"1\"");
        HttpResponse<String> stranger = coachee.post(base + "/coach", Map.of("csrf", csrf, "coach", "x-99", "was", ""));
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(stranger.body()).contains("Valitse valmentajasi kurssin osallistujista.", "href=\"#f-coach\"");
        HttpResponse<String> self = coachee.post(base + "/coach", Map.of("csrf", csrf, "coach", "2", "was", ""));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("Et voi olla oma valmentajasi.");
        HttpResponse<String> invited = coachee.follow(coachee.post(base + "/coach", Map.of("csrf", csrf,
                "coach", "3", "was", "")));
        assertThat(invited.body()).contains("Member 3 on nyt valmentajasi.", "Valmentajasi: Member 3.");
        HttpResponse<String> twice = coachee.follow(coachee.post(base + "/coach", Map.of("csrf", csrf,
                "coach", "3", "was", "")));
        assertThat(twice.body()).contains("Member 3 on jo valmentajasi.");
        HttpResponse<String> staleTab = coachee.post(base + "/coach", Map.of("csrf", csrf, "coach", "4", "was", ""));
        assertThat(staleTab.statusCode()).isEqualTo(422);
        assertThat(staleTab.body()).contains("Valmentajasi vaihdettiin sillä välin toisessa ikkunassa (nyt: Member 3)",
                "<option value=\"4\" selected");

        HttpResponse<String> reality = coachee.follow(coachee.post(base + "/grow/goal", Map.of("csrf", csrf,
                "do", "next", "goal.sessionGoal", "JAETTU-TAVOITE kysyn ennen kuin neuvon", "goal.measures",
                "Tiimi sanoo")));
        assertThat(reality.uri().getPath()).endsWith("/grow/reality");
        workThrough(coachee, base, csrf, "YKSITYINEN-NYKYTILA en ole uskaltanut");
        coachee.post(base + "/summary", Map.of("csrf", csrf, "do", "share", "share.goal", "on"));
        assertThat(coachee.get(base + "/summary").body()).contains("Jakaminen valmentajalle ja opettajalle");

        PagesHttpTest.NoScriptBrowser coach = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> list = launch(coach, "3", PagesFixture.LEARNER, rl);
        assertThat(list.uri().getPath()).endsWith("/coaching");
        assertThat(list.body()).contains("Valmennettavasi", "Member 2", "Aloita oma keskustelu");
        String coachBase = PagesHttpTest.base(list);
        String coachCsrf = PagesHttpTest.csrf(list.body());
        String path = conversationPath(list.body());
        HttpResponse<String> detail = coach.get(coachBase + path);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("JAETTU-TAVOITE", "Ei jaettu: Nykytila, Vaihtoehdot, Tahto")
                .doesNotContain("YKSITYINEN-NYKYTILA", "Kuuntelen ensin", "Varaan ajan");
        HttpResponse<String> tooLong = coach.post(coachBase + path + "/notes", Map.of("csrf", coachCsrf,
                "notes", "x".repeat(5001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("enintään 5000 merkkiä");
        HttpResponse<String> control = coach.post(coachBase + path + "/notes", Map.of("csrf", coachCsrf,
                "notes", "piilo\u0007merkki"));
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(coachee.post(base + "/coach", Map.of("csrf", csrf, "coach", "4\u0000", "was", "3")).statusCode())
                .isEqualTo(422);
        assertThat(coachee.get(base + "/coach").body()).contains("Valmentajasi: Member 3.");
        HttpResponse<String> noted = coach.follow(coach.post(coachBase + path + "/notes", Map.of("csrf", coachCsrf,
                "notes", "VALMENTAJAN-SALAISUUS kysy tiimistä")));
        assertThat(noted.body()).contains("Muistiinpanosi tallennettiin.", "VALMENTAJAN-SALAISUUS kysy tiimistä")
                .doesNotContain("piilo");
        HttpResponse<String> emptySuggestion = coach.post(coachBase + path + "/suggest", Map.of("csrf", coachCsrf,
                "suggestion", " "));
        assertThat(emptySuggestion.statusCode()).isEqualTo(422);
        assertThat(emptySuggestion.body()).contains("Kirjoita ensin vaihtoehto, jota ehdotat.",
                "VALMENTAJAN-SALAISUUS kysy tiimistä");
        HttpResponse<String> longSuggestion = coach.post(coachBase + path + "/suggest", Map.of("csrf", coachCsrf,
                "suggestion", "y".repeat(501)));
        assertThat(longSuggestion.statusCode()).isEqualTo(422);
        assertThat(longSuggestion.body()).contains("enintään 500 merkkiä", "y".repeat(501));
        assertThat(coach.follow(coach.post(coachBase + path + "/suggest", Map.of("csrf", coachCsrf,
                "suggestion", "VALMENTAJAN-EHDOTUS kysy palautetta")))).extracting(HttpResponse::body).asString()
                .contains("Ehdotuksesi lisättiin vaihtoehtoihin.").doesNotContain("Kysyn enemmän");
        assertThat(coachee.get(base + "/grow/options").body()).contains("VALMENTAJAN-EHDOTUS kysy palautetta",
                "Kysyn enemmän");
        // The coach's session reaches none of the coachee's own pages.
        assertThat(coach.follow(coach.get(coachBase + "/summary")).uri().getPath()).endsWith("/coaching");
        assertThat(coach.get(coachBase + "/summary.json").headers().firstValue("Location").orElse(""))
                .endsWith("/start");

        for (String page : List.of("/grow/goal", "/grow/reality", "/summary", "/coach", "/summary.json")) {
            assertThat(coachee.get(base + page).body()).as(page).doesNotContain("VALMENTAJAN-SALAISUUS");
        }
        PagesHttpTest.NoScriptBrowser other = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> otherHome = launch(other, "5", PagesFixture.LEARNER, rl);
        String otherBase = PagesHttpTest.base(otherHome);
        HttpResponse<String> notTheirs = other.get(otherBase + path);
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.body()).doesNotContain("JAETTU-TAVOITE", "Member 2");
        assertThat(other.post(otherBase + path + "/notes", Map.of("csrf", PagesHttpTest.csrf(otherHome.body()),
                "notes", "vieras")).statusCode()).isEqualTo(404);
        assertThat(other.post(otherBase + path + "/suggest", Map.of("csrf", PagesHttpTest.csrf(otherHome.body()),
                "suggestion", "VIERAAN-EHDOTUS")).statusCode()).isEqualTo(404);
        assertThat(coachee.get(base + "/grow/options").body()).doesNotContain("VIERAAN-EHDOTUS");
        HttpResponse<String> noSuch = coach.get(coachBase + "/coaching/nope-id");
        assertThat(noSuch.statusCode()).isEqualTo(404);
        String main = "(?s).*<main[^>]*>(.*)</main>.*";
        assertThat(noSuch.body().replaceAll(main, "$1")).as("the same answer whether the id exists or not")
                .isEqualTo(notTheirs.body().replaceAll(main, "$1").replace(otherBase.replaceAll("^https?://[^/]+", ""),
                        coachBase.replaceAll("^https?://[^/]+", "")))
                .contains("Tämä ei ole keskustelu, jota valmennat");
        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> progress = launch(teacher, "1", PagesFixture.INSTRUCTOR, rl);
        assertThat(progress.body()).contains("JAETTU-TAVOITE", "Muodosta valmennettava–valmentaja-parit",
                        "<th scope=\"col\">Valmentaja</th>", "etkä koskaan valmentajien muistiinpanoja")
                .doesNotContain("VALMENTAJAN-SALAISUUS", "YKSITYINEN-NYKYTILA");
        assertThat(teacher.get(PagesHttpTest.base(progress) + path).statusCode()).isEqualTo(404);

        HttpResponse<String> completed = coachee.follow(coachee.post(base + "/summary",
                Map.of("csrf", csrf, "do", "complete")));
        assertThat(completed.body()).contains("harjoitus on valmis");
        for (int i = 0; i < 100 && fixture.platform.scores.stream().noneMatch(s -> s.getString("userId").equals("2"));
             i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
        }
        assertThat(fixture.platform.scores).anySatisfy(s -> assertThat(s.getString("userId")).isEqualTo("2"));
        fixture.server.deliverScores();
        assertThat(fixture.platform.scores).noneMatch(s -> s.getString("userId").equals("3"));
        assertThat(coach.get(coachBase + path).body()).contains("Kyllä, ");
        assertThat(logs.logged()).doesNotContain("VALMENTAJAN-SALAISUUS", "YKSITYINEN-NYKYTILA", "JAETTU-TAVOITE", "piilo");
    }

    @Test
    void theTeacherPairs_staleTabsAreRefused_andACoachWhoLeftTheCourseSeesNothingMore() throws Exception {
        String rl = "rl-two-2";
        fixture.platform.extraMembers.add(Json.createObjectBuilder().add("status", "Active")
                .add("roles", Json.createArrayBuilder().add("Learner")).add("user_id", "c-10")
                .add("name", "Coach Ten").build());
        try {
            PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> progress = launch(teacher, "1", PagesFixture.INSTRUCTOR, rl);
            String teacherBase = PagesHttpTest.base(progress);
            String teacherCsrf = PagesHttpTest.csrf(progress.body());
            assertThat(progress.body()).contains("href=\"" + progress.uri().getPath().replace("/progress", "/pairs") + "\"");
            HttpResponse<String> pairs = teacher.get(teacherBase + "/pairs");
            assertThat(pairs.statusCode()).isEqualTo(200);
            assertThat(pairs.body()).contains("Coach Ten", "Valmentaja: Member 6");
            String row = pairs.body().replaceAll("(?s).*name=\"coachee\" value=\"6\">\\s*<input type=\"hidden\" "
                    + "name=\"was\" value=\"\">\\s*<input type=\"hidden\" name=\"row\" value=\"([0-9]+)\".*", "$1");

            HttpResponse<String> notOnRoster = teacher.post(teacherBase + "/pairs", Map.of("csrf", teacherCsrf,
                    "coachee", "6", "row", row, "coach." + row, "x-99", "was", ""));
            assertThat(notOnRoster.statusCode()).isEqualTo(422);
            assertThat(notOnRoster.body()).contains("Valitse molemmat henkilöt kurssin osallistujista.");
            HttpResponse<String> paired = teacher.follow(teacher.post(teacherBase + "/pairs", Map.of("csrf",
                    teacherCsrf, "coachee", "6", "row", row, "coach." + row, "c-10", "was", "")));
            assertThat(paired.body()).contains("Coach Ten valmentaa nyt henkilöä Member 6.");
            HttpResponse<String> stale = teacher.post(teacherBase + "/pairs", Map.of("csrf", teacherCsrf,
                    "coachee", "6", "row", row, "coach." + row, "7", "was", ""));
            assertThat(stale.statusCode()).isEqualTo(422);
            assertThat(stale.body()).contains("Henkilön Member 6 valmentaja vaihdettiin sillä välin (nyt: Coach Ten)");
            HttpResponse<String> self = teacher.post(teacherBase + "/pairs", Map.of("csrf", teacherCsrf,
                    "coachee", "6", "row", row, "coach." + row, "6", "was", "c-10"));
            assertThat(self.statusCode()).isEqualTo(422);
            assertThat(self.body()).contains("Member 6 ei voi valmentaa itseään.");
            PagesHttpTest.NoScriptBrowser learner = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> learnerHome = launch(learner, "8", PagesFixture.LEARNER, rl);
            assertThat(learner.get(PagesHttpTest.base(learnerHome) + "/pairs").statusCode()).isEqualTo(404);

            PagesHttpTest.NoScriptBrowser coach = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> list = launch(coach, "c-10", PagesFixture.LEARNER, rl);
            assertThat(list.body()).contains("Member 6");
            String coachBase = PagesHttpTest.base(list);
            String coachCsrf = PagesHttpTest.csrf(list.body());
            String path = conversationPath(list.body());
            assertThat(coach.follow(coach.post(coachBase + path + "/notes", Map.of("csrf", coachCsrf, "notes",
                    "ENSIMMÄINEN-MUISTIINPANO")))).extracting(HttpResponse::body).asString()
                    .contains("Muistiinpanosi tallennettiin.");

            PagesHttpTest.NoScriptBrowser coachee = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> goal = launch(coachee, "6", PagesFixture.LEARNER, rl);
            assertThat(goal.body()).contains("Valmentajasi: Coach Ten.");
            String base = PagesHttpTest.base(goal);
            String csrf = PagesHttpTest.csrf(goal.body());

            fixture.platform.extraMembers.removeIf(m -> m.getString("user_id").equals("c-10"));
            HttpResponse<String> left = coach.get(coachBase + path);
            assertThat(left.statusCode()).isEqualTo(403);
            assertThat(left.body()).contains("Et ole enää tällä kurssilla").doesNotContain("ENSIMMÄINEN-MUISTIINPANO");
            assertThat(coachee.get(base + "/grow/goal").body()).contains("ei ole enää kurssilla. Valitse toinen valmentaja.");
            HttpResponse<String> blocked = coachee.follow(coachee.post(base + "/grow/goal", Map.of("csrf", csrf,
                    "do", "next", "goal.sessionGoal", "Opin talon tavat", "goal.measures", "Osaan kysyä")));
            assertThat(blocked.uri().toString()).endsWith("/grow/goal?check=1");
            assertThat(blocked.body()).contains("on lähtenyt kurssilta. Valitse toinen valmentaja ennen kuin jatkat.",
                    "Opin talon tavat");

            HttpResponse<String> changed = coachee.follow(coachee.post(base + "/coach", Map.of("csrf", csrf,
                    "coach", "7", "was", "c-10")));
            assertThat(changed.body()).contains("Member 7 on nyt valmentajasi.");
            fixture.platform.extraMembers.add(Json.createObjectBuilder().add("status", "Active")
                    .add("roles", Json.createArrayBuilder().add("Learner")).add("user_id", "c-10")
                    .add("name", "Coach Ten").build());
            HttpResponse<String> staleNotes = coach.post(coachBase + path + "/notes", Map.of("csrf", coachCsrf,
                    "notes", "MYÖHÄINEN-LUONNOS"));
            assertThat(staleNotes.statusCode()).isEqualTo(404);
            assertThat(staleNotes.body()).contains("et ole enää sen valmentaja", "Muistiinpanojasi ei tallennettu",
                    "MYÖHÄINEN-LUONNOS")
                    .doesNotContain("Opin talon tavat");

            PagesHttpTest.NoScriptBrowser newCoach = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> newList = launch(newCoach, "7", PagesFixture.LEARNER, rl);
            HttpResponse<String> newDetail = newCoach.get(PagesHttpTest.base(newList) + conversationPath(newList.body()));
            assertThat(newDetail.statusCode()).isEqualTo(200);
            assertThat(newDetail.body()).doesNotContain("ENSIMMÄINEN-MUISTIINPANO", "MYÖHÄINEN-LUONNOS");
            HttpResponse<String> next = coachee.follow(coachee.post(base + "/grow/goal", Map.of("csrf", csrf,
                    "do", "next", "goal.sessionGoal", "Opin talon tavat", "goal.measures", "Osaan kysyä")));
            assertThat(next.uri().getPath()).endsWith("/grow/reality");
            assertThat(logs.logged()).doesNotContain("ENSIMMÄINEN-MUISTIINPANO", "MYÖHÄINEN-LUONNOS", "Opin talon tavat");
        } finally {
            fixture.platform.extraMembers.removeIf(m -> m.getString("user_id").equals("c-10"));
        }
    }

    @Test
    void aSelfTemplate_staysAlone_withNoCoachAndNoPairingPage() throws Exception {
        String rl = "rl-two-3";
        PagesHttpTest.NoScriptBrowser learner = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> goal = launch(learner, "4", PagesFixture.LEARNER, rl, "personal-development");
        assertThat(goal.body()).doesNotContain("coach-box", "valmentaja");
        assertThat(learner.get(PagesHttpTest.base(goal) + "/coach").statusCode()).isEqualTo(404);
        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> progress = launch(teacher, "1", PagesFixture.INSTRUCTOR, rl, "personal-development");
        assertThat(progress.body()).doesNotContain("/pairs");
        assertThat(teacher.get(PagesHttpTest.base(progress) + "/pairs").statusCode()).isEqualTo(404);
    }
}
