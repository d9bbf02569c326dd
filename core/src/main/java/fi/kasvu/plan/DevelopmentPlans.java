package fi.kasvu.plan;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import java.time.Clock;

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
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static DevelopmentPlans over(DocumentRepository<DevelopmentPlan> repository) {
        final class Forwarding extends ForwardingDocumentRepository<DevelopmentPlan> implements DevelopmentPlans {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
