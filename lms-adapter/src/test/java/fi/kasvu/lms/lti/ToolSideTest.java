package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fi.kasvu.common.IdGenerator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Login initiation, tool keys and the deep-linking response. */
class ToolSideTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final MemoryPorts.MemoryRegistrations registrations = new MemoryPorts.MemoryRegistrations();
    final MemoryPorts.MemoryLaunchStates states = new MemoryPorts.MemoryLaunchStates();
    final LoginInitiation login = LoginInitiation.create(registrations, states, clock, IdGenerator.sequence("r"),
            URI.create("https://kasvu.example.org/lti/launch"), LoginInitiation.defaultStateLifetime());
    final MemoryStores.MemoryToolKeys toolKeys = new MemoryStores.MemoryToolKeys();
    final ToolKeyRing ring = ToolKeyRing.create(toolKeys, clock, IdGenerator.sequence("kid"), 2048);

    ToolSideTest() {
        registrations.save(TestPlatform.create().registration());
    }

    Map<String, String> moodleInitiation() {
        return Map.of("iss", TestPlatform.ISSUER, "login_hint", "5", "target_link_uri",
                "https://kasvu.example.org/lti/launch", "lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_1\"}",
                "client_id", TestPlatform.CLIENT_ID, "lti_deployment_id", TestPlatform.DEPLOYMENT_ID);
    }

    @Test
    void login_storesStateAndNonce_andEchoesTheMessageHint() {
        LoginInitiation.Outcome outcome = login.start(moodleInitiation());

        assertThat(outcome).isInstanceOfSatisfying(LoginInitiation.Outcome.Redirect.class, r -> {
            assertThat(r.authRequest().toString()).startsWith(TestPlatform.ISSUER + "/auth?scope=openid"
                    + "&response_type=id_token&response_mode=form_post&prompt=none&client_id=kasvu-client"
                    + "&redirect_uri=https%3A%2F%2Fkasvu.example.org%2Flti%2Flaunch&login_hint=5&state=r-1&nonce=r-2");
            assertThat(r.parameters()).containsEntry("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_1\"}");
            assertThat(r.storageTarget()).isEmpty();
        });
        clock.advance(Duration.ofMinutes(9));
        assertThat(states.take("r-1", clock.instant())).get().extracting(LaunchState::nonce).isEqualTo("r-2");
    }

    @Test
    void recordedMoodleInitiation_givesTheAuthRequestMoodleAccepted() {
        jakarta.json.JsonObject recorded = jakarta.json.Json.createReader(new java.io.StringReader(
                MoodleFixtures.lti("resource_link_student/login_initiation.json"))).readObject();
        jakarta.json.JsonObject accepted = jakarta.json.Json.createReader(new java.io.StringReader(
                MoodleFixtures.lti("resource_link_student/auth_request.json"))).readObject().getJsonObject("params");
        registrations.save(new PlatformRegistration("http://127.0.0.1:8081", "0m6qvD5FnqXXGbV",
                URI.create("http://127.0.0.1:8081/mod/lti/auth.php"), URI.create("http://127.0.0.1:8081/mod/lti/token.php"),
                URI.create("http://127.0.0.1:8081/mod/lti/certs.php"), java.util.Set.of("1"), "localmoodle"));
        Map<String, String> params = new java.util.HashMap<>();
        recorded.forEach((k, v) -> params.put(k, ((jakarta.json.JsonString) v).getString()));

        LoginInitiation.Outcome outcome = login.start(params);

        assertThat(outcome).isInstanceOfSatisfying(LoginInitiation.Outcome.Redirect.class, r -> {
            assertThat(r.parameters().keySet()).containsExactlyInAnyOrderElementsOf(accepted.keySet());
            for (String same : List.of("scope", "response_type", "response_mode", "prompt", "client_id", "login_hint",
                    "lti_message_hint")) {
                assertThat(r.parameters().get(same)).as(same).isEqualTo(accepted.getString(same));
            }
            assertThat(r.authRequest().toString()).startsWith("http://127.0.0.1:8081/mod/lti/auth.php?");
        });
    }

    @Test
    void login_recordsThePlatformStorageTarget() {
        Map<String, String> params = new java.util.HashMap<>(moodleInitiation());
        params.put("lti_storage_target", "_parent");

        LoginInitiation.Outcome outcome = login.start(params);

        assertThat(outcome).isInstanceOfSatisfying(LoginInitiation.Outcome.Redirect.class, r -> {
            assertThat(r.storageTarget()).contains("_parent");
            assertThat(r.state().platformStorage()).isTrue();
        });
    }

    @Test
    void login_fromAnUnknownPlatformOrDeployment_isRefused() {
        Map<String, String> unknown = new java.util.HashMap<>(moodleInitiation());
        unknown.put("client_id", "nobody");
        Map<String, String> deployment = new java.util.HashMap<>(moodleInitiation());
        deployment.put("lti_deployment_id", "99");
        Map<String, String> missing = new java.util.HashMap<>(moodleInitiation());
        missing.remove("login_hint");

        assertThat(login.start(unknown)).isInstanceOfSatisfying(LoginInitiation.Outcome.Refused.class, r ->
                assertThat(r.rejection().detail()).contains("client_id nobody is not registered"));
        assertThat(login.start(deployment)).isInstanceOfSatisfying(LoginInitiation.Outcome.Refused.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(LaunchRejection.Reason.UNKNOWN_DEPLOYMENT));
        assertThat(login.start(missing)).isInstanceOfSatisfying(LoginInitiation.Outcome.Refused.class, r ->
                assertThat(r.rejection().detail()).isEqualTo("login_hint is missing from the login initiation"));
    }

    @Test
    void login_ofAPendingRegistration_isRefusedWithoutState() {
        registrations.save(registrations.all().get(0).withState(RegistrationState.PENDING));

        assertThat(login.start(moodleInitiation())).isInstanceOfSatisfying(LoginInitiation.Outcome.Refused.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(LaunchRejection.Reason.REGISTRATION_INACTIVE));
    }

    @Test
    void login_withoutClientId_usesTheIssuersOnlyRegistration() {
        Map<String, String> params = new java.util.HashMap<>(moodleInitiation());
        params.remove("client_id");

        assertThat(login.start(params)).isInstanceOf(LoginInitiation.Outcome.Redirect.class);
    }

    @Test
    void stateLifetime_shorterThanAnIdTokensLife_isRefused() {
        assertThatThrownBy(() -> LoginInitiation.create(registrations, states, clock, IdGenerator.uuids(),
                URI.create("https://x.example/lti/launch"), Duration.ofSeconds(30)))
                .hasMessage("state lifetime must be at least 2 minutes (an id_token's 60 s plus clock skew): PT30S");
    }

    @Test
    void keys_areGeneratedOnce_andRotationKeepsTheOldKeyPublishedForTheOverlap() {
        ToolKey first = ring.current();
        assertThat(ring.current().kid()).isEqualTo(first.kid());
        assertThat(first.key().size()).isGreaterThanOrEqualTo(2048);

        ToolKey second = ring.rotate(Duration.ofDays(2));

        assertThat(ring.current().kid()).isEqualTo(second.kid());
        assertThat(ring.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly(second.kid(), first.kid());
        assertThat(ring.publicKeys().getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        assertThat(ring.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly(second.kid());
        ring.rotate(Duration.ofDays(1));
        assertThat(toolKeys.all()).extracting(ToolKey::kid).doesNotContain(first.kid());
    }

    @Test
    void keyRing_refusesShortKeys() {
        assertThatThrownBy(() -> ToolKeyRing.create(toolKeys, clock, IdGenerator.uuids(), 1024))
                .hasMessage("RSA key size must be at least 2048 bits: 1024");
    }

    @Test
    void deepLinkingResponse_isSignedAndCarriesTheResourceLinkWithLineItem() throws Exception {
        TestPlatform platform = TestPlatform.create();
        MemoryPorts.MemoryLaunchStates s = new MemoryPorts.MemoryLaunchStates();
        s.put(new LaunchState("st", "no", TestPlatform.ISSUER, TestPlatform.CLIENT_ID, "", "", clock.instant()),
                clock.instant().plusSeconds(60));
        LaunchValidator validator = LaunchValidator.create(registrations, PlatformKeys.create(url ->
                        new JwksFetcher.Fetched(platform.jwks(), Optional.empty()), clock), new MemoryPorts.MemoryNonces(),
                s, clock, LaunchValidator.defaultSkew());
        LaunchContext context = ((LaunchResult.Accepted) validator.validate(
                platform.sign(platform.deepLinking("no", clock.instant()).build()), "st", Optional.empty())).context();
        ContentItem item = new ContentItem("GROW: my goal", "A coaching conversation",
                Map.of("activity_kind", "grow", "template", "career", "options", "{\"followUpDays\":14}"),
                Optional.of(new ContentItem.LineItemSpec(10, "GROW: my goal", "grow-career", "kasvu")));

        String jwt = DeepLinkingResponse.sign(context, List.of(item), ring.current(), clock, IdGenerator.sequence("j"));

        SignedJWT signed = SignedJWT.parse(jwt);
        RSAKey publicKey = ring.publicKeys().getKeyByKeyId(signed.getHeader().getKeyID()).toRSAKey();
        assertThat(signed.verify(new RSASSAVerifier(publicKey))).isTrue();
        JWTClaimsSet claims = signed.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(TestPlatform.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(TestPlatform.ISSUER);
        assertThat(claims.getStringClaim(Claims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim(Claims.DEPLOYMENT_ID)).isEqualTo(TestPlatform.DEPLOYMENT_ID);
        assertThat(claims.getStringClaim(Claims.DL_DATA)).isEqualTo("opaque-123");
        assertThat(claims.getIssueTime()).isBefore(java.util.Date.from(clock.instant()));
        List<Object> items = claims.getListClaim(Claims.DL_CONTENT_ITEMS);
        assertThat(items).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("type", "ltiResourceLink").containsEntry("title", "GROW: my goal")
                .containsEntry("custom", Map.of("activity_kind", "grow", "template", "career", "options",
                        "{\"followUpDays\":14}"))
                .containsEntry("lineItem", Map.of("scoreMaximum", 10.0, "label", "GROW: my goal", "resourceId",
                        "grow-career", "tag", "kasvu"));
    }

    @Test
    void contentItem_withNonPositiveMaximum_isRefused() {
        assertThatThrownBy(() -> new ContentItem.LineItemSpec(0, "x", "", ""))
                .hasMessage("scoreMaximum must be positive: 0.0");
    }
}
