package fi.kasvu.programme;

import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything an organiser, participant or coach can get wrong in a programme or a reflection
 * assignment, one record per kind, each with a stable message code that {@code fi.kasvu.i18n}
 * turns into fi, sv and en text. No problem carries what anyone wrote.
 */
public sealed interface ProgrammeProblem extends Problem {

    /** Only an organiser of the programme may change it. */
    record NotOrganiser() implements ProgrammeProblem {
        @Override public String code() { return "programme.rights.notOrganiser"; }
        @Override public String field() { return "members"; }
    }

    /** The programme ends before it starts. */
    record EndsBeforeStart(LocalDate starts, LocalDate ends) implements ProgrammeProblem {
        /** @throws NullPointerException if a day is missing */
        public EndsBeforeStart {
            Require.nonNull("starts", starts);
            Require.nonNull("ends", ends);
        }

        @Override public String code() { return "programme.dates.endsBeforeStart"; }
        @Override public String field() { return "ends"; }
        @Override public Map<String, Object> arguments() { return Map.of("starts", starts.toString(), "ends", ends.toString()); }
    }

    /** No phase with this id. */
    record UnknownPhase(String phaseId) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public UnknownPhase {
            Require.nonNull("phaseId", phaseId);
        }

        @Override public String code() { return "programme.phase.unknown"; }
        @Override public String field() { return "phaseId"; }
        @Override public Map<String, Object> arguments() { return Map.of("phaseId", phaseId); }
    }

    /** The id is already used by a phase, event or assignment of the programme. */
    record IdTaken(String id) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public IdTaken {
            Require.nonNull("id", id);
        }

        @Override public String code() { return "programme.id.taken"; }
        @Override public String field() { return "id"; }
        @Override public Map<String, Object> arguments() { return Map.of("id", id); }
    }

    /** The person already has the role in the programme. */
    record AlreadyMember(String person, ProgrammeRole role) implements ProgrammeProblem {
        /** @throws NullPointerException if a part is missing */
        public AlreadyMember {
            Require.nonNull("person", person);
            Require.nonNull("role", role);
        }

        @Override public String code() { return "programme.member.already"; }
        @Override public String field() { return "members"; }
        @Override public Map<String, Object> arguments() { return Map.of("person", person, "role", role.name()); }
    }

    /** A phase lies partly outside the programme's days. */
    record PhaseOutsideProgramme(String phaseId, LocalDate starts, LocalDate ends) implements ProgrammeProblem {
        /** @throws NullPointerException if a part is missing */
        public PhaseOutsideProgramme {
            Require.nonNull("phaseId", phaseId);
            Require.nonNull("starts", starts);
            Require.nonNull("ends", ends);
        }

        @Override public String code() { return "programme.phase.outsideProgramme"; }
        @Override public String field() { return "phases." + phaseId; }
        @Override public Map<String, Object> arguments() {
            return Map.of("phaseId", phaseId, "starts", starts.toString(), "ends", ends.toString());
        }
    }

    /** A phase has no event and no assignment. */
    record PhaseEmpty(String phaseId) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public PhaseEmpty {
            Require.nonNull("phaseId", phaseId);
        }

        @Override public String code() { return "programme.phase.empty"; }
        @Override public String field() { return "phases." + phaseId; }
        @Override public Map<String, Object> arguments() { return Map.of("phaseId", phaseId); }
    }

    /** An event ends before it starts. */
    record EventEndsBeforeStart(String eventId) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public EventEndsBeforeStart {
            Require.nonNull("eventId", eventId);
        }

        @Override public String code() { return "programme.event.endsBeforeStart"; }
        @Override public String field() { return "events." + eventId + ".ends"; }
        @Override public Map<String, Object> arguments() { return Map.of("eventId", eventId); }
    }

    /** An event falls on a day outside the programme's days. */
    record EventOutsideProgramme(String eventId, LocalDate day, LocalDate starts, LocalDate ends)
            implements ProgrammeProblem {
        /** @throws NullPointerException if a part is missing */
        public EventOutsideProgramme {
            Require.nonNull("eventId", eventId);
            Require.nonNull("day", day);
            Require.nonNull("starts", starts);
            Require.nonNull("ends", ends);
        }

        @Override public String code() { return "programme.event.outsideProgramme"; }
        @Override public String field() { return "events." + eventId + ".starts"; }
        @Override public Map<String, Object> arguments() {
            return Map.of("eventId", eventId, "day", day.toString(), "starts", starts.toString(), "ends", ends.toString());
        }
    }

    /** An event falls outside the days of the phase it is in. */
    record EventOutsidePhase(String eventId, String phaseId, LocalDate day) implements ProgrammeProblem {
        /** @throws NullPointerException if a part is missing */
        public EventOutsidePhase {
            Require.nonNull("eventId", eventId);
            Require.nonNull("phaseId", phaseId);
            Require.nonNull("day", day);
        }

        @Override public String code() { return "programme.event.outsidePhase"; }
        @Override public String field() { return "events." + eventId + ".starts"; }
        @Override public Map<String, Object> arguments() {
            return Map.of("eventId", eventId, "phaseId", phaseId, "day", day.toString());
        }
    }

    /** An event has no place or link yet. */
    record VenueToBeAnnounced(String eventId) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public VenueToBeAnnounced {
            Require.nonNull("eventId", eventId);
        }

        @Override public String code() { return "programme.event.venueMissing"; }
        @Override public String field() { return "events." + eventId + ".venue"; }
        @Override public Map<String, Object> arguments() { return Map.of("eventId", eventId); }
    }

    /** A meetup has no speaker yet. */
    record SpeakerMissing(String eventId) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public SpeakerMissing {
            Require.nonNull("eventId", eventId);
        }

        @Override public String code() { return "programme.event.speakerMissing"; }
        @Override public String field() { return "events." + eventId + ".speaker"; }
        @Override public Map<String, Object> arguments() { return Map.of("eventId", eventId); }
    }

    /** An assignment is due after the programme closes. */
    record AssignmentAfterClose(String assignmentId, LocalDate due, LocalDate ends) implements ProgrammeProblem {
        /** @throws NullPointerException if a part is missing */
        public AssignmentAfterClose {
            Require.nonNull("assignmentId", assignmentId);
            Require.nonNull("due", due);
            Require.nonNull("ends", ends);
        }

        @Override public String code() { return "programme.assignment.afterClose"; }
        @Override public String field() { return "assignments." + assignmentId + ".due"; }
        @Override public Map<String, Object> arguments() {
            return Map.of("assignmentId", assignmentId, "due", due.toString(), "ends", ends.toString());
        }
    }

    /** An assignment is due before the programme starts. */
    record AssignmentBeforeStart(String assignmentId, LocalDate due, LocalDate starts) implements ProgrammeProblem {
        /** @throws NullPointerException if a part is missing */
        public AssignmentBeforeStart {
            Require.nonNull("assignmentId", assignmentId);
            Require.nonNull("due", due);
            Require.nonNull("starts", starts);
        }

        @Override public String code() { return "programme.assignment.beforeStart"; }
        @Override public String field() { return "assignments." + assignmentId + ".due"; }
        @Override public Map<String, Object> arguments() {
            return Map.of("assignmentId", assignmentId, "due", due.toString(), "starts", starts.toString());
        }
    }

    /** A final assignment is due before an intermediate one. */
    record FinalBeforeIntermediate(String finalId, String intermediateId) implements ProgrammeProblem {
        /** @throws NullPointerException if an id is missing */
        public FinalBeforeIntermediate {
            Require.nonNull("finalId", finalId);
            Require.nonNull("intermediateId", intermediateId);
        }

        @Override public String code() { return "programme.assignment.finalBeforeIntermediate"; }
        @Override public String field() { return "assignments." + finalId + ".due"; }
        @Override public Map<String, Object> arguments() {
            return Map.of("finalId", finalId, "intermediateId", intermediateId);
        }
    }

    /** An assignment to be fulfilled by an activity has no activity linked yet. */
    record ActivityNotLinked(String assignmentId) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public ActivityNotLinked {
            Require.nonNull("assignmentId", assignmentId);
        }

        @Override public String code() { return "programme.assignment.activityNotLinked"; }
        @Override public String field() { return "assignments." + assignmentId + ".fulfilledBy"; }
        @Override public Map<String, Object> arguments() { return Map.of("assignmentId", assignmentId); }
    }

    /** The programme has no organiser left. */
    record NoOrganiser() implements ProgrammeProblem {
        @Override public String code() { return "programme.members.noOrganiser"; }
        @Override public String field() { return "members"; }
    }

    /** The assignment is not one written as a reflection. */
    record NotAReflection(String assignmentId) implements ProgrammeProblem {
        /** @throws NullPointerException if the id is missing */
        public NotAReflection {
            Require.nonNull("assignmentId", assignmentId);
        }

        @Override public String code() { return "programme.reflection.notAReflection"; }
        @Override public String field() { return "assignmentId"; }
        @Override public Map<String, Object> arguments() { return Map.of("assignmentId", assignmentId); }
    }

    /** The person is not a participant (for writing) or not a coach (for feedback) of the programme. */
    record NotInRole(ProgrammeRole role) implements ProgrammeProblem {
        /** @throws NullPointerException if the role is missing */
        public NotInRole {
            Require.nonNull("role", role);
        }

        @Override public String code() { return "programme.rights.notInRole"; }
        @Override public String field() { return "person"; }
        @Override public Map<String, Object> arguments() { return Map.of("role", role.name()); }
    }

    /** Only the learner writes and submits the reflection. */
    record NotLearner() implements ProgrammeProblem {
        @Override public String code() { return "programme.reflection.notLearner"; }
        @Override public String field() { return "learner"; }
    }

    /** Only the reflection's coach gives feedback on it. */
    record NotCoach() implements ProgrammeProblem {
        @Override public String code() { return "programme.reflection.notCoach"; }
        @Override public String field() { return "coach"; }
    }

    /** The text is empty. */
    record EmptyText(String field) implements ProgrammeProblem {
        /** @throws NullPointerException if the field is missing */
        public EmptyText {
            Require.nonNull("field", field);
        }

        @Override public String code() { return "programme.reflection.empty"; }
    }

    /** The reflection is submitted and can no longer be changed. */
    record AlreadySubmitted() implements ProgrammeProblem {
        @Override public String code() { return "programme.reflection.alreadySubmitted"; }
        @Override public String field() { return "stage"; }
    }

    /** Feedback comes after the reflection is submitted. */
    record NotSubmitted() implements ProgrammeProblem {
        @Override public String code() { return "programme.reflection.notSubmitted"; }
        @Override public String field() { return "stage"; }
    }
}
