package fi.kasvu.feedback;

import fi.kasvu.common.Require;

/**
 * A new rater link, given once to the subject to copy and send: the invitation and its token.
 * The token is stored nowhere; {@link #toString()} leaves it out, so it never reaches a log.
 *
 * @param assessment   the assessment with the new invitation
 * @param invitationId the invitation
 * @param token        the secret the link carries
 */
public record IssuedLink(FeedbackAssessment assessment, String invitationId, String token) {

    /** @throws NullPointerException if a part is missing */
    public IssuedLink {
        Require.nonNull("assessment", assessment);
        Require.id("invitationId", invitationId);
        Require.nonNull("token", token);
    }

    @Override
    public String toString() {
        return "IssuedLink[assessment=" + assessment.id() + ", invitationId=" + invitationId + ", token=(hidden)]";
    }
}
