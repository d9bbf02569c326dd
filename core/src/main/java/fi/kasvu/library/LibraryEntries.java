package fi.kasvu.library;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.TenantId;
import java.time.Clock;

/** Where library entries are stored, listed by author (owner) or organisation (context). */
public interface LibraryEntries extends DocumentRepository<LibraryEntry> {

    /** The document kind of library entries, equal to the JSON format's {@code kind}. */
    DocumentKind<LibraryEntry> KIND = new DocumentKind<>("library.entry", LibraryEntry.class, LibraryEntry::id,
            LibraryEntry::author, LibraryEntry::organisation);

    /** Every entry of an organisation, newest change first (filter with {@link Library#search} before showing). */
    default Listing<LibraryEntry> ofOrganisation(TenantId tenant, String organisation) {
        return listByContext(tenant, organisation);
    }

    /** Entries kept in memory. */
    static LibraryEntries inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static LibraryEntries over(DocumentRepository<LibraryEntry> repository) {
        final class Forwarding extends ForwardingDocumentRepository<LibraryEntry> implements LibraryEntries {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
