package fi.kasvu.plan;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * The person chose to share the plan with their own team (seed 003: the supervisor's plan is
 * also discussed in their team).
 *
 * @param team        the team it is shared with
 * @param discussedOn the day the team discussed it, or null while not yet discussed
 */
public record TeamSharing(String team, LocalDate discussedOn) {

    /** @throws IllegalArgumentException if the team is invalid */
    public TeamSharing {
        Require.id("team", team);
    }
}
