package fi.kasvu.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a programme, each returning typed problems: items within the programme's days,
 * events within their phase and after their start, assignments due within the programme and
 * final ones after intermediate ones, every phase with content, every event with a venue (and a
 * meetup with a speaker), every activity linked, and an organiser.
 */
public final class ProgrammeRules {

    private ProgrammeRules() {
    }

    /** Every problem of the programme, in phase order. */
    public static List<ProgrammeProblem> check(Programme programme) {
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (programme.ends().isBefore(programme.starts())) {
            problems.add(new ProgrammeProblem.EndsBeforeStart(programme.starts(), programme.ends()));
        }
        if (programme.withRole(ProgrammeRole.ORGANISER).isEmpty()) {
            problems.add(new ProgrammeProblem.NoOrganiser());
        }
        for (Phase phase : programme.phases()) {
            if (phase.starts().isBefore(programme.starts()) || phase.ends().isAfter(programme.ends())
                    || phase.ends().isBefore(phase.starts())) {
                problems.add(new ProgrammeProblem.PhaseOutsideProgramme(phase.id(), phase.starts(), phase.ends()));
            }
            if (phase.empty()) {
                problems.add(new ProgrammeProblem.PhaseEmpty(phase.id()));
            }
            for (ScheduledEvent event : phase.events()) {
                problems.addAll(eventProblems(programme, phase, event));
                if (event.venue() instanceof Venue.ToBeAnnounced) {
                    problems.add(new ProgrammeProblem.VenueToBeAnnounced(event.id()));
                }
                if (event.kind() == EventKind.MEETUP && event.speaker().isEmpty()) {
                    problems.add(new ProgrammeProblem.SpeakerMissing(event.id()));
                }
            }
            for (Assignment assignment : phase.assignments()) {
                problems.addAll(assignmentProblems(programme, assignment));
                if (assignment.fulfilledBy() instanceof Fulfilment.Activity activity && activity.activityId() == null) {
                    problems.add(new ProgrammeProblem.ActivityNotLinked(assignment.id()));
                }
            }
        }
        List<Assignment> assignments = programme.assignments();
        for (Assignment finalOne : assignments) {
            if (finalOne.kind() != AssignmentKind.FINAL) {
                continue;
            }
            assignments.stream()
                    .filter(other -> other.kind() == AssignmentKind.INTERMEDIATE && other.due().isAfter(finalOne.due()))
                    .findFirst()
                    .ifPresent(other -> problems.add(new ProgrammeProblem.FinalBeforeIntermediate(finalOne.id(), other.id())));
        }
        return List.copyOf(problems);
    }

    /** What is wrong with an event's times in its phase and programme. */
    static List<ProgrammeProblem> eventProblems(Programme programme, Phase phase, ScheduledEvent event) {
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (event.ends().isBefore(event.starts())) {
            problems.add(new ProgrammeProblem.EventEndsBeforeStart(event.id()));
        }
        LocalDate first = event.starts().atZone(programme.zone()).toLocalDate();
        LocalDate last = event.ends().atZone(programme.zone()).toLocalDate();
        if (first.isBefore(programme.starts()) || last.isAfter(programme.ends())) {
            problems.add(new ProgrammeProblem.EventOutsideProgramme(event.id(), first.isBefore(programme.starts())
                    ? first : last, programme.starts(), programme.ends()));
        } else if (first.isBefore(phase.starts()) || first.isAfter(phase.ends())) {
            problems.add(new ProgrammeProblem.EventOutsidePhase(event.id(), phase.id(), first));
        }
        return problems;
    }

    /** What is wrong with an assignment's day in the programme. */
    static List<ProgrammeProblem> assignmentProblems(Programme programme, Assignment assignment) {
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (assignment.due().isAfter(programme.ends())) {
            problems.add(new ProgrammeProblem.AssignmentAfterClose(assignment.id(), assignment.due(), programme.ends()));
        }
        if (assignment.due().isBefore(programme.starts())) {
            problems.add(new ProgrammeProblem.AssignmentBeforeStart(assignment.id(), assignment.due(), programme.starts()));
        }
        return problems;
    }
}
