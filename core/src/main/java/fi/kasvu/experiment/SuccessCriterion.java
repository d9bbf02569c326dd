package fi.kasvu.experiment;

import fi.kasvu.common.Require;

/**
 * What must be true at the end for the experiment to count as a success.
 *
 * @param id        unique within the plan
 * @param criterion the criterion ("at least 6 of 8 meetings")
 */
public record SuccessCriterion(String id, String criterion) {

    /** @throws IllegalArgumentException if the id or the criterion is blank */
    public SuccessCriterion {
        Require.id("id", id);
        Require.nonBlank("criterion", criterion);
    }
}
