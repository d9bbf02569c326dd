package fi.kasvu.plan;

import static fi.kasvu.feedback.FeedbackFixtures.START;
import static fi.kasvu.feedback.FeedbackFixtures.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.feedback.Answers;
import fi.kasvu.feedback.Feedback360Report;
import fi.kasvu.feedback.FeedbackFixtures;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.survey.AnonymityThreshold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanFromFeedback360Test {

    private static final Instant CLOSED = START.plusSeconds(86_400);
    private static final Instant NOW = CLOSED.plusSeconds(3_600);

    private static Feedback360Report report() {
        Answers others = Answers.of(Map.of("listens", 2, "asks", 4, "promises", 3));
        return FeedbackFixtures.withAnswers(FeedbackFixtures.open(false)
                                .answerAsSelf(SUBJECT, Answers.of(Map.of("listens", 5)), START).orElseThrow(),
                        List.of(Map.entry(RaterGroup.PEERS, others), Map.entry(RaterGroup.PEERS, others),
                                Map.entry(RaterGroup.PEERS, others)))
                .close(Requester.person(SUBJECT), CLOSED).orElseThrow()
                .report(AnonymityThreshold.standard()).orElseThrow();
    }

    @Test
    void create_pickedStatements_becomeGoals_withTheStartingPointInTheSubjectsLanguage() {
        DevelopmentPlan plan = PlanFromFeedback360.create(report(), SUBJECT, "plan-1", "Kuunteleminen",
                List.of("listens"), Language.FI, "course-1", NOW).orElseThrow();

        assertThat(plan.source()).isEqualTo(new PlanSource.FromFeedback360("assessment-1", CLOSED));
        assertThat(plan.owner()).isEqualTo(SUBJECT);
        assertThat(plan.teamSharing()).isNull();
        assertThat(plan.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.what()).isEqualTo("Kuuntelee");
            assertThat(goal.measures()).isEqualTo("360-arvioinnin lähtötaso: oma arvio 5, muiden keskiarvo 2,0 (1–5)");
        });
        assertThat(plan.problems()).isNotEmpty();
    }

    @Test
    void create_withoutPicks_startsFromTheReportsCandidates() {
        DevelopmentPlan plan = PlanFromFeedback360.create(report(), SUBJECT, "plan-1", "My plan", List.of(),
                Language.EN, null, NOW).orElseThrow();

        assertThat(plan.goals()).extracting(DevelopmentGoal::what).containsExactly("Listens", "Keeps promises", "Asks");
    }

    @Test
    void create_bySomeoneElse_orWithAnUnknownStatement_isRefused() {
        Result<DevelopmentPlan, PlanProblem> stranger = PlanFromFeedback360.create(report(), PersonId.of("x"), "p",
                "t", List.of(), Language.EN, null, NOW);
        Result<DevelopmentPlan, PlanProblem> unknown = PlanFromFeedback360.create(report(), SUBJECT, "p", "t",
                List.of("listens", "flies"), Language.EN, null, NOW);

        assertThat(stranger.problems()).extracting(PlanProblem::code).containsExactly("plan.rights.notOwner");
        assertThat(unknown.problems()).containsExactly(new PlanProblem("plan.feedback.unknownStatement",
                "statementIds[1]", Map.of("statementId", "flies")));
    }

    @Test
    void planService_savesThePlanFromTheReport_andPublishesItsCreation() {
        java.util.List<PlanEvent> heard = new java.util.ArrayList<>();
        java.time.Clock clock = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        DevelopmentPlans plans = DevelopmentPlans.inMemory(clock);
        PlanService service = PlanService.of(plans, heard::add, clock, fi.kasvu.common.IdGenerator.sequence("plan"));
        fi.kasvu.common.TenantId tenant = fi.kasvu.common.TenantId.of("tem");

        var saved = service.fromFeedback360(tenant, report(), SUBJECT, "Kuunteleminen", List.of("listens"),
                Language.SV, "programme-1").orElseThrow();

        assertThat(saved.value().source()).isEqualTo(new PlanSource.FromFeedback360("assessment-1", CLOSED));
        assertThat(saved.value().goals()).extracting(DevelopmentGoal::what).containsExactly("Lyssnar");
        assertThat(plans.of(tenant, SUBJECT).documents()).hasSize(1);
        assertThat(heard).singleElement().isInstanceOf(PlanEvent.PlanCreated.class);
        assertThat(service.fromFeedback360(tenant, report(), PersonId.of("x"), "t", List.of(), Language.EN, null)
                .isAccepted()).isFalse();
    }
}
