package fi.kasvu.session;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.time.Clock;
import java.util.Set;

/** Where the people seen in each activity are kept, listed by activity (context). */
public interface SeenPeople extends DocumentRepository<SeenPerson> {

    /**
     * The document kind {@code pages.seen-learner} (its stored name predates this port and is kept
     * so that existing rows stay readable).
     */
    DocumentKind<SeenPerson> KIND = new DocumentKind<>("pages.seen-learner", SeenPerson.class, SeenPerson::id,
            SeenPerson::person, SeenPerson::context);

    /** A seen person is the person's own record: exported whole, deleted on erasure. */
    PersonalData<SeenPerson> PERSONAL_DATA = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(SeenPerson seen) {
            return Set.of(seen.person());
        }

        @Override
        public Erasure<SeenPerson> erase(SeenPerson seen, PersonId person) {
            return seen.person().equals(person) ? Erasure.delete() : Erasure.keep();
        }
    };

    /** Seen people in memory, for tests and embedding. */
    static SeenPeople inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static SeenPeople over(DocumentRepository<SeenPerson> repository) {
        final class Forwarding extends ForwardingDocumentRepository<SeenPerson> implements SeenPeople {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
