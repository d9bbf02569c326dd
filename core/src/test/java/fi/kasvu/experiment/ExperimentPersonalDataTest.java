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
    void erase_sharedExperiment_replacesThePersonInEveryStep() {
        Experiment experiment = ExperimentFixtures.shared();
        assertThat(ExperimentPersonalData.POLICY.persons(experiment)).contains(AINO, BO, FACILITATOR);

        Experiment withoutAino = erased(experiment, AINO);
        Experiment withoutFacilitator = erased(experiment, FACILITATOR);

        assertThat(ExperimentPersonalData.POLICY.persons(withoutAino)).doesNotContain(AINO)
                .contains(PersonId.of("erased-member-1"), BO, FACILITATOR);
        assertThat(ExperimentPersonalData.POLICY.persons(withoutFacilitator)).doesNotContain(FACILITATOR)
                .contains(PersonId.of("erased-facilitator"));
        assertThat(withoutAino.stage().step()).isEqualTo(experiment.stage().step());
        assertThat(withoutAino.groundwork().orElseThrow().picture().entries())
                .hasSameSizeAs(experiment.groundwork().orElseThrow().picture().entries());
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
        assertThat(ExperimentPersonalData.POLICY.erase(experiment, PersonId.of("stranger"))).isInstanceOf(Erasure.Keep.class);
    }
}
