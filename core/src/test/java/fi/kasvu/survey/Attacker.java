package fi.kasvu.survey;

import java.util.ArrayList;
import java.util.List;

/**
 * Works only from what a round's results show, and subtracts figures the way someone trying to
 * single out a small group would: each shown group minus the shown groups directly beneath it
 * (through any hidden levels). It reports every subtraction that isolates 1..k-1 respondents.
 */
final class Attacker {

    private Attacker() {
    }

    /** Respondent counts isolated by subtraction that are positive and under the threshold. */
    static List<String> smallGroupsRevealed(RoundResults results, ToCount measure) {
        int k = results.threshold().minimum();
        List<String> revealed = new ArrayList<>();
        for (GroupResult.Shown shown : results.shown()) {
            Integer count = measure.count(shown);
            if (count == null) {
                continue;
            }
            if (count < k) {
                revealed.add(shown.group() + " shows " + count);
            }
            int rest = count;
            for (GroupResult.Shown below : nearestShownBelow(results, shown.group(), measure)) {
                rest -= measure.count(below);
            }
            if (rest > 0 && rest < k) {
                revealed.add(shown.group() + " minus the groups shown below it leaves " + rest);
            }
        }
        return revealed;
    }

    /** The figure's count in a shown group, or null if the figure is withheld there. */
    interface ToCount {
        Integer count(GroupResult.Shown shown);
    }

    static ToCount respondents() {
        return GroupResult.Shown::respondents;
    }

    static ToCount answered(String questionId) {
        return shown -> {
            QuestionResult result = shown.question(questionId).orElseThrow();
            if (result instanceof QuestionResult.Scale scale) {
                return scale.answered();
            }
            if (result instanceof QuestionResult.Choices choices) {
                return choices.answered();
            }
            return null;
        };
    }

    private static List<GroupResult.Shown> nearestShownBelow(RoundResults results, GroupRef group, ToCount measure) {
        List<GroupResult.Shown> below = new ArrayList<>();
        for (GroupResult.Shown candidate : results.shown()) {
            if (candidate.group().equals(group) || measure.count(candidate) == null) {
                continue;
            }
            GroupRef parent = candidate.group().parent();
            boolean inside = false;
            boolean blocked = false;
            for (GroupRef at = parent; at != null; at = at.parent()) {
                if (at.equals(group)) {
                    inside = true;
                    break;
                }
                GroupResult atResult = results.group(at);
                if (atResult instanceof GroupResult.Shown shownAt && measure.count(shownAt) != null) {
                    blocked = true;
                }
            }
            if (inside && !blocked) {
                below.add(candidate);
            }
        }
        return below;
    }
}
