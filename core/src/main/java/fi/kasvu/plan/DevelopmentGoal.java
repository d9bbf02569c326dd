package fi.kasvu.plan;

import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.List;

/**
 * What the person wants to develop, how they will know, and the actions that get them there.
 *
 * @param id         unique within the plan
 * @param what       what to develop
 * @param measures   how the person will know it has developed ("" if not written yet)
 * @param targetDate by when, or null
 * @param actions    the actions towards it
 */
public record DevelopmentGoal(String id, String what, String measures, LocalDate targetDate, List<PlanAction> actions) {

    /** @throws IllegalArgumentException if the id or what is blank */
    public DevelopmentGoal {
        Require.id("id", id);
        Require.nonBlank("what", what);
        measures = Require.text("measures", measures);
        actions = Require.list("actions", actions);
    }
}
