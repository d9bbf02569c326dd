package fi.kasvu.common;

import java.util.List;
import java.util.Optional;

/**
 * The port through which an aggregate is stored: by tenant, versioned, listed by owner or
 * context. Feature ports extend it with names of their own ({@code GrowConversations}); core
 * ships an in-memory implementation, {@code kasvu-store-jdbc} the H2 and PostgreSQL ones.
 *
 * <p>No method ever crosses tenants: a document of another tenant is as absent as one never saved.
 */
public interface DocumentRepository<T> {

    /** The kind of document this repository holds. */
    DocumentKind<T> kind();

    /** The document with this id in the tenant, with the version it was read at. */
    Optional<Versioned<T>> find(TenantId tenant, String id);

    /**
     * Saves a new document (version 0) or a changed one read at {@code document.version()}.
     *
     * @return the saved document at its new version, or a conflict if the stored version differs
     *         (or, for version 0, the id is already taken); a conflict writes nothing
     */
    SaveResult<T> save(TenantId tenant, Versioned<T> document);

    /**
     * Deletes the document if it is still at the expected version.
     *
     * @return true if it was deleted, false if it did not exist or had another version
     */
    boolean delete(TenantId tenant, String id, long expectedVersion);

    /** Every document of the tenant owned by the person, newest change first. */
    Listing<T> listByOwner(TenantId tenant, PersonId owner);

    /** Every document of the tenant in the context, newest change first. */
    Listing<T> listByContext(TenantId tenant, String context);

    /**
     * What a list operation found: the documents it could read, and the ones it had to skip
     * because their stored form could not be read (reported, never silently dropped).
     */
    record Listing<T>(List<Versioned<T>> documents, List<Unreadable> unreadable) {
        /** Copies both lists. */
        public Listing {
            documents = Require.list("documents", documents);
            unreadable = Require.list("unreadable", unreadable);
        }
    }

    /** A stored document that could not be read, by id, with the reason (a JSON path and problem). */
    record Unreadable(String id, String reason) {
        /** @throws NullPointerException if either part is null */
        public Unreadable {
            Require.nonNull("id", id);
            Require.nonNull("reason", reason);
        }
    }
}
