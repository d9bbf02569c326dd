package fi.kasvu.peer;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.util.List;

/**
 * What a group agrees at its first meeting: the themes it works on, how often it meets over the
 * programme, and its ground rules.
 *
 * @param themes        the themes the group chose, in its own words
 * @param meetingCount  how many meetings the group plans over the programme, 1..100
 * @param intervalWeeks weeks between meetings, 1..52
 * @param groundRules   the rules the group keeps, in fi/sv/en
 */
public record Charter(List<String> themes, int meetingCount, int intervalWeeks, List<LocalizedText> groundRules) {

    /** Confidentiality: what is said in the group stays in the group. */
    public static final LocalizedText CONFIDENTIALITY = LocalizedText.of(
            "Luottamuksellisuus: se, mitä ryhmässä kerrotaan, jää ryhmän sisälle.",
            "Konfidentialitet: det som sägs i gruppen stannar i gruppen.",
            "Confidentiality: what is said in the group stays in the group.");
    /** Dialogue: we listen to understand, not to answer. */
    public static final LocalizedText DIALOGUE = LocalizedText.of(
            "Dialogi: kuuntelemme ymmärtääksemme emmekä vain vastataksemme.",
            "Dialog: vi lyssnar för att förstå, inte bara för att svara.",
            "Dialogue: we listen to understand, not just to reply.");
    /** Respect: every experience is worth hearing. */
    public static final LocalizedText RESPECT = LocalizedText.of(
            "Arvostus: jokaisen kokemus on kuulemisen arvoinen, ja puhumme toisistamme kunnioittavasti.",
            "Respekt: allas erfarenheter är värda att höras, och vi talar om varandra med respekt.",
            "Respect: everyone's experience is worth hearing, and we speak of each other with respect.");
    /** Curiosity: we ask before we advise. */
    public static final LocalizedText CURIOSITY = LocalizedText.of(
            "Uteliaisuus: kysymme ennen kuin neuvomme, ja uskallamme kokeilla uutta.",
            "Nyfikenhet: vi frågar innan vi ger råd, och vi vågar pröva nytt.",
            "Curiosity: we ask before we advise, and we dare to try new things.");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a count is out of range or a theme is blank
     */
    public Charter {
        themes = Require.list("themes", themes);
        for (int i = 0; i < themes.size(); i++) {
            Require.nonBlank("themes[" + i + "]", themes.get(i));
        }
        Require.range("meetingCount", meetingCount, 1, 100);
        Require.range("intervalWeeks", intervalWeeks, 1, 52);
        groundRules = Require.list("groundRules", groundRules);
    }

    /** The four ground rules of the Mobility 2.0 programme: confidentiality, dialogue, respect, curiosity. */
    public static List<LocalizedText> defaultGroundRules() {
        return List.of(CONFIDENTIALITY, DIALOGUE, RESPECT, CURIOSITY);
    }

    /** A charter with the default ground rules. */
    public static Charter withDefaultRules(List<String> themes, int meetingCount, int intervalWeeks) {
        return new Charter(themes, meetingCount, intervalWeeks, defaultGroundRules());
    }
}
