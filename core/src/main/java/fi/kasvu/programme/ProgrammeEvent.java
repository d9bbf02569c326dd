package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * Something that happened in a programme that an embedding system may act on: a calendar to
 * update, a score for the gradebook. Events carry ids and times, never a reflection's text or
 * the coach's feedback.
 */
public sealed interface ProgrammeEvent {

    /** The programme. */
    String programmeId();

    /** A programme was made (from a template or from nothing). */
    record ProgrammeCreated(String programmeId, Instant at) implements ProgrammeEvent {
        /** @throws NullPointerException if a part is missing */
        public ProgrammeCreated {
            Require.nonNull("programmeId", programmeId);
            Require.nonNull("at", at);
        }
    }

    /** A programme's schedule or members changed: calendars and reminders should be brought up to date. */
    record ProgrammeChanged(String programmeId, Instant at) implements ProgrammeEvent {
        /** @throws NullPointerException if a part is missing */
        public ProgrammeChanged {
            Require.nonNull("programmeId", programmeId);
            Require.nonNull("at", at);
        }
    }

    /** A learner submitted a reflection. */
    record ReflectionSubmitted(String programmeId, String reflectionId, String assignmentId, PersonId learner,
                               boolean late, Instant at) implements ProgrammeEvent {
        /** @throws NullPointerException if a part is missing */
        public ReflectionSubmitted {
            Require.nonNull("programmeId", programmeId);
            Require.nonNull("reflectionId", reflectionId);
            Require.nonNull("assignmentId", assignmentId);
            Require.nonNull("learner", learner);
            Require.nonNull("at", at);
        }
    }

    /** The coach gave feedback on a reflection, completing the assignment (a gradebook may record it). */
    record ReflectionCompleted(String programmeId, String reflectionId, String assignmentId, PersonId learner,
                               Instant at) implements ProgrammeEvent {
        /** @throws NullPointerException if a part is missing */
        public ReflectionCompleted {
            Require.nonNull("programmeId", programmeId);
            Require.nonNull("reflectionId", reflectionId);
            Require.nonNull("assignmentId", assignmentId);
            Require.nonNull("learner", learner);
            Require.nonNull("at", at);
        }
    }
}
