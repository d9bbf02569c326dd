package fi.kasvu.feedback;

import fi.kasvu.common.Require;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One statement in a 360 report: the subject's own rating and the figure of every group that
 * may show one. A group missing from {@code figures} shows nothing for this statement.
 *
 * @param statementId the statement
 * @param self        the subject's own rating, or null ("cannot say", or not answered)
 * @param figures     the shown groups' figures
 */
public record StatementResult(String statementId, Integer self, Map<ReportGroup, Figure> figures) {

    /** Copies the figures. */
    public StatementResult {
        Require.id("statementId", statementId);
        figures = figures.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(figures));
    }

    /** The figure of a group, if shown. */
    public Optional<Figure> figure(ReportGroup group) {
        return Optional.ofNullable(figures.get(group));
    }

    /** The others' figure: every rater but the subject, if shown. */
    public Optional<Figure> others() {
        return figure(ReportGroup.ALL_RATERS);
    }

    /** Self minus the others' mean (positive: the subject rates themselves higher), if both exist. */
    public OptionalDouble gap() {
        Figure others = figures.get(ReportGroup.ALL_RATERS);
        return self == null || others == null ? OptionalDouble.empty() : OptionalDouble.of(self - others.mean());
    }
}
