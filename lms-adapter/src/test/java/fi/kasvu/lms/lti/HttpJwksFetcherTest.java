package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keyset over real HTTP: Moodle's recorded keyset, Cache-Control read, errors typed. */
class HttpJwksFetcherTest {

    final HttpServer server;
    final HttpJwksFetcher fetcher = new HttpJwksFetcher(HttpClient.newHttpClient());

    HttpJwksFetcherTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] moodle = MoodleFixtures.lti("platform_jwks.json").getBytes(StandardCharsets.UTF_8);
        server.createContext("/mod/lti/certs.php", ex -> {
            // Moodle sends no Cache-Control on certs.php.
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, moodle.length);
            ex.getResponseBody().write(moodle);
            ex.close();
        });
        server.createContext("/cached", ex -> {
            ex.getResponseHeaders().set("Cache-Control", "public, max-age=600");
            ex.sendResponseHeaders(200, moodle.length);
            ex.getResponseBody().write(moodle);
            ex.close();
        });
        server.createContext("/html", ex -> {
            byte[] page = "<html>login</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void moodlesKeyset_isReadWithoutALifetime() throws IOException {
        JwksFetcher.Fetched fetched = fetcher.fetch(url("/mod/lti/certs.php"));

        assertThat(fetched.keys().getKeyByKeyId("2e2f6da2ad192c0f0049")).isNotNull();
        assertThat(fetched.maxAge()).isEmpty();
    }

    @Test
    void cacheControl_givesTheLifetime() throws IOException {
        assertThat(fetcher.fetch(url("/cached")).maxAge()).contains(Duration.ofMinutes(10));
    }

    @Test
    void notAKeyset_orNotFound_isAnIOExceptionNamingTheUrl() {
        assertThatThrownBy(() -> fetcher.fetch(url("/html"))).isInstanceOf(IOException.class)
                .hasMessageContaining("/html is not a JWK set");
        assertThatThrownBy(() -> fetcher.fetch(url("/missing"))).isInstanceOf(IOException.class)
                .hasMessageContaining("/missing answered HTTP 404");
    }
}
