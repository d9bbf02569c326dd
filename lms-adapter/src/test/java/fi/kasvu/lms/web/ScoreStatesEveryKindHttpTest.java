package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.web.ExperimentHttpTest.Person;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import fi.kasvu.store.jdbc.ScoreStates;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stored score state reaches every gradable kind, not only GROW: the learner reads it on every
 * page of the activity (the web layer's frame) and the teacher in the progress view, a team's
 * member by member; a refusal (400) and a 409 read as such, never as sent; only the organiser of
 * the learner's own placement and tenant can send a score again; and scores are delivered by the
 * background worker only, never on a learner's request. Real server, H2 on disk, the platform
 * simulator's AGS endpoint over HTTP.
 */
class ScoreStatesEveryKindHttpTest {

    static PagesFixture fixture;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

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
        CountDownLatch hold = fixture.platform.holdScores;
        fixture.platform.holdScores = null;
        if (hold != null) {
            hold.countDown();
        }
    }

    static TenantId tenant() {
        return PlatformRegistration.tenantOf(fixture.platform.issuer(), PlatformSimulator.CLIENT_ID,
                PlatformSimulator.DEPLOYMENT_ID);
    }

    /** Launches the development plan placement as PlanHttpTest does, on this class's fixture. */
    static HttpResponse<String> launchPlan(NoScriptBrowser browser, String subject, String roles, String link)
            throws Exception {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", link,
                        "title", "Suunnitelma"))
                .claim("name", "Member " + subject)
                .claim(PagesFixture.CUSTOM, Map.of("kasvu_kind", "development-plan")));
        return browser.follow(browser.launch(fixture.login(subject, false)));
    }

    /** A development plan made complete (goal, action, follow-up, review) by a learner; returns the plan's URL. */
    static String completedPlan(NoScriptBrowser owner, String subject, String link) throws Exception {
        HttpResponse<String> page = launchPlan(owner, subject, PagesFixture.LEARNER, link);
        String plan = page.uri().toString();
        String csrf = PagesHttpTest.csrf(page.body());
        HttpResponse<String> goal = owner.follow(owner.post(plan + "/goal", Map.of("csrf", csrf, "goal.what",
                "Kysyn ensin", "goal.measures", "Tiimi tuo ratkaisuja")));
        String goalId = goal.body().replaceAll("(?s).*name=\"goal\" value=\"([^\"]+)\".*", "$1");
        owner.post(plan + "/action", Map.of("csrf", csrf, "goal", goalId, "what", "Kolme kysymystä", "due", ""));
        owner.post(plan + "/followup", Map.of("csrf", csrf, "followup", "Kuukausittain"));
        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), ZoneOffset.UTC);
        HttpResponse<String> scheduled = owner.follow(owner.post(plan + "/review", Map.of("csrf", csrf,
                "review.date", PlanHttpTest.day(today.plusDays(3)))));
        assertThat(scheduled.body()).as("the plan is complete").doesNotContain("Suunnitelmastasi puuttuu vielä");
        return plan;
    }

    @Test
    void aRefusedPlan_readsRefusedOnTheLearnersPage_andForTheTeacher_whoSendsItAgain_andOnlyThat() throws Exception {
        fixture.platform.answerScores(400);
        NoScriptBrowser owner = new NoScriptBrowser();
        String plan = completedPlan(owner, "plan-400", "rl-score-plan");

        HttpResponse<String> refused = until(() -> get(owner, plan), page -> page.contains("id=\"score-note\""));
        assertThat(refused.body()).contains("Kurssi ei hyväksynyt suoritustasi (tila 400: Grade item is locked)",
                "class=\"notice score-note refused\"").doesNotContain("Suorituksesi on lähetetty kurssille");

        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> progress = launchPlan(teacher, "plan-teacher", PagesFixture.INSTRUCTOR,
                "rl-score-plan");
        assertThat(progress.uri().getPath()).endsWith("/progress");
        assertThat(progress.body()).contains("Hylätty (tila 400:", "Lähetä uudelleen",
                "name=\"subject\" value=\"plan-400\"").doesNotContain("<td>Lähetetty");
        String base = PagesHttpTest.base(progress);
        String csrf = PagesHttpTest.csrf(progress.body());

        // Attacks: another tenant's refused score of a learner with the same user id on the same line
        // item URL, a refused score of this tenant on another placement's line item, oversized and
        // control-character ids. None is queued; the foreign states stay as they were.
        ScoreStates states = ScoreStates.of(fixture.database);
        TenantId foreign = TenantId.of("other-platform-tenant");
        String line = fixture.platform.lineItem().toString();
        String otherLine = fixture.platform.issuer() + "/ags/lineitems/2/lineitem?type_id=3";
        refusedRow(states, foreign, "https://other.example", line, "victim-1");
        refusedRow(states, tenant(), fixture.platform.issuer(), otherLine, "victim-2");
        int outbox = outboxRows();
        HttpResponse<String> control = teacher.post(base + "/progress/resend", Map.of("csrf", csrf,
                "subject", "plan\u0000400"));
        assertThat(control.statusCode()).as("a control character").isEqualTo(422);
        for (String subject : List.of("victim-1", "victim-2", "x".repeat(1001), "")) {
            HttpResponse<String> attempt = teacher.post(base + "/progress/resend", Map.of("csrf", csrf,
                    "subject", subject));
            assertThat(attempt.statusCode()).as(subject.length() > 20 ? "oversized" : subject).isEqualTo(303);
            assertThat(attempt.headers().firstValue("Location").orElseThrow()).endsWith("/progress?resent=0");
        }
        assertThat(teacher.post(base + "/progress/resend", Map.of("csrf", "stale-or-forged", "subject", "plan-400"))
                .statusCode()).as("a forged token").isEqualTo(403);
        assertThat(outboxRows()).as("nothing was queued by the attempts").isEqualTo(outbox);
        assertThat(states.find(foreign, line, "victim-1").orElseThrow().state()).isEqualTo(ScoreStates.State.REFUSED);
        assertThat(states.find(tenant(), otherLine, "victim-2").orElseThrow().state())
                .isEqualTo(ScoreStates.State.REFUSED);

        fixture.platform.answerScores(0);
        HttpResponse<String> resent = teacher.follow(teacher.post(base + "/progress/resend", Map.of("csrf", csrf,
                "subject", "plan-400")));
        assertThat(resent.body()).contains("Arvosana on taas jonossa.");
        HttpResponse<String> replay = teacher.follow(teacher.post(base + "/progress/resend", Map.of("csrf", csrf,
                "subject", "plan-400")));
        assertThat(replay.body()).as("a replayed re-send queues nothing more")
                .contains(fi.kasvu.lms.web.PageTexts.in(fi.kasvu.common.Language.FI).t("progress.resent.none"));

        HttpResponse<String> delivered = until(() -> get(owner, plan),
                page -> page.contains("Suorituksesi on lähetetty kurssille."));
        assertThat(delivered.body()).contains("class=\"notice score-note delivered\"").doesNotContain("hyväksynyt");
        assertThat(fixture.platform.scores.stream().filter(s -> s.getString("userId").equals("plan-400")))
                .hasSize(1);
        assertThat(teacher.get(base + "/progress").body()).contains("<td>Lähetetty").doesNotContain("Lähetä uudelleen");
    }

    @Test
    void aTeamDecisionThePlatformAnswers409_readsSupersededForEveryMember_andOneMemberIsSentAgain() throws Exception {
        String link = "rl-score-team";
        Person a = TeamScoresHttpTest.toEvaluation(fixture, link, ExperimentHttpTest.TEAM);
        fixture.platform.answerScores(409);
        a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt", "decision.reasons", "Toimi"));
        ScoreStates states = ScoreStates.of(fixture.database);
        String line = fixture.platform.lineItem().toString();
        deliverUntil(() -> TeamScoresHttpTest.TEAM_1.stream().allMatch(m -> states.find(tenant(), line, m)
                .map(s -> s.state() == ScoreStates.State.SUPERSEDED).orElse(false)));

        HttpResponse<String> page = a.get("step/sharing");
        assertThat(page.body()).contains("class=\"notice score-note superseded\"",
                "Kurssilla on sinulta jo uudempi arvosana").doesNotContain("Suorituksesi on lähetetty kurssille");

        Person teacher = ExperimentHttpTest.launch(fixture, "teacher-" + link, "Olli Opettaja", PagesFixture.INSTRUCTOR,
                link, "fi-FI", ExperimentHttpTest.TEAM);
        HttpResponse<String> progress = teacher.get("progress");
        assertThat(progress.statusCode()).isEqualTo(200);
        String body = progress.body();
        assertThat(body).as("the reason of the platform's JSON answer, not the JSON").contains("class=\"member-scores\"",
                "Member 2</bdi>: Ei otettu vastaan: kurssilla on uudempi arvosana (A newer score exists)");
        for (String member : TeamScoresHttpTest.TEAM_1) {
            assertThat(body).contains("name=\"subject\" value=\"" + member + "\"");
        }
        assertThat(body).as("the other team's members were never scored").doesNotContain("name=\"subject\" value=\"3\"");

        fixture.platform.answerScores(0);
        assertThat(teacher.post("progress/resend", Map.of("subject", "6")).headers().firstValue("Location")
                .orElseThrow()).endsWith("/progress?resent=1");
        deliverUntil(() -> fixture.platform.scores.stream().anyMatch(s -> s.getString("userId").equals("6")));
        String after = teacher.get("progress").body();
        assertThat(after).containsPattern("<bdi>[^<]*</bdi>: Lähetetty")
                .contains("name=\"subject\" value=\"2\"").doesNotContain("name=\"subject\" value=\"6\"");
    }

    @Test
    void aCompletionIsDeliveredByTheBackgroundWorker_neverOnTheLearnersRequest() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        fixture.platform.holdScores = hold;
        int attempts = fixture.platform.scoreAttempts.get();
        // The learner completes; her request returns while the platform holds the score post open.
        ScoreStateHttpTest.Learner learner = ScoreStateHttpTest.completed(fixture, "bg-1", "rl-score-bg", "Bea Back");
        for (int i = 0; i < 400 && fixture.platform.scoreAttempts.get() == attempts; i++) {
            Thread.sleep(25);
        }
        assertThat(fixture.platform.scoreAttempts.get()).as("the worker's post is in flight").isEqualTo(attempts + 1);
        HttpResponse<String> summary = learner.browser().get(learner.base() + "/summary");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("Sending it to the course is queued.");
        assertThat(fixture.platform.scores).noneMatch(s -> s.getString("userId").equals("bg-1"));

        hold.countDown();
        for (int i = 0; i < 400 && fixture.platform.scores.stream().noneMatch(s -> s.getString("userId")
                .equals("bg-1")); i++) {
            Thread.sleep(25);
        }
        assertThat(fixture.platform.scores).anyMatch(s -> s.getString("userId").equals("bg-1"));
        assertThat(fixture.platform.scoreAttempts.get()).as("one post, by the worker").isEqualTo(attempts + 1);
        for (int i = 0; i < 400 && logs.threadsLogging("Score outbox: 1 delivered").isEmpty(); i++) {
            Thread.sleep(25);
        }
        assertThat(logs.threadsLogging("Score outbox:")).as("every delivery round ran on the worker's thread")
                .containsExactly("kasvu-outbox");
        // Core's GROW event port is wired (GrowEventLog, not GrowEvents.none()): the completion is
        // heard, with ids only, never the learner's words or who she is.
        List<String> heard = logs.logged().lines().filter(l -> l.startsWith("GROW conversation ")).toList();
        assertThat(heard).anyMatch(l -> l.endsWith(" completed"));
        assertThat(String.join("\n", heard)).doesNotContain("bg-1", "Bea Back", "Plan my week", "Fridays are calm");
    }

    private static void refusedRow(ScoreStates states, TenantId tenant, String issuer, String line, String subject) {
        String payload = new PendingScore(issuer, PlatformSimulator.CLIENT_ID, URI.create(line),
                Score.graded(subject, 1, 1, fixture.clock.instant())).toJson();
        states.queue(new ScoreStates.Target(tenant, issuer, PlatformSimulator.CLIENT_ID, line, subject,
                "development-plan", "doc-" + subject), 1, 1, "lti.ags.score", payload, fixture.clock.instant());
        states.refused(tenant, line, subject, 400, "Grade item is locked", fixture.clock.instant());
    }

    private static int outboxRows() throws Exception {
        try (Connection c = fixture.database.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM kasvu_outbox")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static HttpResponse<String> get(NoScriptBrowser browser, String url) {
        try {
            return browser.get(url);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page once it satisfies the condition, working the outbox meanwhile. */
    private static HttpResponse<String> until(Supplier<HttpResponse<String>> page,
                                              java.util.function.Predicate<String> condition) throws Exception {
        HttpResponse<String> current = page.get();
        for (int i = 0; i < 200 && !condition.test(current.body()); i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
            current = page.get();
        }
        return current;
    }

    private static void deliverUntil(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("delivered").isTrue();
    }
}
