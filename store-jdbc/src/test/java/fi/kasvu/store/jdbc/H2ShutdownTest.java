package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DocumentRepositoryContract.Note;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stops a JVM with SIGTERM (Ctrl+C, {@code docker stop}, systemd) while a background job writes to
 * H2 on disk. H2 by default closes the database from a JVM shutdown hook of its own, at the same
 * time as the application's hook, so a job still finishing its work met a closed database
 * ("Database is already closed") and the close ran without H2's compaction. Kasvu opens H2 with
 * {@code DB_CLOSE_ON_EXIT=FALSE} and closes it itself after its jobs: the job finishes its round,
 * every acknowledged save is in the file, and the database closes cleanly.
 */
class H2ShutdownTest extends DatabaseTestSupport {

    private static final int ACKS_BEFORE_STOP = 200;

    @Test
    void sigtermWhileAJobWrites_theJobFinishes_andEveryAcknowledgedSaveSurvives() throws Exception {
        Path home = directory.resolve("shutdown");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownWriter.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> acknowledged = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                    if (acknowledged.size() == ACKS_BEFORE_STOP) {
                        // SIGTERM: the JVM runs its shutdown hooks. (Process.destroy would also close
                        // the pipe this test reads the rest of the acknowledgements from.)
                        new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();
                    }
                }
            }
        } finally {
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            child.destroyForcibly();
        }
        assertThat(lines).as("what the child printed").noneMatch(line -> line.startsWith("JOB FAILED"))
                .contains("JOB DONE", "CLOSED");
        assertThat(lines.indexOf("JOB DONE")).as("the job finished before the database closed")
                .isLessThan(lines.indexOf("CLOSED"));
        assertThat(acknowledged.size()).as("saves acknowledged, the last round after SIGTERM included")
                .isGreaterThanOrEqualTo(ACKS_BEFORE_STOP + ShutdownWriter.LAST_ROUND);

        KasvuDatabase reopened = open(DatabaseConfig.embeddedIn(home));
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(reopened, CrashWriter.KIND, new NoteCodec());
        assertThat(acknowledged).allSatisfy(id -> assertThat(notes.find(CrashWriter.TENANT, id))
                .as("acknowledged save " + id).isPresent());
        assertThat(notes.listAll(CrashWriter.TENANT).unreadable()).isEmpty();
    }

    @Test
    void aUrlThatSetsDbCloseOnExit_keepsItsOwnValue() {
        assertThat(KasvuDatabase.mentions("jdbc:h2:file:/x/kasvu;db_close_on_exit=TRUE", "DB_CLOSE_ON_EXIT")).isTrue();
        assertThat(KasvuDatabase.mentions("jdbc:h2:file:/x/kasvu", "DB_CLOSE_ON_EXIT")).isFalse();
        // The URL's own value wins and H2 does not refuse the pair as a duplicate setting.
        KasvuDatabase database = open(DatabaseConfig.of("jdbc:h2:file:" + directory.resolve("own") + "/kasvu;DB_CLOSE_ON_EXIT=TRUE",
                "kasvu", ""));
        assertThat(database.schemaVersion()).isNotBlank();
    }
}
