package fi.kasvu.plan;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.util.Optional;

/** Where development plans are stored, listed by owner or by programme. */
public interface DevelopmentPlans extends DocumentRepository<DevelopmentPlan> {

    /** The document kind of development plans, equal to the JSON format's {@code kind}. */
    DocumentKind<DevelopmentPlan> KIND = new DocumentKind<>("development.plan", DevelopmentPlan.class,
            DevelopmentPlan::id, DevelopmentPlan::owner, DevelopmentPlan::context);

    /** Every plan of a person, newest change first. */
    default Listing<DevelopmentPlan> of(TenantId tenant, PersonId owner) {
        return listByOwner(tenant, owner);
    }

    /** Plans kept in memory. */
    static DevelopmentPlans inMemory(Clock clock) {
        InMemoryDocumentRepository<DevelopmentPlan> store = InMemoryDocumentRepository.of(KIND, clock);
        return new DevelopmentPlans() {
            @Override
            public DocumentKind<DevelopmentPlan> kind() {
                return store.kind();
            }

            @Override
            public Optional<Versioned<DevelopmentPlan>> find(TenantId tenant, String id) {
                return store.find(tenant, id);
            }

            @Override
            public SaveResult<DevelopmentPlan> save(TenantId tenant, Versioned<DevelopmentPlan> document) {
                return store.save(tenant, document);
            }

            @Override
            public boolean delete(TenantId tenant, String id, long expectedVersion) {
                return store.delete(tenant, id, expectedVersion);
            }

            @Override
            public Listing<DevelopmentPlan> listByOwner(TenantId tenant, PersonId owner) {
                return store.listByOwner(tenant, owner);
            }

            @Override
            public Listing<DevelopmentPlan> listByContext(TenantId tenant, String context) {
                return store.listByContext(tenant, context);
            }
        };
    }
}
