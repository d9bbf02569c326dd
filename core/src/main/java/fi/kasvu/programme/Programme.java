package fi.kasvu.programme;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A coaching programme (valmennusprosessi; seeds 002 and 003): its days, phases with events and
 * assignments, and its members. Organisers change it through the commands, which refuse what
 * would put an item outside the programme; {@link #problems()} lists everything the organiser
 * still has to decide (a venue, a speaker, a linked activity, a phase with no content).
 *
 * @param id      unique within the tenant
 * @param context where it runs (an LMS course, say), or null
 * @param title   its title
 * @param starts  its first day
 * @param ends    its last day
 * @param zone    the time zone its days are counted in (assignments are due by the end of a day there)
 * @param phases  its phases, in order
 * @param members its members
 * @param created when it was made
 * @param updated when it last changed
 * @param coaching which coach each participant has (one pairing per participant at most)
 */
public record Programme(String id, String context, LocalizedText title, LocalDate starts, LocalDate ends, ZoneId zone,
                        List<Phase> phases, List<Member> members, Instant created, Instant updated,
                        List<Coaching> coaching) {

    /**
     * @throws IllegalArgumentException if ids of phases, events and assignments repeat, or a member repeats
     * @throws NullPointerException     if a required part is missing
     */
    public Programme {
        Require.id("id", id);
        if (context != null) {
            Require.id("context", context);
        }
        Require.nonNull("title", title);
        Require.nonNull("starts", starts);
        Require.nonNull("ends", ends);
        Require.nonNull("zone", zone);
        phases = Require.list("phases", phases);
        members = Require.list("members", members);
        Require.nonNull("created", created);
        Require.nonNull("updated", updated);
        Set<String> ids = new HashSet<>();
        for (Phase phase : phases) {
            unique(ids, phase.id());
            phase.events().forEach(event -> unique(ids, event.id()));
            phase.assignments().forEach(assignment -> unique(ids, assignment.id()));
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("members must not repeat: " + members);
        }
        coaching = Require.list("coaching", coaching);
        if (coaching.stream().map(Coaching::participant).distinct().count() != coaching.size()) {
            throw new IllegalArgumentException("a participant has one coach at most: " + coaching);
        }
    }

    /** A programme whose participants have no coach of their own yet (as before {@link #coaching()} existed). */
    public Programme(String id, String context, LocalizedText title, LocalDate starts, LocalDate ends, ZoneId zone,
                     List<Phase> phases, List<Member> members, Instant created, Instant updated) {
        this(id, context, title, starts, ends, zone, phases, members, created, updated, List.of());
    }

    private static void unique(Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("phases, events and assignments must have distinct ids: " + id + " repeats");
        }
    }

    /**
     * A new programme with no phases, its creator as organiser.
     *
     * @return the programme, or {@link ProgrammeProblem.EndsBeforeStart}
     */
    public static Result<Programme, ProgrammeProblem> create(String id, String context, LocalizedText title,
                                                             LocalDate starts, LocalDate ends, ZoneId zone,
                                                             PersonId organiser, Instant at) {
        if (ends.isBefore(starts)) {
            return Result.rejected(new ProgrammeProblem.EndsBeforeStart(starts, ends));
        }
        return Result.accepted(new Programme(id, context, title, starts, ends, zone, List.of(),
                List.of(new Member(organiser, ProgrammeRole.ORGANISER)), at, at));
    }

    /** Whether the person has the role. */
    public boolean has(PersonId person, ProgrammeRole role) {
        return members.contains(new Member(person, role));
    }

    /** The persons with the role, in member order. */
    public List<PersonId> withRole(ProgrammeRole role) {
        return members.stream().filter(m -> m.role() == role).map(Member::person).distinct().toList();
    }

    /**
     * The coach an organiser paired the participant with, while both still hold their roles.
     */
    public Optional<PersonId> coachOf(PersonId participant) {
        Require.nonNull("participant", participant);
        return coaching.stream().filter(c -> c.participant().equals(participant)).map(Coaching::coach)
                .filter(coach -> has(coach, ProgrammeRole.COACH) && has(participant, ProgrammeRole.PARTICIPANT))
                .findFirst();
    }

    /**
     * Who gives the participant feedback: the coach she was paired with, else the programme's only
     * coach (other than herself); none while several coaches wait for the organiser to pair them.
     */
    public Optional<PersonId> coachFor(PersonId participant) {
        Optional<PersonId> paired = coachOf(participant);
        if (paired.isPresent()) {
            return paired;
        }
        List<PersonId> coaches = withRole(ProgrammeRole.COACH).stream().filter(c -> !c.equals(participant)).toList();
        return coaches.size() == 1 ? Optional.of(coaches.get(0)) : Optional.empty();
    }

    /**
     * Pairs a participant with one of the programme's coaches, replacing her earlier coach.
     *
     * @return the programme, or the problems: not an organiser, not a participant, not a coach (a
     *         participant is never her own coach)
     */
    public Result<Programme, ProgrammeProblem> assignCoach(PersonId by, PersonId participant, PersonId coach,
                                                           Instant at) {
        Require.nonNull("participant", participant);
        Require.nonNull("coach", coach);
        List<ProgrammeProblem> problems = organiser(by);
        if (!has(participant, ProgrammeRole.PARTICIPANT)) {
            problems.add(new ProgrammeProblem.NotInRole(ProgrammeRole.PARTICIPANT));
        }
        if (!has(coach, ProgrammeRole.COACH) || coach.equals(participant)) {
            problems.add(new ProgrammeProblem.NotInRole(ProgrammeRole.COACH));
        }
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        List<Coaching> next = new ArrayList<>(coaching);
        next.removeIf(c -> c.participant().equals(participant));
        next.add(new Coaching(participant, coach));
        return Result.accepted(new Programme(id, context, title, starts, ends, zone, phases, members, created, at,
                next));
    }

    /** Every event, in time order. */
    public List<ScheduledEvent> events() {
        return phases.stream().flatMap(p -> p.events().stream())
                .sorted(java.util.Comparator.comparing(ScheduledEvent::starts).thenComparing(ScheduledEvent::id)).toList();
    }

    /** Every assignment, by due day. */
    public List<Assignment> assignments() {
        return phases.stream().flatMap(p -> p.assignments().stream())
                .sorted(java.util.Comparator.comparing(Assignment::due).thenComparing(Assignment::id)).toList();
    }

    /** The assignment with the id. */
    public Optional<Assignment> assignment(String assignmentId) {
        return assignments().stream().filter(a -> a.id().equals(assignmentId)).findFirst();
    }

    /** The phase holding an item (event or assignment) with the id. */
    public Optional<Phase> phaseOf(String itemId) {
        return phases.stream().filter(p -> p.events().stream().anyMatch(e -> e.id().equals(itemId))
                || p.assignments().stream().anyMatch(a -> a.id().equals(itemId))).findFirst();
    }

    /** The instant an assignment's due day ends in the programme's zone. */
    public Instant deadline(Assignment assignment) {
        return assignment.due().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Everything the organiser still has to put right or decide, empty when the programme is ready. */
    public List<ProgrammeProblem> problems() {
        return ProgrammeRules.check(this);
    }

    /** Adds a phase; its own events and assignments must lie within the programme. */
    public Result<Programme, ProgrammeProblem> addPhase(PersonId by, Phase phase, Instant at) {
        Require.nonNull("phase", phase);
        List<ProgrammeProblem> problems = organiser(by);
        takenIds(phase).forEach(id -> problems.add(new ProgrammeProblem.IdTaken(id)));
        if (phase.starts().isBefore(starts) || phase.ends().isAfter(ends) || phase.ends().isBefore(phase.starts())) {
            problems.add(new ProgrammeProblem.PhaseOutsideProgramme(phase.id(), phase.starts(), phase.ends()));
        }
        phase.events().forEach(event -> problems.addAll(ProgrammeRules.eventProblems(this, phase, event)));
        phase.assignments().forEach(assignment -> problems.addAll(ProgrammeRules.assignmentProblems(this, assignment)));
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        List<Phase> next = new ArrayList<>(phases);
        next.add(phase);
        return Result.accepted(with(next, members, at));
    }

    /** Adds an event to a phase, or replaces the event with the same id there (a new time, venue or speaker). */
    public Result<Programme, ProgrammeProblem> putEvent(PersonId by, String phaseId, ScheduledEvent event, Instant at) {
        Require.nonNull("event", event);
        return inPhase(by, phaseId, event.id(), at, phase -> {
            List<ProgrammeProblem> problems = ProgrammeRules.eventProblems(this, phase, event);
            if (!problems.isEmpty()) {
                return Result.rejected(problems);
            }
            List<ScheduledEvent> events = new ArrayList<>(phase.events());
            events.removeIf(e -> e.id().equals(event.id()));
            events.add(event);
            return Result.accepted(new Phase(phase.id(), phase.title(), phase.starts(), phase.ends(), events,
                    phase.assignments()));
        });
    }

    /** Adds an assignment to a phase, or replaces the one with the same id there (a new day, a linked activity). */
    public Result<Programme, ProgrammeProblem> putAssignment(PersonId by, String phaseId, Assignment assignment,
                                                             Instant at) {
        Require.nonNull("assignment", assignment);
        return inPhase(by, phaseId, assignment.id(), at, phase -> {
            List<ProgrammeProblem> problems = ProgrammeRules.assignmentProblems(this, assignment);
            if (!problems.isEmpty()) {
                return Result.rejected(problems);
            }
            List<Assignment> assignments = new ArrayList<>(phase.assignments());
            int index = -1;
            for (int i = 0; i < assignments.size(); i++) {
                if (assignments.get(i).id().equals(assignment.id())) {
                    index = i;
                }
            }
            if (index >= 0) {
                assignments.set(index, assignment);
            } else {
                assignments.add(assignment);
            }
            return Result.accepted(new Phase(phase.id(), phase.title(), phase.starts(), phase.ends(), phase.events(),
                    assignments));
        });
    }

    /** Adds a member in a role. */
    public Result<Programme, ProgrammeProblem> addMember(PersonId by, Member member, Instant at) {
        Require.nonNull("member", member);
        List<ProgrammeProblem> problems = organiser(by);
        if (members.contains(member)) {
            problems.add(new ProgrammeProblem.AlreadyMember(member.person().value(), member.role()));
        }
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        List<Member> next = new ArrayList<>(members);
        next.add(member);
        return Result.accepted(with(phases, next, at));
    }

    /** Removes a member's role; the last organiser cannot be removed. */
    public Result<Programme, ProgrammeProblem> removeMember(PersonId by, Member member, Instant at) {
        Require.nonNull("member", member);
        List<ProgrammeProblem> problems = organiser(by);
        List<Member> next = new ArrayList<>(members);
        next.remove(member);
        if (next.stream().noneMatch(m -> m.role() == ProgrammeRole.ORGANISER)) {
            problems.add(new ProgrammeProblem.NoOrganiser());
        }
        return problems.isEmpty() ? Result.accepted(with(phases, next, at)) : Result.rejected(problems);
    }

    private Result<Programme, ProgrammeProblem> inPhase(PersonId by, String phaseId, String itemId, Instant at,
                                                        java.util.function.Function<Phase, Result<Phase, ProgrammeProblem>> change) {
        List<ProgrammeProblem> problems = organiser(by);
        Phase phase = phases.stream().filter(p -> p.id().equals(phaseId)).findFirst().orElse(null);
        if (phase == null) {
            problems.add(new ProgrammeProblem.UnknownPhase(phaseId));
        } else {
            Phase holder = phaseOf(itemId).orElse(null);
            boolean usedElsewhere = holder != null && !holder.id().equals(phaseId)
                    || phases.stream().anyMatch(p -> p.id().equals(itemId));
            if (usedElsewhere) {
                problems.add(new ProgrammeProblem.IdTaken(itemId));
            }
        }
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        return change.apply(phase).map(changed -> with(replace(phase.id(), p -> changed), members, at));
    }

    private List<Phase> replace(String phaseId, UnaryOperator<Phase> change) {
        return phases.stream().map(p -> p.id().equals(phaseId) ? change.apply(p) : p).toList();
    }

    private List<String> takenIds(Phase phase) {
        Set<String> ids = new HashSet<>();
        for (Phase existing : phases) {
            ids.add(existing.id());
            existing.events().forEach(e -> ids.add(e.id()));
            existing.assignments().forEach(a -> ids.add(a.id()));
        }
        List<String> taken = new ArrayList<>();
        if (ids.contains(phase.id())) {
            taken.add(phase.id());
        }
        phase.events().stream().map(ScheduledEvent::id).filter(ids::contains).forEach(taken::add);
        phase.assignments().stream().map(Assignment::id).filter(ids::contains).forEach(taken::add);
        return taken;
    }

    private List<ProgrammeProblem> organiser(PersonId by) {
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (!has(Require.nonNull("by", by), ProgrammeRole.ORGANISER)) {
            problems.add(new ProgrammeProblem.NotOrganiser());
        }
        return problems;
    }

    private Programme with(List<Phase> newPhases, List<Member> newMembers, Instant at) {
        return new Programme(id, context, title, starts, ends, zone, newPhases, newMembers, created, at, coaching);
    }
}
