package fi.kasvu.lms.moodle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on 127.0.0.1 that answers each request with the next scripted answer
 * (recorded bodies, HTTP errors, hangs, dropped connections) and keeps what it received.
 */
final class ScriptedMoodle implements AutoCloseable {

    /** One scripted answer. */
    record Answer(int status, String body, String contentType, boolean drop, boolean hang) {

        static Answer json(String body) {
            return new Answer(200, body, "application/json", false, false);
        }

        static Answer fixture(String name) {
            String body = MoodleFixtures.response(name);
            return new Answer(200, body, body.startsWith("<") ? "application/xml" : "application/json", false, false);
        }

        static Answer status(int status, String body) {
            return new Answer(status, body, "text/html", false, false);
        }

        static Answer dropConnection() {
            return new Answer(0, "", "", true, false);
        }

        static Answer noAnswer() {
            return new Answer(0, "", "", false, true);
        }
    }

    /** One request as received. */
    record Received(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long holdMillis;

    ScriptedMoodle() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    ScriptedMoodle then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Makes every answer wait a little, so that concurrent calls overlap. */
    ScriptedMoodle holdEachAnswer(long millis) {
        this.holdMillis = millis;
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            if (holdMillis > 0) {
                Thread.sleep(holdMillis);
            }
            Answer answer = script.poll();
            if (answer == null) {
                answer = Answer.status(500, "no scripted answer left");
            }
            if (answer.hang()) {
                release.await(10, TimeUnit.SECONDS);
                exchange.close();
                return;
            }
            if (answer.drop()) {
                exchange.close();
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
