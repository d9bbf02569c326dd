package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.experiment.ExperimentStage.Decided;
import fi.kasvu.experiment.ExperimentStage.Evaluated;
import fi.kasvu.experiment.ExperimentStage.MappingChange;
import fi.kasvu.experiment.ExperimentStage.MappingPhenomenon;
import fi.kasvu.experiment.ExperimentStage.Picturing;
import fi.kasvu.experiment.ExperimentStage.Planning;
import fi.kasvu.experiment.ExperimentStage.Running;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A work community's experiment, from the situational picture to the shared result. Every
 * command names who acts, checks their {@link EditRights} and the current step, and returns an
 * {@link Result}: the changed experiment, or typed problems (a member deciding, evaluating
 * before the run, deciding twice). Instances are immutable.
 *
 * @param id             unique within the tenant
 * @param team           the work community (a team id, possibly spanning units); the storage context
 * @param title          a short name
 * @param facilitator    who facilitates
 * @param members        the team members (the facilitator is not listed here)
 * @param previousId     the experiment this one follows up after an ADAPT decision, or null
 * @param created        when it was begun
 * @param updated        when it last changed
 * @param stage          the current step
 */
public record Experiment(String id, String team, String title, PersonId facilitator, Set<PersonId> members,
                         String previousId, Instant created, Instant updated, ExperimentStage stage) {

    /**
     * @throws IllegalArgumentException if an id or the title is blank, or the facilitator is also listed as a member
     * @throws NullPointerException     if a required part is missing
     */
    public Experiment {
        Require.id("id", id);
        Require.id("team", team);
        Require.nonBlank("title", title);
        Require.maxLength("title", title, Require.MAX_ID);
        Require.nonNull("facilitator", facilitator);
        members = Set.copyOf(Require.list("members", members == null ? Set.of() : members));
        if (members.contains(facilitator)) {
            throw new IllegalArgumentException("members must not include the facilitator: " + facilitator);
        }
        if (previousId != null) {
            Require.id("previousId", previousId);
        }
        Require.nonNull("created", created);
        Require.nonNull("updated", updated);
        Require.nonNull("stage", stage);
    }

    /** A new experiment gathering its situational picture. */
    public static Experiment begin(String id, String team, String title, PersonId facilitator,
                                   Set<PersonId> members, Instant at) {
        return new Experiment(id, team, title, facilitator, members, null, at, at,
                new Picturing(SituationalPicture.empty()));
    }

    /** The person's role, or empty if they are not in the team. */
    public Optional<ExperimentRole> roleOf(PersonId person) {
        if (facilitator.equals(person)) {
            return Optional.of(ExperimentRole.FACILITATOR);
        }
        return members.contains(person) ? Optional.of(ExperimentRole.MEMBER) : Optional.empty();
    }

    /** Whether the person may take the action (being in the team with a role that allows it). */
    public boolean may(PersonId person, ExperimentAction action) {
        return roleOf(person).map(role -> EditRights.allows(role, action)).orElse(false);
    }

    /** The current step. */
    public ExperimentStage.Step step() {
        return stage.step();
    }

    // ---- step 1: situational picture ------------------------------------------------------

    /** Adds the person's own entry to the situational picture. */
    public Result<Experiment, ExperimentProblem> addToPicture(PersonId by, PictureEntry.Kind kind, String text,
                                                              Instant at) {
        return act(by, ExperimentAction.ADD_TO_PICTURE, Picturing.class, "addToPicture", picturing -> {
            SituationalPicture picture = picturing.picture();
            return moved(new Picturing(picture.with(new PictureEntry(picture.nextId(), by, kind, text, at))), at);
        });
    }

    /** Removes an entry: members their own, the facilitator any. */
    public Result<Experiment, ExperimentProblem> removeFromPicture(PersonId by, String entryId, Instant at) {
        if (!(stage instanceof Picturing picturing)) {
            return wrongStep(by, ExperimentAction.REMOVE_OWN_ENTRY, "removeFromPicture");
        }
        Optional<PictureEntry> entry = picturing.picture().entries().stream()
                .filter(e -> e.id().equals(entryId)).findFirst();
        ExperimentAction action = entry.isPresent() && entry.get().author().equals(by)
                ? ExperimentAction.REMOVE_OWN_ENTRY : ExperimentAction.REMOVE_ANY_ENTRY;
        if (!may(by, action)) {
            return rejected(new ExperimentProblem.NotAllowed(by, action));
        }
        if (entry.isEmpty()) {
            return rejected(new ExperimentProblem.UnknownEntry(entryId));
        }
        return moved(new Picturing(picturing.picture().without(entryId)), at);
    }

    /** Closes the picture and moves to phenomenon mapping. */
    public Result<Experiment, ExperimentProblem> completePicture(PersonId by, Instant at) {
        return act(by, ExperimentAction.ADVANCE, Picturing.class, "completePicture",
                picturing -> moved(picturing.toPhenomenonMapping(), at));
    }

    // ---- step 2 and 3: mappings -----------------------------------------------------------

    /** Replaces the phenomenon mapping draft. */
    public Result<Experiment, ExperimentProblem> mapPhenomenon(PersonId by, PhenomenonMap map, Instant at) {
        Require.nonNull("map", map);
        return act(by, ExperimentAction.EDIT_CONTENT, MappingPhenomenon.class, "mapPhenomenon",
                mapping -> moved(new MappingPhenomenon(mapping.picture(), map), at));
    }

    /** Closes the phenomenon mapping and moves to change mapping. */
    public Result<Experiment, ExperimentProblem> completePhenomenon(PersonId by, Instant at) {
        return act(by, ExperimentAction.ADVANCE, MappingPhenomenon.class, "completePhenomenon",
                mapping -> moved(mapping.toChangeMapping(), at));
    }

    /** Replaces the change mapping draft. */
    public Result<Experiment, ExperimentProblem> mapChange(PersonId by, ChangeMap map, Instant at) {
        Require.nonNull("map", map);
        return act(by, ExperimentAction.EDIT_CONTENT, MappingChange.class, "mapChange", mapping -> {
            Groundwork g = mapping.groundwork();
            return moved(new MappingChange(new Groundwork(g.picture(), g.phenomenon(), map)), at);
        });
    }

    /** Closes the change mapping and moves to planning. */
    public Result<Experiment, ExperimentProblem> completeChange(PersonId by, Instant at) {
        return act(by, ExperimentAction.ADVANCE, MappingChange.class, "completeChange",
                mapping -> moved(mapping.toPlanning(), at));
    }

    // ---- step 4 and 5: plan and run -------------------------------------------------------

    /** Replaces the plan draft. */
    public Result<Experiment, ExperimentProblem> editPlan(PersonId by, ExperimentPlan plan, Instant at) {
        Require.nonNull("plan", plan);
        return act(by, ExperimentAction.EDIT_CONTENT, Planning.class, "editPlan",
                planning -> moved(new Planning(planning.groundwork(), plan), at));
    }

    /** Starts the run on the day given, if the plan is complete. */
    public Result<Experiment, ExperimentProblem> start(PersonId by, LocalDate on, Instant at) {
        return act(by, ExperimentAction.ADVANCE, Planning.class, "start", planning -> moved(planning.start(on), at));
    }

    /**
     * Records the person's dated observation while the experiment runs; team members and the
     * plan's participants (who may come from other units) may observe.
     */
    public Result<Experiment, ExperimentProblem> observe(PersonId by, LocalDate on, String text, Instant at) {
        return observe(by, on, text, true, at);
    }

    /**
     * Records a dated observation, kept inside the team or (teamOnly false) quotable in the case
     * the team shares; who may observe as in {@link #observe(PersonId, LocalDate, String, Instant)}.
     */
    public Result<Experiment, ExperimentProblem> observe(PersonId by, LocalDate on, String text, boolean teamOnly,
                                                         Instant at) {
        Require.nonNull("by", by);
        if (stage instanceof Running running && running.run().plan().participants().contains(by)
                && !may(by, ExperimentAction.OBSERVE)) {
            return moved(running.observe(new RunObservation(running.run().nextObservationId(), by, on, text, at,
                    teamOnly)), at);
        }
        return act(by, ExperimentAction.OBSERVE, Running.class, "observe", r -> moved(
                r.observe(new RunObservation(r.run().nextObservationId(), by, on, text, at, teamOnly)), at));
    }

    // ---- step 6 to 8: evaluation, decision, share -----------------------------------------

    /** Records the evaluation against every success criterion; only while the experiment runs. */
    public Result<Experiment, ExperimentProblem> evaluate(PersonId by, Evaluation evaluation, Instant at) {
        Require.nonNull("evaluation", evaluation);
        return act(by, ExperimentAction.EVALUATE, Running.class, "evaluate",
                running -> moved(running.evaluate(evaluation), at));
    }

    /** Records the decision, once per evaluation; EXTEND runs on to the new end. */
    public Result<Experiment, ExperimentProblem> decide(PersonId by, Decision decision, Instant at) {
        Require.nonNull("decision", decision);
        return act(by, ExperimentAction.DECIDE, Evaluated.class, "decide",
                evaluated -> moved(evaluated.decide(decision), at));
    }

    /** Marks a decided experiment as shared under a library entry's id. */
    public Result<Experiment, ExperimentProblem> share(PersonId by, String libraryEntryId, Instant at) {
        return act(by, ExperimentAction.SHARE, Decided.class, "share",
                decided -> moved(decided.share(libraryEntryId, at), at));
    }

    /**
     * The follow-up experiment an ADAPT decision links to: same team, groundwork carried over,
     * the plan as a dated-free draft, in the planning step, pointing back to this one.
     */
    public Result<Experiment, ExperimentProblem> followUp(PersonId by, Instant at) {
        Decision decision = decision().orElse(null);
        if (decision == null || !(decision.choice() instanceof Decision.Adapt adapt)) {
            return wrongStep(by, ExperimentAction.ADVANCE, "followUp");
        }
        if (!may(by, ExperimentAction.ADVANCE)) {
            return rejected(new ExperimentProblem.NotAllowed(by, ExperimentAction.ADVANCE));
        }
        Groundwork groundwork = groundwork().orElseThrow();
        RunLog run = runLog().orElseThrow();
        return Result.accepted(new Experiment(adapt.followUpExperimentId(), team, title, facilitator, members, id,
                at, at, new Planning(groundwork, run.plan().undated())));
    }

    // ---- members --------------------------------------------------------------------------

    /** Adds a team member; the facilitator's part. */
    public Result<Experiment, ExperimentProblem> addMember(PersonId by, PersonId member, Instant at) {
        Require.nonNull("member", member);
        if (!may(by, ExperimentAction.MANAGE_MEMBERS)) {
            return rejected(new ExperimentProblem.NotAllowed(by, ExperimentAction.MANAGE_MEMBERS));
        }
        Set<PersonId> next = new HashSet<>(members);
        if (!member.equals(facilitator)) {
            next.add(member);
        }
        return Result.accepted(new Experiment(id, team, title, facilitator, next, previousId, created, at, stage));
    }

    /** Removes a team member; their contributions stay. */
    public Result<Experiment, ExperimentProblem> removeMember(PersonId by, PersonId member, Instant at) {
        if (!may(by, ExperimentAction.MANAGE_MEMBERS)) {
            return rejected(new ExperimentProblem.NotAllowed(by, ExperimentAction.MANAGE_MEMBERS));
        }
        Set<PersonId> next = new HashSet<>(members);
        next.remove(member);
        return Result.accepted(new Experiment(id, team, title, facilitator, next, previousId, created, at, stage));
    }

    // ---- reading --------------------------------------------------------------------------

    /** The groundwork, once the phenomenon mapping is closed. */
    public Optional<Groundwork> groundwork() {
        if (stage instanceof MappingChange s) {
            return Optional.of(s.groundwork());
        } else if (stage instanceof Planning s) {
            return Optional.of(s.groundwork());
        } else if (stage instanceof Running s) {
            return Optional.of(s.groundwork());
        } else if (stage instanceof Evaluated s) {
            return Optional.of(s.groundwork());
        } else if (stage instanceof Decided s) {
            return Optional.of(s.groundwork());
        } else if (stage instanceof ExperimentStage.Shared s) {
            return Optional.of(s.groundwork());
        }
        return Optional.empty();
    }

    /** The run, once it has started. */
    public Optional<RunLog> runLog() {
        if (stage instanceof Running s) {
            return Optional.of(s.run());
        } else if (stage instanceof Evaluated s) {
            return Optional.of(s.run());
        } else if (stage instanceof Decided s) {
            return Optional.of(s.run());
        } else if (stage instanceof ExperimentStage.Shared s) {
            return Optional.of(s.run());
        }
        return Optional.empty();
    }

    /** The latest evaluation, once there is one that is not followed by an extension. */
    public Optional<Evaluation> evaluation() {
        if (stage instanceof Evaluated s) {
            return Optional.of(s.evaluation());
        } else if (stage instanceof Decided s) {
            return Optional.of(s.evaluation());
        } else if (stage instanceof ExperimentStage.Shared s) {
            return Optional.of(s.evaluation());
        }
        return Optional.empty();
    }

    /** The final decision (adopt, adapt or abandon), once made. */
    public Optional<Decision> decision() {
        if (stage instanceof Decided s) {
            return Optional.of(s.decision());
        } else if (stage instanceof ExperimentStage.Shared s) {
            return Optional.of(s.decision());
        }
        return Optional.empty();
    }

    // ---- machinery ------------------------------------------------------------------------

    private <S extends ExperimentStage> Result<Experiment, ExperimentProblem> act(
            PersonId by, ExperimentAction action, Class<S> required, String command,
            Function<S, Result<Experiment, ExperimentProblem>> change) {
        Require.nonNull("by", by);
        if (!may(by, action)) {
            return rejected(new ExperimentProblem.NotAllowed(by, action));
        }
        if (!required.isInstance(stage)) {
            return rejected(new ExperimentProblem.WrongStep(command, stage.step()));
        }
        return change.apply(required.cast(stage));
    }

    private Result<Experiment, ExperimentProblem> wrongStep(PersonId by, ExperimentAction action, String command) {
        if (!may(by, action)) {
            return rejected(new ExperimentProblem.NotAllowed(by, action));
        }
        return rejected(new ExperimentProblem.WrongStep(command, stage.step()));
    }

    private Result<Experiment, ExperimentProblem> moved(ExperimentStage next, Instant at) {
        return Result.accepted(new Experiment(id, team, title, facilitator, members, previousId, created, at, next));
    }

    private Result<Experiment, ExperimentProblem> moved(Result<? extends ExperimentStage, ExperimentProblem> transition,
                                                        Instant at) {
        if (transition.isAccepted()) {
            return moved(transition.orElseThrow(), at);
        }
        return Result.rejected(transition.problems());
    }

    private static Result<Experiment, ExperimentProblem> rejected(ExperimentProblem problem) {
        return Result.rejected(List.of(problem));
    }
}
