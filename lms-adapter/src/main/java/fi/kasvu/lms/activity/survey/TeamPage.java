package fi.kasvu.lms.activity.survey;

import fi.kasvu.common.Versioned;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.survey.CultureElement;
import fi.kasvu.survey.Question;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.TeamDiscussion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A team's discussion of a round's results (seed 004): the team's figures beside everyone's, and a
 * note per building block (or statement) that only the team's members read and write. A member is
 * whoever the platform lists in the course group now; the organiser sees the notes only as a
 * member. The notes never appear in results, exports or logs.
 */
final class TeamPage {

    private final SurveyActivity activity;
    private final Call call;
    private final PageSession session;
    private final PageTexts t;
    private final Survey survey;

    TeamPage(SurveyActivity activity, Call call) {
        this.activity = activity;
        this.call = call;
        this.session = call.session();
        this.t = call.texts();
        this.survey = activity.survey(session);
    }

    /** A note's item: a building block, the indicator, or (pulse) a statement. */
    record Item(String id, String label) {
    }

    List<Item> items() {
        List<Item> items = new ArrayList<>();
        if (survey.kind() == Survey.Kind.CULTURE_SELF_ASSESSMENT) {
            for (CultureElement element : CultureElement.values()) {
                items.add(new Item(element.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        element.title().in(t.language())));
            }
            if (survey.questions().stream().anyMatch(q -> q instanceof Question.Likert l && l.element() == null)) {
                items.add(new Item("indicator", SurveyFigures.indicatorName(t.language())));
            }
        } else {
            for (Question question : survey.questions()) {
                if (question instanceof Question.Likert) {
                    items.add(new Item(question.id(), question.text().in(t.language())));
                }
            }
        }
        return items;
    }

