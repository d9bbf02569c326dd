package fi.kasvu.experiment;

import fi.kasvu.common.Require;

/**
 * A signal the team follows during the experiment, with its value before the experiment.
 *
 * @param id       unique within the plan
 * @param signal   what is followed ("meetings where everyone spoke")
 * @param baseline the value before the experiment ("2 of 8 last month")
 */
public record Measure(String id, String signal, String baseline) {

    /** @throws IllegalArgumentException if the id or signal is blank, or a text too long */
    public Measure {
        Require.id("id", id);
        Require.nonBlank("signal", signal);
        baseline = Require.text("baseline", baseline);
    }
}
