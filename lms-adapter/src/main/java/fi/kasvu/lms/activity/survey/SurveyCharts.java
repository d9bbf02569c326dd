package fi.kasvu.lms.activity.survey;

import fi.kasvu.lms.web.PageTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results' charts as plain geometry for the SVG templates (drawn on the server, no script),
 * each with the sentence a screen reader reads instead and the figures for a table.
 */
public final class SurveyCharts {

    /** The five answer values' colours, disagreeing (red) to agreeing (blue). */
    static final List<String> COLOURS = List.of("#b2182b", "#ef8a62", "#8c8c8c", "#67a9cf", "#2166ac");

    private static final int LABEL_WIDTH = 280, BAR_WIDTH = 360, ROW = 44, TOP = 10;

    /** Where the bars start and where the written figure starts. */
    public static final int BARS = LABEL_WIDTH, FIGURE = LABEL_WIDTH + BAR_WIDTH + 10;

    private SurveyCharts() {
    }

    /** One coloured segment of a stacked bar. */
    public record Segment(int x, int width, String colour, int count) {
    }

    /** One bar: its label (wrapped), its place, its segments and the figure written next to it. */
    public record Row(List<String> label, int y, List<Segment> segments, String figure) {
    }

    /** A stacked bar chart: one bar per block with the distribution of its answers. */
    public record Stacked(String id, String title, String description, int width, int height, List<Row> rows,
                          List<Legend> legend) {
    }

    /** A legend entry. */
    public record Legend(int x, String colour, String label) {
    }

    /** One point of a line. */
    public record Point(int x, int y, String label, String value) {
    }

    /** A line chart of the indicator across rounds; gaps where a round showed nothing. */
    public record Line(String id, String title, String description, int width, int height, List<Point> points,
                       List<String> paths, List<Tick> ticks) {
    }

    /** A horizontal grid line with its label. */
    public record Tick(int y, String label) {
    }

    /** A bar of a group in the breakdown. */
    public record GroupBar(int y, int width, String colour, String label, String value) {
    }

    /** The bars of one block in the breakdown. */
    public record GroupRow(List<String> label, int y, List<GroupBar> bars) {
    }

    /** Means of each block by group. */
    public record Breakdown(String id, String title, String description, int width, int height, List<GroupRow> rows,
                            List<Legend> legend) {
    }

