package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DocumentRepositoryContract;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Fifty threads read-modify-write one shared document and one document each: every save that
 * succeeded is in the final document, every other attempt came back as a conflict, none is lost.
 */
class ConcurrentSavesTest extends DatabaseTestSupport {

    private static final int THREADS = 50;
    private static final int ATTEMPTS = 8;
    private static final TenantId TENANT = TenantId.of("tenant");

    private record Outcome(List<String> savedMarks, int conflicts, List<Versioned<Note>> ownSaves) {
    }

    @EveryDialect
    void fiftyThreads_sameAndDifferentDocuments_noUpdateIsLost(Dialect dialect) throws Exception {
        KasvuDatabase database = open(TestDatabases.fresh(dialect, directory).withPoolSize(20));
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database,
                DocumentRepositoryContract.newNoteKind(), new NoteCodec());
        notes.save(TENANT, Versioned.unsaved(new Note("shared", null, "course", ""))).orElseThrow();
        ConcurrentLinkedQueue<SaveResult.Conflict<Note>> conflicts = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<String> marks = new ArrayList<>();
                List<Versioned<Note>> own = new ArrayList<>();
                int conflicted = 0;
                String ownId = "own-" + thread;
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    String mark = "t" + thread + "a" + attempt;
                    Versioned<Note> read = notes.find(TENANT, "shared").orElseThrow();
                    SaveResult<Note> result = notes.save(TENANT, read.with(read.value().withText(
                            read.value().text().isEmpty() ? mark : read.value().text() + "," + mark)));
                    if (result instanceof SaveResult.Conflict<Note> conflict) {
                        conflicts.add(conflict);
                        conflicted++;
                    } else {
                        marks.add(mark);
                    }
                    Versioned<Note> mine = notes.find(TENANT, ownId)
                            .orElse(Versioned.unsaved(new Note(ownId, PersonId.of("p" + thread), "course", "")));
                    own.add(notes.save(TENANT, mine.with(mine.value().withText(mark))).orElseThrow());
                }
                return new Outcome(marks, conflicted, own);
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();

        List<String> saved = outcomes.stream().flatMap(outcome -> outcome.savedMarks().stream()).toList();
        int conflicted = outcomes.stream().mapToInt(Outcome::conflicts).sum();
        Versioned<Note> shared = notes.find(TENANT, "shared").orElseThrow();
        assertThat(saved.size() + conflicted).isEqualTo(THREADS * ATTEMPTS);
        assertThat(conflicts).hasSize(conflicted)
                .allSatisfy(conflict -> assertThat(conflict.actualVersion()).isGreaterThan(conflict.expectedVersion()));
        assertThat(shared.version()).isEqualTo(1 + saved.size());
        assertThat(Arrays.asList(shared.value().text().split(","))).containsExactlyInAnyOrderElementsOf(saved);
        for (int t = 0; t < THREADS; t++) {
            Versioned<Note> own = notes.find(TENANT, "own-" + t).orElseThrow();
            assertThat(own.version()).isEqualTo(ATTEMPTS);
            assertThat(own.value().text()).isEqualTo("t" + t + "a" + (ATTEMPTS - 1));
            assertThat(outcomes.get(t).ownSaves()).extracting(Versioned::version)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }
}
