package fi.kasvu.lms.web;

import static fi.kasvu.lms.web.PagesHttpTest.base;
import static fi.kasvu.lms.web.PagesHttpTest.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the learner and the teacher read about a score is what the platform answered: a refusal
 * reads refused (never "sent") on both sides and the teacher can send it again; a 409 reads as its
 * own state. Real server, real H2 file, the platform simulator's AGS endpoint.
 */
class ScoreStateHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @AfterEach
    void platformAcceptsAgain() {
        fixture.platform.answerScores(0);
    }

    @Test
    void aRefusedScore_readsRefusedForLearnerAndTeacher_andTheTeacherSendsItAgain() throws Exception {
        fixture.platform.answerScores(400);
        Learner learner = completed("score-400", "rl-score-400", "Rita Refused");

        HttpResponse<String> summary = until(learner, page -> page.body().contains("The course refused"));
        assertThat(summary.body()).contains("The course refused your completion (status 400:", "Grade item is locked")
                .doesNotContain("was sent to the course");
        assertThat(fixture.platform.scores).noneMatch(s -> s.getString("userId").equals("score-400"));

        fixture.as(PagesFixture.INSTRUCTOR, "en-GB", "rl-score-400", "Tina Teacher");
        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> progress = teacher.follow(teacher.launch(fixture.login("score-400-teacher", false)));
        assertThat(progress.uri().getPath()).endsWith("/progress");
        assertThat(progress.body()).contains("Refused (status 400:", "Send again", "name=\"subject\" value=\"score-400\"")
                .doesNotContain("<td>Sent");
        String teacherBase = base(progress);

        assertThat(teacher.post(teacherBase + "/progress/resend", Map.of("subject", "score-400")).statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(learner.browser.post(learner.base + "/progress/resend", Map.of("csrf", learner.csrf,
                "subject", "score-400")).statusCode()).as("a learner cannot re-send").isEqualTo(404);
        HttpResponse<String> foreign = teacher.follow(teacher.post(teacherBase + "/progress/resend",
                Map.of("csrf", csrf(progress.body()), "subject", "someone-else")));
        assertThat(foreign.body()).contains("There was no refused score to send again.");

        fixture.platform.answerScores(0);
        HttpResponse<String> resent = teacher.post(teacherBase + "/progress/resend",
                Map.of("csrf", csrf(progress.body()), "subject", "score-400"));
        assertThat(resent.statusCode()).isEqualTo(303);
        assertThat(teacher.follow(resent).body()).contains("The score is queued again.");

        deliverUntil(() -> fixture.platform.scores.stream().anyMatch(s -> s.getString("userId").equals("score-400")));
        assertThat(until(learner, page -> page.body().contains("was sent to the course")).body())
                .contains("Your completion was sent to the course.").doesNotContain("refused");
        assertThat(teacher.get(teacherBase + "/progress").body()).contains("<td>Sent").doesNotContain("Send again");
    }

    @Test
    void aScoreThePlatformHoldsANewerOneOf_readsSuperseded_notSentNorRefused() throws Exception {
        fixture.platform.answerScores(409);
        Learner learner = completed("score-409", "rl-score-409", "Sam Superseded");

        HttpResponse<String> summary = until(learner, page -> page.body().contains("newer score"));
        assertThat(summary.body()).contains("The course already holds a newer score for you")
                .doesNotContain("was sent to the course", "refused");

        fixture.as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-score-409", "Olli Opettaja");
        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> progress = teacher.follow(teacher.launch(fixture.login("score-409-teacher", false)));
        assertThat(progress.body()).contains("Ei otettu vastaan: kurssilla on uudempi arvosana", "Lähetä uudelleen")
                .doesNotContain("<td>Lähetetty");
    }

    /** A learner who went through every phase and completed the exercise. */
    record Learner(NoScriptBrowser browser, String base, String csrf) {
    }

    private static Learner completed(String subject, String resourceLink, String name) throws Exception {
        return completed(fixture, subject, resourceLink, name);
    }

    /** A learner of the fixture's platform who went through every phase over plain HTTP and completed. */
    static Learner completed(PagesFixture fixture, String subject, String resourceLink, String name) throws Exception {
        fixture.as(PagesFixture.LEARNER, "en-GB", resourceLink, name);
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login(subject, false)));
        String base = base(goal);
        String token = csrf(goal.body());
        browser.post(base + "/grow/goal", Map.of("csrf", token, "do", "next", "goal.sessionGoal", "Plan my week",
                "goal.measures", "Fridays are calm"));
        GrowWalk.realityToSummary(browser, base, token, GrowWalk.Words.ENGLISH);
        HttpResponse<String> completed = browser.post(base + "/summary", Map.of("csrf", token, "do", "complete"));
        assertThat(completed.headers().firstValue("Location").orElseThrow()).endsWith("/summary?completed=1");
        return new Learner(browser, base, token);
    }

    /** The learner's summary once it satisfies the condition, working the outbox meanwhile. */
    private static HttpResponse<String> until(Learner learner, Predicate<HttpResponse<String>> condition)
            throws Exception {
        HttpResponse<String> page = learner.browser.get(learner.base + "/summary");
        for (int i = 0; i < 100 && !condition.test(page); i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
            page = learner.browser.get(learner.base + "/summary");
        }
        return page;
    }

    private static void deliverUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("delivered").isTrue();
    }
}
