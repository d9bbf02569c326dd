package fi.kasvu.experiment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentValuesTest {

    private static final Instant AT = ExperimentFixtures.AT;

    @Test
    void pictureEntry_withBlankText_namesTheField() {
        assertThatThrownBy(() -> new PictureEntry("p1", PersonId.of("a"), PictureEntry.Kind.HARD, " ", AT))
                .hasMessage("text must not be blank: \" \"");
    }

    @Test
    void phenomenonMap_withBlankCause_namesTheIndex() {
        assertThatThrownBy(() -> new PhenomenonMap("x", "", "", List.of("ok", ""), List.of()))
                .hasMessage("possibleCauses[1] must not be blank: \"\"");
    }

    @Test
    void plan_withRepeatedCriterionIds_listsThem() {
        assertThatThrownBy(() -> new ExperimentPlan("", "", "", null, null, null, List.of(),
                List.of(new SuccessCriterion("c1", "a"), new SuccessCriterion("c1", "b"))))
                .hasMessage("criteria must have distinct ids: [c1, c1]");
    }

    @Test
    void adapt_withoutFollowUpId_namesTheField() {
        assertThatThrownBy(() -> new Decision.Adapt("change", " "))
                .hasMessageStartingWith("followUpExperimentId must be 1..200 characters");
    }

    @Test
    void evaluation_naming_a_criterion_twice_is_rejected() {
        CriterionResult met = new CriterionResult("c1", CriterionResult.Verdict.MET, "");
        assertThatThrownBy(() -> new Evaluation(List.of(met, met), "x", PersonId.of("a"), AT))
                .hasMessage("results must name each criterion once: [c1, c1]");
    }

    @Test
    void decided_withAnExtension_isRejected() {
        var evaluated = (ExperimentStage.Evaluated) ExperimentFixtures.evaluated().stage();
        Decision extend = new Decision(new Decision.Extend(ExperimentFixtures.END.plusDays(9)), "", PersonId.of("a"), AT);
        assertThatThrownBy(() -> new ExperimentStage.Decided(evaluated.groundwork(), evaluated.run(),
                evaluated.evaluation(), extend))
                .hasMessage("decision of a decided experiment must not be EXTEND: EXTEND");
    }
}
