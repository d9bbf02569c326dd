package fi.kasvu.library;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.util.Optional;

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
        InMemoryDocumentRepository<LibraryEntry> store = InMemoryDocumentRepository.of(KIND, clock);
        return new LibraryEntries() {
            @Override
            public DocumentKind<LibraryEntry> kind() {
                return store.kind();
            }

            @Override
            public Optional<Versioned<LibraryEntry>> find(TenantId tenant, String id) {
                return store.find(tenant, id);
            }

            @Override
            public SaveResult<LibraryEntry> save(TenantId tenant, Versioned<LibraryEntry> document) {
                return store.save(tenant, document);
            }

            @Override
            public boolean delete(TenantId tenant, String id, long expectedVersion) {
                return store.delete(tenant, id, expectedVersion);
            }

            @Override
            public Listing<LibraryEntry> listByOwner(TenantId tenant, PersonId owner) {
                return store.listByOwner(tenant, owner);
            }

            @Override
            public Listing<LibraryEntry> listByContext(TenantId tenant, String context) {
                return store.listByContext(tenant, context);
            }
        };
    }
}
