package fi.kasvu.plan;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.common.internal.DocumentCommands;
import fi.kasvu.feedback.Feedback360Report;
import fi.kasvu.grow.GrowConversation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Makes, changes and stores development plans: every command reads the plan, applies the rule with
 * the clock's instant, saves it with the version read (reading again and retrying when someone
 * saved first) and tells {@link PlanEvents} what happened once it is saved. Thread-safe when the
 * ports are.
 *
 * <p>Commands return the one result shape: the saved plan at its new version, or typed problems
 * (only the owner changes a plan). A missing plan is a {@link NoSuchElementException}; a run of
 * conflicts a {@link ConcurrentModificationException}.
 */
public final class PlanService {

    private final DevelopmentPlans plans;
    private final PlanEvents events;
    private final DocumentCommands<DevelopmentPlan, PlanProblem, PlanEvent> commands;
    private final IdGenerator ids;

    private PlanService(DevelopmentPlans plans, PlanEvents events, Clock clock, IdGenerator ids) {
        this.plans = Require.nonNull("plans", plans);
        this.events = Require.nonNull("events", events);
        this.commands = DocumentCommands.of(plans, PlanEvent::between, events::on, clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /**
     * A service over the repository, publishing to the listener.
     *
     * @throws NullPointerException if a part is null
     */
    public static PlanService of(DevelopmentPlans plans, PlanEvents events, Clock clock, IdGenerator ids) {
        return new PlanService(plans, events, clock, ids);
    }

    /**
     * Makes and saves a new, empty, private plan written by its owner.
     *
     * @throws IllegalArgumentException if the title or context is invalid
     */
    public Versioned<DevelopmentPlan> create(TenantId tenant, PersonId owner, String context, String title) {
        return commands.create(tenant, at -> Result.<DevelopmentPlan, PlanProblem>accepted(
                DevelopmentPlan.create(ids.next(), owner, context, title, at))).orElseThrow();
    }

    /** Makes and saves a plan from the owner's completed GROW conversation ({@link PlanFromGrow}). */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> fromGrow(TenantId tenant, GrowConversation conversation,
                                                                   PersonId by) {
        Require.nonNull("conversation", conversation);
        return commands.create(tenant, at -> PlanFromGrow.create(conversation, by, ids.next(), at));
    }

    /**
     * Makes and saves a plan from the subject's 360 report ({@link PlanFromFeedback360}): the picked
     * statements (or the report's suggestions, when none are picked) become its goals.
     */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> fromFeedback360(TenantId tenant, Feedback360Report report,
                                                                          PersonId by, String title,
                                                                          List<String> statementIds, Language language,
                                                                          String context) {
        Require.nonNull("report", report);
        return commands.create(tenant, at -> PlanFromFeedback360.create(report, by, ids.next(), title, statementIds,
                language, context, at));
    }

    /** Applies any command of {@link DevelopmentPlan} (given the plan and the clock's instant), saves and publishes. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> change(TenantId tenant, String id,
            BiFunction<DevelopmentPlan, Instant, Result<DevelopmentPlan, PlanProblem>> command) {
        return commands.change(tenant, id, command);
    }

    /** Adds a goal. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> addGoal(TenantId tenant, String id, PersonId by,
                                                                  DevelopmentGoal goal) {
        return change(tenant, id, (plan, at) -> plan.addGoal(by, goal, at));
    }

    /** Adds an action to a goal. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> addAction(TenantId tenant, String id, PersonId by,
                                                                    String goalId, PlanAction action) {
        return change(tenant, id, (plan, at) -> plan.addAction(by, goalId, action, at));
    }

    /** Sets how progress is followed up. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> followUpBy(TenantId tenant, String id, PersonId by,
                                                                     String method) {
        return change(tenant, id, (plan, at) -> plan.followUpBy(by, method, at));
    }

    /** Schedules a review on the day. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> scheduleReview(TenantId tenant, String id, PersonId by,
                                                                         LocalDate on) {
        return change(tenant, id, (plan, at) -> plan.scheduleReview(by, on, at));
    }

    /** Records a scheduled review as held. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> holdReview(TenantId tenant, String id, PersonId by,
                                                                     String reviewId, Review.Outcome outcome) {
        return change(tenant, id, (plan, at) -> plan.holdReview(by, reviewId, outcome, at));
    }

    /** Sets an action's status and note (a dropped action needs a note). */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> updateAction(TenantId tenant, String id, PersonId by,
            String actionId, PlanAction.Status status, String note) {
        return change(tenant, id, (plan, at) -> plan.updateAction(by, actionId, status, note, at));
    }

    /** Shares the plan with the owner's team, or makes it private again with a null team. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> shareWithTeam(TenantId tenant, String id, PersonId by,
                                                                        String team) {
        return change(tenant, id, (plan, at) -> plan.shareWithTeam(by, team, at));
    }

    /** Records the day the team discussed the shared plan. */
    public Result<Versioned<DevelopmentPlan>, PlanProblem> discussedInTeam(TenantId tenant, String id, PersonId by,
                                                                          LocalDate on) {
        return change(tenant, id, (plan, at) -> plan.discussedInTeam(by, on, at));
    }

    /** The plan if the person may read it (its owner, or a member of the team it is shared with). */
    public Optional<DevelopmentPlan> view(TenantId tenant, String id, PersonId reader, Set<String> teamsOfReader) {
        return plans.find(tenant, id).map(Versioned::value).filter(plan -> plan.visibleTo(reader, teamsOfReader));
    }

    /** Every plan of a person, newest change first. */
    public List<Versioned<DevelopmentPlan>> of(TenantId tenant, PersonId owner) {
        return plans.of(tenant, owner).documents();
    }

    /**
     * Publishes a {@link PlanEvent.ReviewDue} for every review of the owner's plans not yet held and
     * scheduled on or before the clock's today: a scheduler calls this daily instead of polling plans.
     *
     * @return the events published
     */
    public List<PlanEvent> announceDueReviews(TenantId tenant, PersonId owner) {
        LocalDate today = LocalDate.now(commands.clock());
        List<PlanEvent> due = new ArrayList<>();
        for (Versioned<DevelopmentPlan> stored : plans.of(tenant, owner).documents()) {
            DevelopmentPlan plan = stored.value();
            plan.reviews().stream().filter(review -> !review.held() && !review.scheduledOn().isAfter(today))
                    .forEach(review -> due.add(new PlanEvent.ReviewDue(plan.id(), plan.owner(), review.id(),
                            review.scheduledOn())));
        }
        due.forEach(events::on);
        return List.copyOf(due);
    }
}
