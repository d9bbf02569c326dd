package fi.kasvu.experiment;

import fi.kasvu.common.Require;

/**
 * How the experiment did against one success criterion.
 *
 * @param criterionId the criterion's id in the plan
 * @param verdict     met, partly met or not met
 * @param evidence    what shows it (the measures' values at the end, observations)
 */
public record CriterionResult(String criterionId, Verdict verdict, String evidence) {

    /** How well a criterion was met. */
    public enum Verdict {
        /** The criterion was met. */
        MET,
        /** The criterion was partly met. */
        PARTLY_MET,
        /** The criterion was not met. */
        NOT_MET
    }

    /**
     * @throws IllegalArgumentException if the id is blank or the evidence too long
     * @throws NullPointerException     if the verdict is missing
     */
    public CriterionResult {
        Require.id("criterionId", criterionId);
        Require.nonNull("verdict", verdict);
        evidence = Require.text("evidence", evidence);
    }
}
