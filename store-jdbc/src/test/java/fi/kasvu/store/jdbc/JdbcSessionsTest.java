package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepositoryContract;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.session.Sessions;
import fi.kasvu.session.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

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

    // ---- the session read with the document a request names (issue 19: an autosave's one read) ----

    private static final TenantId OTHER_TENANT = TenantId.of("lti:https://other-lms|1");

    @EveryDialect
    void aSessionReadWithItsDocument_keepsTheDocumentForTheUnitsNextReadOfIt_only(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        Sessions sessions = new JdbcSessions(database);
        DocumentKind<Note> kind = DocumentRepositoryContract.newNoteKind();
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database, kind, new NoteCodec());
        notes.save(TENANT, new Versioned<>(note("n1", "first"), 0)).orElseThrow();
        StoredSession session = session("a", "5", "https://lms|c", "activity:1");
        sessions.put(session);

        database.inUnit(() -> {
            assertThat(sessions.find(session.tokenHash(), NOW, kind.name(), "n1")).contains(session);
            // Another instance saves the document meanwhile (outside this unit).
            CompletableFuture.runAsync(() -> notes.save(TENANT, new Versioned<>(note("n1", "elsewhere"), 1))
                    .orElseThrow()).join();

            // The unit's next read is the row read with the session (the same transaction's view) …
            Versioned<Note> kept = notes.find(TENANT, "n1").orElseThrow();
            assertThat(kept.value().text()).isEqualTo("first");
            assertThat(kept.version()).isEqualTo(1);
            // … whose conditional write cannot overwrite the change made meanwhile …
            assertThat(notes.save(TENANT, new Versioned<>(note("n1", "mine"), kept.version())))
                    .isInstanceOf(SaveResult.Conflict.class);
            // … and the read after it is the database's again.
            assertThat(notes.find(TENANT, "n1").orElseThrow().value().text()).isEqualTo("elsewhere");
            return null;
        });
        assertThat(notes.find(TENANT, "n1").orElseThrow().value().text()).isEqualTo("elsewhere");
    }

    @EveryDialect
    void aDocumentOfAnotherTenant_isNeverReadForTheHint_andAnotherKindsNameFindsNothing(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        Sessions sessions = new JdbcSessions(database);
        DocumentKind<Note> kind = DocumentRepositoryContract.newNoteKind();
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database, kind, new NoteCodec());
        JdbcDocumentRepository<Note> otherKind = JdbcDocumentRepository.of(database,
                DocumentRepositoryContract.newNoteKind(), new NoteCodec());
        notes.save(TENANT, new Versioned<>(note("shared-id", "tenant A's"), 0)).orElseThrow();
        notes.save(OTHER_TENANT, new Versioned<>(note("shared-id", "tenant B's"), 0)).orElseThrow();
        notes.save(OTHER_TENANT, new Versioned<>(note("only-b", "tenant B only"), 0)).orElseThrow();
        StoredSession session = session("a", "5", "https://lms|c", "activity:1");
        sessions.put(session);

        database.inUnit(() -> {
            assertThat(sessions.find(session.tokenHash(), NOW, kind.name(), "only-b")).contains(session);
            assertThat(notes.find(TENANT, "only-b")).isEmpty();
            assertThat(notes.find(OTHER_TENANT, "only-b").orElseThrow().value().text()).isEqualTo("tenant B only");

            assertThat(sessions.find(session.tokenHash(), NOW, kind.name(), "shared-id")).contains(session);
            assertThat(notes.find(OTHER_TENANT, "shared-id").orElseThrow().value().text()).isEqualTo("tenant B's");
            assertThat(notes.find(TENANT, "shared-id").orElseThrow().value().text()).isEqualTo("tenant A's");

            assertThat(sessions.find(session.tokenHash(), NOW, kind.name(), "shared-id")).contains(session);
            assertThat(otherKind.find(TENANT, "shared-id")).isEmpty();
            return null;
        });
    }

    @EveryDialect
    void theHint_neverOpensAClosedSession_andIsIgnoredOutsideAUnitOrWhenItNamesNothing(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        Sessions sessions = new JdbcSessions(database);
        DocumentKind<Note> kind = DocumentRepositoryContract.newNoteKind();
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database, kind, new NoteCodec());
        notes.save(TENANT, new Versioned<>(note("n1", "first"), 0)).orElseThrow();
        StoredSession session = session("a", "5", "https://lms|c", "activity:1");
        sessions.put(session);

        assertThat(database.inUnit(() -> sessions.find(session.tokenHash(), NOW.plus(Duration.ofHours(1)),
                kind.name(), "n1"))).isEmpty();
        assertThat(database.inUnit(() -> sessions.find("f".repeat(64), NOW, kind.name(), "n1"))).isEmpty();
        assertThat(database.inUnit(() -> sessions.find("short", NOW, kind.name(), "n1"))).isEmpty();
        assertThat(sessions.find(session.tokenHash(), NOW, kind.name(), "n1")).contains(session);
        assertThat(database.inUnit(() -> sessions.find(session.tokenHash(), NOW, kind.name(), "x".repeat(201))))
                .contains(session);
        assertThat(database.inUnit(() -> sessions.find(session.tokenHash(), NOW, kind.name(), "no-such-id")))
                .contains(session);
        assertThat(database.inUnit(() -> sessions.find(session.tokenHash(), NOW, "", ""))).contains(session);
    }

    private static Note note(String id, String text) {
        return new Note(id, PersonId.of("5"), "activity:1", text);
    }
}
