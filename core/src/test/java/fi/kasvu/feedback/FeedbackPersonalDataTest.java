package fi.kasvu.feedback;

import static fi.kasvu.feedback.FeedbackFixtures.SUBJECT;
import static fi.kasvu.feedback.FeedbackFixtures.all;
import static fi.kasvu.feedback.FeedbackFixtures.answer;
import static fi.kasvu.feedback.FeedbackFixtures.rater;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackPersonalDataTest {

    private static final FeedbackAssessment ASSESSMENT = FeedbackFixtures.withAnswers(FeedbackFixtures.open(false)
            .answerAsSelf(SUBJECT, all(4), FeedbackFixtures.START).orElseThrow(),
            List.of(answer(RaterGroup.PEERS, all(2)), answer(RaterGroup.PEERS, all(3))));

    @Test
    void persons_areTheSubjectAndTheRosterRaters() {
        assertThat(FeedbackPersonalData.POLICY.persons(ASSESSMENT)).containsExactly(SUBJECT, rater("peers-0"),
                rater("peers-1"));
    }

    @Test
    void theSubjectsExport_keepsTheirOwnAnswers_butNoInvitationOrRatersAnswer() {
        FeedbackAssessment exported = FeedbackPersonalData.POLICY.exportView(ASSESSMENT, SUBJECT).orElseThrow();

        assertThat(exported.self()).isEqualTo(ASSESSMENT.self());
        assertThat(exported.invitations()).isEmpty();
        assertThat(exported.responses()).isEmpty();
        assertThat(FeedbackPersonalData.POLICY.exportView(ASSESSMENT, rater("peers-0"))).isEmpty();
    }

    @Test
    void erasingARater_leavesAStandInAndTheirAnonymousAnswers_erasingTheSubjectDeletes() {
        PersonalData.Erasure<FeedbackAssessment> rater = FeedbackPersonalData.POLICY.erase(ASSESSMENT, rater("peers-1"));

        assertThat(rater).isInstanceOfSatisfying(PersonalData.Erasure.Replace.class, replace -> {
            FeedbackAssessment kept = (FeedbackAssessment) replace.anonymised();
            assertThat(FeedbackPersonalData.POLICY.persons(kept)).containsExactly(SUBJECT, rater("peers-0"),
                    PersonId.of("erased-rater-2"));
            assertThat(kept.responses()).hasSize(2);
        });
        assertThat(FeedbackPersonalData.POLICY.erase(ASSESSMENT, SUBJECT)).isInstanceOf(PersonalData.Erasure.Delete.class);
        assertThat(FeedbackPersonalData.POLICY.erase(ASSESSMENT, PersonId.of("nobody")))
                .isInstanceOf(PersonalData.Erasure.Keep.class);
    }
}
