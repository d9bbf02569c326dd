package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.util.List;

/**
 * One learner's reflection for an intermediate or final assignment: the learner writes and
 * submits, the coach gives feedback. The text and the feedback are private to the learner and
 * their coach; anyone else (an organiser, a teacher) gets {@link #viewFor} progress only.
 *
 * @param id           unique within the tenant
 * @param programmeId  the programme
 * @param assignmentId the assignment in it
 * @param learner      who writes it
 * @param coach        who gives feedback, or null while none is named
 * @param text         what the learner wrote ("" while empty)
 * @param stage        draft, submitted, or with feedback
 * @param created      when it was started
 * @param updated      when it last changed
 */
public record ReflectionAssignment(String id, String programmeId, String assignmentId, PersonId learner,
                                   PersonId coach, String text, ReflectionStage stage, Instant created,
                                   Instant updated) {

    /** @throws IllegalArgumentException if an id is invalid or the text too long */
    public ReflectionAssignment {
        Require.id("id", id);
        Require.id("programmeId", programmeId);
        Require.id("assignmentId", assignmentId);
        Require.nonNull("learner", learner);
        text = Require.text("text", text);
        Require.nonNull("stage", stage);
        Require.nonNull("created", created);
        Require.nonNull("updated", updated);
        if (!(stage instanceof ReflectionStage.Draft) && text.isBlank()) {
            throw new IllegalArgumentException("a submitted reflection must have text");
        }
    }

    /**
     * Starts the learner's reflection for an assignment of the programme, with a coach of the
     * programme (or none yet).
     *
     * @return the reflection, or the problems: the assignment is not a reflection, the learner is
     *         not a participant, the coach not a coach
     */
    public static Result<ReflectionAssignment, ProgrammeProblem> start(String id, Programme programme,
                                                                       String assignmentId, PersonId learner,
                                                                       PersonId coach, Instant at) {
        Require.nonNull("programme", programme);
        Require.nonNull("learner", learner);
        List<ProgrammeProblem> problems = new java.util.ArrayList<>();
        Assignment assignment = programme.assignment(assignmentId).orElse(null);
        if (assignment == null || !(assignment.fulfilledBy() instanceof Fulfilment.Reflection)) {
            problems.add(new ProgrammeProblem.NotAReflection(assignmentId));
        }
        if (!programme.has(learner, ProgrammeRole.PARTICIPANT)) {
            problems.add(new ProgrammeProblem.NotInRole(ProgrammeRole.PARTICIPANT));
        }
        if (coach != null && !programme.has(coach, ProgrammeRole.COACH)) {
            problems.add(new ProgrammeProblem.NotInRole(ProgrammeRole.COACH));
        }
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        return Result.accepted(new ReflectionAssignment(id, programme.id(), assignmentId, learner, coach, "",
                new ReflectionStage.Draft(), at, at));
    }

    /** Whether the coach has given feedback. */
    public boolean complete() {
        return stage instanceof ReflectionStage.FeedbackGiven;
    }

    /** Whether it has been submitted (with or without feedback). */
    public boolean submitted() {
        return !(stage instanceof ReflectionStage.Draft);
    }

    /** Saves the learner's draft text. */
    public Result<ReflectionAssignment, ProgrammeProblem> write(PersonId by, String newText, Instant at) {
        if (!learner.equals(Require.nonNull("by", by))) {
            return Result.rejected(new ProgrammeProblem.NotLearner());
        }
        if (submitted()) {
            return Result.rejected(new ProgrammeProblem.AlreadySubmitted());
        }
        return Result.accepted(new ReflectionAssignment(id, programmeId, assignmentId, learner, coach,
                Require.text("text", newText), stage, created, at));
    }

    /** Submits the text; late when after the deadline. */
    public Result<ReflectionAssignment, ProgrammeProblem> submit(PersonId by, Instant deadline, Instant at) {
        Require.nonNull("deadline", deadline);
        if (!learner.equals(Require.nonNull("by", by))) {
            return Result.rejected(new ProgrammeProblem.NotLearner());
        }
        if (submitted()) {
            return Result.rejected(new ProgrammeProblem.AlreadySubmitted());
        }
        if (text.isBlank()) {
            return Result.rejected(new ProgrammeProblem.EmptyText("text"));
        }
        return Result.accepted(new ReflectionAssignment(id, programmeId, assignmentId, learner, coach, text,
                new ReflectionStage.Submitted(at, at.isAfter(deadline)), created, at));
    }

    /** Names the coach who gives feedback (an organiser pairs them); only before feedback is given. */
    public Result<ReflectionAssignment, ProgrammeProblem> assignCoach(Programme programme, PersonId by,
                                                                      PersonId newCoach, Instant at) {
        if (!programme.has(Require.nonNull("by", by), ProgrammeRole.ORGANISER)) {
            return Result.rejected(new ProgrammeProblem.NotOrganiser());
        }
        if (!programme.has(Require.nonNull("newCoach", newCoach), ProgrammeRole.COACH)) {
            return Result.rejected(new ProgrammeProblem.NotInRole(ProgrammeRole.COACH));
        }
        return Result.accepted(new ReflectionAssignment(id, programmeId, assignmentId, learner, newCoach, text, stage,
                created, at));
    }

    /** The coach's feedback on a submitted reflection (given again, it replaces the earlier feedback). */
    public Result<ReflectionAssignment, ProgrammeProblem> giveFeedback(PersonId by, String feedback, Instant at) {
        if (coach == null || !coach.equals(Require.nonNull("by", by))) {
            return Result.rejected(new ProgrammeProblem.NotCoach());
        }
        if (feedback == null || feedback.isBlank()) {
            return Result.rejected(new ProgrammeProblem.EmptyText("feedback"));
        }
        Require.text("feedback", feedback);
        ReflectionStage next;
        if (stage instanceof ReflectionStage.Submitted submitted) {
            next = new ReflectionStage.FeedbackGiven(submitted.at(), submitted.late(), feedback, at);
        } else if (stage instanceof ReflectionStage.FeedbackGiven given) {
            next = new ReflectionStage.FeedbackGiven(given.submittedAt(), given.late(), feedback, at);
        } else {
            return Result.rejected(new ProgrammeProblem.NotSubmitted());
        }
        return Result.accepted(new ReflectionAssignment(id, programmeId, assignmentId, learner, coach, text, next,
                created, at));
    }

    /** What the viewer may see: everything for the learner and the coach, progress for anyone else. */
    public ReflectionView viewFor(PersonId viewer) {
        Require.nonNull("viewer", viewer);
        if (viewer.equals(learner) || viewer.equals(coach)) {
            return new ReflectionView.Full(this);
        }
        return progress();
    }

    /** Progress without the text or feedback, for organisers, teachers, reminders and gradebooks. */
    public ReflectionView.Progress progress() {
        Instant submittedAt = stage instanceof ReflectionStage.Submitted s ? s.at()
                : stage instanceof ReflectionStage.FeedbackGiven g ? g.submittedAt() : null;
        boolean late = stage instanceof ReflectionStage.Submitted s ? s.late()
                : stage instanceof ReflectionStage.FeedbackGiven g && g.late();
        return new ReflectionView.Progress(id, programmeId, assignmentId, learner, coach,
                ReflectionView.Status.of(stage), submittedAt, late);
    }
}
