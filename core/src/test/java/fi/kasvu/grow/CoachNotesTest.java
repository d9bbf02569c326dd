package fi.kasvu.grow;

import static fi.kasvu.grow.GrowFixtures.COACH;
import static fi.kasvu.grow.GrowFixtures.COACHEE;
import static fi.kasvu.grow.GrowFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData.Erasure;
import org.junit.jupiter.api.Test;

class CoachNotesTest {

    private final GrowConversation conversation = GrowFixtures.started()
            .withSetting(Mode.SUPERVISOR, Participants.coached(COACHEE, COACH)).inContext("activity:rl-1");

    @Test
    void empty_belongsToTheCoach_andNamesTheConversation() {
        CoachNotes notes = CoachNotes.empty(conversation, COACH, START).withText("Ask about the team", START);

        assertThat(notes.coach()).isEqualTo(COACH);
        assertThat(notes.coachee()).isEqualTo(COACHEE);
        assertThat(notes.context()).isEqualTo("activity:rl-1");
        assertThat(notes.text()).isEqualTo("Ask about the team");
        assertThat(GrowCoachNotes.KIND.owner().apply(notes)).isEqualTo(COACH);
    }

    @Test
    void idOf_isOnePerConversationAndCoach_andShortWhateverTheIds() {
        String longId = "c".repeat(200);

        assertThat(CoachNotes.idOf("grow-1", COACH)).isNotEqualTo(CoachNotes.idOf("grow-1", PersonId.of("coach-2")))
                .isNotEqualTo(CoachNotes.idOf("grow-2", COACH)).isEqualTo(CoachNotes.idOf("grow-1", COACH));
        assertThat(CoachNotes.idOf(longId, PersonId.of(longId))).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void impossibleNotes_areRefusedNamingTheField() {
        assertThatThrownBy(() -> CoachNotes.empty(conversation, COACHEE, START))
                .hasMessageContaining("coach must differ from the coachee");
        assertThatThrownBy(() -> CoachNotes.empty(conversation, COACH, START).withText("x".repeat(5001), START))
                .hasMessageContaining("text");
        assertThatThrownBy(() -> new CoachNotes("other", "grow-1", COACHEE, COACH, null, "", START))
                .hasMessageContaining("id must be the notes id");
    }

    @Test
    void personalData_wholeForTheCoach_neverForTheCoachee_erasedWithEither() {
        CoachNotes notes = CoachNotes.empty(conversation, COACH, START).withText("private", START);

        assertThat(GrowCoachNotes.PERSONAL_DATA.exportView(notes, COACH)).contains(notes);
        assertThat(GrowCoachNotes.PERSONAL_DATA.exportView(notes, COACHEE)).isEmpty();
        assertThat(GrowCoachNotes.PERSONAL_DATA.erase(notes, COACH)).isInstanceOf(Erasure.Delete.class);
        assertThat(GrowCoachNotes.PERSONAL_DATA.erase(notes, COACHEE)).isInstanceOf(Erasure.Delete.class);
        assertThat(GrowCoachNotes.PERSONAL_DATA.erase(notes, PersonId.of("someone"))).isInstanceOf(Erasure.Keep.class);
    }
}
