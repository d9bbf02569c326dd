package fi.kasvu.survey;

import fi.kasvu.common.LocalizedText;

/** The six elements of a coaching and learning work culture (seed 004, VALOA). */
public enum CultureElement {
    /** From hierarchy towards community-directed work; leadership is a way of acting, not a position. */
    COMMUNITY_DIRECTED(LocalizedText.of(
            "Yhteisöohjautuvuus: johtajuus ei ole vain asema, vaan tapa toimia",
            "Gemensam styrning: ledarskap är inte bara en position utan ett sätt att agera",
            "Community-directed work: leadership is a way of acting, not only a position")),
    /** Work organised around its purpose and the challenges and questions to solve. */
    PURPOSE_DRIVEN(LocalizedText.of(
            "Toiminta rakentuu työn tarkoituksen ja ratkottavien haasteiden ympärille",
            "Verksamheten byggs kring arbetets syfte och de utmaningar som ska lösas",
            "Work is organised around its purpose and the challenges to solve")),
    /** Work, its content and customers examined together. */
    EXAMINED_TOGETHER(LocalizedText.of(
            "Työtä, sen sisältöä ja asiakkaita tarkastellaan yhdessä",
            "Arbetet, dess innehåll och kunderna granskas tillsammans",
            "Work, its content and customers are examined together")),
    /** Interaction, appreciation and co-operation: listening, asking, dialogue. */
    DIALOGUE(LocalizedText.of(
            "Vuorovaikutus, arvostus ja yhteistyö: kuunteleminen, kysyminen ja dialogi",
            "Växelverkan, uppskattning och samarbete: att lyssna, fråga och föra dialog",
            "Interaction, appreciation and co-operation: listening, asking and dialogue")),
    /** Learning valued: what and how we learn is discussed as part of everyday work. */
    LEARNING_VALUED(LocalizedText.of(
            "Oppimista arvostetaan, ja siitä keskustellaan osana työn arkea",
            "Lärande värdesätts och diskuteras som en del av vardagsarbetet",
            "Learning is valued and discussed as part of everyday work")),
    /** Challenges seen beyond one's own team; work across team, unit and organisation boundaries. */
    BEYOND_BOUNDARIES(LocalizedText.of(
            "Työtä tehdään yli tiimi-, osasto- ja organisaatiorajojen",
            "Arbetet sker över team-, avdelnings- och organisationsgränser",
            "Work crosses team, unit and organisation boundaries"));

    private final LocalizedText title;

    CultureElement(LocalizedText title) {
        this.title = title;
    }

    /** The element's name in fi, sv and en. */
    public LocalizedText title() {
        return title;
    }
}
