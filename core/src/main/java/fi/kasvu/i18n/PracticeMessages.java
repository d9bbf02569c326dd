package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Problem;
import fi.kasvu.experiment.ExperimentStage;
import java.util.Map;

/**
 * What a person reads for each problem of experiments, development plans and surveys, in fi, sv
 * and en, with the problem's arguments filled in; step names are shown in the reader's language.
 */
public final class PracticeMessages {

    private static final Map<String, LocalizedText> PROBLEMS = Map.ofEntries(
            Map.entry("experiment.step.wrong", LocalizedText.of(
                    "Tätä ei voi tehdä vielä tai enää: kokeilu on nyt vaiheessa {step}.",
                    "Det här går inte att göra ännu eller längre: försöket är nu i skedet {step}.",
                    "This cannot be done now: the experiment is at the step {step}.")),
            Map.entry("experiment.rights.notAllowed", LocalizedText.of(
                    "Tämä kuuluu kokeilun fasilitaattorille.",
                    "Det här hör till försökets facilitator.",
                    "This is the facilitator's part of the experiment.")),
            Map.entry("experiment.field.missing", LocalizedText.of(
                    "Täydennä vielä tämä kohta.",
                    "Fyll ännu i den här punkten.",
                    "Please fill this in first.")),
            Map.entry("experiment.picture.tooFewContributors", LocalizedText.of(
                    "Tilannekuvaan tarvitaan näkemyksiä ainakin {minimum} ihmiseltä; nyt niitä on {actual}.",
                    "Lägesbilden behöver synpunkter från minst {minimum} personer; nu finns det från {actual}.",
                    "The situational picture needs views from at least {minimum} people; so far {actual} have added theirs.")),
            Map.entry("experiment.date.beforeStart", LocalizedText.of(
                    "Päivä {to} on liian aikainen: valitse {from} tai myöhemmin.",
                    "Datumet {to} är för tidigt: välj {from} eller senare.",
                    "{to} is too early: pick {from} or later.")),
            Map.entry("experiment.evaluation.criterionMissing", LocalizedText.of(
                    "Arvioi vielä onnistumisen kriteeri {criterionId}.",
                    "Bedöm ännu framgångskriteriet {criterionId}.",
                    "Evaluate success criterion {criterionId} as well.")),
            Map.entry("experiment.evaluation.criterionUnknown", LocalizedText.of(
                    "Suunnitelmassa ei ole kriteeriä {criterionId}.",
                    "Planen har inget kriterium {criterionId}.",
                    "The plan has no criterion {criterionId}.")),
            Map.entry("experiment.picture.unknownEntry", LocalizedText.of(
                    "Tilannekuvassa ei ole merkintää {entryId}.",
                    "Lägesbilden har ingen anteckning {entryId}.",
                    "The situational picture has no entry {entryId}.")),
            Map.entry("plan.field.missing", LocalizedText.of(
                    "Täydennä vielä tämä kohta suunnitelmaasi.",
                    "Fyll ännu i den här punkten i din plan.",
                    "Add this to your plan as well.")),
            Map.entry("plan.id.unknown", LocalizedText.of(
                    "Suunnitelmassa ei ole kohtaa {id}.",
                    "Planen har ingen punkt {id}.",
                    "The plan has no item {id}.")),
            Map.entry("plan.rights.notOwner", LocalizedText.of(
                    "Vain suunnitelman omistaja voi muuttaa sitä.",
                    "Bara planens ägare kan ändra den.",
                    "Only the plan's owner can change it.")),
            Map.entry("plan.review.alreadyHeld", LocalizedText.of(
                    "Tämä seurantakerta on jo pidetty.",
                    "Den här uppföljningen har redan hållits.",
                    "This review has already been held.")),
            Map.entry("plan.review.past", LocalizedText.of(
                    "Seurantapäivä {day} on jo mennyt. Valitse tämä päivä ({today}) tai myöhempi.",
                    "Uppföljningsdagen {day} har redan passerat. Välj i dag ({today}) eller en senare dag.",
                    "The review day {day} has already passed. Choose today ({today}) or a later day.")),
            Map.entry("plan.team.notShared", LocalizedText.of(
                    "Jaa suunnitelma ensin tiimillesi.",
                    "Dela först planen med ditt team.",
                    "Share the plan with your team first.")),
            Map.entry("plan.team.tooLarge", LocalizedText.of(
                    "Suunnitelman voi jakaa enintään {max} henkilölle; valitsit {given}.",
                    "Planen kan delas med högst {max} personer; du valde {given}.",
                    "A plan can be shared with at most {max} people; you chose {given}.")),
            Map.entry("plan.comment.tooLong", LocalizedText.of(
                    "Kommentti voi olla enintään {max} merkkiä; siinä on nyt {given}.",
                    "En kommentar kan vara högst {max} tecken; nu har den {given}.",
                    "A comment can be at most {max} characters; it now has {given}.")),
            Map.entry("plan.grow.notComplete", LocalizedText.of(
                    "Vie GROW-keskustelu loppuun, niin voit tehdä siitä kehittymissuunnitelman.",
                    "Slutför GROW-samtalet, så kan du göra en utvecklingsplan av det.",
                    "Finish the GROW conversation first; then you can turn it into a development plan.")),
            Map.entry("plan.feedback.unknownStatement", LocalizedText.of(
                    "360-raportissa ei ole väittämää {statementId}.",
                    "360-rapporten har inget påstående {statementId}.",
                    "The 360 report has no statement {statementId}.")),
            Map.entry("survey.round.alreadyOpen", LocalizedText.of(
                    "Kierros {round} on vielä auki. Sulje se ennen uuden avaamista.",
                    "Omgång {round} är fortfarande öppen. Stäng den innan du öppnar en ny.",
                    "Round {round} is still open. Close it before opening a new one.")),
            Map.entry("survey.round.noneOpen", LocalizedText.of(
                    "Yhtään kierrosta ei ole auki.",
                    "Ingen omgång är öppen.",
                    "No round is open.")),
            Map.entry("survey.round.unknown", LocalizedText.of(
                    "Kierrosta {round} ei ole.",
                    "Omgång {round} finns inte.",
                    "There is no round {round}.")),
            Map.entry("survey.round.stillOpen", LocalizedText.of(
                    "Tulokset näkyvät, kun kierros {round} on suljettu.",
                    "Resultaten visas när omgång {round} har stängts.",
                    "Results are shown once round {round} has closed.")),
            Map.entry("survey.round.closed", LocalizedText.of(
                    "Kierros {round} on jo päättynyt, eikä vastauksia enää oteta vastaan.",
                    "Omgång {round} har redan avslutats och tar inte längre emot svar.",
                    "Round {round} has closed and no longer takes answers.")),
            Map.entry("survey.date.tooEarly", LocalizedText.of(
                    "Päivä {actual} on liian aikainen: valitse {earliest} tai myöhemmin.",
                    "Datumet {actual} är för tidigt: välj {earliest} eller senare.",
                    "{actual} is too early: pick {earliest} or later.")),
            Map.entry("survey.answer.unknownQuestion", LocalizedText.of(
                    "Kyselyssä ei ole kysymystä {questionId}.",
                    "Enkäten har ingen fråga {questionId}.",
                    "The survey has no question {questionId}.")),
            Map.entry("survey.answer.wrongType", LocalizedText.of(
                    "Vastaus ei sovi kysymykseen {questionId}.",
                    "Svaret passar inte frågan {questionId}.",
                    "The answer does not fit question {questionId}.")),
            Map.entry("survey.answer.unknownOption", LocalizedText.of(
                    "Kysymyksessä {questionId} ei ole vaihtoehtoa {optionId}.",
                    "Frågan {questionId} har inget alternativ {optionId}.",
                    "Question {questionId} has no option {optionId}.")),
            Map.entry("survey.answer.twice", LocalizedText.of(
                    "Kysymykseen {questionId} on vastattu kahdesti.",
                    "Frågan {questionId} har besvarats två gånger.",
                    "Question {questionId} is answered twice.")),
            Map.entry("survey.response.otherSurvey", LocalizedText.of(
                    "Vastaus kuuluu toiseen kyselyyn ({surveyId}).",
                    "Svaret hör till en annan enkät ({surveyId}).",
                    "The response belongs to another survey ({surveyId}).")),
            Map.entry("survey.indicator.notAStatement", LocalizedText.of(
                    "Mittarin väittämää {questionId} ei ole kyselyssä asteikkokysymyksenä.",
                    "Indikatorns påstående {questionId} finns inte som skalfråga i enkäten.",
                    "The indicator's statement {questionId} is not a scale statement of the survey.")));

