package fi.kasvu.lms.server;

import fi.kasvu.common.Language;
import fi.kasvu.lms.lti.ContentItem;
import fi.kasvu.lms.lti.CrossSiteCookie;
import fi.kasvu.lms.lti.DeepLinkTarget;
import fi.kasvu.lms.lti.DeepLinkingResponse;
import fi.kasvu.lms.lti.DynamicRegistration;
import fi.kasvu.lms.lti.LaunchContext;
import fi.kasvu.lms.lti.LaunchRejection;
import fi.kasvu.lms.lti.LaunchResult;
import fi.kasvu.lms.lti.LaunchState;
import fi.kasvu.lms.lti.LogSafe;
import fi.kasvu.lms.lti.LoginInitiation;
import fi.kasvu.lms.lti.MessageType;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.PlatformServiceException;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.lti.SecureIds;
import fi.kasvu.common.TenantId;
import fi.kasvu.grow.GrowTemplates;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tool's servlets, each a thin HTTP shell around the protocol in {@code fi.kasvu.lms.lti}. */
final class LtiServlets {

    private static final Logger LOG = LoggerFactory.getLogger(LtiServlets.class);
    static final String SESSIONS = "lti.session";
    static final String PICKERS = "lti.picker";
    static final String STATE_COOKIE = "lti_state_";
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    static final Duration PICKER_LIFETIME = Duration.ofMinutes(60);

    private LtiServlets() {
    }

    /** Base with helpers shared by every servlet. */
    abstract static class Base extends HttpServlet {
        private static final long serialVersionUID = 1L;
        final transient ToolApplication app;

        Base(ToolApplication app) {
            this.app = app;
        }

        static void html(HttpServletResponse response, int status, String page) throws IOException {
            response.setStatus(status);
            response.setContentType("text/html; charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.getWriter().write(page);
        }

        static Map<String, String> parameters(HttpServletRequest request) {
            Map<String, String> params = new LinkedHashMap<>();
            request.getParameterMap().forEach((k, v) -> {
                if (v.length > 0) {
                    params.put(k, v[0]);
                }
            });
            return params;
        }

        /** An admin-facing refusal page plus one log line with a correlation id; never a stack trace. */
        static void refuse(HttpServletResponse response, String where, LaunchRejection rejection) throws IOException {
            String correlation = SecureIds.next().substring(0, 12);
            LOG.info("LTI {} refused [{}] {}: {}", where, correlation, rejection.reason(), LogSafe.of(rejection.detail()));
            html(response, rejection.reason().httpStatus(), Page.start(Language.EN, "Kasvu could not open")
                    .element("h1", "Kasvu could not open this " + where)
                    .paragraph(rejection.reason().explanation())
                    .raw("<p>What was wrong: <code>").text(rejection.detail()).raw("</code></p>")
                    .raw("<p class=\"muted\">Reason <code>").text(rejection.reason().name())
                    .raw("</code>, reference <code>").text(correlation).raw("</code> (give this to your Kasvu "
                            + "administrator; the same reference is in the server log).</p>")
                    .raw("<p class=\"muted\" lang=\"fi\">Kasvun avaaminen ei onnistunut. Yritä uudelleen kurssilta.</p>")
                    .raw("<p class=\"muted\" lang=\"sv\">Kasvu kunde inte öppnas. Försök på nytt från kursen.</p>")
                    .finish());
        }

        /** Cross-site (iframe) cookies need Secure, which only https can carry reliably. */
        static boolean secureCookies(URI baseUrl) {
            return "https".equals(baseUrl.getScheme());
        }
    }

    /** {@code GET|POST /lti/login}: the OIDC login initiation. */
    static final class Login extends Base {
        private static final long serialVersionUID = 1L;

        Login(ToolApplication app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            handle(request, response);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            handle(request, response);
        }

