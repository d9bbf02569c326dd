package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.programme.Programme;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The programme owner's dashboard (organisers only): {@link DashboardFigures} as SVG charts drawn
 * on the server, each with a written description and a table of the same figures, and as CSV.
 * A withheld figure reads "fewer than 3" wherever it appears, in the chart, the table and the file.
 */
public final class DashboardPage {

    /** The colours of enrolled, started and completed (distinguishable without colour: each bar is labelled). */
    static final List<String> FUNNEL_COLOURS = List.of("#4d4d4d", "#2166ac", "#1b7837");

    private static final int LABEL = 300, BAR = 340, ROW = 18;

    /** One bar of a horizontal bar chart; width 0 and a written "fewer than 3" when withheld. */
    public record Bar(int y, int width, String colour, String value) {
    }

    /** A labelled group of bars. */
    public record BarRow(List<String> label, int y, List<Bar> bars) {
    }

    /** A legend entry. */
    public record Legend(int x, String colour, String label) {
    }

    /**
     * A horizontal bar chart.
     *
     * @param id          its element id
     * @param title       its title
     * @param description what it shows, every figure in words (the text alternative)
     */
    public record BarChart(String id, String title, String description, int width, int height, List<BarRow> rows,
                           List<Legend> legend) {
        /** Where bars start. */
        public int bars() {
            return LABEL;
        }
    }

    /** One point of the trend; y is -1 when the round shows nothing. */
    public record Point(int x, int y, String label, String value) {
    }

    /** A horizontal grid line with its label. */
    public record Tick(int y, String label) {
    }

    /** The indicator's trend. */
    public record Line(String id, String title, String description, int width, int height, List<Point> points,
                       List<String> paths, List<Tick> ticks) {
    }

    /** A table of the figures next to a chart. */
    public record Table(String id, String caption, List<String> columns, List<List<String>> rows) {
    }

