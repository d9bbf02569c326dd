package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.session.Sessions;
import fi.kasvu.session.StoredSession;
import java.time.Duration;
import java.time.Instant;

/** The sessions table on both databases: open, idle and absolute ends, and every way to end sessions. */
class JdbcSessionsTest extends DatabaseTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final TenantId TENANT = TenantId.of("lti:https://lms|1");

    static StoredSession session(String hashDigit, String person, String platform, String context) {
        return new StoredSession(hashDigit.repeat(64), TENANT, PersonId.of(person), platform, context, "{}", NOW,
                NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(8)));
    }

    @EveryDialect
    void aSession_isFoundWhileOpen_andNotAfterItsIdleOrAbsoluteEnd(Dialect dialect) {
        Sessions sessions = new JdbcSessions(open(dialect));
        StoredSession session = session("a", "5", "https://lms|c", "activity:1");
        sessions.put(session);

        assertThat(sessions.find(session.tokenHash(), NOW)).contains(session);
        assertThat(sessions.find(session.tokenHash(), NOW.plus(Duration.ofHours(1)))).isEmpty();
        StoredSession used = session.usedAt(NOW.plus(Duration.ofMinutes(450)), Duration.ofHours(1));
        sessions.put(used);
        assertThat(used.idleUntil()).isEqualTo(used.endsAt());
        assertThat(sessions.find(session.tokenHash(), NOW.plus(Duration.ofMinutes(470)))).isPresent();
        assertThat(sessions.find(session.tokenHash(), NOW.plus(Duration.ofHours(8)))).isEmpty();
        assertThat(sessions.purgeClosed(NOW.plus(Duration.ofHours(8)))).isEqualTo(1);
    }

    @EveryDialect
    void sessions_endByPlatform_byPerson_andByRelaunch(Dialect dialect) {
        Sessions sessions = new JdbcSessions(open(dialect));
        sessions.put(session("a", "5", "https://lms|c", "activity:1"));
        sessions.put(session("b", "5", "https://lms|c", "activity:1"));
        sessions.put(session("c", "5", "https://lms|c", "activity:2"));
        sessions.put(session("d", "6", "https://other|c", "activity:1"));

        assertThat(sessions.revokeOthers(TENANT, PersonId.of("5"), "activity:1", "b".repeat(64))).isEqualTo(1);
        assertThat(sessions.find("a".repeat(64), NOW)).isEmpty();
        assertThat(sessions.find("b".repeat(64), NOW)).isPresent();
        assertThat(sessions.revokePlatform("https://other|c")).isEqualTo(1);
        assertThat(sessions.find("d".repeat(64), NOW)).isEmpty();
        assertThat(sessions.ofPerson(TENANT, PersonId.of("5"))).hasSize(2);
        assertThat(sessions.revokePerson(PersonId.of("5"))).isEqualTo(2);
        assertThat(sessions.ofPerson(TENANT, PersonId.of("5"))).isEmpty();
    }

    @EveryDialect
    void aRelaunch_storesTheNewSessionAndEndsTheOlderOnesOfThatActivity_andAllListsEveryRow(Dialect dialect) {
        Sessions sessions = new JdbcSessions(open(dialect));
        sessions.put(session("a", "5", "https://lms|c", "activity:1"));
        sessions.put(session("c", "5", "https://lms|c", "activity:2"));

        assertThat(sessions.putReplacingOthers(session("b", "5", "https://lms|c", "activity:1"))).isEqualTo(1);

        assertThat(sessions.find("a".repeat(64), NOW)).isEmpty();
        assertThat(sessions.find("b".repeat(64), NOW)).isPresent();
        assertThat(sessions.find("c".repeat(64), NOW)).isPresent();
        assertThat(sessions.all()).extracting(StoredSession::tokenHash)
                .containsExactlyInAnyOrder("b".repeat(64), "c".repeat(64));
    }
}
