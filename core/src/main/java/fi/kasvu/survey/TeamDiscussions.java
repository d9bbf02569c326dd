package fi.kasvu.survey;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/**
 * Where teams' notes on survey results are kept, listed by survey. They hold no person (no
 * author, no member list), so they have no personal-data policy; their text is the team's.
 */
public interface TeamDiscussions extends DocumentRepository<TeamDiscussion> {

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
