package fi.kasvu.peer;

import fi.kasvu.common.Require;
import java.util.EnumMap;
import java.util.Map;

/**
 * How well a group meets the soft goals: each criterion's value (0..1), its weighted
 * contribution, and the total (the sum of the contributions, at most the sum of the weights).
 *
 * @param values        each criterion's value, 0..1
 * @param contributions each criterion's value times its weight
 */
public record GroupScore(Map<Criterion, Double> values, Map<Criterion, Double> contributions) {

    /** @throws NullPointerException if a map is null */
    public GroupScore {
        values = Map.copyOf(new EnumMap<>(Require.nonNull("values", values)));
        contributions = Map.copyOf(new EnumMap<>(Require.nonNull("contributions", contributions)));
    }

    /** The group's score: the sum of the contributions. */
    public double total() {
        return contributions.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
