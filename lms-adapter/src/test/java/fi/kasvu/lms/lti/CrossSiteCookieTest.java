package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cookie attributes that keep a cookie alive inside the platform's iframe. */
class CrossSiteCookieTest {

    @Test
    void header_overHttps_isSecureSameSiteNoneAndPartitioned() {
        assertThat(CrossSiteCookie.header("kasvu_session", "abc", "/app/", 3600, true))
                .isEqualTo("kasvu_session=abc; Path=/app/; Max-Age=3600; HttpOnly; Secure; SameSite=None; Partitioned");
    }

    @Test
    void header_overPlainHttp_isLax() {
        assertThat(CrossSiteCookie.header("kasvu_state_x", "", "/lti", 0, false))
                .isEqualTo("kasvu_state_x=; Path=/lti; Max-Age=0; HttpOnly; SameSite=Lax");
    }
}
