package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's tamperings compose: two changes made one after the other both reach the id_token. */
class PlatformSimulatorTamperTest {

    static final String ROLES = "https://purl.imsglobal.org/spec/lti/claim/roles";
    static final String PRESENTATION = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    PlatformSimulator platform;

    @BeforeEach
    void start() throws Exception {
        platform = PlatformSimulator.start();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    JWTClaimsSet launch() throws Exception {
        return SignedJWT.parse(platform.idToken(Map.of("nonce", "n-1", "client_id", PlatformSimulator.CLIENT_ID,
                "login_hint", "2", "lti_message_hint", "{\"cmid\":2}"), Instant.now())).getJWTClaimsSet();
    }

    @Test
    void twoTamperings_combine_andALaterChangeOfTheSameClaimWins() throws Exception {
        platform.tamper(b -> b.claim(ROLES, List.of(INSTRUCTOR)))
                .tamper(b -> b.claim(PRESENTATION, Map.of("locale", "sv-FI")))
                .tamper(b -> b.claim("name", "First"))
                .tamper(b -> b.claim("name", "Second"));

        JWTClaimsSet claims = launch();

        assertThat(claims.getStringListClaim(ROLES)).containsExactly(INSTRUCTOR);
        assertThat(claims.getJSONObjectClaim(PRESENTATION)).containsEntry("locale", "sv-FI");
        assertThat(claims.getStringClaim("name")).isEqualTo("Second");
        assertThat(claims.getSubject()).as("the simulator's own claims stay").isEqualTo("2");
    }

    @Test
    void untampered_dropsEveryEarlierChange() throws Exception {
        String ownLocale = (String) launch().getJSONObjectClaim(PRESENTATION).get("locale");
        platform.tamper(b -> b.claim(ROLES, List.of(INSTRUCTOR))).tamper(b -> b.claim(PRESENTATION,
                Map.of("locale", "en-GB")));

        platform.untampered().tamper(b -> b.claim("name", "Fresh"));
        JWTClaimsSet claims = launch();

        assertThat(claims.getStringListClaim(ROLES)).doesNotContain(INSTRUCTOR);
        assertThat(claims.getJSONObjectClaim(PRESENTATION)).containsEntry("locale", ownLocale);
        assertThat(claims.getStringClaim("name")).isEqualTo("Fresh");
    }
}
