package fi.kasvu.grow;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.util.Optional;

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
        if (!repository.kind().name().equals(KIND.name())) {
            throw new IllegalArgumentException("repository must hold " + KIND.name() + ": " + repository.kind().name());
        }
        return new GrowConversations() {
            @Override
            public DocumentKind<GrowConversation> kind() {
                return repository.kind();
            }

            @Override
            public Optional<Versioned<GrowConversation>> find(TenantId tenant, String id) {
                return repository.find(tenant, id);
            }

            @Override
            public SaveResult<GrowConversation> save(TenantId tenant, Versioned<GrowConversation> document) {
                return repository.save(tenant, document);
            }

            @Override
            public boolean delete(TenantId tenant, String id, long expectedVersion) {
                return repository.delete(tenant, id, expectedVersion);
            }

            @Override
            public DocumentRepository.Listing<GrowConversation> listByOwner(TenantId tenant, PersonId owner) {
                return repository.listByOwner(tenant, owner);
            }

            @Override
            public DocumentRepository.Listing<GrowConversation> listByContext(TenantId tenant, String context) {
                return repository.listByContext(tenant, context);
            }
        };
    }
}
