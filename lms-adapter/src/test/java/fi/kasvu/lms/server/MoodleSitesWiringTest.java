package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.lms.moodle.MoodleCalls;
import fi.kasvu.lms.moodle.MoodleSiteConfig;
import fi.kasvu.lms.moodle.MoodleToken;
import fi.kasvu.lms.moodle.fake.FakeMoodle;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running tool gives its activities the Moodle web services an admin stored for a platform
 * (as {@code kasvu platform moodle} does, with the same key-encryption key next to the H2 file),
 * and none for a platform without them.
 */
class MoodleSitesWiringTest {

    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void theServersActivitiesReachTheStoredMoodleSite_andAPlatformWithoutOneGetsNone() throws Exception {
        FakeMoodle moodle = FakeMoodle.start(TOKEN, 12, "PEER", "Peer groups", List.of());
        String issuer = moodle.url().toString().replaceAll("/$", "");
        try (KasvuDatabase database = KasvuDatabase.open(TestDatabases.h2(dir.resolve("db")))) {
            KasvuServer server = KasvuServer.start(database, KasvuServer.Settings.defaults().withPort(0)
                    .withDeliveryInterval(Duration.ZERO), Clock.systemUTC());
            try {
                server.registrations().save(new PlatformRegistration(issuer, "abc", URI.create(issuer + "/auth"),
                        URI.create(issuer + "/token"), URI.create(issuer + "/jwks"), Set.of("1"), "Moodle"));
                assertThat(server.moodleSites().forPlatform(issuer, "abc")).isEmpty();

                JdbcLtiStorage.on(database).moodleSites().save(new MoodleSiteConfig(issuer, "abc", moodle.url(),
                        MoodleToken.of(TOKEN), false, Instant.now()));

                var client = server.moodleSites().forPlatform(issuer, "abc").orElseThrow();
                assertThat(client.execute(MoodleCalls.siteInfo()).username()).isEqualTo("kasvu-sync");
                assertThat(server.moodleSites().forPlatform(issuer, "other")).isEmpty();
            } finally {
                server.close();
            }
        } finally {
            moodle.close();
        }
    }
}
