package fi.kasvu.survey;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.TenantId;
import java.time.Clock;

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
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static SurveyResponses over(DocumentRepository<SurveyResponse> repository) {
        final class Forwarding extends ForwardingDocumentRepository<SurveyResponse> implements SurveyResponses {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
