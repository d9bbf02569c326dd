package fi.kasvu.lms.activity.survey;

import fi.kasvu.common.Language;
import fi.kasvu.survey.AnonymityThreshold;
import fi.kasvu.survey.CoachingApproachIndicator;
import fi.kasvu.survey.CultureElement;
import fi.kasvu.survey.CultureStatements;
import fi.kasvu.survey.GroupRef;
import fi.kasvu.survey.GroupResult;
import fi.kasvu.survey.IndicatorTrend;
import fi.kasvu.survey.Question;
import fi.kasvu.survey.QuestionResult;
import fi.kasvu.survey.RoundResults;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyResponse;
import fi.kasvu.survey.SurveyResults;
import fi.kasvu.survey.SurveyRound;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures of one closed round that may be shown: everything here comes from core's
 * {@link SurveyResults} under {@link AnonymityThreshold#standard()} (no group under three, no
 * figure that another one subtracts down to fewer than three), so the page, the charts and the
 * exports all read the same, already-checked numbers.
 *
 * @param round       the round
 * @param closed      the day it closed
 * @param groups      the shown groups: everyone first, then the shown units
 * @param hidden      the units that show nothing (too few, or derivable from other figures)
 * @param trend       the coaching-approach indicator over every closed round (empty if the survey has no indicator statement)
 * @param comments    comments per building block, only at the top of the report and without any group
 * @param everyone    whether the whole round shows figures (at least three answered)
 */
