package fi.kasvu.lms.moodle;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for Moodle's REST web services, built on {@code java.net.http}: immutable and
 * thread-safe, made once with {@link #newBuilder()}.
 *
 * <pre>{@code
 * MoodleClient moodle = MoodleClient.newBuilder()
 *         .baseUrl(URI.create("https://moodle.example.fi"))
 *         .token(MoodleToken.fromFile(Path.of("moodle.token")))
 *         .build();
 * List<Group> groups = moodle.execute(MoodleCalls.courseGroups(2));
 * }</pre>
 *
 * <p>Failures come in three kinds: transport failures as {@link IOException} (a non-web-service
 * answer as {@link MoodleResponseException}), errors Moodle reports as {@link MoodleException},
 * and programming errors as unchecked exceptions. Reads are retried by the {@link RetryPolicy};
 * writes only when their request never left this machine.
 */
public final class MoodleClient {

    private static final Logger LOG = LoggerFactory.getLogger(MoodleClient.class);
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String REST_PATH = "webservice/rest/server.php";
    private static final String TOKEN_PATH = "login/token.php";

    private final URI baseUrl;
    private final MoodleToken token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final RetryPolicy.Sleeper sleeper;
    private final DoubleSupplier random;
    private final Semaphore permits;
    private final int maxConcurrentCalls;
    private final Executor executor;

    private MoodleClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.token = builder.token;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.maxConcurrentCalls = builder.maxConcurrentCalls;
        this.permits = new Semaphore(builder.maxConcurrentCalls, true);
        this.executor = builder.executor != null ? builder.executor : defaultExecutor();
        this.http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static ExecutorService defaultExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "moodle-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A builder with safe defaults: 10 s to connect, 60 s per request, {@link RetryPolicy#defaults()}, 4 calls at once. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The site's base URL (its wwwroot). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The most calls this client has open at once. */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /** The retry policy for safe calls. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Runs a call and returns its typed result.
     *
     * @throws MoodleException if Moodle reports an error
     * @throws IOException if the call fails in transport or the answer is not a web-service answer
     * @throws IllegalStateException if the client has no token
     */
    public <T> T execute(MoodleCall<T> call) throws IOException, MoodleException {
        Objects.requireNonNull(call, "call must not be null");
        if (token == null) {
            throw new IllegalStateException("this MoodleClient has no token; set one with token(...) to call "
                    + call.function());
        }
        String body = call.parameters().encode(List.of(
                Map.entry("wstoken", token.reveal()),
                Map.entry("wsfunction", call.function()),
                Map.entry("moodlewsrestformat", "json")));
        JsonValue value = exchange(call.function(), REST_PATH, body, call.isRead());
        if (value instanceof JsonObject object && object.containsKey("exception") && object.containsKey("errorcode")) {
            throw new MoodleException(call.function(), text(object, "exception"), text(object, "errorcode"),
                    text(object, "message"), text(object, "debuginfo"));
        }
        if (call.wireType() == null) {
            return call.finish(null);
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            throw new MoodleResponseException(call.function(), 200, "expected a result but Moodle answered null",
                    "null");
        }
        try {
            return call.finish(MoodleJson.JSONB.fromJson(value.toString(), call.wireType()));
        } catch (JsonbException | ClassCastException e) {
            MoodleResponseException failure = new MoodleResponseException(call.function(), 200,
                    "the answer does not have the expected shape (" + e.getClass().getSimpleName() + ": "
                            + redact(String.valueOf(e.getMessage())) + ")", redact(value.toString()));
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * Runs a call on the client's executor; the future fails with the same exceptions as
     * {@link #execute(MoodleCall)}, wrapped in a {@link CompletionException}.
     */
    public <T> CompletableFuture<T> executeAsync(MoodleCall<T> call) {
        Objects.requireNonNull(call, "call must not be null");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return execute(call);
            } catch (IOException | MoodleException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /**
     * The needed functions that the token's service lacks (by site info), sorted; empty when all are there.
     *
     * @throws MoodleException if Moodle refuses site info (for example an invalid token)
     * @throws IOException if the call fails in transport
     */
    public Set<String> checkFunctions(Set<String> needed) throws IOException, MoodleException {
        return execute(MoodleCalls.siteInfo()).missingFunctions(needed);
    }

    /**
     * Asks {@code login/token.php} for a token of the user for the named service. Moodle creates
     * one only for non-admins with {@code moodle/webservice:createtoken}; admins get an existing one.
     *
     * @throws MoodleException with Moodle's code ({@code invalidlogin}, {@code servicenotavailable},
     *     {@code cannotcreatetoken}, …) if Moodle refuses
     * @throws IOException if the call fails in transport
     */
    public MoodleToken requestToken(String username, char[] password, String service)
            throws IOException, MoodleException {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        Objects.requireNonNull(service, "service must not be null");
        FormBody form = new FormBody().add("username", username).add("password", new String(password))
                .add("service", service);
        JsonValue value = exchange(TOKEN_PATH, TOKEN_PATH, form.encode(List.of()), false);
        if (value instanceof JsonObject object) {
            if (object.containsKey("errorcode") || object.containsKey("error")) {
                throw new MoodleException(TOKEN_PATH, "", text(object, "errorcode"), text(object, "error"),
                        text(object, "debuginfo"));
            }
            String issued = text(object, "token");
            if (issued != null && !issued.isBlank()) {
                return MoodleToken.of(issued);
            }
        }
        throw new MoodleResponseException(TOKEN_PATH, 200, "the answer holds no token", "(not quoted: may hold secrets)");
    }

    /** {@link #requestToken(String, char[], String)} on the client's executor. */
    public CompletableFuture<MoodleToken> requestTokenAsync(String username, char[] password, String service) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return requestToken(username, password, service);
            } catch (IOException | MoodleException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private JsonValue exchange(String function, String path, String body, boolean read) throws IOException,
            MoodleException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = send(request);
            } catch (IOException e) {
                boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                        || e instanceof UnknownHostException;
                if ((read || notSent) && attempt < retryPolicy.maxAttempts()) {
                    pause(function, attempt, e.getClass().getSimpleName());
                    continue;
                }
                throw transportFailure(function, e);
            }
            int status = response.statusCode();
            String text = response.body() == null ? "" : response.body();
            if (status == 403 && text.isBlank()) {
                throw MoodleException.webServicesDisabled(function);
            }
            if (status != 200) {
                MoodleResponseException failure = new MoodleResponseException(function, status,
                        status == 404 ? "no Moodle web service at " + baseUrl.resolve(path) + " (is the URL the site root?)"
                                : "Moodle answered with an HTTP error", redact(text));
                if (read && failure.isServerFailure() && attempt < retryPolicy.maxAttempts()) {
                    pause(function, attempt, "HTTP " + status);
                    continue;
                }
                throw failure;
            }
            LOG.debug("Moodle {} answered in attempt {}", function, attempt);
            try {
                return parse(function, text);
            } catch (MoodleResponseException e) {
                if (read && attempt < retryPolicy.maxAttempts()) {
                    pause(function, attempt, "an answer that is not JSON");
                    continue;
                }
                throw e;
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free Moodle call slot");
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling Moodle");
        } finally {
            permits.release();
        }
    }

    private IOException transportFailure(String function, IOException cause) {
        String detail = cause.getMessage() == null ? "" : ": " + redact(cause.getMessage());
        IOException failure = cause instanceof InterruptedIOException
                ? new InterruptedIOException(function + " failed in transport (" + cause.getClass().getSimpleName()
                        + ")" + detail)
                : new IOException(function + " failed in transport (" + cause.getClass().getSimpleName() + ")" + detail,
                        cause);
        if (failure.getCause() == null) {
            failure.initCause(cause);
        }
        return failure;
    }

    private void pause(String function, int attempt, String reason) throws InterruptedIOException {
        Duration delay = retryPolicy.delayAfter(attempt, random.getAsDouble());
        LOG.warn("Moodle {} failed ({}), attempt {} of {}; retrying in {} ms", function, reason, attempt,
                retryPolicy.maxAttempts(), delay.toMillis());
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + function);
        }
    }

    private JsonValue parse(String function, String text) throws MoodleResponseException {
        String trimmed = text.strip();
        if (trimmed.startsWith("<")) {
            throw new MoodleResponseException(function, 200, trimmed.startsWith("<?xml")
                    ? "the answer is XML, not JSON (was moodlewsrestformat=json dropped?)"
                    : "the answer is HTML or XML, not JSON", redact(text));
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new MoodleResponseException(function, 200, "the answer is not valid JSON", redact(text));
        } catch (JsonException e) {
            throw new MoodleResponseException(function, 200, "the answer is not JSON", redact(text));
        }
    }

    private String redact(String text) {
        if (text == null || token == null) {
            return text;
        }
        return text.replace(token.reveal(), "[token]");
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    /** The base URL and limits; never the token. */
    @Override
    public String toString() {
        return "MoodleClient[" + baseUrl + ", token=" + (token == null ? "none" : "redacted") + ", maxConcurrentCalls="
                + maxConcurrentCalls + "]";
    }

    /**
     * A site's wwwroot as the client calls it: with a trailing slash.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without query, fragment, user info
     *     or script name
     */
    static URI siteRoot(URI url) {
        Objects.requireNonNull(url, "baseUrl must not be null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL: " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query, fragment or user info: "
                    + url.getScheme() + "://" + url.getHost() + url.getRawPath());
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (path.endsWith(".php")) {
            throw new IllegalArgumentException("baseUrl must be the site root, not a script: " + url);
        }
        return url.resolve(path.endsWith("/") ? path : path + "/");
    }

    /** Collects and checks a client's settings; each setter validates at once, {@link #build()} checks conflicts. */
    public static final class Builder {

        private URI baseUrl;
        private MoodleToken token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean connectTimeoutSet;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.THREAD;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private int maxConcurrentCalls = 4;
        private Executor executor;
        private HttpClient httpClient;

        private Builder() {
        }

        /**
         * The site's wwwroot, such as {@code https://moodle.example.fi} or {@code https://example.fi/moodle}.
         *
         * @throws IllegalArgumentException if it is not an absolute http(s) URL without query or fragment
         */
        public Builder baseUrl(URI url) {
            this.baseUrl = siteRoot(url);
            return this;
        }

        /** The site's wwwroot as text; see {@link #baseUrl(URI)}. */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "baseUrl must not be null");
            try {
                return baseUrl(URI.create(url.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("baseUrl")
                        ? e.getMessage() : "baseUrl is not a URL: " + url, e);
            }
        }

        /** The web-service token; optional only for a client that just calls {@code login/token.php}. */
        public Builder token(MoodleToken token) {
            this.token = Objects.requireNonNull(token, "token must not be null");
            return this;
        }

        /**
         * How long to wait for a connection.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * How long to wait for one answer.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /** When to retry safe calls. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy must not be null");
            return this;
        }

        /** How to wait between attempts (tests record the waits instead of sleeping). */
        public Builder sleeper(RetryPolicy.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
            return this;
        }

        /** The source of jitter, numbers in 0..1 (tests fix it). */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random must not be null");
            return this;
        }

        /**
         * The most calls open at once, so that one job cannot flood a Moodle.
         *
         * @throws IllegalArgumentException if not 1..64
         */
        public Builder maxConcurrentCalls(int calls) {
            if (calls < 1 || calls > 64) {
                throw new IllegalArgumentException("maxConcurrentCalls must be 1..64: " + calls);
            }
            this.maxConcurrentCalls = calls;
            return this;
        }

        /** Where async calls run; by default a pool of daemon threads owned by the client. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /** A ready HttpClient (for example with a proxy); it conflicts with {@link #connectTimeout(Duration)}. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient must not be null");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalStateException if the base URL is missing or options conflict
         */
        public MoodleClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (httpClient != null && connectTimeoutSet) {
                throw new IllegalStateException("connectTimeout conflicts with httpClient: set the timeout on the"
                        + " HttpClient instead");
            }
            if (connectTimeout.compareTo(requestTimeout) > 0) {
                throw new IllegalStateException("connectTimeout " + connectTimeout
                        + " must not exceed requestTimeout " + requestTimeout);
            }
            if ("http".equalsIgnoreCase(baseUrl.getScheme()) && !isLoopback(baseUrl.getHost())) {
                LOG.warn("Moodle base URL {} uses plain http: the token travels unencrypted", baseUrl);
            }
            return new MoodleClient(this);
        }

        private static boolean isLoopback(String host) {
            if (host.equalsIgnoreCase("localhost")) {
                return true;
            }
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
                return false;
            }
            try {
                return InetAddress.getByName(bare).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static Duration positive(String field, Duration value) {
            Objects.requireNonNull(value, field + " must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive: " + value);
            }
            return value;
        }
    }
}
