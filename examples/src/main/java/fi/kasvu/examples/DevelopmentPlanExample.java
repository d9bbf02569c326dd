package fi.kasvu.examples;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.PlanFromGrow;
import fi.kasvu.plan.Review;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/** A development plan made from a completed GROW conversation, followed up and shared with the team. */
public final class DevelopmentPlanExample {

    private DevelopmentPlanExample() {
    }

    /** Runs the example and prints what it did. */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-05-04T12:00:00Z"), ZoneOffset.UTC);
        PersonId supervisor = PersonId.of("supervisor-7");
        LocalDate today = LocalDate.now(clock);
        GrowConversation conversation = GrowConversation.start("grow-7", GrowTemplates.PERSONAL_DEVELOPMENT,
                        Participants.alone(supervisor), Language.EN, clock)
                .withSessionGoal("Ask more than I tell").withLongTermGoal("My team finds its own answers")
                .withMeasures("Team members bring solutions, not only problems")
                .answer(Phase.REALITY, "grow.reality.1", "I answer every question myself")
                .withEssentialInsight("Answering is faster today, slower every day after")
                .addOption("Three open questions per one-to-one").addOption("Wait ten seconds").addOption("Ask the team")
                .chooseOption("option-1")
                .addAction("Prepare three open questions", "", today.plusDays(7))
                .withCommitment(8).planCheckIn(today.plusMonths(1))
                .completeAt(clock.instant()).orElseThrow();

        DevelopmentPlan plan = PlanFromGrow.create(conversation, supervisor, "plan-7", clock.instant()).orElseThrow()
                .followUpBy(supervisor, "Monthly review with my peer triad", clock.instant()).orElseThrow()
                .shareWithTeam(supervisor, "team-ako", clock.instant()).orElseThrow();
        String reviewId = plan.reviews().get(0).id();
        plan = plan.holdReview(supervisor, reviewId, new Review.Outcome(today.plusMonths(1),
                "Questions work; the team wants more time", Review.Progress.ON_TRACK), clock.instant()).orElseThrow();

        System.out.println("source: " + plan.source() + ", goals: " + plan.goals().size()
                + ", actions: " + plan.goals().get(0).actions().size()
                + ", visible to team: " + plan.visibleTo(PersonId.of("team-member"), Set.of("team-ako")));
    }
}
