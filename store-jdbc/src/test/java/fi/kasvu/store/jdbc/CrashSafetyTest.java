package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.Versioned;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kills a JVM (SIGKILL) in the middle of a stream of saves to H2 on disk, opens the database
 * again, and checks that every save the child saw acknowledged is there.
 */
class CrashSafetyTest extends DatabaseTestSupport {

    private static final int ACKS_BEFORE_KILL = 400;

    @Test
    void killedMidStream_everyAcknowledgedSaveSurvives() throws Exception {
        Path home = directory.resolve("crash");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        int acks = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                    if (++acks == ACKS_BEFORE_KILL) {
                        // kill -9: no shutdown hooks, no clean close; lines already printed are still read.
                        new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(acks).as("acknowledged saves before the kill").isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(137);

        KasvuDatabase reopened = open(DatabaseConfig.embeddedIn(home));
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(reopened, CrashWriter.KIND, new NoteCodec());

        assertThat(acknowledged).allSatisfy((id, version) -> {
            Versioned<Note> stored = notes.find(CrashWriter.TENANT, id).orElse(null);
            assertThat(stored).as("acknowledged save of " + id).isNotNull();
            assertThat(stored.version()).as("version of " + id).isGreaterThanOrEqualTo(version);
        });
        assertThat(notes.listAll(CrashWriter.TENANT).unreadable()).isEmpty();
    }
}
