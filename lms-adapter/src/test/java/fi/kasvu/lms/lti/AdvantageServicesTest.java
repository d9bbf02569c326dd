package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.TenantId;
import java.io.IOException;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens, scores, line items, roster and the outbox against the platform simulator. */
class AdvantageServicesTest {

    final PlatformSimulator platform = PlatformSimulator.start();
    final MutableClock clock = new MutableClock(Instant.now());
    final ToolKeyRing keys = ToolKeyRing.create(new MemoryStores.MemoryToolKeys(), clock,
            IdGenerator.sequence("tool-key"), 2048);
    final HttpClient http = HttpClient.newHttpClient();
    final AccessTokens tokens = AccessTokens.create(http, keys, clock, SecureIds.generator());
    final AgsClient ags = new AgsClient(http, tokens);
    final NrpsClient nrps = new NrpsClient(http, tokens);
    final MemoryPorts.MemoryRegistrations registrations = new MemoryPorts.MemoryRegistrations();

    AdvantageServicesTest() throws IOException {
        platform.trustToolKeys(keys::publicKeys);
        registrations.save(platform.registration());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void token_isCachedPerScopeSetUntilNearExpiry() throws Exception {
        String first = tokens.token(platform.registration(), Set.of(Ags.SCOPE_SCORE));
        String again = tokens.token(platform.registration(), Set.of(Ags.SCOPE_SCORE));
        String other = tokens.token(platform.registration(), Set.of(Ags.SCOPE_NRPS));
        clock.advance(Duration.ofSeconds(3600 - 29));
        String renewed = tokens.token(platform.registration(), Set.of(Ags.SCOPE_SCORE));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(platform.tokenRequests.get()).isEqualTo(3);
    }

    @Test
    void token_refusedAssertion_isATypedError() {
        PlatformRegistration wrongClient = new PlatformRegistration(platform.issuer(), "not-the-client",
                URI.create(platform.issuer() + "/auth"), URI.create(platform.issuer() + "/token"),
                URI.create(platform.issuer() + "/jwks"), Set.of("3"), "x");

        assertThatThrownBy(() -> tokens.token(wrongClient, Set.of(Ags.SCOPE_SCORE)))
                .isInstanceOfSatisfying(PlatformServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("invalid_client");
                });
    }

