package fi.kasvu.experiment;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.util.Optional;

/** Where experiments are stored: listed by team (the context); they have no single owner. */
public interface Experiments extends DocumentRepository<Experiment> {

    /** The document kind of experiments, equal to the JSON format's {@code kind}. */
    DocumentKind<Experiment> KIND = new DocumentKind<>("experiment", Experiment.class,
            Experiment::id, experiment -> null, Experiment::team);

    /** Every experiment of a team, newest change first. */
    default Listing<Experiment> ofTeam(TenantId tenant, String team) {
        return listByContext(tenant, team);
    }

    /** Experiments kept in memory, for tests, examples and systems with storage of their own. */
    static Experiments inMemory(Clock clock) {
        InMemoryDocumentRepository<Experiment> store = InMemoryDocumentRepository.of(KIND, clock);
        return new Experiments() {
            @Override
            public DocumentKind<Experiment> kind() {
                return store.kind();
            }

            @Override
            public Optional<Versioned<Experiment>> find(TenantId tenant, String id) {
                return store.find(tenant, id);
            }

            @Override
            public SaveResult<Experiment> save(TenantId tenant, Versioned<Experiment> document) {
                return store.save(tenant, document);
            }

            @Override
            public boolean delete(TenantId tenant, String id, long expectedVersion) {
                return store.delete(tenant, id, expectedVersion);
            }

            @Override
            public Listing<Experiment> listByOwner(TenantId tenant, PersonId owner) {
                return store.listByOwner(tenant, owner);
            }

            @Override
            public Listing<Experiment> listByContext(TenantId tenant, String context) {
                return store.listByContext(tenant, context);
            }
        };
    }
}
