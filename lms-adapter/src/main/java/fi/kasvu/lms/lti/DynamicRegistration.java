package fi.kasvu.lms.lti;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Require;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * 1EdTech LTI Dynamic Registration, behind an admin's invite: nothing is fetched unless the
 * request carries a valid, unused invite token ({@code kasvu platform invite}). The platform's
 * OpenID configuration must come from the issuer's own origin, every endpoint must share it, a
 * registration that exists is never changed, and a remote answer is never shown or logged.
 */
public final class DynamicRegistration {

    private final HttpClient http;
    private final Registrations registrations;
    private final RegistrationInvites invites;
    private final ToolConfiguration tool;
    private final Clock clock;
    private final IdGenerator ids;
    private final Policy policy;

    /**
     * The limits of Dynamic Registration.
     *
     * @param allowedHosts     the only platform hosts that may be contacted (lowercase); empty for any host
     * @param maxRegistrations how many registrations (pending and disabled included) may exist
     * @param timeout          the connect and answer timeout of each call to the platform
     * @param maxResponseBytes the largest answer read from the platform
     */
    public record Policy(Set<String> allowedHosts, int maxRegistrations, Duration timeout, int maxResponseBytes) {

        /** @throws IllegalArgumentException if a limit is not positive or the timeout exceeds a minute */
        public Policy {
            allowedHosts = Require.nonNull("allowedHosts", allowedHosts).stream()
                    .map(h -> Require.nonBlank("allowed host", h).strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            Require.range("maxRegistrations", maxRegistrations, 1, 100_000);
            Require.nonNull("timeout", timeout);
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("timeout must be 1 ms..1 minute: " + timeout);
            }
            Require.range("maxResponseBytes", maxResponseBytes, 1024, 10 * 1024 * 1024);
        }

        /** Any host, 100 registrations, a 5-second timeout, answers up to 64 KiB. */
        public static Policy defaults() {
            return new Policy(Set.of(), 100, Duration.ofSeconds(5), 64 * 1024);
        }

        /** This policy contacting only these hosts (empty: any). */
        public Policy withAllowedHosts(Set<String> hosts) {
            return new Policy(hosts, maxRegistrations, timeout, maxResponseBytes);
        }

        /** This policy with another registration limit. */
        public Policy withMaxRegistrations(int max) {
            return new Policy(allowedHosts, max, timeout, maxResponseBytes);
        }

        /** This policy with another timeout. */
        public Policy withTimeout(Duration value) {
            return new Policy(allowedHosts, maxRegistrations, value, maxResponseBytes);
        }

