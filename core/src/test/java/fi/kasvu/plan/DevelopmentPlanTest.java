package fi.kasvu.plan;

import static fi.kasvu.plan.PlanFixtures.AT;
import static fi.kasvu.plan.PlanFixtures.DAY;
import static fi.kasvu.plan.PlanFixtures.OTHER;
import static fi.kasvu.plan.PlanFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Result;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevelopmentPlanTest {

    @Test
    void a_new_plan_lists_what_it_lacks() {
        DevelopmentPlan plan = DevelopmentPlan.create("p", OWNER, null, "Plan", AT);

        assertThat(plan.problems()).extracting(PlanProblem::field).containsExactly("goals", "followUpMethod", "reviews");
    }

    @Test
    void a_goal_without_actions_is_named() {
        DevelopmentPlan plan = PlanFixtures.complete()
                .addGoal(OWNER, new DevelopmentGoal("goal-2", "Delegate", "", null, List.of()), AT).orElseThrow();

        assertThat(plan.problems()).extracting(PlanProblem::field).containsExactly("goals[1].actions");
    }

    @Test
    void an_action_is_added_to_its_goal_by_the_owner_only() {
        DevelopmentPlan plan = DevelopmentPlan.create("p", OWNER, null, "Plan", AT)
                .addGoal(OWNER, new DevelopmentGoal("goal-1", "Delegate", "", null, List.of()), AT).orElseThrow();

        DevelopmentPlan changed = plan.addAction(OWNER, "goal-1", PlanAction.open("a-1", "Ask the team", DAY), AT)
                .orElseThrow();

        assertThat(changed.goals().get(0).actions()).extracting(PlanAction::what).containsExactly("Ask the team");
        assertThat(plan.addAction(OWNER, "goal-9", PlanAction.open("a-1", "x", null), AT).problems())
                .extracting(PlanProblem::code).containsExactly("plan.id.unknown");
        assertThat(plan.addAction(OTHER, "goal-1", PlanAction.open("a-1", "x", null), AT).problems())
                .extracting(PlanProblem::code).containsExactly("plan.rights.notOwner");
    }

    @Test
    void a_review_day_in_the_past_is_refused_with_the_days_in_the_readers_language_today_is_accepted() {
        DevelopmentPlan plan = DevelopmentPlan.create("p", OWNER, null, "Plan", AT);

        Result<DevelopmentPlan, PlanProblem> past = plan.scheduleReview(OWNER, DAY.minusDays(1), AT);

        assertThat(past.problems()).extracting(PlanProblem::code).containsExactly("plan.review.past");
        assertThat(fi.kasvu.i18n.PracticeMessages.message(past.problems().get(0), fi.kasvu.common.Language.FI))
                .isEqualTo("Seurantapäivä 3.5.2026 on jo mennyt. Valitse tämä päivä (4.5.2026) tai myöhempi.");
        assertThat(fi.kasvu.i18n.PracticeMessages.message(past.problems().get(0), fi.kasvu.common.Language.EN))
                .contains("May 3, 2026", "May 4, 2026");
        assertThat(fi.kasvu.i18n.PracticeMessages.message(past.problems().get(0), fi.kasvu.common.Language.SV))
                .startsWith("Uppföljningsdagen 3 maj 2026 har redan passerat.");
        assertThat(plan.scheduleReview(OWNER, DAY, AT).orElseThrow().reviews()).extracting(Review::scheduledOn)
                .containsExactly(DAY);
        assertThat(plan.scheduleReview(OTHER, DAY.minusDays(1), AT).problems()).extracting(PlanProblem::code)
                .containsExactly("plan.rights.notOwner");
    }

    @Test
    void goals_and_actions_are_edited_by_the_owner_keeping_actions_status_and_notes() {
        DevelopmentPlan plan = PlanFixtures.complete()
                .updateAction(OWNER, "a1", PlanAction.Status.DONE, "Worked well", AT).orElseThrow();

        DevelopmentPlan edited = plan.editGoal(OWNER, "goal-1", "Ask first", "Fewer questions to me", null, AT)
                .orElseThrow().editAction(OWNER, "a1", "Prepare two open questions", DAY.plusDays(2), AT).orElseThrow();

        DevelopmentGoal goal = edited.goals().get(0);
        assertThat(goal.what()).isEqualTo("Ask first");
        assertThat(goal.measures()).isEqualTo("Fewer questions to me");
        assertThat(goal.targetDate()).isNull();
        assertThat(goal.actions()).hasSize(2);
        assertThat(goal.actions().get(0)).isEqualTo(new PlanAction("a1", "Prepare two open questions",
                DAY.plusDays(2), PlanAction.Status.DONE, "Worked well"));
        assertThat(plan.editGoal(OWNER, "goal-9", "x", "", null, AT).problems()).extracting(PlanProblem::code)
                .containsExactly("plan.id.unknown");
        assertThat(plan.editAction(OWNER, "a9", "x", null, AT).problems()).extracting(PlanProblem::code)
                .containsExactly("plan.id.unknown");
        assertThat(plan.editGoal(OTHER, "goal-1", "x", "", null, AT).problems()).extracting(PlanProblem::code)
                .containsExactly("plan.rights.notOwner");
        assertThat(plan.editAction(OTHER, "a1", "x", null, AT).problems()).extracting(PlanProblem::code)
                .containsExactly("plan.rights.notOwner");
        assertThat(plan.updateAction(OWNER, "a2", PlanAction.Status.DROPPED, " ", AT).problems())
                .extracting(PlanProblem::code).containsExactly("plan.field.missing");
    }

    @Test
    void a_complete_plan_has_no_problems_and_is_private() {
        DevelopmentPlan plan = PlanFixtures.complete();

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.visibleTo(OWNER, Set.of())).isTrue();
        assertThat(plan.visibleTo(OTHER, Set.of("team-ako"))).isFalse();
        assertThat(plan.source()).isEqualTo(new PlanSource.Written());
    }

    @Test
    void shared_with_the_team_it_is_visible_to_the_team_and_its_discussion_is_recorded() {
        DevelopmentPlan plan = PlanFixtures.complete().shareWithTeam(OWNER, "team-ako", AT).orElseThrow()
                .discussedInTeam(OWNER, DAY.plusDays(3), AT).orElseThrow();

        assertThat(plan.visibleTo(OTHER, Set.of("team-ako"))).isTrue();
        assertThat(plan.visibleTo(OTHER, Set.of("team-else"))).isFalse();
        assertThat(plan.teamSharing()).isEqualTo(new TeamSharing("team-ako", DAY.plusDays(3)));
        assertThat(plan.shareWithTeam(OWNER, null, AT).orElseThrow().visibleTo(OTHER, Set.of("team-ako"))).isFalse();
    }

    @Test
    void discussing_a_private_plan_in_a_team_is_refused() {
        assertThat(PlanFixtures.complete().discussedInTeam(OWNER, DAY, AT).problems())
                .extracting(PlanProblem::code).containsExactly("plan.team.notShared");
    }

    @Test
    void only_the_owner_changes_the_plan() {
        Result<DevelopmentPlan, PlanProblem> change = PlanFixtures.complete().followUpBy(OTHER, "x", AT);

        assertThat(change.problems()).containsExactly(PlanProblem.notOwner("owner", "colleague-2"));
    }

    @Test
    void a_review_is_held_once_with_notes_and_progress() {
        Review.Outcome outcome = new Review.Outcome(DAY.plusMonths(1), "Questions work; feedback pending",
                Review.Progress.ON_TRACK);
        DevelopmentPlan plan = PlanFixtures.complete().holdReview(OWNER, "r1", outcome, AT).orElseThrow();

        assertThat(plan.reviews()).containsExactly(new Review("r1", DAY.plusMonths(1), outcome));
        assertThat(plan.holdReview(OWNER, "r1", outcome, AT).problems()).extracting(PlanProblem::code, PlanProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("plan.review.alreadyHeld", "reviews[0]"));
        assertThat(plan.holdReview(OWNER, "r9", outcome, AT).problems())
                .containsExactly(PlanProblem.unknown("reviews", "r9"));
        assertThat(plan.problems()).extracting(PlanProblem::field).containsExactly("reviews");
    }

    @Test
    void actions_are_done_or_dropped_with_a_reason() {
        DevelopmentPlan plan = PlanFixtures.complete()
                .updateAction(OWNER, "a1", PlanAction.Status.DONE, "Used every week", AT).orElseThrow();

        assertThat(plan.goals().get(0).actions().get(0).status()).isEqualTo(PlanAction.Status.DONE);
        assertThat(plan.updateAction(OWNER, "a2", PlanAction.Status.DROPPED, " ", AT).problems())
                .containsExactly(PlanProblem.missing("actions.a2.note"));
        assertThat(plan.updateAction(OWNER, "a9", PlanAction.Status.DONE, "", AT).problems())
                .containsExactly(PlanProblem.unknown("actions", "a9"));
    }

    @Test
    void repeated_ids_are_rejected_naming_them() {
        DevelopmentGoal goal = new DevelopmentGoal("g", "x", "", null,
                List.of(PlanAction.open("a", "x", null), PlanAction.open("a", "y", null)));

        assertThatThrownBy(() -> new DevelopmentPlan("p", OWNER, null, "t", new PlanSource.Written(), List.of(goal), "",
                List.of(), null, AT, AT)).hasMessage("actions must have distinct ids: a repeats");
    }

    @Test
    void a_dropped_action_without_reason_is_rejected() {
        assertThatThrownBy(() -> new PlanAction("a", "x", null, PlanAction.Status.DROPPED, ""))
                .hasMessage("note must say why a dropped action was dropped: \"\"");
    }
}
