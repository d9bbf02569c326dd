package fi.kasvu.lms.lti.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.lms.moodle.ConfiguredMoodleSites;
import fi.kasvu.lms.moodle.MoodleCalls;
import fi.kasvu.lms.moodle.MoodleClient;
import fi.kasvu.lms.moodle.MoodleSiteConfig;
import fi.kasvu.lms.moodle.MoodleToken;
import fi.kasvu.lms.moodle.SiteInfo;
import fi.kasvu.lms.moodle.fake.FakeMoodle;
import fi.kasvu.store.jdbc.Dialect;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A platform's Moodle web services as the admin configures them: stored on H2 and PostgreSQL with
 * the token encrypted at rest, refused on another origin unless allowed, and used through
 * {@link ConfiguredMoodleSites} against the fake Moodle over HTTP.
 */
class ConfiguredMoodleSitesTest {

    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @TempDir
    Path dir;

    static ToolKeyProtection key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return ToolKeyProtection.withKey(key);
    }

    static String storedDocuments(KasvuDatabase db) throws Exception {
        StringBuilder all = new StringBuilder();
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT document FROM kasvu_document WHERE kind = 'moodle.site'")) {
            while (rows.next()) {
                all.append(rows.getString(1)).append('\n');
            }
        }
        return all.toString();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void configuration_isStoredWithTheTokenEncrypted_andUsedToCallMoodle(Dialect dialect) throws Exception {
        FakeMoodle moodle = FakeMoodle.start(TOKEN, 12, "PEER", "Peer groups", List.of());
        String issuer = moodle.url().toString().replaceAll("/$", "");
        ToolKeyProtection protection = key();
        try (KasvuDatabase db = KasvuDatabase.open(TestDatabases.fresh(dialect, dir))) {
            JdbcLtiStorage storage = JdbcLtiStorage.on(db, protection);
            ConfiguredMoodleSites sites = ConfiguredMoodleSites.on(storage.moodleSites());
            assertThat(sites.forPlatform(issuer, "client-1")).as("nothing configured yet").isEmpty();

            storage.moodleSites().save(new MoodleSiteConfig(issuer, "client-1", moodle.url(), MoodleToken.of(TOKEN),
                    false, NOW));

            String stored = storedDocuments(db);
            assertThat(stored).contains("tokenJwe", moodle.url().toString()).doesNotContain(TOKEN);
            Optional<MoodleClient> client = sites.forPlatform(issuer, "client-1");
            assertThat(client).isPresent();
            SiteInfo info = client.get().execute(MoodleCalls.siteInfo());
            assertThat(info.username()).isEqualTo("kasvu-sync");
            assertThat(sites.forPlatform(issuer, "client-1")).as("one client per configuration").containsSame(client.get());
            assertThat(sites.forPlatform(issuer, "client-2")).as("another registration of the issuer").isEmpty();
            assertThat(sites.forPlatform("https://other.example.org", "client-1")).isEmpty();

            storage.moodleSites().save(new MoodleSiteConfig(issuer, "client-1", moodle.url(), MoodleToken.of(TOKEN),
                    false, NOW.plusSeconds(60)));
            assertThat(sites.forPlatform(issuer, "client-1")).as("a changed configuration gets a new client")
                    .isPresent().get().isNotSameAs(client.get());

            ConfiguredMoodleSites otherKey = ConfiguredMoodleSites.on(JdbcLtiStorage.on(db, key()).moodleSites());
            assertThat(otherKey.forPlatform(issuer, "client-1")).as("another key-encryption key reads nothing")
                    .isEmpty();

            assertThat(storage.moodleSites().remove(issuer, "client-1")).isTrue();
            assertThat(sites.forPlatform(issuer, "client-1")).isEmpty();
        } finally {
            moodle.close();
        }
    }

    @Test
    void aSiteOnAnotherOrigin_isRefusedUnlessAllowed() {
        URI elsewhere = URI.create("https://moodle.example.org.attacker.example/");

        assertThatThrownBy(() -> new MoodleSiteConfig("https://moodle.example.org", "c", elsewhere,
                MoodleToken.of(TOKEN), false, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://moodle.example.org.attacker.example")
                .hasMessageContaining("platform's origin https://moodle.example.org")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> new MoodleSiteConfig("https://moodle.example.org", "c",
                URI.create("http://moodle.example.org/"), MoodleToken.of(TOKEN), false, NOW))
                .as("http is another origin than https").hasMessageContaining("not on the platform's origin");

        MoodleSiteConfig allowed = new MoodleSiteConfig("https://moodle.example.org", "c", elsewhere,
                MoodleToken.of(TOKEN), true, NOW);
        assertThat(allowed.otherOriginAllowed()).isTrue();
        assertThat(new MoodleSiteConfig("https://moodle.example.org/", "c",
                URI.create("https://MOODLE.example.org:443/moodle"), MoodleToken.of(TOKEN), false, NOW).siteUrl())
                .as("same origin, site in a sub-folder").hasToString("https://MOODLE.example.org:443/moodle/");
        assertThat(allowed.toString()).doesNotContain(TOKEN);
    }
}
