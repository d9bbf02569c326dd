package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a team experiment holds personal data: its facilitator and members. An experiment is the
 * team's shared work, so erasing a person keeps it with a stand-in in their place.
 *
 * <p>Not yet covered: authors of situational-picture entries and run observations inside the
 * stages keep their ids after erasure; a person who left the team is not found through them.
 */
public final class ExperimentPersonalData {

    /** The policy for {@link Experiments#KIND}. */
    public static final PersonalData<Experiment> POLICY = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(Experiment experiment) {
            Set<PersonId> persons = new LinkedHashSet<>();
            persons.add(experiment.facilitator());
            persons.addAll(experiment.members());
            return persons;
        }

        @Override
        public Erasure<Experiment> erase(Experiment experiment, PersonId person) {
            PersonId facilitator = experiment.facilitator();
            Set<PersonId> members = new HashSet<>(experiment.members());
            if (facilitator.equals(person)) {
                facilitator = PersonalData.erased("facilitator");
            } else if (members.remove(person)) {
                int slot = 1;
                while (members.contains(PersonalData.erased("member-" + slot))) {
                    slot++;
                }
                members.add(PersonalData.erased("member-" + slot));
            } else {
                return Erasure.keep();
            }
            return Erasure.replaceWith(new Experiment(experiment.id(), experiment.team(), experiment.title(), facilitator,
                    members, experiment.previousId(), experiment.created(), experiment.updated(), experiment.stage()));
        }
    };

    private ExperimentPersonalData() {
    }
}
