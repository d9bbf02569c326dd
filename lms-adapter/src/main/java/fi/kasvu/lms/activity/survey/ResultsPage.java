package fi.kasvu.lms.activity.survey;

import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyRound;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A closed round's results: for the organiser always, for learners once published. Every figure
 * comes from {@link SurveyFigures}, so the page shows nothing the disclosure control withheld.
 */
final class ResultsPage {

    private final SurveyActivity activity;
    private final Call call;
    private final PageSession session;
    private final PageTexts t;
    private final Survey survey;
    private final boolean organiser;

    ResultsPage(SurveyActivity activity, Call call) {
        this.activity = activity;
        this.call = call;
        this.session = call.session();
        this.t = call.texts();
        this.survey = activity.survey(session);
        this.organiser = session.role() == PageSession.Role.ORGANISER;
    }

    /** The rounds this reader may see, newest first. */
    List<Integer> visibleRounds() {
        List<Integer> rounds = new ArrayList<>();
        for (SurveyRound round : survey.rounds()) {
            if (!round.isOpen() && (organiser || activity.published(session.tenant(), survey.id(), round.number()))) {
                rounds.add(0, round.number());
            }
        }
        return rounds;
    }

    Answer show(String notice) {
        List<Integer> visible = visibleRounds();
        int round = requestedRound(visible);
        if (round == 0) {
            return organiser ? Answer.redirect(call.base() + "/manage") : Answer.redirect(call.base() + "/survey");
        }
        return render(200, round, notice, List.of());
    }

    Answer post() {
        if (!organiser) {
            return Answer.notFound();
        }
        int round = requestedRound(visibleRounds());
        String action = call.param("do");
        if (round == 0 || !action.matches("publish|withdraw")) {
            return Answer.redirect(call.base() + "/manage");
        }
        activity.publish(session, survey.id(), round, action.equals("publish"));
        return Answer.redirect(call.base() + "/results?round=" + round + "&done=" + action);
    }

    /** The round asked for, if the reader may see it; the newest visible one when none was asked; 0 for none. */
    private int requestedRound(List<Integer> visible) {
        if (call.has("round")) {
            try {
                int asked = Integer.parseInt(call.param("round"));
                return visible.contains(asked) ? asked : 0;
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }
        return visible.isEmpty() ? 0 : visible.get(0);
    }

    /** The round's figures as the reader's language words them. */
    static Optional<SurveyFigures> figures(SurveyActivity activity, Survey survey, PageSession session, int round,
                                           PageTexts t) {
        List<fi.kasvu.survey.SurveyResponse> responses = activity.ballots().responses(session.tenant(), survey.id());
        return SurveyFigures.broken(survey, round, responses, activity.breakdowns(session, responses, t), t.language(),
                t.t("results.everyone"));
    }

    private Answer render(int status, int round, String notice, List<Views.Message> errors) {
        SurveyFigures figures = figures(activity, survey, session, round, t).orElseThrow();
        String shownNotice = notice;
        if (shownNotice.isEmpty() && call.param("done").matches("publish|withdraw")) {
            shownNotice = t.t("results." + call.param("done") + "ed");
        }
        List<SurveyViews.RoundLink> links = new ArrayList<>();
        for (int r : visibleRounds()) {
            links.add(new SurveyViews.RoundLink(t.t("chart.round", r), call.base() + "/results?round=" + r, r == round));
        }
        SurveyCharts.Stacked overall = figures.groups().isEmpty() ? null
                : SurveyCharts.stacked("chart-blocks", figures.groups().get(0), t);
        boolean anyTrend = figures.trend().stream().anyMatch(p -> p.share().isPresent());
        SurveyCharts.Line trend = anyTrend ? SurveyCharts.trend(figures.trend(), t) : null;
        SurveyCharts.Breakdown breakdown = figures.groups().size() > 1 ? SurveyCharts.breakdown(figures.groups(), t)
                : null;
        List<SurveyViews.FigureTable> tables = new ArrayList<>();
        int n = 0;
        for (SurveyFigures.GroupFigures group : figures.groups()) {
            List<SurveyViews.FigureRow> rows = group.figures().stream().map(f -> new SurveyViews.FigureRow(f.item(),
                    f.answers(), SurveyCharts.mean(f.mean(), t), SurveyCharts.percent(f.agreeing(), t),
                    f.distribution())).toList();
            tables.add(new SurveyViews.FigureTable("table-" + (n++), group.label(), group.respondents(), rows));
        }
        List<Views.Item> trendRows = new ArrayList<>();
        if (anyTrend) {
            for (SurveyFigures.TrendPoint point : figures.trend()) {
                trendRows.add(new Views.Item(t.t("chart.round", point.round()) + " ("
                        + SurveyActivity.day(point.closed(), t.language()) + ")", point.share().isPresent()
                        ? SurveyCharts.percent(point.share().getAsDouble(), t) : t.t("chart.notShown")));
            }
        }
        boolean published = activity.published(session.tenant(), survey.id(), round);
        return Answer.page(status, "survey/results.jte", new SurveyViews.ResultsView(
                call.frame(t.t("results.title", round), "results"), errors, shownNotice, organiser, round,
                SurveyActivity.day(figures.closed(), t.language()), links, figures.everyone(), overall, trend,
                breakdown, tables, figures.hidden(), figures.comments(), published,
                organiser ? call.base() + "/export.csv?round=" + round : "",
                organiser ? call.base() + "/export.xlsx?round=" + round : "", trendRows,
                activity.teams(session).isEmpty() ? "" : call.base() + "/team?round=" + round));
    }
}
