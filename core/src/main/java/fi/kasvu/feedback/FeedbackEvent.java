package fi.kasvu.feedback;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something that happened to a 360 that an embedding system may act on (a reminder, a gradebook
 * entry). Events carry ids and times, never answers, comments or tokens, and an answer's event
 * names neither the rater, the invitation nor the time, so events cannot tie an answer to a rater.
 */
public sealed interface FeedbackEvent {

    /** The assessment. */
    String assessmentId();

    /** A new assessment started collecting answers. */
    record AssessmentOpened(String assessmentId, PersonId subject, Instant at) implements FeedbackEvent {
        /** @throws NullPointerException if a part is missing */
        public AssessmentOpened {
            Require.nonNull("assessmentId", assessmentId);
            Require.nonNull("subject", subject);
            Require.nonNull("at", at);
        }
    }

    /**
     * A rater was invited; {@code rater} is null for a link, whose holder Kasvu does not know.
     */
    record RaterInvited(String assessmentId, String invitationId, PersonId rater, Instant expiresAt)
            implements FeedbackEvent {
        /** @throws NullPointerException if a required part is missing */
        public RaterInvited {
            Require.nonNull("assessmentId", assessmentId);
            Require.nonNull("invitationId", invitationId);
            Require.nonNull("expiresAt", expiresAt);
        }
    }

    /** One more answer came in (whose, through which invitation, and when, are deliberately not said). */
    record AnswerRecorded(String assessmentId, PersonId subject) implements FeedbackEvent {
        /** @throws NullPointerException if a part is missing */
        public AnswerRecorded {
            Require.nonNull("assessmentId", assessmentId);
            Require.nonNull("subject", subject);
        }
    }

    /** The assessment closed and its report was released to the subject. */
    record AssessmentClosed(String assessmentId, PersonId subject, Instant at) implements FeedbackEvent {
        /** @throws NullPointerException if a part is missing */
        public AssessmentClosed {
            Require.nonNull("assessmentId", assessmentId);
            Require.nonNull("subject", subject);
            Require.nonNull("at", at);
        }
    }

    /** The subject started or stopped sharing the report with the teacher. */
    record ReportSharingChanged(String assessmentId, PersonId subject, boolean shared) implements FeedbackEvent {
        /** @throws NullPointerException if a part is missing */
        public ReportSharingChanged {
            Require.nonNull("assessmentId", assessmentId);
            Require.nonNull("subject", subject);
        }
    }

    /** The events a change from one state to the next amounts to; {@code before} is null for a new assessment. */
    static List<FeedbackEvent> between(FeedbackAssessment before, FeedbackAssessment after) {
        List<FeedbackEvent> events = new ArrayList<>();
        if (before == null) {
            events.add(new AssessmentOpened(after.id(), after.subject(), after.created()));
        }
        Set<String> known = before == null ? Set.of()
                : before.invitations().stream().map(Invitation::id).collect(Collectors.toSet());
        for (Invitation invitation : after.invitations()) {
            if (!known.contains(invitation.id())) {
                PersonId rater = invitation.invitee() instanceof Invitee.Roster roster ? roster.person() : null;
                events.add(new RaterInvited(after.id(), invitation.id(), rater, invitation.expiresAt()));
            }
        }
        int answersBefore = before == null ? 0 : before.responses().size();
        for (int i = answersBefore; i < after.responses().size(); i++) {
            events.add(new AnswerRecorded(after.id(), after.subject()));
        }
        if (after.stage() instanceof FeedbackStage.Closed closed && (before == null || !before.closed())) {
            events.add(new AssessmentClosed(after.id(), after.subject(), closed.at()));
        }
        if (before != null && before.reportShared() != after.reportShared()) {
            events.add(new ReportSharingChanged(after.id(), after.subject(), after.reportShared()));
        }
        return List.copyOf(events);
    }
}
