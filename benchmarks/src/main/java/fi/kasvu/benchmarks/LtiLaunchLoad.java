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
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.server.KasvuServer;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
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
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator that plays an LTI 1.3 platform (its own RSA key, a JWKS endpoint, id_tokens
 * signed per launch) and measures complete launches: login initiation → the tool's redirect to
 * the platform's auth endpoint → the id_token form post → the first page the user sees. It runs
 * against {@code kasvu serve} started in-process on H2 and on PostgreSQL, or against any LTI 1.3
 * tool given its URLs and the client id it was registered with.
 *
 * <pre>
 * java -cp benchmarks.jar fi.kasvu.benchmarks.LtiLaunchLoad [--db h2,postgres] [--concurrency 1,16,64]
 *      [--seconds 15] [--warmup 5]
 * java -cp benchmarks.jar fi.kasvu.benchmarks.LtiLaunchLoad --login-url https://tool/login
 *      --launch-url https://tool/launch --client-id ID --deployment-id 1 --platform-port 9999
 * </pre>
 * For another tool, register the platform there with issuer {@code http://<host>:<platform-port>},
 * keyset {@code /jwks} and auth URL {@code /auth} on that port before the run.
 */
public final class LtiLaunchLoad {

    private final RSAKey key;
    private final HttpServer platform;
    private final String issuer;

    private LtiLaunchLoad(int port, String host) throws Exception {
        key = new RSAKeyGenerator(2048).keyID("load-platform").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .generate();
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

    /** One configuration's result. */
    record Result(String target, int concurrency, int launches, int errors, double perSecond, double p50, double p99) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f |", target, concurrency, launches,
                    errors, perSecond, p50, p99);
        }
    }

    /** What a launch goes to. */
    record Target(String name, URI loginUrl, URI launchUrl, String clientId, String deploymentId) {
    }

    /**
     * Runs the load.
     *
     * @throws Exception if a server cannot start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> levels = Arrays.stream(options.getOrDefault("concurrency", "1,16,64").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        LtiLaunchLoad load = new LtiLaunchLoad(Integer.parseInt(options.getOrDefault("platform-port", "0")),
                options.getOrDefault("platform-host", "127.0.0.1"));
        List<Result> results = new ArrayList<>();
        System.out.println("Platform issuer " + load.issuer + ", keyset " + load.issuer + "/jwks");
        try {
            if (options.containsKey("login-url")) {
                Target target = new Target(options.getOrDefault("name", "external"), URI.create(options.get("login-url")),
                        URI.create(options.get("launch-url")), options.get("client-id"),
                        options.getOrDefault("deployment-id", "1"));
                results.addAll(load.run(target, levels, warmup, duration));
            } else {
                for (String db : options.getOrDefault("db", "h2,postgres").split(",")) {
                    results.addAll(load.runKasvu(db.strip(), levels, warmup, duration));
                }
            }
        } finally {
            load.platform.stop(0);
            ((ExecutorService) load.platform.getExecutor()).shutdownNow();
        }
        System.out.println();
        System.out.println("| target | concurrent launches | launches | errors | launches/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
        System.exit(0);
    }

    private List<Result> runKasvu(String db, List<Integer> levels, Duration warmup, Duration duration) throws Exception {
        Path dir = Files.createTempDirectory("kasvu-load");
        EmbeddedPostgres postgres = null;
        DatabaseConfig config;
        if (db.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE kasvu_load");
            }
            config = DatabaseConfig.of("jdbc:postgresql://localhost:" + postgres.getPort() + "/kasvu_load", "postgres", "")
                    .withPoolSize(32);
        } else {
            config = DatabaseConfig.embeddedIn(dir).withPoolSize(32);
        }
        try (KasvuDatabase database = KasvuDatabase.open(config);
             KasvuServer server = KasvuServer.start(database, KasvuServer.Settings.defaults().withPort(0),
                     Clock.systemUTC())) {
            server.registrations().save(new PlatformRegistration(issuer, "load-client", URI.create(issuer + "/auth"),
                    URI.create(issuer + "/token"), URI.create(issuer + "/jwks"), Set.of("1"), "load generator"));
            return run(new Target("kasvu serve, " + (db.equals("postgres") ? "PostgreSQL" : "H2"),
                    server.tool().loginUrl(), server.tool().launchUrl(), "load-client", "1"), levels, warmup, duration);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private List<Result> run(Target target, List<Integer> levels, Duration warmup, Duration duration)
            throws Exception {
        List<Result> results = new ArrayList<>();
        measure(target, 4, warmup);
        for (int concurrency : levels) {
            Result result = measure(target, concurrency, duration);
            System.out.println(result.row());
            results.add(result);
        }
        return results;
    }

    private Result measure(Target target, int concurrency, Duration duration) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger users = new AtomicInteger();
        Instant end = Instant.now().plus(duration);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            futures.add(workers.submit(() -> {
                HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).build();
                List<Long> latencies = new ArrayList<>();
                while (Instant.now().isBefore(end)) {
                    long t0 = System.nanoTime();
                    try {
                        launch(browser, target, "user-" + users.incrementAndGet());
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
        workers.shutdown();
        all.sort(Long::compare);
        return new Result(target.name(), concurrency, all.size(), errors.get(), all.size() / seconds,
                percentile(all, 0.50), percentile(all, 0.99));
    }

    private void launch(HttpClient browser, Target target, String user) throws Exception {
        Map<String, String> initiation = new LinkedHashMap<>();
        initiation.put("iss", issuer);
        initiation.put("login_hint", user);
        initiation.put("target_link_uri", target.launchUrl().toString());
        initiation.put("lti_message_hint", "{\"cmid\":2}");
        initiation.put("client_id", target.clientId());
        initiation.put("lti_deployment_id", target.deploymentId());
        HttpResponse<String> login = browser.send(post(target.loginUrl(), initiation), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElseThrow(() ->
                new IOException("login answered " + login.statusCode() + " without a redirect"));
        Map<String, String> auth = query(URI.create(location).getRawQuery());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id_token", idToken(auth, target, user));
        form.put("state", auth.get("state"));
        HttpResponse<String> page = browser.send(post(URI.create(auth.get("redirect_uri")), form),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() == 302 || page.statusCode() == 303) {
            URI next = URI.create(auth.get("redirect_uri")).resolve(page.headers().firstValue("Location").orElseThrow());
            page = browser.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        if (page.statusCode() != 200) {
            throw new IOException("launch answered " + page.statusCode());
        }
    }

    private String idToken(Map<String, String> auth, Target target, String user) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(target.clientId()).subject(user)
                .issueTime(Date.from(now.minusSeconds(1))).expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", auth.get("nonce"))
                .claim("name", "Load Learner")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", target.deploymentId())
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target.launchUrl().toString())
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

    private static HttpRequest post(URI url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
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
