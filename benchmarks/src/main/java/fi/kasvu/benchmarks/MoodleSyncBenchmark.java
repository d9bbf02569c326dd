package fi.kasvu.benchmarks;

import fi.kasvu.lms.moodle.MoodleClient;
import fi.kasvu.lms.moodle.MoodleToken;
import fi.kasvu.lms.moodle.fake.FakeMoodle;
import fi.kasvu.lms.moodle.fake.Triads;
import fi.kasvu.lms.moodle.sync.FileSyncJournal;
import fi.kasvu.lms.moodle.sync.GroupSync;
import fi.kasvu.lms.moodle.sync.InMemorySyncJournal;
import fi.kasvu.lms.moodle.sync.SyncInput;
import fi.kasvu.lms.moodle.sync.SyncProgress;
import fi.kasvu.lms.moodle.sync.SyncJournal;
import fi.kasvu.lms.moodle.sync.SyncReport;
import fi.kasvu.lms.moodle.sync.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Load generator: publishes 1,000 triads (3,000 members, 2 meetings each) to the local fake
 * Moodle and counts the web-service calls and the time of a first sync, a re-run and a dry run.
 * Run it with {@code java -cp benchmarks/target/benchmarks.jar fi.kasvu.benchmarks.MoodleSyncBenchmark [triads] [meetings] [batch] [rounds] [file]};
 * the figures go to docs/benchmarks.md.
 */
public final class MoodleSyncBenchmark {

    private static final String TOKEN = "b3nchb3nchb3nchb3nchb3nchb3nch00";
    private static final String COURSE = "BENCH-1000";

    private MoodleSyncBenchmark() {
    }

    /** Runs the scenario and prints the figures. */
    public static void main(String[] args) throws Exception {
        int triads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int meetings = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        boolean fileJournal = args.length > 4 && args[4].equals("file");
        System.out.printf("Moodle sync: %d triads (%d members), %d meetings each, batch size %d, %d rounds, %s journal%n",
                triads, 3 * triads, meetings, batch, rounds, fileJournal ? "file" : "in-memory");
        SyncInput input = Triads.formation("bench-" + triads, triads, meetings);
        SyncSettings settings = SyncSettings.defaults().withBatchSize(batch);
        for (int round = 1; round <= rounds; round++) {
            try (FakeMoodle moodle = FakeMoodle.start(TOKEN, 42, COURSE, "Benchmark course", Triads.users(3 * triads))) {
                MoodleClient client = MoodleClient.newBuilder().baseUrl(moodle.url()).token(MoodleToken.of(TOKEN)).build();
                Path journalFile = Files.createTempFile("moodle-sync", ".jsonl");
                Files.delete(journalFile);
                SyncJournal journal = fileJournal ? FileSyncJournal.open(journalFile) : new InMemorySyncJournal();
                GroupSync sync = new GroupSync(client, journal, settings, SyncProgress.NONE);

                long t0 = System.nanoTime();
                SyncReport dry = sync.run(COURSE, input, true);
                long t1 = System.nanoTime();
                int dryCalls = moodle.totalCalls();
                moodle.resetCounts();

                SyncReport first = sync.run(COURSE, input, false);
                long t2 = System.nanoTime();
                Map<String, Integer> firstCalls = moodle.callsByFunction();
                int firstTotal = moodle.totalCalls();
                int changesAfterFirst = moodle.changes();
                moodle.resetCounts();

                SyncReport again = sync.run(COURSE, input, false);
                long t3 = System.nanoTime();
                int rerunCalls = moodle.totalCalls();
                int rerunChanges = moodle.changes() - changesAfterFirst;

                int messageCalls = firstCalls.getOrDefault("core_message_send_instant_messages", 0);
                System.out.printf("round %d%n", round);
                System.out.printf("  dry run:   %4d calls, %6.0f ms, outcome %s%n", dryCalls, (t1 - t0) / 1e6, dry.outcome());
                System.out.printf("  first run: %4d calls without messages + %d message calls = %d, %6.0f ms, outcome %s,"
                        + " %d changes%n", firstTotal - messageCalls, messageCalls, firstTotal, (t2 - t1) / 1e6,
                        first.outcome(), changesAfterFirst);
                System.out.printf("             by function %s%n", firstCalls);
                System.out.printf("  re-run:    %4d calls, %6.0f ms, outcome %s, %d changes%n", rerunCalls, (t3 - t2) / 1e6,
                        again.outcome(), rerunChanges);
                if (journal instanceof FileSyncJournal file) {
                    file.close();
                    Files.deleteIfExists(journalFile);
                }
            }
        }
    }
}
