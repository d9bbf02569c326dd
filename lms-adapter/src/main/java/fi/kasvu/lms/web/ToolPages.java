package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
                    + "määritysten käyttö” vaihtoehto ”Näytä aktiviteettivalitsimessa ja esimääritettynä työkaluna” ja "
                    + "oletusarvoiseksi käynnistystavaksi (Default launch container) ”Uusi ikkuna” (New window): "
                    + "Kasvun sivut ovat luettavimpia omassa ikkunassaan.",
            "Öppna Webbplatsadministration → Tillägg → Aktivitetsmoduler → Externt verktyg → Hantera verktyg. "
                    + "Välj Aktivera på Kasvus kort, öppna sedan dess inställningar och välj ”Visa i aktivitetsväljaren "
                    + "och som ett förkonfigurerat verktyg” under ”Användning av verktygskonfiguration” och ”Nytt fönster” "
                    + "(New window) som standardbehållare för start (Default launch container): Kasvus sidor är "
                    + "lättast att läsa i ett eget fönster.",
            "Open Site administration → Plugins → Activity modules → External tool → Manage tools. Choose Activate "
                    + "on Kasvu's card, then open its settings and set “Tool configuration usage” to “Show in activity "
                    + "chooser and as a preconfigured tool” and “Default launch container” to “New window”: Kasvu's pages "
                    + "read best in a window of their own.");
    private static final LocalizedText REGISTERED_PENDING = LocalizedText.of(
            "Kasvun ylläpitäjän on vielä hyväksyttävä rekisteröinti (kasvu platform approve), ennen kuin Kasvua "
                    + "voi käyttää.",
            "Kasvus administratör måste ännu godkänna registreringen (kasvu platform approve) innan Kasvu kan "
                    + "användas.",
            "The Kasvu administrator must still approve this registration (kasvu platform approve) before Kasvu "
                    + "can be used.");
    private static final LocalizedText DECLINED_TITLE = LocalizedText.of(
            "Kasvua ei voitu avata", "Kasvu kunde inte öppnas", "Kasvu could not be opened");
    private static final LocalizedText DECLINED_SIGNED_OUT = LocalizedText.of(
            "Kurssialusta ei päästänyt sinua Kasvuun, koska se ei tunnistanut sinua: olit ehkä kirjautunut ulos, "
                    + "istuntosi oli vanhentunut tai kirjauduit välillä toisella käyttäjätunnuksella.",
            "Kursplattformen släppte inte in dig i Kasvu eftersom den inte kände igen dig: du kanske hade loggat "
                    + "ut, din session hade gått ut eller du loggade in med ett annat användarnamn under tiden.",
            "The course site did not let you into Kasvu because it did not recognise you: you may have been signed "
                    + "out, your session may have expired, or you signed in as someone else in the meantime.");
    private static final LocalizedText DECLINED_OTHER = LocalizedText.of(
            "Kurssialusta keskeytti Kasvun avaamisen eikä lähettänyt Kasvulle tietoja sinusta. Mitään ei "
                    + "tallennettu eikä mitään kadonnut.",
            "Kursplattformen avbröt öppnandet av Kasvu och skickade inga uppgifter om dig till Kasvu. Ingenting "
                    + "sparades och ingenting gick förlorat.",
            "The course site stopped Kasvu from opening and sent Kasvu nothing about you. Nothing was saved and "
                    + "nothing was lost.");
    private static final LocalizedText WHAT_TO_DO = LocalizedText.of("Mitä voit tehdä", "Vad du kan göra",
            "What to do");
    private static final LocalizedText STEP_SIGN_IN = LocalizedText.of(
            "Kirjaudu kurssialustalle (tarvittaessa uudelleen).",
            "Logga in på kursplattformen (vid behov på nytt).",
            "Sign in to the course site (again, if needed).");
    private static final LocalizedText STEP_REOPEN = LocalizedText.of(
            "Palaa kurssille ja avaa aktiviteetti uudelleen sieltä. Tämän sivun päivittäminen ei auta.",
            "Gå tillbaka till kursen och öppna aktiviteten på nytt därifrån. Att ladda om den här sidan hjälper inte.",
            "Go back to the course and open the activity again from there. Reloading this page does not help.");
    private static final LocalizedText STEP_ASK = LocalizedText.of(
            "Jos tämä toistuu, kerro kurssin ylläpitäjälle alla oleva viite.",
            "Om det här upprepas, ge kursens administratör referensen nedan.",
            "If it keeps happening, give the site's administrator the reference below.");
    private static final LocalizedText PLATFORM_LINK = LocalizedText.of("Avaa kurssialusta", "Öppna kursplattformen",
            "Open the course site");
    private static final LocalizedText FOR_ADMIN = LocalizedText.of("Ylläpitäjälle: kurssialustan vastaus ja viite",
            "För administratören: kursplattformens svar och referens",
            "For the administrator: the course site's answer and reference");
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

    /**
     * The platform answered the login with an error instead of an id_token (Moodle: {@code access_denied}
     * when the user is not signed in there, or signed in as someone else): what happened and what to do,
     * in the user's language.
     */
    public record Declined(ToolFrame frame, String happened, String whatToDoHeading, List<String> steps,
                           String platformUrl, String platformLink, String forAdmin, String code, String reference) {
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

    /**
     * The page for a login the platform declined.
     *
     * @param code        the platform's error code, already reduced to a short safe token
     * @param platformUrl the platform's address to sign in at, or "" if the launch cannot be traced to one
     */
    public static String declined(Language language, String code, String platformUrl, String reference) {
        boolean signedOut = "access_denied".equals(code) || "login_required".equals(code);
        List<String> steps = signedOut
                ? List.of(STEP_SIGN_IN.in(language), STEP_REOPEN.in(language), STEP_ASK.in(language))
                : List.of(STEP_REOPEN.in(language), STEP_ASK.in(language));
        return Templates.render("lti/declined.jte", new Declined(frame(language, DECLINED_TITLE.in(language)),
                (signedOut ? DECLINED_SIGNED_OUT : DECLINED_OTHER).in(language), WHAT_TO_DO.in(language), steps,
                platformUrl, PLATFORM_LINK.in(language), FOR_ADMIN.in(language), code, reference));
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
