package fi.kasvu.survey;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/** Where each survey's reporting record (unit names, course, published rounds) is kept, listed by survey. */
public interface SurveyReportings extends DocumentRepository<SurveyReporting> {

    /** The document kind, equal to the JSON format's {@code kind}. */
    DocumentKind<SurveyReporting> KIND = new DocumentKind<>("survey.reporting", SurveyReporting.class,
            SurveyReporting::id, reporting -> null, SurveyReporting::surveyId);

    /** Kept in memory. */
    static SurveyReportings inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static SurveyReportings over(DocumentRepository<SurveyReporting> repository) {
        final class Forwarding extends ForwardingDocumentRepository<SurveyReporting> implements SurveyReportings {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
