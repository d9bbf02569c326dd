package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.lti.MutableClock;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two Kasvu servers behind one (imagined) load balancer, sharing one PostgreSQL database. */
class TwoInstancesOnPostgresTest {

    @Test
    void loginOnOne_launchOnTheOther_replayRefusedAtEither() throws Exception {
        DatabaseConfig config = TestDatabases.freshPostgres();
        MutableClock clock = new MutableClock(Instant.now());
        KasvuServer.Settings settings = KasvuServer.Settings.defaults().withPort(0).withDeliveryInterval(Duration.ZERO);
        try (PlatformSimulator platform = PlatformSimulator.start();
             KasvuDatabase dbA = KasvuDatabase.open(config);
             KasvuDatabase dbB = KasvuDatabase.open(config);
             KasvuServer a = KasvuServer.start(dbA, settings, clock);
             KasvuServer b = KasvuServer.start(dbB, settings, clock)) {
            a.registrations().save(platform.registration());
            Browser browser = Browser.withoutCookies();
            HttpResponse<String> login = browser.post(a.tool().loginUrl(), Map.of("iss", platform.issuer(),
                    "login_hint", "5", "target_link_uri", a.tool().launchUrl().toString(), "client_id",
                    PlatformSimulator.CLIENT_ID, "lti_message_hint", "{\"cmid\":2}"));
            String authForm = browser.get(URI.create(login.headers().firstValue("Location").orElseThrow())).body();
            Map<String, String> fields = Browser.hiddenFields(authForm);

            HttpResponse<String> onB = browser.post(b.tool().launchUrl(), fields);
            HttpResponse<String> replayOnA = browser.post(a.tool().launchUrl(), fields);
            HttpResponse<String> replayOnB = browser.post(b.tool().launchUrl(), fields);

            assertThat(onB.statusCode()).isEqualTo(303);
            URI firstPage = b.baseUrl().resolve(onB.headers().firstValue("Location").orElseThrow());
            assertThat(browser.get(firstPage).body()).as("the page on the instance that verified the launch")
                    .contains("Tavoite");
            HttpResponse<String> onA = browser.get(URI.create(a.baseUrl() + firstPage.getRawPath()));
            assertThat(onA.statusCode()).as("the same session served by the other instance").isEqualTo(200);
            assertThat(onA.body()).contains("Tavoite");
            assertThat(replayOnA.statusCode()).isEqualTo(400);
            assertThat(replayOnA.body()).contains("NONCE_REPLAYED");
            assertThat(replayOnB.statusCode()).isEqualTo(400);
            assertThat(replayOnB.body()).contains("NONCE_REPLAYED");
            assertThat(a.keys().current().kid()).isEqualTo(b.keys().current().kid());
        }
    }
}
