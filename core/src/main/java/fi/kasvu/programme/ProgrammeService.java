package fi.kasvu.programme;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.internal.DocumentCommands;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Makes, changes and stores programmes and their reflection assignments through the shared
 * {@link DocumentCommands}: each change gets the clock's instant, a change that met a concurrent
 * save is applied again to the newer document, and {@link ProgrammeEvents} hears what happened
 * once it is saved. A missing programme or reflection is a {@link NoSuchElementException}.
 */
public final class ProgrammeService {

    /** A change to a programme, given the time it happens. */
    @FunctionalInterface
    public interface Change {
        /** The changed programme, or the problems. */
        Result<Programme, ProgrammeProblem> apply(Programme programme, Instant at);
    }

    private final Programmes programmes;
    private final ReflectionAssignments reflections;
    private final DocumentCommands<Programme, ProgrammeProblem, ProgrammeEvent> programmeCommands;
    private final DocumentCommands<ReflectionAssignment, ProgrammeProblem, ProgrammeEvent> reflectionCommands;
    private final Clock clock;
    private final IdGenerator ids;

    private ProgrammeService(Programmes programmes, ReflectionAssignments reflections, ProgrammeEvents events,
                             Clock clock, IdGenerator ids) {
        this.programmes = Require.nonNull("programmes", programmes);
        this.reflections = Require.nonNull("reflections", reflections);
        Require.nonNull("events", events);
        this.clock = Require.nonNull("clock", clock);
        this.programmeCommands = DocumentCommands.of(programmes, ProgrammeEvent::between, events::on, clock);
        this.reflectionCommands = DocumentCommands.of(reflections,
                (before, after, at) -> ProgrammeEvent.between(before, after), events::on, clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /**
     * A service over the two repositories.
     *
     * @throws NullPointerException if a part is null
     */
    public static ProgrammeService of(Programmes programmes, ReflectionAssignments reflections, ProgrammeEvents events,
                                      Clock clock, IdGenerator ids) {
        return new ProgrammeService(programmes, reflections, events, clock, ids);
    }

    /** Makes and saves a programme from a template, starting on the day, the organiser its only member. */
    public Versioned<Programme> fromTemplate(TenantId tenant, ProgrammeTemplate template, String context,
                                             LocalDate starts, ZoneId zone, PersonId organiser) {
        Require.nonNull("template", template);
        return programmeCommands.create(tenant, at -> Result.<Programme, ProgrammeProblem>accepted(
                template.instantiate(ids.next(), context, starts, zone, organiser, at))).orElseThrow();
    }

    /** Makes and saves an empty programme, or says why its days are wrong. */
    public Result<Versioned<Programme>, ProgrammeProblem> create(TenantId tenant, String context, LocalizedText title,
                                                                 LocalDate starts, LocalDate ends, ZoneId zone,
                                                                 PersonId organiser) {
        return programmeCommands.create(tenant,
                at -> Programme.create(ids.next(), context, title, starts, ends, zone, organiser, at));
    }

    /**
     * Applies an organiser's change (such as {@link Programme#putEvent}) and saves it.
     *
     * @throws NoSuchElementException if the programme is unknown
     */
    public Result<Versioned<Programme>, ProgrammeProblem> change(TenantId tenant, String programmeId, Change change) {
        Require.nonNull("change", change);
        return programmeCommands.change(tenant, programmeId, change::apply);
    }

    /**
     * Starts the learner's reflection for an assignment, or returns the one already started.
     *
     * @throws NoSuchElementException if the programme is unknown
     */
    public Result<Versioned<ReflectionAssignment>, ProgrammeProblem> startReflection(TenantId tenant, String programmeId,
                                                                                     String assignmentId,
                                                                                     PersonId learner, PersonId coach) {
        Programme programme = programme(tenant, programmeId);
        Optional<Versioned<ReflectionAssignment>> existing = reflections.listByOwner(tenant, learner).documents().stream()
                .filter(r -> r.value().programmeId().equals(programmeId) && r.value().assignmentId().equals(assignmentId))
                .findFirst();
        if (existing.isPresent()) {
            return Result.accepted(existing.get());
        }
        return reflectionCommands.create(tenant,
                at -> ReflectionAssignment.start(ids.next(), programme, assignmentId, learner, coach, at));
    }

    /**
     * Pairs a participant with a coach (an organiser's change) and hands the coach the
     * participant's reflections of the programme that have no feedback yet (drafts and submitted
     * ones): from now on only the new coach reads them and gives feedback. A reflection the earlier
     * coach already gave feedback on stays with that coach, who keeps reading what she answered;
     * the new coach does not see it.
     *
     * @return the changed programme, or the problems (not an organiser, not a participant, not a coach)
     * @throws NoSuchElementException if the programme is unknown
     */
    public Result<Versioned<Programme>, ProgrammeProblem> assignCoach(TenantId tenant, String programmeId, PersonId by,
                                                                      PersonId participant, PersonId coach) {
        Result<Versioned<Programme>, ProgrammeProblem> changed = programmeCommands.change(tenant, programmeId,
                (p, at) -> p.assignCoach(by, participant, coach, at));
        if (!changed.isAccepted()) {
            return changed;
        }
        Programme programme = changed.orElseThrow().value();
        for (Versioned<ReflectionAssignment> stored : reflections.listByOwner(tenant, participant).documents()) {
            ReflectionAssignment reflection = stored.value();
            if (reflection.programmeId().equals(programmeId) && !reflection.complete()
                    && !coach.equals(reflection.coach())) {
                reflectionCommands.change(tenant, reflection.id(), (r, at) -> r.complete() || coach.equals(r.coach())
                        ? Result.accepted(r) : r.assignCoach(programme, by, coach, at));
            }
        }
        return changed;
    }

    /** Saves the learner's draft. @throws NoSuchElementException if the reflection is unknown */
    public Result<Versioned<ReflectionAssignment>, ProgrammeProblem> write(TenantId tenant, String reflectionId,
                                                                           PersonId by, String text) {
        return reflectionCommands.change(tenant, reflectionId, (r, at) -> r.write(by, text, at));
    }

    /** Submits the learner's reflection, late if after the assignment's deadline. @throws NoSuchElementException if unknown */
    public Result<Versioned<ReflectionAssignment>, ProgrammeProblem> submit(TenantId tenant, String reflectionId,
                                                                            PersonId by) {
        Versioned<ReflectionAssignment> stored = reflections.find(tenant, reflectionId)
                .orElseThrow(() -> new NoSuchElementException("no reflection with id: " + reflectionId));
        Programme programme = programme(tenant, stored.value().programmeId());
        Instant deadline = programme.assignment(stored.value().assignmentId()).map(programme::deadline)
                .orElse(Instant.MAX);
        return reflectionCommands.change(tenant, reflectionId, (r, at) -> r.submit(by, deadline, at));
    }

    /** Records the coach's feedback. @throws NoSuchElementException if the reflection is unknown */
    public Result<Versioned<ReflectionAssignment>, ProgrammeProblem> giveFeedback(TenantId tenant, String reflectionId,
                                                                                  PersonId by, String feedback) {
        return reflectionCommands.change(tenant, reflectionId, (r, at) -> r.giveFeedback(by, feedback, at));
    }

    /** What the viewer may see of a reflection; empty if there is none in the tenant. */
    public Optional<ReflectionView> reflection(TenantId tenant, String reflectionId, PersonId viewer) {
        return reflections.find(tenant, reflectionId).map(stored -> stored.value().viewFor(viewer));
    }

    /** The progress of every reflection of the programme, for organisers and teachers: never text. */
    public List<ReflectionView.Progress> reflectionProgress(TenantId tenant, String programmeId) {
        return reflections.listByContext(tenant, programmeId).documents().stream()
                .map(stored -> stored.value().progress()).toList();
    }

    /** The person's timeline now; empty if the programme is unknown. */
    public Optional<Timeline> timeline(TenantId tenant, String programmeId, PersonId person,
                                       ActivityCompletion activities) {
        return programmes.find(tenant, programmeId).map(stored -> Timeline.of(stored.value(), person, clock.instant(),
                reflectionProgress(tenant, programmeId), activities));
    }

    /** Reminder items due in {@code [from, to)}; empty if the programme is unknown. */
    public List<DueItem> dueItems(TenantId tenant, String programmeId, ActivityCompletion activities, Instant from,
                                  Instant to) {
        return programmes.find(tenant, programmeId).map(stored -> Timeline.dueItems(stored.value(),
                reflectionProgress(tenant, programmeId), activities, from, to)).orElse(List.of());
    }

    private Programme programme(TenantId tenant, String programmeId) {
        return programmes.find(tenant, programmeId)
                .orElseThrow(() -> new NoSuchElementException("no programme with id: " + programmeId)).value();
    }
}
