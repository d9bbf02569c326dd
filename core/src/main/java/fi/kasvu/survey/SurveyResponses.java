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

/** Where survey responses are stored, listed by survey; they have no owner, by design. */
public interface SurveyResponses extends DocumentRepository<SurveyResponse> {

    /** The document kind of responses, equal to the JSON format's {@code kind}. */
    DocumentKind<SurveyResponse> KIND = new DocumentKind<>("survey.response", SurveyResponse.class,
            SurveyResponse::id, response -> null, SurveyResponse::surveyId);

    /** Every response to a survey (all rounds). */
    default Listing<SurveyResponse> ofSurvey(TenantId tenant, String surveyId) {
        return listByContext(tenant, surveyId);
    }

    /** Responses kept in memory. */
    static SurveyResponses inMemory(Clock clock) {
        InMemoryDocumentRepository<SurveyResponse> store = InMemoryDocumentRepository.of(KIND, clock);
        return new SurveyResponses() {
            @Override
            public DocumentKind<SurveyResponse> kind() {
                return store.kind();
            }

            @Override
            public Optional<Versioned<SurveyResponse>> find(TenantId tenant, String id) {
                return store.find(tenant, id);
            }

            @Override
            public SaveResult<SurveyResponse> save(TenantId tenant, Versioned<SurveyResponse> document) {
                return store.save(tenant, document);
            }

            @Override
            public boolean delete(TenantId tenant, String id, long expectedVersion) {
                return store.delete(tenant, id, expectedVersion);
            }

            @Override
            public Listing<SurveyResponse> listByOwner(TenantId tenant, PersonId owner) {
                return store.listByOwner(tenant, owner);
            }

            @Override
            public Listing<SurveyResponse> listByContext(TenantId tenant, String context) {
                return store.listByContext(tenant, context);
            }
        };
    }
}