public record SurveyFigures(int round, LocalDate closed, List<GroupFigures> groups, List<String> hidden,
                            List<TrendPoint> trend, List<Comments> comments, boolean everyone) {

    /** The group everyone belongs to, in exports. */
    static final String ALL = "*";

    /**
     * One figure: a building block (its statements together) or a statement.
     *
     * @param item         the block's or statement's name
     * @param answers      how many answers it sums
     * @param mean         the mean value, 1..5
     * @param agreeing     the share of 4 and 5 answers, 0..1
     * @param distribution how many answers were 1, 2, 3, 4 and 5
     */
    public record Figure(String item, int answers, double mean, double agreeing, List<Integer> distribution) {
        /** Copies the list. */
        public Figure {
            distribution = List.copyOf(distribution);
        }
    }

    /**
     * A shown group's figures.
     *
     * @param key         {@code *} for everyone, else the unit's key ({@code u1})
     * @param label       the group's name
     * @param respondents how many in it answered
     * @param figures     one figure per block or statement (withheld ones left out)
     */
    public record GroupFigures(String key, String label, int respondents, List<Figure> figures) {
        /** Copies the list. */
        public GroupFigures {
            figures = List.copyOf(figures);
        }

        /** The figure of an item, if shown. */
        public Optional<Figure> figure(String item) {
            return figures.stream().filter(f -> f.item().equals(item)).findFirst();
        }
    }

    /**
     * The indicator in one closed round, for everyone.
     *
     * @param round  the round
     * @param closed the day it closed
     * @param share  the share of agreeing answers, empty when the round showed nothing
     */
    public record TrendPoint(int round, LocalDate closed, OptionalDouble share) {
    }

    /**
     * The comments on one block.
     *
     * @param block the block's name
     * @param texts the comments, sorted
     */
    public record Comments(String block, List<String> texts) {
        /** Copies the list. */
        public Comments {
            texts = List.copyOf(texts);
        }
    }

    /** Copies the lists. */
    public SurveyFigures {
        groups = List.copyOf(groups);
        hidden = List.copyOf(hidden);
        trend = List.copyOf(trend);
        comments = List.copyOf(comments);
    }

    /**
     * The round's figures, or empty if it is unknown or still open.
     *
     * @param units      the units respondents chose from, in order ({@code u1} is the first)
     * @param everyone   the name of the whole group in the language
     */
    public static Optional<SurveyFigures> of(Survey survey, int round, List<SurveyResponse> responses,
                                             List<String> units, Language language, String everyone) {
        return broken(survey, round, responses, breakdowns(units, Map.of(), List.of(), key -> key), language, everyone);
    }

    /**
     * A group results may be broken down by.
     *
     * @param key          the unit key stored in answers ({@code u1}, {@code g-42})
     * @param label        its name
     * @param listIfHidden whether a withheld group is listed by name (false for a group known only
     *                     from stored answers: listing it would say that someone of it answered)
     */
    public record Breakdown(String key, String label, boolean listIfHidden) {
    }

    /**
     * The breakdown groups: the stated units ({@code u1} …), then the course's groups (key to
     * name), then any course group found in the answers but no longer on the platform.
     */
    public static List<Breakdown> breakdowns(List<String> units, Map<String, String> courseGroups,
                                             List<SurveyResponse> responses,
                                             java.util.function.Function<String, String> unknownLabel) {
        List<Breakdown> all = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            all.add(new Breakdown("u" + (i + 1), units.get(i), true));
            keys.add("u" + (i + 1));
        }
        courseGroups.forEach((key, name) -> {
            if (keys.add(key)) {
                all.add(new Breakdown(key, name, true));
            }
        });
        responses.stream().map(r -> r.group().unit()).filter(u -> u != null && u.startsWith("g-")).distinct().sorted()
                .forEach(key -> {
                    if (keys.add(key)) {
                        all.add(new Breakdown(key, unknownLabel.apply(key), false));
                    }
                });
        return all;
    }

    /** The round's figures broken down by these groups, or empty if the round is unknown or still open. */
    public static Optional<SurveyFigures> broken(Survey survey, int round, List<SurveyResponse> responses,
                                                 List<Breakdown> breakdowns, Language language, String everyone) {
        Optional<SurveyRound> found = survey.round(round);
        if (found.isEmpty() || found.get().isOpen()) {
            return Optional.empty();
        }
        RoundResults results = SurveyResults.of(survey, round, responses, AnonymityThreshold.standard())
                .orElseThrow();
        List<GroupFigures> groups = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        GroupResult all = results.group(GroupRef.all());
        if (all instanceof GroupResult.Shown shown) {
            groups.add(figures(survey, shown, ALL, everyone, language));
        }
        for (Breakdown breakdown : breakdowns) {
            GroupResult unit = results.group(GroupRef.unit(SurveyActivity.ORGANISATION, breakdown.key()));
            if (unit instanceof GroupResult.Shown shown) {
                groups.add(figures(survey, shown, breakdown.key(), breakdown.label(), language));
            } else if (breakdown.listIfHidden()) {
                hidden.add(breakdown.label());
            }
        }
        List<Comments> comments = new ArrayList<>();
        if (all instanceof GroupResult.Shown shown) {
            for (CultureElement element : CultureElement.values()) {
                shown.question(SurveyActivity.commentId(element)).ifPresent(result -> {
                    if (result instanceof QuestionResult.Texts texts && !texts.texts().isEmpty()) {
                        comments.add(new Comments(element.title().in(language), texts.texts()));
                    }
                });
            }
        }
        return Optional.of(new SurveyFigures(round, found.get().closed(), groups, hidden,
                trend(survey, responses), comments, all instanceof GroupResult.Shown));
    }

    /** The coaching-approach indicator over every closed round, for everyone. */
    static List<TrendPoint> trend(Survey survey, List<SurveyResponse> responses) {
        List<String> ids = CultureStatements.COACHING_APPROACH_IDS.stream()
                .filter(id -> survey.question(id).isPresent()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        CoachingApproachIndicator standard = CoachingApproachIndicator.standard();
        IndicatorTrend trend = SurveyResults.trend(survey, responses,
                new CoachingApproachIndicator(standard.id(), standard.name(), ids), AnonymityThreshold.standard());
        return trend.series(GroupRef.all()).stream()
                .map(p -> new TrendPoint(p.round(), p.closed(), p.share())).toList();
    }

    /** The items of the survey: the six blocks and the indicator, or (pulse) each statement. */
    static List<Item> items(Survey survey, Language language, String indicatorName) {
        List<Item> items = new ArrayList<>();
        if (survey.kind() == Survey.Kind.CULTURE_SELF_ASSESSMENT) {
            for (CultureElement element : CultureElement.values()) {
                items.add(new Item(element.title().in(language), survey.questions().stream()
                        .filter(q -> q instanceof Question.Likert l && l.element() == element).map(Question::id).toList()));
            }
            List<String> indicator = survey.questions().stream()
                    .filter(q -> q instanceof Question.Likert l && l.element() == null).map(Question::id).toList();
            if (!indicator.isEmpty()) {
                items.add(new Item(indicatorName, indicator));
            }
        } else {
            for (Question question : survey.questions()) {
                if (question instanceof Question.Likert) {
                    items.add(new Item(question.text().in(language), List.of(question.id())));
                }
            }
        }
        return items;
    }

    /**
     * A block or statement and the statements it sums.
     *
     * @param label      its name
     * @param statements the statement ids
     */
    record Item(String label, List<String> statements) {
    }

    private static GroupFigures figures(Survey survey, GroupResult.Shown shown, String key, String label,
                                        Language language) {
        List<Figure> figures = new ArrayList<>();
        for (Item item : items(survey, language, indicatorName(language))) {
            int[] counts = new int[5];
            int answers = 0;
            for (String id : item.statements()) {
                if (shown.question(id).orElse(null) instanceof QuestionResult.Scale scale) {
                    for (int v = 0; v < 5; v++) {
                        counts[v] += scale.distribution().get(v);
                    }
                    answers += scale.answered();
                }
            }
            if (answers == 0) {
                continue;
            }
            long sum = 0;
            for (int v = 0; v < 5; v++) {
                sum += (long) (v + 1) * counts[v];
            }
            figures.add(new Figure(item.label(), answers, (double) sum / answers,
                    (double) (counts[3] + counts[4]) / answers, java.util.Arrays.stream(counts).boxed().toList()));
        }
        return new GroupFigures(key, label, shown.respondents(), figures);
    }

    /** The indicator's name in the language. */
    static String indicatorName(Language language) {
        return CoachingApproachIndicator.standard().name().in(language);
    }
}
