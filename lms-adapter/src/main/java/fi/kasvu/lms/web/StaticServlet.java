package fi.kasvu.lms.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the pages' stylesheet and script from the classpath (a fixed list: nothing else is reachable). */
final class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FILES = Map.of(
            "/kasvu.css", "text/css; charset=utf-8",
            "/kasvu.js", "text/javascript; charset=utf-8",
            "/lti.js", "text/javascript; charset=utf-8",
            "/survey.js", "text/javascript; charset=utf-8",
            "/experiment.js", "text/javascript; charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String type = path == null ? null : FILES.get(path);
        if (type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = StaticServlet.class.getResourceAsStream("static" + path)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            response.setHeader("Cache-Control", "public, max-age=600");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }
}
