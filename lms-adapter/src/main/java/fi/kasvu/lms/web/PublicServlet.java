package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Routes {@code /pages/r/<kind>/…} to a kind's {@link PublicPages}: pages reached through a link
 * outside any LMS session. The path holds a secret, so the answers are never framed, cached or
 * sent on as a referrer, and nothing of the path or the submitted text is logged.
 */
final class PublicServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The largest body accepted: a whole 360 answer form stays far below it. */
    static final int MAX_BODY = 200_000;

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final transient Activities activities;

    PublicServlet(Activities activities) {
        this.activities = activities;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Content-Security-Policy", POLICY);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", 2) : new String[] {""};
        Optional<PublicPages> pages = activities.find(parts[0]).filter(PublicPages.class::isInstance)
                .map(PublicPages.class::cast);
        Language language = language(request);
        String method = request.getMethod();
        PageTexts texts = pages.map(p -> PageTexts.in(language).with(((Activity) p).texts()))
                .orElse(PageTexts.in(language));
        if (pages.isEmpty() || !method.equals("GET") && !method.equals("POST")) {
            error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notFound", texts);
            return;
        }
        boolean post = method.equals("POST");
        if (post && request.getContentLengthLong() > MAX_BODY) {
            error(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.tooLarge", texts);
            return;
        }
        Map<String, String> first = new LinkedHashMap<>();
        try {
            request.getParameterMap().forEach((k, v) -> {
                if (v.length > 0) {
                    first.put(k, v[0]);
                }
            });
        } catch (RuntimeException tooLarge) {
            error(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.tooLarge", texts);
            return;
        }
        String base = request.getContextPath() + Web.PREFIX + "/r/" + parts[0];
        PublicCall call = new PublicCall(parts.length > 1 ? parts[1] : "", post, first, base,
                request.getContextPath() + Web.PREFIX + "/static", texts);
        Answer answer;
        try {
            answer = pages.get().handlePublic(call);
        } catch (IllegalArgumentException | java.util.NoSuchElementException refused) {
            answer = Answer.notFound();
        }
        if (answer instanceof Answer.Page page) {
            WebServlet.html(response, page.status(), page.template(), page.model());
        } else if (answer instanceof Answer.Redirect redirect) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", redirect.location());
        } else {
            error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notFound", texts);
        }
    }

    /** The visitor's language: {@code ?lang=} when given, else the browser's. */
    private static Language language(HttpServletRequest request) {
        String code = Optional.ofNullable(request.getParameter("lang")).orElse("");
        if (code.matches("fi|sv|en")) {
            return Language.ofCode(code);
        }
        return Language.fromTag(Optional.ofNullable(request.getHeader("Accept-Language")).orElse("en"));
    }

    /** The error page; a kind may word the text for its public visitors ({@code public.<key>.text}). */
    private static void error(HttpServletRequest request, HttpServletResponse response, int status, String key,
                              PageTexts texts) throws IOException {
        Views.Frame frame = new Views.Frame(texts, texts.t(key + ".title"), "", "", "",
                request.getContextPath() + Web.PREFIX + "/static", false, "", true);
        WebServlet.html(response, status, "error.jte", new Views.ErrorView(frame, texts.t(key + ".title"),
                texts.has("public." + key + ".text") ? texts.t("public." + key + ".text") : texts.t(key + ".text")));
    }
}
