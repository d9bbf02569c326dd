package fi.kasvu.feedback;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/** Where 360 assessments are stored: listed by subject (owner) and by context (an activity, a programme). */
public interface FeedbackAssessments extends DocumentRepository<FeedbackAssessment> {

    /** The document kind of an assessment: {@code feedback.assessment}, owned by the subject. */
    DocumentKind<FeedbackAssessment> KIND = new DocumentKind<>("feedback.assessment", FeedbackAssessment.class,
            FeedbackAssessment::id, FeedbackAssessment::subject, FeedbackAssessment::context);

    /** Assessments kept in memory, for tests, examples and embedding systems with storage of their own. */
    static FeedbackAssessments inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static FeedbackAssessments over(DocumentRepository<FeedbackAssessment> repository) {
        final class Forwarding extends ForwardingDocumentRepository<FeedbackAssessment> implements FeedbackAssessments {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
