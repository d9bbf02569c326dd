package fi.kasvu.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator that plays an LTI 1.3 platform (its own RSA key, a JWKS endpoint, id_tokens
 * signed per launch) and measures complete launches: login initiation → the tool's redirect to
 * the platform's auth endpoint → the id_token form post → the first page the user sees.
 *
 * <p>It starts {@code kasvu serve} as child processes (H2 in a fresh directory, or PostgreSQL with
 * one or more instances on one database), or drives tools already running (Kasvu at
 * {@code --kasvu-url}, and a peer such as ltijs at {@code --peer-login-url}); given their process
 * ids it reports the server CPU per launch from {@code /proc} (all threads), and on PostgreSQL the
 * committed transactions per launch from {@code pg_stat_database}. With a peer it prints both
 * tools and the ratio of their throughput. It can run any number of times against one running
 * server: the key comes from {@code --key-file}, or each run signs with a key id of its own, which
 * the tool fetches from the keyset on first sight. See docs/benchmarks.md.
 */
public final class LtiLaunchLoad {

    private final RSAKey key;
    private final HttpServer platform;
    private final String issuer;

    private LtiLaunchLoad(int port, String host, Optional<Path> keyFile) throws Exception {
        key = key(keyFile);
        platform = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        platform.createContext("/jwks", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        platform.setExecutor(Executors.newFixedThreadPool(2));
        platform.start();
        issuer = "http://" + host + ":" + platform.getAddress().getPort();
    }

    /** The platform key: read from the file (made and written there on first use), or fresh with a kid of its own. */
    private static RSAKey key(Optional<Path> keyFile) throws Exception {
        if (keyFile.isPresent() && Files.exists(keyFile.get())) {
            return RSAKey.parse(Files.readString(keyFile.get()));
        }
        RSAKey fresh = new RSAKeyGenerator(2048).keyID("load-" + Long.toString(System.currentTimeMillis(), 36))
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        if (keyFile.isPresent()) {
            Files.writeString(keyFile.get(), fresh.toJSONString());
        }
        return fresh;
    }

    /** One configuration's result. */
    record Result(String target, int concurrency, int launches, int errors, double perSecond, double p50, double p99,
                  double cpuMsPerLaunch, double dbCpuMsPerLaunch, double loadAverage) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %s | %s | %.1f |", target,
                    concurrency, launches, errors, perSecond, p50, p99, ms(cpuMsPerLaunch), ms(dbCpuMsPerLaunch),
                    loadAverage);
        }

        private static String ms(double value) {
            return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    /**
     * What launches go to: one tool, on one or more instances (a launch's login goes to one
     * instance and its id_token to the next, as behind a load balancer without sticky sessions).
     */
    record Target(String name, List<URI> loginUrls, List<URI> launchUrls, String clientId, String deploymentId,
                  List<Long> pids, Optional<Postgres> postgres) {
    }

    /** A PostgreSQL database whose committed transactions and server CPU are counted. */
    record Postgres(String url, String user, String password) {
        /** The database's name, the last part of the URL's path. */
        String database() {
            String path = URI.create(url.substring("jdbc:".length())).getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        long commits() throws SQLException {
            return counters()[0];
        }

        /** Committed transactions, and rows inserted, updated and deleted, in the database so far. */
        long[] counters() throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                try {
                    s.execute("SELECT pg_stat_force_next_flush()");
                } catch (SQLException olderThan15) {
                    // PostgreSQL 14 and older report within their statistics interval (the callers wait 11 s).
                }
                try (ResultSet row = s.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted "
                        + "FROM pg_stat_database WHERE datname = current_database()")) {
                    row.next();
                    return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)};
                }
            }
        }
    }

    /**
     * Runs the load.
     *
     * @throws Exception if a server cannot start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> levels = Arrays.stream(options.getOrDefault("concurrency", "8,32").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        int warmupLaunches = Integer.parseInt(options.getOrDefault("warmup-launches", "0"));
        boolean autosaves = options.getOrDefault("mode", "launch").equals("autosave");
        OpenLoop openLoop = autosaves && options.containsKey("learners") ? OpenLoop.of(options) : null;
        if (openLoop != null) {
            levels = openLoop.learners();
        }
        // The page's own autosave address names the conversation (one read and one write since issue 19);
        // --autosave-url bare posts to the route alone, as a page from before that did (three statements).
        boolean bareAutosave = options.getOrDefault("autosave-url", "page").equals("bare");
        LtiLaunchLoad load = new LtiLaunchLoad(Integer.parseInt(options.getOrDefault("platform-port", "9999")),
                options.getOrDefault("platform-host", "127.0.0.1"),
                Optional.ofNullable(options.get("key-file")).map(Path::of));
        List<Result> results = new ArrayList<>();
        List<Process> servers = new ArrayList<>();
        System.out.println("Platform issuer " + load.issuer + ", keyset " + load.issuer + "/jwks, kid "
                + load.key.getKeyID());
        try {
            List<Target> targets = new ArrayList<>();
            if (options.containsKey("kasvu-url")) {
                List<URI> bases = Arrays.stream(options.get("kasvu-url").split(",")).map(u -> URI.create(u.strip()))
                        .toList();
                targets.add(new Target(options.getOrDefault("name", "kasvu"),
                        bases.stream().map(b -> b.resolve("/lti/login")).toList(),
                        bases.stream().map(b -> b.resolve("/lti/launch")).toList(),
                        options.getOrDefault("client-id", "load-client"), options.getOrDefault("deployment-id", "1"),
                        pids(options.get("server-pid")), postgres(options, "postgres")));
            } else if (options.containsKey("db")) {
                targets.add(load.startKasvu(options, servers));
            }
            if (options.containsKey("peer-login-url")) {
                targets.add(new Target(options.getOrDefault("peer-name", "peer"),
                        List.of(URI.create(options.get("peer-login-url"))),
                        List.of(URI.create(options.get("peer-launch-url"))),
                        options.getOrDefault("peer-client-id", "load-client"),
                        options.getOrDefault("peer-deployment-id", "1"), pids(options.get("peer-pid")),
                        postgres(options, "peer-postgres")));
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("say what to load: --db h2|postgres, --kasvu-url, --peer-login-url");
            }
            for (Target target : targets) {
                results.addAll(load.run(target, levels, warmup, warmupLaunches, duration, autosaves, openLoop,
                        bareAutosave));
            }
        } finally {
            for (Process server : servers) {
                server.destroy();
                server.waitFor();
            }
            load.platform.stop(0);
            ((ExecutorService) load.platform.getExecutor()).shutdownNow();
        }
        System.out.println();
        String what = autosaves ? "autosave" : "launch";
        System.out.println("| target | concurrent " + what + "s | " + what + "s | errors | " + what + "s/s | p50 ms | p99 ms "
                + "| server CPU ms/" + what + " | PostgreSQL CPU ms/" + what + " | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
        if (openLoop != null) {
            System.out.println();
            System.out.println(OpenLoop.HEADER);
            openLoop.rows().forEach(System.out::println);
        }
        for (int level : levels) {
            List<Result> atLevel = results.stream().filter(r -> r.concurrency() == level).toList();
            if (atLevel.size() == 2) {
                System.out.printf(Locale.ROOT, "At %d concurrent: %s %.1f launches/s, %s %.1f launches/s: %.1f×%n", level,
                        atLevel.get(0).target(), atLevel.get(0).perSecond(), atLevel.get(1).target(),
                        atLevel.get(1).perSecond(), atLevel.get(0).perSecond() / atLevel.get(1).perSecond());
            }
        }
        System.exit(0);
    }

    /**
     * Starts {@code kasvu serve} (through {@code bin/kasvu}, so with its JVM options) on H2 in a
     * fresh directory, or on PostgreSQL ({@code --postgres-url}, or an embedded one) with
     * {@code --instances} servers on one database, and registers this platform first.
     */
    private Target startKasvu(Map<String, String> options, List<Process> servers) throws Exception {
        String db = options.get("db");
        int instances = Integer.parseInt(options.getOrDefault("instances", "1"));
        Map<String, String> env = new LinkedHashMap<>();
        Optional<Postgres> postgres = Optional.empty();
        if (db.equals("postgres")) {
            String url = options.get("postgres-url");
            if (url == null) {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException e) {
                        // Exiting anyway.
                    }
                }));
                url = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
            }
            postgres = Optional.of(new Postgres(url, options.getOrDefault("postgres-user", "postgres"),
                    options.getOrDefault("postgres-password", "")));
            env.put("KASVU_DB_URL", url);
            env.put("KASVU_DB_USER", postgres.get().user());
            env.put("KASVU_DB_PASSWORD", postgres.get().password());
        } else if (db.equals("h2")) {
            if (instances != 1) {
                throw new IllegalArgumentException("embedded H2 serves one instance; use --db postgres for several");
            }
            Path dir = Files.createTempDirectory("kasvu-load");
            env.put("KASVU_DB_URL", "jdbc:h2:file:" + dir.resolve("kasvu"));
            System.out.println("H2 database in " + dir);
            // `kasvu platform add` refuses a folder with no Kasvu database in it: a first start makes it.
            Process create = kasvu(options.getOrDefault("kasvu-command", "bin/kasvu"), env, "serve",
                    "--exit-when-ready", "--host", "127.0.0.1", "--port", "0")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (create.waitFor() != 0) {
                throw new IllegalStateException("kasvu serve --exit-when-ready (creating the H2 database) failed: exit "
                        + create.exitValue());
            }
        } else {
            throw new IllegalArgumentException("--db is h2 or postgres: " + db);
        }
        env.put("KASVU_DB_POOL_SIZE", options.getOrDefault("pool", "10"));
        String command = options.getOrDefault("kasvu-command", "bin/kasvu");
        Process add = kasvu(command, env, "platform", "add", "--issuer", issuer, "--client-id", "load-client",
                "--auth-url", issuer + "/auth", "--token-url", issuer + "/token", "--jwks-url", issuer + "/jwks",
                "--deployment-id", "1", "--name", "load generator").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (add.waitFor() != 0) {
            throw new IllegalStateException("kasvu platform add failed: exit " + add.exitValue());
        }
        int firstPort = Integer.parseInt(options.getOrDefault("port", "18180"));
        List<URI> bases = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            int port = firstPort + i;
            long started = System.nanoTime();
            Process server = kasvu(command, env, "serve", "--port", Integer.toString(port), "--host", "127.0.0.1")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            servers.add(server);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            awaitHealthy(base, server);
            System.out.printf(Locale.ROOT, "kasvu serve %d (pid %d) ready in %.2f s%n", i + 1, server.pid(),
                    (System.nanoTime() - started) / 1e9);
            bases.add(base);
            pids.add(server.pid());
        }
        String name = "Kasvu + " + (db.equals("h2") ? "H2" : "PostgreSQL") + (instances > 1 ? " × " + instances : "");
        return new Target(name, bases.stream().map(b -> b.resolve("/lti/login")).toList(),
                bases.stream().map(b -> b.resolve("/lti/launch")).toList(), "load-client", "1", pids, postgres);
    }

    private static ProcessBuilder kasvu(String command, Map<String, String> env, String... args) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        return builder;
    }

    private static void awaitHealthy(URI base, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 6000; attempt++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("kasvu serve exited with " + server.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("kasvu serve did not answer /health within 120 s");
    }

    private static List<Long> pids(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::strip).map(Long::parseLong).toList();
    }

    private static Optional<Postgres> postgres(Map<String, String> options, String prefix) {
        return Optional.ofNullable(options.get(prefix + "-url")).map(url -> new Postgres(url,
                options.getOrDefault(prefix + "-user", "postgres"), options.getOrDefault(prefix + "-password", "")));
    }

    private List<Result> run(Target target, List<Integer> levels, Duration warmup, int warmupLaunches,
                             Duration duration, boolean autosaves, OpenLoop openLoop, boolean bareAutosave)
            throws Exception {
        List<Result> results = new ArrayList<>();
        System.out.println("Warming up " + target.name() + " for " + warmup.toSeconds() + " s and at least "
                + warmupLaunches + " launches");
        int warmed = 0;
        do {
            warmed += measure(target, 8, warmup).launches();
        } while (warmed < warmupLaunches);
        String what = autosaves ? "autosave" : "launch";
        List<double[]> windows = new ArrayList<>();
        for (int concurrency : levels) {
            List<Browser> ready = openLoop != null ? openLoop.launched(this, target, concurrency, bareAutosave)
                    : autosaves ? launched(target, concurrency) : List.of();
            if (target.postgres().isPresent()) {
                // Idle backends report their counts within PostgreSQL's 10 s statistics interval.
                Thread.sleep(11_000);
            }
            long[] before = target.postgres().isPresent() ? target.postgres().get().counters() : new long[4];
            long windowStart = System.nanoTime();
            Result result = openLoop != null ? openLoop.measure(target, ready, duration, bareAutosave)
                    : autosaves ? measureAutosaves(target, ready, duration, bareAutosave)
                    : measure(target, concurrency, duration);
            System.out.println(result.row());
            results.add(result);
            int count = result.launches() + result.errors();
            if (target.postgres().isPresent() && count > 0) {
                Thread.sleep(11_000);
                long[] after = target.postgres().get().counters();
                System.out.printf(Locale.ROOT, "%s at %d: per %s %.2f committed transactions, %.2f rows inserted, "
                        + "%.2f updated, %.2f deleted (%d %ss)%n", target.name(), concurrency, what,
                        (double) (after[0] - before[0]) / count, (double) (after[1] - before[1]) / count,
                        (double) (after[2] - before[2]) / count, (double) (after[3] - before[3]) / count, count, what);
                windows.add(new double[] {concurrency, count, after[0] - before[0],
                        (System.nanoTime() - windowStart) / 1e9});
            }
        }
        if (!windows.isEmpty()) {
            // The server's own background work (the score outbox every 5 s, the sweeper every minute)
            // and these statistics queries commit transactions too: measured idle, and taken off.
            long[] idleStart = target.postgres().get().counters();
            long idleFrom = System.nanoTime();
            Thread.sleep(30_000);
            long[] idleEnd = target.postgres().get().counters();
            double idleRate = (idleEnd[0] - idleStart[0]) / ((System.nanoTime() - idleFrom) / 1e9);
            System.out.printf(Locale.ROOT, "%s idle: %.2f committed transactions per second (background work)%n",
                    target.name(), idleRate);
            for (double[] w : windows) {
                System.out.printf(Locale.ROOT, "%s at %d: per %s %.2f committed transactions without the idle "
                        + "background (%.0f over %.1f s)%n", target.name(), (int) w[0], what,
                        (w[2] - idleRate * w[3]) / w[1], w[2], w[3]);
            }
        }
        return results;
    }

    /** Browsers each with a learner launched into a fresh exercise (not measured). */
    private List<Browser> launched(Target target, int count) throws Exception {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Browser browser = new Browser(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
            browser.page = launch(browser, target, i, "saver-" + System.nanoTime() + "-" + i);
            browsers.add(browser);
        }
        return browsers;
    }

    /**
     * Each browser posts autosaves of the Goal phase's first field as the page's script does, one
     * after another, for the duration; an autosave counts when it answers 200 with {@code "ok":true}.
     */
    private Result measureAutosaves(Target target, List<Browser> browsers, Duration duration, boolean bare)
            throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(browsers.size());
        AtomicInteger errors = new AtomicInteger();
        Instant end = Instant.now().plus(duration);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long cpuBefore = ProcessCpu.ofAll(target.pids());
        Map<String, Long> threadsBefore = ProcessCpu.byThreadGroup(target.pids());
        long dbCpuBefore = target.postgres().isPresent() ? ProcessCpu.ofPostgresBackends(target.postgres().get().database()) : 0;
        long started = System.nanoTime();
        for (Browser browser : browsers) {
            futures.add(workers.submit(() -> {
                String html = browser.page.body();
                String csrf = html.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]*)\".*", "$1");
                URI save = autosaveUrl(browser.page, bare);
                List<Long> latencies = new ArrayList<>();
                int n = 0;
                while (Instant.now().isBefore(end)) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> answer = browser.send(autosave(save, csrf, "Plan my week, draft " + n++));
                        if (answer.statusCode() != 200 || !answer.body().contains("\"ok\":true")) {
                            throw new IOException("autosave answered " + answer.statusCode() + ": " + answer.body());
                        }
                        latencies.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.out.println("first autosave error: " + e);
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMs = (ProcessCpu.ofAll(target.pids()) - cpuBefore) / 1e6;
        printThreadCpu(target, threadsBefore, ProcessCpu.byThreadGroup(target.pids()), all.size());
        double dbCpuMs = target.postgres().isPresent() ? (ProcessCpu.ofPostgresBackends(target.postgres().get().database()) - dbCpuBefore) / 1e6
                : Double.NaN;
        workers.shutdown();
        all.sort(Long::compare);
        int saves = all.size();
        return new Result(target.name() + " autosave", browsers.size(), saves, errors.get(), saves / seconds,
                percentile(all, 0.50), percentile(all, 0.99),
                target.pids().isEmpty() || saves == 0 ? Double.NaN : cpuMs / saves,
                saves == 0 ? Double.NaN : dbCpuMs / saves, ProcessCpu.loadAverage());
    }

    /**
     * Where the page's script posts its autosaves: the address in the form's {@code data-autosave}
     * (with the conversation named), or with {@code bare} (or a page without it) the route alone.
     */
    static URI autosaveUrl(HttpResponse<String> page, boolean bare) {
        java.util.regex.Matcher attribute = java.util.regex.Pattern.compile("data-autosave=\"([^\"]*)\"")
                .matcher(page.body());
        if (!bare && attribute.find()) {
            return page.uri().resolve(attribute.group(1).replace("&amp;", "&"));
        }
        return page.uri().resolve(page.uri().getPath().replaceAll("(/pages/s/[^/]+)/.*", "$1") + "/autosave");
    }

    /** One autosave of the Goal field, as the page's script posts it. */
    static HttpRequest.Builder autosave(URI save, String csrf, String value) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("phase", "goal");
        form.put("name", "goal.sessionGoal");
        form.put("value", value);
        return post(save, form);
    }

    /**
     * The open loop of {@code --mode autosave --learners N --interval-ms T}: N learners, each with a
     * session of her own, each saving the Goal field every T ms (± {@code --jitter} of T, uniformly;
     * the learners start at random offsets within one interval), whatever the server's answers do:
     * a learner's next save is due at its time even when the last one has not been answered (the
     * page's script does not wait either). A save's latency runs from the time it was <b>due</b>,
     * not from when it was sent, so a slow server (or a generator that fell behind) shows in the
     * figures instead of thinning the load (coordinated omission). Also printed: how late the
     * generator sent (send lag: its own threads starved on a loaded machine) and the p99 from the
     * send, which leaves that lag out but not the server's queue. {@code --autosave-warmup} seconds
     * (default 10) of the same load run first, right after the learners' launches, unrecorded.
     */
    record OpenLoop(List<Integer> learners, long intervalNanos, double jitter, Duration warmup, List<String> rows) {

        static final String HEADER = "| target | learners | interval ms | saves | errors | saves/s | p50 ms | p95 ms "
                + "| p99 ms | max ms | server CPU ms/save | of it request threads | PostgreSQL CPU ms/save "
                + "| send lag p99 ms | p99 from send ms | load average |"
                + "\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

        static OpenLoop of(Map<String, String> options) {
            List<Integer> learners = Arrays.stream(options.get("learners").split(",")).map(String::strip)
                    .map(Integer::parseInt).toList();
            long interval = Long.parseLong(options.getOrDefault("interval-ms", "2000"));
            double jitter = Double.parseDouble(options.getOrDefault("jitter", "0.25"));
            if (interval <= 0 || jitter < 0 || jitter >= 1 || learners.stream().anyMatch(n -> n <= 0)) {
                throw new IllegalArgumentException("--learners > 0, --interval-ms > 0, 0 <= --jitter < 1");
            }
            return new OpenLoop(learners, interval * 1_000_000L, jitter,
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("autosave-warmup", "10"))),
                    new ArrayList<>());
        }

        /** The learners, launched into fresh exercises by 8 at a time (not measured). */
        List<Browser> launched(LtiLaunchLoad load, Target target, int count, boolean bare) throws Exception {
            // One client for every learner (cookies are kept per learner by Browser): 200 clients would
            // be 200 selector threads in the generator.
            HttpClient shared = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService launchers = Executors.newFixedThreadPool(8);
            try {
                List<Future<Browser>> started = new ArrayList<>();
                long run = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    int n = i;
                    started.add(launchers.submit(() -> {
                        Browser browser = new Browser(shared);
                        browser.page = load.launch(browser, target, n, "learner-" + run + "-" + n);
                        return browser;
                    }));
                }
                List<Browser> browsers = new ArrayList<>();
                for (Future<Browser> browser : started) {
                    browsers.add(browser.get());
                }
                if (!warmup.isZero()) {
                    // Before the transaction counters are read, so that they count the measured saves only.
                    System.out.println("Warming up " + count + " learners' autosaves for " + warmup.toSeconds() + " s");
                    window(target, browsers, warmup, bare);
                }
                return browsers;
            } finally {
                launchers.shutdown();
            }
        }

        /** Runs the measured window (the warm-up ran at launch); prints and keeps the open-loop row. */
        Result measure(Target target, List<Browser> browsers, Duration duration, boolean bare) throws Exception {
            Window w = window(target, browsers, duration, bare);
            List<Long> all = w.latencies();
            all.sort(Long::compare);
            int saves = all.size();
            double cpuMs = w.cpuNanos() / 1e6;
            double requestMs = w.requestThreadNanos() / 1e6;
            String name = target.name() + " autosave, open loop" + (bare ? ", bare route" : "");
            double load = ProcessCpu.loadAverage();
            String row = String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s "
                            + "| %s | %.1f | %.1f | %.1f |", name, browsers.size(), intervalNanos / 1_000_000, saves,
                    w.errors(), saves / w.seconds(), percentile(all, 0.50), percentile(all, 0.95),
                    percentile(all, 0.99), saves == 0 ? Double.NaN : all.get(saves - 1) / 1e6,
                    Result.ms(target.pids().isEmpty() || saves == 0 ? Double.NaN : cpuMs / saves),
                    Result.ms(target.pids().isEmpty() || saves == 0 ? Double.NaN : requestMs / saves),
                    Result.ms(saves == 0 || target.postgres().isEmpty() ? Double.NaN : w.dbCpuNanos() / 1e6 / saves),
                    percentile(w.lags(), 0.99), percentile(w.fromSend(), 0.99), load);
            System.out.println(HEADER);
            System.out.println(row);
            rows.add(row);
            return new Result(name, browsers.size(), saves, w.errors(), saves / w.seconds(), percentile(all, 0.50),
                    percentile(all, 0.99), target.pids().isEmpty() || saves == 0 ? Double.NaN : cpuMs / saves,
                    saves == 0 || target.postgres().isEmpty() ? Double.NaN : w.dbCpuNanos() / 1e6 / saves, load);
        }

        /** What one window measured: latencies from the due time, send lags, errors, CPU. */
        record Window(List<Long> latencies, List<Long> lags, List<Long> fromSend, int errors, double seconds,
                      long cpuNanos, long requestThreadNanos, long dbCpuNanos) {
        }

        private Window window(Target target, List<Browser> browsers, Duration duration, boolean bare)
                throws Exception {
            ExecutorService workers = Executors.newFixedThreadPool(browsers.size());
            AtomicInteger errors = new AtomicInteger();
            long cpuBefore = ProcessCpu.ofAll(target.pids());
            Map<String, Long> threadsBefore = ProcessCpu.byThreadGroup(target.pids());
            long dbCpuBefore = target.postgres().isPresent()
                    ? ProcessCpu.ofPostgresBackends(target.postgres().get().database()) : 0;
            long start = System.nanoTime() + 200_000_000L; // every learner's thread is running by then
            long end = start + duration.toNanos();
            List<Future<long[][]>> futures = new ArrayList<>();
            for (Browser browser : browsers) {
                futures.add(workers.submit(() -> {
                    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                    String csrf = browser.page.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]*)\".*", "$1");
                    URI save = autosaveUrl(browser.page, bare);
                    List<Long> latencies = new ArrayList<>();
                    List<Long> lags = new ArrayList<>();
                    List<Long> fromSend = new ArrayList<>();
                    long due = start + (long) (random.nextDouble() * intervalNanos);
                    int n = 0;
                    while (due < end) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            continue; // parkNanos may return early
                        }
                        lags.add(-wait);
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> answer = browser.send(autosave(save, csrf,
                                    "Plan my week, draft " + n++));
                            if (answer.statusCode() != 200 || !answer.body().contains("\"ok\":true")) {
                                throw new IOException("autosave answered " + answer.statusCode() + ": " + answer.body());
                            }
                            long answered = System.nanoTime();
                            latencies.add(answered - due);
                            fromSend.add(answered - sent);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1) {
                                System.out.println("first autosave error: " + e);
                            }
                        }
                        due += intervalNanos + (long) ((random.nextDouble() * 2 - 1) * jitter * intervalNanos);
                    }
                    return new long[][] {latencies.stream().mapToLong(Long::longValue).toArray(),
                            lags.stream().mapToLong(Long::longValue).toArray(),
                            fromSend.stream().mapToLong(Long::longValue).toArray()};
                }));
            }
            List<Long> all = new ArrayList<>();
            List<Long> lags = new ArrayList<>();
            List<Long> fromSend = new ArrayList<>();
            for (Future<long[][]> future : futures) {
                long[][] got = future.get();
                Arrays.stream(got[0]).forEach(all::add);
                Arrays.stream(got[1]).forEach(lags::add);
                Arrays.stream(got[2]).forEach(fromSend::add);
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            long cpu = ProcessCpu.ofAll(target.pids()) - cpuBefore;
            Map<String, Long> threadsAfter = ProcessCpu.byThreadGroup(target.pids());
            printThreadCpu(target, threadsBefore, threadsAfter, all.size());
            String requestGroup = threadsAfter.keySet().stream().filter(g -> g.startsWith("request")).findFirst()
                    .orElse("");
            long requestCpu = threadsAfter.getOrDefault(requestGroup, 0L) - threadsBefore.getOrDefault(requestGroup, 0L);
            long dbCpu = target.postgres().isPresent()
                    ? ProcessCpu.ofPostgresBackends(target.postgres().get().database()) - dbCpuBefore : 0;
            workers.shutdown();
            lags.sort(Long::compare);
            fromSend.sort(Long::compare);
            return new Window(all, lags, fromSend, errors.get(), seconds, cpu, requestCpu, dbCpu);
        }
    }

    private Result measure(Target target, int concurrency, Duration duration) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger users = new AtomicInteger();
        Instant end = Instant.now().plus(duration);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long cpuBefore = ProcessCpu.ofAll(target.pids());
        Map<String, Long> threadsBefore = ProcessCpu.byThreadGroup(target.pids());
        long dbCpuBefore = target.postgres().isPresent() ? ProcessCpu.ofPostgresBackends(target.postgres().get().database()) : 0;
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            int worker = i;
            futures.add(workers.submit(() -> {
                Browser browser = new Browser(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER).build());
                List<Long> latencies = new ArrayList<>();
                int n = worker;
                while (Instant.now().isBefore(end)) {
                    long t0 = System.nanoTime();
                    try {
                        launch(browser, target, n++, "user-" + users.incrementAndGet());
                        latencies.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.out.println("first error at " + concurrency + ": " + e);
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMs = (ProcessCpu.ofAll(target.pids()) - cpuBefore) / 1e6;
        printThreadCpu(target, threadsBefore, ProcessCpu.byThreadGroup(target.pids()), all.size());
        double dbCpuMs = target.postgres().isPresent() ? (ProcessCpu.ofPostgresBackends(target.postgres().get().database()) - dbCpuBefore) / 1e6
                : Double.NaN;
        workers.shutdown();
        all.sort(Long::compare);
        int launches = all.size();
        return new Result(target.name(), concurrency, launches, errors.get(), launches / seconds,
                percentile(all, 0.50), percentile(all, 0.99),
                target.pids().isEmpty() || launches == 0 ? Double.NaN : cpuMs / launches,
                launches == 0 ? Double.NaN : dbCpuMs / launches, ProcessCpu.loadAverage());
    }

    /**
     * The server CPU per operation by thread group (request threads, JIT compilers, VM and GC,
     * other): the request threads' share is the code under test, the JIT's shrinks as the run warms.
     */
    private static void printThreadCpu(Target target, Map<String, Long> before, Map<String, Long> after, int count) {
        if (target.pids().isEmpty() || count == 0) {
            return;
        }
        StringBuilder line = new StringBuilder(target.name() + ": server CPU ms per operation by thread group:");
        after.forEach((group, nanos) -> line.append(String.format(Locale.ROOT, " %s %.2f", group,
                (nanos - before.getOrDefault(group, 0L)) / 1e6 / count)));
        System.out.println(line);
    }

    /**
     * One user's browser: keeps the cookies the tool sets and sends them back in RFC 6265 form
     * (java.net's CookieManager sends RFC 2965 {@code $Version} attributes, which servers drop).
     */
    private static final class Browser {
        private final HttpClient http;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        /** The first page of the last launch. */
        private volatile HttpResponse<String> page;

        Browser(HttpClient http) {
            this.http = http;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name)
                        .append('=').append(value));
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                // java.net.HttpCookie reads both Max-Age and a past Expires (Express, and so ltijs,
                // clears its state cookies with Expires=Thu, 01 Jan 1970): kept cookies would
                // otherwise pile up until the peer answers 431.
                for (HttpCookie cookie : HttpCookie.parse(set)) {
                    if (cookie.getMaxAge() == 0 || cookie.hasExpired()) {
                        cookies.remove(cookie.getName());
                    } else {
                        cookies.put(cookie.getName(), cookie.getValue());
                    }
                }
            }
            return response;
        }
    }

    private HttpResponse<String> launch(Browser browser, Target target, int n, String user) throws Exception {
        int instances = target.loginUrls().size();
        URI loginUrl = target.loginUrls().get(n % instances);
        URI launchUrl = target.launchUrls().get((n + 1) % instances);
        Map<String, String> initiation = new LinkedHashMap<>();
        initiation.put("iss", issuer);
        initiation.put("login_hint", user);
        initiation.put("target_link_uri", launchUrl.toString());
        initiation.put("lti_message_hint", "{\"cmid\":2}");
        initiation.put("client_id", target.clientId());
        initiation.put("lti_deployment_id", target.deploymentId());
        HttpResponse<String> login = browser.send(post(loginUrl, initiation));
        String location = login.headers().firstValue("Location").orElseThrow(() ->
                new IOException("login answered " + login.statusCode() + " without a redirect"));
        Map<String, String> auth = query(URI.create(location).getRawQuery());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id_token", idToken(auth, target, launchUrl, user));
        form.put("state", auth.get("state"));
        // The platform posts to the redirect_uri the tool asked for; with several instances, to the next one.
        URI redirect = instances > 1 ? launchUrl : URI.create(auth.get("redirect_uri"));
        HttpResponse<String> page = browser.send(post(redirect, form));
        if (page.statusCode() == 302 || page.statusCode() == 303) {
            URI next = redirect.resolve(page.headers().firstValue("Location").orElseThrow());
            page = browser.send(HttpRequest.newBuilder(next).GET());
        }
        if (page.statusCode() != 200) {
            throw new IOException("launch answered " + page.statusCode());
        }
        return page;
    }

    private String idToken(Map<String, String> auth, Target target, URI launchUrl, String user) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(target.clientId()).subject(user)
                .issueTime(Date.from(now.minusSeconds(1))).expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", auth.get("nonce"))
                .claim("name", "Load Learner")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", target.deploymentId())
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", launchUrl.toString())
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "1", "title", "GROW"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "2", "title", "Coaching 101"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("locale", "fi"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpRequest.Builder post(URI url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options come as --name value: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
