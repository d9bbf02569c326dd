package fi.kasvu.lms.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A platform for protocol tests: its own RSA key, and valid LTI claims to start from. */
public final class TestPlatform {

    public static final String ISSUER = "https://lms.example.org";
    public static final String CLIENT_ID = "kasvu-client";
    public static final String DEPLOYMENT_ID = "7";
    public static final URI JWKS = URI.create("https://lms.example.org/jwks");

    private static final RSAKey SHARED_KEY = generate("platform-key-1");
    private final RSAKey key;

    private TestPlatform(RSAKey key) {
        this.key = key;
    }

    /** A platform with a key shared by all tests (RSA generation is slow). */
    public static TestPlatform create() {
        return new TestPlatform(SHARED_KEY);
    }

    /** A platform with a fresh key of this id. */
    public static TestPlatform withNewKey(String kid) {
        return new TestPlatform(generate(kid));
    }

    /** An RSA 2048 signing key. */
    public static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The platform's private key. */
    public RSAKey key() {
        return key;
    }

    /** The public keyset. */
    public JWKSet jwks() {
        return new JWKSet(key.toPublicJWK());
    }

    /** The registration of this platform in the tool. */
    public PlatformRegistration registration() {
        return new PlatformRegistration(ISSUER, CLIENT_ID, URI.create(ISSUER + "/auth"), URI.create(ISSUER + "/token"),
                JWKS, Set.of(DEPLOYMENT_ID), "Example LMS");
    }

    /** Valid claims of a learner's resource-link launch. */
    public JWTClaimsSet.Builder resourceLink(String nonce, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject("user-42")
                .issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("name", "Liisa Oppija")
                .claim("email", "liisa@example.invalid")
                .claim(Claims.VERSION, "1.3.0")
                .claim(Claims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                .claim(Claims.DEPLOYMENT_ID, DEPLOYMENT_ID)
                .claim(Claims.TARGET_LINK_URI, "https://kasvu.example.org/lti/launch")
                .claim(Claims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(Claims.RESOURCE_LINK, Map.of("id", "rl-1", "title", "GROW"))
                .claim(Claims.CONTEXT, Map.of("id", "course-9", "label", "C9", "title", "Coaching"))
                .claim(Claims.LAUNCH_PRESENTATION, Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim(Claims.AGS_ENDPOINT, Map.of(
                        "scope", List.of(Ags.SCOPE_SCORE, Ags.SCOPE_LINEITEM),
                        "lineitems", ISSUER + "/ags/9/lineitems",
                        "lineitem", ISSUER + "/ags/9/lineitems/1"))
                .claim(Claims.NRPS, Map.of("context_memberships_url", ISSUER + "/nrps/9", "service_versions",
                        List.of("2.0")));
    }

    /** Valid claims of a teacher's deep-linking launch. */
    public JWTClaimsSet.Builder deepLinking(String nonce, Instant now) {
        return resourceLink(nonce, now)
                .claim(Claims.MESSAGE_TYPE, "LtiDeepLinkingRequest")
                .claim(Claims.RESOURCE_LINK, null)
                .claim(Claims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
                .claim(Claims.DL_SETTINGS, Map.of(
                        "deep_link_return_url", ISSUER + "/dl/return?course=9",
                        "accept_types", List.of("ltiResourceLink"),
                        "accept_multiple", true,
                        "data", "opaque-123"));
    }

    /** Signs claims with RS256 and this platform's kid. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build());
    }

    /** Signs claims with this platform's key and the given header. */
    public String sign(JWTClaimsSet claims, JWSHeader header) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
