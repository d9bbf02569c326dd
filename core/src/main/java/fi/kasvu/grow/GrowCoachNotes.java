package fi.kasvu.grow;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Where coaches' private notes are stored: owned by the coach, listed by the conversation's context. */
public interface GrowCoachNotes extends DocumentRepository<CoachNotes> {

    /** The document kind: {@code grow.coach.notes}, owned by the coach. */
    DocumentKind<CoachNotes> KIND = new DocumentKind<>("grow.coach.notes", CoachNotes.class, CoachNotes::id,
            CoachNotes::coach, CoachNotes::context);

    /**
     * The notes are the coach's: whole in the coach's export, never in the coachee's (which only
     * names them, as the coachee is mentioned); erasing either deletes them (the coachee's erasure
     * deletes the conversation they are about).
     */
    PersonalData<CoachNotes> PERSONAL_DATA = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(CoachNotes notes) {
            Set<PersonId> persons = new LinkedHashSet<>();
            persons.add(notes.coach());
            persons.add(notes.coachee());
            return persons;
        }

        @Override
        public Optional<CoachNotes> exportView(CoachNotes notes, PersonId person) {
            return notes.coach().equals(person) ? Optional.of(notes) : Optional.empty();
        }

        @Override
        public Erasure<CoachNotes> erase(CoachNotes notes, PersonId person) {
            return persons(notes).contains(person) ? Erasure.delete() : Erasure.keep();
        }
    };

    /** Notes in memory, for tests and embedding systems with storage of their own. */
    static GrowCoachNotes inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static GrowCoachNotes over(DocumentRepository<CoachNotes> repository) {
        final class Forwarding extends ForwardingDocumentRepository<CoachNotes> implements GrowCoachNotes {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
