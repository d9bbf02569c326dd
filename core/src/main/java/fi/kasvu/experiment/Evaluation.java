package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.List;

/**
 * The evaluation after the run: a result per success criterion and what the team learned.
 *
 * @param results     one result per success criterion of the plan
 * @param learned     what was learned
 * @param evaluatedBy who recorded the evaluation
 * @param evaluatedAt when
 */
public record Evaluation(List<CriterionResult> results, String learned, PersonId evaluatedBy, Instant evaluatedAt) {

    /**
     * @throws IllegalArgumentException if the learning is too long or a criterion repeats
     * @throws NullPointerException     if the person or time is missing
     */
    public Evaluation {
        results = Require.list("results", results);
        learned = Require.text("learned", learned);
        Require.nonNull("evaluatedBy", evaluatedBy);
        Require.nonNull("evaluatedAt", evaluatedAt);
        if (results.stream().map(CriterionResult::criterionId).distinct().count() != results.size()) {
            throw new IllegalArgumentException("results must name each criterion once: "
                    + results.stream().map(CriterionResult::criterionId).toList());
        }
    }
}
