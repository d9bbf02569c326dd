package fi.kasvu.i18n;

import static fi.kasvu.common.LocalizedText.of;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Problem;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.ReportGroup;
import java.util.Map;

/** What subjects, raters and teachers read for each 360 problem, and the names of rater groups, in fi, sv and en. */
public final class FeedbackMessages {

    private static final Map<String, LocalizedText> PROBLEMS = Map.ofEntries(
            Map.entry("feedback.rights.notSubject", of(
                    "Tämän voi tehdä vain arvioitava itse.",
                    "Det här kan bara den som bedöms göra själv.",
                    "Only the person being assessed can do this.")),
            Map.entry("feedback.assessment.closed", of(
                    "Arviointi on jo päättynyt, eikä siihen voi enää vastata tai kutsua.",
                    "Bedömningen har redan avslutats och tar inte längre emot svar eller inbjudningar.",
                    "The assessment has closed and takes no more answers or invitations.")),
            Map.entry("feedback.report.notClosed", of(
                    "Raportti avautuu, kun arviointi on päätetty.",
                    "Rapporten öppnas när bedömningen har avslutats.",
                    "The report opens once the assessment is closed.")),
            Map.entry("feedback.report.notShared", of(
                    "Arvioitava ei ole jakanut raporttiaan kanssasi. Näet vastausmäärät ja valmistumisen.",
                    "Den som bedöms har inte delat sin rapport med dig. Du ser antalet svar och om bedömningen är klar.",
                    "The person assessed has not shared their report with you. You can see response counts and completion.")),
            Map.entry("feedback.rater.isSubject", of(
                    "Et voi kutsua itseäsi arvioijaksi. Anna oma arviosi itsearviona.",
                    "Du kan inte bjuda in dig själv som bedömare. Ge din egen bedömning som självbedömning.",
                    "You cannot invite yourself as a rater. Give your own view as your self-assessment.")),
            Map.entry("feedback.rater.alreadyInvited", of(
                    "Tämä henkilö on jo kutsuttu arvioijaksi.",
                    "Den här personen är redan inbjuden som bedömare.",
                    "This person has already been invited as a rater.")),
            Map.entry("feedback.invitation.selfGroup", of(
                    "Valitse arvioijan ryhmä: esihenkilö, kollegat, tiimiläiset tai muut.",
                    "Välj bedömarens grupp: chef, kolleger, teammedlemmar eller andra.",
                    "Choose the rater's group: supervisor, peers, direct reports or others.")),
            Map.entry("feedback.invitation.expiryPassed", of(
                    "Kutsun voimassaolon on päätyttävä tulevaisuudessa, nyt se päättyisi {expiresAt}.",
                    "Inbjudan måste gälla till en tidpunkt i framtiden, nu skulle den upphöra {expiresAt}.",
                    "The invitation must run until a time in the future; {expiresAt} has passed.")),
            Map.entry("feedback.invitation.idTaken", of(
                    "Kutsun tunniste {invitationId} on jo käytössä.",
                    "Inbjudans id {invitationId} används redan.",
                    "The invitation id {invitationId} is already in use.")),
            Map.entry("feedback.invitation.unknown", of(
                    "Kutsua ei löydy.",
                    "Inbjudan hittades inte.",
                    "The invitation was not found.")),
            Map.entry("feedback.invitation.none", of(
                    "Sinua ei ole kutsuttu antamaan tätä arviota.",
                    "Du har inte bjudits in att ge den här bedömningen.",
                    "You have not been invited to give this assessment.")),
            Map.entry("feedback.link.unknown", of(
                    "Linkki ei kelpaa. Tarkista, että kopioit sen kokonaan, tai pyydä uusi linkki.",
                    "Länken fungerar inte. Kontrollera att du kopierade hela länken eller be om en ny.",
                    "This link does not work. Check that you copied all of it, or ask for a new one.")),
            Map.entry("feedback.invitation.expired", of(
                    "Kutsu vanheni {expiresAt}. Pyydä arvioitavalta uusi kutsu.",
                    "Inbjudan gick ut {expiresAt}. Be den som bedöms om en ny inbjudan.",
                    "The invitation expired at {expiresAt}. Ask the person assessed for a new one.")),
            Map.entry("feedback.invitation.used", of(
                    "Tällä kutsulla on jo vastattu. Kiitos vastauksestasi!",
                    "Den här inbjudan har redan besvarats. Tack för ditt svar!",
                    "This invitation has already been answered. Thank you for your answer!")),
            Map.entry("feedback.invitation.withdrawn", of(
                    "Kutsu on peruttu.",
                    "Inbjudan har återkallats.",
                    "The invitation has been withdrawn.")),
            Map.entry("feedback.invitation.notPending", of(
                    "Vain vastaamattoman kutsun voi perua.",
                    "Bara en obesvarad inbjudan kan återkallas.",
                    "Only an unanswered invitation can be withdrawn.")),
            Map.entry("feedback.response.unknownStatement", of(
                    "Arvioinnissa ei ole väittämää {statementId}.",
                    "Bedömningen har inget påstående {statementId}.",
                    "The assessment has no statement {statementId}.")),
            Map.entry("feedback.response.empty", of(
                    "Vastaa ainakin yhteen väittämään tai kirjoita kommentti ennen lähettämistä.",
                    "Svara på minst ett påstående eller skriv en kommentar innan du skickar.",
                    "Answer at least one statement or write a comment before sending.")),
            Map.entry("feedback.consent.afterAnswers", of(
                    "Esihenkilön vastausten erillisnäyttämiseen on suostuttava ennen kuin kukaan vastaa.",
                    "Samtycket till att visa chefens svar separat måste ges innan någon har svarat.",
                    "Consent to see your supervisor's answers apart must be given before anyone answers.")),
            Map.entry("feedback.report.unknownStatement", of(
                    "Raportissa ei ole väittämää {statementId}.",
                    "Rapporten har inget påstående {statementId}.",
                    "The report has no statement {statementId}.")));

