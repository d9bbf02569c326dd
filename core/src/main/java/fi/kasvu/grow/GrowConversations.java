package fi.kasvu.grow;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/**
 * Where GROW conversations are stored: listed by coachee (owner) and by context (an activity, a
 * programme, a group).
 */
public interface GrowConversations extends DocumentRepository<GrowConversation> {

    /** The document kind of a conversation: {@code grow.conversation}, owned by the coachee, listed by context. */
    DocumentKind<GrowConversation> KIND = new DocumentKind<>("grow.conversation", GrowConversation.class,
            GrowConversation::id, GrowConversation::coachee, GrowConversation::context);

    /** Conversations kept in memory, for tests, examples and embedding systems with storage of their own. */
    static GrowConversations inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static GrowConversations over(DocumentRepository<GrowConversation> repository) {
        final class Forwarding extends ForwardingDocumentRepository<GrowConversation> implements GrowConversations {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
