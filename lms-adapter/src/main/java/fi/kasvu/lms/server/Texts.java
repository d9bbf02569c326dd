package fi.kasvu.lms.server;

import fi.kasvu.common.LocalizedText;

/** The pages' words in Finnish, Swedish and English. */
final class Texts {

    static final LocalizedText REGISTERED_TITLE = LocalizedText.of(
            "Kasvu on rekisteröity", "Kasvu är registrerat", "Kasvu is registered");
    static final LocalizedText REGISTERED_BODY = LocalizedText.of(
            "Kasvu on nyt rekisteröity alustaan %s. Moodlessa on jäljellä yksi vaihe: uusi työkalu odottaa "
                    + "hyväksyntää eikä näy vielä opettajille.",
            "Kasvu är nu registrerat i %s. Ett steg återstår i Moodle: det nya verktyget väntar på godkännande "
                    + "och syns ännu inte för lärarna.",
            "Kasvu is now registered with %s. One step is left in Moodle: the new tool is pending and teachers "
                    + "cannot see it yet.");
    static final LocalizedText REGISTERED_STEP = LocalizedText.of(
            "Avaa Sivuston ylläpito → Lisäosat → Aktiviteettimoduulit → Ulkoinen työkalu → Hallitse työkaluja. "
                    + "Valitse Kasvun kortista Aktivoi, avaa sitten sen asetukset ja valitse kohtaan ”Työkalun "
                    + "määritysten käyttö” vaihtoehto ”Näytä aktiviteettivalitsimessa ja esimääritettynä työkaluna”.",
            "Öppna Webbplatsadministration → Tillägg → Aktivitetsmoduler → Externt verktyg → Hantera verktyg. "
                    + "Välj Aktivera på Kasvus kort, öppna sedan dess inställningar och välj ”Visa i aktivitetsväljaren "
                    + "och som ett förkonfigurerat verktyg” under ”Användning av verktygskonfiguration”.",
            "Open Site administration → Plugins → Activity modules → External tool → Manage tools. Choose Activate "
                    + "on Kasvu's card, then open its settings and set “Tool configuration usage” to “Show in activity "
                    + "chooser and as a preconfigured tool”.");
    static final LocalizedText REGISTERED_PENDING = LocalizedText.of(
            "Kasvun ylläpitäjän on vielä hyväksyttävä rekisteröinti (kasvu platform approve), ennen kuin Kasvua "
                    + "voi käyttää.",
            "Kasvus administratör måste ännu godkänna registreringen (kasvu platform approve) innan Kasvu kan "
                    + "användas.",
            "The Kasvu administrator must still approve this registration (kasvu platform approve) before Kasvu "
                    + "can be used.");
    static final LocalizedText FORM_UNREADABLE = LocalizedText.of(
            "Lomaketta ei voitu lukea (sen merkistö oli virheellinen tai kenttiä oli liikaa). Aiemmin tallennettu "
                    + "on tallessa; palaa takaisin ja yritä uudelleen.",
            "Formuläret kunde inte läsas (felaktig kodning eller för många fält). Det som sparats tidigare finns "
                    + "kvar; gå tillbaka och försök igen.",
            "The form could not be read (its encoding was malformed or it had too many fields). What you saved "
                    + "before is kept; go back and try again.");
    static final LocalizedText CONTROL_CHARACTERS = LocalizedText.of(
            "Tekstissä oli näkymättömiä ohjausmerkkejä, joita Kasvu ei voi tallentaa. Aiemmin tallennettu on "
                    + "tallessa; poista merkit (esimerkiksi kirjoittamalla teksti uudelleen) ja tallenna.",
            "Texten innehöll osynliga styrtecken som Kasvu inte kan spara. Det som sparats tidigare finns kvar; "
                    + "ta bort tecknen (till exempel genom att skriva texten på nytt) och spara.",
            "The text contained invisible control characters that Kasvu cannot store. What you saved before is "
                    + "kept; remove them (for example by typing the text again) and save.");
    static final LocalizedText FAILED = LocalizedText.of(
            "Kasvussa tapahtui virhe. Aiemmin tallennettu on tallessa; yritä hetken päästä uudelleen.",
            "Ett fel inträffade i Kasvu. Det som sparats tidigare finns kvar; försök igen om en stund.",
            "Something went wrong in Kasvu. What you saved before is kept; try again in a moment.");
    static final LocalizedText CLOSE = LocalizedText.of("Valmis – sulje", "Klart – stäng", "Done – close");