    private static final Map<RaterGroup, LocalizedText> RATER_GROUPS = Map.of(
            RaterGroup.SELF, of("Oma arvio", "Egen bedömning", "Self"),
            RaterGroup.SUPERVISOR, of("Esihenkilö", "Chef", "Supervisor"),
            RaterGroup.PEERS, of("Kollegat", "Kolleger", "Peers"),
            RaterGroup.DIRECT_REPORTS, of("Tiimiläiset", "Teammedlemmar", "Direct reports"),
            RaterGroup.OTHERS, of("Muut", "Andra", "Others"));

    private static final Map<ReportGroup, LocalizedText> REPORT_GROUPS = Map.of(
            ReportGroup.ALL_RATERS, of("Muiden arvio", "Andras bedömning", "Others' view"),
            ReportGroup.SUPERVISOR, of("Esihenkilö", "Chef", "Supervisor"),
            ReportGroup.PEERS, of("Kollegat", "Kolleger", "Peers"),
            ReportGroup.DIRECT_REPORTS, of("Tiimiläiset", "Teammedlemmar", "Direct reports"),
            ReportGroup.OTHERS, of("Muut", "Andra", "Others"));

    private FeedbackMessages() {
    }

    /**
     * The problem's message in the language, its placeholders filled from the arguments.
     *
     * @throws IllegalArgumentException if no message exists for the problem's code
     */
    public static String message(Problem problem, Language language) {
        return MessageText.fill(PROBLEMS, problem, language, (name, value) -> null);
    }

    /** The name of a rater group. */
    public static String raterGroup(RaterGroup group, Language language) {
        return RATER_GROUPS.get(group).in(language);
    }

    /** The name of a report group. */
    public static String reportGroup(ReportGroup group, Language language) {
        return REPORT_GROUPS.get(group).in(language);
    }

    /** Whether a message exists for the code. */
    public static boolean covers(String code) {
        return PROBLEMS.containsKey(code);
    }
}
