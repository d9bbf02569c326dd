package fi.kasvu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonalData.Erasure;
import org.junit.jupiter.api.Test;

class PlanPersonalDataTest {

    @Test
    void erase_owner_deletes_othersKeep() {
        DevelopmentPlan plan = PlanFixtures.complete();

        assertThat(PlanPersonalData.POLICY.persons(plan)).containsExactly(PlanFixtures.OWNER);
        assertThat(PlanPersonalData.POLICY.erase(plan, PlanFixtures.OWNER)).isInstanceOf(Erasure.Delete.class);
        assertThat(PlanPersonalData.POLICY.erase(plan, PlanFixtures.OTHER)).isInstanceOf(Erasure.Keep.class);
    }
}
