package fi.kasvu.plan;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where the teams of shared development plans are stored, each under its plan's id. */
public interface PlanTeams extends DocumentRepository<PlanTeam> {

    /** The document kind. */
    DocumentKind<PlanTeam> KIND = new DocumentKind<>("development.plan.team", PlanTeam.class, PlanTeam::id,
            PlanTeam::owner, PlanTeam::context);

    /**
     * Who a team document is about, and erasure: the owner's erasure deletes it; a member's removes
     * them and their comments (their own words), and keeps the rest.
     */
    PersonalData<PlanTeam> PERSONAL_DATA = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(PlanTeam team) {
            Set<PersonId> persons = new LinkedHashSet<>();
            persons.add(team.owner());
            persons.addAll(team.members());
            team.comments().forEach(c -> persons.add(c.author()));
            return persons;
        }

        @Override
        public Erasure<PlanTeam> erase(PlanTeam team, PersonId person) {
            if (team.owner().equals(person)) {
                return Erasure.delete();
            }
            if (!persons(team).contains(person)) {
                return Erasure.keep();
            }
            List<PersonId> members = new ArrayList<>(team.members());
            members.remove(person);
            List<PlanTeam.Comment> comments = team.comments().stream().filter(c -> !c.author().equals(person)).toList();
            return Erasure.replaceWith(new PlanTeam(team.id(), team.owner(), team.context(), members, comments,
                    team.updated()));
        }
    };

    /** Teams in memory. */
    static PlanTeams inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static PlanTeams over(DocumentRepository<PlanTeam> repository) {
        final class Forwarding extends ForwardingDocumentRepository<PlanTeam> implements PlanTeams {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
