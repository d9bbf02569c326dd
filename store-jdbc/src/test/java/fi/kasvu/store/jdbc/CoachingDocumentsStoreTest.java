package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackEvents;
import fi.kasvu.feedback.FeedbackFixtures;
import fi.kasvu.feedback.FeedbackProblem;
import fi.kasvu.feedback.FeedbackService;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeFixtures;
import fi.kasvu.programme.ProgrammeScenarios;
import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.survey.AnonymityThreshold;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** 360 assessments, programmes and reflections on H2 and PostgreSQL, and one rater link raced by two server instances. */
class CoachingDocumentsStoreTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("moodle.example/deployment-1");
    private static final Clock CLOCK = Clock.fixed(FeedbackFixtures.START, ZoneOffset.UTC);

    @EveryDialect
    void everyCoachingDocument_roundTripsAndIsListed(Dialect dialect) {
        KasvuRepositories repositories = KasvuRepositories.of(open(dialect), KasvuJson.create(), CLOCK);
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(FeedbackFixtures.open(true), List.of(
                FeedbackFixtures.answer(RaterGroup.PEERS, FeedbackFixtures.all(4))));
        Programme programme = ProgrammeFixtures.supervisorCoaching();
        ReflectionAssignment reflection = ReflectionAssignment.start("r-1", programme, "reflection-1",
                ProgrammeFixtures.LEARNER, ProgrammeFixtures.COACH, ProgrammeFixtures.CREATED).orElseThrow()
                .write(ProgrammeFixtures.LEARNER, "Yksityinen pohdinta", ProgrammeFixtures.CREATED).orElseThrow();

        repositories.feedbackAssessments().save(TENANT, Versioned.unsaved(assessment)).orElseThrow();
        repositories.programmes().save(TENANT, Versioned.unsaved(programme)).orElseThrow();
        repositories.reflectionAssignments().save(TENANT, Versioned.unsaved(reflection)).orElseThrow();

        assertThat(repositories.feedbackAssessments().find(TENANT, assessment.id()).orElseThrow().value()).isEqualTo(assessment);
        assertThat(repositories.programmes().find(TENANT, programme.id()).orElseThrow().value()).isEqualTo(programme);
        assertThat(repositories.reflectionAssignments().listByContext(TENANT, programme.id()).documents())
                .extracting(Versioned::value).containsExactly(reflection);
        assertThat(repositories.feedbackAssessments().listByOwner(TENANT, FeedbackFixtures.SUBJECT).documents()).hasSize(1);
        assertThat(repositories.programmes().listByContext(TENANT, "course-1").documents()).hasSize(1);
        assertThat(repositories.feedbackAssessments().find(TenantId.of("other"), assessment.id())).isEmpty();
    }

    @EveryDialect
    void programme_runsThroughItsWholeCourse_onTheStoresPorts(Dialect dialect) {
        ProgrammeScenarios.MovingClock clock = new ProgrammeScenarios.MovingClock();
        KasvuRepositories repositories = KasvuRepositories.of(open(dialect), KasvuJson.create(), clock);

        ProgrammeScenarios.throughTheWholeProgramme(repositories.programmes(), repositories.reflectionAssignments(), clock);
        ProgrammeScenarios.aRefusedChangeSavesNothing(repositories.programmes(), repositories.reflectionAssignments(),
                clock);
    }

    @EveryDialect
    void personalData_keepsRatersAnonymousAndReflectionsPrivate(Dialect dialect) {
        KasvuRepositories repositories = KasvuRepositories.of(open(dialect), KasvuJson.create(), CLOCK);
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(FeedbackFixtures.open(false), List.of(
                FeedbackFixtures.answer(RaterGroup.PEERS, new fi.kasvu.feedback.Answers(java.util.Map.of("listens", 2),
                        "Kuuntelee hyvin", ""))));
        Programme programme = ProgrammeFixtures.supervisorCoaching();
        ReflectionAssignment reflection = ReflectionAssignment.start("r-1", programme, "reflection-1",
                ProgrammeFixtures.LEARNER, ProgrammeFixtures.COACH, ProgrammeFixtures.CREATED).orElseThrow()
                .write(ProgrammeFixtures.LEARNER, "Yksityinen pohdinta", ProgrammeFixtures.CREATED).orElseThrow();
        repositories.feedbackAssessments().save(TENANT, Versioned.unsaved(assessment)).orElseThrow();
        repositories.programmes().save(TENANT, Versioned.unsaved(programme)).orElseThrow();
        repositories.reflectionAssignments().save(TENANT, Versioned.unsaved(reflection)).orElseThrow();

        String subjectExport = repositories.personalData().export(TENANT, FeedbackFixtures.SUBJECT);
        String raterExport = repositories.personalData().export(TENANT, FeedbackFixtures.rater("peers-0"));
        String coachExport = repositories.personalData().export(TENANT, ProgrammeFixtures.COACH);

        assertThat(subjectExport).contains("feedback.assessment").doesNotContain("Kuuntelee hyvin", "rater-peers-0");
        assertThat(raterExport).contains("feedback.assessment").doesNotContain("Kuuntelee hyvin");
        assertThat(coachExport).contains("programme.reflection", "\"kind\":\"programme\"")
                .doesNotContain("Yksityinen pohdinta");

        repositories.personalData().erase(TENANT, FeedbackFixtures.rater("peers-0"));
        FeedbackAssessment kept = repositories.feedbackAssessments().find(TENANT, assessment.id()).orElseThrow().value();
        assertThat(kept.responses()).hasSize(1);
        assertThat(kept.toString()).doesNotContain("rater-peers-0");
        repositories.personalData().erase(TENANT, ProgrammeFixtures.LEARNER);
        assertThat(repositories.reflectionAssignments().find(TENANT, "r-1")).isEmpty();
    }

    @EveryDialect
    void oneRaterLink_racedOnTwoServerInstances_takesExactlyOneAnswer(Dialect dialect) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        SecureRandom random = new SecureRandom();
        List<FeedbackService> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            KasvuRepositories repositories = KasvuRepositories.of(open(config), KasvuJson.create(), CLOCK);
            instances.add(FeedbackService.of(repositories.feedbackAssessments(), FeedbackEvents.none(), CLOCK,
                    IdGenerator.uuids(), () -> Base64.getUrlEncoder().withoutPadding().encodeToString(random.generateSeed(24)),
                    AnonymityThreshold.standard()));
        }
        String id = instances.get(0).open(TENANT, FeedbackFixtures.SUBJECT, null, FeedbackFixtures.smallSet(), false)
                .value().id();
        String token = instances.get(0).issueLink(TENANT, id, Requester.person(FeedbackFixtures.SUBJECT),
                RaterGroup.OTHERS, FeedbackFixtures.EXPIRES).orElseThrow().token();

        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<Result<Versioned<FeedbackAssessment>, FeedbackProblem>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                FeedbackService instance = instances.get(i % 2);
                int rating = 1 + i % 5;
                Callable<Result<Versioned<FeedbackAssessment>, FeedbackProblem>> answer = () -> {
                    start.await();
                    return instance.answerByLink(TENANT, id, token, FeedbackFixtures.all(rating));
                };
                results.add(pool.submit(answer));
            }
            start.countDown();
            List<Result<Versioned<FeedbackAssessment>, FeedbackProblem>> done = new ArrayList<>();
            for (Future<Result<Versioned<FeedbackAssessment>, FeedbackProblem>> result : results) {
                done.add(result.get());
            }
            assertThat(done).filteredOn(Result::isAccepted).hasSize(1);
            assertThat(done).filteredOn(r -> !r.isAccepted())
                    .allSatisfy(r -> assertThat(r.problems()).containsExactly(new FeedbackProblem.InvitationUsed()));
        } finally {
            pool.shutdownNow();
        }
        FeedbackAssessment stored = KasvuRepositories.of(open(config), KasvuJson.create(), CLOCK).feedbackAssessments()
                .find(TENANT, id).orElseThrow().value();
        assertThat(stored.responses()).hasSize(1);
    }
}
