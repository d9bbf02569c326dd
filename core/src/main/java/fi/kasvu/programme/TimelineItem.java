package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;

/** One entry of a programme's timeline, ordered by {@link #at()}. */
public sealed interface TimelineItem {

    /** When the item happens or is due. */
    Instant at();

    /**
     * An event of the programme.
     *
     * @param phaseId the phase it is in
     * @param event   the event
     */
    record Event(String phaseId, ScheduledEvent event) implements TimelineItem {
        /** @throws NullPointerException if a part is missing */
        public Event {
            Require.nonNull("phaseId", phaseId);
            Require.nonNull("event", event);
        }

        @Override
        public Instant at() {
            return event.starts();
        }
    }

    /**
     * An assignment's deadline; {@code assignment.fulfilledBy()} links to what fulfils it.
     *
     * @param phaseId    the phase it is in
     * @param assignment the assignment
     * @param deadline   the end of its due day in the programme's zone
     */
    record Deadline(String phaseId, Assignment assignment, Instant deadline) implements TimelineItem {
        /** @throws NullPointerException if a part is missing */
        public Deadline {
            Require.nonNull("phaseId", phaseId);
            Require.nonNull("assignment", assignment);
            Require.nonNull("deadline", deadline);
        }

        @Override
        public Instant at() {
            return deadline;
        }
    }

    /**
     * A submitted reflection waiting for the coach's feedback (the coach's own timeline only).
     *
     * @param reflectionId the reflection
     * @param assignmentId its assignment
     * @param learner      whose it is
     * @param submittedAt  when it was submitted
     */
    record FeedbackToGive(String reflectionId, String assignmentId, PersonId learner, Instant submittedAt)
            implements TimelineItem {
        /** @throws NullPointerException if a part is missing */
        public FeedbackToGive {
            Require.nonNull("reflectionId", reflectionId);
            Require.nonNull("assignmentId", assignmentId);
            Require.nonNull("learner", learner);
            Require.nonNull("submittedAt", submittedAt);
        }

        @Override
        public Instant at() {
            return submittedAt;
        }
    }
}
