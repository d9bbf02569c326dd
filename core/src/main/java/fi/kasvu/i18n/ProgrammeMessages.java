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
                    "Feedback can be given once the reflection is submitted.")));

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
