package fi.kasvu.lms.server;

import fi.kasvu.common.Language;
import jakarta.json.Json;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every request passes before a servlet sees it, the same on H2 and PostgreSQL: no
 * TRACE, a form that cannot be decoded or has too many fields is a 400 (not "too large"), text
 * with control characters (NUL and the like, which PostgreSQL cannot store) is a 422 in the
 * user's language, a CSRF token is never taken from the query string, and the LTI pages carry a
 * Content Security Policy. Log lines name the path's first segment only, never a URL with a
 * session token or the submitted text.
 */
final class EdgeFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeFilter.class);

    /** The policy of the tool's own LTI pages (auto-posting forms, the registration page, refusals). */
    static final String LTI_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src 'self' data:; form-action *; base-uri 'none'; frame-ancestors *";

    private final java.util.function.Function<String, Optional<Language>> sessionLanguage;

    /** The filter; the function finds the language of the page session a path names, if any. */
    EdgeFilter(java.util.function.Function<String, Optional<Language>> sessionLanguage) {
        this.sessionLanguage = sessionLanguage;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        if ("TRACE".equals(method) || "TRACK".equals(method)) {
            response.setHeader("Allow", "GET, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = Optional.ofNullable(request.getRequestURI()).orElse("");
        if (path.startsWith("/lti/")) {
            response.setHeader("Content-Security-Policy", LTI_POLICY);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        if ("POST".equals(method)) {
            Language language = sessionLanguage.apply(path).orElseGet(() ->
                    Language.fromTag(Optional.ofNullable(request.getHeader("Accept-Language")).orElse("")));
            boolean json = path.endsWith("/autosave");
            if (hasQueryParameter(request.getQueryString(), "csrf")) {
                refuse(response, json, 400, "csrf-in-query", language, Texts.FORM_UNREADABLE, path);
                return;
            }
            int maxForm = org.eclipse.jetty.ee10.servlet.ServletContextHandler
                    .getServletContextHandler(request.getServletContext()).getMaxFormContentSize();
            if (maxForm >= 0 && request.getContentLengthLong() > maxForm) {
                // Too large: the servlet answers that itself (413, with what to do).
                chain.doFilter(request, response);
                return;
            }
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (RuntimeException e) {
                // Jetty's own refusal of a malformed encoding (%zz, a lone %) or of too many fields.
                refuse(response, json, 400, e.getClass().getSimpleName(), language, Texts.FORM_UNREADABLE, path);
                return;
            }
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (hasControlCharacter(parameter.getKey())) {
                    refuse(response, json, 400, "control character in a field name", language, Texts.FORM_UNREADABLE, path);
                    return;
                }
                for (String value : parameter.getValue()) {
                    if (hasControlCharacter(value)) {
                        refuse(response, json, 422, "control character in field " + safeName(parameter.getKey()),
                                language, Texts.CONTROL_CHARACTERS, path);
                        return;
                    }
                }
            }
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Jetty would log the URL (with a session token) and the message (perhaps with learner text).
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.error("Request to {} failed: {} at {}", area(path), e.getClass().getName(), at);
            if (!response.isCommitted()) {
                response.reset();
                Language language = Language.fromTag(Optional.ofNullable(request.getHeader("Accept-Language"))
                        .orElse(""));
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.setContentType("text/html; charset=utf-8");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write(Page.start(language, "Kasvu").paragraph(Texts.FAILED.in(language)).finish());
            }
        }
    }

    /**
     * Whether text has a character no Kasvu text may hold: C0 controls other than tab, line feed and
     * carriage return (NUL among them), DEL, and the C1 controls.
     */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasQueryParameter(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String safeName(String name) {
        return name.length() <= 40 && name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'
                || c == '_' || c == '.')) ? name : "(odd name)";
    }

    /** Where a refusal happened, without tokens: {@code /pages/s/<token>/phase} is logged as {@code /pages}. */
    static String area(String path) {
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        return first.length() > 20 || first.chars().anyMatch(c -> c < 33 || c > 126) ? "(odd path)" : first;
    }

    private static void refuse(HttpServletResponse response, boolean json, int status, String why, Language language,
                               fi.kasvu.common.LocalizedText text, String path) throws IOException {
        String message = text.in(language);
        LOG.info("Request to {} refused at the edge with {}: {}", area(path), status, why);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        if (json) {
            response.setContentType("application/json; charset=utf-8");
            response.getOutputStream().write(Json.createObjectBuilder().add("ok", false).add("field", "")
                    .add("message", message).build().toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write(Page.start(language, "Kasvu").paragraph(message).finish());
    }
}