    /**
     * The dashboard page.
     *
     * @param frame  the page frame
     * @param nav    the organiser's navigation
     * @param ready  whether the placement has a programme
     * @param charts the bar charts (participation, meetings, 360, experiments), empty ones left out
     * @param trend  the indicator's trend, or null when the course has no closed culture assessment round
     * @param tables the figures as tables, one per chart
     * @param csv    the CSV export's address
     */
    public record DashboardView(Views.Frame frame, List<ProgrammeViews.NavLink> nav, boolean ready,
                                List<BarChart> charts, Line trend, List<Table> tables, String csv) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }
    }

    private final PageTexts t;
    private final Language language;

    DashboardPage(PageTexts t) {
        this.t = t;
        this.language = t.language();
    }

    /** The page. */
    Answer show(Call call, Programme programme, DashboardFigures figures) {
        List<BarChart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        charts.add(participation(figures));
        tables.add(participationTable(figures));
        if (!figures.meetings().isEmpty()) {
            charts.add(meetings(figures));
            tables.add(meetingsTable(figures));
        }
        charts.add(feedback(figures));
        tables.add(feedbackTable(figures));
        charts.add(experiments(figures));
        tables.add(experimentsTable(figures));
        Line trend = figures.trend().isEmpty() ? null : trend(figures);
        if (trend != null) {
            tables.add(trendTable(figures));
        }
        return Answer.page("programme/dashboard.jte", new DashboardView(call.frame(t.t("dashboard.title"), "dashboard"),
                ProgrammeActivity.nav(call, "dashboard"), true, charts, trend, tables, call.base() + "/dashboard.csv"));
    }

    /** The page before a programme exists. */
    Answer empty(Call call) {
        return Answer.page("programme/dashboard.jte", new DashboardView(call.frame(t.t("dashboard.title"), "dashboard"),
                ProgrammeActivity.nav(call, "dashboard"), false, List.of(), null, List.of(), ""));
    }

    /** The figures as CSV: every table, one after another, with the same withheld cells. */
    Answer csv(Programme programme, DashboardFigures figures) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(safe(t.t("dashboard.csv.programme")), safe(programme.title().in(language)));
            List<Table> tables = new ArrayList<>(List.of(participationTable(figures), meetingsTable(figures),
                    feedbackTable(figures), experimentsTable(figures)));
            if (!figures.trend().isEmpty()) {
                tables.add(trendTable(figures));
            }
            for (Table table : tables) {
                printer.println();
                printer.printRecord(safe(table.caption()));
                printer.printRecord(table.columns().stream().map(DashboardPage::safe).toList());
                for (List<String> row : table.rows()) {
                    printer.printRecord(row.stream().map(DashboardPage::safe).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer.Download("text/csv; charset=utf-8", "programme-dashboard.csv",
                out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A text cell a spreadsheet would run as a formula gets an apostrophe first (as the survey export does). */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private String figure(OptionalInt count) {
        return count.isPresent() ? Integer.toString(count.getAsInt()) : t.t("dashboard.hidden");
    }

    private String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    // ---- participation ----

    private BarChart participation(DashboardFigures figures) {
        List<String> stages = List.of(t.t("dashboard.enrolled"), t.t("dashboard.started"), t.t("dashboard.completed"));
        int max = 1;
        for (DashboardFigures.Funnel f : figures.participation()) {
            max = Math.max(max, f.enrolled().orElse(0));
            max = Math.max(max, f.started().orElse(0));
        }
        StringBuilder description = new StringBuilder(t.t("dashboard.participation.desc"));
        List<BarRow> rows = new ArrayList<>();
        int y = 10;
        for (DashboardFigures.Funnel f : figures.participation()) {
            List<OptionalInt> counts = List.of(f.enrolled(), f.started(), f.completed());
            List<Bar> bars = new ArrayList<>();
            String title = f.assignment().title().in(language);
            description.append(' ').append(title).append(':');
            for (int i = 0; i < 3; i++) {
                OptionalInt c = counts.get(i);
                bars.add(new Bar(y + i * ROW, c.isPresent() ? c.getAsInt() * BAR / max : 0, FUNNEL_COLOURS.get(i),
                        stages.get(i) + " " + figure(c)));
                description.append(' ').append(stages.get(i)).append(' ').append(figure(c))
                        .append(i < 2 ? ',' : '.');
            }
            rows.add(new BarRow(wrap(title, 40), y, bars));
            y += 3 * ROW + 16;
        }
        return new BarChart("chart-participation", t.t("dashboard.participation"), description.toString(),
                LABEL + BAR + 160, y + 30, rows, legend(stages, FUNNEL_COLOURS));
    }

    private Table participationTable(DashboardFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (DashboardFigures.Funnel f : figures.participation()) {
            rows.add(List.of(f.assignment().title().in(language), f.assignment().due().toString(),
                    figure(f.enrolled()), figure(f.started()), figure(f.completed())));
        }
        return new Table("tbl-participation", t.t("dashboard.participation"), List.of(t.t("dashboard.assignment"),
                t.t("dashboard.due"), t.t("dashboard.enrolled"), t.t("dashboard.started"), t.t("dashboard.completed")),
                rows);
    }

    // ---- meetings per peer group ----

    private BarChart meetings(DashboardFigures figures) {
        int max = 1;
        for (DashboardFigures.GroupMeetings g : figures.meetings()) {
            max = Math.max(max, g.held().orElse(0) + g.planned().orElse(0));
        }
        StringBuilder description = new StringBuilder(t.t("dashboard.meetings.desc"));
        List<BarRow> rows = new ArrayList<>();
        int y = 10;
        for (DashboardFigures.GroupMeetings g : figures.meetings()) {
            String label = t.t("dashboard.group", g.number());
            String value = g.held().isPresent() ? t.t("dashboard.meetings.value", g.held().getAsInt(),
                    g.planned().getAsInt()) : t.t("dashboard.group.small");
            rows.add(new BarRow(List.of(label), y, List.of(new Bar(y, g.held().orElse(0) * BAR / max,
                    FUNNEL_COLOURS.get(2), value))));
            description.append(' ').append(label).append(": ").append(value).append('.');
            y += ROW + 10;
        }
        return new BarChart("chart-meetings", t.t("dashboard.meetings"), description.toString(), LABEL + BAR + 200,
                y + 10, rows, List.of());
    }

    private Table meetingsTable(DashboardFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (DashboardFigures.GroupMeetings g : figures.meetings()) {
            rows.add(List.of(t.t("dashboard.group", g.number()), figure(g.members()), figure(g.held()),
                    figure(g.planned())));
        }
        return new Table("tbl-meetings", t.t("dashboard.meetings"), List.of(t.t("dashboard.groupColumn"),
                t.t("dashboard.members"), t.t("dashboard.held"), t.t("dashboard.planned")), rows);
    }

    // ---- 360 ----

    private BarChart feedback(DashboardFigures figures) {
        DashboardFigures.Feedback f = figures.feedback();
        int max = Math.max(1, f.invited().orElse(0));
        List<String> labels = List.of(t.t("dashboard.invited"), t.t("dashboard.answered"));
        List<OptionalInt> counts = List.of(f.invited(), f.answered());
        List<BarRow> rows = new ArrayList<>();
        StringBuilder description = new StringBuilder(t.t("dashboard.feedback.desc", figure(f.subjects())));
        int y = 10;
        for (int i = 0; i < 2; i++) {
            OptionalInt c = counts.get(i);
            rows.add(new BarRow(List.of(labels.get(i)), y, List.of(new Bar(y, c.orElse(0) * BAR / max,
                    FUNNEL_COLOURS.get(i + 1), figure(c)))));
            description.append(' ').append(labels.get(i)).append(": ").append(figure(c)).append('.');
            y += ROW + 10;
        }
        description.append(' ').append(t.t("dashboard.rate")).append(": ")
                .append(rate(f)).append('.');
        return new BarChart("chart-feedback", t.t("dashboard.feedback"), description.toString(), LABEL + BAR + 160,
                y + 10, rows, List.of());
    }

    /** The response rate; a dash when nobody was invited, "fewer than 3" when a count is withheld. */
    private String rate(DashboardFigures.Feedback f) {
        OptionalDouble rate = f.rate();
        if (rate.isPresent()) {
            return percent(rate.getAsDouble());
        }
        return f.invited().equals(OptionalInt.of(0)) ? "–" : t.t("dashboard.hidden");
    }

    private Table feedbackTable(DashboardFigures figures) {
        DashboardFigures.Feedback f = figures.feedback();
        return new Table("tbl-feedback", t.t("dashboard.feedback"), List.of(t.t("dashboard.subjects"),
                t.t("dashboard.invited"), t.t("dashboard.answered"), t.t("dashboard.rate")),
                List.of(List.of(figure(f.subjects()), figure(f.invited()), figure(f.answered()),
                        rate(f))));
    }

    // ---- experiments by step ----

    private BarChart experiments(DashboardFigures figures) {
        int max = 1;
        for (DashboardFigures.StepCount s : figures.experiments()) {
            max = Math.max(max, s.count().orElse(0));
        }
        StringBuilder description = new StringBuilder(t.t("dashboard.experiments.desc"));
        List<BarRow> rows = new ArrayList<>();
        int y = 10;
        for (DashboardFigures.StepCount s : figures.experiments()) {
            String label = step(s.step());
            rows.add(new BarRow(wrap(label, 40), y, List.of(new Bar(y, s.count().orElse(0) * BAR / max,
                    FUNNEL_COLOURS.get(1), figure(s.count())))));
            description.append(' ').append(label).append(": ").append(figure(s.count())).append('.');
            y += ROW + 10;
        }
        return new BarChart("chart-experiments", t.t("dashboard.experiments"), description.toString(),
                LABEL + BAR + 160, y + 10, rows, List.of());
    }

    private Table experimentsTable(DashboardFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (DashboardFigures.StepCount s : figures.experiments()) {
            rows.add(List.of(step(s.step()), figure(s.count())));
        }
        return new Table("tbl-experiments", t.t("dashboard.experiments"), List.of(t.t("dashboard.step"),
                t.t("dashboard.count")), rows);
    }

    private String step(ExperimentStage.Step step) {
        return t.t("dashboard.step." + step.name());
    }

    // ---- the indicator's trend ----

    private Line trend(DashboardFigures figures) {
        List<DashboardFigures.TrendPoint> points = figures.trend();
        int left = 60, width = 640, height = 240, plotTop = 20, plotHeight = 170;
        int step = points.size() <= 1 ? 0 : (width - left - 110) / (points.size() - 1);
        List<Point> placed = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        StringBuilder description = new StringBuilder(t.t("dashboard.trend.desc"));
        for (int i = 0; i < points.size(); i++) {
            DashboardFigures.TrendPoint point = points.get(i);
            int x = left + 50 + i * step;
            String label = t.t("dashboard.round", point.round());
            if (point.share().isPresent()) {
                int y = plotTop + (int) Math.round((1 - point.share().getAsDouble()) * plotHeight);
                String value = percent(point.share().getAsDouble());
                placed.add(new Point(x, y, label, value));
                path.append(path.length() == 0 ? "M" : " L").append(x).append(' ').append(y);
                description.append(' ').append(label).append(": ").append(value).append('.');
            } else {
                placed.add(new Point(x, -1, label, t.t("dashboard.hidden")));
                if (path.length() > 0) {
                    paths.add(path.toString());
                    path.setLength(0);
                }
                description.append(' ').append(label).append(": ").append(t.t("dashboard.hidden")).append('.');
            }
        }
        if (path.length() > 0) {
            paths.add(path.toString());
        }
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            ticks.add(new Tick(plotTop + (100 - p) * plotHeight / 100, p + " %"));
        }
        return new Line("chart-trend", t.t("dashboard.trend"), description.toString(), width, height, placed, paths,
                ticks);
    }

    private Table trendTable(DashboardFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (DashboardFigures.TrendPoint p : figures.trend()) {
            rows.add(List.of(t.t("dashboard.round", p.round()), p.closed().toString(),
                    p.share().isPresent() ? percent(p.share().getAsDouble()) : t.t("dashboard.hidden")));
        }
        return new Table("tbl-trend", t.t("dashboard.trend"), List.of(t.t("dashboard.roundColumn"),
                t.t("dashboard.closed"), t.t("dashboard.share")), rows);
    }

    private static List<Legend> legend(List<String> labels, List<String> colours) {
        List<Legend> legend = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            legend.add(new Legend(10 + i * 180, colours.get(i), labels.get(i)));
        }
        return legend;
    }

    /** Words into lines of at most {@code width} characters (at most three lines, the last cut with "…"). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > 3) {
            List<String> cut = new ArrayList<>(lines.subList(0, 3));
            cut.set(2, cut.get(2) + " …");
            return cut;
        }
        return lines;
    }
}
