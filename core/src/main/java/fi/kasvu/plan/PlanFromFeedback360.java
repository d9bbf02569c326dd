package fi.kasvu.plan;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.feedback.CompetenceStatement;
import fi.kasvu.feedback.Feedback360Report;
import fi.kasvu.feedback.StatementResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a 360 report into the start of a development plan (seed 003: each participant writes a
 * plan from their 360): each statement the subject picks becomes a development goal, its text in
 * the subject's language and, where the report shows them, the subject's own rating and the
 * others' mean noted as the starting point. Only the subject may do it, since the report is
 * theirs; the plan starts private and links back to the assessment.
 */
public final class PlanFromFeedback360 {

    /** How many goals a plan gets when the subject picks none: the report's development candidates. */
    public static final int SUGGESTED_GOALS = 3;

    private PlanFromFeedback360() {
    }

    /**
     * The plan made from the report.
     *
     * @param report       the subject's report (which exists only for a closed assessment)
     * @param by           who asks; must be the report's subject
     * @param planId       the new plan's id
     * @param title        the plan's title
     * @param statementIds the statements to develop, in order; empty for the report's
     *                     {@link Feedback360Report#developmentCandidates suggestions}
     * @param language     the language the goals are written in
     * @param context      where the plan belongs (a programme, a course), or null
     * @param at           when
     * @return the plan, or a refusal if the person is not the subject, a statement is not in the
     *         report, or there is nothing to develop (no statement picked and none suggested)
     */
    public static Result<DevelopmentPlan, PlanProblem> create(Feedback360Report report, PersonId by, String planId,
                                                              String title, List<String> statementIds,
                                                              Language language, String context, Instant at) {
        Require.nonNull("report", report);
        Require.nonNull("language", language);
        if (!report.subject().equals(Require.nonNull("by", by))) {
            return Result.rejected(PlanProblem.notOwner("by", by.value()));
        }
        List<String> picked = new ArrayList<>(new LinkedHashSet<>(Require.list("statementIds", statementIds)));
        if (picked.isEmpty()) {
            picked.addAll(report.developmentCandidates(SUGGESTED_GOALS));
        }
        if (picked.isEmpty()) {
            return Result.rejected(PlanProblem.missing("goals"));
        }
        List<PlanProblem> problems = new ArrayList<>();
        List<DevelopmentGoal> goals = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            String statementId = picked.get(i);
            CompetenceStatement statement = report.set().statement(statementId).orElse(null);
            if (statement == null) {
                problems.add(new PlanProblem("plan.feedback.unknownStatement", "statementIds[" + i + "]",
                        Map.of("statementId", statementId)));
                continue;
            }
            goals.add(new DevelopmentGoal("goal-" + (i + 1), statement.text().in(language),
                    startingPoint(report.statement(statementId).orElse(null), language), null, List.of()));
        }
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        return Result.accepted(new DevelopmentPlan(planId, report.subject(), context, title,
                new PlanSource.FromFeedback360(report.assessmentId(), report.closedAt()), goals, "", List.of(), null,
                at, at));
    }

    /** Where the subject starts from, as the 360 showed it, or "" if it showed nothing. */
    private static String startingPoint(StatementResult result, Language language) {
        if (result == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (result.self() != null) {
            parts.add(switch (language) {
                case FI -> "oma arvio " + result.self();
                case SV -> "egen bedömning " + result.self();
                case EN -> "own rating " + result.self();
            });
        }
        result.others().ifPresent(others -> parts.add(switch (language) {
            case FI -> "muiden keskiarvo " + format(others.mean(), language);
            case SV -> "andras medelvärde " + format(others.mean(), language);
            case EN -> "others' mean " + format(others.mean(), language);
        }));
        if (parts.isEmpty()) {
            return "";
        }
        String prefix = switch (language) {
            case FI -> "360-arvioinnin lähtötaso: ";
            case SV -> "Utgångsläge i 360-bedömningen: ";
            case EN -> "Starting point in the 360: ";
        };
        return prefix + String.join(", ", parts) + " (1–5)";
    }

    private static String format(double value, Language language) {
        return String.format(language.locale(), "%.1f", value);
    }
}
