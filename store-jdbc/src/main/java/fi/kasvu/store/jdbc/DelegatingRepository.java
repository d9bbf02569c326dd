package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.util.Optional;

/** A repository that hands every call to a JDBC one, so that a feature port can be implemented in one line. */
abstract class DelegatingRepository<T> implements DocumentRepository<T> {

    private final JdbcDocumentRepository<T> delegate;

    DelegatingRepository(JdbcDocumentRepository<T> delegate) {
        this.delegate = delegate;
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
