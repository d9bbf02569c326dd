package fi.kasvu.common;

import java.util.Optional;

/**
 * A repository that hands every call to another one of the same kind, so that a feature port
 * ({@code GrowConversations}, {@code Experiments}, …) can be put over any implementation, in memory
 * or JDBC, without repeating the six forwarding methods.
 */
public abstract class ForwardingDocumentRepository<T> implements DocumentRepository<T> {

    private final DocumentRepository<T> delegate;

    /**
     * Forwards to the delegate, which must hold the expected kind of document.
     *
     * @throws IllegalArgumentException if the delegate holds another kind, naming both
     * @throws NullPointerException     if either argument is null
     */
    protected ForwardingDocumentRepository(DocumentKind<T> expected, DocumentRepository<T> delegate) {
        Require.nonNull("expected kind", expected);
        this.delegate = Require.nonNull("repository", delegate);
        if (!delegate.kind().name().equals(expected.name())) {
            throw new IllegalArgumentException(
                    "repository must hold " + expected.name() + ": " + delegate.kind().name());
        }
    }

    @Override
    public DocumentKind<T> kind() {
        return delegate.kind();
    }

    @Override
    public Optional<Versioned<T>> find(TenantId tenant, String id) {
        return delegate.find(tenant, id);
    }

    @Override
    public SaveResult<T> save(TenantId tenant, Versioned<T> document) {
        return delegate.save(tenant, document);
    }

    @Override
    public boolean delete(TenantId tenant, String id, long expectedVersion) {
        return delegate.delete(tenant, id, expectedVersion);
    }

    @Override
    public Listing<T> listByOwner(TenantId tenant, PersonId owner) {
        return delegate.listByOwner(tenant, owner);
    }

    @Override
    public Listing<T> listByContext(TenantId tenant, String context) {
        return delegate.listByContext(tenant, context);
    }
}
