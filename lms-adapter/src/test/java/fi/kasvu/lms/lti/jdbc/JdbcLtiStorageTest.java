package fi.kasvu.lms.lti.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.LaunchState;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.lti.ScoreOutbox;
import fi.kasvu.lms.lti.ToolKeyRing;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.Dialect;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The LTI ports on H2 and PostgreSQL, with two instances sharing one database. */
class JdbcLtiStorageTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    @TempDir
    Path dir;

    static PlatformRegistration registration(String deployment) {
        return new PlatformRegistration("https://moodle.example.org", "client-1",
                URI.create("https://moodle.example.org/mod/lti/auth.php"),
                URI.create("https://moodle.example.org/mod/lti/token.php"),
                URI.create("https://moodle.example.org/mod/lti/certs.php"), Set.of(deployment), "Moodle");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void registrations_areStoredUpdatedAndRemoved(Dialect dialect) {
        try (KasvuDatabase db = KasvuDatabase.open(TestDatabases.fresh(dialect, dir))) {
            JdbcLtiStorage storage = JdbcLtiStorage.on(db);

            storage.registrations().save(registration("1"));
            storage.registrations().save(storage.registrations().find("https://moodle.example.org", "client-1")
                    .orElseThrow().withDeployment("2"));

            assertThat(storage.registrations().all()).singleElement().satisfies(r ->
                    assertThat(r.deploymentIds()).containsExactlyInAnyOrder("1", "2"));
            assertThat(storage.registrations().remove("https://moodle.example.org", "client-1")).isTrue();
            assertThat(storage.registrations().remove("https://moodle.example.org", "client-1")).isFalse();
            assertThat(storage.registrations().all()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void scoreOutbox_leavesOtherTopicsToTheirWorkers(Dialect dialect) {
        try (KasvuDatabase db = KasvuDatabase.open(TestDatabases.fresh(dialect, dir))) {
            fi.kasvu.store.jdbc.Outbox raw = fi.kasvu.store.jdbc.Outbox.of(db);
            TenantId tenant = TenantId.of("t");
            raw.enqueue(tenant, "moodle.groups", "{}", NOW);

            assertThat(JdbcLtiStorage.on(db).scoreOutbox().claimDue(10, NOW, Duration.ofMinutes(1))).isEmpty();
            assertThat(raw.claimDue(10, NOW, Duration.ofMinutes(1))).singleElement()
                    .satisfies(item -> assertThat(item.topic()).isEqualTo("moodle.groups"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoInstances_shareStateNonceKeysAndOutbox(Dialect dialect) {
        DatabaseConfig config = TestDatabases.fresh(dialect, dir);
        try (KasvuDatabase first = KasvuDatabase.open(config);
             KasvuDatabase second = dialect == Dialect.H2 ? null : KasvuDatabase.open(config)) {
            JdbcLtiStorage a = JdbcLtiStorage.on(first);
            JdbcLtiStorage b = JdbcLtiStorage.on(second == null ? first : second);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

            a.launchStates().put(new LaunchState("s1", "n1", "https://moodle.example.org", "client-1", "t", "_parent", NOW),
                    NOW.plusSeconds(600));
            assertThat(b.launchStates().take("s1", NOW)).get().satisfies(s -> {
                assertThat(s.nonce()).isEqualTo("n1");
                assertThat(s.platformStorage()).isTrue();
            });
            assertThat(a.launchStates().take("s1", NOW)).isEmpty();

            assertThat(a.nonces().consume("n1", NOW.plusSeconds(120))).isTrue();
            assertThat(b.nonces().consume("n1", NOW.plusSeconds(120))).isFalse();

            ToolKeyRing ringA = ToolKeyRing.create(a.toolKeys(), clock, IdGenerator.sequence("kid"), 2048);
            ToolKeyRing ringB = ToolKeyRing.create(b.toolKeys(), clock, IdGenerator.sequence("other"), 2048);
            String kid = ringA.current().kid();
            assertThat(ringB.current().kid()).isEqualTo(kid);
            assertThat(ringB.current().key().isPrivate()).isTrue();

            TenantId tenant = registration("1").tenant("1");
            a.scoreOutbox().enqueue(tenant, new PendingScore("https://moodle.example.org", "client-1",
                    URI.create("https://moodle.example.org/li/1"), Score.graded("5", 3, 4, NOW)), NOW);
            List<ScoreOutbox.Claimed> claimed = b.scoreOutbox().claimDue(10, NOW, Duration.ofMinutes(1));
            assertThat(claimed).singleElement().satisfies(c -> {
                assertThat(c.tenant()).isEqualTo(tenant);
                assertThat(c.attempts()).isZero();
                assertThat(c.payload()).contains("\"userId\\\":\\\"5\\\"");
            });
            assertThat(a.scoreOutbox().claimDue(10, NOW, Duration.ofMinutes(1))).isEmpty();
            b.scoreOutbox().retryLater(claimed.get(0).id(), NOW.plusSeconds(10), "HTTP 503");
            assertThat(a.scoreOutbox().claimDue(10, NOW.plusSeconds(11), Duration.ofMinutes(1)))
                    .singleElement().satisfies(c -> assertThat(c.attempts()).isEqualTo(1));
        }
    }
}