    private static final Map<ExperimentStage.Step, LocalizedText> STEPS = Map.of(
            ExperimentStage.Step.SITUATIONAL_PICTURE, LocalizedText.of("tilannekuva", "lägesbild", "situational picture"),
            ExperimentStage.Step.PHENOMENON_MAPPING, LocalizedText.of("ilmiöhahmotus", "fenomenkartläggning", "phenomenon mapping"),
            ExperimentStage.Step.CHANGE_MAPPING, LocalizedText.of("muutoshahmotus", "förändringskartläggning", "change mapping"),
            ExperimentStage.Step.PLAN, LocalizedText.of("suunnitelma", "plan", "plan"),
            ExperimentStage.Step.RUN, LocalizedText.of("kokeilu käynnissä", "försöket pågår", "running"),
            ExperimentStage.Step.EVALUATION, LocalizedText.of("arviointi", "utvärdering", "evaluation"),
            ExperimentStage.Step.DECISION, LocalizedText.of("päätös", "beslut", "decision"),
            ExperimentStage.Step.SHARE, LocalizedText.of("jaettu", "delat", "shared"));

    private PracticeMessages() {
    }

    /**
     * The problem's message in the language, its placeholders filled from the arguments.
     *
     * @throws IllegalArgumentException if no message exists for the problem's code
     */
    public static String message(Problem problem, Language language) {
        LocalizedText template = PROBLEMS.get(problem.code());
        if (template == null) {
            throw new IllegalArgumentException("no practice message for code: " + problem.code());
        }
        String text = template.in(language);
        for (Map.Entry<String, Object> argument : problem.arguments().entrySet()) {
            String value = String.valueOf(argument.getValue());
            if (argument.getValue() instanceof java.time.LocalDate day) {
                value = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(language.locale()).format(day);
            }
            if (argument.getKey().equals("step")) {
                value = STEPS.get(ExperimentStage.Step.valueOf(value)).in(language);
            }
            text = text.replace("{" + argument.getKey() + "}", value);
        }
        return text;
    }

    /** The name of an experiment step in the language. */
    public static String step(ExperimentStage.Step step, Language language) {
        return STEPS.get(step).in(language);
    }

    /** Whether a message exists for the code. */
    public static boolean covers(String code) {
        return PROBLEMS.containsKey(code);
    }
}
