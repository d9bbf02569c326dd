package fi.kasvu.survey;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.util.Optional;

/** Where surveys (questionnaires and their rounds) are stored, listed by organisation. */
public interface Surveys extends DocumentRepository<Survey> {

    /** The document kind of surveys, equal to the JSON format's {@code kind}. */
    DocumentKind<Survey> KIND = new DocumentKind<>("survey", Survey.class, Survey::id, survey -> null,
            Survey::organisation);

    /** Every survey of an organisation, newest change first. */
    default Listing<Survey> ofOrganisation(TenantId tenant, String organisation) {
        return listByContext(tenant, organisation);
    }

    /** Surveys kept in memory. */
    static Surveys inMemory(Clock clock) {
        InMemoryDocumentRepository<Survey> store = InMemoryDocumentRepository.of(KIND, clock);
        return new Surveys() {
            @Override
            public DocumentKind<Survey> kind() {
                return store.kind();
            }

            @Override
            public Optional<Versioned<Survey>> find(TenantId tenant, String id) {
                return store.find(tenant, id);
            }

            @Override
            public SaveResult<Survey> save(TenantId tenant, Versioned<Survey> document) {
                return store.save(tenant, document);
            }

            @Override
            public boolean delete(TenantId tenant, String id, long expectedVersion) {
                return store.delete(tenant, id, expectedVersion);
            }

            @Override
            public Listing<Survey> listByOwner(TenantId tenant, PersonId owner) {
                return store.listByOwner(tenant, owner);
            }

            @Override
            public Listing<Survey> listByContext(TenantId tenant, String context) {
                return store.listByContext(tenant, context);
            }
        };
    }
}