    static final LocalizedText WELCOME = LocalizedText.of("Tervetuloa", "Välkommen", "Welcome");
    static final LocalizedText OPENED = LocalizedText.of(
            "Avasit tehtävän ”%s” kurssilla %s.", "Du öppnade uppgiften ”%s” på kursen %s.",
            "You opened “%s” in %s.");
    static final LocalizedText COMING = LocalizedText.of(
            "Kasvun harjoitussivut ovat tulossa pian. Tämä sivu vahvistaa, että kirjautuminen onnistui.",
            "Kasvus övningssidor kommer snart. Den här sidan bekräftar att inloggningen lyckades.",
            "Kasvu's exercise pages are coming soon. This page confirms that you signed in.");
    static final LocalizedText MARK_DONE = LocalizedText.of("Merkitse tehdyksi", "Markera som klar", "Mark as done");
    static final LocalizedText MARKED_DONE = LocalizedText.of(
            "Merkitty tehdyksi. Tieto välitetään kurssin arviointikirjaan.",
            "Markerad som klar. Uppgiften förs över till kursens bedömningsbok.",
            "Marked as done. Your course gradebook will be updated.");
    static final LocalizedText NEW_WINDOW = LocalizedText.of(
            "Selaimesi estää evästeet tässä kehyksessä. Jos sivu ei toimi, avaa Kasvu uuteen ikkunaan.",
            "Din webbläsare blockerar kakor i den här ramen. Om sidan inte fungerar, öppna Kasvu i ett nytt fönster.",
            "Your browser blocks cookies in this frame. If the page does not work, open Kasvu in a new window.");
    static final LocalizedText OPEN_NEW_WINDOW = LocalizedText.of(
            "Avaa uuteen ikkunaan", "Öppna i ett nytt fönster", "Open in a new window");
    static final LocalizedText SESSION_GONE = LocalizedText.of(
            "Istunto on vanhentunut. Avaa tehtävä uudelleen kurssilta.",
            "Sessionen har gått ut. Öppna uppgiften på nytt från kursen.",
            "This session has expired. Open the activity again from your course.");

    static final LocalizedText PICKER_TITLE = LocalizedText.of(
            "Lisää Kasvu-tehtävä", "Lägg till en Kasvu-uppgift", "Add a Kasvu activity");
    static final LocalizedText PICKER_NAME = LocalizedText.of("Tehtävän nimi", "Uppgiftens namn", "Activity name");
    static final LocalizedText PICKER_KIND = LocalizedText.of("Tehtävän laji", "Typ av uppgift", "Kind of activity");
    static final LocalizedText PICKER_TEMPLATE = LocalizedText.of("GROW-pohja", "GROW-mall", "GROW template");
    static final LocalizedText PICKER_FOLLOW_UP = LocalizedText.of(
            "Seurantakeskustelu päivän päästä", "Uppföljning efter dagar", "Follow-up after days");
    static final LocalizedText PICKER_GRADED = LocalizedText.of(
            "Arvioitava (luo sarake arviointikirjaan)", "Bedöms (skapar en kolumn i bedömningsboken)",
            "Graded (creates a gradebook column)");
    static final LocalizedText PICKER_MAX = LocalizedText.of("Enimmäispisteet", "Maxpoäng", "Maximum score");
    static final LocalizedText PICKER_SUBMIT = LocalizedText.of("Lisää kurssille", "Lägg till i kursen", "Add to course");
    static final LocalizedText KIND_GROW = LocalizedText.of("GROW-keskustelu", "GROW-samtal", "GROW conversation");
    static final LocalizedText KIND_EXPERIMENT = LocalizedText.of("Tiimikokeilu", "Teamexperiment", "Team experiment");
    static final LocalizedText KIND_PEERS = LocalizedText.of("Vertaisryhmät", "Kamratgrupper", "Peer groups");
    static final LocalizedText TEACHERS_ONLY = LocalizedText.of(
            "Vain opettajat voivat lisätä Kasvu-tehtäviä.", "Endast lärare kan lägga till Kasvu-uppgifter.",
            "Only teachers can add Kasvu activities.");
    static final LocalizedText SENDING = LocalizedText.of(
            "Palataan Moodleen…", "Återgår till Moodle…", "Returning to your course…");
    static final LocalizedText CONTINUE = LocalizedText.of("Jatka", "Fortsätt", "Continue");

    static final LocalizedText ROSTER = LocalizedText.of(
            "Kurssilla on %d jäsentä, joista %d oppijaa.", "Kursen har %d medlemmar, varav %d studerande.",
            "The course has %d members, %d of them learners.");

    static final LocalizedText ROSTER_LINK = LocalizedText.of("Kurssin jäsenet", "Kursens medlemmar",
            "Course members");

    private Texts() {
    }
}
