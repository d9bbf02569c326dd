package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 360's rounds over HTTP on the real tool (Jetty, H2, the platform simulator's roster "Member
 * 2".."Member 9"): the teacher invites raters for a learner from the roster, withdraws an
 * invitation and closes a learner's round; the subject withdraws their own invitation; stale tabs,
 * learners of no course, forged and oversized ids get a message in the user's language and change
 * nothing; and "others" holding every answer is shown once on the report, not twice.
 */
class FeedbackRoundsHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static HttpResponse<String> launch(PagesHttpTest.NoScriptBrowser browser, String subject, String roles, String locale,
                                       String rl) throws Exception {
        return FeedbackHttpTest.launch(fixture, browser, subject, roles, locale, rl);
    }

    /** Every withdraw form's invitation id on the page, in order. */
    static List<String> invitationIds(String html) {
        Matcher m = Pattern.compile("name=\"invitation\" value=\"([^\"]+)\"").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** A roster rater answers the first assessment they were asked to give, rating every statement. */
    static void answer(String rater, String rl, String rating, String comment) throws Exception {
        PagesHttpTest.NoScriptBrowser browser = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> home = launch(browser, rater, PagesFixture.LEARNER, "en-GB", rl);
        String base = PagesHttpTest.base(home);
        String link = home.body().replaceAll("(?s).*href=\"([^\"]*/feedback/rate/[^\"]+)\".*", "$1");
        String url = URI.create(base).resolve(link).toString();
        Map<String, String> answers = FeedbackHttpTest.ratings(browser.get(url).body(), rating);
        answers.put("csrf", PagesHttpTest.csrf(home.body()));
        answers.put("strengths", comment);
        assertThat(browser.post(url, answers).statusCode()).isEqualTo(303);
    }

    @Test
    void theTeacher_invitesForALearner_withdraws_andClosesTheRound_neverSeeingAnAnswer() throws Exception {
        String rl = "rl-360-teacher";
        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> manage = launch(teacher, "1", PagesFixture.INSTRUCTOR, "fi-FI", rl);
        assertThat(manage.statusCode()).isEqualTo(200);
        assertThat(manage.uri().getPath()).endsWith("/feedback/manage");
        assertThat(manage.body()).contains("<h1>360-arviointi: arvioijat ja kierrokset</h1>", "Member 3",
                "Ei aloitettu", "Edistyminen ja jaetut raportit");
        String base = PagesHttpTest.base(manage);
        String csrf = PagesHttpTest.csrf(manage.body());
        HttpResponse<String> progress = teacher.get(base + "/progress");
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("/feedback/manage\">360-arviointi: arvioijat ja kierrokset</a>");

        HttpResponse<String> noSubject = teacher.post(base + "/feedback/manage/invite", Map.of("csrf", csrf,
                "subject", "not-in-course", "rater", "4", "group", "PEERS"));
        assertThat(noSubject.statusCode()).isEqualTo(422);
        assertThat(noSubject.body()).contains("Valitse tämän kurssin oppija.", "href=\"#f-subject\"",
                "<option value=\"4\" selected>");
        HttpResponse<String> badGroup = teacher.post(base + "/feedback/manage/invite", Map.of("csrf", csrf,
                "subject", "3", "rater", "4", "group", "SELF"));
        assertThat(badGroup.statusCode()).isEqualTo(422);
        assertThat(badGroup.body()).contains("Valitse jokin arvioijaryhmistä.");
        HttpResponse<String> self = teacher.post(base + "/feedback/manage/invite", Map.of("csrf", csrf,
                "subject", "3", "rater", "3", "group", "PEERS"));
        assertThat(self.statusCode()).isEqualTo(422);

        for (String rater : List.of("4", "5", "6", "7")) {
            HttpResponse<String> invited = teacher.follow(teacher.post(base + "/feedback/manage/invite",
                    Map.of("csrf", csrf, "subject", "3", "rater", rater, "group", "PEERS")));
            assertThat(invited.body()).contains("Arvioija kutsuttiin.");
        }
        HttpResponse<String> twice = teacher.post(base + "/feedback/manage/invite", Map.of("csrf", csrf,
                "subject", "3", "rater", "4", "group", "OTHERS"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("Tämä henkilö on jo kutsuttu arvioijaksi.", "<option value=\"3\" selected>");

        PagesHttpTest.NoScriptBrowser subject = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> subjectHome = launch(subject, "3", PagesFixture.LEARNER, "fi-FI", rl);
        assertThat(FeedbackHttpTest.section(subjectHome.body(), "h-invite")).contains("Member 4 – Kollegat",
                "Member 7 – Kollegat");

        HttpResponse<String> page = teacher.get(base + "/feedback/manage");
        String row7 = page.body().substring(page.body().indexOf("Member 7 – Kollegat"));
        String seven = invitationIds(row7).get(0);
        HttpResponse<String> withdrawn = teacher.follow(teacher.post(base + "/feedback/manage/withdraw",
                Map.of("csrf", csrf, "subject", "3", "invitation", seven)));
        assertThat(withdrawn.body()).contains("Kutsu peruttiin.").doesNotContain("Member 7 – Kollegat");
        HttpResponse<String> stale = teacher.post(base + "/feedback/manage/withdraw",
                Map.of("csrf", csrf, "subject", "3", "invitation", seven));
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("href=\"#learners\"", "Member 4 – Kollegat");
        HttpResponse<String> foreign = teacher.post(base + "/feedback/manage/withdraw",
                Map.of("csrf", csrf, "subject", "x-99", "invitation", seven));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("Valitse kutsu luettelosta");
        HttpResponse<String> oversized = teacher.post(base + "/feedback/manage/withdraw",
                Map.of("csrf", csrf, "subject", "3", "invitation", "i".repeat(5000)));
        assertThat(oversized.statusCode()).isEqualTo(422);
        assertThat(oversized.body()).contains("Valitse kutsu luettelosta");
        assertThat(teacher.post(base + "/feedback/manage/withdraw", Map.of("csrf", csrf, "subject", "3",
                "invitation", "x\u0001y")).statusCode()).isEqualTo(422);
        PagesHttpTest.NoScriptBrowser seventh = new PagesHttpTest.NoScriptBrowser();
        assertThat(launch(seventh, "7", PagesFixture.LEARNER, "fi-FI", rl).body()).doesNotContain("Arvioi Member 3");

        String secret = "OPETTAJA-EI-NÄE kommentti";
        for (String rater : List.of("4", "5", "6")) {
            answer(rater, rl, "4", secret + " " + rater);
        }
        HttpResponse<String> counted = teacher.get(base + "/feedback/manage");
        assertThat(counted.body()).contains("<td>3</td><td>3</td>").doesNotContain(secret);

        HttpResponse<String> closeUnknown = teacher.post(base + "/feedback/manage/close",
                Map.of("csrf", csrf, "subject", "8"));
        assertThat(closeUnknown.statusCode()).isEqualTo(422);
        assertThat(closeUnknown.body()).contains("Oppijalla ei ole avointa arviointia tässä aktiviteetissa.");
        HttpResponse<String> closed = teacher.follow(teacher.post(base + "/feedback/manage/close",
                Map.of("csrf", csrf, "subject", "3")));
        assertThat(closed.body()).contains("Kierros suljettiin", "Suljettu").doesNotContain(secret);
        HttpResponse<String> again = teacher.post(base + "/feedback/manage/close", Map.of("csrf", csrf, "subject", "3"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(teacher.get(base + "/progress").body()).doesNotContain(secret);

        HttpResponse<String> report = subject.get(PagesHttpTest.base(subjectHome) + "/feedback/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Kollegat: 3 vastausta", secret + " 4");
        PagesHttpTest.NoScriptBrowser learnerAsTeacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> learnerHome = launch(learnerAsTeacher, "5", PagesFixture.LEARNER, "fi-FI", rl);
        assertThat(learnerAsTeacher.post(PagesHttpTest.base(learnerHome) + "/feedback/manage/close",
                Map.of("csrf", PagesHttpTest.csrf(learnerHome.body()), "subject", "3")).statusCode()).isEqualTo(404);
        assertThat(learnerAsTeacher.get(PagesHttpTest.base(learnerHome) + "/feedback/manage").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSubject_withdrawsAnInvitation_andAStaleTabIsToldItIsNoLongerPending() throws Exception {
        String rl = "rl-360-withdraw";
        PagesHttpTest.NoScriptBrowser subject = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> home = launch(subject, "2", PagesFixture.LEARNER, "sv-FI", rl);
        String base = PagesHttpTest.base(home);
        String csrf = PagesHttpTest.csrf(home.body());
        subject.post(base + "/feedback/invite", Map.of("csrf", csrf, "rater", "5", "group", "DIRECT_REPORTS"));
        subject.post(base + "/feedback/link", Map.of("csrf", csrf, "linkgroup", "OTHERS"));
        HttpResponse<String> listed = subject.get(base + "/feedback");
        String invite = FeedbackHttpTest.section(listed.body(), "h-invite");
        assertThat(invite).contains("Member 5 – Teammedlemmar", "En länk – Andra, öppen till",
                "aria-label=\"Dra tillbaka inbjudan: Member 5 – Teammedlemmar\"");
        List<String> ids = invitationIds(invite);
        assertThat(ids).hasSize(2);
        String five = invitationIds(invite.substring(invite.indexOf("<bdi>Member 5 – "))).get(0);

        PagesHttpTest.NoScriptBrowser rater = new PagesHttpTest.NoScriptBrowser();
        assertThat(launch(rater, "5", PagesFixture.LEARNER, "sv-FI", rl).body()).contains("Bedöm Member 2");

        HttpResponse<String> withdrawn = subject.follow(subject.post(base + "/feedback/withdraw",
                Map.of("csrf", csrf, "invitation", five)));
        assertThat(withdrawn.body()).contains("Inbjudan drogs tillbaka.");
        assertThat(FeedbackHttpTest.section(withdrawn.body(), "h-invite")).doesNotContain("Member 5 – ")
                .contains("En länk – Andra");
        assertThat(FeedbackHttpTest.section(withdrawn.body(), "h-counts"))
                .contains("<th scope=\"row\">Teammedlemmar</th><td>0</td><td>0</td>");
        HttpResponse<String> raterAfter = launch(rater, "5", PagesFixture.LEARNER, "sv-FI", rl);
        assertThat(raterAfter.body()).doesNotContain("Bedöm Member 2");

        HttpResponse<String> stale = subject.post(base + "/feedback/withdraw", Map.of("csrf", csrf, "invitation", five));
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("href=\"#invited\"", "En länk – Andra");
        HttpResponse<String> unknown = subject.post(base + "/feedback/withdraw", Map.of("csrf", csrf,
                "invitation", "someone-elses-" + five));
        assertThat(unknown.statusCode()).isEqualTo(422);
        HttpResponse<String> forged = subject.post(base + "/feedback/withdraw", Map.of("csrf", csrf,
                "invitation", "<script>"));
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body()).contains("Välj en inbjudan i listan").doesNotContain("<script>");

        assertThat(subject.follow(subject.post(base + "/feedback/invite", Map.of("csrf", csrf, "rater", "5",
                "group", "PEERS"))).body()).contains("Member 5 – Kolleger");

        PagesHttpTest.NoScriptBrowser other = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> otherHome = launch(other, "6", PagesFixture.LEARNER, "sv-FI", rl);
        HttpResponse<String> notTheirs = other.post(PagesHttpTest.base(otherHome) + "/feedback/withdraw",
                Map.of("csrf", PagesHttpTest.csrf(otherHome.body()), "invitation", ids.get(0)));
        assertThat(notTheirs.statusCode()).isEqualTo(422);
        assertThat(FeedbackHttpTest.section(subject.get(base + "/feedback").body(), "h-invite"))
                .contains("Member 5 – Kolleger", "En länk – Andra");
    }

    @Test
    void othersHoldingEveryAnswer_areShownOnce_notAsASecondGroupWithTheSameFigures() throws Exception {
        String rl = "rl-360-others";
        PagesHttpTest.NoScriptBrowser subject = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> home = launch(subject, "8", PagesFixture.LEARNER, "en-GB", rl);
        String base = PagesHttpTest.base(home);
        String csrf = PagesHttpTest.csrf(home.body());
        for (String rater : List.of("2", "3", "4")) {
            subject.post(base + "/feedback/invite", Map.of("csrf", csrf, "rater", rater, "group", "OTHERS"));
            answer(rater, rl, "3", "Comment " + rater);
        }
        HttpResponse<String> report = subject.follow(subject.post(base + "/feedback/close", Map.of("csrf", csrf)));
        String body = report.body();
        assertThat(body).contains("The others' view rests on 3 answers.", "Comment 2", "Comment 4");
        assertThat(body).doesNotContain("Others: 3 answers, shown apart.", "Others: 3.0");
        assertThat(body.split("<td>3.0</td>", -1).length - 1).as("one others' mean per statement").isEqualTo(18);
    }
}
