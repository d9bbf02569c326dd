package fi.kasvu.lms.lti;

import static fi.kasvu.lms.lti.LaunchRejection.Reason.LOGIN_PARAMETER_MISSING;
import static fi.kasvu.lms.lti.LaunchRejection.Reason.UNKNOWN_DEPLOYMENT;
import static fi.kasvu.lms.lti.LaunchRejection.Reason.REGISTRATION_INACTIVE;
import static fi.kasvu.lms.lti.LaunchRejection.Reason.UNKNOWN_REGISTRATION;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Require;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OIDC third-party login initiation: checks the platform's parameters, stores fresh state and
 * nonce server-side, and builds the authentication request to send the browser to. The
 * {@code lti_message_hint} is echoed exactly as received.
 */
public final class LoginInitiation {

    private final Registrations registrations;
    private final LaunchStates states;
    private final Clock clock;
    private final IdGenerator ids;
    private final URI redirectUri;
    private final Duration stateLifetime;

    private LoginInitiation(Registrations registrations, LaunchStates states, Clock clock, IdGenerator ids,
                            URI redirectUri, Duration stateLifetime) {
        this.registrations = Require.nonNull("registrations", registrations);
        this.states = Require.nonNull("states", states);
        this.clock = Require.nonNull("clock", clock);
        this.ids = Require.nonNull("ids", ids);
        this.redirectUri = Require.nonNull("redirectUri", redirectUri);
        this.stateLifetime = Require.nonNull("stateLifetime", stateLifetime);
        if (stateLifetime.compareTo(Duration.ofMinutes(2)) < 0) {
            throw new IllegalArgumentException("state lifetime must be at least 2 minutes (an id_token's 60 s "
                    + "plus clock skew): " + stateLifetime);
        }
    }

    /**
     * A login initiation that sends launches to {@code redirectUri} and keeps state for {@code stateLifetime}.
     *
     * @throws IllegalArgumentException if the lifetime is under two minutes
     */
    public static LoginInitiation create(Registrations registrations, LaunchStates states, Clock clock,
                                         IdGenerator ids, URI redirectUri, Duration stateLifetime) {
        return new LoginInitiation(registrations, states, clock, ids, redirectUri, stateLifetime);
    }

    /** The default state lifetime: ten minutes. */
    public static Duration defaultStateLifetime() {
        return Duration.ofMinutes(10);
    }

    /** Where the browser goes next, or why the login was refused. */
    public sealed interface Outcome {
        /**
         * Send the browser to the platform's authorization endpoint.
         *
         * @param authRequest   the full authentication request URL
         * @param state         what was stored
         * @param storageTarget the platform's {@code lti_storage_target}, if it offers client-side storage
         * @param authUrl       the authorization endpoint alone
         * @param parameters    the request's parameters (for a form post instead of a redirect)
         */
        record Redirect(URI authRequest, LaunchState state, Optional<String> storageTarget, URI authUrl,
                        Map<String, String> parameters) implements Outcome {
        }

        /**
         * The login was refused.
         *
         * @param rejection why
         */
        record Refused(LaunchRejection rejection) implements Outcome {
        }
    }

    /** Handles a login initiation's parameters (from GET or POST). */
    public Outcome start(Map<String, String> params) {
        String issuer = params.get("iss");
        String loginHint = params.get("login_hint");
        String targetLinkUri = params.get("target_link_uri");
        for (String required : List.of("iss", "login_hint", "target_link_uri")) {
            if (params.get(required) == null || params.get(required).isBlank()) {
                return refused(LOGIN_PARAMETER_MISSING, required + " is missing from the login initiation");
            }
        }
        String clientId = params.get("client_id");
        PlatformRegistration registration;
        if (clientId == null || clientId.isBlank()) {
            List<PlatformRegistration> candidates = registrations.byIssuer(issuer);
            if (candidates.size() != 1) {
                return refused(UNKNOWN_REGISTRATION, "iss " + issuer + " sent no client_id and has "
                        + candidates.size() + " registrations");
            }
            registration = candidates.get(0);
        } else {
            Optional<PlatformRegistration> found = registrations.find(issuer, clientId);
            if (found.isEmpty()) {
                return refused(UNKNOWN_REGISTRATION, "iss " + issuer + " client_id " + clientId + " is not registered");
            }
            registration = found.get();
        }
        if (!registration.active()) {
            return refused(REGISTRATION_INACTIVE, "the registration of iss " + issuer + " client_id "
                    + registration.clientId() + " is " + registration.state().code());
        }
        String deploymentId = params.get("lti_deployment_id");
        if (deploymentId != null && !deploymentId.isBlank() && !registration.hasDeployment(deploymentId)) {
            return refused(UNKNOWN_DEPLOYMENT, "deployment_id " + deploymentId + " is not registered for iss "
                    + issuer + " client_id " + registration.clientId());
        }
        Instant now = clock.instant();
        Optional<String> storageTarget = Optional.ofNullable(params.get("lti_storage_target"))
                .filter(s -> !s.isBlank());
        LaunchState state = new LaunchState(ids.next(), ids.next(), registration.issuer(), registration.clientId(),
                targetLinkUri, storageTarget.orElse(""), now);
        states.put(state, now.plus(stateLifetime));

        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", registration.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("login_hint", loginHint);
        query.put("state", state.state());
        query.put("nonce", state.nonce());
        String messageHint = params.get("lti_message_hint");
        if (messageHint != null) {
            query.put("lti_message_hint", messageHint);
        }
        return new Outcome.Redirect(withQuery(registration.authUrl(), query), state, storageTarget,
                registration.authUrl(), Map.copyOf(query));
    }

    /** A URL with parameters appended to its query, form-encoded. */
    public static URI withQuery(URI base, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base.toString());
        char separator = base.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            url.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private static Outcome refused(LaunchRejection.Reason reason, String detail) {
        return new Outcome.Refused(LaunchRejection.of(reason, detail));
    }
}
