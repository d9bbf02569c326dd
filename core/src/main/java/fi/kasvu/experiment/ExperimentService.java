package fi.kasvu.experiment;

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
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Begins, changes and stores a team's experiments: every command reads the experiment, applies
 * the rule with the clock's instant, saves it with the version read (reading again and retrying
 * when someone saved first) and tells {@link ExperimentEvents} what happened once it is saved.
 * Thread-safe when the ports are.
 *
 * <p>Every command returns the one result shape: the saved experiment at its new version, or the
 * typed problems (nothing saved, nothing published). A missing experiment is a
 * {@link NoSuchElementException}; a run of {@link DocumentCommands#ATTEMPTS} conflicts a
 * {@link ConcurrentModificationException}.
 */
public final class ExperimentService {

    private final Experiments experiments;
    private final DocumentCommands<Experiment, ExperimentProblem, ExperimentEvent> commands;
    private final IdGenerator ids;

    private ExperimentService(Experiments experiments, ExperimentEvents events, Clock clock, IdGenerator ids) {
        this.experiments = Require.nonNull("experiments", experiments);
        Require.nonNull("events", events);
        this.commands = DocumentCommands.of(experiments, ExperimentEvent::between, events::on, clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /**
     * A service over the repository, publishing to the listener.
     *
     * @throws NullPointerException if a part is null
     */
    public static ExperimentService of(Experiments experiments, ExperimentEvents events, Clock clock, IdGenerator ids) {
        return new ExperimentService(experiments, events, clock, ids);
    }

    /**
     * Begins and saves a new experiment gathering its situational picture.
     *
     * @throws IllegalArgumentException if the team or title is invalid, or the facilitator is also a member
     */
    public Versioned<Experiment> begin(TenantId tenant, String team, String title, PersonId facilitator,
                                       Set<PersonId> members) {
        return commands.create(tenant, at -> Result.<Experiment, ExperimentProblem>accepted(
                Experiment.begin(ids.next(), team, title, facilitator, members, at))).orElseThrow();
    }

    /**
     * Applies any command of {@link Experiment} (given the experiment and the clock's instant),
     * saves and publishes; the named methods below are this with the command filled in.
     */
    public Result<Versioned<Experiment>, ExperimentProblem> change(TenantId tenant, String id,
            BiFunction<Experiment, Instant, Result<Experiment, ExperimentProblem>> command) {
        return commands.change(tenant, id, command);
    }

    /** Adds the person's own entry to the situational picture. */
    public Result<Versioned<Experiment>, ExperimentProblem> addToPicture(TenantId tenant, String id, PersonId by,
                                                                         PictureEntry.Kind kind, String text) {
        return change(tenant, id, (experiment, at) -> experiment.addToPicture(by, kind, text, at));
    }

    /** Closes the picture and moves to phenomenon mapping (the facilitator). */
    public Result<Versioned<Experiment>, ExperimentProblem> completePicture(TenantId tenant, String id, PersonId by) {
        return change(tenant, id, (experiment, at) -> experiment.completePicture(by, at));
    }

    /** Replaces the phenomenon mapping draft. */
    public Result<Versioned<Experiment>, ExperimentProblem> mapPhenomenon(TenantId tenant, String id, PersonId by,
                                                                          PhenomenonMap map) {
        return change(tenant, id, (experiment, at) -> experiment.mapPhenomenon(by, map, at));
    }

    /** Closes the phenomenon mapping and moves to change mapping. */
    public Result<Versioned<Experiment>, ExperimentProblem> completePhenomenon(TenantId tenant, String id,
                                                                               PersonId by) {
        return change(tenant, id, (experiment, at) -> experiment.completePhenomenon(by, at));
    }

    /** Replaces the change mapping draft. */
    public Result<Versioned<Experiment>, ExperimentProblem> mapChange(TenantId tenant, String id, PersonId by,
                                                                      ChangeMap map) {
        return change(tenant, id, (experiment, at) -> experiment.mapChange(by, map, at));
    }

    /** Closes the change mapping and moves to planning. */
    public Result<Versioned<Experiment>, ExperimentProblem> completeChange(TenantId tenant, String id, PersonId by) {
        return change(tenant, id, (experiment, at) -> experiment.completeChange(by, at));
    }

    /** Replaces the plan draft. */
    public Result<Versioned<Experiment>, ExperimentProblem> editPlan(TenantId tenant, String id, PersonId by,
                                                                     ExperimentPlan plan) {
        return change(tenant, id, (experiment, at) -> experiment.editPlan(by, plan, at));
    }

    /** Starts the run on the day given, if the plan is complete. */
    public Result<Versioned<Experiment>, ExperimentProblem> start(TenantId tenant, String id, PersonId by,
                                                                  LocalDate on) {
        return change(tenant, id, (experiment, at) -> experiment.start(by, on, at));
    }

    /** Records the person's dated observation while the experiment runs. */
    public Result<Versioned<Experiment>, ExperimentProblem> observe(TenantId tenant, String id, PersonId by,
                                                                    LocalDate on, String text) {
        return change(tenant, id, (experiment, at) -> experiment.observe(by, on, text, at));
    }

    /** Records the evaluation against every success criterion, stamped with the clock. */
    public Result<Versioned<Experiment>, ExperimentProblem> evaluate(TenantId tenant, String id, PersonId by,
                                                                     List<CriterionResult> results, String learned) {
        return change(tenant, id, (experiment, at) -> experiment.evaluate(by,
                new Evaluation(results, learned, by, at), at));
    }

    /**
     * Records the team's decision, stamped with the clock; {@link #adapt} makes the follow-up's id for an ADAPT.
     */
    public Result<Versioned<Experiment>, ExperimentProblem> decide(TenantId tenant, String id, PersonId by,
                                                                   Decision.Choice choice, String rationale) {
        return change(tenant, id, (experiment, at) -> experiment.decide(by,
                new Decision(choice, rationale, by, at), at));
    }

    /**
     * Decides to adapt, with a new id for the follow-up, and begins the follow-up experiment.
     *
     * @return the follow-up experiment (in planning, pointing back), or the decision's problems
     */
    public Result<Versioned<Experiment>, ExperimentProblem> adapt(TenantId tenant, String id, PersonId by,
                                                                  String whatChanges, String rationale) {
        Decision.Adapt adapt = new Decision.Adapt(whatChanges, ids.next());
        return decide(tenant, id, by, adapt, rationale).flatMap(decided -> commands.create(tenant,
                at -> decided.value().followUp(by, at)));
    }

    /** Adds a team member (the facilitator's part). */
    public Result<Versioned<Experiment>, ExperimentProblem> addMember(TenantId tenant, String id, PersonId by,
                                                                      PersonId member) {
        return change(tenant, id, (experiment, at) -> experiment.addMember(by, member, at));
    }

    /** Removes a team member; their contributions stay. */
    public Result<Versioned<Experiment>, ExperimentProblem> removeMember(TenantId tenant, String id, PersonId by,
                                                                         PersonId member) {
        return change(tenant, id, (experiment, at) -> experiment.removeMember(by, member, at));
    }

    /** The experiment, if the tenant has one with this id. */
    public Optional<Versioned<Experiment>> find(TenantId tenant, String id) {
        return experiments.find(tenant, id);
    }

    /** Every experiment of a team, newest change first. */
    public List<Versioned<Experiment>> ofTeam(TenantId tenant, String team) {
        return experiments.ofTeam(tenant, team).documents();
    }
}
