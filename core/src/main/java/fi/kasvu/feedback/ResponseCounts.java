package fi.kasvu.feedback;

import fi.kasvu.common.Require;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the subject and the teacher see while a 360 collects: per group, how many were invited
 * and how many answered. Never who: no person, no invitation, no time.
 *
 * @param invited      live (not withdrawn) invitations per group, every group but SELF present
 * @param answered     answers per group, every group but SELF present
 * @param selfAnswered whether the subject has given their own answers
 * @param closed       whether the assessment is closed
 */
public record ResponseCounts(Map<RaterGroup, Integer> invited, Map<RaterGroup, Integer> answered,
                             boolean selfAnswered, boolean closed) {

    /** Copies the counts. */
    public ResponseCounts {
        invited = Map.copyOf(Require.nonNull("invited", invited));
        answered = Map.copyOf(Require.nonNull("answered", answered));
    }

    static ResponseCounts of(FeedbackAssessment assessment) {
        Map<RaterGroup, Integer> invited = new EnumMap<>(RaterGroup.class);
        Map<RaterGroup, Integer> answered = new EnumMap<>(RaterGroup.class);
        for (RaterGroup group : RaterGroup.values()) {
            if (group != RaterGroup.SELF) {
                invited.put(group, 0);
                answered.put(group, 0);
            }
        }
        for (Invitation invitation : assessment.invitations()) {
            if (invitation.status() != Invitation.Status.WITHDRAWN) {
                invited.merge(invitation.group(), 1, Integer::sum);
            }
        }
        for (RaterResponse response : assessment.responses()) {
            answered.merge(response.group(), 1, Integer::sum);
        }
        return new ResponseCounts(invited, answered, assessment.self() != null, assessment.closed());
    }

    /** Every answer but the subject's own. */
    public int totalAnswered() {
        return answered.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every live invitation. */
    public int totalInvited() {
        return invited.values().stream().mapToInt(Integer::intValue).sum();
    }
}
