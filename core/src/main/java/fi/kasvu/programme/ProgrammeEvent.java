package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** The events of a programme's change: created when there was none before, else changed. */
    static List<ProgrammeEvent> between(Programme before, Programme after, Instant at) {
        return List.of(before == null ? new ProgrammeCreated(after.id(), at) : new ProgrammeChanged(after.id(), at));
    }

    /** The events of a reflection's change: newly submitted, newly completed. */
    static List<ProgrammeEvent> between(ReflectionAssignment before, ReflectionAssignment after) {
        List<ProgrammeEvent> events = new ArrayList<>();
        if ((before == null || !before.submitted()) && after.stage() instanceof ReflectionStage.Submitted submitted) {
            events.add(new ReflectionSubmitted(after.programmeId(), after.id(), after.assignmentId(), after.learner(),
                    submitted.late(), submitted.at()));
        }
        if ((before == null || !before.complete()) && after.stage() instanceof ReflectionStage.FeedbackGiven given) {
            events.add(new ReflectionCompleted(after.programmeId(), after.id(), after.assignmentId(), after.learner(),
                    given.at()));
        }
        return List.copyOf(events);
    }
}
