package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.session.SeenPeople;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every page request under {@code /pages/s/<session>/}: checks the session (and that its
 * platform is still registered), the CSRF token and the body size, applies the security headers,
 * answers the web layer's own pages (start, language, picker) and hands everything else to the
 * session's {@link Activity}, writing the {@link Answer} it returns. A user's mistake is shown on
 * the page next to the field; only a missing session, a bad token or an oversized request gets an
 * error page, in the user's language.
 */
final class WebServlet extends HttpServlet {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call (a ServiceLoader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebServlet.class);

    /** The largest request body accepted (a whole Options or Will form stays far below it). */
    static final int MAX_BODY = 1_000_000;

    /** The largest refused body read to its end before the 413 page (larger ones close the connection). */
    static final long MAX_DRAIN = 16_000_000;

    private final transient Activities activities;
    private final transient PageSessions sessions;
    private final transient ProgressPage progress;
    private final transient PickerPage picker;
    private final transient ScorePublisher scores;
    private final transient Clock clock;
    private final transient Supplier<Collection<String>> platformOrigins;
    private final transient BiPredicate<String, String> platformActive;

    WebServlet(Activities activities, PageSessions sessions, SeenPeople seen, ScorePublisher scores,
               DeepLinkSigner deepLinks, ClassRoster roster, Clock clock, Supplier<Collection<String>> platformOrigins,
               BiPredicate<String, String> platformActive) {
        this.activities = activities;
        this.sessions = sessions;
        this.scores = scores;
        this.clock = clock;
        this.platformOrigins = platformOrigins;
        this.platformActive = platformActive;
        this.progress = new ProgressPage(activities, seen, roster, scores);
        this.picker = new PickerPage(activities, deepLinks);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", 2) : new String[] {""};
        // An autosave names the document it changes ("?doc=<kind>:<id>", from the page): the session
        // and that document are then read in one statement. Only a hint: see PageSessions.find.
        Optional<PageSessions.Found> found = "POST".equals(request.getMethod()) && parts.length > 1
                && parts[1].equals("autosave") ? sessions.find(parts[0], queryParameter(request, "doc"))
                : sessions.find(parts[0]);
        if (found.isPresent() && !platformActive.test(found.get().session().issuer(), found.get().session().clientId())) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            error(request, response, null, HttpServletResponse.SC_UNAUTHORIZED, "error.session", null);
            return;
        }
        PageSession session = found.get().session();
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(session.platformOrigin(),
                session.role() == PageSession.Role.PICKER ? Web.originOf(session.returnUrl()) : ""));
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            error(request, response, session, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "error.notFound", null);
            return;
        }
        boolean post = method.equals("POST");
        String rest = parts.length > 1 ? parts[1] : "";
        if (post && request.getContentLengthLong() > MAX_BODY) {
            drain(request);
            error(request, response, session, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.tooLarge", null);
            return;
        }
        Map<String, String[]> all;
        try {
            all = request.getParameterMap();
        } catch (RuntimeException tooLarge) {
            drain(request);
            error(request, response, session, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.tooLarge", null);
            return;
        }
        if (post && Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/form-data")) {
            try {
                all = withFiles(request, all);
            } catch (IOException | jakarta.servlet.ServletException | RuntimeException unreadable) {
                drain(request);
                error(request, response, session, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.tooLarge", null);
                return;
            }
        }
        Map<String, String> first = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (v.length > 0) {
                first.put(k, v[0]);
            }
        });
        if (post) {
            String given = first.getOrDefault("csrf", "");
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    session.csrf().getBytes(StandardCharsets.UTF_8))) {
                if (rest.equals("autosave")) {
                    write(request, response, session, Answer.json(HttpServletResponse.SC_FORBIDDEN, false, "",
                            PageTexts.in(session.language()).t("error.csrf.text")));
                } else {
                    error(request, response, session, HttpServletResponse.SC_FORBIDDEN, "error.csrf", null);
                }
                return;
            }
            sessions.used(found.get());
        }
        Optional<Activity> activity = activities.find(session.kind());
        PageTexts texts = activity.map(a -> PageTexts.in(session.language()).with(a.texts()))
                .orElse(PageTexts.in(session.language()));
        String base = request.getContextPath() + Web.PREFIX + "/s/" + session.token();
        String staticBase = request.getContextPath() + Web.PREFIX + "/static";
        java.util.function.Supplier<ScoreState> score = session.role() == PageSession.Role.LEARNER
                && session.placement().graded() && !session.lineItem().isEmpty()
                ? () -> scores.stored(session, session.subject()).orElseGet(ScoreState.NotCompleted::new)
                : ScoreState.NotGraded::new;
        Call call = new Call(session, rest, post, first, all, base, staticBase, texts, score);
        Answer answer;
        try {
            answer = route(found.get(), call, activity);
        } catch (NoSuchElementException | IllegalArgumentException gone) {
            LOG.warn("page request refused: {} {}", rest.replaceAll("[^A-Za-z0-9/._-]", "?"),
                    gone.getClass().getSimpleName());
            answer = Answer.notFound();
        }
        if (answer instanceof Answer.Completed completed) {
            Activity.Completion completion = activity.orElseThrow().completion(session);
            if (completion.complete()) {
                try {
                    CompletionScores.publish(scores, activity.orElseThrow(), session, completion, clock.instant());
                } catch (RuntimeException notRecorded) {
                    // The completion is saved; the background sweeper records its score within a minute.
                    LOG.warn("completion score not recorded on the request, left to the sweeper: {}",
                            notRecorded.getClass().getSimpleName());
                }
            }
            answer = completed.then();
        } else if (answer instanceof Answer.CompletedElsewhere elsewhere) {
            Optional<Activity> owner = activities.find(elsewhere.kind());
            Activity.Completion completion = owner.map(a -> a.completion(session.tenant(), elsewhere.documentId()))
                    .orElse(Activity.Completion.notYet());
            if (completion.complete()) {
                try {
                    scores.publishRemembered(session, elsewhere.kind(), elsewhere.documentId(), completion,
                            clock.instant());
                } catch (RuntimeException notRecorded) {
                    // The completion is saved; the graded placement's next visit (or its live session's sweep) records it.
                    LOG.warn("completion score of another placement not recorded: {}",
                            notRecorded.getClass().getSimpleName());
                }
            }
            answer = elsewhere.then();
        }
        write(request, response, session, answer);
    }

    /**
     * A parameter of the URL's query only (not of the body), decoded; "" if absent or unreadable.
     */
    static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null || query.length() > 1000) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return "";
                }
            }
        }
        return "";
    }

    /**
     * The parameters with each file of a multipart form as its text (UTF-8; bytes that are not
     * UTF-8 become U+FFFD, which the page checking the text can name): a CSV chosen in a file
     * field arrives as a parameter named as the field, without scripts. An empty file field
     * (nothing chosen) gives no parameter.
     */
    private static Map<String, String[]> withFiles(HttpServletRequest request, Map<String, String[]> fields)
            throws IOException, jakarta.servlet.ServletException {
        Map<String, String[]> all = new LinkedHashMap<>(fields);
        for (jakarta.servlet.http.Part part : request.getParts()) {
            if (part.getSubmittedFileName() == null || all.containsKey(part.getName())) {
                continue;
            }
            byte[] bytes;
            try (var in = part.getInputStream()) {
                bytes = in.readNBytes(MAX_BODY + 1);
            }
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("file too large");
            }
            if (bytes.length > 0 || !part.getSubmittedFileName().isEmpty()) {
                all.put(part.getName(), new String[] {new String(bytes, StandardCharsets.UTF_8)});
            }
        }
        return all;
    }

    private Answer route(PageSessions.Found found, Call call, Optional<Activity> activity) {
        PageSession session = call.session();
        String rest = call.path();
        if (rest.equals("language") && call.post()) {
            return language(found, call, activity);
        }
        if (rest.equals("start") && !call.post()) {
            return start(found, call, activity);
        }
        if (session.role() == PageSession.Role.PICKER) {
            return rest.equals("picker") || rest.startsWith("picker/") ? picker.handle(call) : Answer.notFound();
        }
        if (activity.isEmpty()) {
            return Answer.notFound();
        }
        if (session.role() == PageSession.Role.ORGANISER && rest.equals("progress") && !call.post()) {
            return progress.handle(call, activity.get());
        }
        if (session.role() == PageSession.Role.ORGANISER && rest.equals("progress/resend") && call.post()) {
            return progress.resend(call);
        }
        if (session.role() == PageSession.Role.LEARNER && session.documentId().isEmpty()) {
            return Answer.redirect(call.base() + "/start");
        }
        return activity.get().handle(call);
    }

    private Answer start(PageSessions.Found found, Call call, Optional<Activity> activity) {
        PageSession session = call.session();
        return switch (session.role()) {
            case PICKER -> Answer.redirect(call.base() + "/picker");
            case ORGANISER -> Answer.redirect(call.base() + "/" + activity.orElseThrow().organiserHome());
            case LEARNER -> {
                Activity.Entry entry = activity.orElseThrow().enter(session);
                if (!entry.documentId().equals(session.documentId()) || entry.language() != session.language()) {
                    sessions.update(found, session.withDocument(entry.documentId()).withLanguage(entry.language()));
                }
                yield Answer.redirect(call.base() + "/" + entry.path());
            }
        };
    }

    private Answer language(PageSessions.Found found, Call call, Optional<Activity> activity) {
        String code = call.param("lang");
        if (!code.matches("fi|sv|en")) {
            return Answer.redirect(call.base() + "/start");
        }
        Language language = Language.ofCode(code);
        PageSession changed = call.session().withLanguage(language);
        sessions.update(found, changed);
        if (activity.isPresent() && changed.role() == PageSession.Role.LEARNER && !changed.documentId().isEmpty()) {
            Call inLanguage = new Call(changed, "language", true, call.parameters(), call.all(), call.base(),
                    call.staticBase(), call.texts().inLanguage(language), call.scoreSource());
            activity.get().handle(inLanguage);
        }
        String back = call.param("back");
        // Back to the page the switch was on: a path under this session's base (segments of
        // letters, digits, '-' and '_', so never '..' or another host) with an optional plain query.
        boolean safe = back.length() <= 600
                && back.matches("[a-z0-9-]+(/[A-Za-z0-9_-]{1,200}){0,6}(\\?[A-Za-z0-9_=&.-]{1,300})?");
        return Answer.redirect(call.base() + "/" + (safe ? back : "start"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, PageSession session, Answer answer)
            throws IOException {
        if (answer instanceof Answer.Page page) {
            html(response, page.status(), page.template(), page.model());
        } else if (answer instanceof Answer.Redirect redirect) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", redirect.location());
        } else if (answer instanceof Answer.Json json) {
            JsonObjectBuilder body = JSON.createObjectBuilder();
            json.fields().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                if (e.getValue() instanceof Boolean b) {
                    body.add(e.getKey(), b);
                } else {
                    body.add(e.getKey(), String.valueOf(e.getValue()));
                }
            });
            byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(json.status());
            response.setContentType("application/json; charset=utf-8");
            response.getOutputStream().write(bytes);
        } else if (answer instanceof Answer.Download download) {
            response.setContentType(download.contentType());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
            response.getOutputStream().write(download.body());
        } else {
            error(request, response, session, HttpServletResponse.SC_NOT_FOUND, "error.notFound", null);
        }
    }

    /**
     * Reads and drops the rest of a refused body of at most {@link #MAX_DRAIN} bytes, so the client
     * has sent it all before the 413 page comes; otherwise Jetty closes the connection while the
     * client is still sending and the client sees a reset instead of the page. A larger body is
     * not read: its connection is closed.
     */
    private static void drain(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > MAX_DRAIN) {
            return;
        }
        try {
            java.io.InputStream in = request.getInputStream();
            byte[] buffer = new byte[16_384];
            long total = 0;
            int read;
            while (total <= MAX_DRAIN && (read = in.read(buffer)) >= 0) {
                total += read;
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away, or the body was read as parameters already: nothing left to drop
        }
    }

    static void html(HttpServletResponse response, int status, String template, Object model) throws IOException {
        byte[] body = Templates.render(template, model).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The page's policy: scripts and styles only from the tool, framed only by the launching platform. */
    static String contentSecurityPolicy(String platformOrigin, String formTarget) {
        String frame = platformOrigin.isEmpty() ? "'self'" : "'self' " + platformOrigin;
        String forms = formTarget.isEmpty() ? "'self'" : "'self' " + formTarget;
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action " + forms + "; frame-ancestors " + frame + "; base-uri 'none'";
    }

    /** The error page, in the session's language, the given one, or the browser's. */
    void error(HttpServletRequest request, HttpServletResponse response, PageSession session, int status,
               String key, Language given) throws IOException {
        Language language = session != null ? session.language() : given != null ? given
                : Language.fromTag(Optional.ofNullable(request.getHeader("Accept-Language")).orElse("en"));
        if (session == null) {
            List<String> origins = new ArrayList<>();
            platformOrigins.get().forEach(o -> origins.add(Web.originOf(o)));
            response.setHeader("Content-Security-Policy",
                    contentSecurityPolicy(String.join(" ", origins.stream().filter(o -> !o.isEmpty()).toList()), ""));
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        PageTexts texts = PageTexts.in(language);
        Views.Frame frame = new Views.Frame(texts, texts.t(key + ".title"), "", "", "",
                request.getContextPath() + Web.PREFIX + "/static", false, "", false);
        html(response, status, "error.jte", new Views.ErrorView(frame, texts.t(key + ".title"), texts.t(key + ".text")));
    }
}
