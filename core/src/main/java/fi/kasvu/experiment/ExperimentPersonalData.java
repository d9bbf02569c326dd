package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where a team experiment holds personal data: its facilitator and members, the authors of
 * situational-picture entries and run observations, the plan's participants, and who evaluated
 * and decided. An experiment is the team's shared work, so erasing a person keeps it, with one
 * stand-in ({@code erased-facilitator} or {@code erased-member-N}) in every place they appeared.
 */
public final class ExperimentPersonalData {

    /** The policy for {@link Experiments#KIND}. */
    public static final PersonalData<Experiment> POLICY = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(Experiment experiment) {
            Set<PersonId> persons = new LinkedHashSet<>();
            persons.add(experiment.facilitator());
            persons.addAll(experiment.members());
            map(experiment.stage(), person -> {
                if (person != null) {
                    persons.add(person);
                }
                return person;
            });
            return persons;
        }

        @Override
        public Erasure<Experiment> erase(Experiment experiment, PersonId person) {
            if (!persons(experiment).contains(person)) {
                return Erasure.keep();
            }
            PersonId standIn = standIn(experiment, person);
            UnaryOperator<PersonId> swap = id -> person.equals(id) ? standIn : id;
            Set<PersonId> members = new HashSet<>();
            experiment.members().forEach(member -> members.add(swap.apply(member)));
            return Erasure.replaceWith(new Experiment(experiment.id(), experiment.team(), experiment.title(),
                    swap.apply(experiment.facilitator()), members, experiment.previousId(), experiment.created(),
                    experiment.updated(), map(experiment.stage(), swap)));
        }
    };

    private ExperimentPersonalData() {
    }

    private static PersonId standIn(Experiment experiment, PersonId person) {
        if (experiment.facilitator().equals(person)) {
            return PersonalData.erased("facilitator");
        }
        Set<PersonId> taken = new HashSet<>(experiment.members());
        int slot = 1;
        while (taken.contains(PersonalData.erased("member-" + slot))) {
            slot++;
        }
        return PersonalData.erased("member-" + slot);
    }

    /** The stage with every person in it passed through the function (which may also just collect them). */
    private static ExperimentStage map(ExperimentStage stage, UnaryOperator<PersonId> swap) {
        if (stage instanceof ExperimentStage.Picturing s) {
            return new ExperimentStage.Picturing(map(s.picture(), swap));
        } else if (stage instanceof ExperimentStage.MappingPhenomenon s) {
            return new ExperimentStage.MappingPhenomenon(map(s.picture(), swap), s.phenomenon());
        } else if (stage instanceof ExperimentStage.MappingChange s) {
            return new ExperimentStage.MappingChange(map(s.groundwork(), swap));
        } else if (stage instanceof ExperimentStage.Planning s) {
            return new ExperimentStage.Planning(map(s.groundwork(), swap), map(s.plan(), swap));
        } else if (stage instanceof ExperimentStage.Running s) {
            return new ExperimentStage.Running(map(s.groundwork(), swap), map(s.run(), swap));
        } else if (stage instanceof ExperimentStage.Evaluated s) {
            return new ExperimentStage.Evaluated(map(s.groundwork(), swap), map(s.run(), swap), map(s.evaluation(), swap));
        } else if (stage instanceof ExperimentStage.Decided s) {
            return new ExperimentStage.Decided(map(s.groundwork(), swap), map(s.run(), swap), map(s.evaluation(), swap),
                    map(s.decision(), swap));
        } else if (stage instanceof ExperimentStage.Shared s) {
            return new ExperimentStage.Shared(map(s.groundwork(), swap), map(s.run(), swap), map(s.evaluation(), swap),
                    map(s.decision(), swap), s.libraryEntryId(), s.sharedAt());
        }
        throw new IllegalStateException("unknown experiment stage: " + stage.getClass().getSimpleName());
    }

    private static SituationalPicture map(SituationalPicture picture, UnaryOperator<PersonId> swap) {
        return new SituationalPicture(picture.entries().stream().map(entry -> new PictureEntry(entry.id(),
                swap.apply(entry.author()), entry.kind(), entry.text(), entry.added())).toList());
    }

    private static Groundwork map(Groundwork groundwork, UnaryOperator<PersonId> swap) {
        return new Groundwork(map(groundwork.picture(), swap), groundwork.phenomenon(), groundwork.change());
    }

    private static ExperimentPlan map(ExperimentPlan plan, UnaryOperator<PersonId> swap) {
        Set<PersonId> participants = new LinkedHashSet<>();
        plan.participants().forEach(participant -> participants.add(swap.apply(participant)));
        return new ExperimentPlan(plan.ifWe(), plan.thenExpect(), plan.whatIsTried(), participants, plan.start(), plan.end(),
                plan.measures(), plan.criteria());
    }

    private static RunLog map(RunLog run, UnaryOperator<PersonId> swap) {
        List<RunObservation> observations = run.observations().stream().map(observation -> new RunObservation(
                observation.id(), swap.apply(observation.author()), observation.on(), observation.text(),
                observation.recorded(), observation.teamOnly())).toList();
        List<RunLog.ExtendedRound> rounds = run.earlierRounds().stream().map(round -> new RunLog.ExtendedRound(
                map(round.evaluation(), swap), map(round.decision(), swap))).toList();
        return new RunLog(map(run.plan(), swap), run.startedOn(), observations, rounds);
    }

    private static Evaluation map(Evaluation evaluation, UnaryOperator<PersonId> swap) {
        return new Evaluation(evaluation.results(), evaluation.learned(), swap.apply(evaluation.evaluatedBy()),
                evaluation.evaluatedAt());
    }

    private static Decision map(Decision decision, UnaryOperator<PersonId> swap) {
        return new Decision(decision.choice(), decision.rationale(), swap.apply(decision.decidedBy()), decision.decidedAt());
    }
}
