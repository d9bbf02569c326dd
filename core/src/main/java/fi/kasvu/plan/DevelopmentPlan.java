package fi.kasvu.plan;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A person's development plan: goals with actions, how progress is followed up, the reviews,
 * and whether the plan is shared with the person's own team. It belongs to its owner; nobody
 * else sees it unless the owner shares it with their team ({@link #visibleTo}).
 *
 * @param id             unique within the tenant
 * @param owner          whose plan it is
 * @param context        where it belongs (a coaching programme, a course), or null
 * @param title          a short name
 * @param source         where it came from (written, a GROW conversation, a 360 assessment)
 * @param goals          the development goals
 * @param followUpMethod how progress is followed up ("" until written)
 * @param reviews        scheduled and held reviews, in the order scheduled
 * @param teamSharing    the team it is shared with, or null while private
 * @param created        when it was made
 * @param updated        when it last changed
 */
public record DevelopmentPlan(String id, PersonId owner, String context, String title, PlanSource source,
                              List<DevelopmentGoal> goals, String followUpMethod, List<Review> reviews,
                              TeamSharing teamSharing, Instant created, Instant updated) {

    /**
     * @throws IllegalArgumentException if an id or the title is invalid, or goal, action or review ids repeat
     * @throws NullPointerException     if a required part is missing
     */
    public DevelopmentPlan {
        Require.id("id", id);
        Require.nonNull("owner", owner);
        if (context != null) {
            Require.id("context", context);
        }
        Require.nonBlank("title", title);
        Require.maxLength("title", title, Require.MAX_ID);
        Require.nonNull("source", source);
        goals = Require.list("goals", goals);
        followUpMethod = Require.text("followUpMethod", followUpMethod);
        reviews = Require.list("reviews", reviews);
        Require.nonNull("created", created);
        Require.nonNull("updated", updated);
        Set<String> ids = new HashSet<>();
        for (DevelopmentGoal goal : goals) {
            unique(ids, "goals", goal.id());
            goal.actions().forEach(action -> unique(ids, "actions", action.id()));
        }
        reviews.forEach(review -> unique(ids, "reviews", review.id()));
    }

    private static void unique(Set<String> ids, String field, String id) {
        if (!ids.add(field + "/" + id)) {
            throw new IllegalArgumentException(field + " must have distinct ids: " + id + " repeats");
        }
    }

    /** A new, empty, private plan written by its owner. */
    public static DevelopmentPlan create(String id, PersonId owner, String context, String title, Instant at) {
        return new DevelopmentPlan(id, owner, context, title, new PlanSource.Written(), List.of(), "", List.of(),
                null, at, at);
    }

    /** Whether the person may read the plan: its owner always, members of the team it is shared with. */
    public boolean visibleTo(PersonId person, Set<String> teamsOfPerson) {
        return owner.equals(person) || teamSharing != null && teamsOfPerson.contains(teamSharing.team());
    }

    /** What the plan still lacks: a goal, an action per goal, a follow-up method, a review date. */
    public List<PlanProblem> problems() {
        List<PlanProblem> problems = new ArrayList<>();
        if (goals.isEmpty()) {
            problems.add(PlanProblem.missing("goals"));
        }
        for (int i = 0; i < goals.size(); i++) {
            if (goals.get(i).actions().isEmpty()) {
                problems.add(PlanProblem.missing("goals[" + i + "].actions"));
            }
        }
        if (followUpMethod.isBlank()) {
            problems.add(PlanProblem.missing("followUpMethod"));
        }
        if (reviews.stream().noneMatch(review -> !review.held())) {
            problems.add(PlanProblem.missing("reviews"));
        }
        return List.copyOf(problems);
    }

    /** Adds a goal; only the owner changes the plan. */
    public Result<DevelopmentPlan, PlanProblem> addGoal(PersonId by, DevelopmentGoal goal, Instant at) {
        Require.nonNull("goal", goal);
        return byOwner(by, () -> {
            List<DevelopmentGoal> next = new ArrayList<>(goals);
            next.add(goal);
            return with(next, followUpMethod, reviews, teamSharing, at);
        });
    }

    /**
     * Adds an action to a goal.
     *
     * @return the changed plan, or {@code plan.id.unknown} for an unknown goal, {@code plan.rights.notOwner}
     * @throws IllegalArgumentException if the action's id is already used in the plan
     */
    public Result<DevelopmentPlan, PlanProblem> addAction(PersonId by, String goalId, PlanAction action, Instant at) {
        Require.nonNull("action", action);
        return byOwner(by, () -> withGoal(goalId, at, goal -> {
            List<PlanAction> actions = new ArrayList<>(goal.actions());
            actions.add(action);
            return new DevelopmentGoal(goal.id(), goal.what(), goal.measures(), goal.targetDate(), actions);
        }));
    }

    /** Sets how progress is followed up. */
    public Result<DevelopmentPlan, PlanProblem> followUpBy(PersonId by, String method, Instant at) {
        return byOwner(by, () -> with(goals, method, reviews, teamSharing, at));
    }

    /**
     * Schedules a review on the day.
     *
     * @return the changed plan, or {@code plan.review.past} for a day before the day of {@code at}
     *         (UTC), {@code plan.rights.notOwner}
     */
    public Result<DevelopmentPlan, PlanProblem> scheduleReview(PersonId by, LocalDate on, Instant at) {
        Require.nonNull("on", on);
        Require.nonNull("at", at);
        return byOwner(by, () -> {
            LocalDate today = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
            if (on.isBefore(today)) {
                return Result.rejected(new PlanProblem("plan.review.past", "reviews",
                        java.util.Map.of("day", on, "today", today)));
            }
            List<Review> next = new ArrayList<>(reviews);
            next.add(Review.scheduled("r" + (reviews.size() + 1), on));
            return with(goals, followUpMethod, next, teamSharing, at);
        });
    }

    /** Records a scheduled review as held, with notes and how things stand. */
    public Result<DevelopmentPlan, PlanProblem> holdReview(PersonId by, String reviewId, Review.Outcome outcome, Instant at) {
        Require.nonNull("outcome", outcome);
        return byOwner(by, () -> {
            int index = indexOfReview(reviewId);
            if (index < 0) {
                return Result.rejected(PlanProblem.unknown("reviews", reviewId));
            }
            if (reviews.get(index).held()) {
                return Result.rejected(new PlanProblem("plan.review.alreadyHeld", "reviews[" + index + "]",
                        java.util.Map.of("id", reviewId)));
            }
            List<Review> next = new ArrayList<>(reviews);
            next.set(index, new Review(reviewId, reviews.get(index).scheduledOn(), outcome));
            return with(goals, followUpMethod, next, teamSharing, at);
        });
    }

    /** Sets an action's status and note. */
    public Result<DevelopmentPlan, PlanProblem> updateAction(PersonId by, String actionId, PlanAction.Status status, String note, Instant at) {
        return byOwner(by, () -> withAction(actionId, at, action ->
                status == PlanAction.Status.DROPPED && (note == null || note.isBlank())
                        ? Result.rejected(PlanProblem.missing("actions." + actionId + ".note"))
                        : Result.accepted(new PlanAction(action.id(), action.what(), action.due(), status, note))));
    }

    /**
     * Rewrites a goal's text, measures and target day; its actions stay.
     *
     * @return the changed plan, or {@code plan.id.unknown} for an unknown goal, {@code plan.rights.notOwner}
     * @throws IllegalArgumentException if what is blank
     */
    public Result<DevelopmentPlan, PlanProblem> editGoal(PersonId by, String goalId, String what, String measures,
                                                         LocalDate targetDate, Instant at) {
        return byOwner(by, () -> withGoal(goalId, at,
                goal -> new DevelopmentGoal(goal.id(), what, measures, targetDate, goal.actions())));
    }

    /**
     * Rewrites an action's text and due day; its status and note stay.
     *
     * @return the changed plan, or {@code plan.id.unknown} for an unknown action, {@code plan.rights.notOwner}
     * @throws IllegalArgumentException if what is blank
     */
    public Result<DevelopmentPlan, PlanProblem> editAction(PersonId by, String actionId, String what, LocalDate due,
                                                           Instant at) {
        return byOwner(by, () -> withAction(actionId, at, action ->
                Result.accepted(new PlanAction(action.id(), what, due, action.status(), action.note()))));
    }

    /** Shares the plan with the owner's team, or makes it private again with a null team. */
    public Result<DevelopmentPlan, PlanProblem> shareWithTeam(PersonId by, String team, Instant at) {
        return byOwner(by, () -> with(goals, followUpMethod, reviews, team == null ? null : new TeamSharing(team, null), at));
    }

    /** Records the day the team discussed the shared plan. */
    public Result<DevelopmentPlan, PlanProblem> discussedInTeam(PersonId by, LocalDate on, Instant at) {
        Require.nonNull("on", on);
        return byOwner(by, () -> teamSharing == null
                ? Result.rejected(new PlanProblem("plan.team.notShared", "teamSharing", java.util.Map.of()))
                : with(goals, followUpMethod, reviews, new TeamSharing(teamSharing.team(), on), at));
    }

    private int indexOfReview(String reviewId) {
        for (int i = 0; i < reviews.size(); i++) {
            if (reviews.get(i).id().equals(reviewId)) {
                return i;
            }
        }
        return -1;
    }

    /** The plan with the goal changed, or {@code plan.id.unknown} when it has no such goal. */
    private Result<DevelopmentPlan, PlanProblem> withGoal(String goalId, Instant at,
                                                          UnaryOperator<DevelopmentGoal> change) {
        List<DevelopmentGoal> next = new ArrayList<>(goals);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(goalId)) {
                next.set(i, change.apply(next.get(i)));
                return with(next, followUpMethod, reviews, teamSharing, at);
            }
        }
        return Result.rejected(PlanProblem.unknown("goals", goalId));
    }

    /**
     * The plan with the action changed (the change may refuse), or {@code plan.id.unknown} when it
     * has no such action.
     */
    private Result<DevelopmentPlan, PlanProblem> withAction(String actionId, Instant at,
                                                            Function<PlanAction, Result<PlanAction, PlanProblem>> change) {
        for (int g = 0; g < goals.size(); g++) {
            DevelopmentGoal goal = goals.get(g);
            for (int a = 0; a < goal.actions().size(); a++) {
                if (goal.actions().get(a).id().equals(actionId)) {
                    int goalIndex = g;
                    int actionIndex = a;
                    return change.apply(goal.actions().get(a)).flatMap(changed -> {
                        List<PlanAction> actions = new ArrayList<>(goal.actions());
                        actions.set(actionIndex, changed);
                        List<DevelopmentGoal> next = new ArrayList<>(goals);
                        next.set(goalIndex, new DevelopmentGoal(goal.id(), goal.what(), goal.measures(),
                                goal.targetDate(), actions));
                        return with(next, followUpMethod, reviews, teamSharing, at);
                    });
                }
            }
        }
        return Result.rejected(PlanProblem.unknown("actions", actionId));
    }

    private Result<DevelopmentPlan, PlanProblem> byOwner(PersonId by, java.util.function.Supplier<Result<DevelopmentPlan, PlanProblem>> change) {
        if (!owner.equals(Require.nonNull("by", by))) {
            return Result.rejected(PlanProblem.notOwner("owner", by.value()));
        }
        return change.get();
    }

    private Result<DevelopmentPlan, PlanProblem> with(List<DevelopmentGoal> newGoals, String method, List<Review> newReviews, TeamSharing sharing,
                            Instant at) {
        return Result.accepted(new DevelopmentPlan(id, owner, context, title, source, newGoals, method,
                newReviews, sharing, created, at));
    }
}
