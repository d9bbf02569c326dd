package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.ExpiringValues;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order in which a server stops, as {@code kasvu serve} does it (server first, then the
 * database): a background job (score delivery, sweep, purge, reminders) that is writing when the
 * stop comes finishes its work on an open database instead of being interrupted mid-write, and
 * everything it had acknowledged is in the H2 file afterwards.
 */
class ServerStopOrderTest {

    private static final int WRITES = 30;
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aJobRunningWhileTheServerStops_finishesOnAnOpenDatabase_andLosesNothing() throws Exception {
        DatabaseConfig config = DatabaseConfig.embeddedIn(dir.resolve("h2"));
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        CountDownLatch writing = new CountDownLatch(1);
        Future<?> job;
        KasvuDatabase database = KasvuDatabase.open(config);
        try {
            KasvuServer server = KasvuServer.start(database, KasvuServer.Settings.defaults().withPort(0),
                    Clock.systemUTC());
            ExpiringValues values = ExpiringValues.of(database);
            job = server.background().submit(() -> {
                for (int i = 0; i < WRITES; i++) {
                    values.put("stop-test", "k" + i, "v" + i, FAR);
                    acknowledged.add("k" + i);
                    writing.countDown();
                    // A job's round takes a while (a platform's token endpoint, a mail server).
                    Thread.sleep(20);
                }
                return null;
            });
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            server.close();
        } finally {
            database.close();
        }
        // Not interrupted (its sleep would have thrown) and no write met a closed database.
        job.get(1, TimeUnit.SECONDS);
        assertThat(acknowledged).hasSize(WRITES);
        try (KasvuDatabase reopened = KasvuDatabase.open(config)) {
            ExpiringValues values = ExpiringValues.of(reopened);
            assertThat(acknowledged).allSatisfy(key -> assertThat(values.get("stop-test", key, Instant.now()))
                    .as(key).isPresent());
        }
    }
}