    /** The distribution chart of a group's figures. */
    static Stacked stacked(String id, SurveyFigures.GroupFigures group, PageTexts t) {
        List<Row> rows = new ArrayList<>();
        StringBuilder description = new StringBuilder(t.t("chart.blocks.desc", group.label(), group.respondents()));
        int y = TOP;
        for (SurveyFigures.Figure figure : group.figures()) {
            List<Segment> segments = new ArrayList<>();
            int x = LABEL_WIDTH;
            int used = 0;
            for (int v = 0; v < 5; v++) {
                int count = figure.distribution().get(v);
                used += count;
                int end = LABEL_WIDTH + (int) Math.round((double) used / figure.answers() * BAR_WIDTH);
                if (count > 0) {
                    segments.add(new Segment(x, end - x, COLOURS.get(v), count));
                }
                x = end;
            }
            String text = t.t("chart.figure", mean(figure.mean(), t), percent(figure.agreeing(), t), figure.answers());
            rows.add(new Row(wrap(figure.item(), 36), y, segments, text));
            description.append(' ').append(figure.item()).append(": ").append(text).append(" (")
                    .append(distribution(figure, t)).append(").");
            y += ROW + 14 * (Math.max(1, wrap(figure.item(), 36).size()) - 1);
        }
        List<Legend> legend = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            legend.add(new Legend(10 + v * 150, COLOURS.get(v), (v + 1) + " " + t.t("scale.short." + (v + 1))));
        }
        return new Stacked(id, t.t("chart.blocks.title", group.label()), description.toString(),
                FIGURE + 340, y + 40, rows, legend);
    }

    /** The indicator's trend across rounds. */
    static Line trend(List<SurveyFigures.TrendPoint> points, PageTexts t) {
        int left = 60, width = 640, height = 240, plotTop = 20, plotHeight = 170;
        int step = points.size() <= 1 ? 0 : (width - left - 110) / (points.size() - 1);
        List<Point> placed = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        StringBuilder description = new StringBuilder(t.t("chart.trend.desc"));
        for (int i = 0; i < points.size(); i++) {
            SurveyFigures.TrendPoint point = points.get(i);
            int x = left + 50 + i * step;
            String label = t.t("chart.round", point.round());
            if (point.share().isPresent()) {
                int y = plotTop + (int) Math.round((1 - point.share().getAsDouble()) * plotHeight);
                String value = percent(point.share().getAsDouble(), t);
                placed.add(new Point(x, y, label, value));
                path.append(path.length() == 0 ? "M" : " L").append(x).append(' ').append(y);
                description.append(' ').append(label).append(": ").append(value).append('.');
            } else {
                placed.add(new Point(x, -1, label, t.t("chart.notShown")));
                if (path.length() > 0) {
                    paths.add(path.toString());
                    path.setLength(0);
                }
                description.append(' ').append(label).append(": ").append(t.t("chart.notShown")).append('.');
            }
        }
        if (path.length() > 0) {
            paths.add(path.toString());
        }
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            ticks.add(new Tick(plotTop + (100 - p) * plotHeight / 100, p + " %"));
        }
        return new Line("chart-trend", t.t("chart.trend.title"), description.toString(), width, height, placed, paths,
                ticks);
    }

    /** Each block's mean by shown group (everyone first). */
    static Breakdown breakdown(List<SurveyFigures.GroupFigures> groups, PageTexts t) {
        List<String> palette = List.of("#2166ac", "#762a83", "#1b7837", "#8c510a", "#01665e", "#c51b7d");
        List<GroupRow> rows = new ArrayList<>();
        StringBuilder description = new StringBuilder(t.t("chart.breakdown.desc"));
        int y = TOP;
        for (SurveyFigures.Figure figure : groups.get(0).figures()) {
            List<GroupBar> bars = new ArrayList<>();
            int by = y;
            description.append(' ').append(figure.item()).append(':');
            for (int g = 0; g < groups.size(); g++) {
                SurveyFigures.GroupFigures group = groups.get(g);
                var shown = group.figure(figure.item());
                if (shown.isEmpty()) {
                    continue;
                }
                String value = mean(shown.get().mean(), t);
                int width = (int) Math.round(shown.get().mean() / 5 * BAR_WIDTH);
                bars.add(new GroupBar(by, width, palette.get(g % palette.size()), group.label(), value));
                description.append(' ').append(group.label()).append(' ').append(value).append(';');
                by += 16;
            }
            List<String> label = wrap(figure.item(), 36);
            rows.add(new GroupRow(label, y, bars));
            y = Math.max(by, y + 14 * label.size()) + 16;
        }
        List<Legend> legend = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            legend.add(new Legend(10 + g * 160, palette.get(g % palette.size()), groups.get(g).label()));
        }
        return new Breakdown("chart-breakdown", t.t("chart.breakdown.title"), description.toString(),
                Math.max(LABEL_WIDTH + BAR_WIDTH + 120, 20 + groups.size() * 160), y + 40, rows, legend);
    }

    static String mean(double mean, PageTexts t) {
        String text = String.format(Locale.ROOT, "%.1f", mean);
        return t.language() == fi.kasvu.common.Language.EN ? text : text.replace('.', ',');
    }

    static String percent(double share, PageTexts t) {
        return Math.round(share * 100) + " %";
    }

    static String distribution(SurveyFigures.Figure figure, PageTexts t) {
        List<String> parts = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            parts.add(t.t("chart.count", v + 1, figure.distribution().get(v)));
        }
        return String.join(", ", parts);
    }

    /** Words wrapped into lines of at most {@code width} characters. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
