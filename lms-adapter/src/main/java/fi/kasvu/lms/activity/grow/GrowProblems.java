package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.Language;
import fi.kasvu.grow.GrowProblem;
import fi.kasvu.lms.web.Views;
import java.util.ArrayList;
import java.util.List;

/** Where on the page each GROW rule problem belongs, and its message linking there. */
final class GrowProblems {

    private GrowProblems() {
    }

    /** The problems of a phase as messages linking to their fields. */
    static List<Views.Message> messages(List<GrowProblem> problems, Language language) {
        List<Views.Message> messages = new ArrayList<>();
        for (GrowProblem problem : problems) {
            String field = fieldOf(problem);
            messages.add(new Views.Message(field == null ? "#main" : "#f-" + field.replace('.', '-'),
                    GrowTexts.problem(problem, language)));
        }
        return messages;
    }

    /** The form field a problem belongs to, or null if it belongs to the phase as a whole. */
    static String fieldOf(GrowProblem problem) {
        if (problem instanceof GrowProblem.CoachMissing) {
            return "participants.coach";
        } else if (problem instanceof GrowProblem.EmptyGoal) {
            return "goal.sessionGoal";
        } else if (problem instanceof GrowProblem.NoMeasures) {
            return "goal.measures";
        } else if (problem instanceof GrowProblem.TargetDateBeforeStart) {
            return "goal.targetDate";
        } else if (problem instanceof GrowProblem.RealityNotDescribed) {
            return "reality.tried";
        } else if (problem instanceof GrowProblem.NoEssentialInsight) {
            return "reality.essentialInsight";
        } else if (problem instanceof GrowProblem.TooFewOptions || problem instanceof GrowProblem.NoOptionChosen) {
            return "option.new";
        } else if (problem instanceof GrowProblem.NoActions) {
            return "action.new.what";
        } else if (problem instanceof GrowProblem.ActionWithoutDate p) {
            return "action." + p.actionId() + ".due";
        } else if (problem instanceof GrowProblem.NoCommitment) {
            return "will.commitment";
        } else if (problem instanceof GrowProblem.NoFollowUp) {
            return "will.followUp";
        }
        return null;
    }
}
