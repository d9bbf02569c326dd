package fi.kasvu.grow;

import fi.kasvu.common.LocalizedText;
import java.util.List;
import java.util.Optional;

/** The built-in GROW templates, drawn from the programmes in the project's seed texts. */
public final class GrowTemplates {

    /** A personal development goal, worked through alone or with a coach. */
    public static final GrowTemplate PERSONAL_DEVELOPMENT = new GrowTemplate("personal-development",
            LocalizedText.of("Oma kehittymistavoite", "Mitt utvecklingsmål", "Personal development goal"),
            LocalizedText.of(
                    "Valitse yksi asia, jossa haluat kehittyä, ja mieti rauhassa, mistä lähdet liikkeelle ja mikä on ensimmäinen askeleesi.",
                    "Välj en sak som du vill utvecklas i och fundera i lugn och ro på var du står och vilket ditt första steg blir.",
                    "Pick one thing you want to grow in, and take the time to see where you stand and what your first step is."),
            Mode.SELF, 3, 14);

    /** A coaching-style development discussion between a supervisor and an employee (seed 001). */
    public static final GrowTemplate DEVELOPMENT_DISCUSSION = new GrowTemplate("development-discussion",
            LocalizedText.of("Valmentava kehityskeskustelu", "Coachande utvecklingssamtal", "Coaching-style development discussion"),
            LocalizedText.of(
                    "Esihenkilö ja työntekijä keskustelevat valmentavalla otteella: työntekijä asettaa tavoitteensa, ja vastaukset löydetään yhdessä kysyen ja kuunnellen.",
                    "Chef och medarbetare för ett samtal i coachande anda: medarbetaren sätter sina mål, och svaren hittas tillsammans genom att fråga och lyssna.",
                    "A supervisor and an employee talk in a coaching way: the employee sets the goals, and the answers are found together by asking and listening."),
            Mode.SUPERVISOR, 3, 90);

    /** A reflection on one's role: continue as an expert, or lead a team (seed 000). */
    public static final GrowTemplate ROLE_REFLECTION = new GrowTemplate("expert-or-supervisor",
            LocalizedText.of("Asiantuntijana vai esihenkilönä?", "Som expert eller som chef?", "Expert or supervisor?"),
            LocalizedText.of(
                    "Haluatko jatkaa oman alasi asiantuntijana vai johtaa tiimiä? Molempia on harvoin mahdollista tehdä yhtä aikaa. Tämä keskustelu auttaa sinua selkiyttämään, mikä rooli on sinun.",
                    "Vill du fortsätta som expert inom ditt område eller leda ett team? Sällan går det att göra båda samtidigt. Det här samtalet hjälper dig att reda ut vilken roll som är din.",
                    "Do you want to continue as an expert in your field, or lead a team? Doing both at once rarely works. This conversation helps you see which role is yours."),
            Mode.SELF, 3, 30);

    /** A newcomer's onboarding conversation with a supervisor from an onboarding pool (seed 000). */
    public static final GrowTemplate ONBOARDING = new GrowTemplate("newcomer-onboarding",
            LocalizedText.of("Perehdytyskeskustelu uuden työntekijän kanssa", "Introduktionssamtal med en nyanställd",
                    "Onboarding conversation with a newcomer"),
            LocalizedText.of(
                    "Perehdyttäjäpoolin esihenkilö ja uusi työntekijä käyvät läpi, mitä tulokas haluaa oppia ensimmäisinä viikkoina, mitä hän jo osaa ja keneltä hän saa tukea – samantasoisesti toimipaikasta riippumatta.",
                    "En chef ur introduktionspoolen och en nyanställd går igenom vad den nya vill lära sig under de första veckorna, vad hen redan kan och vem hen får stöd av – lika bra oberoende av verksamhetsställe.",
                    "A supervisor from the onboarding pool and a newcomer go through what the newcomer wants to learn in the first weeks, what they already know and who will support them – equally well whatever the office."),
            Mode.SUPERVISOR, 2, 14);

    private static final List<GrowTemplate> ALL = List.of(PERSONAL_DEVELOPMENT, DEVELOPMENT_DISCUSSION, ROLE_REFLECTION, ONBOARDING);

    private GrowTemplates() {
    }

    /** Every built-in template, the default first. */
    public static List<GrowTemplate> all() {
        return ALL;
    }

    /** The template for a new conversation when none is named. */
    public static GrowTemplate defaultTemplate() {
        return PERSONAL_DEVELOPMENT;
    }

    /** The built-in template with the id, if any. */
    public static Optional<GrowTemplate> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
