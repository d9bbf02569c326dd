package fi.kasvu.plan;

import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Development plans for tests. */
public final class PlanFixtures {

    public static final PersonId OWNER = PersonId.of("supervisor-7");
    public static final PersonId OTHER = PersonId.of("colleague-2");
    public static final Instant AT = Instant.parse("2026-05-04T12:00:00Z");
    public static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    private PlanFixtures() {
    }

    /** A complete written plan: one goal with two actions, a method, one review ahead. */
    public static DevelopmentPlan complete() {
        DevelopmentGoal goal = new DevelopmentGoal("goal-1", "Ask more than I tell in one-to-ones",
                "Team members say they find their own answers", DAY.plusMonths(4), List.of(
                PlanAction.open("a1", "Prepare three open questions before each one-to-one", DAY.plusWeeks(1)),
                PlanAction.open("a2", "Ask the team for feedback in June", DAY.plusMonths(1))));
        return DevelopmentPlan.create("plan-1", OWNER, "ako-2020", "Coaching one-to-ones", AT)
                .addGoal(OWNER, goal, AT).orElseThrow()
                .followUpBy(OWNER, "Monthly review with my peer triad", AT).orElseThrow()
                .scheduleReview(OWNER, DAY.plusMonths(1), AT).orElseThrow();
    }
}
