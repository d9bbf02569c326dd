package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.server.KasvuServer;
import fi.kasvu.lms.web.ExperimentHttpTest.Person;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.ScoreStates;
import fi.kasvu.store.jdbc.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A team's completion scores every member (Activity.scoredSubjects), not only the one whose
 * request completed it, and what was scored is the stored score state, so it survives a restart;
 * "done when shared" is honoured by the request and by the sweeper. Real server, H2 on disk, the
 * platform simulator's gradebook; a restart with the same database file.
 */
class TeamScoresHttpTest {

    /** Team 1 of the split (roster Member 2 … 9 in teams of 4). */
    static final List<String> TEAM_1 = List.of("2", "4", "6", "8");

    static TenantId tenant(PlatformSimulator platform) {
        return PlatformRegistration.tenantOf(platform.issuer(), PlatformSimulator.CLIENT_ID,
                PlatformSimulator.DEPLOYMENT_ID);
    }

    /** The id of the activity's team 1 (as the kind derives it: a hash of the context and the number). */
    static String team1(String link) throws Exception {
        String context = Web.contextOf(link);
        return "x" + fi.kasvu.lms.Hashes.sha256Hex(context, 12) + "-t1";
    }

    static void waitFor(PlatformSimulator platform, List<String> subjects) throws InterruptedException {
        for (int i = 0; i < 400 && !platform.scores.stream().map(s -> s.getString("userId")).toList()
                .containsAll(subjects); i++) {
            Thread.sleep(50);
        }
    }

    static List<String> scored(PlatformSimulator platform) {
        return platform.scores.stream().map(s -> s.getString("userId")).distinct().sorted().toList();
    }

    /** Two members walk the team to its evaluation; the others never open the activity. */
    static Person toEvaluation(PagesFixture fixture, String link, Map<String, String> custom) throws Exception {
        Person teacher = ExperimentHttpTest.launch(fixture, "teacher-" + link, "Olli Opettaja",
                PagesFixture.INSTRUCTOR, link, "fi-FI", custom);
        teacher.post("teams", Map.of("do", "split", "size", "4"));
        Person a = ExperimentHttpTest.launch(fixture, "2", "Member 2", PagesFixture.LEARNER, link, "fi-FI", custom);
        Person b = ExperimentHttpTest.launch(fixture, "4", "Member 4", PagesFixture.LEARNER, link, "fi-FI", custom);
        ExperimentHttpTest.walkToPlan(a, b);
        a.postStep("plan", "next", ExperimentHttpTest.plan(ExperimentHttpTest.today(fixture)));
        assertThat(a.post("step/evaluation", Map.of("do", "evaluate", "verdict.c1", "met", "evidence.c1", "7/8",
                "evaluation.learned", "Puhejärjestys ratkaisee")).statusCode()).isEqualTo(303);
        return a;
    }

    @Test
    void aTeamsDecision_scoresEveryMember_evenThoseWhoNeverCameBack_andNobodyElse() throws Exception {
        PagesFixture fixture = PagesFixture.start();
        try {
            String link = "rl-team-scores";
            Person a = toEvaluation(fixture, link, ExperimentHttpTest.TEAM);
            assertThat(fixture.platform.scores).isEmpty();
            a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt", "decision.reasons", "Toimi"));
            waitFor(fixture.platform, TEAM_1);
            assertThat(scored(fixture.platform)).containsExactlyElementsOf(TEAM_1);
            ScoreStates states = ScoreStates.of(fixture.database);
            for (String member : TEAM_1) {
                ScoreStates.Stored stored = states.find(tenant(fixture.platform),
                        fixture.platform.lineItem().toString(), member).orElseThrow();
                assertThat(stored.target().documentId()).isEqualTo(team1(link));
                assertThat(stored.score()).isEqualTo(1.0);
            }
            assertThat(states.find(tenant(fixture.platform), fixture.platform.lineItem().toString(), "3"))
                    .as("a learner of the other team").isEmpty();
            int before = fixture.platform.scores.size();
            // Members opening the team's pages again, and the sweeper, send nothing more.
            a.get("step/sharing");
            ExperimentHttpTest.learner(fixture, "6", link).get("step/sharing");
            assertThat(fixture.server.sweepCompletions()).isZero();
            Thread.sleep(300);
            assertThat(fixture.platform.scores).hasSize(before);
        } finally {
            fixture.close();
        }
    }

    @Test
    void doneWhenShared_aDecisionScoresNobody_evenForTheSweeper_andSharingScoresEveryMember() throws Exception {
        PagesFixture fixture = PagesFixture.start();
        try {
            String link = "rl-team-shared";
            Map<String, String> shared = Map.of("kasvu_kind", "experiment", "kasvu_blocks", "dialogue",
                    "kasvu_done", "shared");
            Person a = toEvaluation(fixture, link, shared);
            a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt", "decision.reasons", "Toimi"));
            assertThat(fixture.server.sweepCompletions()).as("decided, not shared").isZero();
            Thread.sleep(300);
            assertThat(fixture.platform.scores).isEmpty();
            assertThat(a.post("step/sharing", Map.of("do", "publish", "share.level", "team", "share.confirm", "on"))
                    .statusCode()).isEqualTo(303);
            waitFor(fixture.platform, TEAM_1);
            assertThat(scored(fixture.platform)).containsExactlyElementsOf(TEAM_1);
        } finally {
            fixture.close();
        }
    }

    @Test
    void aDecisionSavedWithoutItsScores_scoresEveryMemberAfterARestart_once() throws Exception {
        PagesFixture fixture = PagesFixture.start();
        PlatformSimulator platform = fixture.platform;
        KasvuServer restarted = null;
        KasvuDatabase reopened = null;
        try {
            String link = "rl-team-restart";
            toEvaluation(fixture, link, ExperimentHttpTest.TEAM);
            // The decision lands in the store, then the server dies before any score is queued.
            Experiments experiments = fixture.server.repositories().experiments();
            TenantId tenant = tenant(platform);
            Versioned<Experiment> stored = experiments.find(tenant, team1(link)).orElseThrow();
            Experiment decided = stored.value().decide(stored.value().facilitator(), new Decision(
                    new Decision.Adopt(), "Toimi", fi.kasvu.common.PersonId.of("2"), fixture.clock.instant()),
                    fixture.clock.instant()).orElseThrow();
            assertThat(experiments.save(tenant, stored.with(decided)).isSaved()).isTrue();
            fixture.server.close();
            fixture.database.close();

            reopened = KasvuDatabase.open(TestDatabases.h2(fixture.dir().resolve("db")));
            restarted = KasvuServer.start(reopened, KasvuServer.Settings.defaults().withPort(0)
                    .withDeliveryInterval(Duration.ofSeconds(1)), fixture.clock);
            platform.trustToolKeys(restarted.tool().jwksUrl());
            // Only the restarted server's own worker: it sweeps at start and delivers.
            waitFor(platform, TEAM_1);
            assertThat(scored(platform)).containsExactlyElementsOf(TEAM_1);
            ScoreStates states = ScoreStates.of(reopened);
            for (String member : TEAM_1) {
                assertThat(states.find(tenant, platform.lineItem().toString(), member)).isPresent();
            }
            int delivered = platform.scores.size();
            assertThat(restarted.sweepCompletions()).as("the scored members are stored: nothing again").isZero();
            Thread.sleep(300);
            assertThat(platform.scores).hasSize(delivered);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
            if (reopened != null) {
                reopened.close();
            }
            platform.close();
        }
    }
}
