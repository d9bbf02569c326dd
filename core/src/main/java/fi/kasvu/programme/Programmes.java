package fi.kasvu.programme;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/** Where programmes are stored: a programme has no single owner, and is listed by context (an LMS course). */
public interface Programmes extends DocumentRepository<Programme> {

    /** The document kind of a programme: {@code programme}, listed by context. */
    DocumentKind<Programme> KIND = new DocumentKind<>("programme", Programme.class, Programme::id, p -> null,
            Programme::context);

    /** Programmes kept in memory, for tests, examples and embedding systems with storage of their own. */
    static Programmes inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static Programmes over(DocumentRepository<Programme> repository) {
        final class Forwarding extends ForwardingDocumentRepository<Programme> implements Programmes {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
