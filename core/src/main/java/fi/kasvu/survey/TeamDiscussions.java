package fi.kasvu.survey;

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

/**
 * Where teams' notes on survey results are kept, listed by survey. Each note names its author
 * (no member list is kept), so a person's notes are in their GDPR export and erased with them.
 */
public interface TeamDiscussions extends DocumentRepository<TeamDiscussion> {

    /**
     * The notes' personal data: a note is its author's. The export holds only the notes the person
     * wrote (the others' stay out); erasing a person removes their notes and keeps the others', and
     * a discussion left without notes is deleted. Notes written before authors were recorded name
     * nobody and are not found.
     */
    PersonalData<TeamDiscussion> PERSONAL_DATA = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(TeamDiscussion discussion) {
            return new LinkedHashSet<>(discussion.authors().values());
        }

        @Override
        public Optional<TeamDiscussion> exportView(TeamDiscussion discussion, PersonId person) {
            return Optional.of(discussion.writtenBy(person));
        }

        @Override
        public Erasure<TeamDiscussion> erase(TeamDiscussion discussion, PersonId person) {
            if (!persons(discussion).contains(person)) {
                return Erasure.keep();
            }
            TeamDiscussion rest = discussion.withoutNotesOf(person);
            return rest.notes().isEmpty() ? Erasure.delete() : Erasure.replaceWith(rest);
        }
    };

    /** The document kind, equal to the JSON format's {@code kind}. */
    DocumentKind<TeamDiscussion> KIND = new DocumentKind<>("survey.discussion", TeamDiscussion.class,
            TeamDiscussion::id, discussion -> null, TeamDiscussion::surveyId);

    /** Kept in memory. */
    static TeamDiscussions inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static TeamDiscussions over(DocumentRepository<TeamDiscussion> repository) {
        final class Forwarding extends ForwardingDocumentRepository<TeamDiscussion> implements TeamDiscussions {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
