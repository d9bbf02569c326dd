package fi.kasvu.experiment;

import static fi.kasvu.experiment.ExperimentFixtures.AINO;
import static fi.kasvu.experiment.ExperimentFixtures.BO;
import static fi.kasvu.experiment.ExperimentFixtures.FACILITATOR;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData.Erasure;
import org.junit.jupiter.api.Test;

class ExperimentPersonalDataTest {

    private static Experiment erased(Experiment experiment, PersonId person) {
        return ((Erasure.Replace<Experiment>) ExperimentPersonalData.POLICY.erase(experiment, person)).anonymised();
    }

    @Test
    void erase_memberOrFacilitator_leavesStandIns() {
        Experiment experiment = ExperimentFixtures.begun();

        Experiment withoutAino = erased(experiment, AINO);
        Experiment withoutBoth = erased(withoutAino, BO);
        Experiment withoutFacilitator = erased(experiment, FACILITATOR);

        assertThat(withoutAino.members()).containsExactlyInAnyOrder(PersonId.of("erased-member-1"), BO);
        assertThat(withoutBoth.members())
                .containsExactlyInAnyOrder(PersonId.of("erased-member-1"), PersonId.of("erased-member-2"));
        assertThat(withoutFacilitator.facilitator()).isEqualTo(PersonId.of("erased-facilitator"));
        assertThat(withoutAino.stage()).isEqualTo(experiment.stage());
        assertThat(ExperimentPersonalData.POLICY.erase(experiment, PersonId.of("stranger"))).isInstanceOf(Erasure.Keep.class);
    }
}
