package fi.kasvu.feedback;

import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * An invitation to rate the subject: for whom, in which group, until when, and whether it has
 * been used. Using it records no time and no link to the response, only that it is used.
 *
 * @param id        unique within the assessment
 * @param group     the group the rater's answers are filed under (never {@link RaterGroup#SELF})
 * @param invitee   a roster person or a link
 * @param expiresAt after this the invitation takes no answer
 * @param status    pending, answered or withdrawn
 */
public record Invitation(String id, RaterGroup group, Invitee invitee, Instant expiresAt, Status status) {

    /** Where an invitation stands. */
    public enum Status {
        /** Waiting for an answer. */
        PENDING,
        /** Answered once; takes no more answers. */
        ANSWERED,
        /** Withdrawn by the subject or teacher before it was answered. */
        WITHDRAWN
    }

    /** @throws IllegalArgumentException if the group is SELF; NullPointerException if a part is missing */
    public Invitation {
        Require.id("invitation id", id);
        Require.nonNull("group", group);
        if (group == RaterGroup.SELF) {
            throw new IllegalArgumentException("an invitation cannot be for group SELF: the subject answers directly");
        }
        Require.nonNull("invitee", invitee);
        Require.nonNull("expiresAt", expiresAt);
        Require.nonNull("status", status);
    }

    /** Whether the invitation can still be answered at the instant. */
    public boolean open(Instant at) {
        return status == Status.PENDING && at.isBefore(expiresAt);
    }

    Invitation with(Status newStatus) {
        return new Invitation(id, group, invitee, expiresAt, newStatus);
    }
}