        boolean allows(String host) {
            return allowedHosts.isEmpty() || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * An invite an admin hands to a platform.
     *
     * @param url             the registration URL to paste into the platform (holds the token)
     * @param expiresAt       when it stops working
     * @param requireApproval whether the registration will wait for {@code kasvu platform approve}
     */
    public record Invite(URI url, Instant expiresAt, boolean requireApproval) {
    }

    /** What a registration attempt came to. */
    public sealed interface Outcome {

        /**
         * The platform was registered.
         *
         * @param registration what was stored (pending if the invite asked for approval)
         * @param productName  the platform's product family (e.g. {@code moodle}), or empty
         */
        record Registered(PlatformRegistration registration, String productName) implements Outcome {
        }

        /**
         * Nothing was stored.
         *
         * @param reason why
         * @param detail what exactly, built from Kasvu's own checks (never the platform's answer)
         */
        record Refused(Reason reason, String detail) implements Outcome {
        }
    }

    /** Why a registration was refused, with the HTTP status the registration page answers with. */
    public enum Reason {
        /** No invite, or an unknown, used or expired one. */
        INVITE_INVALID(403, "This registration link is not valid: it is unknown, used or expired. Ask the Kasvu "
                + "administrator for a new one (kasvu platform invite)."),
        /** The configuration URL is not an absolute http(s) URL with a host and no user info. */
        CONFIGURATION_URL_INVALID(400, "The platform's configuration URL must be an absolute http(s) URL without "
                + "user info."),
        /** The host is not on the allow-list. */
        HOST_NOT_ALLOWED(403, "Kasvu is configured to register only platforms on its allowed hosts."),
        /** The registration limit is reached. */
        LIMIT_REACHED(409, "Kasvu has as many platform registrations as it allows. Remove unused ones first "
                + "(kasvu platform list / remove)."),
        /** The platform could not be reached, answered too slowly, too much, or with an error. */
        PLATFORM_UNAVAILABLE(502, "The platform could not be reached or did not answer as expected."),
        /** The configuration or the registration answer is not usable. */
        ANSWER_INVALID(502, "The platform's answer is not a usable LTI registration."),
        /** The issuer or an endpoint is not on the origin of the configuration URL. */
        ORIGIN_MISMATCH(400, "The platform's issuer and every endpoint must be on the same origin (scheme, host "
                + "and port) as its configuration URL."),
        /** A registration of the issuer and client id exists. */
        ALREADY_REGISTERED(409, "This platform and client id are already registered; a registration is never "
                + "changed through Dynamic Registration. Use kasvu platform add, or remove it first.");

        private final int httpStatus;
        private final String explanation;

        Reason(int httpStatus, String explanation) {
            this.httpStatus = httpStatus;
            this.explanation = explanation;
        }

        /** The HTTP status of the refusal page. */
        public int httpStatus() {
            return httpStatus;
        }

        /** What an admin should know, in English. */
        public String explanation() {
            return explanation;
        }
    }

    /**
     * Registration through this HTTP client into these registrations.
     *
     * @throws NullPointerException if any part is null
     */
    public DynamicRegistration(HttpClient http, Registrations registrations, RegistrationInvites invites,
                               ToolConfiguration tool, Clock clock, IdGenerator ids, Policy policy) {
        this.http = Require.nonNull("http", http);
        this.registrations = Require.nonNull("registrations", registrations);
        this.invites = Require.nonNull("invites", invites);
        this.tool = Require.nonNull("tool", tool);
        this.clock = Require.nonNull("clock", clock);
        this.ids = Require.nonNull("ids", ids);
        this.policy = Require.nonNull("policy", policy);
    }

    /**
     * Creates a single-use invite; only the hash of its token is stored.
     *
     * @param validFor        how long it works, 1 minute..7 days
     * @param requireApproval whether the registration it makes waits for an admin's approval
     * @throws IllegalArgumentException if the validity is out of range
     */
    public Invite invite(Duration validFor, boolean requireApproval) {
        Require.nonNull("validFor", validFor);
        if (validFor.compareTo(Duration.ofMinutes(1)) < 0 || validFor.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("an invite must be valid for 1 minute..7 days: " + validFor);
        }
        String token = ids.next();
        Instant expiresAt = clock.instant().plus(validFor);
        invites.store(RegistrationInvites.hash(token), new RegistrationInvites.Terms(expiresAt, requireApproval));
        return new Invite(tool.inviteUrl(token), expiresAt, requireApproval);
    }

    /**
     * Registers with the platform if the invite is valid; the invite is used up by the attempt.
     *
     * @param inviteToken         the token of the admin's invite (from the registration URL's path)
     * @param openidConfiguration the platform's configuration URL ({@code openid_configuration})
     * @param registrationToken   the platform's one-time token, or null
     */
    public Outcome register(String inviteToken, String openidConfiguration, String registrationToken) {
        Optional<RegistrationInvites.Terms> terms = inviteToken == null || inviteToken.isBlank()
                || inviteToken.length() > Require.MAX_ID ? Optional.empty()
                : invites.redeem(RegistrationInvites.hash(inviteToken), clock.instant());
        if (terms.isEmpty()) {
            return refused(Reason.INVITE_INVALID, "no valid invite in the registration URL");
        }
        Optional<PlatformOrigin> origin = PlatformOrigin.of(openidConfiguration);
        if (origin.isEmpty()) {
            return refused(Reason.CONFIGURATION_URL_INVALID, "openid_configuration is not an absolute http(s) URL "
                    + "with a host and without user info");
        }
        if (!policy.allows(origin.get().host())) {
            return refused(Reason.HOST_NOT_ALLOWED, "host " + LogSafe.of(origin.get().host())
                    + " is not among the allowed registration hosts");
        }
        if (registrations.all().size() >= policy.maxRegistrations()) {
            return refused(Reason.LIMIT_REACHED, "the limit is " + policy.maxRegistrations() + " registrations");
        }
        URI configurationUrl = URI.create(openidConfiguration);
        Fetched configResponse;
        try {
            configResponse = fetch(HttpRequest.newBuilder(configurationUrl).header("Accept", "application/json")
                    .GET());
        } catch (IOException e) {
            return unreachable("the configuration URL", e);
        }
        if (configResponse.status() != 200) {
            return refused(Reason.PLATFORM_UNAVAILABLE, "the configuration URL answered HTTP " + configResponse.status());
        }
        JsonObject config;
        try {
            config = JsonBodies.object("openid configuration", configResponse.body());
        } catch (IOException | RuntimeException e) {
            return refused(Reason.ANSWER_INVALID, "the configuration is not a JSON object");
        }
        Optional<String> issuer = JsonBodies.string(config, "issuer").filter(s -> !s.isBlank());
        if (issuer.isEmpty()) {
            return refused(Reason.ANSWER_INVALID, "the configuration has no issuer");
        }
        if (!issuesFrom(issuer.get(), configurationUrl, origin.get())) {
            return refused(Reason.ORIGIN_MISMATCH, "the issuer is not the origin (and path) of the configuration URL "
                    + "exactly");
        }
        URI[] endpoints = new URI[4];
        String[] names = {"registration_endpoint", "authorization_endpoint", "token_endpoint", "jwks_uri"};
        for (int i = 0; i < names.length; i++) {
            Optional<URI> endpoint = JsonBodies.string(config, names[i]).flatMap(DynamicRegistration::anyUri);
            if (endpoint.isEmpty()) {
                return refused(Reason.ANSWER_INVALID, "the configuration has no usable " + names[i]);
            }
            if (!origin.get().owns(endpoint.get())) {
                return refused(Reason.ORIGIN_MISMATCH, names[i] + " is not on the issuer's origin");
            }
            endpoints[i] = endpoint.get();
        }
        String product = "";
        if (config.get(Claims.PLATFORM_CONFIGURATION) instanceof JsonObject platform) {
            product = JsonBodies.string(platform, "product_family_code").map(LogSafe::of).orElse("");
        }

        HttpRequest.Builder post = HttpRequest.newBuilder(endpoints[0])
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tool.registrationRequest()));
        if (registrationToken != null && !registrationToken.isBlank()) {
            if (registrationToken.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                return refused(Reason.ANSWER_INVALID, "registration_token has characters a bearer token cannot have");
            }
            post.header("Authorization", "Bearer " + registrationToken);
        }
        Fetched response;
        try {
            response = fetch(post);
        } catch (IOException e) {
            return unreachable("the registration endpoint", e);
        }
        if (response.status() / 100 != 2) {
            return refused(Reason.PLATFORM_UNAVAILABLE, "the registration endpoint answered HTTP " + response.status());
        }
        PlatformRegistration fresh;
        try {
            JsonObject answer = JsonBodies.object("registration response", response.body());
            String clientId = JsonBodies.string(answer, "client_id").orElseThrow(() ->
                    new IllegalArgumentException("the registration answer has no client_id"));
            JsonValue toolConfig = answer.get(Claims.TOOL_CONFIGURATION);
            String deploymentId = (toolConfig instanceof JsonObject t ? JsonBodies.string(t, "deployment_id")
                    : Optional.<String>empty()).orElseThrow(() -> new IllegalArgumentException(
                    "the registration answer has no deployment_id"));
            fresh = new PlatformRegistration(issuer.get(), clientId, endpoints[1], endpoints[2], endpoints[3],
                    Set.of(deploymentId), product.isEmpty() ? issuer.get() : product + " " + issuer.get(),
                    terms.get().requireApproval() ? RegistrationState.PENDING : RegistrationState.ACTIVE);
        } catch (IOException | RuntimeException e) {
            // The constructor's messages quote the platform's values; name only what is wrong.
            return refused(Reason.ANSWER_INVALID, "the registration answer lacks a valid client_id or deployment_id");
        }
        if (!registrations.create(fresh)) {
            return refused(Reason.ALREADY_REGISTERED, "a registration of this issuer and client id exists");
        }
        return new Outcome.Registered(fresh, product);
    }

