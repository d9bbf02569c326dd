package fi.kasvu.plan;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.grow.Action;
import fi.kasvu.grow.ActionStatus;
import fi.kasvu.grow.CheckIn;
import fi.kasvu.grow.Goal;
import fi.kasvu.grow.GrowConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a completed GROW conversation into a development plan: the goal becomes the development
 * goal, the Will actions its actions, the follow-ups (check-ins) the reviews. Only the coachee
 * may do it, since the conversation is theirs; the plan starts private and links back to the
 * conversation.
 */
public final class PlanFromGrow {

    private PlanFromGrow() {
    }

    /**
     * The plan made from the conversation.
     *
     * @param conversation a completed conversation
     * @param by           who asks; must be the coachee
     * @param planId       the new plan's id
     * @param at           when
     * @return the plan, or a refusal if the conversation is not complete, has no goal, or the
     *         person is not its coachee
     */
    public static Result<DevelopmentPlan, PlanProblem> create(GrowConversation conversation, PersonId by, String planId, Instant at) {
        Require.nonNull("conversation", conversation);
        if (!conversation.coachee().equals(Require.nonNull("by", by))) {
            return Result.rejected(PlanProblem.notOwner("by", by.value()));
        }
        if (!conversation.complete()) {
            return Result.rejected(new PlanProblem("plan.grow.notComplete", "source",
                    Map.of("conversationId", conversation.id())));
        }
        Goal goal = conversation.goal();
        String what = goal.longTermGoal().isBlank() ? goal.sessionGoal() : goal.longTermGoal();
        if (what.isBlank()) {
            return Result.rejected(PlanProblem.missing("goal"));
        }
        List<PlanAction> actions = new ArrayList<>();
        for (Action action : conversation.will().actions()) {
            actions.add(toPlanAction(action));
        }
        List<Review> reviews = new ArrayList<>();
        for (CheckIn checkIn : conversation.will().checkIns()) {
            reviews.add(new Review(checkIn.id(), checkIn.plannedOn(), checkIn.held()
                    ? new Review.Outcome(checkIn.heldOn(), checkIn.note(), Review.Progress.NOT_RATED) : null));
        }
        DevelopmentGoal developmentGoal = new DevelopmentGoal("goal-1", what, goal.measures(), goal.targetDate(), actions);
        return Result.accepted(new DevelopmentPlan(planId, conversation.coachee(), conversation.context(),
                title(conversation, what), new PlanSource.FromGrow(conversation.id(), conversation.completedAt()),
                List.of(developmentGoal), "", reviews, null, at, at));
    }

    private static PlanAction toPlanAction(Action action) {
        String what = action.who().isBlank() ? action.what() : action.what() + " (" + action.who() + ")";
        ActionStatus status = action.status();
        if (status instanceof ActionStatus.Done done) {
            return new PlanAction(action.id(), what, action.dueDate(), PlanAction.Status.DONE, done.note());
        }
        if (status instanceof ActionStatus.Dropped dropped) {
            return new PlanAction(action.id(), what, action.dueDate(), PlanAction.Status.DROPPED, dropped.reason());
        }
        return PlanAction.open(action.id(), what, action.dueDate());
    }

    private static String title(GrowConversation conversation, String goal) {
        String title = conversation.topic().isBlank() ? goal : conversation.topic();
        return title.length() <= Require.MAX_ID ? title : title.substring(0, Require.MAX_ID - 1) + "…";
    }
}
