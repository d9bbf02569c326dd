package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where programmes and reflections hold personal data. A programme is a group document holding
 * no one's writing: every member's export has it whole, and erasing a member leaves a stand-in.
 * A reflection is the learner's: whole in their export and deleted with them; its coach is only
 * mentioned (their export names it without content) and erasing the coach leaves a stand-in.
 */
public final class ProgrammePersonalData {

    /** The policy for {@link Programmes#KIND}. */
    public static final PersonalData<Programme> PROGRAMMES = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(Programme programme) {
            Set<PersonId> persons = new LinkedHashSet<>();
            programme.members().forEach(member -> persons.add(member.person()));
            return persons;
        }

        @Override
        public Erasure<Programme> erase(Programme p, PersonId person) {
            if (!persons(p).contains(person)) {
                return Erasure.keep();
            }
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < p.members().size(); i++) {
                Member member = p.members().get(i);
                members.add(member.person().equals(person)
                        ? new Member(PersonalData.erased("member-" + (i + 1)), member.role()) : member);
            }
            // A pairing with the erased person goes: who coached whom is about her.
            List<Coaching> coaching = p.coaching().stream()
                    .filter(c -> !c.participant().equals(person) && !c.coach().equals(person)).toList();
            return Erasure.replaceWith(new Programme(p.id(), p.context(), p.title(), p.starts(), p.ends(), p.zone(),
                    p.phases(), members, p.created(), p.updated(), coaching));
        }
    };

    /** The policy for {@link ReflectionAssignments#KIND}. */
    public static final PersonalData<ReflectionAssignment> REFLECTIONS = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(ReflectionAssignment reflection) {
            Set<PersonId> persons = new LinkedHashSet<>();
            persons.add(reflection.learner());
            if (reflection.coach() != null) {
                persons.add(reflection.coach());
            }
            return persons;
        }

        @Override
        public Optional<ReflectionAssignment> exportView(ReflectionAssignment reflection, PersonId person) {
            return reflection.learner().equals(person) ? Optional.of(reflection) : Optional.empty();
        }

        @Override
        public Erasure<ReflectionAssignment> erase(ReflectionAssignment r, PersonId person) {
            if (r.learner().equals(person)) {
                return Erasure.delete();
            }
            if (!person.equals(r.coach())) {
                return Erasure.keep();
            }
            return Erasure.replaceWith(new ReflectionAssignment(r.id(), r.programmeId(), r.assignmentId(), r.learner(),
                    PersonalData.erased("coach"), r.text(), r.stage(), r.created(), r.updated()));
        }
    };

    private ProgrammePersonalData() {
    }
}
