package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The coaching-approach indicator in one closed round, for the groups allowed to show it.
 *
 * @param indicatorId the indicator
 * @param round       the round number
 * @param closed      the day the round closed
 * @param shares      the share per shown group; a group not listed shows nothing
 */
public record IndicatorReading(String indicatorId, int round, LocalDate closed, Map<GroupRef, Share> shares) {

    /**
     * A group's reading.
     *
     * @param respondents how many answered at least one indicator statement
     * @param answers     how many indicator answers there were
     * @param agreeing    how many of them were 4 or 5
     */
    public record Share(int respondents, int answers, int agreeing) {
        /** @throws IllegalArgumentException if the counts do not fit together */
        public Share {
            Require.atLeast("respondents", respondents, 1);
            Require.range("answers", answers, respondents, Integer.MAX_VALUE);
            Require.range("agreeing", agreeing, 0, answers);
        }

        /** The share of agreeing answers, 0..1. */
        public double value() {
            return (double) agreeing / answers;
        }
    }

    /** Copies the shares, keeping their order. */
    public IndicatorReading {
        Require.id("indicatorId", indicatorId);
        Require.nonNull("closed", closed);
        shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    /** The group's share, or empty if the group shows nothing. */
    public Optional<Share> share(GroupRef group) {
        return Optional.ofNullable(shares.get(group));
    }
}
