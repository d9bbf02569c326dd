package fi.kasvu.feedback;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.internal.DocumentCommands;
import fi.kasvu.common.Versioned;
import fi.kasvu.common.DueItem;
import fi.kasvu.survey.AnonymityThreshold;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Opens, changes and stores 360 assessments through the shared {@link DocumentCommands}: each
 * change gets the clock's instant, a change that met a concurrent save (many raters answer at
 * once) is applied again to the newer document, and {@link FeedbackEvents} hears what happened
 * once it is saved. A missing assessment is a {@link NoSuchElementException}.
 */
public final class FeedbackService {

    private final FeedbackAssessments assessments;
    private final DocumentCommands<FeedbackAssessment, FeedbackProblem, FeedbackEvent> commands;
    private final IdGenerator ids;
    private final LinkTokens tokens;
    private final AnonymityThreshold threshold;

    private FeedbackService(FeedbackAssessments assessments, FeedbackEvents events, Clock clock, IdGenerator ids,
                            LinkTokens tokens, AnonymityThreshold threshold) {
        this.assessments = Require.nonNull("assessments", assessments);
        Require.nonNull("events", events);
        this.commands = DocumentCommands.of(assessments, (before, after, at) -> FeedbackEvent.between(before, after),
                events::on, clock);
        this.ids = Require.nonNull("ids", ids);
        this.tokens = Require.nonNull("tokens", tokens);
        this.threshold = Require.nonNull("threshold", threshold);
    }

    /**
     * A service over the repository. {@code ids} names assessments, invitations and answers (use
     * random ids in production: answers are kept in id order, so a counter would reveal arrival
     * order); {@code tokens} makes the secrets of rater links.
     *
     * @throws NullPointerException if a part is null
     */
    public static FeedbackService of(FeedbackAssessments assessments, FeedbackEvents events, Clock clock,
                                     IdGenerator ids, LinkTokens tokens, AnonymityThreshold threshold) {
        return new FeedbackService(assessments, events, clock, ids, tokens, threshold);
    }

    /**
     * Opens and saves a new assessment of the subject.
     *
     * @param supervisorShownApart the subject's consent, given now, to see the supervisor's answers apart
     * @throws IllegalStateException if the new id is already taken
     */
    public Versioned<FeedbackAssessment> open(TenantId tenant, PersonId subject, String context, CompetenceSet set,
                                              boolean supervisorShownApart) {
        return commands.create(tenant, at -> Result.<FeedbackAssessment, FeedbackProblem>accepted(
                FeedbackAssessment.open(ids.next(), subject, context, set, supervisorShownApart, at))).orElseThrow();
    }

    /** Invites a roster rater into a group until the given time. @throws NoSuchElementException if the assessment is unknown */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> invite(TenantId tenant, String id, Requester by,
                                                                         PersonId rater, RaterGroup group,
                                                                         Instant expiresAt) {
        String invitationId = ids.next();
        return change(tenant, id, (a, at) -> a.invite(by, invitationId, rater, group, expiresAt, at));
    }

    /**
     * Makes a single-use link for a rater outside the LMS; the token in the result is shown once.
     *
     * @throws NoSuchElementException if the assessment is unknown
     */
    public Result<IssuedLink, FeedbackProblem> issueLink(TenantId tenant, String id, Requester by, RaterGroup group,
                                                         Instant expiresAt) {
        String invitationId = ids.next();
        AtomicReference<String> token = new AtomicReference<>();
        return change(tenant, id, (a, at) -> a.issueLink(by, invitationId, group, expiresAt, tokens, at).map(link -> {
            token.set(link.token());
            return link.assessment();
        })).map(saved -> new IssuedLink(saved.value(), invitationId, token.get()));
    }

    /** Withdraws a pending invitation. @throws NoSuchElementException if the assessment is unknown */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> withdraw(TenantId tenant, String id, Requester by,
                                                                           String invitationId) {
        return change(tenant, id, (a, at) -> a.withdraw(by, invitationId, at));
    }

    /** Records a roster rater's answers. @throws NoSuchElementException if the assessment is unknown */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> answerAsInvited(TenantId tenant, String id,
                                                                                  PersonId rater, Answers answers) {
        String responseId = ids.next();
        return change(tenant, id, (a, at) -> a.answerAsInvited(rater, responseId, answers, at));
    }

    /**
     * Records the answers of a link's holder. An unknown assessment is reported like an unknown
     * link, since both come from the same untrusted URL.
     */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> answerByLink(TenantId tenant, String id, String token,
                                                                               Answers answers) {
        if (assessments.find(tenant, id).isEmpty()) {
            return Result.rejected(new FeedbackProblem.LinkUnknown());
        }
        String responseId = ids.next();
        return change(tenant, id, (a, at) -> a.answerByLink(token, responseId, answers, at));
    }

    /** Records or replaces the subject's own answers. @throws NoSuchElementException if the assessment is unknown */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> answerAsSelf(TenantId tenant, String id, PersonId by,
                                                                               Answers answers) {
        return change(tenant, id, (a, at) -> a.answerAsSelf(by, answers, at));
    }

    /** Gives or withdraws consent to see the supervisor apart. @throws NoSuchElementException if unknown */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> supervisorShownApart(TenantId tenant, String id,
                                                                                       PersonId by, boolean shownApart) {
        return change(tenant, id, (a, at) -> a.supervisorShownApart(by, shownApart, at));
    }

    /** Closes the assessment and releases the report. @throws NoSuchElementException if unknown */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> close(TenantId tenant, String id, Requester by) {
        return change(tenant, id, (a, at) -> a.close(by, at));
    }

    /** Shares the report with the teacher, or stops. @throws NoSuchElementException if unknown */
    public Result<Versioned<FeedbackAssessment>, FeedbackProblem> shareReport(TenantId tenant, String id, PersonId by,
                                                                              boolean shared) {
        return change(tenant, id, (a, at) -> a.shareReport(by, shared, at));
    }

    /**
     * Counts per group for the subject or the teacher; empty if the assessment is unknown.
     *
     * @return the counts, or {@link FeedbackProblem.NotSubject} for anyone else
     */
    public Optional<Result<ResponseCounts, FeedbackProblem>> progress(TenantId tenant, String id, Requester viewer) {
        Require.nonNull("viewer", viewer);
        return assessments.find(tenant, id).map(stored -> viewer.teacher() || viewer.person().equals(stored.value().subject())
                ? Result.accepted(stored.value().progress())
                : Result.rejected(new FeedbackProblem.NotSubject()));
    }

    /** The report for the viewer (see {@link FeedbackAssessment#reportFor}); empty if the assessment is unknown. */
    public Optional<Result<Feedback360Report, FeedbackProblem>> report(TenantId tenant, String id, Requester viewer) {
        return assessments.find(tenant, id).map(stored -> stored.value().reportFor(viewer, threshold));
    }

    /** Pending roster invitations of every assessment in a context, for reminders. */
    public List<DueItem> dueIn(TenantId tenant, String context) {
        List<DueItem> due = new ArrayList<>();
        assessments.listByContext(tenant, context).documents().forEach(stored -> due.addAll(stored.value().dueItems()));
        return List.copyOf(due);
    }

    private Result<Versioned<FeedbackAssessment>, FeedbackProblem> change(TenantId tenant, String id,
            BiFunction<FeedbackAssessment, Instant, Result<FeedbackAssessment, FeedbackProblem>> command) {
        return commands.change(tenant, id, command);
    }
}
