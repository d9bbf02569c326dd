package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The edge filter on a real Jetty: a browser that closes its connection while the answer is being
 * written (Jetty's {@code EofException}) is logged at DEBUG, without the URL's session token or
 * the request's text, and without a stack trace; a real failure stays an ERROR (naming the class,
 * never the message).
 */
class EdgeFilterAbortTest {

    private static final String TOKEN = "SessionToken0123456789abcdef";
    private static final String LEARNER_TEXT = "my private reflection";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger edge = (Logger) LoggerFactory.getLogger(EdgeFilter.class);
    private Level edgeLevel;
    private Server jetty;
    private int port;
    private final CountDownLatch writeFailed = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        log.start();
        root.addAppender(log);
        edgeLevel = edge.getLevel();
        edge.setLevel(Level.DEBUG);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new EdgeFilter(path -> Optional.empty())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                OutputStream out = response.getOutputStream();
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                try {
                    // Far more than any socket buffer: the write fails once the client is gone.
                    for (int i = 0; i < 16 * 1024; i++) {
                        out.write(chunk);
                        out.flush();
                    }
                } catch (IOException e) {
                    writeFailed.countDown();
                    throw e;
                }
            }
        }), "/pages/s/*");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("failed on " + LEARNER_TEXT);
            }
        }), "/fail/*");
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        root.detachAppender(log);
        edge.setLevel(edgeLevel);
    }

    private List<ILoggingEvent> edgeEvents() {
        synchronized (log.list) {
            return log.list.stream().filter(e -> e.getLoggerName().equals(EdgeFilter.class.getName())).toList();
        }
    }

    private String allText() {
        synchronized (log.list) {
            return log.list.stream().map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getClassName() + e.getThrowableProxy().getMessage()))
                    .collect(Collectors.joining("\n"));
        }
    }

    @Test
    void aClientThatClosesTheConnection_isADebugLineWithoutTokenOrStackTrace() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /pages/s/" + TOKEN + "/survey?text=" + LEARNER_TEXT.replace(' ', '+')
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertThat(in.read(new byte[1024])).as("the answer has started").isPositive();
            // Close with a reset, as a browser does when a tab is closed mid-download.
            socket.setSoLinger(true, 0);
        }
        assertThat(writeFailed.await(20, TimeUnit.SECONDS)).as("the server's write failed").isTrue();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (edgeEvents().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }

        List<ILoggingEvent> events = edgeEvents();
        assertThat(events).hasSize(1);
        ILoggingEvent event = events.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(event.getFormattedMessage()).contains("/pages", "client closed the connection");
        assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
        synchronized (log.list) {
            assertThat(log.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                    && e.getLoggerName().startsWith("fi.kasvu"));
        }
        assertThat(allText()).doesNotContain(TOKEN, "private", "reflection");
    }

    @Test
    void aRealFailure_staysAnError_namingTheClassNotTheMessage() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/fail/" + TOKEN)).header("Accept-Language", "sv").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("Ett fel inträffade i Kasvu").doesNotContain(LEARNER_TEXT);
        List<ILoggingEvent> events = edgeEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(events.get(0).getFormattedMessage()).contains("/fail", IllegalStateException.class.getName());
        assertThat(allText()).doesNotContain(TOKEN, LEARNER_TEXT);
    }

    @Test
    void theCausesAreSearched_forAnAbort() {
        assertThat(EdgeFilter.clientWentAway(new IOException("wrapped",
                new org.eclipse.jetty.io.EofException("reset")))).isTrue();
        assertThat(EdgeFilter.clientWentAway(new java.nio.channels.ClosedChannelException())).isTrue();
        assertThat(EdgeFilter.clientWentAway(new IOException("disk full"))).isFalse();
        assertThat(EdgeFilter.clientWentAway(new IllegalStateException("bug"))).isFalse();
    }
}