        private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
            LoginInitiation.Outcome outcome = app.login().start(parameters(request));
            if (outcome instanceof LoginInitiation.Outcome.Refused refused) {
                refuse(response, "login", refused.rejection());
                return;
            }
            LoginInitiation.Outcome.Redirect redirect = (LoginInitiation.Outcome.Redirect) outcome;
            String state = redirect.state().state();
            // A partitioned (CHIPS) cookie binds the launch to this browser where cookies work; the
            // state itself lives in the database, so the flow also works without it.
            response.addHeader("Set-Cookie", stateCookie(state, state, 600, app.tool().baseUrl()));
            if (redirect.storageTarget().isPresent()) {
                html(response, 200, Pages.storePlatformState(redirect, origin(redirect.authUrl())));
                return;
            }
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(redirect.authRequest().toString());
        }
    }

    /** The state cookie (or, with max-age 0, its deletion; the attributes must match to delete a partitioned cookie). */
    static String stateCookie(String state, String value, int maxAgeSeconds, URI baseUrl) {
        return CrossSiteCookie.header(cookieName(state), value, "/lti", maxAgeSeconds, Base.secureCookies(baseUrl));
    }

    static String cookieName(String state) {
        return STATE_COOKIE + state.substring(0, Math.min(16, state.length())).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    /** {@code POST /lti/launch}: the id_token comes back. */
    static final class Launch extends Base {
        private static final long serialVersionUID = 1L;

        Launch(ToolApplication app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            refuse(response, "launch", LaunchRejection.of(LaunchRejection.Reason.TOKEN_MISSING,
                    "the launch must be a form POST with id_token and state (response_mode=form_post)"));
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String error = request.getParameter("error");
            if (error != null) {
                refuse(response, "launch", LaunchRejection.of(LaunchRejection.Reason.PLATFORM_ERROR, error + ": "
                        + Optional.ofNullable(request.getParameter("error_description")).orElse("")));
                return;
            }
            String idToken = request.getParameter("id_token");
            String state = request.getParameter("state");
            Optional<String> cookieState = Optional.empty();
            if (state != null && request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    if (cookie.getName().equals(cookieName(state))) {
                        cookieState = Optional.of(cookie.getValue());
                    }
                }
            }
            String storageState = request.getParameter("lti_storage_state");
            if (cookieState.isEmpty() && storageState == null && state != null && idToken != null) {
                Optional<LaunchState> pending = app.launchStates().peek(state, app.clock().instant());
                if (pending.isPresent() && pending.get().platformStorage()) {
                    Optional<URI> auth = app.registrations().find(pending.get().issuer(), pending.get().clientId())
                            .map(r -> r.authUrl());
                    if (auth.isPresent()) {
                        html(response, 200, Pages.checkPlatformState(app.tool().launchUrl(), idToken, state,
                                pending.get().storageTarget(), origin(auth.get())));
                        return;
                    }
                }
            }
            Optional<String> browserState = cookieState.or(() -> Optional.ofNullable(storageState)
                    .filter(s -> !s.isEmpty()));
            LaunchResult result = app.validator().validate(idToken, state, browserState);
            if (cookieState.isPresent()) {
                // The state is used up either way; do not let cookies pile up in the browser.
                response.addHeader("Set-Cookie", stateCookie(state, "", 0, app.tool().baseUrl()));
            }
            if (result instanceof LaunchResult.Rejected rejected) {
                refuse(response, "launch", rejected.rejection());
                return;
            }
            LaunchContext context = ((LaunchResult.Accepted) result).context();
            LOG.debug("LTI launch accepted: {} {} in tenant {}", context.messageType(),
                    context.isInstructor() ? "instructor" : context.isLearner() ? "learner" : "other", context.tenant());
            if (app.pages() != null && (context.messageType() != MessageType.DEEP_LINKING || context.isInstructor())) {
                app.pages().handOver(context, request, response);
                return;
            }
            if (context.messageType() == MessageType.DEEP_LINKING) {
                if (!context.isInstructor()) {
                    html(response, 403, Page.start(context.language(), "Kasvu")
                            .paragraph(Texts.TEACHERS_ONLY.in(context.language())).finish());
                    return;
                }
                String picker = app.ids().next();
                app.values().put(PICKERS, picker, Json.createObjectBuilder()
                        .add("target", DeepLinkTarget.of(context).toJson())
                        .add("language", context.language().code()).build().toString(),
                        app.clock().instant().plus(PICKER_LIFETIME));
                html(response, 200, Pages.picker(context.language(), app.tool().deepLinkUrl(), picker,
                        context.deepLinking().get().title(), GrowTemplates.all()));
                return;
            }
            String session = app.ids().next();
            app.values().put(SESSIONS, session, sessionJson(context), app.clock().instant().plus(SESSION_LIFETIME));
            boolean cookiesBlocked = cookieState.isEmpty() && browserState.isEmpty();
            html(response, 200, Pages.activity(Session.read(sessionJson(context)), session, cookiesBlocked, false,
                    app.tool().baseUrl()));
        }

        private static String sessionJson(LaunchContext context) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("issuer", context.issuer()).add("clientId", context.clientId())
                    .add("deploymentId", context.deploymentId()).add("tenant", context.tenant().value())
                    .add("sub", context.user().subject()).add("language", context.language().code())
                    .add("name", context.user().displayName().orElse(""))
                    .add("course", context.course().map(c -> c.title().isEmpty() ? c.label() : c.title()).orElse(""))
                    .add("activity", context.resourceLink().map(LaunchContext.ResourceLink::title).orElse(""))
                    .add("learner", context.isLearner()).add("instructor", context.isInstructor());
            context.nrps().ifPresent(n -> json.add("memberships", n.membershipsUrl().toString()));
            context.ags().filter(LaunchContext.AgsEndpoint::canPostScores).flatMap(LaunchContext.AgsEndpoint::lineItem)
                    .ifPresent(lineItem -> json.add("lineItem", lineItem.toString()));
            return json.build().toString();
        }
    }

    /** What a launch left for the activity pages, read back from the database. */
    record Session(String issuer, String clientId, String deploymentId, TenantId tenant, String subject,
                   Language language, String name, String course, String activity, Optional<URI> lineItem,
                   boolean learner, boolean instructor, Optional<URI> memberships) {
        static Session read(String json) {
            JsonObject o = Json.createReader(new StringReader(json)).readObject();
            return new Session(o.getString("issuer"), o.getString("clientId"), o.getString("deploymentId"),
                    TenantId.of(o.getString("tenant")), o.getString("sub"), Language.ofCode(o.getString("language")),
                    o.getString("name"), o.getString("course"), o.getString("activity"),
                    o.containsKey("lineItem") ? Optional.of(URI.create(o.getString("lineItem"))) : Optional.empty(),
                    o.getBoolean("learner"), o.getBoolean("instructor", false),
                    o.containsKey("memberships") ? Optional.of(URI.create(o.getString("memberships")))
                            : Optional.empty());
        }
    }

    /** {@code GET /activity/{session}} and {@code POST /activity/{session}/complete}: the placeholder page. */
    static final class Activity extends Base {
        private static final long serialVersionUID = 1L;

        Activity(ToolApplication app) {
            super(app);
        }

        private Optional<Map.Entry<String, Session>> session(HttpServletRequest request) {
            String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
            String id = path.substring(1).replaceFirst("/(complete|roster)$", "");
            if (id.isEmpty() || id.length() > 200) {
                return Optional.empty();
            }
            return app.values().get(SESSIONS, id, app.clock().instant()).map(json -> Map.entry(id, Session.read(json)));
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Optional<Map.Entry<String, Session>> session = session(request);
            if (session.isEmpty()) {
                Language language = Language.fromTag(request.getHeader("Accept-Language"));
                html(response, 404, Page.start(language, "Kasvu").paragraph(Texts.SESSION_GONE.in(language)).finish());
                return;
            }
            if (Optional.ofNullable(request.getPathInfo()).orElse("").endsWith("/roster")) {
                roster(session.get().getValue(), response);
                return;
            }
            html(response, 200, Pages.activity(session.get().getValue(), session.get().getKey(), false, false,
                    app.tool().baseUrl()));
        }

        /** The course roster's size by role, for teachers (names stay in the platform until groups are formed). */
        private void roster(Session session, HttpServletResponse response) throws IOException {
            Language l = session.language();
            if (!session.instructor() || session.memberships().isEmpty()) {
                html(response, 403, Page.start(l, "Kasvu").paragraph(Texts.TEACHERS_ONLY.in(l)).finish());
                return;
            }
            Optional<fi.kasvu.lms.lti.PlatformRegistration> registration = app.registrations().find(session.issuer(),
                    session.clientId());
            if (registration.isEmpty()) {
                refuse(response, "roster", LaunchRejection.of(LaunchRejection.Reason.UNKNOWN_REGISTRATION,
                        "iss " + session.issuer() + " client_id " + session.clientId() + " is no longer registered"));
                return;
            }
            try {
                List<fi.kasvu.lms.lti.RosterMember> members = app.nrps().roster(registration.get(),
                        session.memberships().get());
                long learners = members.stream().filter(m -> m.roles().stream()
                        .anyMatch(r -> r.kind() == fi.kasvu.lms.lti.LtiRole.Kind.LEARNER)).count();
                html(response, 200, Page.start(l, "Kasvu")
                        .raw("<p id=\"roster\" data-members=\"").text(members.size()).raw("\" data-learners=\"")
                        .text(learners).raw("\">").text(Texts.ROSTER.in(l).formatted(members.size(), learners))
                        .raw("</p>").finish());
            } catch (PlatformServiceException e) {
                refuse(response, "roster", LaunchRejection.of(LaunchRejection.Reason.PLATFORM_ERROR, e.getMessage()));
            }
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Optional<Map.Entry<String, Session>> found = session(request);
            if (found.isEmpty() || !Optional.ofNullable(request.getPathInfo()).orElse("").endsWith("/complete")) {
                Language language = Language.fromTag(request.getHeader("Accept-Language"));
                html(response, 404, Page.start(language, "Kasvu").paragraph(Texts.SESSION_GONE.in(language)).finish());
                return;
            }
            Session session = found.get().getValue();
            if (session.lineItem().isPresent()) {
                app.delivery().submit(session.tenant(), new PendingScore(session.issuer(), session.clientId(),
                        session.lineItem().get(), Score.graded(session.subject(), 1, 1, app.clock().instant())));
                app.scoreSubmitted();
            }
            html(response, 200, Pages.activity(session, found.get().getKey(), false, true, app.tool().baseUrl()));
        }
    }

    /** {@code GET /lti/jwks}: the tool's current and previous public keys. */
    static final class Jwks extends Base {
        private static final long serialVersionUID = 1L;

        Jwks(ToolApplication app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "max-age=300");
            response.getWriter().write(app.keys().publicKeys().toString());
        }
    }

    /**
     * {@code GET /lti/register/{invite}}: Dynamic Registration, started by the platform admin with
     * the URL of an invite. Without a valid invite nothing is fetched.
     */
    static final class Register extends Base {
        private static final long serialVersionUID = 1L;

        Register(ToolApplication app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Language language = Language.fromTag(request.getHeader("Accept-Language"));
            String configuration = request.getParameter("openid_configuration");
            String path = Optional.ofNullable(request.getPathInfo()).orElse("");
            String invite = path.startsWith("/") ? path.substring(1) : path;
            if ((configuration == null || configuration.isBlank()) && invite.isEmpty()) {
                html(response, 200, Pages.registrationHelp(app.tool()));
                return;
            }
            DynamicRegistration.Outcome outcome = app.registration().register(invite, configuration,
                    request.getParameter("registration_token"));
            if (outcome instanceof DynamicRegistration.Outcome.Registered registered) {
                LOG.info("Dynamic registration created ({}): issuer {} client {} deployments {}",
                        registered.registration().state().code(), LogSafe.of(registered.registration().issuer()),
                        LogSafe.of(registered.registration().clientId()),
                        LogSafe.of(registered.registration().deploymentIds()));
                html(response, 200, Pages.registered(language, registered));
                return;
            }
            DynamicRegistration.Outcome.Refused refused = (DynamicRegistration.Outcome.Refused) outcome;
            String correlation = SecureIds.next().substring(0, 12);
            LOG.info("Dynamic registration refused [{}] {}: {}", correlation, refused.reason(),
                    LogSafe.of(refused.detail()));
            html(response, refused.reason().httpStatus(), Pages.registrationRefused(refused, correlation));
        }
    }

    /** {@code POST /lti/deep-link}: the teacher's choice, answered with a signed Deep Linking response. */
    static final class DeepLink extends Base {
        private static final long serialVersionUID = 1L;

        DeepLink(ToolApplication app) {
            super(app);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String picker = Optional.ofNullable(request.getParameter("picker")).orElse("");
            Optional<String> stored = picker.isEmpty() || picker.length() > 200 ? Optional.empty()
                    : app.values().take(PICKERS, picker, app.clock().instant());
            if (stored.isEmpty()) {
                refuse(response, "activity picker", LaunchRejection.of(LaunchRejection.Reason.STATE_UNKNOWN,
                        "the picker session is unknown, used or expired; choose \"Select content\" again"));
                return;
            }
            JsonObject json = Json.createReader(new StringReader(stored.get())).readObject();
            DeepLinkTarget target = DeepLinkTarget.fromJson(json.getString("target"));
            Language language = Language.ofCode(json.getString("language"));
            String kind = choice(request.getParameter("kind"), List.of("grow", "experiment", "peer-groups"), "grow");
            String template = GrowTemplates.byId(Optional.ofNullable(request.getParameter("template")).orElse(""))
                    .orElse(GrowTemplates.defaultTemplate()).id();
            int followUp = number(request.getParameter("followUpDays"), 14, 1, 365);
            String title = Optional.ofNullable(request.getParameter("title")).map(String::strip)
                    .filter(t -> !t.isEmpty()).orElse("Kasvu");
            if (title.length() > 255) {
                title = title.substring(0, 255);
            }
            Map<String, String> custom = new LinkedHashMap<>();
            custom.put("activity_kind", kind);
            custom.put("template", template);
            custom.put("options", Json.createObjectBuilder().add("followUpDays", followUp).build().toString());
            Optional<ContentItem.LineItemSpec> lineItem = request.getParameter("graded") == null ? Optional.empty()
                    : Optional.of(new ContentItem.LineItemSpec(number(request.getParameter("scoreMaximum"), 10, 1, 1000),
                    title, kind + ":" + template, "kasvu"));
            String jwt = DeepLinkingResponse.sign(target, List.of(new ContentItem(title, "", custom, lineItem)),
                    app.keys().current(), app.clock(), app.ids());
            html(response, 200, Pages.autoPost(language, target.settings().returnUrl(), Map.of("JWT", jwt)));
        }

        private static String choice(String value, List<String> allowed, String fallback) {
            return value != null && allowed.contains(value) ? value : fallback;
        }

        private static int number(String value, int fallback, int min, int max) {
            try {
                int n = Integer.parseInt(value == null ? "" : value.strip());
                return n < min || n > max ? fallback : n;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

    /** {@code GET /health}: up if the database answers. */
    static final class Health extends Base {
        private static final long serialVersionUID = 1L;

        Health(ToolApplication app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean up = app.healthy();
            response.setStatus(up ? 200 : 503);
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                    .add("time", Instant.now(app.clock()).toString()).build().toString());
        }
    }

    /** {@code GET /}: where an admin lands: the URLs to give the platform. */
    static final class Home extends Base {
        private static final long serialVersionUID = 1L;

        Home(ToolApplication app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!"/".equals(request.getServletPath()) || request.getPathInfo() != null) {
                html(response, 404, Page.start(Language.EN, "Not found").paragraph("Not found.").finish());
                return;
            }
            html(response, 200, Pages.registrationHelp(app.tool()));
        }
    }
}