    @Test
    void score_isPostedToTheScoresUrl_andAnOlderOneGets409() throws Exception {
        Instant when = Instant.parse("2026-11-23T12:58:11Z");
        ags.postScore(platform.registration(), platform.lineItem(), Score.graded("5", 83, 100, when));

        assertThat(platform.scores).singleElement().satisfies(s -> {
            assertThat(s.getString("userId")).isEqualTo("5");
            assertThat(s.getJsonNumber("scoreGiven").doubleValue()).isEqualTo(83.0);
            assertThat(s.getString("activityProgress")).isEqualTo("Completed");
            assertThat(s.getString("gradingProgress")).isEqualTo("FullyGraded");
            assertThat(s.getString("timestamp")).isEqualTo("2026-11-23T12:58:11Z");
        });
        assertThatThrownBy(() -> ags.postScore(platform.registration(), platform.lineItem(),
                Score.graded("5", 90, 100, when.minusSeconds(1))))
                .isInstanceOfSatisfying(PlatformServiceException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void scoresUrl_keepsMoodlesQuery() {
        assertThat(AgsClient.scoresUrl(URI.create(
                "http://127.0.0.1:8081/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1")))
                .hasToString("http://127.0.0.1:8081/mod/lti/services.php/2/lineitems/2/lineitem/scores?type_id=1");
    }

    @Test
    void lineItems_areListedAcrossPages_createdAndFound() throws Exception {
        LineItem created = ags.createLineItem(platform.registration(), platform.lineItemsUrl(),
                new LineItem(Optional.empty(), "Reflection", 50, "grow-1", "kasvu", ""));

        List<LineItem> all = ags.lineItems(platform.registration(), platform.lineItemsUrl());

        assertThat(created.id()).isPresent();
        assertThat(all).extracting(LineItem::label).containsExactly("GROW", "Reflection");
        assertThat(all.get(1).scoreMaximum()).isEqualTo(50.0);
    }

    @Test
    void lineItem_isUpdatedAtItsId() throws Exception {
        LineItem item = ags.lineItems(platform.registration(), platform.lineItemsUrl()).get(0);

        LineItem updated = ags.updateLineItem(platform.registration(), new LineItem(item.id(), "GROW (renamed)", 20,
                "grow-1", "", "1"));

        assertThat(updated.label()).isEqualTo("GROW (renamed)");
        assertThat(updated.scoreMaximum()).isEqualTo(20.0);
        assertThat(updated.id()).isEqualTo(item.id());
    }

    /** One odd member used to make the whole progress view a 404; now it is skipped, counted and not logged. */
    @Test
    void rosterWithBadMembers_skipsThemAndKeepsTheOthers() throws Exception {
        platform.extraMembers.add(Json.createObjectBuilder().add("user_id", "u".repeat(300)).add("name", "Long")
                .add("roles", Json.createArrayBuilder().add("Learner")).build());
        platform.extraMembers.add(Json.createObjectBuilder().add("user_id", "bad\u0000id").add("name", "Nul")
                .add("roles", Json.createArrayBuilder().add("Learner")).build());
        platform.extraMembers.add(Json.createObjectBuilder().add("name", "No id").build());
        platform.extraMembers.add(Json.createObjectBuilder().add("user_id", "u".repeat(255))
                .add("name", "Max\u0007 Length").add("roles", Json.createArrayBuilder().add("Learner")).build());
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(NrpsClient.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            List<RosterMember> members = nrps.roster(platform.registration(), platform.memberships());

            assertThat(members).hasSize(10);
            assertThat(members).filteredOn(m -> m.userId().length() == 255).singleElement()
                    .satisfies(m -> assertThat(m.name()).contains("Max Length"));
            assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .contains("Skipped 3 roster members").doesNotContain("bad", "uuuu", "Nul", "Long"));
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void roster_followsCurlyQuotedNextLinks() throws Exception {
        List<RosterMember> members = nrps.roster(platform.registration(), platform.memberships());

        assertThat(members).hasSize(9);
        assertThat(members.get(0).roles()).extracting(LtiRole::kind).containsExactly(LtiRole.Kind.INSTRUCTOR);
        assertThat(members).extracting(RosterMember::userId).doesNotHaveDuplicates();
    }

    @Test
    void outbox_keepsScoresThroughAnOutage_andDeliversAfterwards() {
        MemoryStores.MemoryOutbox outbox = new MemoryStores.MemoryOutbox();
        ScoreDelivery delivery = new ScoreDelivery(outbox, registrations, ags, clock);
        TenantId tenant = platform.registration().tenant(PlatformSimulator.DEPLOYMENT_ID);
        platform.scoresDown(true);

        delivery.submit(tenant, new PendingScore(platform.issuer(), PlatformSimulator.CLIENT_ID, platform.lineItem(),
                Score.graded("7", 1, 1, clock.instant())));
        ScoreDelivery.Round during = delivery.deliverDue(10);
        ScoreDelivery.Round tooEarly = delivery.deliverDue(10);
        platform.scoresDown(false);
        clock.advance(Duration.ofSeconds(11));
        ScoreDelivery.Round after = delivery.deliverDue(10);

        assertThat(during.retrying()).isEqualTo(1);
        assertThat(tooEarly).isEqualTo(new ScoreDelivery.Round(0, 0, 0));
        assertThat(after.delivered()).isEqualTo(1);
        assertThat(outbox.pending()).isZero();
        assertThat(platform.scores).extracting(s -> s.getString("userId")).containsExactly("7");
    }

    @Test
    void outbox_conflict_endsTheEntryWithoutRetry() {
        MemoryStores.MemoryOutbox outbox = new MemoryStores.MemoryOutbox();
        ScoreDelivery delivery = new ScoreDelivery(outbox, registrations, ags, clock);
        TenantId tenant = platform.registration().tenant(PlatformSimulator.DEPLOYMENT_ID);
        Instant t = clock.instant();
        delivery.submit(tenant, new PendingScore(platform.issuer(), PlatformSimulator.CLIENT_ID, platform.lineItem(),
                Score.graded("8", 1, 1, t)));
        delivery.submit(tenant, new PendingScore(platform.issuer(), PlatformSimulator.CLIENT_ID, platform.lineItem(),
                Score.graded("8", 0, 1, t.minusSeconds(60))));

        ScoreDelivery.Round round = delivery.deliverDue(10);

        assertThat(round.delivered() + round.abandoned()).isEqualTo(2);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void backoff_growsAndIsCapped() {
        assertThat(ScoreDelivery.backoff(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(ScoreDelivery.backoff(3)).isEqualTo(Duration.ofSeconds(80));
        assertThat(ScoreDelivery.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void score_withoutMaximum_isRefusedNamingTheValue() {
        assertThatThrownBy(() -> new Score("5", Optional.of(3.0), Optional.empty(), "", Score.ActivityProgress.Completed,
                Score.GradingProgress.FullyGraded, Clock.systemUTC().instant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("scoreMaximum is required with scoreGiven: 3.0");
    }
}
