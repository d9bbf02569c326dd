package fi.kasvu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DocumentRepository} shares, whatever stores it: versions, conflicts,
 * deletes, listings and tenants. Each implementation extends this class and says how to make a
 * repository; the in-memory one, H2 and PostgreSQL all pass the same tests.
 */
public abstract class DocumentRepositoryContract {

    /** A small aggregate with every column a repository indexes. */
    public record Note(String id, PersonId owner, String context, String text) {
        /** @throws IllegalArgumentException if the id is blank */
        public Note {
            Require.id("id", id);
            text = Require.text("text", text);
        }

        /** The same note with another text. */
        public Note withText(String changed) {
            return new Note(id, owner, context, changed);
        }
    }

    /** A clock that moves one millisecond forward every time it is read, so that every save is later. */
    public static final class SteppingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-23T08:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }

    private static final AtomicInteger KINDS = new AtomicInteger();

    protected static final TenantId TENANT = TenantId.of("platform-a/deployment-1");
    protected static final TenantId OTHER_TENANT = TenantId.of("platform-b/deployment-1");
    protected static final PersonId AINO = PersonId.of("aino");
    protected static final PersonId BEN = PersonId.of("ben");

    /** A note kind with a name of its own, so that tests sharing one database never see each other's rows. */
    public static DocumentKind<Note> newNoteKind() {
        return new DocumentKind<>("test.note" + KINDS.incrementAndGet(), Note.class, Note::id, Note::owner,
                Note::context);
    }

    /** A new, empty repository for the kind, stamping saves with the clock. */
    protected abstract DocumentRepository<Note> repository(DocumentKind<Note> kind, Clock clock);

    private DocumentKind<Note> kind;
    private DocumentRepository<Note> notes;

    @BeforeEach
    void newRepository() {
        kind = newNoteKind();
        notes = repository(kind, new SteppingClock());
    }

    private static Note note(String id) {
        return new Note(id, AINO, "course-1", "Mitä haluat saavuttaa? – " + id);
    }

    private Versioned<Note> saved(TenantId tenant, Note note) {
        return notes.save(tenant, Versioned.unsaved(note)).orElseThrow();
    }

    @Test
    void kind_isTheOneGiven() {
        assertThat(notes.kind()).isEqualTo(kind);
    }

    @Test
    void save_new_storesVersionOne() {
        SaveResult<Note> result = notes.save(TENANT, Versioned.unsaved(note("n1")));

        assertThat(result).isEqualTo(new SaveResult.Saved<>(new Versioned<>(note("n1"), 1)));
        assertThat(notes.find(TENANT, "n1")).contains(new Versioned<>(note("n1"), 1));
    }

    @Test
    void save_readVersion_storesNextVersion() {
        Versioned<Note> first = saved(TENANT, note("n1"));

        Versioned<Note> second = notes.save(TENANT, first.with(first.value().withText("changed"))).orElseThrow();

        assertThat(second.version()).isEqualTo(2);
        assertThat(notes.find(TENANT, "n1")).contains(new Versioned<>(note("n1").withText("changed"), 2));
    }

    @Test
    void save_staleVersion_isConflictAndWritesNothing() {
        Versioned<Note> first = saved(TENANT, note("n1"));
        notes.save(TENANT, first.with(first.value().withText("theirs"))).orElseThrow();

        SaveResult<Note> result = notes.save(TENANT, first.with(first.value().withText("mine")));

        assertThat(result).isEqualTo(new SaveResult.Conflict<Note>("n1", 1, 2));
        assertThat(notes.find(TENANT, "n1").orElseThrow().value().text()).isEqualTo("theirs");
    }

    @Test
    void save_newWithTakenId_isConflict() {
        saved(TENANT, note("n1"));

        SaveResult<Note> result = notes.save(TENANT, Versioned.unsaved(note("n1").withText("second")));

        assertThat(result).isEqualTo(new SaveResult.Conflict<Note>("n1", 0, 1));
        assertThat(notes.find(TENANT, "n1").orElseThrow().value()).isEqualTo(note("n1"));
    }

    @Test
    void save_deletedMeanwhile_isConflictWithMinusOne() {
        Versioned<Note> first = saved(TENANT, note("n1"));
        assertThat(notes.delete(TENANT, "n1", 1)).isTrue();

        SaveResult<Note> result = notes.save(TENANT, first.with(first.value().withText("late")));

        assertThat(result).isEqualTo(new SaveResult.Conflict<Note>("n1", 1, -1));
        assertThat(notes.find(TENANT, "n1")).isEmpty();
    }

    @Test
    void save_afterDelete_startsAgainAtVersionOne() {
        saved(TENANT, note("n1"));
        notes.delete(TENANT, "n1", 1);

        assertThat(saved(TENANT, note("n1")).version()).isEqualTo(1);
    }

    @Test
    void save_keepsEveryCharacter() {
        String text = "Rivi 1\nRad 2 \"lainaus\" \\ tab\t emoji 🌱 ja åäö ÅÄÖ € <script>&amp;</script>";
        Note note = new Note("unicode", BEN, null, text);

        saved(TENANT, note);

        assertThat(notes.find(TENANT, "unicode").orElseThrow().value()).isEqualTo(note);
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(notes.find(TENANT, "missing")).isEmpty();
    }

    @Test
    void delete_readVersion_removesIt() {
        saved(TENANT, note("n1"));

        assertThat(notes.delete(TENANT, "n1", 1)).isTrue();
        assertThat(notes.find(TENANT, "n1")).isEmpty();
        assertThat(notes.listByOwner(TENANT, AINO).documents()).isEmpty();
    }

    @Test
    void delete_otherVersion_keepsIt() {
        saved(TENANT, note("n1"));

        assertThat(notes.delete(TENANT, "n1", 2)).isFalse();
        assertThat(notes.find(TENANT, "n1")).isPresent();
    }

    @Test
    void delete_unknownId_isFalse() {
        assertThat(notes.delete(TENANT, "missing", 1)).isFalse();
    }

    @Test
    void listByOwner_onlyTheOwners_newestChangeFirst() {
        saved(TENANT, note("a1"));
        saved(TENANT, new Note("b1", BEN, "course-1", "not Aino's"));
        Versioned<Note> a2 = saved(TENANT, note("a2"));
        saved(TENANT, note("a3"));
        notes.save(TENANT, a2.with(a2.value().withText("touched last"))).orElseThrow();
        saved(TENANT, new Note("group", null, "course-1", "no owner"));

        DocumentRepository.Listing<Note> listing = notes.listByOwner(TENANT, AINO);

        assertThat(listing.documents()).extracting(versioned -> versioned.value().id())
                .containsExactly("a2", "a3", "a1");
        assertThat(listing.documents().get(0).version()).isEqualTo(2);
        assertThat(listing.unreadable()).isEmpty();
    }

    @Test
    void listByContext_onlyTheContexts_newestChangeFirst() {
        saved(TENANT, new Note("c1", AINO, "course-1", ""));
        saved(TENANT, new Note("c2", BEN, "course-2", ""));
        saved(TENANT, new Note("c3", null, "course-1", ""));
        saved(TENANT, new Note("none", AINO, null, ""));

        assertThat(notes.listByContext(TENANT, "course-1").documents())
                .extracting(versioned -> versioned.value().id()).containsExactly("c3", "c1");
        assertThat(notes.listByContext(TENANT, "course-3").documents()).isEmpty();
    }

    @Test
    void tenants_neverSeeEachOther_throughAnyMethod() {
        saved(TENANT, note("shared-id"));

        assertThat(notes.find(OTHER_TENANT, "shared-id")).isEmpty();
        assertThat(notes.listByOwner(OTHER_TENANT, AINO).documents()).isEmpty();
        assertThat(notes.listByContext(OTHER_TENANT, "course-1").documents()).isEmpty();
        assertThat(notes.delete(OTHER_TENANT, "shared-id", 1)).isFalse();
        assertThat(notes.save(OTHER_TENANT, new Versioned<>(note("shared-id").withText("overwrite"), 1)))
                .isEqualTo(new SaveResult.Conflict<Note>("shared-id", 1, -1));

        Versioned<Note> theirs = saved(OTHER_TENANT, note("shared-id").withText("their own"));

        assertThat(theirs.version()).isEqualTo(1);
        assertThat(notes.find(TENANT, "shared-id")).contains(new Versioned<>(note("shared-id"), 1));
        assertThat(notes.find(OTHER_TENANT, "shared-id").orElseThrow().value().text()).isEqualTo("their own");
        assertThat(notes.listByOwner(TENANT, AINO).documents()).hasSize(1);
    }

    @Test
    void kinds_neverSeeEachOther() {
        DocumentRepository<Note> others = repository(newNoteKind(), new SteppingClock());
        saved(TENANT, note("n1"));

        assertThat(others.find(TENANT, "n1")).isEmpty();
        assertThat(others.listByOwner(TENANT, AINO).documents()).isEmpty();
        assertThat(others.delete(TENANT, "n1", 1)).isFalse();
        assertThat(others.save(TENANT, Versioned.unsaved(note("n1"))).isSaved()).isTrue();
        assertThat(notes.find(TENANT, "n1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void save_concurrentFromOneVersion_exactlyOneWins() throws Exception {
        Versioned<Note> first = saved(TENANT, note("n1"));
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<SaveResult<Note>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String text = "writer " + i;
                Callable<SaveResult<Note>> save = () -> {
                    start.await();
                    return notes.save(TENANT, first.with(first.value().withText(text)));
                };
                results.add(pool.submit(save));
            }
            start.countDown();
            List<SaveResult<Note>> done = new ArrayList<>();
            for (Future<SaveResult<Note>> result : results) {
                done.add(result.get(30, TimeUnit.SECONDS));
            }

            List<SaveResult<Note>> saves = done.stream().filter(SaveResult::isSaved).toList();
            assertThat(saves).hasSize(1);
            assertThat(done).filteredOn(result -> !result.isSaved())
                    .containsOnly(new SaveResult.Conflict<>("n1", 1, 2));
            assertThat(notes.find(TENANT, "n1")).contains(saves.get(0).orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }
}
