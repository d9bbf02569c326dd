package fi.kasvu.peer;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.common.internal.DocumentCommands;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Starts formed groups and keeps them over their life (charter, meetings, notes, private
 * reflections): every command reads the group, applies the rule with the clock's instant, saves it
 * with the version read (reading again and retrying when someone saved first) and tells
 * {@link PeerEvents} what happened once it is saved. Thread-safe when the ports are.
 *
 * <p>Commands return the one result shape: the saved group at its new version, or typed
 * problems. A missing group is a {@link NoSuchElementException}; a run of conflicts a
 * {@link ConcurrentModificationException}. Reading goes through {@link #notesFor} and
 * {@link #reflectionsFor}, which apply {@link Confidentiality}.
 */
public final class PeerGroupService {

    private final PeerGroups groups;
    private final DocumentCommands<PeerGroup, GroupProblem, PeerEvent> commands;
    private final IdGenerator ids;

    private PeerGroupService(PeerGroups groups, PeerEvents events, Clock clock, IdGenerator ids) {
        this.groups = Require.nonNull("groups", groups);
        Require.nonNull("events", events);
        this.commands = DocumentCommands.of(groups, PeerEvent::between, events::on, clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /**
     * A service over the repository, publishing to the listener.
     *
     * @throws NullPointerException if a part is null
     */
    public static PeerGroupService of(PeerGroups groups, PeerEvents events, Clock clock, IdGenerator ids) {
        return new PeerGroupService(groups, events, clock, ids);
    }

    /**
     * Starts and saves one group per formed group of the formation, each with its planned meetings.
     *
     * @return the saved groups, in the formation's order
     */
    public List<Versioned<PeerGroup>> start(TenantId tenant, Formation formation) {
        Require.nonNull("formation", formation);
        List<Versioned<PeerGroup>> started = new ArrayList<>();
        for (FormedGroup formed : formation.groups()) {
            started.add(commands.create(tenant, at -> Result.<PeerGroup, GroupProblem>accepted(
                    PeerGroup.start(ids.next(), formation, formed))).orElseThrow());
        }
        return List.copyOf(started);
    }

    /** Applies any change of {@link PeerGroup} (given the group and the clock's instant), saves and publishes. */
    public Result<Versioned<PeerGroup>, GroupProblem> change(TenantId tenant, String id,
            BiFunction<PeerGroup, Instant, Result<PeerGroup, GroupProblem>> command) {
        return commands.change(tenant, id, command);
    }

    /** Records the charter the group agreed. */
    public Result<Versioned<PeerGroup>, GroupProblem> agreeCharter(TenantId tenant, String id, Charter charter) {
        Require.nonNull("charter", charter);
        return change(tenant, id, (group, at) -> Result.accepted(group.withCharter(charter)));
    }

    /** Plans one more meeting, triad roles rotating on. */
    public Result<Versioned<PeerGroup>, GroupProblem> planMeeting(TenantId tenant, String id, LocalDate date,
                                                                 String theme) {
        return change(tenant, id, (group, at) -> Result.accepted(group.planMeeting(date, theme)));
    }

    /** Records a planned meeting as held, with who attended. */
    public Result<Versioned<PeerGroup>, GroupProblem> recordHeld(TenantId tenant, String id, int number,
                                                                Set<PersonId> attendance) {
        return change(tenant, id, (group, at) -> group.recordHeld(number, attendance));
    }

    /** Adds a member's note, shared with the group, written now. */
    public Result<Versioned<PeerGroup>, GroupProblem> addNote(TenantId tenant, String id, PersonId author,
                                                             String text) {
        return change(tenant, id, (group, at) -> group.addNote(author, at, text));
    }

    /** Adds a member's private reflection on a meeting (0 for none), written now; publishes nothing. */
    public Result<Versioned<PeerGroup>, GroupProblem> addReflection(TenantId tenant, String id, PersonId author,
                                                                   int meeting, String text) {
        return change(tenant, id, (group, at) -> group.addReflection(author, at, meeting, text));
    }

    /** The group, if the tenant has one with this id. */
    public Optional<Versioned<PeerGroup>> find(TenantId tenant, String id) {
        return groups.find(tenant, id);
    }

    /** Every group of a programme or course, newest change first. */
    public List<Versioned<PeerGroup>> inContext(TenantId tenant, String context) {
        return groups.inContext(tenant, context).documents();
    }

    /** The notes the reader may read: members read them, nobody else; empty if there is no such group. */
    public List<GroupNote> notesFor(TenantId tenant, String id, PersonId reader) {
        return find(tenant, id).map(group -> group.value().notesVisibleTo(reader)).orElse(List.of());
    }

    /** The reader's own private reflections in the group, and nobody else's. */
    public List<PrivateReflection> reflectionsFor(TenantId tenant, String id, PersonId reader) {
        return find(tenant, id).map(group -> group.value().reflectionsVisibleTo(reader)).orElse(List.of());
    }
}
