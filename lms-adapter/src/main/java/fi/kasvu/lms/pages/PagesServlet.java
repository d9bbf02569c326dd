package fi.kasvu.lms.pages;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.Language;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.grow.GrowProblem;
import fi.kasvu.grow.GrowRules;
import fi.kasvu.grow.Phase;
import fi.kasvu.json.KasvuJson;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every page request under {@code /pages/s/<session>/}: checks the session, the CSRF token
 * and the body size, applies security headers, and hands over to the page's handler. A user's
 * mistake is shown on the page next to the field; only a missing session, a bad token or an
 * oversized request gets an error page, in the user's language.
 */
final class PagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PagesServlet.class);

    /** The largest request body accepted (a whole Options or Will form stays far below it). */
    static final int MAX_BODY = 1_000_000;

    private final transient Exercise exercise;
    private final transient GrowConversations conversations;
    private final transient PageSessions sessions;
    private final transient DocumentRepository<SeenLearner> seen;
    private final transient ScorePublisher scores;
    private final transient DeepLinkSigner deepLinks;
    private final transient ClassRoster roster;
    private final transient Clock clock;
    private final Duration lifetime;
    private final transient Supplier<Collection<String>> platformOrigins;

    PagesServlet(Exercise exercise, GrowConversations conversations, PageSessions sessions,
                 DocumentRepository<SeenLearner> seen, ScorePublisher scores, DeepLinkSigner deepLinks,
                 ClassRoster roster, Clock clock, Duration lifetime, Supplier<Collection<String>> platformOrigins) {
        this.exercise = exercise;
        this.conversations = conversations;
        this.sessions = sessions;
        this.seen = seen;
        this.scores = scores;
        this.deepLinks = deepLinks;
        this.roster = roster;
        this.clock = clock;
        this.lifetime = lifetime;
        this.platformOrigins = platformOrigins;
    }

    /** One request: its session, the rest of its path, and the response. */
    record Call(PageSession session, String rest, HttpServletRequest request, HttpServletResponse response) {
        String base() {
            return request.getContextPath() + Pages.PREFIX + "/s/" + session.token();
        }

        String param(String name) {
            String value = request.getParameter(name);
            return value == null ? "" : value;
        }

        boolean post() {
            return "POST".equals(request.getMethod());
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", 2) : new String[] {""};
        Optional<PageSession> found = sessions.find(parts[0], clock.instant());
        if (found.isEmpty()) {
            error(request, response, null, HttpServletResponse.SC_UNAUTHORIZED, "error.session");
            return;
        }
        PageSession session = found.get();
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(session.platformOrigin(),
                PageSession.View.PICKER == session.view() ? Pages.originOf(session.returnUrl()) : ""));
        Call call = new Call(session, parts.length > 1 ? parts[1] : "", request, response);
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            error(request, response, session, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "error.notFound");
            return;
        }
        if (call.post()) {
            if (request.getContentLengthLong() > MAX_BODY) {
                error(request, response, session, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.tooLarge");
                return;
            }
            String given;
            try {
                given = call.param("csrf");
            } catch (RuntimeException tooLarge) {
                error(request, response, session, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.tooLarge");
                return;
            }
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    session.csrf().getBytes(StandardCharsets.UTF_8))) {
                if (call.rest().equals("autosave")) {
                    json(response, HttpServletResponse.SC_FORBIDDEN, false, "", PageTexts.in(session.language()).t("error.csrf.text"));
                } else {
                    error(request, response, session, HttpServletResponse.SC_FORBIDDEN, "error.csrf");
                }
                return;
            }
            sessions.put(session, clock.instant().plus(lifetime));
        }
        try {
            route(call);
        } catch (NoSuchElementException | IllegalArgumentException gone) {
            LOG.warn("page request refused: {} {}", call.rest(), gone.getClass().getSimpleName());
            error(request, response, session, HttpServletResponse.SC_NOT_FOUND, "error.notFound");
        }
    }

    private void route(Call call) throws IOException {
        PageSession.View view = call.session().view();
        String rest = call.rest();
        if (rest.equals("language") && call.post()) {
            language(call);
            return;
        }
        if (rest.equals("start") && !call.post()) {
            start(call);
            return;
        }
        switch (view) {
            case PICKER -> {
                if (rest.equals("picker")) {
                    new PickerPage(call, deepLinks).handle();
                    return;
                }
            }
            case PROGRESS -> {
                if (rest.equals("progress") && !call.post()) {
                    new ProgressPage(call, conversations, seen, roster).handle();
                    return;
                }
            }
            case EXERCISE -> {
                if (route(call, rest)) {
                    return;
                }
            }
        }
        error(call.request(), call.response(), call.session(), HttpServletResponse.SC_NOT_FOUND, "error.notFound");
    }

    private boolean route(Call call, String rest) throws IOException {
        Versioned<GrowConversation> stored = exercise.find(call.session())
                .orElseThrow(() -> new NoSuchElementException("no conversation in this session"));
        ExercisePage page = new ExercisePage(call, exercise, stored, scores, clock);
        if (rest.equals("grow") && !call.post()) {
            page.resume();
        } else if (rest.startsWith("grow/")) {
            Phase phase = Phase.ofKey(rest.substring("grow/".length()));
            if (call.post()) {
                page.post(phase);
            } else {
                page.show(phase);
            }
        } else if (rest.equals("autosave") && call.post()) {
            page.autosave();
        } else if (rest.equals("summary")) {
            if (call.post()) {
                page.postSummary();
            } else {
                page.summary();
            }
        } else if (rest.equals("summary.json") && !call.post()) {
            download(call, stored.value());
        } else {
            return false;
        }
        return true;
    }

    private void start(Call call) throws IOException {
        PageSession session = call.session();
        String next;
        switch (session.view()) {
            case PICKER -> next = "/picker";
            case PROGRESS -> next = "/progress";
            default -> {
                Versioned<GrowConversation> conversation = exercise.findOrStart(session);
                PageSession bound = session.withConversation(conversation.value().id())
                        .withLanguage(conversation.value().language());
                sessions.put(bound, clock.instant().plus(lifetime));
                next = "/grow";
            }
        }
        redirect(call, call.base() + next);
    }

    private void language(Call call) throws IOException {
        String code = call.param("lang");
        if (!code.matches("fi|sv|en")) {
            redirect(call, call.base() + "/start");
            return;
        }
        Language language = Language.ofCode(code);
        PageSession changed = call.session().withLanguage(language);
        sessions.put(changed, clock.instant().plus(lifetime));
        if (changed.view() == PageSession.View.EXERCISE && !changed.conversationId().isEmpty()) {
            exercise.change(changed, changed.conversationId(), c -> new Exercise.Outcome(c.withLanguage(language), null));
        }
        String back = call.param("back");
        boolean safe = back.matches("(grow(/(goal|reality|options|will))?|summary|picker|progress)");
        redirect(call, call.base() + "/" + (safe ? back : "start"));
    }

    private void download(Call call, GrowConversation conversation) throws IOException {
        HttpServletResponse response = call.response();
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"kasvu-grow-"
                + LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC) + ".json\"");
        response.getOutputStream().write(KasvuJson.create().toJson(conversation).getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(Call call, String location) {
        call.response().setStatus(HttpServletResponse.SC_SEE_OTHER);
        call.response().setHeader("Location", location);
    }

    static void html(HttpServletResponse response, int status, String template, Object model) throws IOException {
        byte[] body = Templates.render(template, model).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void json(HttpServletResponse response, int status, boolean ok, String field, String message)
            throws IOException {
        byte[] body = Json.createObjectBuilder().add("ok", ok).add("field", field).add("message", message).build()
                .toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(body);
    }

    /** The page's policy: scripts and styles only from the tool, framed only by the launching platform. */
    static String contentSecurityPolicy(String platformOrigin, String formTarget) {
        String frame = platformOrigin.isEmpty() ? "'self'" : "'self' " + platformOrigin;
        String forms = formTarget.isEmpty() ? "'self'" : "'self' " + formTarget;
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action " + forms + "; frame-ancestors " + frame + "; base-uri 'none'";
    }

    private void error(HttpServletRequest request, HttpServletResponse response, PageSession session, int status,
                       String key) throws IOException {
        Language language = session != null ? session.language()
                : Language.fromTag(Optional.ofNullable(request.getHeader("Accept-Language")).orElse("en"));
        if (session == null) {
            List<String> origins = new ArrayList<>();
            platformOrigins.get().forEach(o -> origins.add(Pages.originOf(o)));
            response.setHeader("Content-Security-Policy",
                    contentSecurityPolicy(String.join(" ", origins.stream().filter(o -> !o.isEmpty()).toList()), ""));
        }
        PageTexts texts = PageTexts.in(language);
        Views.Frame frame = new Views.Frame(texts, texts.t(key + ".title"), "", "", "",
                request.getContextPath() + Pages.PREFIX + "/static", false, "");
        html(response, status, "error.jte", new Views.ErrorView(frame, texts.t(key + ".title"), texts.t(key + ".text")));
    }

    /** The problems of a phase as messages linking to their fields. */
    static List<Views.Message> messages(List<GrowProblem> problems, Language language) {
        List<Views.Message> messages = new ArrayList<>();
        for (GrowProblem problem : problems) {
            String field = fieldOf(problem);
            messages.add(new Views.Message(field == null ? "#main" : "#f-" + field.replace('.', '-'),
                    GrowTexts.problem(problem, language)));
        }
        return messages;
    }

    /** The form field a problem belongs to, or null if it belongs to the phase as a whole. */
    static String fieldOf(GrowProblem problem) {
        if (problem instanceof GrowProblem.EmptyGoal) {
            return "goal.sessionGoal";
        } else if (problem instanceof GrowProblem.NoMeasures) {
            return "goal.measures";
        } else if (problem instanceof GrowProblem.TargetDateBeforeStart) {
            return "goal.targetDate";
        } else if (problem instanceof GrowProblem.RealityNotDescribed) {
            return "reality.tried";
        } else if (problem instanceof GrowProblem.NoEssentialInsight) {
            return "reality.essentialInsight";
        } else if (problem instanceof GrowProblem.TooFewOptions || problem instanceof GrowProblem.NoOptionChosen) {
            return "option.new";
        } else if (problem instanceof GrowProblem.NoActions) {
            return "action.new.what";
        } else if (problem instanceof GrowProblem.ActionWithoutDate p) {
            return "action." + p.actionId() + ".due";
        } else if (problem instanceof GrowProblem.NoCommitment) {
            return "will.commitment";
        } else if (problem instanceof GrowProblem.NoFollowUp) {
            return "will.followUp";
        }
        return null;
    }

    /** Every rule problem of a phase. */
    static List<GrowProblem> problems(GrowConversation c, Phase phase) {
        return GrowRules.check(c, phase);
    }

}
