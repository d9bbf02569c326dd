package fi.kasvu.lms.server;

import fi.kasvu.common.Language;
import fi.kasvu.lms.web.ToolPages;
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

    private static final fi.kasvu.common.LocalizedText FORM_UNREADABLE = fi.kasvu.common.LocalizedText.of(
            "Lomaketta ei voitu lukea (sen merkistö oli virheellinen tai kenttiä oli liikaa). Aiemmin tallennettu "
                    + "on tallessa; palaa takaisin ja yritä uudelleen.",
            "Formuläret kunde inte läsas (felaktig kodning eller för många fält). Det som sparats tidigare finns "
                    + "kvar; gå tillbaka och försök igen.",
            "The form could not be read (its encoding was malformed or it had too many fields). What you saved "
                    + "before is kept; go back and try again.");
    private static final fi.kasvu.common.LocalizedText CONTROL_CHARACTERS = fi.kasvu.common.LocalizedText.of(
            "Tekstissä oli näkymättömiä ohjausmerkkejä, joita Kasvu ei voi tallentaa. Aiemmin tallennettu on "
                    + "tallessa; poista merkit (esimerkiksi kirjoittamalla teksti uudelleen) ja tallenna.",
            "Texten innehöll osynliga styrtecken som Kasvu inte kan spara. Det som sparats tidigare finns kvar; "
                    + "ta bort tecknen (till exempel genom att skriva texten på nytt) och spara.",
            "The text contained invisible control characters that Kasvu cannot store. What you saved before is "
                    + "kept; remove them (for example by typing the text again) and save.");
    private static final fi.kasvu.common.LocalizedText FAILED = fi.kasvu.common.LocalizedText.of(
            "Kasvussa tapahtui virhe. Aiemmin tallennettu on tallessa; yritä hetken päästä uudelleen.",
            "Ett fel inträffade i Kasvu. Det som sparats tidigare finns kvar; försök igen om en stund.",
            "Something went wrong in Kasvu. What you saved before is kept; try again in a moment.");
    private static final fi.kasvu.common.LocalizedText CLOSE = fi.kasvu.common.LocalizedText.of("Valmis – sulje", "Klart – stäng", "Done – close");

    private static final fi.kasvu.common.LocalizedText WELCOME = fi.kasvu.common.LocalizedText.of("Tervetuloa", "Välkommen", "Welcome");
    private static final fi.kasvu.common.LocalizedText OPENED = fi.kasvu.common.LocalizedText.of(
            "Avasit tehtävän ”%s” kurssilla %s.", "Du öppnade uppgiften ”%s” på kursen %s.",
            "You opened “%s” in %s.");
    private static final fi.kasvu.common.LocalizedText COMING = fi.kasvu.common.LocalizedText.of(
            "Kasvun harjoitussivut ovat tulossa pian. Tämä sivu vahvistaa, että kirjautuminen onnistui.",
            "Kasvus övningssidor kommer snart. Den här sidan bekräftar att inloggningen lyckades.",
            "Kasvu's exercise pages are coming soon. This page confirms that you signed in.");
    private static final fi.kasvu.common.LocalizedText MARK_DONE = fi.kasvu.common.LocalizedText.of("Merkitse tehdyksi", "Markera som klar", "Mark as done");
    private static final fi.kasvu.common.LocalizedText MARKED_DONE = fi.kasvu.common.LocalizedText.of(
            "Merkitty tehdyksi. Tieto välitetään kurssin arviointikirjaan.",
            "Markerad som klar. Uppgiften förs över till kursens bedömningsbok.",
            "Marked as done. Your course gradebook will be updated.");
    private static final fi.kasvu.common.LocalizedText NEW_WINDOW = fi.kasvu.common.LocalizedText.of(
            "Selaimesi estää evästeet tässä kehyksessä. Jos sivu ei toimi, avaa Kasvu uuteen ikkunaan.",
            "Din webbläsare blockerar kakor i den här ramen. Om sidan inte fungerar, öppna Kasvu i ett nytt fönster.",
            "Your browser blocks cookies in this frame. If the page does not work, open Kasvu in a new window.");
    private static final fi.kasvu.common.LocalizedText OPEN_NEW_WINDOW = fi.kasvu.common.LocalizedText.of(
            "Avaa uuteen ikkunaan", "Öppna i ett nytt fönster", "Open in a new window");
    private static final fi.kasvu.common.LocalizedText SESSION_GONE = fi.kasvu.common.LocalizedText.of(
            "Istunto on vanhentunut. Avaa tehtävä uudelleen kurssilta.",
            "Sessionen har gått ut. Öppna uppgiften på nytt från kursen.",
            "This session has expired. Open the activity again from your course.");

    private static final fi.kasvu.common.LocalizedText PICKER_TITLE = fi.kasvu.common.LocalizedText.of(
            "Lisää Kasvu-tehtävä", "Lägg till en Kasvu-uppgift", "Add a Kasvu activity");
    private static final fi.kasvu.common.LocalizedText PICKER_NAME = fi.kasvu.common.LocalizedText.of("Tehtävän nimi", "Uppgiftens namn", "Activity name");
    private static final fi.kasvu.common.LocalizedText PICKER_KIND = fi.kasvu.common.LocalizedText.of("Tehtävän laji", "Typ av uppgift", "Kind of activity");
    private static final fi.kasvu.common.LocalizedText PICKER_TEMPLATE = fi.kasvu.common.LocalizedText.of("GROW-pohja", "GROW-mall", "GROW template");
    private static final fi.kasvu.common.LocalizedText PICKER_FOLLOW_UP = fi.kasvu.common.LocalizedText.of(
            "Seurantakeskustelu päivän päästä", "Uppföljning efter dagar", "Follow-up after days");
    private static final fi.kasvu.common.LocalizedText PICKER_GRADED = fi.kasvu.common.LocalizedText.of(
            "Arvioitava (luo sarake arviointikirjaan)", "Bedöms (skapar en kolumn i bedömningsboken)",
            "Graded (creates a gradebook column)");
    private static final fi.kasvu.common.LocalizedText PICKER_MAX = fi.kasvu.common.LocalizedText.of("Enimmäispisteet", "Maxpoäng", "Maximum score");
    private static final fi.kasvu.common.LocalizedText PICKER_SUBMIT = fi.kasvu.common.LocalizedText.of("Lisää kurssille", "Lägg till i kursen", "Add to course");
    private static final fi.kasvu.common.LocalizedText KIND_GROW = fi.kasvu.common.LocalizedText.of("GROW-keskustelu", "GROW-samtal", "GROW conversation");
    private static final fi.kasvu.common.LocalizedText KIND_EXPERIMENT = fi.kasvu.common.LocalizedText.of("Tiimikokeilu", "Teamexperiment", "Team experiment");
    private static final fi.kasvu.common.LocalizedText KIND_PEERS = fi.kasvu.common.LocalizedText.of("Vertaisryhmät", "Kamratgrupper", "Peer groups");
    private static final fi.kasvu.common.LocalizedText TEACHERS_ONLY = fi.kasvu.common.LocalizedText.of(
            "Vain opettajat voivat lisätä Kasvu-tehtäviä.", "Endast lärare kan lägga till Kasvu-uppgifter.",
            "Only teachers can add Kasvu activities.");
    private static final fi.kasvu.common.LocalizedText SENDING = fi.kasvu.common.LocalizedText.of(
            "Palataan Moodleen…", "Återgår till Moodle…", "Returning to your course…");
    private static final fi.kasvu.common.LocalizedText CONTINUE = fi.kasvu.common.LocalizedText.of("Jatka", "Fortsätt", "Continue");

    private static final fi.kasvu.common.LocalizedText ROSTER = fi.kasvu.common.LocalizedText.of(
            "Kurssilla on %d jäsentä, joista %d oppijaa.", "Kursen har %d medlemmar, varav %d studerande.",
            "The course has %d members, %d of them learners.");

    private static final fi.kasvu.common.LocalizedText ROSTER_LINK = fi.kasvu.common.LocalizedText.of("Kurssin jäsenet", "Kursens medlemmar",
            "Course members");


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
            // Read only for a refusal: an accepted post (an autosave) reads no session here.
            java.util.function.Supplier<Language> language = () -> sessionLanguage.apply(path).orElseGet(() ->
                    Language.fromTag(Optional.ofNullable(request.getHeader("Accept-Language")).orElse("")));
            boolean json = path.endsWith("/autosave");
            if (hasQueryParameter(request.getQueryString(), "csrf")) {
                refuse(response, json, 400, "csrf-in-query", language.get(), FORM_UNREADABLE, path);
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
                refuse(response, json, 400, e.getClass().getSimpleName(), language.get(), FORM_UNREADABLE, path);
                return;
            }
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (hasControlCharacter(parameter.getKey())) {
                    refuse(response, json, 400, "control character in a field name", language.get(), FORM_UNREADABLE, path);
                    return;
                }
                for (String value : parameter.getValue()) {
                    if (hasControlCharacter(value)) {
                        refuse(response, json, 422, "control character in field " + safeName(parameter.getKey()),
                                language.get(), CONTROL_CHARACTERS, path);
                        return;
                    }
                }
            }
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (clientWentAway(e)) {
                // The browser closed the connection (a reload, a closed tab, a dropped network) before
                // the answer was written: nothing failed in Kasvu, and nothing can be sent any more.
                LOG.debug("Request to {} ended: the client closed the connection ({})", area(path),
                        e.getClass().getSimpleName());
                return;
            }
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
                response.getWriter().write(ToolPages.message(language, FAILED.in(language)));
            }
        }
    }

    /**
     * Whether the failure is the client's aborted connection: Jetty's {@code EofException} (a reset
     * or broken pipe while the answer was written) or a closed channel, anywhere in the causes.
     */
    static boolean clientWentAway(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
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
        response.getWriter().write(ToolPages.message(language, message));
    }
}
