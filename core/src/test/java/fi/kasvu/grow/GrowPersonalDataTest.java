package fi.kasvu.grow;

import static fi.kasvu.grow.GrowFixtures.COACH;
import static fi.kasvu.grow.GrowFixtures.COACHEE;
import static fi.kasvu.grow.GrowFixtures.OBSERVER;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import fi.kasvu.common.PersonalData.Erasure;
import org.junit.jupiter.api.Test;

class GrowPersonalDataTest {

    private final PersonalData<GrowConversation> policy = GrowPersonalData.POLICY;

    @Test
    void persons_everyParticipant() {
        assertThat(policy.persons(GrowFixtures.peerTriad())).containsExactly(COACHEE, COACH, OBSERVER);
        assertThat(policy.persons(GrowFixtures.started())).containsExactly(COACHEE);
    }

    @Test
    void exportView_wholeForTheCoachee_withheldFromCoachAndObserver() {
        GrowConversation triad = GrowFixtures.peerTriad();

        assertThat(policy.exportView(triad, COACHEE)).contains(triad);
        assertThat(policy.exportView(triad, COACH)).isEmpty();
        assertThat(policy.exportView(triad, OBSERVER)).isEmpty();
    }

    @Test
    void erase_coachee_deletesTheConversation() {
        assertThat(policy.erase(GrowFixtures.peerTriad(), COACHEE)).isInstanceOf(Erasure.Delete.class);
    }

    @Test
    void erase_coachOrObserver_leavesAStandInAndTheContent() {
        GrowConversation triad = GrowFixtures.peerTriad();

        GrowConversation withoutCoach = ((Erasure.Replace<GrowConversation>) policy.erase(triad, COACH)).anonymised();
        GrowConversation withoutObserver = ((Erasure.Replace<GrowConversation>) policy.erase(triad, OBSERVER)).anonymised();

        assertThat(withoutCoach.participants().coach()).isEqualTo(PersonId.of("erased-coach"));
        assertThat(withoutCoach.participants().observers()).containsExactly(OBSERVER);
        assertThat(withoutObserver.participants().observers()).containsExactly(PersonId.of("erased-observer-1"));
        assertThat(policy.persons(withoutCoach)).doesNotContain(COACH);
        assertThat(withoutCoach.coachee()).isEqualTo(COACHEE);
        assertThat(withoutCoach.mode()).isEqualTo(triad.mode());
        assertThat(withoutCoach.id()).isEqualTo(triad.id());
    }

    @Test
    void erase_someoneElse_keeps() {
        assertThat(policy.erase(GrowFixtures.peerTriad(), PersonId.of("stranger"))).isInstanceOf(Erasure.Keep.class);
    }
}
