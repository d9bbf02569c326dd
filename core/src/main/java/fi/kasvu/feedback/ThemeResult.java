package fi.kasvu.feedback;

import fi.kasvu.common.Require;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One theme of a 360 report, one chart: its statements, and per group the mean of the
 * statement means it shows (derived from shown figures only, so it reveals nothing more).
 *
 * @param themeId    the theme
 * @param self       the mean of the subject's own ratings in the theme, or null if none
 * @param means      per group, the mean of its shown statement means in the theme
 * @param statements the statements, in the set's order
 */
public record ThemeResult(String themeId, Double self, Map<ReportGroup, Double> means, List<StatementResult> statements) {

    /** Copies the parts. */
    public ThemeResult {
        Require.id("themeId", themeId);
        means = means.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(means));
        statements = Require.list("statements", statements);
    }

    /** Self minus the others' theme mean, if both exist. */
    public OptionalDouble gap() {
        Double others = means.get(ReportGroup.ALL_RATERS);
        return self == null || others == null ? OptionalDouble.empty() : OptionalDouble.of(self - others);
    }
}
