package fi.kasvu.feedback;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.survey.AnonymityThreshold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A 360-degree assessment of one subject (seed 003): the statements asked, whether the subject
 * agreed beforehand to see their supervisor's answers apart, the invitations, and the answers.
 *
 * <p>The document holds raters' answers, so it is never shown as it is: the subject and teacher
 * see {@link #progress()} (counts, never who) while it collects, and the subject sees
 * {@link #report} once it is closed. Answers carry no rater, no invitation and no time, and are
 * kept in the order of their random ids, so nothing in the document ties an answer to a rater.
 *
 * @param id                   unique within the tenant
 * @param subject              the person assessed, who owns the assessment and its report
 * @param context              where it belongs (an LMS activity, a programme), or null
 * @param set                  the statements asked, copied when the assessment was opened
 * @param supervisorShownApart whether the subject agreed beforehand to see the supervisor's answers apart
 * @param invitations          the invitations, in the order made
 * @param self                 the subject's own answers, or null while not given
 * @param responses            the other raters' answers, in id order
 * @param stage                collecting or closed
 * @param reportShared         whether the subject shares the report with the teacher
 * @param created              when it was opened
 * @param updated              when it last changed
 */
public record FeedbackAssessment(String id, PersonId subject, String context, CompetenceSet set,
                                 boolean supervisorShownApart, List<Invitation> invitations, RaterResponse self,
                                 List<RaterResponse> responses, FeedbackStage stage, boolean reportShared,
                                 Instant created, Instant updated) {

    /**
     * @throws IllegalArgumentException if ids repeat, an answer is filed under the wrong group, or
     *                                  the number of answers does not match the answered invitations
     * @throws NullPointerException     if a required part is missing
     */
    public FeedbackAssessment {
        Require.id("id", id);
        Require.nonNull("subject", subject);
        if (context != null) {
            Require.id("context", context);
        }
        Require.nonNull("set", set);
        invitations = Require.list("invitations", invitations);
        responses = Require.list("responses", responses).stream()
                .sorted(Comparator.comparing(RaterResponse::id)).toList();
        Require.nonNull("stage", stage);
        Require.nonNull("created", created);
        Require.nonNull("updated", updated);
        if (self != null && self.group() != RaterGroup.SELF) {
            throw new IllegalArgumentException("self must be filed under SELF: " + self.group());
        }
        Set<String> ids = new HashSet<>();
        Set<PersonId> invited = new HashSet<>();
        for (Invitation invitation : invitations) {
            if (!ids.add(invitation.id())) {
                throw new IllegalArgumentException("invitations must have distinct ids: " + invitation.id() + " repeats");
            }
            if (invitation.invitee() instanceof Invitee.Roster roster && invitation.status() != Invitation.Status.WITHDRAWN
                    && !invited.add(roster.person())) {
                throw new IllegalArgumentException("a person may hold one live invitation: " + roster.person() + " has two");
            }
        }
        Set<String> responseIds = new HashSet<>();
        for (RaterResponse response : responses) {
            if (response.group() == RaterGroup.SELF) {
                throw new IllegalArgumentException("responses must not be filed under SELF: " + response.id());
            }
            if (!responseIds.add(response.id())) {
                throw new IllegalArgumentException("responses must have distinct ids: " + response.id() + " repeats");
            }
        }
        long answered = invitations.stream().filter(i -> i.status() == Invitation.Status.ANSWERED).count();
        if (answered != responses.size()) {
            throw new IllegalArgumentException("responses must match the answered invitations: " + responses.size()
                    + " responses, " + answered + " answered invitations");
        }
    }

    /**
     * A new assessment, collecting answers.
     *
     * @param supervisorShownApart the subject's consent, given now, to see the supervisor's answers apart
     */
    public static FeedbackAssessment open(String id, PersonId subject, String context, CompetenceSet set,
                                          boolean supervisorShownApart, Instant at) {
        return new FeedbackAssessment(id, subject, context, set, supervisorShownApart, List.of(), null, List.of(),
                new FeedbackStage.Collecting(), false, at, at);
    }

    /** Whether the assessment is closed and its report released. */
    public boolean closed() {
        return stage instanceof FeedbackStage.Closed;
    }

    /** The invitation with the id. */
    public Optional<Invitation> invitation(String invitationId) {
        return invitations.stream().filter(i -> i.id().equals(invitationId)).findFirst();
    }

    /**
     * Invites a person from the roster into a group; the subject or the teacher may.
     *
     * @return the changed assessment, or the problems: not the subject's to change, closed, the
     *         rater is the subject, already invited, group SELF, the expiry already passed, id taken
     */
    public Result<FeedbackAssessment, FeedbackProblem> invite(Requester by, String invitationId, PersonId rater,
                                                              RaterGroup group, Instant expiresAt, Instant at) {
        Require.nonNull("rater", rater);
        List<FeedbackProblem> problems = invitationProblems(by, invitationId, group, expiresAt, at);
        if (rater.equals(subject)) {
            problems.add(new FeedbackProblem.RaterIsSubject());
        }
        liveInvitationOf(rater).ifPresent(existing -> problems.add(new FeedbackProblem.AlreadyInvited(existing.id())));
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        return Result.accepted(withInvitation(
                new Invitation(invitationId, group, new Invitee.Roster(rater), expiresAt, Invitation.Status.PENDING), at));
    }

    /**
     * Makes a single-use link for a rater outside the LMS, for the subject (or teacher) to copy and
     * send. The token comes from the supplier and is returned once; only its hash is kept.
     *
     * @return the link, or the same problems as {@link #invite} (without the roster ones)
     * @throws IllegalArgumentException if the supplier gives a token too short or not URL-safe
     */
    public Result<IssuedLink, FeedbackProblem> issueLink(Requester by, String invitationId, RaterGroup group,
                                                         Instant expiresAt, LinkTokens tokens, Instant at) {
        Require.nonNull("tokens", tokens);
        List<FeedbackProblem> problems = invitationProblems(by, invitationId, group, expiresAt, at);
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        String token = tokens.next();
        String hash = LinkTokens.hash(token);
        if (invitations.stream().anyMatch(i -> i.invitee() instanceof Invitee.Link link && link.tokenHash().equals(hash))) {
            throw new IllegalStateException("the token supplier repeated a token; it must give unguessable, fresh tokens");
        }
        FeedbackAssessment changed = withInvitation(
                new Invitation(invitationId, group, new Invitee.Link(hash), expiresAt, Invitation.Status.PENDING), at);
        return Result.accepted(new IssuedLink(changed, invitationId, token));
    }

    /** Withdraws a pending invitation (a link sent to the wrong person, a rater who left). */
    public Result<FeedbackAssessment, FeedbackProblem> withdraw(Requester by, String invitationId, Instant at) {
        List<FeedbackProblem> problems = subjectOrTeacher(by);
        Invitation invitation = invitation(invitationId).orElse(null);
        if (invitation == null) {
            problems.add(new FeedbackProblem.UnknownInvitation(invitationId));
        } else if (invitation.status() != Invitation.Status.PENDING) {
            problems.add(new FeedbackProblem.NotPending(invitationId));
        }
        return problems.isEmpty() ? Result.accepted(replacing(invitation.with(Invitation.Status.WITHDRAWN), null, at))
                : Result.rejected(problems);
    }

    /**
     * Takes a roster rater's answers, filed under the group they were invited into, and uses up
     * their invitation.
     *
     * @return the changed assessment, or the problems: closed, not invited, invitation expired,
     *         used or withdrawn, an unknown statement, an empty answer
     */
    public Result<FeedbackAssessment, FeedbackProblem> answerAsInvited(PersonId rater, String responseId,
                                                                       Answers answers, Instant at) {
        Require.nonNull("rater", rater);
        Invitation invitation = invitations.stream()
                .filter(i -> i.invitee() instanceof Invitee.Roster roster && roster.person().equals(rater))
                .max(Comparator.comparingInt(i -> i.status() == Invitation.Status.WITHDRAWN ? 0 : 1))
                .orElse(null);
        if (invitation == null) {
            return Result.rejected(closed() ? List.of(new FeedbackProblem.AssessmentClosed())
                    : List.of(new FeedbackProblem.NotInvited()));
        }
        return answer(invitation, responseId, answers, at);
    }

    /**
     * Takes the answers of whoever holds a link, and uses the link up: a second answer through
     * the same link is refused. The token is compared by its hash, in constant time.
     *
     * @return the changed assessment, or the problems of {@link #answerAsInvited}, with an unknown
     *         link in place of "not invited"
     */
    public Result<FeedbackAssessment, FeedbackProblem> answerByLink(String token, String responseId, Answers answers,
                                                                    Instant at) {
        if (!LinkTokens.wellFormed(token)) {
            return Result.rejected(new FeedbackProblem.LinkUnknown());
        }
        String hash = LinkTokens.hash(token);
        Invitation found = null;
        for (Invitation invitation : invitations) {
            if (invitation.invitee() instanceof Invitee.Link link && LinkTokens.sameHash(link.tokenHash(), hash)) {
                found = invitation;
            }
        }
        return found == null ? Result.rejected(new FeedbackProblem.LinkUnknown()) : answer(found, responseId, answers, at);
    }

    /** Takes (or replaces) the subject's own answers while the assessment collects. */
    public Result<FeedbackAssessment, FeedbackProblem> answerAsSelf(PersonId by, Answers answers, Instant at) {
        Require.nonNull("answers", answers);
        List<FeedbackProblem> problems = new ArrayList<>();
        if (!subject.equals(Require.nonNull("by", by))) {
            problems.add(new FeedbackProblem.NotSubject());
        }
        if (closed()) {
            problems.add(new FeedbackProblem.AssessmentClosed());
        }
        problems.addAll(answerProblems(answers));
        return Result.acceptedUnless(problems, new FeedbackAssessment(id, subject, context, set, supervisorShownApart,
                invitations, answers.filedAs("self", RaterGroup.SELF), responses, stage, reportShared, created, at));
    }

    /**
     * Gives or withdraws the subject's consent to see the supervisor's answers apart. Consent can
     * be given only before anyone but the subject has answered, because raters answer on the
     * premise they were given; it can be withdrawn until the assessment closes.
     */
    public Result<FeedbackAssessment, FeedbackProblem> supervisorShownApart(PersonId by, boolean shownApart,
                                                                           Instant at) {
        List<FeedbackProblem> problems = new ArrayList<>();
        if (!subject.equals(Require.nonNull("by", by))) {
            problems.add(new FeedbackProblem.NotSubject());
        }
        if (closed()) {
            problems.add(new FeedbackProblem.AssessmentClosed());
        } else if (shownApart && !supervisorShownApart && !responses.isEmpty()) {
            problems.add(new FeedbackProblem.ConsentAfterAnswers());
        }
        return Result.acceptedUnless(problems, new FeedbackAssessment(id, subject, context, set, shownApart,
                invitations, self, responses, stage, reportShared, created, at));
    }

    /** Closes the assessment: no more answers, and the report is released to the subject. */
    public Result<FeedbackAssessment, FeedbackProblem> close(Requester by, Instant at) {
        List<FeedbackProblem> problems = subjectOrTeacher(by);
        if (closed()) {
            problems.add(new FeedbackProblem.AssessmentClosed());
        }
        return Result.acceptedUnless(problems, new FeedbackAssessment(id, subject, context, set, supervisorShownApart,
                invitations, self, responses, new FeedbackStage.Closed(at), reportShared, created, at));
    }

    /** Shares the report with the course's teacher, or stops sharing it; only the subject may. */
    public Result<FeedbackAssessment, FeedbackProblem> shareReport(PersonId by, boolean shared, Instant at) {
        if (!subject.equals(Require.nonNull("by", by))) {
            return Result.rejected(new FeedbackProblem.NotSubject());
        }
        return Result.accepted(new FeedbackAssessment(id, subject, context, set, supervisorShownApart, invitations,
                self, responses, stage, shared, created, at));
    }

    /** How many were invited and answered per group, and whether the subject answered: never who. */
    public ResponseCounts progress() {
        return ResponseCounts.of(this);
    }

    /**
     * The report, for a closed assessment, under the anonymity threshold.
     *
     * @return the report, or {@link FeedbackProblem.NotClosedYet}
     */
    public Result<Feedback360Report, FeedbackProblem> report(AnonymityThreshold threshold) {
        Require.nonNull("threshold", threshold);
        if (!(stage instanceof FeedbackStage.Closed closedStage)) {
            return Result.rejected(new FeedbackProblem.NotClosedYet());
        }
        return Result.accepted(Feedback360Results.of(this, closedStage.at(), threshold));
    }

    /**
     * The report for a viewer: the subject always (once closed), a teacher only if the subject shares it.
     *
     * @return the report, or why the viewer may not see it
     */
    public Result<Feedback360Report, FeedbackProblem> reportFor(Requester viewer, AnonymityThreshold threshold) {
        Require.nonNull("viewer", viewer);
        if (!viewer.person().equals(subject) && !(viewer.teacher() && reportShared)) {
            return Result.rejected(viewer.teacher() ? new FeedbackProblem.ReportNotShared()
                    : new FeedbackProblem.NotSubject());
        }
        return report(threshold);
    }

    /**
     * A reminder item for every pending roster invitation, due when it expires; links have no
     * known holder, so the subject follows them up.
     */
    public List<DueItem> dueItems() {
        if (closed()) {
            return List.of();
        }
        return invitations.stream()
                .filter(i -> i.status() == Invitation.Status.PENDING && i.invitee() instanceof Invitee.Roster)
                .map(i -> new DueItem(((Invitee.Roster) i.invitee()).person(), "feedback.invitation.pending", id,
                        i.id(), i.expiresAt()))
                .toList();
    }

    private Result<FeedbackAssessment, FeedbackProblem> answer(Invitation invitation, String responseId,
                                                               Answers answers, Instant at) {
        Require.nonNull("answers", answers);
        Require.nonNull("at", at);
        List<FeedbackProblem> problems = new ArrayList<>();
        if (closed()) {
            problems.add(new FeedbackProblem.AssessmentClosed());
        } else if (invitation.status() == Invitation.Status.ANSWERED) {
            problems.add(new FeedbackProblem.InvitationUsed());
        } else if (invitation.status() == Invitation.Status.WITHDRAWN) {
            problems.add(new FeedbackProblem.InvitationWithdrawn());
        } else if (!at.isBefore(invitation.expiresAt())) {
            problems.add(new FeedbackProblem.InvitationExpired(invitation.expiresAt()));
        }
        problems.addAll(answerProblems(answers));
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        Require.id("response id", responseId);
        if (responses.stream().anyMatch(r -> r.id().equals(responseId))) {
            throw new IllegalArgumentException("response id already used: " + responseId);
        }
        return Result.accepted(replacing(invitation.with(Invitation.Status.ANSWERED),
                answers.filedAs(responseId, invitation.group()), at));
    }

    private List<FeedbackProblem> answerProblems(Answers answers) {
        List<FeedbackProblem> problems = new ArrayList<>();
        for (String statementId : answers.ratings().keySet()) {
            if (set.statement(statementId).isEmpty()) {
                problems.add(new FeedbackProblem.UnknownStatement(statementId));
            }
        }
        if (answers.ratings().isEmpty() && answers.strengths().isEmpty() && answers.developmentAreas().isEmpty()) {
            problems.add(new FeedbackProblem.EmptyResponse());
        }
        return problems;
    }

    private List<FeedbackProblem> invitationProblems(Requester by, String invitationId, RaterGroup group,
                                                     Instant expiresAt, Instant at) {
        Require.id("invitation id", invitationId);
        Require.nonNull("group", group);
        Require.nonNull("expiresAt", expiresAt);
        Require.nonNull("at", at);
        List<FeedbackProblem> problems = subjectOrTeacher(by);
        if (closed()) {
            problems.add(new FeedbackProblem.AssessmentClosed());
        }
        if (group == RaterGroup.SELF) {
            problems.add(new FeedbackProblem.SelfGroupInvited());
        }
        if (!expiresAt.isAfter(at)) {
            problems.add(new FeedbackProblem.ExpiryPassed(expiresAt));
        }
        if (invitation(invitationId).isPresent()) {
            problems.add(new FeedbackProblem.InvitationIdTaken(invitationId));
        }
        return problems;
    }

    private List<FeedbackProblem> subjectOrTeacher(Requester by) {
        Require.nonNull("by", by);
        List<FeedbackProblem> problems = new ArrayList<>();
        if (!by.teacher() && !by.person().equals(subject)) {
            problems.add(new FeedbackProblem.NotSubject());
        }
        return problems;
    }

    private Optional<Invitation> liveInvitationOf(PersonId rater) {
        return invitations.stream()
                .filter(i -> i.status() != Invitation.Status.WITHDRAWN)
                .filter(i -> i.invitee() instanceof Invitee.Roster roster && roster.person().equals(rater))
                .findFirst();
    }

    private FeedbackAssessment withInvitation(Invitation invitation, Instant at) {
        List<Invitation> next = new ArrayList<>(invitations);
        next.add(invitation);
        return new FeedbackAssessment(id, subject, context, set, supervisorShownApart, next, self, responses, stage,
                reportShared, created, at);
    }

    private FeedbackAssessment replacing(Invitation changed, RaterResponse newResponse, Instant at) {
        List<Invitation> next = invitations.stream().map(i -> i.id().equals(changed.id()) ? changed : i).toList();
        List<RaterResponse> nextResponses = new ArrayList<>(responses);
        if (newResponse != null) {
            nextResponses.add(newResponse);
        }
        return new FeedbackAssessment(id, subject, context, set, supervisorShownApart, next, self, nextResponses,
                stage, reportShared, created, at);
    }
}
