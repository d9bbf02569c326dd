package fi.kasvu.lms.activity.feedback;

import fi.kasvu.common.Language;
import fi.kasvu.feedback.CompetenceStatement;
import fi.kasvu.feedback.CompetenceTheme;
import fi.kasvu.feedback.Feedback360Report;
import fi.kasvu.feedback.Figure;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.ReportGroup;
import fi.kasvu.feedback.StatementResult;
import fi.kasvu.feedback.ThemeResult;
import fi.kasvu.i18n.FeedbackMessages;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subject's report as a page model: per theme an SVG chart of self against the others' mean and
 * spread (with the same figures as a table, its text alternative), the largest gaps, the comments of
 * shown groups without attribution, and the statements to start a development plan from. It draws
 * what core's {@link Feedback360Report} holds and adds no figure of its own.
 */
final class ReportPage {

    /** The chart's scale: x of rating 1 and the width of one step. */
    static final int LEFT = 70, STEP = 135, TOP = 56, ROW = 44;

    private ReportPage() {
    }

    static int x(double rating) {
        return (int) Math.round(LEFT + (Math.max(1, Math.min(5, rating)) - 1) * STEP);
    }

    static FeedbackViews.ReportView view(Views.Frame frame, Feedback360Report report, List<Views.Message> errors,
                                         String notice, boolean shared, PageTexts t) {
        Language language = t.language();
        List<String> basis = new ArrayList<>();
        int all = report.responses().getOrDefault(ReportGroup.ALL_RATERS, 0);
        basis.add(all == 0 ? t.t("report.basis.none") : t.t("report.basis.all", all));
        for (ReportGroup group : ReportGroup.values()) {
            if (group != ReportGroup.ALL_RATERS && report.responses().containsKey(group)
                    && !sameAsAll(group, report.responses().get(group), all)) {
                basis.add(t.t("report.basis.group", FeedbackMessages.reportGroup(group, language),
                        report.responses().get(group)));
            }
        }
        for (RaterGroup merged : report.mergedIntoOthers()) {
            basis.add(t.t("report.basis.merged", FeedbackMessages.raterGroup(merged, language), report.minimum()));
        }
        if (report.answersLeftOut() > 0) {
            basis.add(t.t("report.basis.leftOut", report.answersLeftOut(), report.minimum()));
        }
        List<FeedbackViews.ThemeChart> charts = new ArrayList<>();
        for (ThemeResult theme : report.themes()) {
            CompetenceTheme set = report.set().theme(theme.themeId()).orElseThrow();
            List<FeedbackViews.ChartRow> rows = new ArrayList<>();
            int number = 1;
            for (StatementResult s : theme.statements()) {
                String text = report.set().statement(s.statementId()).map(CompetenceStatement::text)
                        .map(x -> x.in(language)).orElse(s.statementId());
                int y = TOP + (number - 1) * ROW;
                Optional<Figure> others = s.others();
                List<String> groups = new ArrayList<>();
                s.figures().entrySet().stream().filter(e -> e.getKey() != ReportGroup.ALL_RATERS)
                        .filter(e -> others.isEmpty() || !sameAsAll(e.getKey(), e.getValue().raters(),
                                others.get().raters()))
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> groups.add(t.t("report.figure", FeedbackMessages.reportGroup(e.getKey(), language),
                                FeedbackActivity.format(e.getValue().mean(), language),
                                FeedbackActivity.format(e.getValue().spread(), language), e.getValue().raters())));
                rows.add(new FeedbackViews.ChartRow(number, text, y,
                        s.self() == null ? "" : Integer.toString(s.self()), s.self() == null ? -1 : x(s.self()),
                        others.map(f -> FeedbackActivity.format(f.mean(), language)).orElse(""),
                        others.map(f -> FeedbackActivity.format(f.spread(), language)).orElse(""),
                        others.map(f -> Integer.toString(f.raters())).orElse(""),
                        others.map(f -> x(f.mean())).orElse(-1),
                        others.map(f -> x(f.mean() - f.spread())).orElse(-1),
                        others.map(f -> x(f.mean() + f.spread())).orElse(-1), groups));
                number++;
            }
            String summary = t.t("report.theme.summary",
                    theme.self() == null ? "–" : FeedbackActivity.format(theme.self(), language),
                    theme.means().containsKey(ReportGroup.ALL_RATERS)
                            ? FeedbackActivity.format(theme.means().get(ReportGroup.ALL_RATERS), language) : "–");
            List<Integer> ticks = new ArrayList<>();
            for (int rating = 1; rating <= 5; rating++) {
                ticks.add(x(rating));
            }
            charts.add(new FeedbackViews.ThemeChart("t-" + theme.themeId(), set.title().in(language), summary,
                    TOP + rows.size() * ROW + 24, rows, ticks));
        }
        List<FeedbackViews.GapRow> gaps = new ArrayList<>();
        for (Feedback360Report.Gap gap : report.largestGaps(3)) {
            String text = report.set().statement(gap.statementId()).map(s -> s.text().in(language)).orElse(gap.statementId());
            gaps.add(new FeedbackViews.GapRow(text, t.t("report.gap", gap.self(),
                    FeedbackActivity.format(gap.others(), language),
                    (gap.difference() > 0 ? "+" : "") + FeedbackActivity.format(gap.difference(), language))));
        }
        Set<String> suggested = new HashSet<>(report.developmentCandidates(3));
        List<FeedbackViews.PlanChoice> choices = new ArrayList<>();
        for (CompetenceStatement statement : report.set().statements()) {
            choices.add(new FeedbackViews.PlanChoice(statement.id(), statement.text().in(language),
                    suggested.contains(statement.id())));
        }
        List<String> own = new ArrayList<>();
        own.addAll(report.ownComments().strengths());
        own.addAll(report.ownComments().developmentAreas());
        return new FeedbackViews.ReportView(frame, errors, notice, basis, charts, gaps, report.comments().strengths(),
                report.comments().developmentAreas(), own, shared, choices);
    }

    /**
     * Whether a group is "others" holding every rater's answer: then its figures are the others'
     * view itself, and listing them again would show "others" twice with the same numbers (and
     * call it "shown apart" when nothing was set apart from it).
     */
    static boolean sameAsAll(ReportGroup group, int raters, int allRaters) {
        return group == ReportGroup.OTHERS && raters == allRaters;
    }

    /** What a teacher reads of a shared report: each theme's self and others' means. */
    static Optional<Views.SharedPart> sharedPart(Feedback360Report report, PageTexts t) {
        Language language = t.language();
        List<Views.Item> items = new ArrayList<>();
        for (ThemeResult theme : report.themes()) {
            String title = report.set().theme(theme.themeId()).map(x -> x.title().in(language)).orElse(theme.themeId());
            items.add(new Views.Item(title, t.t("report.theme.summary",
                    theme.self() == null ? "–" : FeedbackActivity.format(theme.self(), language),
                    theme.means().containsKey(ReportGroup.ALL_RATERS)
                            ? FeedbackActivity.format(theme.means().get(ReportGroup.ALL_RATERS), language) : "–")));
        }
        return Optional.of(new Views.SharedPart(t.t("progress.report"), items));
    }
}
