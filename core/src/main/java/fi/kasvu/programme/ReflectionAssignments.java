package fi.kasvu.programme;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/** Where reflection assignments are stored: listed by learner (owner) and by programme (context). */
public interface ReflectionAssignments extends DocumentRepository<ReflectionAssignment> {

    /** The document kind of a reflection: {@code programme.reflection}, owned by the learner, listed by programme. */
    DocumentKind<ReflectionAssignment> KIND = new DocumentKind<>("programme.reflection", ReflectionAssignment.class,
            ReflectionAssignment::id, ReflectionAssignment::learner, ReflectionAssignment::programmeId);

    /** Reflections kept in memory, for tests, examples and embedding systems with storage of their own. */
    static ReflectionAssignments inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static ReflectionAssignments over(DocumentRepository<ReflectionAssignment> repository) {
        final class Forwarding extends ForwardingDocumentRepository<ReflectionAssignment> implements ReflectionAssignments {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
