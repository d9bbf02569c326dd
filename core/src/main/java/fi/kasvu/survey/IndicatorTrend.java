package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The coaching-approach indicator over repeated rounds, so a team or an organisation sees how
 * it moves as the workbook is revisited.
 *
 * @param indicatorId the indicator
 * @param readings    one reading per closed round, oldest first
 */
public record IndicatorTrend(String indicatorId, List<IndicatorReading> readings) {

    /**
     * One round's value for a group.
     *
     * @param round  the round number
     * @param closed the day the round closed
     * @param share  the share of agreeing answers, or empty when the group showed nothing that round
     */
    public record Point(int round, LocalDate closed, OptionalDouble share) {
    }

    /** Copies the readings. */
    public IndicatorTrend {
        Require.id("indicatorId", indicatorId);
        readings = Require.list("readings", readings);
    }

    /** The group's value per round, oldest first; a round where it showed nothing has an empty share. */
    public List<Point> series(GroupRef group) {
        return readings.stream().map(reading -> new Point(reading.round(), reading.closed(),
                reading.share(group).map(share -> OptionalDouble.of(share.value())).orElse(OptionalDouble.empty())))
                .toList();
    }
}
