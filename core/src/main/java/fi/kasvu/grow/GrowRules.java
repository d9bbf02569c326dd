package fi.kasvu.grow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rule of a GROW conversation, in one place: what each phase needs before it counts as
 * complete. Rules never throw; they return the problems a page shows next to the fields.
 *
 * <ul>
 * <li><b>Goal</b>: a peer or supervisor conversation has a coach; only a peer triad has
 *     observers; the goal for the conversation is written; so is how the coachee will know it
 *     is reached; a target date does not lie before the start.</li>
 * <li><b>Reality</b>: something is written about the situation (an answer or what has been
 *     tried), and the essential insight is marked.</li>
 * <li><b>Options</b>: at least the activity's minimum of options (default 3), and at least one chosen.</li>
 * <li><b>Will</b>: at least one action that is not dropped; every open action has a date;
 *     commitment 1–10 is said; a follow-up is planned.</li>
 * </ul>
 *
 * A conversation is complete when no phase has a problem.
 */
public final class GrowRules {

    private GrowRules() {
    }

    /** Every problem of every phase, in phase order; empty when the conversation can be completed. */
    public static List<GrowProblem> check(GrowConversation conversation) {
        List<GrowProblem> problems = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            problems.addAll(check(conversation, phase));
        }
        return List.copyOf(problems);
    }

    /** The problems that keep one phase from completing. */
    public static List<GrowProblem> check(GrowConversation conversation, Phase phase) {
        List<GrowProblem> problems = new ArrayList<>();
        switch (phase) {
            case GOAL -> goal(conversation, problems);
            case REALITY -> reality(conversation, problems);
            case OPTIONS -> options(conversation, problems);
            case WILL -> will(conversation, problems);
        }
        return List.copyOf(problems);
    }

    /** Whether the phase meets its rules. */
    public static boolean meets(GrowConversation conversation, Phase phase) {
        return check(conversation, phase).isEmpty();
    }

    private static void goal(GrowConversation c, List<GrowProblem> problems) {
        Mode mode = c.mode();
        if ((mode == Mode.PEER || mode == Mode.SUPERVISOR) && c.participants().coach() == null) {
            problems.add(new GrowProblem.CoachMissing(mode));
        }
        if (mode != Mode.PEER && !c.participants().observers().isEmpty()) {
            problems.add(new GrowProblem.ObserversOutsidePeerMode(mode, c.participants().observers().size()));
        }
        Goal goal = c.goal();
        if (goal.sessionGoal().isBlank()) {
            problems.add(new GrowProblem.EmptyGoal());
        }
        if (goal.measures().isBlank()) {
            problems.add(new GrowProblem.NoMeasures());
        }
        LocalDate started = LocalDate.ofInstant(c.created(), ZoneOffset.UTC);
        if (goal.targetDate() != null && goal.targetDate().isBefore(started)) {
            problems.add(new GrowProblem.TargetDateBeforeStart(goal.targetDate(), started));
        }
    }

    private static void reality(GrowConversation c, List<GrowProblem> problems) {
        if (c.answersIn(Phase.REALITY).isEmpty() && c.reality().tried().isBlank()) {
            problems.add(new GrowProblem.RealityNotDescribed());
        }
        if (c.reality().essentialInsight().isBlank()) {
            problems.add(new GrowProblem.NoEssentialInsight());
        }
    }

    private static void options(GrowConversation c, List<GrowProblem> problems) {
        if (c.options().size() < c.minimumOptions()) {
            problems.add(new GrowProblem.TooFewOptions(c.minimumOptions(), c.options().size()));
        }
        if (c.chosenOptions().isEmpty()) {
            problems.add(new GrowProblem.NoOptionChosen());
        }
    }

    private static void will(GrowConversation c, List<GrowProblem> problems) {
        List<Action> actions = c.will().actions();
        if (actions.stream().allMatch(a -> a.status() instanceof ActionStatus.Dropped)) {
            problems.add(new GrowProblem.NoActions());
        }
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            if (action.dueDate() == null && !action.status().ended()) {
                problems.add(new GrowProblem.ActionWithoutDate(i, action.id()));
            }
        }
        if (c.will().commitment() == null) {
            problems.add(new GrowProblem.NoCommitment());
        }
        if (c.will().checkIns().isEmpty()) {
            problems.add(new GrowProblem.NoFollowUp());
        }
    }
}
