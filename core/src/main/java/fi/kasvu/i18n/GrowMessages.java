package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Problem;
import fi.kasvu.grow.Phase;
import java.util.Map;

/**
 * What a learner reads for each GROW rule problem and phase, in fi, sv and en: friendly,
 * in the coaching voice, and with the problem's arguments filled in.
 */
public final class GrowMessages {

    private static final Map<String, LocalizedText> PROBLEMS = Map.ofEntries(
            Map.entry("grow.setup.coachMissing", LocalizedText.of(
                    "Tässä keskustelumuodossa tarvitaan valmentaja. Lisää valmentaja tai vaihda muodoksi itsenäinen työskentely.",
                    "I den här samtalsformen behövs en coach. Lägg till en coach eller byt till att arbeta på egen hand.",
                    "This kind of conversation needs a coach. Add one, or switch to working on your own.")),
            Map.entry("grow.setup.observersOutsidePeer", LocalizedText.of(
                    "Havainnoijia on vain vertaiskolmikossa. Poista havainnoijat ({observers}) tai vaihda muodoksi vertaiskolmikko.",
                    "Observatörer finns bara i en kamrattrio. Ta bort observatörerna ({observers}) eller byt till kamrattrio.",
                    "Only a peer triad has observers. Remove the observers ({observers}) or switch to a peer triad.")),
            Map.entry("grow.goal.empty", LocalizedText.of(
                    "Kirjoita vielä, mitä haluat saada aikaan tämän keskustelun aikana.",
                    "Skriv ännu vad du vill få ut av det här samtalet.",
                    "Write down what you want to get out of this conversation.")),
            Map.entry("grow.goal.noMeasures", LocalizedText.of(
                    "Mistä tiedät, että olet perillä? Kirjoita, mistä huomaat tavoitteen toteutuneen.",
                    "Hur vet du att du är framme? Skriv hur du märker att målet är nått.",
                    "How will you know you are there? Write down how you will notice the goal is reached.")),
            Map.entry("grow.goal.targetDateBeforeStart", LocalizedText.of(
                    "Tavoitepäivä {targetDate} on jo mennyt. Valitse päivä {started} tai myöhemmin.",
                    "Måldatumet {targetDate} har redan passerat. Välj {started} eller senare.",
                    "The target date {targetDate} has already passed. Pick {started} or later.")),
            Map.entry("grow.reality.notDescribed", LocalizedText.of(
                    "Kerro vielä jotain nykytilanteesta: vastaa johonkin kysymykseen tai kirjoita, mitä olet jo kokeillut.",
                    "Berätta ännu något om läget nu: svara på någon fråga eller skriv vad du redan har prövat.",
                    "Say something about where things stand: answer a question or write what you have already tried.")),
            Map.entry("grow.reality.noEssentialInsight", LocalizedText.of(
                    "Mikä tästä kaikesta on juuri nyt olennaisinta? Merkitse se omin sanoin.",
                    "Vad är det viktigaste i allt det här just nu? Skriv det med egna ord.",
                    "What matters most in all this right now? Put it in your own words.")),
            Map.entry("grow.options.tooFew", LocalizedText.of(
                    "Keksi vielä vaihtoehtoja: nyt niitä on {actual}, tavoitteena vähintään {minimum}. Hullutkin ideat kelpaavat.",
                    "Kom på fler alternativ: nu har du {actual}, målet är minst {minimum}. Även galna idéer duger.",
                    "Come up with more options: you have {actual}, and the aim is at least {minimum}. Wild ideas count too.")),
            Map.entry("grow.options.noneChosen", LocalizedText.of(
                    "Valitse vähintään yksi vaihtoehto, jonka kanssa haluat edetä.",
                    "Välj minst ett alternativ som du vill gå vidare med.",
                    "Choose at least one option to go ahead with.")),
            Map.entry("grow.will.noActions", LocalizedText.of(
                    "Kirjoita ainakin yksi teko, jolla etenet kohti tavoitettasi.",
                    "Skriv minst en åtgärd som tar dig närmare ditt mål.",
                    "Write at least one action that takes you towards your goal.")),
            Map.entry("grow.will.actionWithoutDate", LocalizedText.of(
                    "Mihin mennessä teet toimenpiteen {action}? Lisää sille päivämäärä.",
                    "Till när gör du åtgärd {action}? Lägg till ett datum.",
                    "By when will you do action {action}? Add a date.")),
            Map.entry("grow.will.noCommitment", LocalizedText.of(
                    "Kuinka sitoutunut olet asteikolla 1–10?",
                    "Hur engagerad är du på en skala från 1 till 10?",
                    "How committed are you, on a scale of 1 to 10?")),
            Map.entry("grow.will.noFollowUp", LocalizedText.of(
                    "Sovi vielä, milloin katsot, miten olet edistynyt.",
                    "Bestäm ännu när du ska se hur det har gått.",
                    "Decide when you will look at how things are going.")),
            Map.entry("grow.phase.notReached", LocalizedText.of(
                    "Vaiheeseen {phase} pääsee, kun vaihe {completeFirst} on valmis.",
                    "Du kommer till fasen {phase} när fasen {completeFirst} är klar.",
                    "You can move on to {phase} once {completeFirst} is done.")));

    private static final Map<Phase, LocalizedText> PHASES = Map.of(
            Phase.GOAL, LocalizedText.of("Tavoite", "Mål", "Goal"),
            Phase.REALITY, LocalizedText.of("Nykytila", "Nuläge", "Reality"),
            Phase.OPTIONS, LocalizedText.of("Vaihtoehdot", "Alternativ", "Options"),
            Phase.WILL, LocalizedText.of("Tahto ja tekeminen", "Vilja och vägen framåt", "Way forward"));

    private GrowMessages() {
    }

    /** The title of a phase. */
    public static String phase(Phase phase, Language language) {
        return PHASES.get(phase).in(language);
    }

    /**
     * The message for a problem, its {@code {name}} placeholders filled from its arguments (a
     * phase argument shown as the phase's title); the code itself if no message is known.
     */
    public static String message(Problem problem, Language language) {
        LocalizedText text = PROBLEMS.get(problem.code());
        if (text == null) {
            return problem.code();
        }
        String message = text.in(language);
        for (Map.Entry<String, Object> argument : problem.arguments().entrySet()) {
            String value = String.valueOf(argument.getValue());
            if (argument.getKey().equals("phase") || argument.getKey().equals("completeFirst")) {
                try {
                    value = phase(Phase.ofKey(value), language);
                } catch (IllegalArgumentException notAPhase) {
                    // keep the raw value
                }
            }
            message = message.replace("{" + argument.getKey() + "}", value);
        }
        return message;
    }

    /** Whether a message exists for the code (every GROW problem code has one). */
    public static boolean knows(String code) {
        return PROBLEMS.containsKey(code);
    }
}