    /**
     * Whether the issuer is exactly the configuration URL's origin, optionally with a path the
     * configuration URL lies under (Moodle in a subfolder: {@code https://host/moodle}).
     */
    static boolean issuesFrom(String issuer, URI configurationUrl, PlatformOrigin origin) {
        Optional<URI> issuerUrl = uri(issuer);
        if (issuerUrl.isEmpty() || !origin.owns(issuerUrl.get()) || issuerUrl.get().getRawQuery() != null
                || issuerUrl.get().getRawFragment() != null) {
            return false;
        }
        String path = Optional.ofNullable(issuerUrl.get().getRawPath()).orElse("");
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String configPath = Optional.ofNullable(configurationUrl.getRawPath()).orElse("");
        return path.isEmpty() || configPath.equals(path) || configPath.startsWith(path + "/");
    }

    private static Optional<URI> uri(String value) {
        return PlatformOrigin.of(value).map(o -> URI.create(value));
    }

    private static Optional<URI> anyUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private Outcome unreachable(String what, IOException e) {
        // The exception's message may quote the address; name only its kind.
        return refused(Reason.PLATFORM_UNAVAILABLE, what + " could not be read (" + e.getClass().getSimpleName() + ")");
    }

    private record Fetched(int status, String body) {
    }

    /** One call with the policy's timeout, reading at most the policy's number of bytes. */
    private Fetched fetch(HttpRequest.Builder request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.timeout(policy.timeout()).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        InputStream in = response.body();
        // A body that trickles in slowly is cut off at the same timeout: the stream is closed under the reader.
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> closeQuietly(in),
                CompletableFuture.delayedExecutor(policy.timeout().toMillis(), TimeUnit.MILLISECONDS));
        try (in) {
            byte[] bytes = in.readNBytes(policy.maxResponseBytes() + 1);
            if (bytes.length > policy.maxResponseBytes()) {
                throw new ResponseTooLargeException();
            }
            return new Fetched(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        } finally {
            deadline.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing to interrupt a slow read; the reader reports the failure.
        }
    }

    /** A platform answer longer than the policy allows. */
    static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static Outcome refused(Reason reason, String detail) {
        return new Outcome.Refused(reason, detail);
    }
}
