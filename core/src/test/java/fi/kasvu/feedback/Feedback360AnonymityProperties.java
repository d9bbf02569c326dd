package fi.kasvu.feedback;

import static fi.kasvu.feedback.FeedbackFixtures.START;
import static fi.kasvu.feedback.FeedbackFixtures.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.survey.AnonymityThreshold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The 360's anonymity rules hold for every input: an attacker who holds the whole report and
 * knows which groups each figure covers combines the shown figures of a statement in every way
 * (each figure added, subtracted or left out) and never isolates between 1 and k-1 raters
 * outside the subject and a consented supervisor. Comments come only from shown groups.
 */
class Feedback360AnonymityProperties {

    private static final List<String> STATEMENTS = List.of("listens", "asks", "promises");

    /** One rater: their group and their rating per statement (0 = cannot say), and whether they commented. */
    record Rater(RaterGroup group, List<Integer> ratings, boolean comments) {
    }

    @Provide
    Arbitrary<List<Rater>> raters() {
        Arbitrary<RaterGroup> groups = Arbitraries.of(RaterGroup.SUPERVISOR, RaterGroup.PEERS, RaterGroup.PEERS,
                RaterGroup.DIRECT_REPORTS, RaterGroup.DIRECT_REPORTS, RaterGroup.OTHERS);
        Arbitrary<Integer> rating = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)), net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 5)));
        Arbitrary<Rater> rater = Combinators.combine(groups, rating.list().ofSize(3), Arbitraries.of(true, false))
                .as(Rater::new);
        return rater.list().ofMinSize(0).ofMaxSize(16);
    }

    @Property(tries = 400)
    void no_combination_of_shown_figures_isolates_fewer_than_k_raters(@ForAll("raters") List<Rater> raters,
                                                                      @ForAll boolean consent,
                                                                      @ForAll @IntRange(min = 3, max = 5) int k) {
        List<Rater> answering = raters.stream().filter(r -> r.ratings().stream().anyMatch(v -> v > 0) || r.comments())
                .toList();
        FeedbackAssessment assessment = FeedbackFixtures.open(consent)
                .answerAsSelf(SUBJECT, FeedbackFixtures.all(5), START).orElseThrow();
        List<Map.Entry<RaterGroup, Answers>> answers = new ArrayList<>();
        for (int i = 0; i < answering.size(); i++) {
            Rater rater = answering.get(i);
            Map<String, Integer> ratings = new HashMap<>();
            for (int s = 0; s < STATEMENTS.size(); s++) {
                if (rater.ratings().get(s) > 0) {
                    ratings.put(STATEMENTS.get(s), rater.ratings().get(s));
                }
            }
            answers.add(Map.entry(rater.group(), new Answers(ratings, rater.comments() ? "strength of rater " + i : "", "")));
        }
        Feedback360Report report = FeedbackFixtures.withAnswers(assessment, answers)
                .close(fi.kasvu.feedback.Requester.person(SUBJECT), START.plusSeconds(86_400)).orElseThrow()
                .report(AnonymityThreshold.of(k)).orElseThrow();

        Map<Integer, ReportGroup> placed = new HashMap<>();
        for (int i = 0; i < answering.size(); i++) {
            ReportGroup group = placement(answering.get(i).group(), consent, report);
            if (report.shownGroups().contains(group)) {
                placed.put(i, group);
            }
        }
        for (int s = 0; s < STATEMENTS.size(); s++) {
            StatementResult result = report.statement(STATEMENTS.get(s)).orElseThrow();
            List<Set<Integer>> covered = new ArrayList<>();
            for (Map.Entry<ReportGroup, Figure> figure : result.figures().entrySet()) {
                Set<Integer> members = new HashSet<>();
                for (Map.Entry<Integer, ReportGroup> rater : placed.entrySet()) {
                    boolean rated = answering.get(rater.getKey()).ratings().get(s) > 0;
                    boolean inside = figure.getKey() == ReportGroup.ALL_RATERS || rater.getValue() == figure.getKey();
                    if (rated && inside) {
                        members.add(rater.getKey());
                    }
                }
                assertThat(figure.getValue().raters()).as("figure %s of %s", figure.getKey(), STATEMENTS.get(s))
                        .isEqualTo(members.size());
                covered.add(members);
            }
            for (Set<Integer> isolated : combinations(covered)) {
                long exposed = isolated.stream()
                        .filter(i -> !(consent && answering.get(i).group() == RaterGroup.SUPERVISOR)).count();
                assertThat(exposed).as("raters isolated on %s: %s", STATEMENTS.get(s), isolated)
                        .satisfiesAnyOf(n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo((long) k));
            }
        }
        Set<String> fromShownGroups = new HashSet<>();
        placed.keySet().forEach(i -> fromShownGroups.add("strength of rater " + i));
        assertThat(report.comments().strengths()).allSatisfy(comment -> assertThat(fromShownGroups).contains(comment));
    }

    @Property(tries = 100)
    void large_enough_groups_are_all_shown_apart(@ForAll @IntRange(min = 3, max = 6) int peers,
                                                 @ForAll @IntRange(min = 3, max = 6) int reports) {
        List<Map.Entry<RaterGroup, Answers>> answers = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            answers.add(Map.entry(RaterGroup.PEERS, FeedbackFixtures.all(1 + i % 5)));
        }
        for (int i = 0; i < reports; i++) {
            answers.add(Map.entry(RaterGroup.DIRECT_REPORTS, FeedbackFixtures.all(1 + i % 5)));
        }
        Feedback360Report report = FeedbackFixtures.withAnswers(FeedbackFixtures.open(false), answers)
                .close(fi.kasvu.feedback.Requester.person(SUBJECT), START.plusSeconds(86_400)).orElseThrow()
                .report(AnonymityThreshold.standard()).orElseThrow();

        assertThat(report.statement("listens").orElseThrow().figures())
                .containsOnlyKeys(ReportGroup.ALL_RATERS, ReportGroup.PEERS, ReportGroup.DIRECT_REPORTS);
    }

    /** Where the test expects a rater's answers to be reported, from what the report says was shown apart. */
    private static ReportGroup placement(RaterGroup group, boolean consent, Feedback360Report report) {
        return switch (group) {
            case SUPERVISOR -> consent ? ReportGroup.SUPERVISOR : ReportGroup.OTHERS;
            case PEERS -> report.shownGroups().contains(ReportGroup.PEERS) ? ReportGroup.PEERS : ReportGroup.OTHERS;
            case DIRECT_REPORTS -> report.shownGroups().contains(ReportGroup.DIRECT_REPORTS)
                    ? ReportGroup.DIRECT_REPORTS : ReportGroup.OTHERS;
            case OTHERS -> ReportGroup.OTHERS;
            case SELF -> throw new IllegalArgumentException("self is not a rater");
        };
    }

    /** Every set of raters a sum of the figures with coefficients -1, 0 or 1 isolates (each rater counted 0 or 1 times). */
    private static List<Set<Integer>> combinations(List<Set<Integer>> figures) {
        List<Set<Integer>> isolated = new ArrayList<>();
        int n = figures.size();
        int total = (int) Math.pow(3, n);
        for (int code = 1; code < total; code++) {
            Map<Integer, Integer> weight = new HashMap<>();
            int rest = code;
            for (int f = 0; f < n; f++) {
                int coefficient = rest % 3 - 1;
                rest /= 3;
                for (int rater : figures.get(f)) {
                    weight.merge(rater, coefficient, Integer::sum);
                }
            }
            if (weight.values().stream().allMatch(w -> w == 0 || w == 1)) {
                Set<Integer> set = new HashSet<>();
                weight.forEach((rater, w) -> {
                    if (w == 1) {
                        set.add(rater);
                    }
                });
                isolated.add(set);
            }
        }
        return isolated;
    }
}
