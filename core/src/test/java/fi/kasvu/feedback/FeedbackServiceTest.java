package fi.kasvu.feedback;

import static fi.kasvu.feedback.FeedbackFixtures.EXPIRES;
import static fi.kasvu.feedback.FeedbackFixtures.START;
import static fi.kasvu.feedback.FeedbackFixtures.SUBJECT;
import static fi.kasvu.feedback.FeedbackFixtures.TEACHER;
import static fi.kasvu.feedback.FeedbackFixtures.all;
import static fi.kasvu.feedback.FeedbackFixtures.rater;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.survey.AnonymityThreshold;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FeedbackServiceTest {

    private static final TenantId TENANT = TenantId.of("agency-1");

    private final Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private final List<FeedbackEvent> heard = new ArrayList<>();
    private final AtomicInteger tokenCount = new AtomicInteger();
    private final LinkTokens tokens = () -> "token-number-" + "x".repeat(12) + tokenCount.incrementAndGet();

    private FeedbackService service(FeedbackAssessments store) {
        return FeedbackService.of(store, heard::add, clock, IdGenerator.sequence("f"), tokens,
                AnonymityThreshold.standard());
    }

    @Test
    void aWholeAssessment_fromOpeningToReport_publishesEventsWithoutAnswersOrRaters() {
        FeedbackAssessments store = FeedbackAssessments.inMemory(clock);
        FeedbackService service = service(store);
        String id = service.open(TENANT, SUBJECT, "course-1", FeedbackFixtures.smallSet(), false).value().id();
        for (String name : List.of("a", "b", "c")) {
            service.invite(TENANT, id, Requester.person(SUBJECT), rater(name), RaterGroup.PEERS, EXPIRES).orElseThrow();
            service.answerAsInvited(TENANT, id, rater(name), new Answers(java.util.Map.of("listens", 4), "Kuuntelee",
                    "")).orElseThrow();
        }
        IssuedLink link = service.issueLink(TENANT, id, Requester.person(SUBJECT), RaterGroup.OTHERS, EXPIRES)
                .orElseThrow();
        service.answerByLink(TENANT, id, link.token(), all(3)).orElseThrow();
        service.answerAsSelf(TENANT, id, SUBJECT, all(5)).orElseThrow();
        service.close(TENANT, id, Requester.teacher(TEACHER)).orElseThrow();

        Feedback360Report report = service.report(TENANT, id, Requester.person(SUBJECT)).orElseThrow().orElseThrow();

        assertThat(report.responses()).containsEntry(ReportGroup.PEERS, 3).containsEntry(ReportGroup.ALL_RATERS, 3);
        assertThat(report.answersLeftOut()).isEqualTo(1);
        assertThat(heard).extracting(e -> e.getClass().getSimpleName()).containsExactly("AssessmentOpened",
                "RaterInvited", "AnswerRecorded", "RaterInvited", "AnswerRecorded", "RaterInvited", "AnswerRecorded",
                "RaterInvited", "AnswerRecorded", "AssessmentClosed");
        assertThat(heard.toString()).doesNotContain("Kuuntelee", link.token());
        assertThat(java.util.Arrays.stream(FeedbackEvent.AnswerRecorded.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)).containsExactly("assessmentId", "subject");
        assertThat(service.progress(TENANT, id, Requester.teacher(TEACHER)).orElseThrow().orElseThrow().totalAnswered())
                .isEqualTo(4);
        assertThat(service.progress(TENANT, id, Requester.person(rater("a"))).orElseThrow().problems())
                .containsExactly(new FeedbackProblem.NotSubject());
        assertThat(service.report(TENANT, id, Requester.teacher(TEACHER)).orElseThrow().problems())
                .containsExactly(new FeedbackProblem.ReportNotShared());
        assertThat(service.dueIn(TENANT, "course-1")).isEmpty();
    }

    @Test
    void oneLinkUsedTwiceAtTheSameMoment_takesExactlyOneAnswer() {
        AtomicReference<Runnable> beforeFirstSave = new AtomicReference<>();
        FeedbackAssessments memory = FeedbackAssessments.inMemory(clock);
        final class Racing extends ForwardingDocumentRepository<FeedbackAssessment> implements FeedbackAssessments {
            Racing(DocumentRepository<FeedbackAssessment> delegate) {
                super(FeedbackAssessments.KIND, delegate);
            }

            @Override
            public SaveResult<FeedbackAssessment> save(TenantId tenant, Versioned<FeedbackAssessment> document) {
                Runnable other = beforeFirstSave.getAndSet(null);
                if (other != null) {
                    other.run();
                }
                return super.save(tenant, document);
            }
        }
        FeedbackService service = service(new Racing(memory));
        String id = service.open(TENANT, SUBJECT, null, FeedbackFixtures.smallSet(), false).value().id();
        String token = service.issueLink(TENANT, id, Requester.person(SUBJECT), RaterGroup.PEERS, EXPIRES)
                .orElseThrow().token();
        List<Result<Versioned<FeedbackAssessment>, FeedbackProblem>> second = new ArrayList<>();
        beforeFirstSave.set(() -> second.add(service.answerByLink(TENANT, id, token, all(2))));

        Result<Versioned<FeedbackAssessment>, FeedbackProblem> first = service.answerByLink(TENANT, id, token, all(5));

        assertThat(second).singleElement().satisfies(r -> assertThat(r.isAccepted()).isTrue());
        assertThat(first.problems()).containsExactly(new FeedbackProblem.InvitationUsed());
        assertThat(memory.find(TENANT, id).orElseThrow().value().responses()).singleElement()
                .satisfies(r -> assertThat(r.ratings()).containsEntry("listens", 2));
    }

    @Test
    void answerByLink_toAnUnknownAssessment_readsAsAnUnknownLink() {
        FeedbackService service = service(FeedbackAssessments.inMemory(clock));

        assertThat(service.answerByLink(TENANT, "no-such", "token-number-xxxxxxxxxxxx1", all(2)).problems())
                .containsExactly(new FeedbackProblem.LinkUnknown());
        assertThatThrownBy(() -> service.close(TENANT, "no-such", Requester.teacher(TEACHER)))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no-such");
    }

    @Test
    void anotherTenant_seesNothing() {
        FeedbackAssessments store = FeedbackAssessments.inMemory(clock);
        FeedbackService service = service(store);
        String id = service.open(TENANT, SUBJECT, null, FeedbackFixtures.smallSet(), false).value().id();

        assertThat(service.report(TenantId.of("agency-2"), id, Requester.person(SUBJECT))).isEmpty();
        assertThat(service.progress(TenantId.of("agency-2"), id, Requester.teacher(TEACHER))).isEmpty();
    }
}
