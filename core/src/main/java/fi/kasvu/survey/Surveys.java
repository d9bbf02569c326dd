package fi.kasvu.survey;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.TenantId;
import java.time.Clock;

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
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind (a JDBC store, say).
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static Surveys over(DocumentRepository<Survey> repository) {
        final class Forwarding extends ForwardingDocumentRepository<Survey> implements Surveys {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
