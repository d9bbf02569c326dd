package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.ExpiringValues;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit filter on a real Jetty and H2 (issue 19): a request's writes are committed before the
 * browser gets its answer, whether the servlet wrote a body and flushed it or redirected, so the
 * browser's next request always sees them; a servlet that fails leaves nothing behind.
 */
class UnitFilterTest {

    static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");

    @TempDir
    Path directory;
    KasvuDatabase database;
    ExpiringValues reader;
    Server server;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Saves, answers at once (flushed), and only then takes a while to return: the commit comes last. */
    final class SlowAfterAnswering extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ExpiringValues.of(database).put("test", request.getParameter("key"), "saved", LATER);
            if (request.getParameter("redirect") != null) {
                response.sendRedirect("/next");
            } else {
                byte[] body = "saved".getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.flushBuffer();
            }
            pause();
            if (request.getParameter("fail") != null) {
                throw new IllegalStateException("the request failed after its save");
            }
        }
    }

    static void pause() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @BeforeEach
    void start() throws Exception {
        DatabaseConfig config = TestDatabases.h2(directory.resolve("db"));
        database = KasvuDatabase.open(config);
        reader = ExpiringValues.of(database);
        server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new UnitFilter(new DatabaseUnits(database))), "/unit/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new SlowAfterAnswering()), "/unit/save");
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        database.close();
    }

    HttpResponse<String> post(String query) throws Exception {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/unit/save?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFlushedAnswer_arrivesOnlyAfterTheSaveIsCommitted() throws Exception {
        HttpResponse<String> answer = post("key=body");

        Optional<String> seen = reader.get("test", "body", Instant.now());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("saved");
        assertThat(seen).as("committed before the answer left").contains("saved");
    }

    @Test
    void aRedirect_arrivesOnlyAfterTheSaveIsCommitted() throws Exception {
        HttpResponse<String> answer = post("key=redirect&redirect=1");

        Optional<String> seen = reader.get("test", "redirect", Instant.now());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/next"));
        assertThat(seen).contains("saved");
    }

    @Test
    void aRequestThatFailsAfterItsSave_leavesNothing_andItsEarlyAnswerIsNeverSent() throws Exception {
        HttpResponse<String> answer = post("key=failed&fail=1");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).doesNotContain("saved");
        assertThat(reader.get("test", "failed", Instant.now())).isEmpty();
    }
}
