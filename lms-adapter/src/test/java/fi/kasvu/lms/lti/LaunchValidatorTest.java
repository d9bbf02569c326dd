package fi.kasvu.lms.lti;

import static fi.kasvu.lms.lti.LaunchRejection.Reason.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The 1EdTech certification payloads and the other attacks, against a test platform. */
class LaunchValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final TestPlatform PLATFORM = TestPlatform.create();
    static final TestPlatform OTHER = TestPlatform.withNewKey("platform-key-1");

    final MemoryPorts.MemoryRegistrations registrations = new MemoryPorts.MemoryRegistrations();
    final MemoryPorts.MemoryLaunchStates states = new MemoryPorts.MemoryLaunchStates();
    final MemoryPorts.MemoryNonces nonces = new MemoryPorts.MemoryNonces();
    final MutableClock clock = new MutableClock(NOW);
    final LaunchValidator validator = LaunchValidator.create(registrations,
            PlatformKeys.create(url -> new JwksFetcher.Fetched(PLATFORM.jwks(), Optional.empty()), clock),
            nonces, states, clock, LaunchValidator.defaultSkew());
    int flows;

    LaunchValidatorTest() {
        registrations.save(PLATFORM.registration());
    }

    /** A login was started; returns {state, nonce}. */
    String[] login() {
        flows++;
        String state = "state-" + flows;
        String nonce = "nonce-" + flows;
        states.put(new LaunchState(state, nonce, TestPlatform.ISSUER, TestPlatform.CLIENT_ID, "", "", NOW),
                NOW.plusSeconds(600));
        return new String[] {state, nonce};
    }

    LaunchResult launch(BiFunction<String, Instant, String> token) {
        String[] flow = login();
        return validator.validate(token.apply(flow[1], NOW), flow[0], Optional.empty());
    }

    static BiFunction<String, Instant, String> claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return (nonce, now) -> PLATFORM.sign(change.apply(PLATFORM.resourceLink(nonce, now)).build());
    }

    static BiFunction<String, Instant, String> header(JWSHeader header) {
        return (nonce, now) -> PLATFORM.sign(PLATFORM.resourceLink(nonce, now).build(), header);
    }

    static Stream<Arguments> badLaunches() {
        return Stream.of(
                Arguments.of("missing kid", header(new JWSHeader.Builder(JWSAlgorithm.RS256).build()),
                        KID_MISSING, "no kid"),
                Arguments.of("unknown kid", header(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nope").build()),
                        UNKNOWN_KID, "kid nope"),
                Arguments.of("RS512", header(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("platform-key-1").build()),
                        ALGORITHM_NOT_ALLOWED, "alg RS512"),
                Arguments.of("wrong LTI version", claims(b -> b.claim(Claims.VERSION, "1.2.0")),
                        VERSION_UNSUPPORTED, "version 1.2.0"),
                Arguments.of("missing LTI version", claims(b -> b.claim(Claims.VERSION, null)),
                        VERSION_MISSING, "version"),
                Arguments.of("not an LTI message", claims(b -> b.claim(Claims.VERSION, null)
                        .claim(Claims.MESSAGE_TYPE, null).claim(Claims.DEPLOYMENT_ID, null)), NOT_AN_LTI_MESSAGE,
                        "no LTI claims"),
                Arguments.of("missing message_type", claims(b -> b.claim(Claims.MESSAGE_TYPE, null)),
                        MESSAGE_TYPE_MISSING, "message_type"),
                Arguments.of("unsupported message_type", claims(b -> b.claim(Claims.MESSAGE_TYPE, "LtiFooRequest")),
                        MESSAGE_TYPE_UNSUPPORTED, "LtiFooRequest"),
                Arguments.of("missing roles", claims(b -> b.claim(Claims.ROLES, null)), CLAIM_MISSING, "roles"),
                Arguments.of("roles not an array", claims(b -> b.claim(Claims.ROLES, "Learner")), CLAIM_INVALID,
                        "roles must be an array"),
                Arguments.of("missing deployment_id", claims(b -> b.claim(Claims.DEPLOYMENT_ID, null)), CLAIM_MISSING,
                        "deployment_id"),
                Arguments.of("unknown deployment_id", claims(b -> b.claim(Claims.DEPLOYMENT_ID, "99")),
                        UNKNOWN_DEPLOYMENT, "deployment_id 99"),
                Arguments.of("missing resource_link", claims(b -> b.claim(Claims.RESOURCE_LINK, null)), CLAIM_MISSING,
                        "resource_link"),
                Arguments.of("resource_link without id", claims(b -> b.claim(Claims.RESOURCE_LINK, Map.of("title", "x"))),
                        CLAIM_MISSING, "resource_link"),
                Arguments.of("missing sub", claims(b -> b.subject(null)), CLAIM_MISSING, "sub"),
                Arguments.of("missing iat", claims(b -> b.issueTime(null)), CLAIM_MISSING, "iat"),
                Arguments.of("missing exp", claims(b -> b.expirationTime(null)), CLAIM_MISSING, "exp"),
                Arguments.of("expired", claims(b -> b.issueTime(Date.from(NOW.minusSeconds(300)))
                        .expirationTime(Date.from(NOW.minusSeconds(61)))), TOKEN_EXPIRED, "exp 2026-11-23T11:58:59Z"),
                Arguments.of("issued in the future", claims(b -> b.issueTime(Date.from(NOW.plusSeconds(61)))
                        .expirationTime(Date.from(NOW.plusSeconds(120)))), TOKEN_NOT_YET_VALID, "iat"),
                Arguments.of("missing nonce", claims(b -> b.claim("nonce", null)), CLAIM_MISSING, "nonce"),
                Arguments.of("wrong aud", claims(b -> b.audience("someone-else")), WRONG_AUDIENCE,
                        "aud [someone-else]"),
                Arguments.of("several aud without azp", claims(b -> b.audience(List.of("x", TestPlatform.CLIENT_ID))),
                        WRONG_AUDIENCE, "no azp"),
                Arguments.of("azp not in aud", claims(b -> b.audience(List.of("x", "y")).claim("azp",
                        TestPlatform.CLIENT_ID)), WRONG_AUDIENCE, "azp kasvu-client is not one of aud"),
                Arguments.of("wrong iss", claims(b -> b.issuer("https://evil.example.org")), WRONG_ISSUER,
                        "iss https://evil.example.org"),
                Arguments.of("missing iss", claims(b -> b.issuer(null)), CLAIM_MISSING, "iss"),
                Arguments.of("signed by another key with the same kid",
                        (BiFunction<String, Instant, String>) (nonce, now) ->
                                OTHER.sign(PLATFORM.resourceLink(nonce, now).build()), BAD_SIGNATURE,
                        "does not verify"),
                Arguments.of("alg none", (BiFunction<String, Instant, String>) (nonce, now) ->
                        new PlainJWT(PLATFORM.resourceLink(nonce, now).build()).serialize(), ALGORITHM_NOT_ALLOWED,
                        "alg none"),
                Arguments.of("HS256 signed with the platform's public key",
                        (BiFunction<String, Instant, String>) LaunchValidatorTest::hs256WithPublicKey,
                        ALGORITHM_NOT_ALLOWED, "alg HS256"),
                Arguments.of("not a JWT", (BiFunction<String, Instant, String>) (n, t) -> "hello.world",
                        TOKEN_MALFORMED, "not a JWT"),
                Arguments.of("no id_token", (BiFunction<String, Instant, String>) (n, t) -> "", TOKEN_MISSING,
                        "no id_token"),
                Arguments.of("deep linking without settings", claims(b -> b.claim(Claims.MESSAGE_TYPE,
                        "LtiDeepLinkingRequest")), CLAIM_MISSING, "deep_linking_settings"));
    }

    static String hs256WithPublicKey(String nonce, Instant now) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("platform-key-1").build(),
                    PLATFORM.resourceLink(nonce, now).build());
            jwt.sign(new MACSigner(PLATFORM.key().toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLaunches")
    void badLaunch_isRejectedWithReasonNamingTheValue(String name, BiFunction<String, Instant, String> token,
                                                      LaunchRejection.Reason reason, String detail) {
        LaunchResult result = launch(token);

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(reason);
            assertThat(r.rejection().detail()).contains(detail);
            assertThat(r.rejection().reason().httpStatus()).isBetween(400, 499);
        });
    }

    static Stream<Arguments> goodLaunches() {
        String lis = "http://purl.imsglobal.org/vocab/lis/v2/";
        return Stream.of(
                Arguments.of("instructor with several roles", claims(b -> b.claim(Claims.ROLES, List.of(
                        lis + "membership#Instructor", lis + "membership#Mentor", lis + "institution/person#Faculty")))),
                Arguments.of("short role names", claims(b -> b.claim(Claims.ROLES, List.of("Learner", "Instructor")))),
                Arguments.of("unknown role", claims(b -> b.claim(Claims.ROLES, List.of("http://example.org/role#Wizard")))),
                Arguments.of("no role", claims(b -> b.claim(Claims.ROLES, List.of()))),
                Arguments.of("no personal data", claims(b -> b.claim("name", null).claim("email", null))),
                Arguments.of("email only", claims(b -> b.claim("name", null))),
                Arguments.of("names only", claims(b -> b.claim("email", null).claim("given_name", "Liisa")
                        .claim("family_name", "Oppija"))),
                Arguments.of("email without context", claims(b -> b.claim(Claims.CONTEXT, null).claim("name", null))),
                Arguments.of("aud as a list with azp", claims(b -> b.audience(List.of(TestPlatform.CLIENT_ID, "other"))
                        .claim("azp", TestPlatform.CLIENT_ID))),
                Arguments.of("iat 59 s in the future (clock skew)", claims(b -> b.issueTime(Date.from(NOW.plusSeconds(59))))),
                Arguments.of("no services", claims(b -> b.claim(Claims.AGS_ENDPOINT, null).claim(Claims.NRPS, null))),
                Arguments.of("deep linking", (BiFunction<String, Instant, String>) (nonce, now) ->
                        PLATFORM.sign(PLATFORM.deepLinking(nonce, now).build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodLaunches")
    void validLaunch_isAccepted(String name, BiFunction<String, Instant, String> token) {
        LaunchResult result = launch(token);

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Accepted.class, a ->
                assertThat(a.context().tenant()).isEqualTo(PLATFORM.registration().tenant(TestPlatform.DEPLOYMENT_ID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "DISABLED"})
    void launchOfAnInactiveRegistration_isRefused(String state) {
        registrations.save(PLATFORM.registration().withState(RegistrationState.valueOf(state)));

        LaunchResult result = launch(claims(b -> b));

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(REGISTRATION_INACTIVE);
            assertThat(r.rejection().reason().httpStatus()).isEqualTo(403);
            assertThat(r.rejection().detail()).contains(state.toLowerCase(java.util.Locale.ROOT));
        });
    }

    /** LTI allows ids of 255 characters; the pages store them (long ones as a hash of the person). */
    @Test
    void idsOf255Characters_areAccepted() {
        String sub = "s".repeat(255);
        String link = "r".repeat(255);

        LaunchResult result = launch(claims(b -> b.subject(sub).claim(Claims.RESOURCE_LINK, Map.of("id", link))
                .claim(Claims.CONTEXT, Map.of("id", "c".repeat(255)))));

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Accepted.class, a -> {
            assertThat(a.context().user().subject()).isEqualTo(sub);
            assertThat(a.context().resourceLink().orElseThrow().id()).isEqualTo(link);
            assertThat(LtiIds.person(sub).value()).startsWith("sub-sha256:").hasSizeLessThanOrEqualTo(200);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "resource_link.id", "context.id"})
    void idsTooLongOrWithControlCharacters_areA400NamingTheField(String field) {
        for (String bad : List.of("x".repeat(256), "user\u000042", "a\nb", "\u0085x")) {
            LaunchResult result = launch(claims(b -> switch (field) {
                case "sub" -> b.subject(bad);
                case "resource_link.id" -> b.claim(Claims.RESOURCE_LINK, Map.of("id", bad));
                default -> b.claim(Claims.CONTEXT, Map.of("id", bad));
            }));

            assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r -> {
                assertThat(r.rejection().reason()).isEqualTo(CLAIM_INVALID);
                assertThat(r.rejection().reason().httpStatus()).isEqualTo(400);
                assertThat(r.rejection().detail()).startsWith(field).doesNotContain(bad);
            });
        }
    }

    @Test
    void controlCharactersInNames_areRemoved() {
        LaunchResult result = launch(claims(b -> b.claim("name", "Liisa\u0000 Opp\u0007ija\n")
                .claim("given_name", "\u0000").claim(Claims.RESOURCE_LINK, Map.of("id", "rl-1", "title", "GR\u0000OW"))));

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Accepted.class, a -> {
            assertThat(a.context().user().name()).contains("Liisa Oppija");
            assertThat(a.context().user().givenName()).isEmpty();
            assertThat(a.context().resourceLink().orElseThrow().title()).isEqualTo("GROW");
        });
    }

    /** Two registrations claiming one issuer and deployment (a rogue one, say) never share a tenant. */
    @Test
    void tenant_includesTheClientId() {
        PlatformRegistration genuine = PLATFORM.registration();
        PlatformRegistration other = new PlatformRegistration(genuine.issuer(), "rogue-client", genuine.authUrl(),
                genuine.tokenUrl(), genuine.jwksUrl(), genuine.deploymentIds(), "Rogue");

        assertThat(genuine.tenant(TestPlatform.DEPLOYMENT_ID)).isNotEqualTo(other.tenant(TestPlatform.DEPLOYMENT_ID))
                .isNotEqualTo(PlatformRegistration.legacyTenantOf(genuine.issuer(), TestPlatform.DEPLOYMENT_ID));
        assertThat(genuine.tenant(TestPlatform.DEPLOYMENT_ID).value())
                .isEqualTo("lti:" + TestPlatform.ISSUER + "|" + TestPlatform.CLIENT_ID + "|" + TestPlatform.DEPLOYMENT_ID);
        assertThat(PlatformRegistration.tenantOf("https://a", "x|y", "z"))
                .isNotEqualTo(PlatformRegistration.tenantOf("https://a", "x", "y|z"));
    }

    @Test
    void roles_areUnderstood() {
        LaunchResult result = launch(claims(b -> b.claim(Claims.ROLES, List.of("Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
                "http://example.org/role#Wizard"))));

        LaunchContext context = ((LaunchResult.Accepted) result).context();
        assertThat(context.roles()).extracting(LtiRole::kind).containsExactly(LtiRole.Kind.INSTRUCTOR,
                LtiRole.Kind.TEACHING_ASSISTANT, LtiRole.Kind.UNKNOWN);
        assertThat(context.isInstructor()).isTrue();
        assertThat(context.isLearner()).isFalse();
    }

    @Test
    void noPersonalData_leavesUserAnonymousButIdentified() {
        LaunchContext context = ((LaunchResult.Accepted) launch(claims(b -> b.claim("name", null)
                .claim("email", null)))).context();

        assertThat(context.user().subject()).isEqualTo("user-42");
        assertThat(context.user().displayName()).isEmpty();
        assertThat(context.user().email()).isEmpty();
        assertThat(context.language()).isEqualTo(fi.kasvu.common.Language.FI);
    }

    @Test
    void replayedNonce_isRejected_evenWithANewState() {
        String[] first = login();
        String token = PLATFORM.sign(PLATFORM.resourceLink(first[1], NOW).build());
        assertThat(validator.validate(token, first[0], Optional.empty())).isInstanceOf(LaunchResult.Accepted.class);
        String[] second = login();

        LaunchResult replay = validator.validate(token, second[0], Optional.empty());

        assertThat(replay).isInstanceOfSatisfying(LaunchResult.Rejected.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(NONCE_REPLAYED));
    }

    @Test
    void stateOfAnotherLogin_isAMismatchOfNonce() {
        String[] mine = login();
        String[] other = login();
        String token = PLATFORM.sign(PLATFORM.resourceLink(mine[1], NOW).build());

        LaunchResult result = validator.validate(token, other[0], Optional.empty());

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(NONCE_MISMATCH));
    }

    @Test
    void stateDifferentFromTheBrowsersCopy_isAMismatch() {
        String[] flow = login();
        String token = PLATFORM.sign(PLATFORM.resourceLink(flow[1], NOW).build());

        LaunchResult result = validator.validate(token, flow[0], Optional.of("state-of-another-tab"));

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(STATE_MISMATCH);
            assertThat(r.rejection().detail()).contains("differs");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "never-issued"})
    void unknownState_isRejected(String state) {
        String token = PLATFORM.sign(PLATFORM.resourceLink("fresh-nonce-" + state.length(), NOW).build());

        LaunchResult result = validator.validate(token, state, Optional.empty());

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(STATE_UNKNOWN));
    }

    @Test
    void keyOfAnotherRegistration_isNotTrusted() {
        TestPlatform evil = TestPlatform.withNewKey("evil-key");
        MutableClock c = new MutableClock(NOW);
        // The fetcher serves both keysets, but only by the registration's own URL.
        LaunchValidator v = LaunchValidator.create(registrations, PlatformKeys.create(url ->
                new JwksFetcher.Fetched(url.equals(TestPlatform.JWKS) ? PLATFORM.jwks() : evil.jwks(),
                        Optional.empty()), c), nonces, states, c, Duration.ofSeconds(60));
        registrations.save(new PlatformRegistration("https://evil.example.org", "c", URI.create("https://evil.example.org/a"),
                URI.create("https://evil.example.org/t"), URI.create("https://evil.example.org/jwks"), Set.of("1"), "evil"));
        String[] flow = login();

        LaunchResult result = v.validate(evil.sign(PLATFORM.resourceLink(flow[1], NOW).build()), flow[0],
                Optional.empty());

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(UNKNOWN_KID));
    }

    @Test
    void skew_outsideZeroToTenMinutes_isRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LaunchValidator.create(registrations,
                        PlatformKeys.create(url -> new JwksFetcher.Fetched(new JWKSet(), Optional.empty()), clock),
                        nonces, states, clock, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock skew must be 0..10 minutes: PT-1S");
    }
}
