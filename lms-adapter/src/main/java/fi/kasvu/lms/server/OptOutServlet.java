package fi.kasvu.lms.server;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.lms.reminder.ReminderLedger;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The opt-out link of every reminder, {@code /reminders/optout/<token>}: a GET shows a button
 * (mail scanners that follow links opt nobody out), the POST opts the person out, and a link used
 * again says so plainly. The page's only variable parts are fixed texts in the person's language.
 */
final class OptOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final LocalizedText TITLE = LocalizedText.of("Kasvun muistutukset", "Kasvus påminnelser",
            "Kasvu's reminders");
    private static final LocalizedText ASK = LocalizedText.of("Haluatko lopettaa Kasvun sähköpostimuistutukset?",
            "Vill du stoppa Kasvus påminnelser per e-post?", "Do you want to stop Kasvu's e-mail reminders?");
    private static final LocalizedText BUTTON = LocalizedText.of("Lopeta muistutukset", "Stoppa påminnelserna",
            "Stop the reminders");
    private static final LocalizedText DONE = LocalizedText.of(
            "Muistutukset lopetettiin. Et saa enää muistutuksia sähköpostiin. Voit tilata ne uudelleen ohjelman sivulta.",
            "Påminnelserna stoppades. Du får inga fler påminnelser per e-post. Du kan beställa dem igen på programmets sida.",
            "The reminders were stopped. You will get no more reminders by e-mail. You can ask for them again on the programme's page.");
    private static final LocalizedText ALREADY = LocalizedText.of(
            "Olit jo lopettanut muistutukset tällä linkillä. Mitään muuta ei tarvitse tehdä.",
            "Du hade redan stoppat påminnelserna med den här länken. Du behöver inte göra något mer.",
            "You had already stopped the reminders with this link. There is nothing more to do.");
    private static final LocalizedText UNKNOWN = LocalizedText.of(
            "Tätä linkkiä ei tunneta. Voit lopettaa muistutukset ohjelman sivulta.",
            "Den här länken är okänd. Du kan stoppa påminnelserna på programmets sida.",
            "This link is not known. You can stop the reminders on the programme's page.");

    private final transient ReminderLedger ledger;
    private final transient Clock clock;

    OptOutServlet(ReminderLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String token = path.matches("/[A-Za-z0-9_-]{43}") ? path.substring(1) : null;
        Optional<Language> language = ledger.languageOf(token);
        Language lang = language.orElseGet(() -> Language.fromTag(Optional.ofNullable(
                request.getHeader("Accept-Language")).orElse("en")));
        if (language.isEmpty()) {
            page(response, 404, lang, UNKNOWN.in(lang), false);
        } else if (request.getMethod().equals("POST")) {
            ReminderLedger.OptOut outcome = ledger.optOut(token, clock.instant());
            page(response, 200, lang, (outcome == ReminderLedger.OptOut.DONE ? DONE : ALREADY).in(lang), false);
        } else if (request.getMethod().equals("GET")) {
            page(response, 200, lang, ASK.in(lang), true);
        } else {
            response.setStatus(405);
        }
    }

    private static void page(HttpServletResponse response, int status, Language language, String message,
                             boolean form) throws IOException {
        String html = "<!DOCTYPE html><html lang=\"" + language.code() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + TITLE.in(language) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/pages/static/kasvu.css\"></head><body><main id=\"main\">"
                + "<h1>" + TITLE.in(language) + "</h1><p class=\"intro\" role=\"status\">" + message + "</p>"
                + (form ? "<form method=\"post\"><button type=\"submit\" class=\"primary\">" + BUTTON.in(language)
                        + "</button></form>" : "")
                + "</main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
