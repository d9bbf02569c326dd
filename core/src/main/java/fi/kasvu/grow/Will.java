package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.util.List;

/**
 * The Will phase (the way forward): actions, what stands in the way, the support needed, how
 * committed the coachee is, and the follow-ups.
 *
 * @param actions    the actions, in the order written
 * @param obstacles  what may stand in the way ("" if nothing written)
 * @param support    the support needed, and from whom ("" if nothing written)
 * @param commitment how committed the coachee is, 1..10, or null if not yet said
 * @param checkIns   planned and held follow-ups, in the order planned
 */
public record Will(List<Action> actions, String obstacles, String support, Integer commitment, List<CheckIn> checkIns) {

    /** The lowest and highest commitment. */
    public static final int MIN_COMMITMENT = 1, MAX_COMMITMENT = 10;

    /** Nothing decided yet. */
    public static final Will EMPTY = new Will(List.of(), "", "", null, List.of());

    /**
     * @throws IllegalArgumentException if the commitment lies outside 1..10, a text is too long, or
     *                                  two actions or check-ins share an id
     */
    public Will {
        actions = Require.list("will.actions", actions);
        obstacles = Require.text("will.obstacles", obstacles);
        support = Require.text("will.support", support);
        if (commitment != null) {
            Require.range("commitment", commitment, MIN_COMMITMENT, MAX_COMMITMENT);
        }
        checkIns = Require.list("will.checkIns", checkIns);
        GrowConversation.requireUniqueIds("will.actions", actions.stream().map(Action::id).toList());
        GrowConversation.requireUniqueIds("will.checkIns", checkIns.stream().map(CheckIn::id).toList());
    }

    Will withActions(List<Action> newActions) {
        return new Will(newActions, obstacles, support, commitment, checkIns);
    }

    Will withObstacles(String text) {
        return new Will(actions, text, support, commitment, checkIns);
    }

    Will withSupport(String text) {
        return new Will(actions, obstacles, text, commitment, checkIns);
    }

    Will withCommitment(Integer value) {
        return new Will(actions, obstacles, support, value, checkIns);
    }

    Will withCheckIns(List<CheckIn> newCheckIns) {
        return new Will(actions, obstacles, support, commitment, newCheckIns);
    }
}
