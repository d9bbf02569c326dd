package fi.kasvu.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EditRightsTest {

    @ParameterizedTest
    @EnumSource(ExperimentAction.class)
    void the_facilitator_may_take_every_action(ExperimentAction action) {
        assertThat(EditRights.allows(ExperimentRole.FACILITATOR, action)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ExperimentAction.class, names = {"ADD_TO_PICTURE", "REMOVE_OWN_ENTRY", "EDIT_CONTENT", "OBSERVE"})
    void a_member_shapes_the_content(ExperimentAction action) {
        assertThat(EditRights.allows(ExperimentRole.MEMBER, action)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ExperimentAction.class, names = {"REMOVE_ANY_ENTRY", "ADVANCE", "EVALUATE", "DECIDE", "SHARE",
        "MANAGE_MEMBERS"})
    void a_member_does_not_do_the_facilitators_part(ExperimentAction action) {
        assertThat(EditRights.allows(ExperimentRole.MEMBER, action)).isFalse();
        assertThat(EditRights.of(ExperimentRole.MEMBER)).doesNotContain(action);
    }

    @ParameterizedTest
    @EnumSource(ExperimentAction.class)
    void an_outsider_may_take_no_action(ExperimentAction action) {
        assertThat(ExperimentFixtures.begun().may(ExperimentFixtures.OUTSIDER, action)).isFalse();
        assertThat(EditRights.of(ExperimentRole.FACILITATOR)).isEqualTo(EnumSet.allOf(ExperimentAction.class));
    }
}
