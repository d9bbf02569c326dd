package fi.kasvu.lms.lti;

import static fi.kasvu.lms.lti.LaunchRejection.Reason.*;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies an LTI 1.3 launch (the id_token and state a platform posts back) and turns it into a
 * {@link LaunchContext}, or says precisely why not. Checks, in order: a signed JWT with RS256 and a
 * kid; a registration for (iss, aud/azp); the signature with a key from that registration's
 * keyset only; exp/iat/nbf within the allowed clock skew; LTI version, message type and
 * deployment; the nonce, used once across every instance; the server-side state, bound to the
 * nonce, issuer and client id, and to the browser's copy where one came back; the claims each
 * message type requires.
 */
public final class LaunchValidator {

    private final Registrations registrations;
    private final PlatformKeys platformKeys;
    private final NonceStore nonces;
    private final LaunchStates states;
    private final Clock clock;
    private final Duration skew;
    /**
     * A verifier per platform key, so that a launch does not rebuild the RSA public key (a
     * KeyFactory call) from the keyset's JSON; keys are public, and a rotated one simply misses.
     */
    private final java.util.concurrent.ConcurrentHashMap<RSAKey, RSASSAVerifier> verifiers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private LaunchValidator(Registrations registrations, PlatformKeys platformKeys, NonceStore nonces,
                            LaunchStates states, Clock clock, Duration skew) {
        this.registrations = Require.nonNull("registrations", registrations);
        this.platformKeys = Require.nonNull("platformKeys", platformKeys);
        this.nonces = Require.nonNull("nonces", nonces);
        this.states = Require.nonNull("states", states);
        this.clock = Require.nonNull("clock", clock);
        this.skew = Require.nonNull("skew", skew);
        if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("clock skew must be 0..10 minutes: " + skew);
        }
    }

    /**
     * A validator allowing {@code skew} of clock difference between platform and tool.
     *
     * @throws IllegalArgumentException if the skew is negative or above ten minutes
     */
    public static LaunchValidator create(Registrations registrations, PlatformKeys platformKeys, NonceStore nonces,
                                         LaunchStates states, Clock clock, Duration skew) {
        return new LaunchValidator(registrations, platformKeys, nonces, states, clock, skew);
    }

    /** The default clock skew: 60 seconds. */
    public static Duration defaultSkew() {
        return Duration.ofSeconds(60);
    }

    /**
     * Validates a launch.
     *
     * @param idToken      the posted {@code id_token}, or null
     * @param state        the posted {@code state}, or null
     * @param browserState the state the browser still holds (a cookie or the platform's storage), if any
     */
    public LaunchResult validate(String idToken, String state, Optional<String> browserState) {
        try {
            return new LaunchResult.Accepted(check(idToken, state, browserState));
        } catch (Refusal refusal) {
            return new LaunchResult.Rejected(refusal.rejection);
        }
    }

    private LaunchContext check(String idToken, String state, Optional<String> browserState) throws Refusal {
        if (idToken == null || idToken.isBlank()) {
            throw refuse(TOKEN_MISSING, "no id_token parameter in the launch request");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken.strip());
        } catch (ParseException e) {
            throw refuse(TOKEN_MALFORMED, "id_token is not a JWT: " + e.getMessage());
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw refuse(ALGORITHM_NOT_ALLOWED, "alg " + jwt.getHeader().getAlgorithm() + " is not allowed; only RS256");
        }
        JWSHeader header = signed.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw refuse(ALGORITHM_NOT_ALLOWED, "alg " + header.getAlgorithm() + " is not allowed; only RS256");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) {
            throw refuse(KID_MISSING, "the JWT header has no kid");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refuse(TOKEN_MALFORMED, "id_token claims are not valid JSON claims: " + e.getMessage());
        }

        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw refuse(CLAIM_MISSING, "iss is missing");
        }
        String clientId = clientId(claims);
        PlatformRegistration registration = registrations.find(issuer, clientId).orElseThrow(() ->
                registrations.byIssuer(issuer).isEmpty()
                        ? refuse(WRONG_ISSUER, "iss " + issuer + " is not a registered platform")
                        : refuse(WRONG_AUDIENCE, "aud " + claims.getAudience() + " is not a client id registered for "
                                + "iss " + issuer));
        if (!registration.active()) {
            throw refuse(REGISTRATION_INACTIVE, "the registration of iss " + issuer + " client_id " + clientId
                    + " is " + registration.state().code());
        }

        verifySignature(signed, registration, kid);
        Instant now = clock.instant();
        Instant expiresAt = checkTimes(claims, now);

        String version = string(claims, Claims.VERSION);
        String messageTypeClaim = string(claims, Claims.MESSAGE_TYPE);
        String deploymentId = string(claims, Claims.DEPLOYMENT_ID);
        if (version == null && messageTypeClaim == null && deploymentId == null) {
            throw refuse(NOT_AN_LTI_MESSAGE, "no LTI claims (version, message_type, deployment_id) in the JWT");
        }
        if (version == null) {
            throw refuse(VERSION_MISSING, "claim " + Claims.VERSION + " is missing");
        }
        if (!Claims.LTI_VERSION.equals(version)) {
            throw refuse(VERSION_UNSUPPORTED, "version " + version + " is not " + Claims.LTI_VERSION);
        }
        if (messageTypeClaim == null) {
            throw refuse(MESSAGE_TYPE_MISSING, "claim " + Claims.MESSAGE_TYPE + " is missing");
        }
        MessageType messageType = MessageType.ofClaim(messageTypeClaim).orElseThrow(() ->
                refuse(MESSAGE_TYPE_UNSUPPORTED, "message_type " + messageTypeClaim + " is not supported"));
        if (deploymentId == null || deploymentId.isBlank()) {
            throw refuse(CLAIM_MISSING, "claim " + Claims.DEPLOYMENT_ID + " is missing");
        }
        if (!registration.hasDeployment(deploymentId)) {
            throw refuse(UNKNOWN_DEPLOYMENT, "deployment_id " + deploymentId + " is not registered for iss "
                    + issuer + " client_id " + clientId);
        }

        String nonce = string(claims, "nonce");
        if (nonce == null || nonce.isBlank()) {
            throw refuse(CLAIM_MISSING, "nonce is missing");
        }
        if (!nonces.consume(nonce, expiresAt.plus(skew).plus(Duration.ofMinutes(1)))) {
            throw refuse(NONCE_REPLAYED, "nonce was already used");
        }
        checkState(state, browserState, now, nonce, issuer, clientId);

        return context(claims, registration, clientId, deploymentId, messageType);
    }

    private String clientId(JWTClaimsSet claims) throws Refusal {
        List<String> audience = claims.getAudience();
        if (audience == null || audience.isEmpty()) {
            throw refuse(CLAIM_MISSING, "aud is missing");
        }
        Object azpClaim = claims.getClaim("azp");
        if (azpClaim != null && !(azpClaim instanceof String)) {
            throw refuse(CLAIM_INVALID, "azp must be a string: " + azpClaim);
        }
        String azp = (String) azpClaim;
        if (audience.size() == 1) {
            String aud = audience.get(0);
            if (azp != null && !azp.equals(aud)) {
                throw refuse(WRONG_AUDIENCE, "azp " + azp + " differs from aud " + aud);
            }
            return aud;
        }
        if (azp == null) {
            throw refuse(WRONG_AUDIENCE, "aud " + audience + " has several values but no azp names the client id");
        }
        if (!audience.contains(azp)) {
            throw refuse(WRONG_AUDIENCE, "azp " + azp + " is not one of aud " + audience);
        }
        return azp;
    }

    private void verifySignature(SignedJWT signed, PlatformRegistration registration, String kid) throws Refusal {
        JWK key;
        try {
            key = platformKeys.key(registration.jwksUrl(), kid).orElseThrow(() ->
                    refuse(UNKNOWN_KID, "kid " + kid + " is not in the keyset " + registration.jwksUrl()));
        } catch (IOException e) {
            throw refuse(PLATFORM_KEYS_UNAVAILABLE, "keyset " + registration.jwksUrl() + " could not be fetched: "
                    + e.getClass().getSimpleName());
        }
        if (!(key instanceof RSAKey rsaKey)) {
            throw refuse(ALGORITHM_NOT_ALLOWED, "key " + kid + " is a " + key.getKeyType() + " key, not RSA");
        }
        if (rsaKey.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(rsaKey.getAlgorithm())) {
            throw refuse(ALGORITHM_NOT_ALLOWED, "key " + kid + " is for " + rsaKey.getAlgorithm() + ", not RS256");
        }
        if (rsaKey.getKeyUse() != null && !KeyUse.SIGNATURE.equals(rsaKey.getKeyUse())) {
            throw refuse(BAD_SIGNATURE, "key " + kid + " is not a signing key");
        }
        try {
            if (!signed.verify(verifier(rsaKey))) {
                throw refuse(BAD_SIGNATURE, "signature does not verify with key " + kid);
            }
        } catch (JOSEException e) {
            throw refuse(BAD_SIGNATURE, "signature could not be checked with key " + kid + ": " + e.getMessage());
        }
    }

    private RSASSAVerifier verifier(RSAKey key) throws JOSEException {
        RSASSAVerifier verifier = verifiers.get(key);
        if (verifier == null) {
            if (verifiers.size() >= 100) {
                verifiers.clear(); // only ever a few platforms' current and previous keys
            }
            verifier = new RSASSAVerifier(key.toRSAPublicKey());
            verifiers.put(key, verifier);
        }
        return verifier;
    }

    private Instant checkTimes(JWTClaimsSet claims, Instant now) throws Refusal {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw refuse(CLAIM_MISSING, "exp is missing");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw refuse(CLAIM_MISSING, "iat is missing");
        }
        if (now.isAfter(exp.toInstant().plus(skew))) {
            throw refuse(TOKEN_EXPIRED, "exp " + exp.toInstant() + " is before now " + now + " (skew " + skew.toSeconds()
                    + " s)");
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw refuse(TOKEN_NOT_YET_VALID, "iat " + iat.toInstant() + " is after now " + now + " (skew "
                    + skew.toSeconds() + " s)");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw refuse(TOKEN_NOT_YET_VALID, "nbf " + nbf.toInstant() + " is after now " + now);
        }
        if (exp.before(iat)) {
            throw refuse(CLAIM_INVALID, "exp " + exp.toInstant() + " is before iat " + iat.toInstant());
        }
        return exp.toInstant();
    }

    private void checkState(String state, Optional<String> browserState, Instant now, String nonce, String issuer,
                            String clientId) throws Refusal {
        if (state == null || state.isBlank()) {
            throw refuse(STATE_UNKNOWN, "no state parameter in the launch request");
        }
        if (browserState.isPresent() && !browserState.get().equals(state)) {
            throw refuse(STATE_MISMATCH, "state differs from the one this browser started the login with");
        }
        LaunchState stored = states.take(state, now).orElseThrow(() ->
                refuse(STATE_UNKNOWN, "state is unknown, already used or expired"));
        if (!stored.nonce().equals(nonce)) {
            throw refuse(NONCE_MISMATCH, "nonce differs from the one sent with this state");
        }
        if (!stored.issuer().equals(issuer)) {
            throw refuse(WRONG_ISSUER, "iss " + issuer + " is not " + stored.issuer() + " that started the login");
        }
        if (!stored.clientId().equals(clientId)) {
            throw refuse(WRONG_AUDIENCE, "client_id " + clientId + " is not " + stored.clientId()
                    + " that the login was for");
        }
    }

    private LaunchContext context(JWTClaimsSet claims, PlatformRegistration registration, String clientId,
                                  String deploymentId, MessageType messageType) throws Refusal {
        String subject = string(claims, "sub");
        if (subject == null || subject.isBlank()) {
            throw refuse(CLAIM_MISSING, "sub is missing");
        }
        checkId("sub", subject);
        Object rolesClaim = claims.getClaim(Claims.ROLES);
        if (rolesClaim == null) {
            throw refuse(CLAIM_MISSING, "claim " + Claims.ROLES + " is missing (send [] for no role)");
        }
        if (!(rolesClaim instanceof List<?> roleList)) {
            throw refuse(CLAIM_INVALID, "claim " + Claims.ROLES + " must be an array");
        }
        List<LtiRole> roles = new ArrayList<>();
        for (Object role : roleList) {
            if (!(role instanceof String text)) {
                throw refuse(CLAIM_INVALID, "claim " + Claims.ROLES + " must hold strings: " + role);
            }
            if (!text.isBlank()) {
                roles.add(LtiRole.parse(text));
            }
        }

        Map<String, Object> resourceLinkClaim = object(claims, Claims.RESOURCE_LINK);
        Optional<LaunchContext.ResourceLink> resourceLink = Optional.empty();
        if (resourceLinkClaim != null) {
            String id = text(resourceLinkClaim, "id");
            if (id != null && !id.isBlank()) {
                checkId("resource_link.id", id);
                resourceLink = Optional.of(new LaunchContext.ResourceLink(id,
                        LtiIds.displayText(text(resourceLinkClaim, "title")),
                        LtiIds.displayText(text(resourceLinkClaim, "description"))));
            }
        }
        Optional<LaunchContext.DeepLinkingSettings> deepLinking = Optional.empty();
        if (messageType == MessageType.RESOURCE_LINK && resourceLink.isEmpty()) {
            throw refuse(CLAIM_MISSING, "claim " + Claims.RESOURCE_LINK + " (with id) is missing");
        }
        if (messageType == MessageType.DEEP_LINKING) {
            deepLinking = Optional.of(deepLinking(claims));
        }

        Map<String, Object> contextClaim = object(claims, Claims.CONTEXT);
        Optional<LaunchContext.Course> course = Optional.empty();
        if (contextClaim != null && text(contextClaim, "id") != null && !text(contextClaim, "id").isBlank()) {
            checkId("context.id", text(contextClaim, "id"));
            course = Optional.of(new LaunchContext.Course(text(contextClaim, "id"),
                    LtiIds.displayText(text(contextClaim, "label")), LtiIds.displayText(text(contextClaim, "title"))));
        }
        Map<String, Object> presentation = object(claims, Claims.LAUNCH_PRESENTATION);
        String locale = presentation == null || text(presentation, "locale") == null ? "" : text(presentation, "locale");
        Optional<String> returnUrl = presentation == null ? Optional.empty()
                : Optional.ofNullable(text(presentation, "return_url"));
        String documentTarget = presentation == null || text(presentation, "document_target") == null ? ""
                : text(presentation, "document_target");

        Map<String, String> custom = new LinkedHashMap<>();
        Map<String, Object> customClaim = object(claims, Claims.CUSTOM);
        if (customClaim != null) {
            customClaim.forEach((k, v) -> {
                if (v != null) {
                    custom.put(k, String.valueOf(v));
                }
            });
        }

        LaunchContext.User user = new LaunchContext.User(subject, displayText(claims, "name"),
                displayText(claims, "given_name"), displayText(claims, "family_name"), displayText(claims, "email"));
        String targetLinkUri = string(claims, Claims.TARGET_LINK_URI);
        return new LaunchContext(registration.tenant(deploymentId), registration.issuer(), clientId, deploymentId,
                messageType, targetLinkUri == null ? "" : targetLinkUri, user, roles, course, resourceLink,
                Language.fromTag(locale), locale, custom, ags(claims), nrps(claims), deepLinking, returnUrl,
                documentTarget);
    }

    private LaunchContext.DeepLinkingSettings deepLinking(JWTClaimsSet claims) throws Refusal {
        Map<String, Object> settings = object(claims, Claims.DL_SETTINGS);
        if (settings == null) {
            throw refuse(CLAIM_MISSING, "claim " + Claims.DL_SETTINGS + " is missing");
        }
        String returnUrl = text(settings, "deep_link_return_url");
        if (returnUrl == null || returnUrl.isBlank()) {
            throw refuse(CLAIM_MISSING, "deep_link_return_url is missing from " + Claims.DL_SETTINGS);
        }
        List<String> acceptTypes = new ArrayList<>();
        if (settings.get("accept_types") instanceof List<?> list) {
            list.forEach(t -> acceptTypes.add(String.valueOf(t)));
        }
        boolean multiple = Boolean.TRUE.equals(settings.get("accept_multiple"));
        return new LaunchContext.DeepLinkingSettings(uri("deep_link_return_url", returnUrl), acceptTypes, multiple,
                Optional.ofNullable(text(settings, "data")), text(settings, "title"), text(settings, "text"));
    }

    private Optional<LaunchContext.AgsEndpoint> ags(JWTClaimsSet claims) throws Refusal {
        Map<String, Object> endpoint = object(claims, Claims.AGS_ENDPOINT);
        if (endpoint == null) {
            return Optional.empty();
        }
        List<String> scopes = new ArrayList<>();
        if (endpoint.get("scope") instanceof List<?> list) {
            list.forEach(s -> scopes.add(String.valueOf(s)));
        }
        String lineItems = text(endpoint, "lineitems");
        String lineItem = text(endpoint, "lineitem");
        return Optional.of(new LaunchContext.AgsEndpoint(
                lineItems == null ? Optional.empty() : Optional.of(uri("lineitems", lineItems)),
                lineItem == null ? Optional.empty() : Optional.of(uri("lineitem", lineItem)), scopes));
    }

    private Optional<LaunchContext.NrpsEndpoint> nrps(JWTClaimsSet claims) throws Refusal {
        Map<String, Object> service = object(claims, Claims.NRPS);
        if (service == null || text(service, "context_memberships_url") == null) {
            return Optional.empty();
        }
        List<String> versions = new ArrayList<>();
        if (service.get("service_versions") instanceof List<?> list) {
            list.forEach(v -> versions.add(String.valueOf(v)));
        }
        return Optional.of(new LaunchContext.NrpsEndpoint(
                uri("context_memberships_url", text(service, "context_memberships_url")), versions));
    }

    private URI uri(String field, String value) throws Refusal {
        try {
            URI uri = URI.create(value);
            if (!uri.isAbsolute()) {
                throw refuse(CLAIM_INVALID, field + " must be an absolute URL: " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw refuse(CLAIM_INVALID, field + " is not a URL: " + value);
        }
    }

    private String string(JWTClaimsSet claims, String name) throws Refusal {
        Object value = claims.getClaim(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw refuse(CLAIM_INVALID, "claim " + name + " must be a string: " + value);
        }
        return text;
    }

    /** A name-like claim with control characters (a NUL, say) removed; PostgreSQL could not store them. */
    private Optional<String> displayText(JWTClaimsSet claims, String name) throws Refusal {
        return optionalString(claims, name).map(LtiIds::displayText).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static void checkId(String field, String value) throws Refusal {
        Optional<String> problem = LtiIds.problem(field, value);
        if (problem.isPresent()) {
            throw refuse(CLAIM_INVALID, problem.get());
        }
    }

    private Optional<String> optionalString(JWTClaimsSet claims, String name) throws Refusal {
        String value = string(claims, name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(JWTClaimsSet claims, String name) throws Refusal {
        Object value = claims.getClaim(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw refuse(CLAIM_INVALID, "claim " + name + " must be an object");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static Refusal refuse(LaunchRejection.Reason reason, String detail) {
        return new Refusal(LaunchRejection.of(reason, detail));
    }

    /** Carries a rejection out of the nested checks; never leaves this class. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient LaunchRejection rejection;

        Refusal(LaunchRejection rejection) {
            super(rejection.detail(), null, false, false);
            this.rejection = rejection;
        }
    }
}
