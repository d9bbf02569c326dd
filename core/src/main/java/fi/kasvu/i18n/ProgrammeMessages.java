package fi.kasvu.i18n;

import static fi.kasvu.common.LocalizedText.of;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Problem;
import fi.kasvu.programme.AssignmentKind;
import fi.kasvu.programme.EventKind;
import fi.kasvu.programme.ProgrammeRole;
import java.util.Map;

/**
 * What organisers, participants and coaches read for each programme problem, and the names of
 * roles, event kinds, assignment kinds and reminder kinds, in fi, sv and en.
 */
public final class ProgrammeMessages {

    private static final Map<String, LocalizedText> PROBLEMS = Map.ofEntries(
            Map.entry("programme.rights.notOrganiser", of(
                    "Vain ohjelman järjestäjä voi muuttaa ohjelmaa.",
                    "Bara programmets arrangör kan ändra programmet.",
                    "Only the programme's organiser can change it.")),
            Map.entry("programme.dates.endsBeforeStart", of(
                    "Ohjelma ei voi päättyä ({ends}) ennen kuin se alkaa ({starts}).",
                    "Programmet kan inte sluta ({ends}) innan det börjar ({starts}).",
                    "The programme cannot end ({ends}) before it starts ({starts}).")),
            Map.entry("programme.phase.unknown", of(
                    "Ohjelmassa ei ole vaihetta {phaseId}.",
                    "Programmet har ingen fas {phaseId}.",
                    "The programme has no phase {phaseId}.")),
            Map.entry("programme.id.taken", of(
                    "Tunniste {id} on jo käytössä tässä ohjelmassa.",
                    "Id {id} används redan i det här programmet.",
                    "The id {id} is already used in this programme.")),
            Map.entry("programme.member.already", of(
                    "Henkilöllä on jo tämä rooli ohjelmassa.",
                    "Personen har redan den här rollen i programmet.",
                    "The person already has this role in the programme.")),
            Map.entry("programme.phase.outsideProgramme", of(
                    "Vaihe {phaseId} ({starts}–{ends}) ei mahdu ohjelman päivämäärien sisään.",
                    "Fasen {phaseId} ({starts}–{ends}) ryms inte inom programmets datum.",
                    "Phase {phaseId} ({starts}–{ends}) does not fit within the programme's dates.")),
            Map.entry("programme.phase.empty", of(
                    "Vaiheessa {phaseId} ei ole vielä tilaisuuksia eikä tehtäviä. Lisää jotain tai poista vaihe.",
                    "Fasen {phaseId} har ännu inga tillfällen eller uppgifter. Lägg till något eller ta bort fasen.",
                    "Phase {phaseId} has no events or assignments yet. Add something or remove the phase.")),
            Map.entry("programme.event.endsBeforeStart", of(
                    "Tilaisuus päättyy ennen kuin se alkaa. Tarkista kellonajat.",
                    "Tillfället slutar innan det börjar. Kontrollera klockslagen.",
                    "The event ends before it starts. Check the times.")),
            Map.entry("programme.event.outsideProgramme", of(
                    "Tilaisuuden päivä {day} on ohjelman ulkopuolella ({starts}–{ends}).",
                    "Tillfällets datum {day} ligger utanför programmet ({starts}–{ends}).",
                    "The event's day {day} is outside the programme ({starts}–{ends}).")),
            Map.entry("programme.event.outsidePhase", of(
                    "Tilaisuuden päivä {day} ei osu vaiheeseen {phaseId}. Siirrä tilaisuus toiseen vaiheeseen tai muuta päivää.",
                    "Tillfällets datum {day} ligger inte i fasen {phaseId}. Flytta tillfället till en annan fas eller byt datum.",
                    "The event's day {day} is not within phase {phaseId}. Move it to another phase or change the day.")),
            Map.entry("programme.event.venueMissing", of(
                    "Kerro tilaisuuden paikka tai verkkolinkki.",
                    "Ange plats eller möteslänk för tillfället.",
                    "Give the event a place or a meeting link.")),
            Map.entry("programme.event.speakerMissing", of(
                    "Lisää esihenkilötreffien puhuja.",
                    "Lägg till en talare för chefsträffen.",
                    "Add a speaker for the meetup.")),
            Map.entry("programme.assignment.afterClose", of(
                    "Tehtävän määräpäivä {due} on ohjelman päättymisen ({ends}) jälkeen.",
                    "Uppgiftens sista dag {due} är efter programmets slut ({ends}).",
                    "The assignment is due {due}, after the programme closes ({ends}).")),
            Map.entry("programme.assignment.beforeStart", of(
                    "Tehtävän määräpäivä {due} on ennen ohjelman alkua ({starts}).",
                    "Uppgiftens sista dag {due} är före programmets start ({starts}).",
                    "The assignment is due {due}, before the programme starts ({starts}).")),
            Map.entry("programme.assignment.finalBeforeIntermediate", of(
                    "Lopputehtävän määräpäivä on ennen välitehtävää {intermediateId}.",
                    "Slutuppgiften ska vara klar före mellanuppgiften {intermediateId}.",
                    "The final assignment is due before the intermediate assignment {intermediateId}.")),
            Map.entry("programme.assignment.activityNotLinked", of(
                    "Liitä tehtävään aktiviteetti, jolla se tehdään.",
                    "Koppla uppgiften till den aktivitet som den görs i.",
                    "Link the assignment to the activity it is done in.")),
            Map.entry("programme.members.noOrganiser", of(
                    "Ohjelmalla on oltava ainakin yksi järjestäjä.",
                    "Programmet måste ha minst en arrangör.",
                    "The programme needs at least one organiser.")),
            Map.entry("programme.reflection.notAReflection", of(
                    "Tehtävää {assignmentId} ei tehdä kirjoittamalla pohdintaa.",
                    "Uppgiften {assignmentId} görs inte som en skriftlig reflektion.",
                    "Assignment {assignmentId} is not done as a written reflection.")),
            Map.entry("programme.rights.notInRole", of(
                    "Sinulla ei ole tähän tarvittavaa roolia ({role}) ohjelmassa.",
                    "Du har inte den roll ({role}) i programmet som behövs för detta.",
                    "You do not have the role ({role}) in the programme that this needs.")),
            Map.entry("programme.reflection.notLearner", of(
                    "Vain pohdinnan kirjoittaja voi muokata ja palauttaa sen.",
                    "Bara den som skriver reflektionen kan ändra och lämna in den.",
                    "Only the reflection's author can change and submit it.")),
            Map.entry("programme.reflection.notCoach", of(
                    "Palautteen antaa pohdinnan valmentaja.",
                    "Återkopplingen ges av reflektionens coach.",
                    "Feedback is given by the reflection's coach.")),
            Map.entry("programme.reflection.empty", of(
                    "Kirjoita jotain ennen lähettämistä.",
                    "Skriv något innan du skickar.",
                    "Write something before sending.")),
            Map.entry("programme.reflection.alreadySubmitted", of(
                    "Pohdinta on jo palautettu, eikä sitä voi enää muuttaa.",
                    "Reflektionen är redan inlämnad och kan inte längre ändras.",
                    "The reflection has been submitted and can no longer be changed.")),
            Map.entry("programme.reflection.notSubmitted", of(
                    "Palautetta voi antaa, kun pohdinta on palautettu.",
                    "Återkoppling kan ges när reflektionen har lämnats in.",
                    "Feedback can be given once the reflection is submitted.")),
            Map.entry("programme.templateFile.tooLarge", of(
                    "Tiedosto on liian suuri ({bytes} tavua); enintään {max} tavua luetaan. Onko se varmasti ohjelmapohja?",
                    "Filen är för stor ({bytes} byte); högst {max} byte läses. Är den säkert en programmall?",
                    "The file is too large ({bytes} bytes); at most {max} bytes are read. Is it really a programme template?")),
            Map.entry("programme.templateFile.empty", of(
                    "Tiedosto on tyhjä. Aloita se rivillä template <tunniste>, esimerkiksi template oma-valmennus.",
                    "Filen är tom. Börja den med raden template <id>, till exempel template egen-coachning.",
                    "The file is empty. Start it with the line template <id>, such as template our-coaching.")),
            Map.entry("programme.templateFile.notUtf8", of(
                    "Rivi ei ole UTF-8-tekstiä. Tallenna tiedosto UTF-8-muodossa (esimerkiksi Muistiossa: Tallenna nimellä → Koodaus: UTF-8).",
                    "Raden är inte UTF-8-text. Spara filen som UTF-8 (till exempel i Anteckningar: Spara som → Kodning: UTF-8).",
                    "The line is not UTF-8 text. Save the file as UTF-8 (in Notepad, say: Save as → Encoding: UTF-8).")),
            Map.entry("programme.templateFile.controlCharacter", of(
                    "Rivillä on näkymätön ohjausmerkki (esimerkiksi NUL-tavu). Onko tiedosto varmasti tekstitiedosto?",
                    "Raden innehåller ett osynligt styrtecken (till exempel en NUL-byte). Är filen säkert en textfil?",
                    "The line holds an invisible control character (a NUL byte, say). Is the file really a text file?")),
            Map.entry("programme.templateFile.lineTooLong", of(
                    "Rivi on {length} merkkiä pitkä; enintään {max} merkkiä luetaan.",
                    "Raden är {length} tecken lång; högst {max} tecken läses.",
                    "The line is {length} characters long; at most {max} are read.")),
            Map.entry("programme.templateFile.tooManyProblems", of(
                    "Tässä ovat {shown} ensimmäistä ongelmaa; loppua tiedostosta ei tarkistettu.",
                    "Här är de {shown} första problemen; resten av filen kontrollerades inte.",
                    "These are the first {shown} problems; the rest of the file was not checked.")),
            Map.entry("programme.templateFile.notALine", of(
                    "\"{text}\" ei ole otsikko (template, phase, event tai assignment ja tunniste) eikä kenttä (nimi = arvo).",
                    "\"{text}\" är varken en rubrik (template, phase, event eller assignment och ett id) eller ett fält (namn = värde).",
                    "\"{text}\" is neither a heading (template, phase, event or assignment and an id) nor a field (name = value).")),
            Map.entry("programme.templateFile.templateHeading", of(
                    "Tiedosto alkaa yhdellä rivillä template <tunniste> ennen vaiheita ja kenttiä.",
                    "Filen börjar med en enda rad template <id> före faser och fält.",
                    "The file starts with one line template <id>, before any phase or field.")),
            Map.entry("programme.templateFile.noPhases", of(
                    "Pohjassa ei ole yhtään vaihetta. Lisää ainakin yksi rivi phase <tunniste> kenttineen.",
                    "Mallen har inga faser. Lägg till minst en rad phase <id> med dess fält.",
                    "The template has no phases. Add at least one line phase <id> with its fields.")),
            Map.entry("programme.templateFile.noPhase", of(
                    "{id} on ennen ensimmäistä vaihetta. Tilaisuus tai tehtävä kuuluu sen yläpuolella olevan phase-rivin vaiheeseen.",
                    "{id} står före den första fasen. Ett tillfälle eller en uppgift hör till fasen på raden phase ovanför.",
                    "{id} comes before the first phase. An event or assignment belongs to the phase of the phase line above it.")),
            Map.entry("programme.templateFile.unknownField", of(
                    "Kohdassa {section} ei ole kenttää {field}. Sen kentät: {allowed}.",
                    "Under {section} finns inget fält {field}. Dess fält: {allowed}.",
                    "A {section} has no field {field}. Its fields: {allowed}.")),
            Map.entry("programme.templateFile.repeatedField", of(
                    "Kenttä {field} on annettu jo rivillä {firstLine}.",
                    "Fältet {field} har redan angetts på rad {firstLine}.",
                    "The field {field} is given already on line {firstLine}.")),
            Map.entry("programme.templateFile.missingField", of(
                    "Kohdasta {section} {id} puuttuu kenttä {field}.",
                    "Under {section} {id} saknas fältet {field}.",
                    "The {section} {id} has no field {field}.")),
            Map.entry("programme.templateFile.badId", of(
                    "Tunniste \"{id}\" ei kelpaa: käytä 1–60 pientä kirjainta a–z, numeroita ja väliviivoja, esimerkiksi kick-off.",
                    "Id:t \"{id}\" duger inte: använd 1–60 små bokstäver a–z, siffror och bindestreck, till exempel kick-off.",
                    "The id \"{id}\" will not do: use 1–60 lower-case letters a–z, digits and hyphens, such as kick-off.")),
            Map.entry("programme.templateFile.repeatedId", of(
                    "Tunniste {id} on käytetty jo rivillä {firstLine}; jokaisella vaiheella, tilaisuudella ja tehtävällä on oma tunnisteensa.",
                    "Id:t {id} används redan på rad {firstLine}; varje fas, tillfälle och uppgift har ett eget id.",
                    "The id {id} is used already on line {firstLine}; every phase, event and assignment has its own.")),
            Map.entry("programme.templateFile.badNumber", of(
                    "\"{value}\" ei kelpaa kenttään {field}: anna kokonaisluku {min}–{max}.",
                    "\"{value}\" duger inte i fältet {field}: ange ett heltal {min}–{max}.",
                    "\"{value}\" will not do for {field}: give a whole number from {min} to {max}.")),
            Map.entry("programme.templateFile.badDayRange", of(
                    "\"{value}\" eivät ole vaiheen päivät: kirjoita ensimmäinen ja viimeinen päivä, esimerkiksi 0-27 (ensimmäinen ei viimeisen jälkeen).",
                    "\"{value}\" är inte fasens dagar: skriv första och sista dagen, till exempel 0-27 (den första inte efter den sista).",
                    "\"{value}\" are not the phase's days: write its first and last day, such as 0-27 (the first not after the last).")),
            Map.entry("programme.templateFile.badTimes", of(
                    "\"{value}\" ei ole tilaisuuden aika: kirjoita alku ja loppu, esimerkiksi 9:00-12:30.",
                    "\"{value}\" är ingen tid för tillfället: skriv början och slutet, till exempel 9:00-12:30.",
                    "\"{value}\" is not an event's time: write its start and end, such as 9:00-12:30.")),
            Map.entry("programme.templateFile.unknownValue", of(
                    "\"{value}\" ei kelpaa kenttään {field}. Vaihtoehdot: {allowed}.",
                    "\"{value}\" duger inte i fältet {field}. Alternativ: {allowed}.",
                    "\"{value}\" will not do for {field}. Choose from: {allowed}.")),
            Map.entry("programme.templateFile.unknownLanguage", of(
                    "Kieli \"{language}\" (kentässä {field}) ei ole Kasvun kieli; käytä fi, sv tai en.",
                    "Språket \"{language}\" (i fältet {field}) finns inte i Kasvu; använd fi, sv eller en.",
                    "The language \"{language}\" (in {field}) is not one of Kasvu's; use fi, sv or en.")),
            Map.entry("programme.templateFile.emptyValue", of(
                    "Kenttä {field} on tyhjä.",
                    "Fältet {field} är tomt.",
                    "The field {field} is empty.")),
            Map.entry("programme.templateFile.textTooLong", of(
                    "Kentän {field} teksti on {length} merkkiä; enintään {max} merkkiä.",
                    "Texten i fältet {field} är {length} tecken; högst {max} tecken.",
                    "The text of {field} is {length} characters; at most {max}.")),
            Map.entry("programme.templateFile.badLink", of(
                    "\"{value}\" ei ole https-alkuinen verkko-osoite. Anna kokouslinkki muodossa https://…",
                    "\"{value}\" är ingen webbadress som börjar med https. Ange möteslänken som https://…",
                    "\"{value}\" is not a web address starting with https. Give the meeting link as https://…")),
            Map.entry("programme.templateFile.roleMissing", of(
                    "Rooleista puuttuu {role}; jokaisessa ohjelmassa on osallistujia ja järjestäjä.",
                    "Rollerna saknar {role}; varje program har deltagare och en arrangör.",
                    "The roles lack {role}; every programme has participants and an organiser.")),
            Map.entry("programme.templateFile.reflectionNeedsCoach", of(
                    "Tehtävä {assignmentId} tehdään pohdintana, jonka valmentaja lukee, mutta rooleissa ei ole valmentajaa. Lisää coach kenttään roles tai valitse muu tekotapa.",
                    "Uppgiften {assignmentId} görs som en reflektion som coachen läser, men rollerna har ingen coach. Lägg till coach i fältet roles eller välj ett annat sätt.",
                    "Assignment {assignmentId} is a reflection a coach reads, but the roles have no coach. Add coach to roles or choose another way to fulfil it.")),
            Map.entry("programme.templateFile.phaseEmpty", of(
                    "Vaiheessa {phaseId} ei ole tilaisuuksia eikä tehtäviä. Lisää sen alle event- tai assignment-kohta tai poista vaihe.",
                    "Fasen {phaseId} har inga tillfällen eller uppgifter. Lägg till ett event eller en assignment under den eller ta bort fasen.",
                    "Phase {phaseId} has no events or assignments. Add an event or assignment under it, or remove the phase.")),
            Map.entry("programme.templateFile.phaseOutsideDays", of(
                    "Vaiheen {phaseId} päivät {first}–{last} eivät mahdu ohjelmaan, jonka päivät ovat 0–{lastDay}.",
                    "Fasens {phaseId} dagar {first}–{last} ryms inte i programmet, vars dagar är 0–{lastDay}.",
                    "Phase {phaseId}'s days {first}–{last} do not fit the programme, whose days are 0–{lastDay}.")),
            Map.entry("programme.templateFile.eventOutsideDays", of(
                    "Tilaisuuden {eventId} päivä {day} on ohjelman päivien 0–{lastDay} ulkopuolella.",
                    "Tillfällets {eventId} dag {day} ligger utanför programmets dagar 0–{lastDay}.",
                    "Event {eventId}'s day {day} is outside the programme's days 0–{lastDay}.")),
            Map.entry("programme.templateFile.eventOutsidePhase", of(
                    "Tilaisuuden {eventId} päivä {day} ei osu vaiheeseen {phaseId} (päivät {first}–{last}). Muuta päivää tai siirrä tilaisuus toisen vaiheen alle.",
                    "Tillfällets {eventId} dag {day} ligger inte i fasen {phaseId} (dagarna {first}–{last}). Byt dag eller flytta tillfället under en annan fas.",
                    "Event {eventId}'s day {day} is not within phase {phaseId} (days {first}–{last}). Change the day or move the event under another phase.")),
            Map.entry("programme.templateFile.eventEndsBeforeStart", of(
                    "Tilaisuus {eventId} päättyy ennen kuin se alkaa. Tarkista kellonajat.",
                    "Tillfället {eventId} slutar innan det börjar. Kontrollera klockslagen.",
                    "Event {eventId} ends before it starts. Check the times.")),
            Map.entry("programme.templateFile.assignmentAfterClose", of(
                    "Tehtävän {assignmentId} määräpäivä {due} on ohjelman päättymisen jälkeen (viimeinen päivä on {lastDay}).",
                    "Uppgiftens {assignmentId} sista dag {due} är efter programmets slut (sista dagen är {lastDay}).",
                    "Assignment {assignmentId} is due on day {due}, after the programme closes (its last day is {lastDay}).")),
            Map.entry("programme.templateFile.assignmentOutsidePhase", of(
                    "Tehtävän {assignmentId} määräpäivä {due} ei osu vaiheeseen {phaseId} (päivät {first}–{last}).",
                    "Uppgiftens {assignmentId} sista dag {due} ligger inte i fasen {phaseId} (dagarna {first}–{last}).",
                    "Assignment {assignmentId} is due on day {due}, outside phase {phaseId} (days {first}–{last}).")),
            Map.entry("programme.templateFile.finalBeforeIntermediate", of(
                    "Lopputehtävän {finalId} määräpäivä on ennen välitehtävää {intermediateId}.",
                    "Slutuppgiften {finalId} ska vara klar före mellanuppgiften {intermediateId}.",
                    "Final assignment {finalId} is due before intermediate assignment {intermediateId}.")));

