package fi.kasvu.plan;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Something that happened to a development plan that an embedding system may act on. Events carry
 * ids, statuses and dates, never the plan's goals, notes or review notes.
 */
public sealed interface PlanEvent {

    /** The plan the event is about. */
    String planId();

    /** Whose plan it is. */
    PersonId owner();

    /** A plan was made (written, or from a GROW conversation). */
    record PlanCreated(String planId, PersonId owner, Instant at) implements PlanEvent {
        /** @throws NullPointerException if a part is null */
        public PlanCreated {
            Require.nonNull("planId", planId);
            Require.nonNull("owner", owner);
            Require.nonNull("at", at);
        }
    }

    /** The owner shared the plan with their team. */
    record PlanShared(String planId, PersonId owner, String team, Instant at) implements PlanEvent {
        /** @throws NullPointerException if a part is null */
        public PlanShared {
            Require.nonNull("planId", planId);
            Require.nonNull("owner", owner);
            Require.nonNull("team", team);
            Require.nonNull("at", at);
        }
    }

    /** The team discussed the shared plan on a day. */
    record PlanDiscussed(String planId, PersonId owner, String team, LocalDate on) implements PlanEvent {
        /** @throws NullPointerException if a part is null */
        public PlanDiscussed {
            Require.nonNull("planId", planId);
            Require.nonNull("owner", owner);
            Require.nonNull("team", team);
            Require.nonNull("on", on);
        }
    }

    /** A review was scheduled for a day. */
    record ReviewScheduled(String planId, PersonId owner, String reviewId, LocalDate on) implements PlanEvent {
        /** @throws NullPointerException if a part is null */
        public ReviewScheduled {
            Require.nonNull("planId", planId);
            Require.nonNull("owner", owner);
            Require.nonNull("reviewId", reviewId);
            Require.nonNull("on", on);
        }
    }

    /** A scheduled review was held. */
    record ReviewHeld(String planId, PersonId owner, String reviewId, LocalDate heldOn) implements PlanEvent {
        /** @throws NullPointerException if a part is null */
        public ReviewHeld {
            Require.nonNull("planId", planId);
            Require.nonNull("owner", owner);
            Require.nonNull("reviewId", reviewId);
            Require.nonNull("heldOn", heldOn);
        }
    }

    /** A review that is not held yet has reached its day (published by {@code PlanService.announceDueReviews}). */
    record ReviewDue(String planId, PersonId owner, String reviewId, LocalDate on) implements PlanEvent {
        /** @throws NullPointerException if a part is null */
        public ReviewDue {
            Require.nonNull("planId", planId);
            Require.nonNull("owner", owner);
            Require.nonNull("reviewId", reviewId);
            Require.nonNull("on", on);
        }
    }

    /** An action changed status (done, dropped, open again). */
    record ActionStatusChanged(String planId, PersonId owner, String actionId, PlanAction.Status status, Instant at)
            implements PlanEvent {
        /** @throws NullPointerException if a part is null */
        public ActionStatusChanged {
            Require.nonNull("planId", planId);
            Require.nonNull("owner", owner);
            Require.nonNull("actionId", actionId);
            Require.nonNull("status", status);
            Require.nonNull("at", at);
        }
    }

    /**
     * The events a change from one state of a plan to the next amounts to.
     *
     * @param before the plan before the change, or null for a new one
     * @param after  the plan after it
     * @param at     when the change happened
     */
    static List<PlanEvent> between(DevelopmentPlan before, DevelopmentPlan after, Instant at) {
        Require.nonNull("after", after);
        Require.nonNull("at", at);
        List<PlanEvent> events = new ArrayList<>();
        String id = after.id();
        PersonId owner = after.owner();
        if (before == null) {
            events.add(new PlanCreated(id, owner, at));
        }
        TeamSharing was = before == null ? null : before.teamSharing();
        TeamSharing now = after.teamSharing();
        if (now != null && (was == null || !was.team().equals(now.team()))) {
            events.add(new PlanShared(id, owner, now.team(), at));
        }
        if (now != null && now.discussedOn() != null
                && (was == null || !Objects.equals(was.discussedOn(), now.discussedOn()))) {
            events.add(new PlanDiscussed(id, owner, now.team(), now.discussedOn()));
        }
        Map<String, Review> reviews = before == null ? Map.of()
                : before.reviews().stream().collect(Collectors.toMap(Review::id, Function.identity()));
        for (Review review : after.reviews()) {
            Review old = reviews.get(review.id());
            if (old == null) {
                events.add(new ReviewScheduled(id, owner, review.id(), review.scheduledOn()));
            }
            if (review.held() && (old == null || !old.held())) {
                events.add(new ReviewHeld(id, owner, review.id(), review.outcome().heldOn()));
            }
        }
        Map<String, PlanAction.Status> statuses = before == null ? Map.of() : actions(before);
        actions(after).forEach((actionId, status) -> {
            PlanAction.Status old = statuses.get(actionId);
            if (old != null && old != status) {
                events.add(new ActionStatusChanged(id, owner, actionId, status, at));
            }
        });
        return List.copyOf(events);
    }

    private static Map<String, PlanAction.Status> actions(DevelopmentPlan plan) {
        Map<String, PlanAction.Status> statuses = new java.util.LinkedHashMap<>();
        plan.goals().forEach(goal -> goal.actions().forEach(action -> statuses.put(action.id(), action.status())));
        return statuses;
    }
}
