package fi.kasvu.survey;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/** Where each survey's published rounds are kept, listed by survey. */
public interface SurveyPublications extends DocumentRepository<SurveyPublication> {

    /** The document kind, equal to the JSON format's {@code kind}. */
    DocumentKind<SurveyPublication> KIND = new DocumentKind<>("survey.publication", SurveyPublication.class,
            SurveyPublication::id, publication -> null, SurveyPublication::surveyId);

    /** Kept in memory. */
    static SurveyPublications inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static SurveyPublications over(DocumentRepository<SurveyPublication> repository) {
        final class Forwarding extends ForwardingDocumentRepository<SurveyPublication> implements SurveyPublications {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