    /** The reader's teams, the round and the team asked for; empty if the reader may not be here. */
    private Optional<Place> place() {
        List<CourseServices.CourseGroup> mine = activity.teams(session);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> visible = new ResultsPage(activity, call).visibleRounds();
        int round;
        try {
            round = call.has("round") ? Integer.parseInt(call.param("round")) : visible.isEmpty() ? 0 : visible.get(0);
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        if (!visible.contains(round)) {
            return Optional.empty();
        }
        String asked = call.param("team");
        CourseServices.CourseGroup team = asked.isEmpty() ? mine.get(0)
                : mine.stream().filter(g -> SurveyActivity.groupKey(g.id()).equals(asked)).findFirst().orElse(null);
        return team == null ? Optional.empty() : Optional.of(new Place(round, team, mine));
    }

    private record Place(int round, CourseServices.CourseGroup team, List<CourseServices.CourseGroup> mine) {
        String key() {
            return SurveyActivity.groupKey(team.id());
        }
    }

    Answer show() {
        Optional<Place> place = place();
        if (place.isEmpty()) {
            return Answer.notFound();
        }
        Versioned<TeamDiscussion> stored = stored(place.get());
        Map<String, String> given = new LinkedHashMap<>();
        for (Item item : items()) {
            given.put(item.id(), stored.value().note(item.id()));
        }
        String notice = call.param("done").equals("saved") ? t.t("team.saved") : "";
        return render(200, place.get(), stored.version(), given, Map.of(), notice);
    }

    Answer post() {
        Optional<Place> place = place();
        if (place.isEmpty()) {
            return Answer.notFound();
        }
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Item item : items()) {
            String text = call.param("note." + item.id()).replace("\r\n", "\n").replace('\r', '\n');
            given.put(item.id(), text);
            if (text.length() > TeamDiscussion.MAX_NOTE) {
                errors.put(item.id(), t.t("team.error.long", item.label(), TeamDiscussion.MAX_NOTE, text.length()));
            } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                errors.put(item.id(), t.t("team.error.control", item.label()));
            }
        }
        long version;
        try {
            version = Long.parseLong(call.param("version"));
        } catch (NumberFormatException notANumber) {
            version = -1;
        }
        if (!errors.isEmpty()) {
            return render(422, place.get(), version, given, errors, "");
        }
        Versioned<TeamDiscussion> stored = stored(place.get());
        if (stored.version() != version) {
            return render(409, place.get(), stored.version(), given, Map.of("form", t.t("team.error.stale")), "");
        }
        Map<String, String> notes = new LinkedHashMap<>();
        given.forEach((item, text) -> notes.put(item, text.strip()));
        // Each changed note is the saver's (for their GDPR export and erasure); the page never shows authors.
        if (!activity.discussions().save(session.tenant(), stored.with(stored.value().withNotes(notes,
                session.person()))).isSaved()) {
            return render(409, place.get(), stored(place.get()).version(), given,
                    Map.of("form", t.t("team.error.stale")), "");
        }
        return Answer.redirect(call.base() + "/team?round=" + place.get().round() + "&team=" + place.get().key()
                + "&done=saved");
    }

    private Versioned<TeamDiscussion> stored(Place place) {
        return activity.discussions().find(session.tenant(),
                        TeamDiscussion.idOf(survey.id(), place.round(), place.key()))
                .orElseGet(() -> Versioned.unsaved(TeamDiscussion.none(survey.id(), place.round(), place.key())));
    }

    private Answer render(int status, Place place, long version, Map<String, String> given,
                          Map<String, String> errors, String notice) {
        SurveyFigures figures = ResultsPage.figures(activity, survey, session, place.round(), t).orElseThrow();
        Optional<SurveyFigures.GroupFigures> teamFigures = figures.groups().stream()
                .filter(g -> g.key().equals(place.key())).findFirst();
        Optional<SurveyFigures.GroupFigures> everyone = figures.groups().stream()
                .filter(g -> g.key().equals(SurveyFigures.ALL)).findFirst();
        List<SurveyViews.TeamItem> rows = new ArrayList<>();
        List<Item> items = items();
        List<String> labels = SurveyFigures.items(survey, t.language(), SurveyFigures.indicatorName(t.language()))
                .stream().map(SurveyFigures.Item::label).toList();
        for (Item item : items) {
            String label = labels.contains(item.label()) ? item.label() : "";
            String mine = teamFigures.flatMap(g -> g.figure(label)).map(this::figure).orElse(t.t("chart.notShown"));
            String all = everyone.flatMap(g -> g.figure(label)).map(this::figure).orElse(t.t("chart.notShown"));
            Views.Field note = new Views.Field("note." + item.id(), t.t("team.note", item.label()), t.t("team.note.hint"),
                    given.getOrDefault(item.id(), ""), "textarea", TeamDiscussion.MAX_NOTE, errors.get(item.id()),
                    List.of(), false, false);
            rows.add(new SurveyViews.TeamItem("i-" + item.id(), item.label(), mine, all, note));
        }
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Views.Message(
                field.equals("form") ? "#team-form" : "#f-note-" + field, message)));
        List<Views.Choice> teams = place.mine().stream().map(g -> new Views.Choice(SurveyActivity.groupKey(g.id()),
                g.name().isBlank() ? t.t("results.group", g.id()) : g.name(), g == place.team(), "")).toList();
        String name = place.team().name().isBlank() ? t.t("results.group", place.team().id()) : place.team().name();
        return Answer.page(status, "survey/team.jte", new SurveyViews.TeamView(
                call.frame(t.t("team.title", name), "team/" + place.round() + "-" + place.key()), messages,
                notice, place.round(), place.key(), version, teams.size() > 1 ? teams : List.of(),
                teamFigures.isPresent(), rows, call.base() + "/results?round=" + place.round()));
    }

    private String figure(SurveyFigures.Figure f) {
        return t.t("team.figure", SurveyCharts.mean(f.mean(), t), SurveyCharts.percent(f.agreeing(), t), f.answers());
    }
}
