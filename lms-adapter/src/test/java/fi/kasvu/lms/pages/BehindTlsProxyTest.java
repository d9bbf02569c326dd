package fi.kasvu.lms.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.pages.PagesHttpTest.NoScriptBrowser;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kasvu behind a TLS-terminating proxy: browsers reach {@code https://kasvu.example.org}, the
 * proxy forwards plain http. Both cookies (the LTI state cookie and the pages' session cookie)
 * follow the configured base URL, so they stay Secure, SameSite=None and Partitioned.
 */
class BehindTlsProxyTest {

    static final String PUBLIC = "https://kasvu.example.org";

    @Test
    void bothCookies_areCrossSite_whenThePublicUrlIsHttps_thoughTheRequestArrivesOverHttp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String proxied = "http://127.0.0.1:" + port;
        PagesFixture fixture = PagesFixture.start(TestDatabases.h2(Files.createTempDirectory("kasvu-proxy")),
                s -> s.withPort(port).withBaseUrl(URI.create(PUBLIC)));
        try {
            fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-proxy-1", "Liisa Oppija");
            NoScriptBrowser browser = new NoScriptBrowser();

            HttpResponse<String> toAuth = browser.get(fixture.login("proxy-1", false).toString().replace(PUBLIC, proxied));
            HttpResponse<String> authForm = browser.get(toAuth.headers().firstValue("Location").orElseThrow());
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(authForm.body());
            while (m.find()) {
                fields.put(m.group(1), m.group(2));
            }
            String action = authForm.body().replaceAll("(?s).*action=\"([^\"]*)\".*", "$1");
            HttpResponse<String> launched = browser.post(action.replace(PUBLIC, proxied), fields);

            assertThat(toAuth.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("lti_state_")
                    .contains("Secure", "SameSite=None", "Partitioned"));
            assertThat(launched.statusCode()).isEqualTo(303);
            assertThat(launched.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith("kasvu_session=").contains("Secure", "SameSite=None", "Partitioned", "HttpOnly"));
        } finally {
            fixture.close();
        }
    }
}
