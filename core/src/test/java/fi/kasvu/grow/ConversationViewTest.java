package fi.kasvu.grow;

import static fi.kasvu.grow.GrowFixtures.COACH;
import static fi.kasvu.grow.GrowFixtures.COACHEE;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConversationViewTest {

    @Test
    void coachee_seesEverything() {
        GrowConversation c = GrowFixtures.anyCompleted();

        assertThat(c.viewFor(COACHEE)).isEqualTo(new ConversationView.OwnView(c));
    }

    @Test
    void coachAndTeacher_seeProgressButNoContentByDefault() {
        GrowConversation c = GrowFixtures.anyCompleted();

        for (PersonId viewer : new PersonId[] {COACH, PersonId.of("teacher-1")}) {
            ConversationView.SharedView view = (ConversationView.SharedView) c.viewFor(viewer);

            assertThat(view.progress().complete()).isTrue();
            assertThat(view.progress().phaseReached()).isEqualTo(Phase.WILL);
            assertThat(view.progress().lastActivity()).isEqualTo(c.updated());
            assertThat(view.progress().openActions()).isEqualTo(1);
            assertThat(view.topic()).isEmpty();
            assertThat(view.goal()).isEmpty();
            assertThat(view.reality()).isEmpty();
            assertThat(view.options()).isEmpty();
            assertThat(view.will()).isEmpty();
            assertThat(view.answers()).isEmpty();
            assertThat(view.toString()).doesNotContain("Palaveri", "Kukaan", "Kiertävä", "Ehdotan");
        }
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void sharingOnePhase_revealsThatPhaseOnly(Phase shared) {
        GrowConversation c = GrowFixtures.anyCompleted().share(shared, true);

        ConversationView.SharedView view = ConversationView.SharedView.of(c);

        for (Phase phase : Phase.values()) {
            assertThat(view.shares(phase)).as(phase.name()).isEqualTo(phase == shared);
        }
        assertThat(view.answers()).allSatisfy(a -> assertThat(a.phase()).isEqualTo(shared));
    }

    @Test
    void unsharing_hidesAgain() {
        GrowConversation c = GrowFixtures.anyCompleted().share(Phase.GOAL, true).share(Phase.GOAL, false);

        assertThat(ConversationView.SharedView.of(c).goal()).isEmpty();
        assertThat(c.sharing()).isEqualTo(Sharing.PRIVATE);
    }

    @Test
    void sharedGoal_showsGoalAndTopic() {
        GrowConversation c = GrowFixtures.anyCompleted().share(Phase.GOAL, true);

        ConversationView.SharedView view = ConversationView.SharedView.of(c);

        assertThat(view.goal()).contains(c.goal());
        assertThat(view.topic()).contains("Palaverikäytännöt");
    }

    @Test
    void roles_areKnownForEveryTriadMember() {
        Participants triad = Participants.triad(COACH, COACHEE, GrowFixtures.OBSERVER);

        assertThat(triad.roleOf(COACH)).contains(PeerRole.COACH);
        assertThat(triad.roleOf(COACHEE)).contains(PeerRole.COACHEE);
        assertThat(triad.roleOf(GrowFixtures.OBSERVER)).contains(PeerRole.OBSERVER);
        assertThat(triad.roleOf(PersonId.of("stranger"))).isEmpty();
    }
}
