package fi.kasvu.lms.server;

import fi.kasvu.lms.activity.programme.CalendarFeed;
import fi.kasvu.lms.activity.programme.DoneForPerson;
import fi.kasvu.lms.activity.programme.CalendarSubscriptions;
import fi.kasvu.programme.Programmes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The public calendar addresses, {@code /calendar/<secret>.ics}: a calendar program fetches them
 * without a session, so the secret is the only key. Anything else (an unknown or revoked secret,
 * a malformed or oversized one) gets the same plain 404, without a database lookup when the form
 * is wrong; the secret never reaches a log.
 */
final class CalendarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient CalendarSubscriptions subscriptions;
    private final transient Programmes programmes;
    private final transient Clock clock;

    private final transient fi.kasvu.programme.ReflectionAssignments reflections;
    private final transient fi.kasvu.lms.activity.programme.DashboardFigures.Sources sources;

    /**
     * @param reflections the programmes' reflections and {@code sources} the other kinds' stores: a
     *                    deadline the person has met reads as done ({@link DoneForPerson})
     */
    CalendarServlet(CalendarSubscriptions subscriptions, Programmes programmes, Clock clock,
                    fi.kasvu.programme.ReflectionAssignments reflections,
                    fi.kasvu.lms.activity.programme.DashboardFigures.Sources sources) {
        this.subscriptions = subscriptions;
        this.programmes = programmes;
        this.clock = clock;
        this.reflections = reflections;
        this.sources = sources;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "private, no-cache");
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Optional<String> body = Optional.empty();
        if (path.matches("/[A-Za-z0-9_-]{43}\\.ics")) {
            String secret = path.substring(1, path.length() - ".ics".length());
            body = subscriptions.find(secret).flatMap(s -> programmes.find(s.tenant(), s.programmeId())
                    .map(p -> {
                        DoneForPerson done = DoneForPerson.of(sources, reflections, s.tenant(), p.value());
                        return CalendarFeed.of(p.value(), s.person(), s.language(), clock.instant(),
                                assignment -> done.done(s.person(), assignment));
                    }));
        }
        if (body.isEmpty()) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            return;
        }
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/calendar; charset=utf-8");
        response.setHeader("Content-Disposition", "inline; filename=\"kasvu.ics\"");
        response.setContentLength(bytes.length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(bytes);
        }
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
