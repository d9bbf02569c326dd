package fi.kasvu.peer;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/** Where formation results are kept, so that later rounds can avoid earlier partners. */
public interface Formations extends DocumentRepository<Formation> {

    /** The document kind {@code peer.formation}, listed by programme or course (context). */
    DocumentKind<Formation> KIND = new DocumentKind<>("peer.formation", Formation.class, Formation::id,
            formation -> null, Formation::context);

    /** Formations kept in memory, for tests and embedding. */
    static Formations inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static Formations over(DocumentRepository<Formation> repository) {
        final class Forwarding extends ForwardingDocumentRepository<Formation> implements Formations {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
