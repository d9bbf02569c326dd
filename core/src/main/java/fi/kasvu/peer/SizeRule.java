package fi.kasvu.peer;

import fi.kasvu.common.Require;

/**
 * How big the groups of a formation are: the size aimed for, and the smallest and largest a
 * remainder may make. A group of one is never formed.
 *
 * @param min    the smallest allowed size, at least 2
 * @param target the size aimed for
 * @param max    the largest allowed size
 */
public record SizeRule(int min, int target, int max) {

    /** @throws IllegalArgumentException unless 2 &lt;= min &lt;= target &lt;= max &lt;= 50, naming the values */
    public SizeRule {
        Require.range("min size", min, 2, 50);
        Require.range("target size", target, min, 50);
        Require.range("max size", max, target, 50);
    }

    /** Whether a group of this size keeps the rule. */
    public boolean allows(int size) {
        return size >= min && size <= max;
    }

    /** The rule as {@code 3..4 (target 3)}. */
    @Override
    public String toString() {
        return min + ".." + max + " (target " + target + ")";
    }
}
