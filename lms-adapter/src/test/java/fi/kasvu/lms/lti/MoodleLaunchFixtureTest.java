package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import fi.kasvu.common.Language;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real id_tokens recorded from Moodle 4.5 verify with Moodle's recorded keyset at a fixed clock. */
class MoodleLaunchFixtureTest {

    static final String ISSUER = "http://127.0.0.1:8081";
    static final String CLIENT_ID = "0m6qvD5FnqXXGbV";
    static final Instant STUDENT_IAT = Instant.ofEpochSecond(1795438579);

    final MemoryPorts.MemoryRegistrations registrations = new MemoryPorts.MemoryRegistrations();
    final MemoryPorts.MemoryLaunchStates states = new MemoryPorts.MemoryLaunchStates();
    final MutableClock clock = new MutableClock(STUDENT_IAT.plusSeconds(5));
    final LaunchValidator validator;

    MoodleLaunchFixtureTest() throws Exception {
        registrations.save(new PlatformRegistration(ISSUER, CLIENT_ID, URI.create(ISSUER + "/mod/lti/auth.php"),
                URI.create(ISSUER + "/mod/lti/token.php"), URI.create(ISSUER + "/mod/lti/certs.php"), Set.of("1"),
                "localmoodle"));
        JWKSet moodleKeys = JWKSet.parse(MoodleFixtures.lti("platform_jwks.json"));
        validator = LaunchValidator.create(registrations,
                PlatformKeys.create(url -> new JwksFetcher.Fetched(moodleKeys, Optional.empty()), clock),
                new MemoryPorts.MemoryNonces(), states, clock, LaunchValidator.defaultSkew());
    }

    void loginWasStarted(String state, String nonce) {
        states.put(new LaunchState(state, nonce, ISSUER, CLIENT_ID, "http://127.0.0.1:8090/launch", "",
                clock.instant()), clock.instant().plusSeconds(600));
    }

    LaunchResult launch(String dir, String state) {
        return validator.validate(MoodleFixtures.lti(dir + "/id_token.jwt"), state, Optional.empty());
    }

