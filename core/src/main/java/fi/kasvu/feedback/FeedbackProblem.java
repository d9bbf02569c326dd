package fi.kasvu.feedback;

import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.Map;

/**
 * Everything a subject, rater or teacher can get wrong with a 360, one record per kind, each with
 * a stable message code ({@code feedback.rater.alreadyInvited}) that {@code fi.kasvu.i18n}
 * turns into fi, sv and en text. No problem ever carries a rater's answers or a link's token.
 */
public sealed interface FeedbackProblem extends Problem {

    /** Only the subject may do this. */
    record NotSubject() implements FeedbackProblem {
        @Override public String code() { return "feedback.rights.notSubject"; }
        @Override public String field() { return "subject"; }
    }

    /** The assessment is closed and takes no more invitations or answers. */
    record AssessmentClosed() implements FeedbackProblem {
        @Override public String code() { return "feedback.assessment.closed"; }
        @Override public String field() { return "stage"; }
    }

    /** The report exists once the assessment is closed, so that it cannot be watched changing answer by answer. */
    record NotClosedYet() implements FeedbackProblem {
        @Override public String code() { return "feedback.report.notClosed"; }
        @Override public String field() { return "stage"; }
    }

    /** The subject has not shared the report with the teacher. */
    record ReportNotShared() implements FeedbackProblem {
        @Override public String code() { return "feedback.report.notShared"; }
        @Override public String field() { return "reportShared"; }
    }

    /** The subject answers as themselves, not as an invited rater. */
    record RaterIsSubject() implements FeedbackProblem {
        @Override public String code() { return "feedback.rater.isSubject"; }
        @Override public String field() { return "rater"; }
    }

    /** The person already has an invitation that is not withdrawn. */
    record AlreadyInvited(String invitationId) implements FeedbackProblem {
        /** @throws IllegalArgumentException if the id is invalid */
        public AlreadyInvited {
            Require.id("invitationId", invitationId);
        }

        @Override public String code() { return "feedback.rater.alreadyInvited"; }
        @Override public String field() { return "rater"; }
        @Override public Map<String, Object> arguments() { return Map.of("invitationId", invitationId); }
    }

    /** Raters are invited into supervisor, peers, direct reports or others; self is the subject's own. */
    record SelfGroupInvited() implements FeedbackProblem {
        @Override public String code() { return "feedback.invitation.selfGroup"; }
        @Override public String field() { return "group"; }
    }

    /** An invitation must expire after it is made. */
    record ExpiryPassed(Instant expiresAt) implements FeedbackProblem {
        /** @throws NullPointerException if the time is missing */
        public ExpiryPassed {
            Require.nonNull("expiresAt", expiresAt);
        }

        @Override public String code() { return "feedback.invitation.expiryPassed"; }
        @Override public String field() { return "expiresAt"; }
        @Override public Map<String, Object> arguments() { return Map.of("expiresAt", expiresAt.toString()); }
    }

    /** The invitation id is already taken. */
    record InvitationIdTaken(String invitationId) implements FeedbackProblem {
        /** @throws IllegalArgumentException if the id is invalid */
        public InvitationIdTaken {
            Require.id("invitationId", invitationId);
        }

        @Override public String code() { return "feedback.invitation.idTaken"; }
        @Override public String field() { return "invitationId"; }
        @Override public Map<String, Object> arguments() { return Map.of("invitationId", invitationId); }
    }

    /** No invitation with this id. */
    record UnknownInvitation(String invitationId) implements FeedbackProblem {
        /** @throws NullPointerException if the id is missing */
        public UnknownInvitation {
            Require.nonNull("invitationId", invitationId);
        }

        @Override public String code() { return "feedback.invitation.unknown"; }
        @Override public String field() { return "invitationId"; }
        @Override public Map<String, Object> arguments() { return Map.of("invitationId", invitationId); }
    }

    /** The person has no invitation to rate this subject. */
    record NotInvited() implements FeedbackProblem {
        @Override public String code() { return "feedback.invitation.none"; }
        @Override public String field() { return "rater"; }
    }

    /** The link is not one this assessment gave out (mistyped, cut short, or from elsewhere). */
    record LinkUnknown() implements FeedbackProblem {
        @Override public String code() { return "feedback.link.unknown"; }
        @Override public String field() { return "token"; }
    }

    /** The invitation or link expired before the answer came. */
    record InvitationExpired(Instant expiresAt) implements FeedbackProblem {
        /** @throws NullPointerException if the time is missing */
        public InvitationExpired {
            Require.nonNull("expiresAt", expiresAt);
        }

        @Override public String code() { return "feedback.invitation.expired"; }
        @Override public String field() { return "expiresAt"; }
        @Override public Map<String, Object> arguments() { return Map.of("expiresAt", expiresAt.toString()); }
    }

    /** The invitation or link has already taken its one answer. */
    record InvitationUsed() implements FeedbackProblem {
        @Override public String code() { return "feedback.invitation.used"; }
        @Override public String field() { return "invitation"; }
    }

    /** The invitation was withdrawn. */
    record InvitationWithdrawn() implements FeedbackProblem {
        @Override public String code() { return "feedback.invitation.withdrawn"; }
        @Override public String field() { return "invitation"; }
    }

    /** Only a pending invitation can be withdrawn (an answered one is part of the results). */
    record NotPending(String invitationId) implements FeedbackProblem {
        /** @throws IllegalArgumentException if the id is invalid */
        public NotPending {
            Require.id("invitationId", invitationId);
        }

        @Override public String code() { return "feedback.invitation.notPending"; }
        @Override public String field() { return "invitationId"; }
        @Override public Map<String, Object> arguments() { return Map.of("invitationId", invitationId); }
    }

    /** An answer names a statement the assessment does not ask about. */
    record UnknownStatement(String statementId) implements FeedbackProblem {
        /** @throws NullPointerException if the id is missing */
        public UnknownStatement {
            Require.nonNull("statementId", statementId);
        }

        @Override public String code() { return "feedback.response.unknownStatement"; }
        @Override public String field() { return "ratings." + statementId; }
        @Override public Map<String, Object> arguments() { return Map.of("statementId", statementId); }
    }

    /** An answer with no rating and no comment says nothing; it would only use up the invitation. */
    record EmptyResponse() implements FeedbackProblem {
        @Override public String code() { return "feedback.response.empty"; }
        @Override public String field() { return "ratings"; }
    }

    /** Consent to show the supervisor apart must come before anyone answers, since raters answer on that premise. */
    record ConsentAfterAnswers() implements FeedbackProblem {
        @Override public String code() { return "feedback.consent.afterAnswers"; }
        @Override public String field() { return "supervisorShownApart"; }
    }

    /** A plan is made from a report that names the statement, and the statement is not in it. */
    record StatementNotInReport(String statementId) implements FeedbackProblem {
        /** @throws NullPointerException if the id is missing */
        public StatementNotInReport {
            Require.nonNull("statementId", statementId);
        }

        @Override public String code() { return "feedback.report.unknownStatement"; }
        @Override public String field() { return "statementIds"; }
        @Override public Map<String, Object> arguments() { return Map.of("statementId", statementId); }
    }
}
