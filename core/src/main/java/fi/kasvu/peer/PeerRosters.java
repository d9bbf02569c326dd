package fi.kasvu.peer;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/** Where the participants of peer-group activities are kept, one roster per activity (context). */
public interface PeerRosters extends DocumentRepository<PeerRoster> {

    /** The document kind {@code peer.roster}, listed by the activity it belongs to. */
    DocumentKind<PeerRoster> KIND = new DocumentKind<>("peer.roster", PeerRoster.class, PeerRoster::id,
            roster -> null, PeerRoster::context);

    /** Rosters kept in memory, for tests and embedding. */
    static PeerRosters inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static PeerRosters over(DocumentRepository<PeerRoster> repository) {
        final class Forwarding extends ForwardingDocumentRepository<PeerRoster> implements PeerRosters {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
