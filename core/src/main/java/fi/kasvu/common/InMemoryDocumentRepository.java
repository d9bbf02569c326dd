package fi.kasvu.common;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A thread-safe repository in memory, for tests, examples and embedding systems that keep their
 * own storage. It follows the same contract as the JDBC store: tenants never mix, versions are
 * checked on every save.
 */
public final class InMemoryDocumentRepository<T> implements DocumentRepository<T> {

    private record Key(TenantId tenant, String id) {
    }

    private record Stored<T>(T value, long version, Instant updated) {
    }

    private final DocumentKind<T> kind;
    private final Clock clock;
    private final Map<Key, Stored<T>> documents = new ConcurrentHashMap<>();

    private InMemoryDocumentRepository(DocumentKind<T> kind, Clock clock) {
        this.kind = Require.nonNull("kind", kind);
        this.clock = Require.nonNull("clock", clock);
    }

    /** An empty repository for the kind, ordering by the given clock's time of save. */
    public static <T> InMemoryDocumentRepository<T> of(DocumentKind<T> kind, Clock clock) {
        return new InMemoryDocumentRepository<>(kind, clock);
    }

    @Override
    public DocumentKind<T> kind() {
        return kind;
    }

    @Override
    public Optional<Versioned<T>> find(TenantId tenant, String id) {
        Stored<T> stored = documents.get(new Key(tenant, id));
        return stored == null ? Optional.empty() : Optional.of(new Versioned<>(stored.value(), stored.version()));
    }

    @Override
    public SaveResult<T> save(TenantId tenant, Versioned<T> document) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("document", document);
        String id = kind.id().apply(document.value());
        Key key = new Key(tenant, id);
        Stored<T>[] result = newStoredHolder();
        documents.compute(key, (k, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != document.version()) {
                return current;
            }
            result[0] = new Stored<>(document.value(), currentVersion + 1, clock.instant());
            return result[0];
        });
        if (result[0] == null) {
            Stored<T> current = documents.get(key);
            return new SaveResult.Conflict<>(id, document.version(), current == null ? -1 : current.version());
        }
        return new SaveResult.Saved<>(new Versioned<>(result[0].value(), result[0].version()));
    }

    @Override
    public boolean delete(TenantId tenant, String id, long expectedVersion) {
        Key key = new Key(tenant, id);
        Stored<T> current = documents.get(key);
        return current != null && current.version() == expectedVersion && documents.remove(key, current);
    }

    @Override
    public Listing<T> listByOwner(TenantId tenant, PersonId owner) {
        Require.nonNull("tenant", tenant);
        return list(tenant, value -> Objects.equals(kind.owner().apply(value), owner));
    }

    @Override
    public Listing<T> listByContext(TenantId tenant, String context) {
        Require.nonNull("tenant", tenant);
        return list(tenant, value -> Objects.equals(kind.context().apply(value), context));
    }

    /**
     * Every document of this kind with the context, in every tenant: for the few ports that read
     * across tenants on purpose (the library's entries shared with everyone on the server), which
     * filter what they return.
     */
    public Listing<T> listByContextInEveryTenant(String context) {
        Require.nonNull("context", context);
        return list(null, value -> Objects.equals(kind.context().apply(value), context));
    }

    private Listing<T> list(TenantId tenant, Predicate<T> filter) {
        List<Versioned<T>> found = documents.entrySet().stream()
                .filter(entry -> (tenant == null || entry.getKey().tenant().equals(tenant))
                        && filter.test(entry.getValue().value()))
                .sorted(Comparator.comparing((Map.Entry<Key, Stored<T>> entry) -> entry.getValue().updated()).reversed()
                        .thenComparing(entry -> entry.getKey().id()))
                .map(entry -> new Versioned<>(entry.getValue().value(), entry.getValue().version()))
                .toList();
        return new Listing<>(found, List.of());
    }

    @SuppressWarnings("unchecked")
    private static <T> Stored<T>[] newStoredHolder() {
        return (Stored<T>[]) new Stored<?>[1];
    }
}
