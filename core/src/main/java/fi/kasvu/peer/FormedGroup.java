package fi.kasvu.peer;

import fi.kasvu.common.Require;
import java.util.List;

/**
 * One group of a formation: its members, its score with each criterion's contribution, an
 * explanation (typed reasons), its planned meetings, and the hard constraints it had to break.
 *
 * @param number      from 1
 * @param members     the members, at least one
 * @param score       its soft score
 * @param explanation why it looks as it does, sentence by sentence ({@code fi.kasvu.i18n.PeerMessages} words it)
 * @param meetings    its planned meetings (with rotating triad roles), possibly none
 * @param violations  the hard constraints it breaks, usually none
 */
public record FormedGroup(int number, List<GroupMember> members, GroupScore score, List<Reason> explanation,
                          List<Meeting.Planned> meetings, List<Violation> violations) {

    /** @throws IllegalArgumentException if the number is below 1 or there are no members */
    public FormedGroup {
        Require.atLeast("number", number, 1);
        members = Require.list("members", members);
        Require.atLeast("members", members.size(), 1);
        Require.nonNull("score", score);
        explanation = Require.list("explanation", explanation);
        meetings = Require.list("meetings", meetings);
        violations = Require.list("violations", violations);
    }

    /** How many members. */
    public int size() {
        return members.size();
    }
}
