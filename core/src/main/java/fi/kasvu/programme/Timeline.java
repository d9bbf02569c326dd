package fi.kasvu.programme;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A programme seen at one moment by one person: what happened, what is next (every phase visible
 * to all, seed 002), and what is due for them: their assignments not yet done, or, for a coach,
 * the reflections waiting for feedback. Built from progress only, never from anyone's text.
 *
 * @param happened events over and deadlines passed, oldest first
 * @param next     events not over and deadlines ahead, soonest first
 * @param dueForMe what the person still has to do, soonest first (overdue included)
 */
public record Timeline(List<TimelineItem> happened, List<TimelineItem> next, List<TimelineItem> dueForMe) {

    /** How long a coach has to give feedback on a submitted reflection before a reminder. */
    public static final Duration FEEDBACK_WITHIN = Duration.ofDays(7);

    /** Copies the lists. */
    public Timeline {
        happened = Require.list("happened", happened);
        next = Require.list("next", next);
        dueForMe = Require.list("dueForMe", dueForMe);
    }

    /**
     * The timeline of the programme for the person at the instant.
     *
     * @param reflections the programme's reflections' progress (text never needed)
     * @param activities  who has completed which linked activity
     */
    public static Timeline of(Programme programme, PersonId person, Instant now,
                              Collection<ReflectionView.Progress> reflections, ActivityCompletion activities) {
        Require.nonNull("programme", programme);
        Require.nonNull("person", person);
        Require.nonNull("now", now);
        List<TimelineItem> happened = new ArrayList<>();
        List<TimelineItem> next = new ArrayList<>();
        List<TimelineItem> due = new ArrayList<>();
        for (Phase phase : programme.phases()) {
            for (ScheduledEvent event : phase.events()) {
                (event.ends().isAfter(now) ? next : happened).add(new TimelineItem.Event(phase.id(), event));
            }
            for (Assignment assignment : phase.assignments()) {
                TimelineItem.Deadline deadline = new TimelineItem.Deadline(phase.id(), assignment,
                        programme.deadline(assignment));
                (deadline.deadline().isAfter(now) ? next : happened).add(deadline);
                if (programme.has(person, ProgrammeRole.PARTICIPANT)
                        && !done(programme.id(), person, assignment, reflections, activities)) {
                    due.add(deadline);
                }
            }
        }
        for (ReflectionView.Progress reflection : reflections) {
            if (person.equals(reflection.coach()) && reflection.status() == ReflectionView.Status.SUBMITTED
                    && reflection.programmeId().equals(programme.id())) {
                due.add(new TimelineItem.FeedbackToGive(reflection.reflectionId(), reflection.assignmentId(),
                        reflection.learner(), reflection.submittedAt()));
            }
        }
        Comparator<TimelineItem> byTime = Comparator.comparing(TimelineItem::at);
        happened.sort(byTime);
        next.sort(byTime);
        due.sort(byTime);
        return new Timeline(happened, next, due);
    }

    /**
     * Reminder items falling due in {@code [from, to)}: events for every member, deadlines for
     * participants who have not done the assignment, feedback for the coach
     * {@link #FEEDBACK_WITHIN} after submission. No item carries any text.
     */
    public static List<DueItem> dueItems(Programme programme, Collection<ReflectionView.Progress> reflections,
                                         ActivityCompletion activities, Instant from, Instant to) {
        Require.nonNull("from", from);
        Require.nonNull("to", to);
        List<DueItem> items = new ArrayList<>();
        Set<PersonId> everyone = new LinkedHashSet<>();
        programme.members().forEach(member -> everyone.add(member.person()));
        for (ScheduledEvent event : programme.events()) {
            if (within(event.starts(), from, to)) {
                everyone.forEach(person -> items.add(new DueItem(person, "programme.event.upcoming", programme.id(),
                        event.id(), event.starts())));
            }
        }
        for (Assignment assignment : programme.assignments()) {
            Instant deadline = programme.deadline(assignment);
            if (!within(deadline, from, to)) {
                continue;
            }
            for (PersonId participant : programme.withRole(ProgrammeRole.PARTICIPANT)) {
                if (!done(programme.id(), participant, assignment, reflections, activities)) {
                    items.add(new DueItem(participant, "programme.assignment.due", programme.id(), assignment.id(),
                            deadline));
                }
            }
        }
        for (ReflectionView.Progress reflection : reflections) {
            if (reflection.coach() != null && reflection.status() == ReflectionView.Status.SUBMITTED
                    && reflection.programmeId().equals(programme.id())) {
                Instant due = reflection.submittedAt().plus(FEEDBACK_WITHIN);
                if (within(due, from, to)) {
                    items.add(new DueItem(reflection.coach(), "programme.feedback.due", programme.id(),
                            reflection.reflectionId(), due));
                }
            }
        }
        items.sort(Comparator.comparing(DueItem::due).thenComparing(i -> i.recipient().value()));
        return List.copyOf(items);
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /**
     * Whether the assignment is done for the person: her reflection for it submitted, or the Kasvu
     * activity that fulfils it complete for her. The one notion of "done for this person" that the
     * timeline, the reminders and the personal calendar share.
     *
     * @param reflections the programme's reflections' progress (text never needed)
     * @param activities  who has completed which linked activity
     */
    public static boolean done(Programme programme, PersonId person, Assignment assignment,
                               Collection<ReflectionView.Progress> reflections, ActivityCompletion activities) {
        Require.nonNull("programme", programme);
        Require.nonNull("person", person);
        Require.nonNull("assignment", assignment);
        Require.nonNull("reflections", reflections);
        Require.nonNull("activities", activities);
        return done(programme.id(), person, assignment, reflections, activities);
    }

    private static boolean done(String programmeId, PersonId person, Assignment assignment,
                                Collection<ReflectionView.Progress> reflections, ActivityCompletion activities) {
        if (assignment.fulfilledBy() instanceof Fulfilment.Activity activity) {
            return activities.completed(person, activity);
        }
        return reflections.stream().anyMatch(r -> r.learner().equals(person) && r.programmeId().equals(programmeId)
                && r.assignmentId().equals(assignment.id()) && r.status() != ReflectionView.Status.DRAFT);
    }
}
