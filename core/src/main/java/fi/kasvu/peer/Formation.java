package fi.kasvu.peer;

import fi.kasvu.common.Require;
import java.util.List;

/**
 * The result of forming groups: the groups, who could not be placed and why, the cohort score
 * against an upper bound, every hard constraint that had to be broken, and findings that explain
 * infeasibility with numbers, each a typed {@link Reason}.
 *
 * @param id          the formation's id (publishing uses it as the LMS group idnumber prefix)
 * @param kind        the kind of groups
 * @param context     the programme or course, or null
 * @param seed        the seed that makes the result reproducible
 * @param groupingKey which attribute members must not share
 * @param groups      the groups
 * @param unassigned  who could not be placed, each with a reason
 * @param cohortScore the size-weighted mean of the group scores
 * @param upperBound  a value no grouping of this population can exceed (so {@code upperBound - cohortScore} is the gap)
 * @param findings    infeasibility and remainder explanations, as typed reasons with numbers
 *                    ({@code fi.kasvu.i18n.PeerMessages} words them)
 * @param iterations  how many local-search steps were taken
 */
public record Formation(String id, GroupKind kind, String context, long seed, GroupingKey groupingKey,
                        List<FormedGroup> groups, List<Unassigned> unassigned, double cohortScore, double upperBound,
                        List<Reason> findings, long iterations) {

    /** @throws IllegalArgumentException if the id is blank or the scores are not finite and non-negative */
    public Formation {
        Require.id("id", id);
        Require.nonNull("kind", kind);
        if (context != null) {
            Require.id("context", context);
        }
        Require.nonNull("groupingKey", groupingKey);
        groups = Require.list("groups", groups);
        unassigned = Require.list("unassigned", unassigned);
        if (!Double.isFinite(cohortScore) || cohortScore < 0) {
            throw new IllegalArgumentException("cohortScore must be a finite number >= 0: " + cohortScore);
        }
        if (!Double.isFinite(upperBound) || upperBound < 0) {
            throw new IllegalArgumentException("upperBound must be a finite number >= 0: " + upperBound);
        }
        findings = Require.list("findings", findings);
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be at least 0: " + iterations);
        }
    }

    /** Every broken hard constraint, group by group. */
    public List<Violation> violations() {
        return groups.stream().flatMap(g -> g.violations().stream()).toList();
    }

    /** Whether every hard constraint holds in every group. */
    public boolean hardConstraintsHold() {
        return groups.stream().allMatch(g -> g.violations().isEmpty());
    }

    /** How far the cohort score is from the upper bound (0 means provably optimal for the soft goals). */
    public double gap() {
        return Math.max(0, upperBound - cohortScore);
    }
}
