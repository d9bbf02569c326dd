package fi.kasvu.lms.web;

import static fi.kasvu.lms.web.PagesHttpTest.base;
import static fi.kasvu.lms.web.PagesHttpTest.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.lms.lti.LtiIds;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.server.KasvuServer;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.ScoreStates;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A completion saved by a request that died before its score was queued (the server stopped
 * between the two) still reaches the gradebook: after the restart the background sweeper finds the
 * completed, unscored document and the worker delivers its score. Real H2 file, stopped and reopened,
 * and the same on embedded PostgreSQL (the server stopped, the database kept, a new server started).
 */
class ScoreSweeperRestartTest {

    @Test
    void aCompletionSavedWithoutItsScore_isScoredAfterTheRestart_onH2() throws Exception {
        PagesFixture fixture = PagesFixture.start();
        restartsAndScores(fixture, TestDatabases.h2(fixture.dir().resolve("db")));
    }

    @Test
    void aCompletionSavedWithoutItsScore_isScoredAfterTheRestart_onPostgres() throws Exception {
        fi.kasvu.store.jdbc.DatabaseConfig config = TestDatabases.freshPostgres();
        restartsAndScores(PagesFixture.start(config, s -> s), config);
    }

    private static void restartsAndScores(PagesFixture fixture, fi.kasvu.store.jdbc.DatabaseConfig config)
            throws Exception {
        PlatformSimulator platform = fixture.platform;
        KasvuServer restarted = null;
        KasvuDatabase reopened = null;
        try {
            // The request's save lands, then the server dies before the score is queued: the save
            // is done here on the stored conversation, and nothing queues its score.
            TenantId tenant = completeWithoutItsScore(fixture, "sweep-1");
            assertThat(ScoreStates.of(fixture.database).find(tenant, platform.lineItem().toString(), "sweep-1"))
                    .as("no score was queued before the crash").isEmpty();
            fixture.server.close();
            fixture.database.close();

            reopened = KasvuDatabase.open(config);
            restarted = KasvuServer.start(reopened, KasvuServer.Settings.defaults().withPort(0)
                    .withDeliveryInterval(Duration.ofSeconds(1)), fixture.clock);
            platform.trustToolKeys(restarted.tool().jwksUrl());

            // Nothing but the restarted server's own background worker: it sweeps at start and delivers.
            for (int i = 0; i < 200 && platform.scores.stream().noneMatch(s -> s.getString("userId").equals("sweep-1"));
                 i++) {
                Thread.sleep(50);
            }
            assertThat(platform.scores).anySatisfy(s -> {
                assertThat(s.getString("userId")).isEqualTo("sweep-1");
                assertThat(s.getString("activityProgress")).isEqualTo("Completed");
            });
            ScoreStates states = ScoreStates.of(reopened);
            for (int i = 0; i < 100 && states.find(tenant, platform.lineItem().toString(), "sweep-1").orElseThrow()
                    .state() != ScoreStates.State.DELIVERED; i++) {
                Thread.sleep(50);
            }
            assertThat(states.find(tenant, platform.lineItem().toString(), "sweep-1").orElseThrow().state())
                    .isEqualTo(ScoreStates.State.DELIVERED);
            assertThat(restarted.sweepCompletions()).as("a second sweep queues nothing again").isZero();
        } finally {
            if (restarted != null) {
                restarted.close();
            }
            if (reopened != null) {
                reopened.close();
            }
            platform.close();
        }
    }

    /**
     * After its first sweep a server reads only the sessions used since shortly before the last
     * sweep began (a page at a time), not every stored one; a completion saved without its score by
     * a session used after that sweep is still found by the next one.
     */
    @Test
    void aCompletionSavedWithoutItsScore_whileTheServerRuns_isFoundByTheNextSweep() throws Exception {
        PagesFixture fixture = PagesFixture.start();
        try {
            PlatformSimulator platform = fixture.platform;
            fixture.server.sweepCompletions(); // the first, full sweep; later ones read recent sessions only
            TenantId tenant = completeWithoutItsScore(fixture, "sweep-2");
            ScoreStates states = ScoreStates.of(fixture.database);
            assertThat(states.find(tenant, platform.lineItem().toString(), "sweep-2")).as("nothing queued it").isEmpty();

            // This sweep, or the background worker's next one, both after the first: either queues it.
            fixture.server.sweepCompletions();
            assertThat(states.find(tenant, platform.lineItem().toString(), "sweep-2"))
                    .as("a sweep after the first found the session used since").isPresent();
            assertThat(fixture.server.sweepCompletions()).as("and queues it only once").isZero();
        } finally {
            fixture.close();
        }
    }
    /**
     * Walks a learner through a GROW exercise to its summary over HTTP, then completes her stored
     * conversation directly, as a request that died before queueing its score would leave it.
     *
     * @return the tenant of the fixture's platform
     */
    private static TenantId completeWithoutItsScore(PagesFixture fixture, String subject) throws Exception {
        PlatformSimulator platform = fixture.platform;
        fixture.as(PagesFixture.LEARNER, "en-GB", "rl-" + subject, "Cora Crash");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login(subject, false)));
        String base = base(goal);
        String token = csrf(goal.body());
        browser.post(base + "/grow/goal", Map.of("csrf", token, "do", "next", "goal.sessionGoal", "Plan my week",
                "goal.measures", "Fridays are calm"));
        GrowWalk.realityToSummary(browser, base, token, GrowWalk.Words.ENGLISH);

        GrowConversations conversations = fixture.server.repositories().growConversations();
        TenantId tenant = PlatformRegistration.tenantOf(platform.issuer(), PlatformSimulator.CLIENT_ID,
                PlatformSimulator.DEPLOYMENT_ID);
        Versioned<GrowConversation> stored = conversations.listByOwner(tenant, LtiIds.person(subject))
                .documents().get(0);
        GrowConversation completed = stored.value().completeAt(fixture.clock.instant()).orElseThrow();
        assertThat(conversations.save(tenant, stored.with(completed)).isSaved()).isTrue();
        return tenant;
    }
}
