package fi.kasvu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Result;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanFromGrowTest {

    private static final Instant AT = GrowFixtures.START.plusSeconds(3600);

    @Test
    void goal_becomes_the_development_goal_will_actions_its_actions_and_follow_ups_the_reviews() {
        GrowConversation conversation = GrowFixtures.anyCompleted();

        DevelopmentPlan plan = PlanFromGrow.create(conversation, GrowFixtures.COACHEE, "plan-9", AT).orElseThrow();

        assertThat(plan.owner()).isEqualTo(GrowFixtures.COACHEE);
        assertThat(plan.source()).isEqualTo(new PlanSource.FromGrow(conversation.id(), conversation.completedAt()));
        DevelopmentGoal goal = plan.goals().get(0);
        assertThat(goal.what()).isEqualTo(conversation.goal().longTermGoal());
        assertThat(goal.measures()).isEqualTo(conversation.goal().measures());
        assertThat(goal.targetDate()).isEqualTo(conversation.goal().targetDate());
        assertThat(goal.actions()).hasSize(conversation.will().actions().size());
        assertThat(goal.actions().get(0).what()).startsWith(conversation.will().actions().get(0).what());
        assertThat(goal.actions().get(0).due()).isEqualTo(conversation.will().actions().get(0).dueDate());
        assertThat(plan.reviews()).extracting(Review::scheduledOn)
                .containsExactlyElementsOf(conversation.will().checkIns().stream().map(c -> c.plannedOn()).toList());
        assertThat(plan.reviews()).allSatisfy(review -> assertThat(review.held()).isFalse());
        assertThat(plan.title()).isEqualTo(conversation.topic());
        assertThat(plan.teamSharing()).as("a plan made from private reflections starts private").isNull();
    }

    @Test
    void held_follow_ups_become_held_reviews_and_ended_actions_keep_their_status() {
        GrowConversation conversation = GrowFixtures.anyCompleted()
                .recordCheckIn("check-in-1", GrowFixtures.TODAY.plusDays(15), "Tiimi innostui")
                .markActionDone("action-1", GrowFixtures.TODAY.plusDays(6), "Sovittiin kierrosta");

        DevelopmentPlan plan = PlanFromGrow.create(conversation, GrowFixtures.COACHEE, "plan-9", AT).orElseThrow();

        assertThat(plan.reviews().get(0).outcome()).isEqualTo(new Review.Outcome(GrowFixtures.TODAY.plusDays(15),
                "Tiimi innostui", Review.Progress.NOT_RATED));
        assertThat(plan.goals().get(0).actions().get(0).status()).isEqualTo(PlanAction.Status.DONE);
        assertThat(plan.goals().get(0).actions().get(0).note()).isEqualTo("Sovittiin kierrosta");
    }

    @Test
    void without_a_long_term_goal_the_conversation_goal_is_used() {
        GrowConversation conversation = GrowFixtures.readyToComplete().withLongTermGoal("")
                .completeAt(GrowFixtures.START).orElseThrow();

        DevelopmentPlan plan = PlanFromGrow.create(conversation, GrowFixtures.COACHEE, "p", AT).orElseThrow();

        assertThat(plan.goals().get(0).what()).isEqualTo(conversation.goal().sessionGoal());
    }

    @Test
    void an_unfinished_conversation_is_refused() {
        Result<DevelopmentPlan, PlanProblem> change = PlanFromGrow.create(GrowFixtures.readyToComplete(), GrowFixtures.COACHEE, "p", AT);

        assertThat(change.problems()).extracting(PlanProblem::code, PlanProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("plan.grow.notComplete", "source"));
    }

    @Test
    void only_the_coachee_turns_their_conversation_into_a_plan() {
        Result<DevelopmentPlan, PlanProblem> change = PlanFromGrow.create(GrowFixtures.anyCompleted(), GrowFixtures.COACH, "p", AT);

        assertThat(change.problems()).containsExactly(PlanProblem.notOwner("by", GrowFixtures.COACH.value()));
    }

    @Test
    void the_converted_plan_asks_only_for_the_follow_up_method() {
        DevelopmentPlan plan = PlanFromGrow.create(GrowFixtures.anyCompleted(), GrowFixtures.COACHEE, "p", AT).orElseThrow();

        assertThat(plan.problems()).extracting(PlanProblem::field).isEqualTo(List.of("followUpMethod"));
    }
}
