package fi.kasvu.store.jdbc;

import fi.kasvu.json.KasvuJson;
import fi.kasvu.services.ServiceScenarios;

/**
 * Every feature end to end through its core service over {@code kasvu-store-jdbc}'s ports, on H2
 * and on PostgreSQL: the same scenarios core runs over its in-memory ports.
 */
class ServicesEndToEndTest extends DatabaseTestSupport {

    private final ServiceScenarios.MovingClock clock = new ServiceScenarios.MovingClock();

    private KasvuRepositories repositories(Dialect dialect) {
        return KasvuRepositories.of(open(dialect), KasvuJson.create(), clock);
    }

    @EveryDialect
    void experiment_runsFromThePictureToTheLibrary(Dialect dialect) {
        KasvuRepositories repositories = repositories(dialect);
        ServiceScenarios.experimentToTheLibrary(repositories.experiments(), repositories.libraryEntries(), clock);
    }

    @EveryDialect
    void experiment_concurrentChangesAreRetriedAndNoneIsLost(Dialect dialect) throws Exception {
        ServiceScenarios.concurrentChangesAreRetried(repositories(dialect).experiments(), clock);
    }

    @EveryDialect
    void plan_isSharedAndItsDueReviewAnnounced(Dialect dialect) {
        ServiceScenarios.planSharedAndReviewed(repositories(dialect).developmentPlans(), clock);
    }

    @EveryDialect
    void survey_roundIsClosedAndOnlyPublishableFiguresRead(Dialect dialect) {
        KasvuRepositories repositories = repositories(dialect);
        ServiceScenarios.surveyRoundClosedAndRead(repositories.surveys(), repositories.surveyResponses(), clock);
    }

    @EveryDialect
    void peerGroups_triadsAreFormedAndTheirMeetingsHeard(Dialect dialect) {
        ServiceScenarios.triadsMeet(repositories(dialect).peerGroups(), clock);
    }
}
