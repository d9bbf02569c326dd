package fi.kasvu.survey;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import java.time.Clock;

/**
 * Where the records of who answered each round are kept, listed by survey; apart from the
 * responses, which hold no person.
 */
public interface SurveyParticipations extends DocumentRepository<SurveyParticipation> {

    /** The document kind, equal to the JSON format's {@code kind}. */
    DocumentKind<SurveyParticipation> KIND = new DocumentKind<>("survey.participation", SurveyParticipation.class,
            SurveyParticipation::id, participation -> null, SurveyParticipation::surveyId);

    /**
     * Who answered is personal data: an export lists the rounds a person answered (never what),
     * and erasure removes the person from the record.
     */
    fi.kasvu.common.PersonalData<SurveyParticipation> POLICY = new fi.kasvu.common.PersonalData<>() {
        @Override
        public java.util.Set<fi.kasvu.common.PersonId> persons(SurveyParticipation document) {
            return document.people().stream().map(fi.kasvu.common.PersonId::of)
                    .collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public java.util.Optional<SurveyParticipation> exportView(SurveyParticipation document,
                                                                 fi.kasvu.common.PersonId person) {
            return java.util.Optional.of(new SurveyParticipation(document.id(), document.surveyId(), document.round(),
                    document.includes(person.value()) ? java.util.List.of(person.value()) : java.util.List.of()));
        }

        @Override
        public Erasure<SurveyParticipation> erase(SurveyParticipation document, fi.kasvu.common.PersonId person) {
            return document.includes(person.value()) ? Erasure.replaceWith(document.without(person.value()))
                    : Erasure.keep();
        }
    };

    /** Kept in memory. */
    static SurveyParticipations inMemory(Clock clock) {
        return over(InMemoryDocumentRepository.of(KIND, clock));
    }

    /**
     * This port over any repository of the kind.
     *
     * @throws IllegalArgumentException if the repository holds another kind
     */
    static SurveyParticipations over(DocumentRepository<SurveyParticipation> repository) {
        final class Forwarding extends ForwardingDocumentRepository<SurveyParticipation>
                implements SurveyParticipations {
            Forwarding() {
                super(KIND, repository);
            }
        }
        return new Forwarding();
    }
}
