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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A load generator for the JDBC store: writers that each load a GROW conversation (through the
 * real feature port and JSON codec), change one field and save it back, for a fixed time, at several concurrency levels, on H2 on disk and
 * on an embedded PostgreSQL. Prints throughput and p50/p99 latency of loads and saves.
 *
 * <pre>
 * mvn -B -q -ntp -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar fi.kasvu.benchmarks.StoreBenchmark [seconds] [writers,...] [h2,postgresql]
 * </pre>
 *
 * It is not a JMH benchmark because what matters here is many threads contending for one pool
 * and one database, measured per operation; JMH's per-thread loops would hide the queueing.
 */
public final class StoreBenchmark {

    private static final TenantId TENANT = TenantId.of("benchmark-platform/deployment-1");
    private static final int DOCUMENTS_PER_WRITER = 5;
    private static final int POOL_SIZE = 20;

    private StoreBenchmark() {
    }

    /** Runs the benchmark: optional arguments are seconds per run, writer counts and dialects. */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] writers = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 16, 200};
        List<String> dialects = args.length > 2 ? List.of(args[2].split(",")) : List.of("h2", "postgresql");
        KasvuJson json = KasvuJson.create();
        System.out.printf(Locale.ROOT, "document: a grow.conversation of %d characters of JSON; %d s per run after 2 s "
                + "warm-up; pool %d; %d cores%n", json.toJson(GrowSample.conversation("x", PersonId.of("p"), "c")).length(),
                seconds, POOL_SIZE, Runtime.getRuntime().availableProcessors());
        System.out.println("| database | writers | saves/s | loads/s | save p50 ms | save p99 ms | load p50 ms | load p99 ms | conflicts |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        EmbeddedPostgres postgres = null;
        try {
            for (String dialect : dialects) {
                for (int count : writers) {
                    DatabaseConfig config;
                    Path h2 = null;
                    if (dialect.equals("h2")) {
                        h2 = Files.createTempDirectory("kasvu-bench");
                        config = DatabaseConfig.embeddedIn(h2);
                    } else {
                        if (postgres == null) {
                            postgres = EmbeddedPostgres.builder().start();
                        }
                        String name = "bench_" + count;
                        try (var connection = postgres.getPostgresDatabase().getConnection();
                             var statement = connection.createStatement()) {
                            statement.execute("CREATE DATABASE " + name);
                        }
                        config = DatabaseConfig.of("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name,
                                "postgres", "");
                    }
                    try (KasvuDatabase database = KasvuDatabase.open(config.withPoolSize(POOL_SIZE))) {
                        Result result = run(database, json, count, seconds);
                        System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %d |%n",
                                dialect.equals("h2") ? "H2 (disk)" : "PostgreSQL 14", count,
                                result.saves().length / (double) seconds, result.loads().length / (double) seconds,
                                percentile(result.saves(), 50), percentile(result.saves(), 99),
                                percentile(result.loads(), 50), percentile(result.loads(), 99), result.conflicts());
                    }
                    if (h2 != null) {
                        deleteRecursively(h2);
                    }
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private record Result(long[] saves, long[] loads, long conflicts) {
    }

    private record WriterResult(long[] saves, int saveCount, long[] loads, int loadCount, long conflicts) {
    }

    private static Result run(KasvuDatabase database, KasvuJson json, int writers, int seconds) throws Exception {
        GrowConversations repository = KasvuRepositories.of(database, json, Clock.systemUTC()).growConversations();
        for (int w = 0; w < writers; w++) {
            for (int d = 0; d < DOCUMENTS_PER_WRITER; d++) {
                repository.save(TENANT, Versioned.unsaved(GrowSample.conversation("w" + w + "-d" + d,
                        PersonId.of("learner-" + w), "course-" + (w % 10)))).orElseThrow();
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        long warmUpEnds = System.nanoTime() + 2_000_000_000L;
        long ends = warmUpEnds + seconds * 1_000_000_000L;
        List<Future<WriterResult>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                start.await();
                long[] saves = new long[1024];
                long[] loads = new long[1024];
                int saveCount = 0;
                int loadCount = 0;
                long conflicts = 0;
                for (int i = 0; ; i++) {
                    long began = System.nanoTime();
                    if (began >= ends) {
                        break;
                    }
                    String id = "w" + writer + "-d" + (i % DOCUMENTS_PER_WRITER);
                    Versioned<GrowConversation> read = repository.find(TENANT, id).orElseThrow();
                    long loaded = System.nanoTime();
                    // An autosave: one field edited.
                    boolean saved = repository.save(TENANT, read.with(read.value()
                            .withObstacles("Kiireiset viikot ja yllättävät asiakaspyynnöt, muokkaus " + i))).isSaved();
                    long done = System.nanoTime();
                    if (!saved) {
                        conflicts++;
                    }
                    if (began >= warmUpEnds && done <= ends) {
                        if (saveCount == saves.length) {
                            saves = Arrays.copyOf(saves, saves.length * 2);
                            loads = Arrays.copyOf(loads, loads.length * 2);
                        }
                        loads[loadCount++] = loaded - began;
                        saves[saveCount++] = done - loaded;
                    }
                }
                return new WriterResult(saves, saveCount, loads, loadCount, conflicts);
            }));
        }
        start.countDown();
        List<long[]> saves = new ArrayList<>();
        List<long[]> loads = new ArrayList<>();
        long conflicts = 0;
        for (Future<WriterResult> future : futures) {
            WriterResult result = future.get();
            saves.add(Arrays.copyOf(result.saves(), result.saveCount()));
            loads.add(Arrays.copyOf(result.loads(), result.loadCount()));
            conflicts += result.conflicts();
        }
        pool.shutdown();
        return new Result(concat(saves), concat(loads), conflicts);
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
