package fi.kasvu.lms.server;

import fi.kasvu.common.Language;
import fi.kasvu.lms.lti.CrossSiteCookie;
import fi.kasvu.lms.lti.DynamicRegistration;
import fi.kasvu.lms.lti.LaunchContext;
import fi.kasvu.lms.lti.LaunchRejection;
import fi.kasvu.lms.lti.LaunchResult;
import fi.kasvu.lms.lti.LaunchState;
import fi.kasvu.lms.lti.LaunchStates;
import fi.kasvu.lms.lti.LaunchValidator;
import fi.kasvu.lms.lti.LogSafe;
import fi.kasvu.lms.lti.LoginInitiation;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.SecureIds;
import fi.kasvu.lms.lti.ToolConfiguration;
import fi.kasvu.lms.lti.ToolKeyRing;
import fi.kasvu.lms.web.Activities;
import fi.kasvu.lms.web.ToolPages;
import fi.kasvu.lms.web.Web;
import jakarta.json.Json;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool's protocol servlets, each a thin HTTP shell around {@code fi.kasvu.lms.lti} that gets
 * only the collaborators it needs; pages come from the web layer ({@link ToolPages}, {@link Web}).
 */
final class LtiServlets {

    private static final Logger LOG = LoggerFactory.getLogger(LtiServlets.class);
    static final String STATE_COOKIE = "lti_state_";

    private LtiServlets() {
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
    static void refuse(HttpServletResponse response, String where, LaunchRejection rejection, String frameAncestors)
            throws IOException {
        String correlation = SecureIds.next().substring(0, 12);
        LOG.info("LTI {} refused [{}] {}: {}", where, correlation, rejection.reason(), LogSafe.of(rejection.detail()));
        ToolPages.send(response, rejection.reason().httpStatus(), ToolPages.refused(where,
                rejection.reason().explanation(), rejection.detail(), rejection.reason().name(), correlation),
                frameAncestors.isEmpty() ? "*" : frameAncestors, "");
    }

    /** Cross-site (iframe) cookies need Secure, which only https can carry reliably. */
    static boolean secureCookies(URI baseUrl) {
        return "https".equals(baseUrl.getScheme());
    }

    /** The state cookie (or, with max-age 0, its deletion; the attributes must match to delete a partitioned cookie). */
    static String stateCookie(String state, String value, int maxAgeSeconds, URI baseUrl) {
        return CrossSiteCookie.header(cookieName(state), value, "/lti", maxAgeSeconds, secureCookies(baseUrl));
    }

    static String cookieName(String state) {
        // replaceAll("[^A-Za-z0-9_-]", "_") without compiling a pattern on every login and launch.
        // A character outside the set becomes one '_', a surrogate pair (one code point) too.
        String head = state.substring(0, Math.min(16, state.length()));
        StringBuilder name = new StringBuilder(STATE_COOKIE.length() + head.length()).append(STATE_COOKIE);
        head.codePoints().forEach(c -> name.append(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '_' || c == '-' ? (char) c : '_'));
        return name.toString();
    }

    static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    /** {@code GET|POST /lti/login}: the OIDC login initiation. */
    static final class Login extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient LoginInitiation login;
        private final transient ToolConfiguration tool;

        Login(LoginInitiation login, ToolConfiguration tool) {
            this.login = login;
            this.tool = tool;
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
            LoginInitiation.Outcome outcome = login.start(parameters(request));
            if (outcome instanceof LoginInitiation.Outcome.Refused refused) {
                refuse(response, "login", refused.rejection(), "");
                return;
            }
            LoginInitiation.Outcome.Redirect redirect = (LoginInitiation.Outcome.Redirect) outcome;
            String state = redirect.state().state();
            // A partitioned (CHIPS) cookie binds the launch to this browser where cookies work; the
            // state itself lives in the database, so the flow also works without it.
            response.addHeader("Set-Cookie", stateCookie(state, state, 600, tool.baseUrl()));
            if (redirect.storageTarget().isPresent()) {
                String platform = origin(redirect.authUrl());
                ToolPages.send(response, 200, ToolPages.storeState(redirect.storageTarget().orElse("_parent"),
                        platform, state, redirect.authRequest().toString()), platform, "");
                return;
            }
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(redirect.authRequest().toString());
        }
    }

