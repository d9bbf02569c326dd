package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plan of an experiment: the hypothesis "if we …, then …", what exactly is tried, who takes
 * part, the time box, the signals with their baselines, and the success criteria. A draft may
 * be incomplete; {@link #problems()} says what is still missing before the run can start.
 *
 * @param ifWe         the hypothesis' condition: what we do ("if we …")
 * @param thenExpect   the hypothesis' expectation ("then …")
 * @param whatIsTried  what exactly is tried
 * @param participants who takes part
 * @param start        the first day, or null while undecided
 * @param end          the last day, or null while undecided
 * @param measures     signals with baselines
 * @param criteria     success criteria
 */
public record ExperimentPlan(String ifWe, String thenExpect, String whatIsTried, Set<PersonId> participants,
                             LocalDate start, LocalDate end, List<Measure> measures, List<SuccessCriterion> criteria) {

    /**
     * @throws IllegalArgumentException if a text is too long or ids repeat
     * @throws NullPointerException     naming a missing list item
     */
    public ExperimentPlan {
        ifWe = Require.text("ifWe", ifWe);
        thenExpect = Require.text("thenExpect", thenExpect);
        whatIsTried = Require.text("whatIsTried", whatIsTried);
        participants = Set.copyOf(Require.list("participants", participants == null ? Set.of() : participants));
        measures = Require.list("measures", measures);
        criteria = Require.list("criteria", criteria);
        if (measures.stream().map(Measure::id).distinct().count() != measures.size()) {
            throw new IllegalArgumentException("measures must have distinct ids: " + measures.stream().map(Measure::id).toList());
        }
        if (criteria.stream().map(SuccessCriterion::id).distinct().count() != criteria.size()) {
            throw new IllegalArgumentException("criteria must have distinct ids: "
                    + criteria.stream().map(SuccessCriterion::id).toList());
        }
    }

    /** A plan with nothing decided yet. */
    public static ExperimentPlan empty() {
        return new ExperimentPlan("", "", "", Set.of(), null, null, List.of(), List.of());
    }

    /** The same plan ending on another day. */
    public ExperimentPlan endingOn(LocalDate newEnd) {
        return new ExperimentPlan(ifWe, thenExpect, whatIsTried, participants, start, newEnd, measures, criteria);
    }

    /** The same plan without dates, as the starting point of a follow-up experiment. */
    public ExperimentPlan undated() {
        return new ExperimentPlan(ifWe, thenExpect, whatIsTried, participants, null, null, measures, criteria);
    }

    /** What is missing before the run can start; empty when the plan is complete. */
    public List<ExperimentProblem> problems() {
        List<ExperimentProblem> problems = new ArrayList<>();
        missing(problems, "plan.ifWe", ifWe);
        missing(problems, "plan.thenExpect", thenExpect);
        missing(problems, "plan.whatIsTried", whatIsTried);
        if (participants.isEmpty()) {
            problems.add(new ExperimentProblem.Missing("plan.participants"));
        }
        if (start == null) {
            problems.add(new ExperimentProblem.Missing("plan.start"));
        }
        if (end == null) {
            problems.add(new ExperimentProblem.Missing("plan.end"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new ExperimentProblem.EndBeforeStart("plan.end", start, end));
        }
        if (measures.isEmpty()) {
            problems.add(new ExperimentProblem.Missing("plan.measures"));
        }
        for (int i = 0; i < measures.size(); i++) {
            missing(problems, "plan.measures[" + i + "].baseline", measures.get(i).baseline());
        }
        if (criteria.isEmpty()) {
            problems.add(new ExperimentProblem.Missing("plan.criteria"));
        }
        return List.copyOf(problems);
    }

    private static void missing(List<ExperimentProblem> problems, String field, String value) {
        if (value.isBlank()) {
            problems.add(new ExperimentProblem.Missing(field));
        }
    }
}
