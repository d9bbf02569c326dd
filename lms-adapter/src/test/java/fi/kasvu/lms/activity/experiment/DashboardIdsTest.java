package fi.kasvu.lms.activity.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.lms.activity.programme.DashboardFigures;
import org.junit.jupiter.api.Test;

/** The programme dashboard finds a course's experiments by this kind's id rule (kinds may not import each other). */
class DashboardIdsTest {

    @Test
    void theDashboardsExperimentIds_areTheExperimentKinds() {
        for (String course : new String[] {"course-42", "https://moodle.example/course/view.php?id=7"}) {
            assertThat(DashboardFigures.teamExperimentId(course, 3)).isEqualTo(Teams.teamId(course, 3));
            assertThat(DashboardFigures.personalExperimentId(course, PersonId.of("anna")))
                    .isEqualTo(Teams.personalId(course, PersonId.of("anna")));
        }
    }
}
