package fi.kasvu.feedback;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subject's 360 report, computed once when the assessment closed: per theme and statement,
 * self against the others and every group that may be shown apart; the largest gaps; the
 * comments of shown groups without attribution. Every figure obeys the anonymity rules of
 * {@link Feedback360Results}; a page draws it as it is (an SVG chart per theme) and needs no
 * further checks.
 *
 * @param assessmentId     the assessment
 * @param subject          whose report it is
 * @param closedAt         when the assessment closed
 * @param set              the statements asked
 * @param minimum          the anonymity threshold applied
 * @param responses        answers per shown group (the subject's own not counted)
 * @param mergedIntoOthers rater groups too small to be shown apart, whose answers are in OTHERS
 * @param answersLeftOut   answers not used at all, because even merged they were too few
 * @param themes           the themes, in the set's order
 * @param comments         what the raters of shown groups wrote, pooled and sorted
 * @param ownComments      what the subject wrote about themselves
 */
public record Feedback360Report(String assessmentId, PersonId subject, Instant closedAt, CompetenceSet set, int minimum,
                                Map<ReportGroup, Integer> responses, Set<RaterGroup> mergedIntoOthers,
                                int answersLeftOut, List<ThemeResult> themes, Comments comments, Comments ownComments) {

    /** Copies the parts. */
    public Feedback360Report {
        Require.id("assessmentId", assessmentId);
        Require.nonNull("subject", subject);
        Require.nonNull("closedAt", closedAt);
        Require.nonNull("set", set);
        Require.atLeast("minimum", minimum, 3);
        responses = responses.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(responses));
        mergedIntoOthers = mergedIntoOthers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mergedIntoOthers));
        themes = Require.list("themes", themes);
        Require.nonNull("comments", comments);
        Require.nonNull("ownComments", ownComments);
    }

    /**
     * Open answers, sorted so that their order says nothing about who wrote them or when.
     *
     * @param strengths        what the subject does well
     * @param developmentAreas what the subject could develop
     */
    public record Comments(List<String> strengths, List<String> developmentAreas) {
        /** Copies the lists. */
        public Comments {
            strengths = Require.list("strengths", strengths);
            developmentAreas = Require.list("developmentAreas", developmentAreas);
        }
    }

    /**
     * The difference between the subject's own rating and the others' mean on one statement.
     *
     * @param statementId the statement
     * @param themeId     its theme
     * @param self        the subject's own rating
     * @param others      the others' mean
     */
    public record Gap(String statementId, String themeId, int self, double others) {
        /** Self minus others: positive when the subject rates themselves higher than others do. */
        public double difference() {
            return self - others;
        }
    }

    /** The groups shown apart or together, in report order. */
    public Set<ReportGroup> shownGroups() {
        return responses.keySet();
    }

    /** The result of a theme. */
    public Optional<ThemeResult> theme(String themeId) {
        return themes.stream().filter(t -> t.themeId().equals(themeId)).findFirst();
    }

    /** The result of a statement. */
    public Optional<StatementResult> statement(String statementId) {
        return themes.stream().flatMap(t -> t.statements().stream())
                .filter(s -> s.statementId().equals(statementId)).findFirst();
    }

    /** The statements where self and others differ most, largest difference first (either direction). */
    public List<Gap> largestGaps(int count) {
        Require.atLeast("count", count, 0);
        return themes.stream().flatMap(theme -> theme.statements().stream()
                        .filter(s -> s.gap().isPresent())
                        .map(s -> new Gap(s.statementId(), theme.themeId(), s.self(), s.others().orElseThrow().mean())))
                .sorted(Comparator.comparingDouble((Gap gap) -> -Math.abs(gap.difference()))
                        .thenComparing(Gap::statementId))
                .limit(count).toList();
    }

    /**
     * Statements worth developing, as a starting point for a development plan: the others' lowest
     * means first, and among equal means the ones the subject rates themselves highest above them.
     */
    public List<String> developmentCandidates(int count) {
        Require.atLeast("count", count, 0);
        return themes.stream().flatMap(theme -> theme.statements().stream())
                .filter(s -> s.others().isPresent())
                .sorted(Comparator.comparingDouble((StatementResult s) -> s.others().orElseThrow().mean())
                        .thenComparingDouble(s -> -s.gap().orElse(0))
                        .thenComparing(StatementResult::statementId))
                .limit(count).map(StatementResult::statementId).toList();
    }
}