    private static final Map<ProgrammeRole, LocalizedText> ROLES = Map.of(
            ProgrammeRole.PARTICIPANT, of("osallistuja", "deltagare", "participant"),
            ProgrammeRole.COACH, of("valmentaja", "coach", "coach"),
            ProgrammeRole.ORGANISER, of("järjestäjä", "arrangör", "organiser"));

    private static final Map<EventKind, LocalizedText> EVENT_KINDS = Map.of(
            EventKind.KICK_OFF, of("Aloitustilaisuus", "Startmöte", "Kick-off"),
            EventKind.COACHING_SESSION, of("Valmennustilaisuus", "Coachningstillfälle", "Coaching session"),
            EventKind.MEETUP, of("Esihenkilötreffit", "Chefsträff", "Supervisor meetup"),
            EventKind.CLOSING, of("Päätöstilaisuus", "Avslutning", "Closing event"));

    private static final Map<AssignmentKind, LocalizedText> ASSIGNMENT_KINDS = Map.of(
            AssignmentKind.INTERMEDIATE, of("Välitehtävä", "Mellanuppgift", "Intermediate assignment"),
            AssignmentKind.FINAL, of("Lopputehtävä", "Slutuppgift", "Final assignment"));

    private static final Map<String, LocalizedText> REMINDERS = Map.of(
            "programme.event.upcoming", of("Tilaisuus lähestyy", "Ett tillfälle närmar sig", "An event is coming up"),
            "programme.assignment.due", of("Tehtävän määräpäivä lähestyy", "En uppgift ska snart vara klar",
                    "An assignment is due soon"),
            "programme.feedback.due", of("Pohdinta odottaa palautettasi", "En reflektion väntar på din återkoppling",
                    "A reflection is waiting for your feedback"),
            "feedback.invitation.pending", of("Sinua on pyydetty antamaan 360-arvio",
                    "Du har ombetts att ge en 360-bedömning", "You have been asked for a 360 assessment"));

