package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The tool's own pages outside a page session (the LTI login's state storage, refusals, Dynamic
 * Registration's result, the admin's landing page), rendered from the same JTE templates and sent
 * with the same security headers as the activity pages.
 */
public final class ToolPages {

    private static final LocalizedText REGISTERED_TITLE = LocalizedText.of(
            "Kasvu on rekisteröity", "Kasvu är registrerat", "Kasvu is registered");
    private static final LocalizedText REGISTERED_BODY = LocalizedText.of(
            "Kasvu on nyt rekisteröity alustaan %s. Moodlessa on jäljellä yksi vaihe: uusi työkalu odottaa "
                    + "hyväksyntää eikä näy vielä opettajille.",
            "Kasvu är nu registrerat i %s. Ett steg återstår i Moodle: det nya verktyget väntar på godkännande "
                    + "och syns ännu inte för lärarna.",
            "Kasvu is now registered with %s. One step is left in Moodle: the new tool is pending and teachers "
                    + "cannot see it yet.");
    private static final LocalizedText REGISTERED_STEP = LocalizedText.of(
            "Avaa Sivuston ylläpito → Lisäosat → Aktiviteettimoduulit → Ulkoinen työkalu → Hallitse työkaluja. "
                    + "Valitse Kasvun kortista Aktivoi, avaa sitten sen asetukset ja valitse kohtaan ”Työkalun "
                    + "määritysten käyttö” vaihtoehto ”Näytä aktiviteettivalitsimessa ja esimääritettynä työkaluna”.",
            "Öppna Webbplatsadministration → Tillägg → Aktivitetsmoduler → Externt verktyg → Hantera verktyg. "
                    + "Välj Aktivera på Kasvus kort, öppna sedan dess inställningar och välj ”Visa i aktivitetsväljaren "
                    + "och som ett förkonfigurerat verktyg” under ”Användning av verktygskonfiguration”.",
            "Open Site administration → Plugins → Activity modules → External tool → Manage tools. Choose Activate "
                    + "on Kasvu's card, then open its settings and set “Tool configuration usage” to “Show in activity "
                    + "chooser and as a preconfigured tool”.");
    private static final LocalizedText REGISTERED_PENDING = LocalizedText.of(
            "Kasvun ylläpitäjän on vielä hyväksyttävä rekisteröinti (kasvu platform approve), ennen kuin Kasvua "
                    + "voi käyttää.",
            "Kasvus administratör måste ännu godkänna registreringen (kasvu platform approve) innan Kasvu kan "
                    + "användas.",
            "The Kasvu administrator must still approve this registration (kasvu platform approve) before Kasvu "
                    + "can be used.");
    private static final LocalizedText CLOSE = LocalizedText.of("Valmis – sulje", "Klart – stäng", "Done – close");

    private ToolPages() {
    }

    /**
     * What every tool page shares.
     *
     * @param lang       the page language's code
     * @param title      the page title
     * @param staticBase the URL prefix of the stylesheet and script
     */
    public record ToolFrame(String lang, String title, String staticBase) {
    }

    /** The login page that stores the state in the platform, then goes on to its authorization endpoint. */
    public record StoreState(ToolFrame frame, String target, String origin, String state, String auth) {
    }

    /** The launch page that reads the state back from the platform's storage and posts the launch again. */
    public record CheckState(ToolFrame frame, String target, String origin, String state, String launchUrl,
                             String idToken) {
    }

    /** An admin-facing refusal with a reference that is also in the log. */
    public record Refused(ToolFrame frame, String where, String explanation, String detail, String reason,
                          String reference) {
    }

    /** Dynamic Registration's result for the platform's admin. */
    public record Registered(ToolFrame frame, String body, String updated, String step, String close) {
    }

    /** The admin's landing page: the URLs to give the platform, and the kinds offered. */
    public record Help(ToolFrame frame, String registrationUrl, String loginUrl, String launchUrl, String jwksUrl,
                       String kinds) {
    }

    private static ToolFrame frame(Language language, String title) {
        return new ToolFrame(language.code(), title, Web.PREFIX + "/static");
    }

    /** A one-paragraph page (a refusal at the edge, a failure), in the user's language. */
    public record Message(ToolFrame frame, String message) {
    }

    /** A one-paragraph page in the language. */
    public static String message(Language language, String message) {
        return Templates.render("lti/message.jte", new Message(frame(language, "Kasvu"), message));
    }

    /** The state-storing login page. */
    public static String storeState(String target, String origin, String state, String auth) {
        return Templates.render("lti/store-state.jte", new StoreState(frame(Language.EN, "Kasvu"), target, origin,
                state, auth));
    }

    /** The state-checking launch page. */
    public static String checkState(String target, String origin, String state, String launchUrl, String idToken) {
        return Templates.render("lti/check-state.jte", new CheckState(frame(Language.EN, "Kasvu"), target, origin,
                state, launchUrl, idToken));
    }

    /** An admin-facing refusal of a registration: what was wrong, never the platform's answer. */
    public static String registrationRefused(String explanation, String detail, String reason, String reference) {
        return Templates.render("lti/registration-refused.jte", new Refused(frame(Language.EN, "Kasvu could not register"),
                "platform", explanation, detail, reason, reference));
    }

    /** A refusal page. */
    public static String refused(String where, String explanation, String detail, String reason, String reference) {
        return Templates.render("lti/refused.jte", new Refused(frame(Language.EN, "Kasvu could not open"), where,
                explanation, detail, reason, reference));
    }

    /** The registration result in the admin's language. */
    public static String registered(Language language, String platformName, boolean pending) {
        return Templates.render("lti/registered.jte", new Registered(frame(language, REGISTERED_TITLE.in(language)),
                REGISTERED_BODY.in(language).formatted(platformName), pending ? REGISTERED_PENDING.in(language) : "",
                REGISTERED_STEP.in(language), CLOSE.in(language)));
    }

    /** The admin's landing page. */
    public static String help(String registrationUrl, String loginUrl, String launchUrl, String jwksUrl, String kinds) {
        return Templates.render("lti/help.jte", new Help(frame(Language.EN, "Kasvu LTI tool"), registrationUrl, loginUrl,
                launchUrl, jwksUrl, kinds));
    }

    /**
     * Sends a tool page with the web layer's security headers: no caching, no sniffing, no
     * referrer, scripts and styles from the tool only, framed only by the given origins.
     *
     * @param frameAncestors space-separated origins allowed to frame the page ("" for none but the tool)
     * @param formTarget     an origin forms may post to besides the tool ("" for none)
     * @throws IOException if the response cannot be written
     */
    public static void send(HttpServletResponse response, int status, String html, String frameAncestors,
                            String formTarget) throws IOException {
        Require.nonNull("html", html);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", WebServlet.contentSecurityPolicy(frameAncestors, formTarget));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
