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

    /**
     * The organisation (and so the listing context) of the entries a tenant shares with every
     * organisation on this Kasvu server. An entry is read across tenants only when it has this
     * organisation and {@link Visibility#EVERYONE}.
     */
    String SERVER_WIDE = "kasvu-server-wide";

    /**
     * The entries shared with every organisation on this Kasvu server, from every tenant, newest
     * change first: the one read of this port across tenants. Only entries whose organisation is
     * {@link #SERVER_WIDE} and whose visibility is {@link Visibility#EVERYONE} are returned, never
     * anything else of another tenant (nor which stored entries could not be read). Filter with
     * {@link Library#search} before showing. By default none (a store that cannot read across tenants).
     */
    default Listing<LibraryEntry> sharedServerWide() {
        return new Listing<>(java.util.List.of(), java.util.List.of());
    }

    /** Every entry of an organisation, newest change first (filter with {@link Library#search} before showing). */
    default Listing<LibraryEntry> ofOrganisation(TenantId tenant, String organisation) {
        return listByContext(tenant, organisation);
    }

    /** Entries kept in memory. */
    static LibraryEntries inMemory(Clock clock) {
        InMemoryDocumentRepository<LibraryEntry> repository = InMemoryDocumentRepository.of(KIND, clock);
        return over(repository, repository::listByContextInEveryTenant);
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static LibraryEntries over(DocumentRepository<LibraryEntry> repository) {
        return over(repository, context -> new Listing<>(java.util.List.of(), java.util.List.of()));
    }

    /**
     * This port over any repository of the kind, with the store's read of one listing context in
     * every tenant for {@link #sharedServerWide()} (whose results this port filters again).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static LibraryEntries over(DocumentRepository<LibraryEntry> repository,
                               java.util.function.Function<String, Listing<LibraryEntry>> inEveryTenantByContext) {
        java.util.Objects.requireNonNull(inEveryTenantByContext, "inEveryTenantByContext");
        final class Forwarding extends ForwardingDocumentRepository<LibraryEntry> implements LibraryEntries {
            Forwarding() {
                super(KIND, repository);
            }

            @Override
            public Listing<LibraryEntry> sharedServerWide() {
                return new Listing<>(inEveryTenantByContext.apply(SERVER_WIDE).documents().stream()
                        .filter(v -> v.value().visibility() == Visibility.EVERYONE
                                && SERVER_WIDE.equals(v.value().organisation()))
                        .toList(), java.util.List.of());
            }
        }
        return new Forwarding();
    }
}
