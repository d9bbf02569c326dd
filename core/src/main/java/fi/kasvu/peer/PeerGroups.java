package fi.kasvu.peer;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.TenantId;
import java.time.Clock;

/** Where peer groups are kept over their life, listed by their programme or course (context). */
public interface PeerGroups extends DocumentRepository<PeerGroup> {

    /** The document kind {@code peer.group}; groups belong to no single owner. */
    DocumentKind<PeerGroup> KIND = new DocumentKind<>("peer.group", PeerGroup.class, PeerGroup::id,
            group -> null, PeerGroup::context);

    /** Every group of a programme or course, newest change first. */
    default Listing<PeerGroup> inContext(TenantId tenant, String context) {
        return listByContext(tenant, context);
    }

    /** Groups kept in memory, for tests, examples and systems with storage of their own. */
    static PeerGroups inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static PeerGroups over(DocumentRepository<PeerGroup> repository) {
        final class Forwarding extends ForwardingDocumentRepository<PeerGroup> implements PeerGroups {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
