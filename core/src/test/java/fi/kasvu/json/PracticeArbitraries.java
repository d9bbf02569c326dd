package fi.kasvu.json;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.experiment.ChangeMap;
import fi.kasvu.experiment.CriterionResult;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Evaluation;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.experiment.Groundwork;
import fi.kasvu.experiment.Measure;
import fi.kasvu.experiment.PhenomenonMap;
import fi.kasvu.experiment.PictureEntry;
import fi.kasvu.experiment.RunLog;
import fi.kasvu.experiment.RunObservation;
import fi.kasvu.experiment.SituationalPicture;
import fi.kasvu.experiment.SuccessCriterion;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.Visibility;
import fi.kasvu.plan.DevelopmentGoal;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.PlanAction;
import fi.kasvu.plan.PlanSource;
import fi.kasvu.plan.Review;
import fi.kasvu.plan.TeamSharing;
import fi.kasvu.survey.Answer;
import fi.kasvu.survey.CultureElement;
import fi.kasvu.survey.CultureStatements;
import fi.kasvu.survey.Question;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyResponse;
import fi.kasvu.survey.SurveyRound;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitrary experiments, plans, surveys, responses and library entries for the round-trip properties. */
final class PracticeArbitraries {

    private PracticeArbitraries() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzäöåÄÖ ,.!?\"\\\n-–€")
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
    }

    static Arbitrary<String> maybeEmpty() {
        return Arbitraries.oneOf(text(), Arbitraries.just(""));
    }

    static Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(12);
    }

    static Arbitrary<PersonId> people() {
        return ids().map(PersonId::of);
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L).map(Instant::ofEpochSecond);
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
    }

    static Arbitrary<List<String>> texts() {
        return text().list().ofMaxSize(3);
    }

    // ---- experiments ----------------------------------------------------------------------

    static Arbitrary<Experiment> experiments() {
        Arbitrary<ExperimentStage> stages = Arbitraries.integers().between(0, 7).flatMap(PracticeArbitraries::stage);
        return Combinators.combine(ids(), ids(), text(), people(), people().set().ofMaxSize(4), ids().injectNull(0.5),
                instants(), stages).as((id, team, title, facilitator, members, previous, created, stage) -> {
                    Set<PersonId> others = new java.util.HashSet<>(members);
                    others.remove(facilitator);
                    return new Experiment(id, team, title, facilitator, others, previous, created, created.plusSeconds(60), stage);
                });
    }

    private static Arbitrary<ExperimentStage> stage(int step) {
        Arbitrary<SituationalPicture> pictures = pictures();
        Arbitrary<PhenomenonMap> phenomena = Combinators.combine(maybeEmpty(), maybeEmpty(), maybeEmpty(), texts(), texts())
                .as(PhenomenonMap::new);
        Arbitrary<ChangeMap> changes = Combinators.combine(maybeEmpty(), maybeEmpty(), texts(), texts(), maybeEmpty())
                .as(ChangeMap::new);
        Arbitrary<Groundwork> groundworks = Combinators.combine(pictures, phenomena, changes).as(Groundwork::new);
        Arbitrary<ExperimentPlan> plans = plans();
        return switch (step) {
            case 0 -> pictures.map(ExperimentStage.Picturing::new);
            case 1 -> Combinators.combine(pictures, phenomena).as(ExperimentStage.MappingPhenomenon::new);
            case 2 -> groundworks.map(ExperimentStage.MappingChange::new);
            case 3 -> Combinators.combine(groundworks, plans).as(ExperimentStage.Planning::new);
            case 4 -> Combinators.combine(groundworks, runs()).as(ExperimentStage.Running::new);
            case 5 -> Combinators.combine(groundworks, runs(), evaluations()).as(ExperimentStage.Evaluated::new);
            case 6 -> Combinators.combine(groundworks, runs(), evaluations(), finalDecisions()).as(ExperimentStage.Decided::new);
            default -> Combinators.combine(groundworks, runs(), evaluations(), finalDecisions(), ids(), instants())
                    .as(ExperimentStage.Shared::new);
        };
    }

    private static Arbitrary<SituationalPicture> pictures() {
        Arbitrary<PictureEntry> entries = Combinators.combine(people(), Arbitraries.of(PictureEntry.Kind.class), text(),
                instants()).as((author, kind, text, at) -> new PictureEntry("x", author, kind, text, at));
        return entries.list().ofMaxSize(4).map(list -> new SituationalPicture(IntStream.range(0, list.size())
                .mapToObj(i -> new PictureEntry("p" + (i + 1), list.get(i).author(), list.get(i).kind(), list.get(i).text(),
                        list.get(i).added())).toList()));
    }

    private static Arbitrary<ExperimentPlan> plans() {
        Arbitrary<List<Measure>> measures = Combinators.combine(text(), maybeEmpty()).as((s, b) -> new Measure("m", s, b))
                .list().ofMaxSize(3).map(list -> IntStream.range(0, list.size())
                        .mapToObj(i -> new Measure("m" + i, list.get(i).signal(), list.get(i).baseline())).toList());
        Arbitrary<List<SuccessCriterion>> criteria = text().list().ofMaxSize(3).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> new SuccessCriterion("c" + i, list.get(i))).toList());
        return Combinators.combine(maybeEmpty(), maybeEmpty(), maybeEmpty(), people().set().ofMaxSize(3),
                dates().injectNull(0.3), dates().injectNull(0.3), measures, criteria).as(ExperimentPlan::new);
    }

    private static Arbitrary<RunLog> runs() {
        Arbitrary<List<RunObservation>> observations = Combinators.combine(people(), dates(), text(), instants())
                .as((p, d, t, i) -> new RunObservation("o", p, d, t, i)).list().ofMaxSize(3)
                .map(list -> IntStream.range(0, list.size()).mapToObj(i -> new RunObservation("o" + (i + 1),
                        list.get(i).author(), list.get(i).on(), list.get(i).text(), list.get(i).recorded(),
                        i % 2 == 0)).toList());
        Arbitrary<List<RunLog.ExtendedRound>> rounds = Combinators.combine(evaluations(),
                decision(dates().map(Decision.Extend::new))).as(RunLog.ExtendedRound::new).list().ofMaxSize(2);
        return Combinators.combine(plans(), dates(), observations, rounds).as(RunLog::new);
    }

    private static Arbitrary<Evaluation> evaluations() {
        Arbitrary<List<CriterionResult>> results = Combinators.combine(Arbitraries.of(CriterionResult.Verdict.class),
                maybeEmpty()).as((v, e) -> new CriterionResult("c", v, e)).list().ofMaxSize(3)
                .map(list -> IntStream.range(0, list.size()).mapToObj(i -> new CriterionResult("c" + i,
                        list.get(i).verdict(), list.get(i).evidence())).toList());
        return Combinators.combine(results, maybeEmpty(), people(), instants()).as(Evaluation::new);
    }

    private static Arbitrary<Decision> finalDecisions() {
        return decision(Arbitraries.oneOf(Arbitraries.just(new Decision.Adopt()), Arbitraries.just(new Decision.Abandon()),
                Combinators.combine(text(), ids()).as(Decision.Adapt::new)));
    }

    private static Arbitrary<Decision> decision(Arbitrary<? extends Decision.Choice> choices) {
        return Combinators.combine(choices, maybeEmpty(), people(), instants()).as(Decision::new);
    }

    // ---- plans ----------------------------------------------------------------------------

    static Arbitrary<DevelopmentPlan> developmentPlans() {
        Arbitrary<PlanSource> sources = Arbitraries.oneOf(Arbitraries.just(new PlanSource.Written()),
                Combinators.combine(ids(), instants()).as(PlanSource.FromGrow::new),
                Combinators.combine(ids(), instants()).as(PlanSource.FromFeedback360::new));
        Arbitrary<PlanAction> actions = Combinators.combine(text(), dates().injectNull(0.3),
                Arbitraries.of(PlanAction.Status.class), text())
                .as((what, due, status, note) -> new PlanAction("a", what, due, status, note));
        Arbitrary<DevelopmentGoal> goals = Combinators.combine(text(), maybeEmpty(), dates().injectNull(0.3),
                actions.list().ofMaxSize(3)).as((what, m, d, a) -> new DevelopmentGoal("g", what, m, d, a));
        Arbitrary<Review.Outcome> outcomes = Combinators.combine(dates(), maybeEmpty(), Arbitraries.of(Review.Progress.class))
                .as(Review.Outcome::new);
        Arbitrary<Review> reviews = Combinators.combine(dates(), outcomes.injectNull(0.5)).as((d, o) -> new Review("r", d, o));
        Arbitrary<TeamSharing> sharing = Combinators.combine(ids(), dates().injectNull(0.5)).as(TeamSharing::new);
        return Combinators.combine(ids(), people(), ids().injectNull(0.3), text(), sources, goals.list().ofMaxSize(3),
                Combinators.combine(maybeEmpty(), reviews.list().ofMaxSize(3), sharing.injectNull(0.5)).as((a, b, c) -> java.util.Arrays.<Object>asList(a, b, c)),
                instants()).as((id, owner, context, title, source, goalList, rest, at) -> {
                    List<DevelopmentGoal> numbered = new ArrayList<>();
                    int actionNumber = 0;
                    for (int g = 0; g < goalList.size(); g++) {
                        List<PlanAction> numberedActions = new ArrayList<>();
                        for (PlanAction a : goalList.get(g).actions()) {
                            numberedActions.add(new PlanAction("a" + (++actionNumber), a.what(), a.due(), a.status(), a.note()));
                        }
                        DevelopmentGoal goal = goalList.get(g);
                        numbered.add(new DevelopmentGoal("g" + g, goal.what(), goal.measures(), goal.targetDate(), numberedActions));
                    }
                    @SuppressWarnings("unchecked")
                    List<Review> reviewList = (List<Review>) rest.get(1);
                    List<Review> numberedReviews = IntStream.range(0, reviewList.size()).mapToObj(i ->
                            new Review("r" + i, reviewList.get(i).scheduledOn(), reviewList.get(i).outcome())).toList();
                    return new DevelopmentPlan(id, owner, context, title, source, numbered, (String) rest.get(0),
                            numberedReviews, (TeamSharing) rest.get(2), at, at.plusSeconds(5));
                });
    }

    // ---- surveys --------------------------------------------------------------------------

    static Arbitrary<LocalizedText> localized() {
        return Combinators.combine(text().injectNull(0.3), text().injectNull(0.3), text()).as((fi, sv, en) -> {
            Map<Language, String> texts = new java.util.EnumMap<>(Language.class);
            if (fi != null) {
                texts.put(Language.FI, fi);
            }
            if (sv != null) {
                texts.put(Language.SV, sv);
            }
            texts.put(Language.EN, en);
            return new LocalizedText(texts);
        });
    }

    static Arbitrary<Survey> surveys() {
        Arbitrary<Question> likert = Combinators.combine(localized(), Arbitraries.of(CultureElement.class).injectNull(0.3),
                Arbitraries.of(true, false)).as((t, e, a) -> new Question.Likert("x", t, e, a));
        Arbitrary<Question> choice = Combinators.combine(localized(), localized().list().ofMinSize(2).ofMaxSize(4))
                .as((t, labels) -> new Question.SingleChoice("x", t, IntStream.range(0, labels.size())
                        .mapToObj(i -> new Question.Option("o" + i, labels.get(i))).toList()));
        Arbitrary<Question> free = localized().map(t -> new Question.FreeText("x", t));
        Arbitrary<List<Question>> questions = Arbitraries.oneOf(likert, choice, free).list().ofMinSize(1).ofMaxSize(5)
                .map(list -> IntStream.range(0, list.size()).mapToObj(i -> renumber(list.get(i), "q" + i)).toList());
        Arbitrary<List<SurveyRound>> rounds = Combinators.combine(dates(), Arbitraries.integers().between(0, 4),
                Arbitraries.of(true, false)).as((start, count, lastOpen) -> IntStream.range(0, count)
                        .mapToObj(i -> new SurveyRound(i + 1, start.plusMonths(6L * i),
                                lastOpen && i == count - 1 ? null : start.plusMonths(6L * i).plusDays(14))).toList());
        Arbitrary<Survey> pulses = Combinators.combine(ids(), ids(), localized(), questions, rounds, instants())
                .as((id, org, title, q, r, at) -> new Survey(id, org, Survey.Kind.PULSE, title, q, r, at));
        Arbitrary<Survey> assessments = Combinators.combine(ids(), ids(), localized(), likert.list().ofMaxSize(3), rounds,
                instants()).as((id, org, title, extra, r, at) -> {
                    List<Question> all = new ArrayList<>(CultureStatements.all());
                    for (int i = 0; i < extra.size(); i++) {
                        all.add(renumber(extra.get(i), "agency-" + i));
                    }
                    return new Survey(id, org, Survey.Kind.CULTURE_SELF_ASSESSMENT, title, all, r, at);
                });
        return Arbitraries.oneOf(pulses, assessments);
    }

    private static Question renumber(Question q, String id) {
        if (q instanceof Question.Likert l) {
            return new Question.Likert(id, l.text(), l.element(), l.agencyAdded());
        }
        if (q instanceof Question.SingleChoice c) {
            return new Question.SingleChoice(id, c.text(), c.options());
        }
        return new Question.FreeText(id, q.text());
    }

    static Arbitrary<SurveyResponse> responses() {
        Arbitrary<RespondentGroup> groups = Combinators.combine(ids(), ids().injectNull(0.3), ids().injectNull(0.3))
                .as(RespondentGroup::new);
        Arbitrary<Answer> answers = Arbitraries.oneOf(
                Combinators.combine(ids(), Arbitraries.integers().between(1, 5)).as(Answer.Scale::new),
                Combinators.combine(ids(), ids()).as(Answer.Chosen::new),
                Combinators.combine(ids(), text()).as(Answer.Text::new));
        return Combinators.combine(ids(), ids(), Arbitraries.integers().between(1, 9), groups, dates(),
                answers.list().ofMaxSize(5)).as(SurveyResponse::new);
    }

    // ---- library --------------------------------------------------------------------------

    static Arbitrary<LibraryEntry> libraryEntries() {
        return Combinators.combine(ids(), Arbitraries.of(LibraryEntry.Kind.class), Arbitraries.of(Language.class), text(),
                maybeEmpty(), maybeEmpty(), ids().set().ofMaxSize(4),
                Combinators.combine(ids(), ids().injectNull(0.3), Arbitraries.of(Visibility.class), people(),
                        Arbitraries.of(true, false), instants(), ids().injectNull(0.5))
                        .as((a, b, c, d, e, f, g) -> java.util.Arrays.<Object>asList(a, b, c, d, e, f, g)))
                .as((id, kind, language, title, summary, body, tags, rest) -> {
                    Visibility visibility = (Visibility) rest.get(2);
                    String team = (String) rest.get(1);
                    String source = (String) rest.get(6);
                    return new LibraryEntry(id, kind, language, title, summary, body, tags, (String) rest.get(0),
                            team == null && visibility == Visibility.TEAM ? "team" : team, visibility,
                            (PersonId) rest.get(3), (Boolean) rest.get(4), (Instant) rest.get(5),
                            source == null && kind == LibraryEntry.Kind.EXPERIMENT ? "exp" : source);
                });
    }
}