    private ProgrammeMessages() {
    }

    /**
     * The problem's message in the language, its placeholders filled from the arguments (a role
     * shown by its name in the language).
     *
     * @throws IllegalArgumentException if no message exists for the problem's code
     */
    public static String message(Problem problem, Language language) {
        return MessageText.fill(PROBLEMS, problem, language, (name, value) -> name.equals("role")
                ? ROLES.get(ProgrammeRole.valueOf(String.valueOf(value))).in(language) : null);
    }

    private static final LocalizedText LINE = of("Rivi {line}", "Rad {line}", "Line {line}");

    /**
     * A template file's problem with where it is: {@code Line 12 (day): …}, or only the message
     * for a problem of the whole file (line 0).
     */
    public static String atLine(fi.kasvu.programme.TemplateFileProblem problem, Language language) {
        String message = message(problem, language);
        if (problem.line() <= 0) {
            return message;
        }
        String where = LINE.in(language).replace("{line}", Integer.toString(problem.line()));
        return where + (problem.field().isEmpty() ? "" : " (" + problem.field() + ")") + ": " + message;
    }

    /** The name of a role. */
    public static String role(ProgrammeRole role, Language language) {
        return ROLES.get(role).in(language);
    }

    /** The name of an event kind. */
    public static String eventKind(EventKind kind, Language language) {
        return EVENT_KINDS.get(kind).in(language);
    }

    /** The name of an assignment kind. */
    public static String assignmentKind(AssignmentKind kind, Language language) {
        return ASSIGNMENT_KINDS.get(kind).in(language);
    }

    /**
     * The subject line of a reminder for a {@link fi.kasvu.common.DueItem} kind.
     *
     * @throws IllegalArgumentException if the kind is unknown
     */
    public static String reminder(String dueItemKind, Language language) {
        LocalizedText text = REMINDERS.get(dueItemKind);
        if (text == null) {
            throw new IllegalArgumentException("no reminder text for due item kind: " + dueItemKind);
        }
        return text.in(language);
    }

    /** Whether a message exists for the code. */
    public static boolean covers(String code) {
        return PROBLEMS.containsKey(code);
    }
}
