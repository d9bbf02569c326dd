package fi.kasvu.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import org.junit.jupiter.api.Test;

/**
 * The ids under which the experiment kind stores a course's experiments, and by which the
 * programme dashboard finds them: stored ids must never change, so the rule is pinned here.
 */
class ExperimentKeysTest {

    @Test
    void teamAndPersonalIds_areTheContextsHashWithTheTeamNumberOrThePersonsHash() {
        assertThat(ExperimentKeys.teamId("course-42", 3)).isEqualTo("x82332bafaa7e6ea878d4d73f-t3");
        assertThat(ExperimentKeys.personalId("course-42", PersonId.of("anna")))
                .isEqualTo("x82332bafaa7e6ea878d4d73f-p55579b557896d0ce1764c47f");
    }

    @Test
    void idsCarryNoCourseName_andDifferPerCourseTeamAndPerson() {
        String url = "https://moodle.example/course/view.php?id=7";

        assertThat(ExperimentKeys.teamId(url, 1)).doesNotContain("moodle").matches("x[0-9a-f]{24}-t1");
        assertThat(ExperimentKeys.teamId(url, 1)).isNotEqualTo(ExperimentKeys.teamId("course-42", 1))
                .isNotEqualTo(ExperimentKeys.teamId(url, 2));
        assertThat(ExperimentKeys.personalId(url, PersonId.of("anna")))
                .isNotEqualTo(ExperimentKeys.personalId(url, PersonId.of("bertil")))
                .startsWith(ExperimentKeys.activityKey(url) + "-p");
    }
}