    /** {@code POST /lti/launch}: the id_token comes back; a verified launch is handed over to the web layer. */
    static final class Launch extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient LaunchValidator validator;
        private final transient LaunchStates states;
        private final transient Registrations registrations;
        private final transient ToolConfiguration tool;
        private final transient Web web;
        private final transient Clock clock;

        Launch(LaunchValidator validator, LaunchStates states, Registrations registrations, ToolConfiguration tool,
               Web web, Clock clock) {
            this.validator = validator;
            this.states = states;
            this.registrations = registrations;
            this.tool = tool;
            this.web = web;
            this.clock = clock;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            refuse(response, "launch", LaunchRejection.of(LaunchRejection.Reason.TOKEN_MISSING,
                    "the launch must be a form POST with id_token and state (response_mode=form_post)"), "");
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String error = request.getParameter("error");
            if (error != null) {
                declined(request, response, error);
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
                Optional<LaunchState> pending = states.peek(state, clock.instant());
                if (pending.isPresent() && pending.get().platformStorage()) {
                    Optional<URI> auth = registrations.find(pending.get().issuer(), pending.get().clientId())
                            .map(r -> r.authUrl());
                    if (auth.isPresent()) {
                        String platform = origin(auth.get());
                        ToolPages.send(response, 200, ToolPages.checkState(pending.get().storageTarget(), platform,
                                state, tool.launchUrl().toString(), idToken), platform, "");
                        return;
                    }
                }
            }
            Optional<String> browserState = cookieState.or(() -> Optional.ofNullable(storageState)
                    .filter(s -> !s.isEmpty()));
            LaunchResult result = validator.validate(idToken, state, browserState);
            if (cookieState.isPresent()) {
                // The state is used up either way; do not let cookies pile up in the browser.
                response.addHeader("Set-Cookie", stateCookie(state, "", 0, tool.baseUrl()));
            }
            if (result instanceof LaunchResult.Rejected rejected) {
                refuse(response, "launch", rejected.rejection(), "");
                return;
            }
            LaunchContext context = ((LaunchResult.Accepted) result).context();
            LOG.debug("LTI launch accepted: {} {} in tenant {}", context.messageType(),
                    context.isInstructor() ? "instructor" : context.isLearner() ? "learner" : "other", context.tenant());
            web.handOver(context, request, response);
        }

