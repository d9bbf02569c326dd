package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentRepository.Listing;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import fi.kasvu.common.Require;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.session.Sessions;
import fi.kasvu.session.StoredSession;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GDPR duties for one person in one tenant, across every registered document kind: export
 * everything that mentions them as one JSON document, and erase them (private content deleted,
 * group-level documents anonymised). What a document holds of a person is the aggregate's own
 * {@link PersonalData} policy; this service only applies it.
 *
 * <pre>{@code
 * PersonalDataService gdpr = PersonalDataService.builder(clock)
 *         .register(conversations, GrowPersonalData.POLICY)
 *         .register(peerGroups, PeerPersonalData.GROUPS)
 *         .build();
 * String json = gdpr.export(tenant, person);
 * PersonalDataService.ErasureReport report = gdpr.erase(tenant, person);
 * }</pre>
 */
public final class PersonalDataService {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataService.class);

    /** The {@code kind} of an export document. */
    public static final String EXPORT_KIND = "kasvu.personalDataExport";

    /** The schema version of the export format. */
    public static final int EXPORT_SCHEMA_VERSION = 1;

    private static final int ATTEMPTS = 5;

    /** The export's kind name for sign-in sessions. */
    public static final String SESSION_KIND = "kasvu.session";

    private final List<Registered<?>> registered;
    private final Optional<Sessions> sessions;
    private final Clock clock;

    private PersonalDataService(List<Registered<?>> registered, Optional<Sessions> sessions, Clock clock) {
        this.registered = List.copyOf(registered);
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A builder to register each stored aggregate with its policy.
     *
     * @param clock stamps exports with their time
     * @throws NullPointerException if the clock is null
     */
    public static Builder builder(Clock clock) {
        return new Builder(Require.nonNull("clock", clock));
    }

    /** Collects the document kinds a service covers. */
    public static final class Builder {
        private final Clock clock;
        private final Map<String, Registered<?>> registered = new LinkedHashMap<>();
        private Sessions sessions;

        private Builder(Clock clock) {
            this.clock = clock;
        }

        /**
         * Covers one document kind with its policy.
         *
         * @throws IllegalArgumentException naming the kind if it is already registered
         * @throws NullPointerException     if either argument is null
         */
        public <T> Builder register(JdbcDocumentRepository<T> repository, PersonalData<T> policy) {
            Require.nonNull("repository", repository);
            Require.nonNull("policy", policy);
            String kind = repository.kind().name();
            if (registered.containsKey(kind)) {
                throw new IllegalArgumentException("document kind registered twice: " + kind);
            }
            registered.put(kind, new Registered<>(repository, policy));
            return this;
        }

        /**
         * Covers sign-in sessions: exported without their token hash or payload, ended on erasure.
         *
         * @throws NullPointerException if the sessions are null
         */
        public Builder sessions(Sessions value) {
            this.sessions = Require.nonNull("sessions", value);
            return this;
        }

        /** The service over every kind registered so far. */
        public PersonalDataService build() {
            return new PersonalDataService(new ArrayList<>(registered.values()), Optional.ofNullable(sessions), clock);
        }
    }

    /** The document kinds covered, in registration order. */
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>(registered.stream().map(entry -> entry.repository().kind().name()).toList());
        sessions.ifPresent(s -> kinds.add(SESSION_KIND));
        return List.copyOf(kinds);
    }

    /**
     * Everything of the person in the tenant as one JSON document: each document that mentions
     * them, as they may see it, and the ids of stored documents that could not be read.
     *
     * @throws StoreException if the database fails
     */
    public String export(TenantId tenant, PersonId person) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("person", person);
        JsonArrayBuilder documents = Json.createArrayBuilder();
        JsonArrayBuilder unreadable = Json.createArrayBuilder();
        int count = 0;
        for (Registered<?> entry : registered) {
            count += entry.export(tenant, person, documents, unreadable);
        }
        if (sessions.isPresent()) {
            for (StoredSession session : sessions.get().ofPerson(tenant, person)) {
                // The token hash and payload stay out: the payload holds the session's CSRF secret.
                documents.add(Json.createObjectBuilder().add("kind", SESSION_KIND)
                        .add("platform", session.platform()).add("context", session.context())
                        .add("createdAt", session.createdAt().toString())
                        .add("endsAt", session.endsAt().toString()));
                count++;
            }
        }
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("kind", EXPORT_KIND)
                .add("schemaVersion", EXPORT_SCHEMA_VERSION)
                .add("tenant", tenant.value())
                .add("person", person.value())
                .add("exportedAt", clock.instant().toString())
                .add("documents", documents)
                .add("unreadable", unreadable);
        LOG.info("Exported {} documents of a person in tenant {}", count, tenant);
        return root.build().toString();
    }

    /**
     * Erases the person from the tenant: each document that mentions them is deleted, replaced by
     * its anonymised copy, or kept, as its policy says. A document changed concurrently is read
     * again and the policy applied again.
     *
     * @return what was done, with the documents that could not be read (and so not erased)
     * @throws StoreException if the database fails
     */
    public ErasureReport erase(TenantId tenant, PersonId person) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("person", person);
        ErasureReport.Counter counter = new ErasureReport.Counter();
        for (Registered<?> entry : registered) {
            entry.erase(tenant, person, counter);
        }
        sessions.ifPresent(s -> counter.deleted += s.erase(tenant, person));
        ErasureReport report = counter.report();
        LOG.info("Erased a person in tenant {}: {} documents deleted, {} anonymised, {} unreadable", tenant,
                report.deleted(), report.anonymised(), report.unreadable().size());
        return report;
    }

    /**
     * What erasing a person did.
     *
     * @param deleted    documents deleted
     * @param anonymised documents replaced by anonymised copies
     * @param kept       documents that mention the person and were kept by their policy
     * @param unreadable documents that could not be read, so could not be checked: an operator must look
     */
    public record ErasureReport(int deleted, int anonymised, int kept, List<UnreadableDocument> unreadable) {
        /** Copies the list. */
        public ErasureReport {
            unreadable = Require.list("unreadable", unreadable);
        }

        private static final class Counter {
            private int deleted;
            private int anonymised;
            private int kept;
            private final List<UnreadableDocument> unreadable = new ArrayList<>();

            ErasureReport report() {
                return new ErasureReport(deleted, anonymised, kept, unreadable);
            }
        }
    }

    /**
     * A stored document skipped because it could not be read.
     *
     * @param kind the document kind
     * @param id   the document's id
     */
    public record UnreadableDocument(String kind, String id) {
        /** @throws NullPointerException if either part is null */
        public UnreadableDocument {
            Require.nonNull("kind", kind);
            Require.nonNull("id", id);
        }
    }

    private record Registered<T>(JdbcDocumentRepository<T> repository, PersonalData<T> policy) {

        int export(TenantId tenant, PersonId person, JsonArrayBuilder documents, JsonArrayBuilder unreadable) {
            String kind = repository.kind().name();
            Listing<T> listing = repository.listAll(tenant);
            int count = 0;
            for (Versioned<T> document : listing.documents()) {
                if (policy.persons(document.value()).contains(person)) {
                    JsonObjectBuilder entry = Json.createObjectBuilder()
                            .add("kind", kind)
                            .add("id", repository.kind().id().apply(document.value()))
                            .add("version", document.version());
                    Optional<T> view = policy.exportView(document.value(), person);
                    if (view.isPresent()) {
                        try (JsonReader reader = Json.createReader(new StringReader(repository.codec().write(view.get())))) {
                            entry.add("document", reader.readValue());
                        }
                    } else {
                        entry.add("withheld", true);
                    }
                    documents.add(entry);
                    count++;
                }
            }
            listing.unreadable().forEach(skipped -> unreadable.add(Json.createObjectBuilder()
                    .add("kind", kind).add("id", skipped.id())));
            return count;
        }

        void erase(TenantId tenant, PersonId person, ErasureReport.Counter counter) {
            Listing<T> listing = repository.listAll(tenant);
            for (Versioned<T> document : listing.documents()) {
                if (policy.persons(document.value()).contains(person)) {
                    eraseOne(tenant, person, document, counter);
                }
            }
            listing.unreadable().forEach(skipped ->
                    counter.unreadable.add(new UnreadableDocument(repository.kind().name(), skipped.id())));
        }

        private void eraseOne(TenantId tenant, PersonId person, Versioned<T> read, ErasureReport.Counter counter) {
            String id = repository.kind().id().apply(read.value());
            Versioned<T> current = read;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                PersonalData.Erasure<T> erasure = policy.erase(current.value(), person);
                boolean done;
                if (erasure instanceof PersonalData.Erasure.Delete<T>) {
                    done = repository.delete(tenant, id, current.version());
                    if (done) {
                        counter.deleted++;
                    }
                } else if (erasure instanceof PersonalData.Erasure.Replace<T> replace) {
                    SaveResult<T> saved = repository.save(tenant, current.with(replace.anonymised()));
                    done = saved.isSaved();
                    if (done) {
                        counter.anonymised++;
                    }
                } else {
                    counter.kept++;
                    return;
                }
                if (done) {
                    return;
                }
                Optional<Versioned<T>> again = repository.find(tenant, id);
                if (again.isEmpty() || !policy.persons(again.get().value()).contains(person)) {
                    return;
                }
                current = again.get();
            }
            throw new StoreException("could not erase a person from " + repository.kind().name() + " " + id
                    + ": it changed " + ATTEMPTS + " times while erasing; try again");
        }
    }
}
