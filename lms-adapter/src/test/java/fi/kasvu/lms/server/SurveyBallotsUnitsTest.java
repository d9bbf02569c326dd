package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.TestDatabases;
import fi.kasvu.survey.Answer;
import fi.kasvu.survey.CultureStatements;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyBallots;
import fi.kasvu.survey.SurveyParticipation;
import fi.kasvu.survey.SurveyReporting;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Survey ballots in the tool's units of work (one transaction per request): the request that
 * completes a batch and then fails is rolled back, but the batch, which holds the other learners'
 * ballots acknowledged earlier, stays written; what that request itself saved after the cast is
 * rolled back as before. Without {@code writingApart} the batch went down with the request. On H2
 * and on embedded PostgreSQL.
 */
class SurveyBallotsUnitsTest {

    static final TenantId TENANT = TenantId.of("platform-ballots");
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void onH2() throws Exception {
        aNeighboursRollback_losesNoBallot(TestDatabases.h2(Files.createTempDirectory("kasvu-ballots").resolve("db")));
    }

    @Test
    void onPostgres() throws Exception {
        aNeighboursRollback_losesNoBallot(TestDatabases.freshPostgres());
    }

    void aNeighboursRollback_losesNoBallot(DatabaseConfig config) throws Exception {
        try (KasvuDatabase db = KasvuDatabase.open(config)) {
            KasvuRepositories repositories = KasvuRepositories.of(db, KasvuJson.create(), clock);
            DatabaseUnits units = new DatabaseUnits(db);
            SurveyBallots apart = SurveyBallots.of(repositories.surveys(), repositories.surveyResponses(),
                    repositories.surveyParticipations(), clock).mixing(3, 3, new Random(1)).writingApart(units::apart);
            String fixed = openSurvey(repositories, "survey-apart");

            units.run(() -> cast(apart, fixed, 1));
            units.run(() -> cast(apart, fixed, 2));
            assertThat(responses(repositories, fixed)).as("two ballots wait in memory").isZero();
            // Learner 3's ballot completes the batch; then something else in learner 3's request fails.
            assertThatThrownBy(() -> units.run(() -> {
                cast(apart, fixed, 3);
                repositories.surveyReportings().save(TENANT, Versioned.unsaved(
                        SurveyReporting.of(fixed, "saved after the cast", List.of()))).orElseThrow();
                throw new IllegalStateException("learner 3's request fails after the cast");
            })).hasMessage("learner 3's request fails after the cast");

            assertThat(responses(repositories, fixed)).as("learners 1 and 2 were told their answer is received")
                    .isEqualTo(3);
            assertThat(repositories.surveyParticipations().find(TENANT, SurveyParticipation.idOf(fixed, 1))
                    .orElseThrow().value().people()).containsExactly("learner-1", "learner-2", "learner-3");
            assertThat(apart.waiting(TENANT, fixed, 1)).isZero();
            assertThat(repositories.surveyReportings().find(TENANT, SurveyReporting.idOf(fixed)))
                    .as("what the failing request saved itself is rolled back").isEmpty();

            // As it was: the batch written inside learner 3's request went down with it.
            SurveyBallots inside = SurveyBallots.of(repositories.surveys(), repositories.surveyResponses(),
                    repositories.surveyParticipations(), clock).mixing(3, 3, new Random(1));
            String lost = openSurvey(repositories, "survey-inside");
            units.run(() -> cast(inside, lost, 1));
            units.run(() -> cast(inside, lost, 2));
            assertThatThrownBy(() -> units.run(() -> {
                cast(inside, lost, 3);
                throw new IllegalStateException("fails");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(responses(repositories, lost)).as("the defect this guards against").isZero();
        }
    }

    private String openSurvey(KasvuRepositories repositories, String id) {
        Survey survey = Survey.pulse(id, "course", LocalizedText.of("a", "b", "c"),
                List.of(CultureStatements.coachingApproach().get(0)), Instant.parse("2026-03-01T09:00:00Z"))
                .openRound(clock.instant().atZone(ZoneOffset.UTC).toLocalDate()).orElseThrow();
        repositories.surveys().save(TENANT, Versioned.unsaved(survey)).orElseThrow();
        return id;
    }

    private static void cast(SurveyBallots ballots, String surveyId, int i) {
        assertThat(ballots.cast(TENANT, surveyId, 1, String.format("k%042d", i), "learner-" + i,
                RespondentGroup.of("course"), List.of(new Answer.Scale("ca1", 4))).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.COUNTED);
    }

    private static int responses(KasvuRepositories repositories, String surveyId) {
        return repositories.surveyResponses().ofSurvey(TENANT, surveyId).documents().size();
    }
}