        /**
         * The platform answered the login with an error instead of an id_token. Moodle does so with
         * {@code access_denied} when the browser's Moodle session is not the user the launch was
         * started for (signed out, session expired, another user signed in meanwhile). The user sees
         * what happened and what to do in their browser's language; the log gets the error code,
         * the platform and a reference, never the state or the platform's free text in full.
         */
        private void declined(HttpServletRequest request, HttpServletResponse response, String error)
                throws IOException {
            String code = error.matches("[A-Za-z0-9_.-]{1,40}") ? error.toLowerCase(java.util.Locale.ROOT) : "other";
            String state = request.getParameter("state");
            Optional<LaunchState> pending = state == null || state.isEmpty() || state.length() > 200 ? Optional.empty()
                    : states.take(state, clock.instant());
            if (state != null && !state.isEmpty() && request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    if (cookie.getName().equals(cookieName(state))) {
                        response.addHeader("Set-Cookie", stateCookie(state, "", 0, tool.baseUrl()));
                    }
                }
            }
            String platformUrl = pending.map(LaunchState::issuer).filter(LtiServlets::webAddress).orElse("");
            String correlation = SecureIds.next().substring(0, 12);
            LOG.info("LTI launch declined by the platform [{}] {} ({}){}: the user was asked to sign in there and "
                    + "open the activity again", correlation, code,
                    pending.map(p -> "issuer " + LogSafe.of(p.issuer())).orElse("no pending login for its state"),
                    Optional.ofNullable(request.getParameter("error_description")).filter(d -> !d.isBlank())
                            .map(d -> ": " + LogSafe.of(d.length() > 80 ? d.substring(0, 80) : d)).orElse(""));
            Language language = Language.fromTag(request.getHeader("Accept-Language"));
            ToolPages.send(response, 400, ToolPages.declined(language, code, platformUrl, correlation), "*", "");
        }
    }

    static boolean webAddress(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code GET /lti/jwks}: the tool's current and previous public keys. */
    static final class Jwks extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient ToolKeyRing keys;

        Jwks(ToolKeyRing keys) {
            this.keys = keys;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "max-age=300");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.getWriter().write(keys.publicKeys().toString());
        }
    }

    /** {@code GET /lti/register}: Dynamic Registration, started by the platform admin. */
    static final class Register extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient DynamicRegistration registration;
        private final transient ToolConfiguration tool;
        private final transient Activities activities;

        Register(DynamicRegistration registration, ToolConfiguration tool, Activities activities) {
            this.registration = registration;
            this.tool = tool;
            this.activities = activities;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Language language = Language.fromTag(request.getHeader("Accept-Language"));
            String configuration = request.getParameter("openid_configuration");
            String path = Optional.ofNullable(request.getPathInfo()).orElse("");
            String invite = path.startsWith("/") ? path.substring(1) : path;
            if ((configuration == null || configuration.isBlank()) && invite.isEmpty()) {
                help(tool, activities, response);
                return;
            }
            DynamicRegistration.Outcome outcome = registration.register(invite, configuration,
                    request.getParameter("registration_token"));
            if (outcome instanceof DynamicRegistration.Outcome.Registered registered) {
                LOG.info("Dynamic registration created ({}): issuer {} client {} deployments {}",
                        registered.registration().state().code(), LogSafe.of(registered.registration().issuer()),
                        LogSafe.of(registered.registration().clientId()),
                        LogSafe.of(registered.registration().deploymentIds()));
                ToolPages.send(response, 200, ToolPages.registered(language, registered.registration().name(),
                        !registered.registration().active()), "*", "");
                return;
            }
            DynamicRegistration.Outcome.Refused refused = (DynamicRegistration.Outcome.Refused) outcome;
            String correlation = SecureIds.next().substring(0, 12);
            LOG.info("Dynamic registration refused [{}] {}: {}", correlation, refused.reason(),
                    LogSafe.of(refused.detail()));
            ToolPages.send(response, refused.reason().httpStatus(), ToolPages.registrationRefused(
                    refused.reason().explanation(), refused.detail(), refused.reason().name(), correlation), "*", "");
        }
    }

    static void help(ToolConfiguration tool, Activities activities, HttpServletResponse response) throws IOException {
        String kinds = activities.all().stream().map(a -> a.name().in(Language.EN)).collect(Collectors.joining(", "));
        ToolPages.send(response, 200, ToolPages.help(tool.registrationUrl().toString(), tool.loginUrl().toString(),
                tool.launchUrl().toString(), tool.jwksUrl().toString(), kinds), "", "");
    }

    /** {@code GET /health}: up if the database answers. */
    static final class Health extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient BooleanSupplier healthy;
        private final transient Clock clock;

        Health(BooleanSupplier healthy, Clock clock) {
            this.healthy = healthy;
            this.clock = clock;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean up = healthy.getAsBoolean();
            response.setStatus(up ? 200 : 503);
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                    .add("time", Instant.now(clock).toString()).build().toString());
        }
    }

    /** {@code GET /}: where an admin lands: the URLs to give the platform. */
    static final class Home extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient ToolConfiguration tool;
        private final transient Activities activities;

        Home(ToolConfiguration tool, Activities activities) {
            this.tool = tool;
            this.activities = activities;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!"/".equals(request.getServletPath()) || request.getPathInfo() != null) {
                ToolPages.send(response, 404, ToolPages.refused("page", "There is no page at this address.",
                        "not found", "NOT_FOUND", SecureIds.next().substring(0, 12)), "", "");
                return;
            }
            help(tool, activities, response);
        }
    }
}
