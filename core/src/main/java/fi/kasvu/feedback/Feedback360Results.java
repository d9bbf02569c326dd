package fi.kasvu.feedback;

import fi.kasvu.common.DisclosureControl;
import fi.kasvu.survey.AnonymityThreshold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Computes a closed 360's report under the anonymity rules:
 * <ol>
 *   <li>the supervisor is shown apart only with the subject's prior consent; otherwise the
 *       supervisor's answers go with "others";</li>
 *   <li>peers and direct reports are shown apart only when at least the threshold (3 or more)
 *       answered; a smaller group is merged into "others";</li>
 *   <li>"others", merged groups included, is left out altogether when still under the threshold:
 *       its answers count in no figure and its comments are not shown;</li>
 *   <li>per statement (raters may say "cannot say"), the shared {@link DisclosureControl} decides
 *       which groups show a figure, so that no figure and no difference between figures (the
 *       others' figure minus the groups shown apart) rests on fewer raters than the threshold,
 *       the consented supervisor aside;</li>
 *   <li>comments come only from groups shown, pooled and sorted, never labelled by group.</li>
 * </ol>
 * The report is computed once, from a closed assessment, so two looks at a growing set of
 * answers can never be subtracted.
 */
final class Feedback360Results {

    private Feedback360Results() {
    }

    static Feedback360Report of(FeedbackAssessment assessment, Instant closedAt, AnonymityThreshold threshold) {
        int k = threshold.minimum();
        boolean consent = assessment.supervisorShownApart();
        Map<RaterGroup, Integer> answered = new EnumMap<>(RaterGroup.class);
        assessment.responses().forEach(r -> answered.merge(r.group(), 1, Integer::sum));

        Map<RaterGroup, ReportGroup> placement = new EnumMap<>(RaterGroup.class);
        Set<RaterGroup> merged = EnumSet.noneOf(RaterGroup.class);
        for (RaterGroup group : answered.keySet()) {
            boolean apart = group == RaterGroup.OTHERS
                    || (group == RaterGroup.SUPERVISOR ? consent : answered.get(group) >= k);
            placement.put(group, apart ? ReportGroup.of(group) : ReportGroup.OTHERS);
            if (!apart) {
                merged.add(group);
            }
        }
        int inOthers = answered.entrySet().stream().filter(e -> placement.get(e.getKey()) == ReportGroup.OTHERS)
                .mapToInt(Map.Entry::getValue).sum();
        int leftOut = 0;
        if (inOthers > 0 && inOthers < k) {
            placement.values().removeIf(group -> group == ReportGroup.OTHERS);
            merged.clear();
            leftOut = inOthers;
        }
        merged.retainAll(placement.keySet());

        List<RaterResponse> used = assessment.responses().stream().filter(r -> placement.containsKey(r.group())).toList();
        Set<ReportGroup> exempt = consent ? Set.of(ReportGroup.SUPERVISOR) : Set.of();
        Map<ReportGroup, Integer> ownAll = new EnumMap<>(ReportGroup.class);
        used.forEach(r -> ownAll.merge(placement.get(r.group()), 1, Integer::sum));
        Set<ReportGroup> shownGroups = DisclosureControl.publishable(ownAll, ReportGroup::parent,
                DisclosureControl.groups(ownAll, ReportGroup::parent), exempt, k);
        Map<ReportGroup, Integer> responses = new EnumMap<>(ReportGroup.class);
        for (ReportGroup group : shownGroups) {
            responses.put(group, group == ReportGroup.ALL_RATERS ? used.size() : ownAll.get(group));
        }

        List<ThemeResult> themes = new ArrayList<>();
        for (CompetenceTheme theme : assessment.set().themes()) {
            List<StatementResult> statements = new ArrayList<>();
            for (CompetenceStatement statement : theme.statements()) {
                statements.add(statement(statement.id(), assessment.self(), used, placement, shownGroups, exempt, k));
            }
            themes.add(themeResult(theme.id(), statements));
        }

        List<RaterResponse> shownAnswers = used.stream()
                .filter(r -> shownGroups.contains(placement.get(r.group()))).toList();
        RaterResponse self = assessment.self();
        return new Feedback360Report(assessment.id(), assessment.subject(), closedAt, assessment.set(), k, responses,
                merged, leftOut, themes, comments(shownAnswers),
                comments(self == null ? List.of() : List.of(self)));
    }

    private static StatementResult statement(String statementId, RaterResponse self, List<RaterResponse> used,
                                             Map<RaterGroup, ReportGroup> placement, Set<ReportGroup> shownGroups,
                                             Set<ReportGroup> exempt, int k) {
        Map<ReportGroup, List<Integer>> ratings = new EnumMap<>(ReportGroup.class);
        for (RaterResponse response : used) {
            Integer rating = response.ratings().get(statementId);
            if (rating != null) {
                ratings.computeIfAbsent(placement.get(response.group()), g -> new ArrayList<>()).add(rating);
                ratings.computeIfAbsent(ReportGroup.ALL_RATERS, g -> new ArrayList<>()).add(rating);
            }
        }
        Map<ReportGroup, Integer> own = new EnumMap<>(ReportGroup.class);
        ratings.forEach((group, values) -> {
            if (group != ReportGroup.ALL_RATERS) {
                own.put(group, values.size());
            }
        });
        Set<ReportGroup> shown = DisclosureControl.publishable(own, ReportGroup::parent, shownGroups, exempt, k);
        Map<ReportGroup, Figure> figures = new EnumMap<>(ReportGroup.class);
        for (ReportGroup group : shown) {
            figures.put(group, Figure.of(ratings.get(group)));
        }
        return new StatementResult(statementId, self == null ? null : self.ratings().get(statementId), figures);
    }

    private static ThemeResult themeResult(String themeId, List<StatementResult> statements) {
        OptionalDouble self = statements.stream().filter(s -> s.self() != null).mapToInt(StatementResult::self).average();
        Map<ReportGroup, Double> means = new EnumMap<>(ReportGroup.class);
        for (ReportGroup group : ReportGroup.values()) {
            statements.stream().map(s -> s.figures().get(group)).filter(f -> f != null)
                    .mapToDouble(Figure::mean).average().ifPresent(mean -> means.put(group, mean));
        }
        return new ThemeResult(themeId, self.isPresent() ? self.getAsDouble() : null, means, statements);
    }

    private static Feedback360Report.Comments comments(List<RaterResponse> responses) {
        return new Feedback360Report.Comments(
                responses.stream().map(RaterResponse::strengths).filter(t -> !t.isEmpty()).sorted().toList(),
                responses.stream().map(RaterResponse::developmentAreas).filter(t -> !t.isEmpty()).sorted().toList());
    }
}
