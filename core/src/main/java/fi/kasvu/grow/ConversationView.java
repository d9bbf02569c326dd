package fi.kasvu.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one person may see of a conversation: the coachee sees all of it; anyone else (coach,
 * observer, teacher, organiser) sees the progress and only the phases the coachee chose to share.
 * This is the single source of truth for confidentiality: pages and exports render these types,
 * never the conversation itself, for anyone but the coachee.
 */
public sealed interface ConversationView {

    /**
     * The view for a viewer.
     *
     * @throws NullPointerException if the conversation is null
     */
    static ConversationView of(GrowConversation conversation, PersonId viewer) {
        Require.nonNull("conversation", conversation);
        if (conversation.coachee().equals(viewer)) {
            return new OwnView(conversation);
        }
        return SharedView.of(conversation);
    }

    /** The coachee's own view: the whole conversation. */
    record OwnView(GrowConversation conversation) implements ConversationView {
        /** @throws NullPointerException if the conversation is null */
        public OwnView {
            Require.nonNull("conversation", conversation);
        }
    }

    /**
     * Progress that is always visible to the coach and teachers: no content.
     *
     * @param conversationId  the conversation
     * @param coachee         its owner
     * @param templateId      the template it follows
     * @param mode            how it is held
     * @param context         where it belongs, or null
     * @param currentPhase    the phase the coachee is in
     * @param phaseReached    the furthest phase entered
     * @param completedPhases the phases completed
     * @param complete        whether the conversation is complete
     * @param completedAt     when it was completed, or null
     * @param lastActivity    when it last changed
     * @param openActions     how many actions are open (a count only)
     * @param endedActions    how many actions are done or dropped (a count only)
     */
    record Progress(String conversationId, PersonId coachee, String templateId, Mode mode, String context,
                    Phase currentPhase, Phase phaseReached, Set<Phase> completedPhases, boolean complete,
                    Instant completedAt, Instant lastActivity, int openActions, int endedActions) {

        /** @throws NullPointerException if a required part is null */
        public Progress {
            Require.nonNull("conversationId", conversationId);
            Require.nonNull("coachee", coachee);
            Require.nonNull("currentPhase", currentPhase);
            Require.nonNull("phaseReached", phaseReached);
            completedPhases = Set.copyOf(Require.nonNull("completedPhases", completedPhases));
            Require.nonNull("lastActivity", lastActivity);
        }

        /** The progress of a conversation. */
        public static Progress of(GrowConversation c) {
            int open = (int) c.will().actions().stream().filter(a -> !a.status().ended()).count();
            return new Progress(c.id(), c.coachee(), c.templateId(), c.mode(), c.context(), c.currentPhase(),
                    c.phaseReached(), c.completedPhases(), c.complete(), c.completedAt(), c.updated(), open,
                    c.will().actions().size() - open);
        }
    }

    /**
     * The view for anyone but the coachee: progress always, and the content of a phase only if
     * the coachee shared it (an absent part means "not shared", never "empty").
     *
     * @param progress the progress
     * @param topic    the topic, shown only if the goal is shared
     * @param goal     the goal, if the Goal phase is shared
     * @param reality  the reality, if the Reality phase is shared
     * @param options  the options, if the Options phase is shared
     * @param will     the way forward with its check-ins, if the Will phase is shared
     * @param answers  the answers of the shared phases only
     */
    record SharedView(Progress progress, Optional<String> topic, Optional<Goal> goal, Optional<Reality> reality,
                      Optional<List<Option>> options, Optional<Will> will, List<Answer> answers)
            implements ConversationView {

        /** @throws NullPointerException if a part is null */
        public SharedView {
            Require.nonNull("progress", progress);
            Require.nonNull("topic", topic);
            Require.nonNull("goal", goal);
            Require.nonNull("reality", reality);
            Require.nonNull("options", options);
            Require.nonNull("will", will);
            answers = Require.list("answers", answers);
        }

        /** The shared view of a conversation. */
        public static SharedView of(GrowConversation c) {
            Sharing sharing = c.sharing();
            return new SharedView(Progress.of(c),
                    sharing.shares(Phase.GOAL) ? Optional.of(c.topic()) : Optional.empty(),
                    sharing.shares(Phase.GOAL) ? Optional.of(c.goal()) : Optional.empty(),
                    sharing.shares(Phase.REALITY) ? Optional.of(c.reality()) : Optional.empty(),
                    sharing.shares(Phase.OPTIONS) ? Optional.of(c.options()) : Optional.empty(),
                    sharing.shares(Phase.WILL) ? Optional.of(c.will()) : Optional.empty(),
                    c.answers().stream().filter(a -> sharing.shares(a.phase())).toList());
        }

        /** Whether the coachee shared the phase. */
        public boolean shares(Phase phase) {
            return switch (phase) {
                case GOAL -> goal.isPresent();
                case REALITY -> reality.isPresent();
                case OPTIONS -> options.isPresent();
                case WILL -> will.isPresent();
            };
        }
    }
}
