package fi.kasvu.feedback;

import static fi.kasvu.feedback.FeedbackFixtures.EXPIRES;
import static fi.kasvu.feedback.FeedbackFixtures.START;
import static fi.kasvu.feedback.FeedbackFixtures.SUBJECT;
import static fi.kasvu.feedback.FeedbackFixtures.TEACHER;
import static fi.kasvu.feedback.FeedbackFixtures.all;
import static fi.kasvu.feedback.FeedbackFixtures.open;
import static fi.kasvu.feedback.FeedbackFixtures.rater;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.survey.AnonymityThreshold;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackAssessmentTest {

    private static final Instant LATER = START.plus(Duration.ofHours(1));
    private static final LinkTokens TOKENS = () -> "tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static FeedbackAssessment invited(PersonId rater, RaterGroup group) {
        return open(false).invite(Requester.person(SUBJECT), "inv-1", rater, group, EXPIRES, START).orElseThrow();
    }

    @Test
    void invite_byTheSubjectOrTeacher_addsAPendingInvitation() {
        FeedbackAssessment bySubject = invited(rater("a"), RaterGroup.PEERS);
        FeedbackAssessment byTeacher = open(false).invite(Requester.teacher(TEACHER), "inv-1", rater("a"),
                RaterGroup.PEERS, EXPIRES, START).orElseThrow();

        assertThat(bySubject.invitations()).singleElement().satisfies(invitation -> {
            assertThat(invitation.status()).isEqualTo(Invitation.Status.PENDING);
            assertThat(invitation.invitee()).isEqualTo(new Invitee.Roster(rater("a")));
        });
        assertThat(byTeacher.invitations()).hasSize(1);
    }

    @Test
    void invite_sameRaterTwice_isRefusedNamingTheFirstInvitation() {
        Result<FeedbackAssessment, FeedbackProblem> again = invited(rater("a"), RaterGroup.PEERS)
                .invite(Requester.person(SUBJECT), "inv-2", rater("a"), RaterGroup.OTHERS, EXPIRES, LATER);

        assertThat(again.problems()).containsExactly(new FeedbackProblem.AlreadyInvited("inv-1"));
    }

    @Test
    void invite_afterWithdrawing_isAllowedAgain() {
        FeedbackAssessment withdrawn = invited(rater("a"), RaterGroup.PEERS)
                .withdraw(Requester.person(SUBJECT), "inv-1", LATER).orElseThrow();

        assertThat(withdrawn.invite(Requester.person(SUBJECT), "inv-2", rater("a"), RaterGroup.PEERS, EXPIRES, LATER)
                .isAccepted()).isTrue();
    }

    @Test
    void invite_badRequests_eachNamed() {
        Result<FeedbackAssessment, FeedbackProblem> byStranger = open(false).invite(Requester.person(rater("x")),
                "inv-1", SUBJECT, RaterGroup.SELF, START.minusSeconds(1), START);

        assertThat(byStranger.problems()).containsExactlyInAnyOrder(new FeedbackProblem.NotSubject(),
                new FeedbackProblem.SelfGroupInvited(), new FeedbackProblem.ExpiryPassed(START.minusSeconds(1)),
                new FeedbackProblem.RaterIsSubject());
    }

    @Test
    void invite_afterClosing_isRefused() {
        FeedbackAssessment closed = open(false).close(Requester.person(SUBJECT), START).orElseThrow();

        assertThat(closed.invite(Requester.person(SUBJECT), "inv-1", rater("a"), RaterGroup.PEERS, EXPIRES, LATER)
                .problems()).containsExactly(new FeedbackProblem.AssessmentClosed());
    }

    @Test
    void answerAsInvited_filesTheAnswerUnderTheInvitedGroup_andUsesTheInvitationUp() {
        FeedbackAssessment answered = invited(rater("a"), RaterGroup.DIRECT_REPORTS)
                .answerAsInvited(rater("a"), "r-1", all(4), LATER).orElseThrow();

        assertThat(answered.responses()).singleElement().satisfies(response -> {
            assertThat(response.group()).isEqualTo(RaterGroup.DIRECT_REPORTS);
            assertThat(response.ratings()).containsEntry("listens", 4);
        });
        assertThat(answered.invitation("inv-1").orElseThrow().status()).isEqualTo(Invitation.Status.ANSWERED);
        assertThat(answered.answerAsInvited(rater("a"), "r-2", all(1), LATER).problems())
                .containsExactly(new FeedbackProblem.InvitationUsed());
    }

    @Test
    void answerAsInvited_notInvited_expired_withdrawn_eachNamed() {
        FeedbackAssessment assessment = invited(rater("a"), RaterGroup.PEERS);

        assertThat(assessment.answerAsInvited(rater("b"), "r-1", all(3), LATER).problems())
                .containsExactly(new FeedbackProblem.NotInvited());
        assertThat(assessment.answerAsInvited(rater("a"), "r-1", all(3), EXPIRES).problems())
                .containsExactly(new FeedbackProblem.InvitationExpired(EXPIRES));
        assertThat(assessment.withdraw(Requester.person(SUBJECT), "inv-1", LATER).orElseThrow()
                .answerAsInvited(rater("a"), "r-1", all(3), LATER).problems())
                .containsExactly(new FeedbackProblem.InvitationWithdrawn());
    }

    @Test
    void answer_unknownStatementOrNothingAtAll_isRefusedAndTheInvitationStaysPending() {
        FeedbackAssessment assessment = invited(rater("a"), RaterGroup.PEERS);

        Result<FeedbackAssessment, FeedbackProblem> unknown = assessment.answerAsInvited(rater("a"), "r-1",
                Answers.of(Map.of("flies", 5)), LATER);
        Result<FeedbackAssessment, FeedbackProblem> empty = assessment.answerAsInvited(rater("a"), "r-1",
                Answers.of(Map.of()), LATER);

        assertThat(unknown.problems()).containsExactly(new FeedbackProblem.UnknownStatement("flies"));
        assertThat(empty.problems()).containsExactly(new FeedbackProblem.EmptyResponse());
        assertThat(assessment.invitation("inv-1").orElseThrow().status()).isEqualTo(Invitation.Status.PENDING);
    }

    @Test
    void answers_outsideOneToFive_areRejectedNamingTheStatement() {
        assertThatThrownBy(() -> Answers.of(Map.of("listens", 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rating of listens must be 1..5: 6");
    }

    @Test
    void issueLink_keepsOnlyTheHash_andTheLinkTakesOneAnswer() {
        IssuedLink link = open(false).issueLink(Requester.person(SUBJECT), "inv-1", RaterGroup.OTHERS, EXPIRES,
                TOKENS, START).orElseThrow();

        assertThat(link.token()).isEqualTo("tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        assertThat(link.toString()).doesNotContain(link.token()).contains("hidden");
        Invitee.Link stored = (Invitee.Link) link.assessment().invitation("inv-1").orElseThrow().invitee();
        assertThat(stored.tokenHash()).isEqualTo(LinkTokens.hash(link.token())).doesNotContain(link.token());

        FeedbackAssessment answered = link.assessment().answerByLink(link.token(), "r-1", all(5), LATER).orElseThrow();
        assertThat(answered.responses()).extracting(RaterResponse::group).containsExactly(RaterGroup.OTHERS);
        assertThat(answered.answerByLink(link.token(), "r-2", all(1), LATER).problems())
                .containsExactly(new FeedbackProblem.InvitationUsed());
    }

    @Test
    void answerByLink_expiredUnknownOrMalformed_isRefused() {
        IssuedLink link = open(false).issueLink(Requester.person(SUBJECT), "inv-1", RaterGroup.PEERS, EXPIRES,
                TOKENS, START).orElseThrow();

        assertThat(link.assessment().answerByLink(link.token(), "r-1", all(3), EXPIRES.plusSeconds(1)).problems())
                .containsExactly(new FeedbackProblem.InvitationExpired(EXPIRES));
        assertThat(link.assessment().answerByLink("tok_ZZZZZZZZZZZZZZZZZZZZZZZZZZ", "r-1", all(3), LATER).problems())
                .containsExactly(new FeedbackProblem.LinkUnknown());
        assertThat(link.assessment().answerByLink("../../etc/passwd\u0000", "r-1", all(3), LATER).problems())
                .containsExactly(new FeedbackProblem.LinkUnknown());
        assertThat(link.assessment().answerByLink("x".repeat(100_000), "r-1", all(3), LATER).problems())
                .containsExactly(new FeedbackProblem.LinkUnknown());
    }

    @Test
    void issueLink_weakToken_isAProgrammingError() {
        assertThatThrownBy(() -> open(false).issueLink(Requester.person(SUBJECT), "inv-1", RaterGroup.PEERS,
                EXPIRES, () -> "short", START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short");
    }

    @Test
    void answerAsSelf_onlyTheSubject_andItCanBeReplacedWhileCollecting() {
        FeedbackAssessment first = open(false).answerAsSelf(SUBJECT, all(2), START).orElseThrow();
        FeedbackAssessment second = first.answerAsSelf(SUBJECT, all(4), LATER).orElseThrow();

        assertThat(second.self().ratings()).containsEntry("listens", 4);
        assertThat(second.responses()).isEmpty();
        assertThat(open(false).answerAsSelf(rater("a"), all(2), START).problems())
                .containsExactly(new FeedbackProblem.NotSubject());
    }

    @Test
    void supervisorConsent_canBeGivenOnlyBeforeAnyoneAnswers_andWithdrawnUntilClosing() {
        FeedbackAssessment answered = invited(rater("a"), RaterGroup.PEERS)
                .answerAsInvited(rater("a"), "r-1", all(3), LATER).orElseThrow();

        assertThat(open(false).supervisorShownApart(SUBJECT, true, START).orElseThrow().supervisorShownApart()).isTrue();
        assertThat(answered.supervisorShownApart(SUBJECT, true, LATER).problems())
                .containsExactly(new FeedbackProblem.ConsentAfterAnswers());
        FeedbackAssessment consented = open(true);
        assertThat(consented.supervisorShownApart(SUBJECT, false, LATER).orElseThrow().supervisorShownApart()).isFalse();
        assertThat(consented.supervisorShownApart(TEACHER, false, LATER).problems())
                .containsExactly(new FeedbackProblem.NotSubject());
    }

    @Test
    void report_existsOnlyOnceClosed_andTheTeacherSeesItOnlyWhenShared() {
        FeedbackAssessment open = open(false);
        FeedbackAssessment closed = open.close(Requester.teacher(TEACHER), LATER).orElseThrow();
        AnonymityThreshold k = AnonymityThreshold.standard();

        assertThat(open.report(k).problems()).containsExactly(new FeedbackProblem.NotClosedYet());
        assertThat(closed.reportFor(Requester.person(SUBJECT), k).isAccepted()).isTrue();
        assertThat(closed.reportFor(Requester.teacher(TEACHER), k).problems())
                .containsExactly(new FeedbackProblem.ReportNotShared());
        assertThat(closed.reportFor(Requester.person(rater("a")), k).problems())
                .containsExactly(new FeedbackProblem.NotSubject());
        FeedbackAssessment shared = closed.shareReport(SUBJECT, true, LATER).orElseThrow();
        assertThat(shared.reportFor(Requester.teacher(TEACHER), k).isAccepted()).isTrue();
        assertThat(closed.shareReport(TEACHER, true, LATER).problems()).containsExactly(new FeedbackProblem.NotSubject());
    }

    @Test
    void progress_countsPerGroup_withoutNamingAnyone() {
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(open(false), java.util.List.of(
                FeedbackFixtures.answer(RaterGroup.PEERS, all(3)), FeedbackFixtures.answer(RaterGroup.PEERS, all(4))))
                .invite(Requester.person(SUBJECT), "inv-x", rater("late"), RaterGroup.DIRECT_REPORTS, EXPIRES, LATER)
                .orElseThrow();

        ResponseCounts counts = assessment.progress();

        assertThat(counts.answered()).containsEntry(RaterGroup.PEERS, 2).containsEntry(RaterGroup.DIRECT_REPORTS, 0);
        assertThat(counts.invited()).containsEntry(RaterGroup.PEERS, 2).containsEntry(RaterGroup.DIRECT_REPORTS, 1);
        assertThat(counts.totalAnswered()).isEqualTo(2);
        assertThat(counts.toString()).doesNotContain("rater-");
    }

    @Test
    void answers_carryNoRaterAndAreKeptInIdOrder() {
        FeedbackAssessment assessment = open(false);
        for (String name : new String[] {"a", "b", "c"}) {
            assessment = assessment.invite(Requester.person(SUBJECT), "inv-" + name, rater(name), RaterGroup.PEERS,
                    EXPIRES, START).orElseThrow();
        }
        assessment = assessment.answerAsInvited(rater("a"), "zz", all(1), LATER).orElseThrow()
                .answerAsInvited(rater("b"), "aa", all(2), LATER).orElseThrow()
                .answerAsInvited(rater("c"), "mm", all(3), LATER).orElseThrow();

        assertThat(assessment.responses()).extracting(RaterResponse::id).containsExactly("aa", "mm", "zz");
        assertThat(assessment.responses().toString()).doesNotContain("rater-", "inv-");
    }

    @Test
    void dueItems_namePendingRosterInvitations_notLinksOrAnswered() {
        FeedbackAssessment assessment = invited(rater("a"), RaterGroup.PEERS)
                .invite(Requester.person(SUBJECT), "inv-2", rater("b"), RaterGroup.PEERS, EXPIRES, START).orElseThrow()
                .answerAsInvited(rater("b"), "r-1", all(3), LATER).orElseThrow()
                .issueLink(Requester.person(SUBJECT), "inv-3", RaterGroup.OTHERS, EXPIRES, TOKENS, START).orElseThrow()
                .assessment();

        assertThat(assessment.dueItems()).singleElement().satisfies(item -> {
            assertThat(item.recipient()).isEqualTo(rater("a"));
            assertThat(item.kind()).isEqualTo("feedback.invitation.pending");
            assertThat(item.due()).isEqualTo(EXPIRES);
        });
    }
}