    @Test
    void studentLaunch_mapsToLearnerContext() {
        loginWasStarted("state-BbKZDXTsw31LCZSIaCxVag", "nonce-cdVPbJoREn2MdyzGuB2Irw");

        LaunchResult result = launch("resource_link_student", "state-BbKZDXTsw31LCZSIaCxVag");

        assertThat(result).isInstanceOf(LaunchResult.Accepted.class);
        LaunchContext context = ((LaunchResult.Accepted) result).context();
        assertThat(context.messageType()).isEqualTo(MessageType.RESOURCE_LINK);
        assertThat(context.tenant().value()).isEqualTo("lti:http://127.0.0.1:8081|0m6qvD5FnqXXGbV|1");
        assertThat(context.deploymentId()).isEqualTo("1");
        assertThat(context.user().subject()).isEqualTo("5");
        assertThat(context.course()).as("Moodle's context id is the course id; page sessions keep it as courseId")
                .map(LaunchContext.Course::id).contains("2");
        assertThat(context.user().name()).contains("Sam Student");
        assertThat(context.user().email()).contains("student1@example.invalid");
        assertThat(context.isLearner()).isTrue();
        assertThat(context.isInstructor()).isFalse();
        assertThat(context.roles()).extracting(LtiRole::shortName).containsExactly("Learner");
        assertThat(context.course()).contains(new LaunchContext.Course("2", "COACH101", "Coaching 101"));
        assertThat(context.resourceLink()).get().extracting(LaunchContext.ResourceLink::id).isEqualTo("1");
        assertThat(context.language()).isEqualTo(Language.EN);
        assertThat(context.documentTarget()).isEqualTo("iframe");
        assertThat(context.custom()).containsEntry("activity_param", "hello").containsEntry("coach_course", "2");
        assertThat(context.ags()).get().satisfies(ags -> {
            assertThat(ags.lineItem()).contains(URI.create(
                    "http://127.0.0.1:8081/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
            assertThat(ags.canPostScores()).isTrue();
        });
        assertThat(context.nrps()).get().extracting(LaunchContext.NrpsEndpoint::membershipsUrl).isEqualTo(URI.create(
                "http://127.0.0.1:8081/mod/lti/services.php/CourseSection/2/bindings/1/memberships"));
    }

    @Test
    void teacherLaunch_isInstructor() {
        String payload = MoodleFixtures.lti("resource_link_teacher/id_token.payload.json");
        String nonce = payload.replaceAll("(?s).*\"nonce\": \"([^\"]+)\".*", "$1");
        String iat = payload.replaceAll("(?s).*\"iat\": (\\d+).*", "$1");
        clock.set(Instant.ofEpochSecond(Long.parseLong(iat)).plusSeconds(2));
        loginWasStarted("teacher-state", nonce);

        LaunchResult result = launch("resource_link_teacher", "teacher-state");

        assertThat(result).isInstanceOf(LaunchResult.Accepted.class);
        LaunchContext context = ((LaunchResult.Accepted) result).context();
        assertThat(context.isInstructor()).isTrue();
        assertThat(context.user().subject()).isEqualTo("3");
    }

    @Test
    void deepLinkingLaunch_carriesReturnUrl() {
        clock.set(Instant.ofEpochSecond(1795438586).plusSeconds(3));
        loginWasStarted("dl-state", "nonce-hXG_CFjR6YvWbhpve7rHVg");

        LaunchResult result = launch("deep_linking_teacher", "dl-state");

        assertThat(result).isInstanceOf(LaunchResult.Accepted.class);
        LaunchContext context = ((LaunchResult.Accepted) result).context();
        assertThat(context.messageType()).isEqualTo(MessageType.DEEP_LINKING);
        assertThat(context.resourceLink()).isEmpty();
        assertThat(context.deepLinking()).get().satisfies(dl -> {
            assertThat(dl.returnUrl().toString()).startsWith("http://127.0.0.1:8081/mod/lti/contentitem_return.php");
            assertThat(dl.acceptTypes()).containsExactly("ltiResourceLink");
        });
    }

    @Test
    void studentLaunch_twoMinutesLate_isExpired() {
        clock.set(STUDENT_IAT.plus(Duration.ofSeconds(60 + 61)));
        loginWasStarted("state-BbKZDXTsw31LCZSIaCxVag", "nonce-cdVPbJoREn2MdyzGuB2Irw");

        LaunchResult result = launch("resource_link_student", "state-BbKZDXTsw31LCZSIaCxVag");

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(LaunchRejection.Reason.TOKEN_EXPIRED);
            assertThat(r.rejection().detail()).contains("exp 2026-11-23T");
        });
    }

    @Test
    void studentLaunch_replayed_isRefused() {
        loginWasStarted("state-BbKZDXTsw31LCZSIaCxVag", "nonce-cdVPbJoREn2MdyzGuB2Irw");
        assertThat(launch("resource_link_student", "state-BbKZDXTsw31LCZSIaCxVag"))
                .isInstanceOf(LaunchResult.Accepted.class);
        loginWasStarted("state-BbKZDXTsw31LCZSIaCxVag", "nonce-cdVPbJoREn2MdyzGuB2Irw");

        LaunchResult replay = launch("resource_link_student", "state-BbKZDXTsw31LCZSIaCxVag");

        assertThat(replay).isInstanceOfSatisfying(LaunchResult.Rejected.class, r ->
                assertThat(r.rejection().reason()).isEqualTo(LaunchRejection.Reason.NONCE_REPLAYED));
    }

    @Test
    void studentLaunch_unknownDeployment_isRefused() {
        registrations.save(new PlatformRegistration(ISSUER, CLIENT_ID, URI.create(ISSUER + "/a"),
                URI.create(ISSUER + "/t"), URI.create(ISSUER + "/mod/lti/certs.php"), Set.of("2"), "x"));
        loginWasStarted("state-BbKZDXTsw31LCZSIaCxVag", "nonce-cdVPbJoREn2MdyzGuB2Irw");

        LaunchResult result = launch("resource_link_student", "state-BbKZDXTsw31LCZSIaCxVag");

        assertThat(result).isInstanceOfSatisfying(LaunchResult.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(LaunchRejection.Reason.UNKNOWN_DEPLOYMENT);
            assertThat(r.rejection().detail()).contains("deployment_id 1");
        });
    }
}
