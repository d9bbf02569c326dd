package fi.kasvu.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Something that happened to a conversation that an embedding system may act on (update a
 * gradebook, send a reminder). Events carry ids, phases and dates, never what the coachee wrote.
 */
public sealed interface GrowEvent {

    /** The conversation the event is about. */
    String conversationId();

    /** The coachee who owns it. */
    PersonId coachee();

    /** A phase met its rules and was completed. */
    record PhaseCompleted(String conversationId, PersonId coachee, Phase phase, Instant at) implements GrowEvent {
        /** @throws NullPointerException if a part is null */
        public PhaseCompleted {
            Require.nonNull("conversationId", conversationId);
            Require.nonNull("coachee", coachee);
            Require.nonNull("phase", phase);
            Require.nonNull("at", at);
        }
    }

    /** Every phase met its rules and the conversation was completed. */
    record ConversationCompleted(String conversationId, PersonId coachee, Instant at) implements GrowEvent {
        /** @throws NullPointerException if a part is null */
        public ConversationCompleted {
            Require.nonNull("conversationId", conversationId);
            Require.nonNull("coachee", coachee);
            Require.nonNull("at", at);
        }
    }

    /** An open action has reached its date. */
    record ActionDue(String conversationId, PersonId coachee, String actionId, LocalDate dueDate) implements GrowEvent {
        /** @throws NullPointerException if a part is null */
        public ActionDue {
            Require.nonNull("conversationId", conversationId);
            Require.nonNull("coachee", coachee);
            Require.nonNull("actionId", actionId);
            Require.nonNull("dueDate", dueDate);
        }
    }

    /** A follow-up (check-in) was held and recorded. */
    record FollowUpRecorded(String conversationId, PersonId coachee, String checkInId, LocalDate heldOn)
            implements GrowEvent {
        /** @throws NullPointerException if a part is null */
        public FollowUpRecorded {
            Require.nonNull("conversationId", conversationId);
            Require.nonNull("coachee", coachee);
            Require.nonNull("checkInId", checkInId);
            Require.nonNull("heldOn", heldOn);
        }
    }

    /**
     * The events a change from one state of a conversation to the next amounts to: phases newly
     * completed, completion, check-ins newly held.
     *
     * @param before the conversation before the change, or null for a new one
     * @param after  the conversation after it
     * @param at     when the change happened
     */
    static List<GrowEvent> between(GrowConversation before, GrowConversation after, Instant at) {
        Require.nonNull("after", after);
        Require.nonNull("at", at);
        List<GrowEvent> events = new ArrayList<>();
        EnumSet<Phase> newlyCompleted = EnumSet.allOf(Phase.class);
        newlyCompleted.retainAll(after.completedPhases());
        if (before != null) {
            newlyCompleted.removeAll(before.completedPhases());
        }
        for (Phase phase : newlyCompleted) {
            events.add(new PhaseCompleted(after.id(), after.coachee(), phase, at));
        }
        if (after.complete() && (before == null || !before.complete())) {
            events.add(new ConversationCompleted(after.id(), after.coachee(), after.completedAt()));
        }
        Map<String, CheckIn> previous = before == null ? Map.of()
                : before.will().checkIns().stream().collect(Collectors.toMap(CheckIn::id, Function.identity()));
        for (CheckIn checkIn : after.will().checkIns()) {
            CheckIn old = previous.get(checkIn.id());
            if (checkIn.held() && (old == null || !old.held())) {
                events.add(new FollowUpRecorded(after.id(), after.coachee(), checkIn.id(), checkIn.heldOn()));
            }
        }
        return List.copyOf(events);
    }

    /** An {@link ActionDue} for every open action of the conversation due on or before the day. */
    static List<GrowEvent> dueBy(GrowConversation conversation, LocalDate day) {
        Require.nonNull("day", day);
        return conversation.will().actions().stream()
                .filter(action -> action.dueBy(day))
                .<GrowEvent>map(action -> new ActionDue(conversation.id(), conversation.coachee(), action.id(), action.dueDate()))
                .toList();
    }
}
