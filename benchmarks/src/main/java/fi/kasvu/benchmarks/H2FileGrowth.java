package fi.kasvu.benchmarks;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A load generator for the embedded H2 file's size: learners' GROW conversations (about 5 KB of
 * JSON each, through the real port and codec) are started and autosaved at a steady rate, as a
 * course's learners would, and the size of the H2 folder is printed every ten seconds. With
 * documents kept as H2 LOBs the folder grew with every save and never shrank (issue 19); the figure
 * to watch is whether it levels off once H2's retention time (45 s) has passed.
 *
 * <pre>
 * mvn -B -q -ntp -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar fi.kasvu.benchmarks.H2FileGrowth [seconds] [saves/s] [documents] [lob]
 * </pre>
 *
 * <p>With {@code lob} as the fourth argument the document column is turned back into a
 * {@code CHARACTER LARGE OBJECT}, the layout before schema 4.1, to measure both side by side.
 */
public final class H2FileGrowth {

    private static final TenantId TENANT = TenantId.of("benchmark-platform/deployment-1");

    private H2FileGrowth() {
    }

    /** Runs it: optional seconds (180), saves per second (100) and learners' documents (2000). */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int documents = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        boolean lob = args.length > 3 && args[3].equals("lob");
        Path folder = Files.createTempDirectory("kasvu-h2-growth");
        System.out.printf(Locale.ROOT, "%d documents as %s, %d saves/s for %d s; every tenth save starts a new document%n",
                documents, lob ? "LOBs (before schema 4.1)" : "rows", rate, seconds);
        System.out.println("| s | saves | documents | H2 folder MB |");
        System.out.println("|---:|---:|---:|---:|");
        try (KasvuDatabase database = KasvuDatabase.open(DatabaseConfig.embeddedIn(folder))) {
            if (lob) {
                try (var connection = database.dataSource().getConnection();
                     var statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE kasvu_document ALTER COLUMN document SET DATA TYPE CHARACTER LARGE OBJECT");
                }
            }
            GrowConversations repository = KasvuRepositories.of(database, KasvuJson.create(), Clock.systemUTC())
                    .growConversations();
            long started = System.nanoTime();
            long saves = 0;
            int created = 0;
            long nextReport = 10;
            while (true) {
                long elapsedNanos = System.nanoTime() - started;
                if (elapsedNanos >= seconds * 1_000_000_000L) {
                    break;
                }
                long due = elapsedNanos * rate / 1_000_000_000L;
                if (saves >= due) {
                    Thread.sleep(1);
                    continue;
                }
                if (saves % 10 == 0 && created < documents) {
                    repository.save(TENANT, Versioned.unsaved(GrowSample.conversation("d" + created,
                            PersonId.of("learner-" + created), "course-" + created % 10))).orElseThrow();
                    created++;
                } else {
                    String id = "d" + (saves % Math.max(1, created));
                    Versioned<GrowConversation> read = repository.find(TENANT, id).orElseThrow();
                    repository.save(TENANT, read.with(read.value().withObstacles("Kiireiset viikot, muokkaus " + saves)))
                            .orElseThrow();
                }
                saves++;
                if (elapsedNanos / 1_000_000_000L >= nextReport) {
                    System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f |%n", nextReport, saves, created,
                            size(folder) / 1e6);
                    nextReport += 10;
                }
            }
        }
        System.out.printf(Locale.ROOT, "closed: %.1f MB%n", size(folder) / 1e6);
    }

    private static long size(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
