package fi.kasvu.survey;

import fi.kasvu.common.LocalizedText;
import java.util.List;

/**
 * Kasvu's own statements for the work-culture self-assessment: three per element of the six,
 * plus three on recognising the coaching approach (the ministry's indicator, seed 001), in
 * Finnish, Swedish and English. Agencies add statements of their own through
 * {@link Survey#cultureSelfAssessment}.
 */
public final class CultureStatements {

    /** The ids of the coaching-approach statements, used by {@link CoachingApproachIndicator#standard()}. */
    public static final List<String> COACHING_APPROACH_IDS = List.of("ca1", "ca2", "ca3");

    private static final List<Question.Likert> ELEMENTS = List.of(
            element("cd1", CultureElement.COMMUNITY_DIRECTED,
                    "Työyhteisömme saa päättää omasta toiminnastaan.",
                    "Vår arbetsgemenskap får själv besluta om hur vi arbetar.",
                    "Our work community decides for itself how we work."),
            element("cd2", CultureElement.COMMUNITY_DIRECTED,
                    "Kokemuksillani arjen työstä on merkitystä, kun meillä tehdään päätöksiä.",
                    "Mina erfarenheter av det dagliga arbetet väger när beslut fattas hos oss.",
                    "My experience of everyday work counts when decisions are made here."),
            element("cd3", CultureElement.COMMUNITY_DIRECTED,
                    "Meillä kuka tahansa voi ottaa vetovastuun, kun tilanne sitä vaatii.",
                    "Hos oss kan vem som helst ta ledningen när situationen kräver det.",
                    "Any one of us can take the lead when the situation calls for it."),
            element("pu1", CultureElement.PURPOSE_DRIVEN,
                    "Tiedän, mikä on työmme tarkoitus ja ketä varten teemme sitä.",
                    "Jag vet vad vårt arbete är till för och för vem vi gör det.",
                    "I know what our work is for and whom we do it for."),
            element("pu2", CultureElement.PURPOSE_DRIVEN,
                    "Muutamme työtapojamme, kun ratkaistava haaste sitä edellyttää.",
                    "Vi ändrar våra arbetssätt när utmaningen vi ska lösa kräver det.",
                    "We change how we work when the challenge in front of us requires it."),
            element("pu3", CultureElement.PURPOSE_DRIVEN,
                    "Rakenteemme ja prosessimme palvelevat työn tarkoitusta eivätkä ole itsetarkoitus.",
                    "Våra strukturer och processer tjänar arbetets syfte och är inget självändamål.",
                    "Our structures and processes serve the purpose of the work; they are not ends in themselves."),
            element("to1", CultureElement.EXAMINED_TOGETHER,
                    "Teemme havaintoja työstämme yhdessä.",
                    "Vi gör iakttagelser om vårt arbete tillsammans.",
                    "We make observations about our work together."),
            element("to2", CultureElement.EXAMINED_TOGETHER,
                    "Keskustelemme yhdessä asiakkaidemme tarpeista.",
                    "Vi diskuterar våra kunders behov tillsammans.",
                    "We talk together about what our customers need."),
            element("to3", CultureElement.EXAMINED_TOGETHER,
                    "Pohdimme yhdessä, mihin suuntaan työmme on kehittymässä.",
                    "Vi funderar tillsammans på vart vårt arbete är på väg.",
                    "We think together about where our work is heading."),
            element("di1", CultureElement.DIALOGUE,
                    "Meillä kuunnellaan toista ja kysytään ennen kuin vastataan.",
                    "Hos oss lyssnar vi på varandra och frågar innan vi svarar.",
                    "We listen to each other and ask before we answer."),
            element("di2", CultureElement.DIALOGUE,
                    "Koen, että työtäni ja näkemyksiäni arvostetaan.",
                    "Jag upplever att mitt arbete och mina synpunkter uppskattas.",
                    "I feel that my work and my views are appreciated."),
            element("di3", CultureElement.DIALOGUE,
                    "Erimielisyyksistä voi puhua meillä avoimesti ja rakentavasti.",
                    "Hos oss kan man tala öppet och konstruktivt om meningsskiljaktigheter.",
                    "We can discuss disagreements openly and constructively."),
            element("le1", CultureElement.LEARNING_VALUED,
                    "Keskustelemme siitä, mitä meidän täytyy nyt ja lähitulevaisuudessa oppia.",
                    "Vi diskuterar vad vi behöver lära oss nu och inom den närmaste framtiden.",
                    "We discuss what we need to learn now and in the near future."),
            element("le2", CultureElement.LEARNING_VALUED,
                    "Työssäni on aikaa ja tilaa oppia uutta.",
                    "I mitt arbete finns det tid och utrymme att lära sig nytt.",
                    "My work leaves time and room to learn new things."),
            element("le3", CultureElement.LEARNING_VALUED,
                    "Jaamme oppimaamme toisillemme osana arkista työtä.",
                    "Vi delar med oss av det vi har lärt oss som en del av vardagen.",
                    "We share what we have learned with each other as part of everyday work."),
            element("bb1", CultureElement.BEYOND_BOUNDARIES,
                    "Teemme yhteistyötä yli tiimi- ja osastorajojen.",
                    "Vi samarbetar över team- och avdelningsgränserna.",
                    "We work together across team and unit boundaries."),
            element("bb2", CultureElement.BEYOND_BOUNDARIES,
                    "Hahmotamme ratkaistavat haasteet laajemmin kuin vain oman tiimin tehtävien kautta.",
                    "Vi ser de utmaningar vi ska lösa i ett vidare perspektiv än bara vårt eget teams uppgifter.",
                    "We see the challenges we work on as wider than our own team's tasks."),
            element("bb3", CultureElement.BEYOND_BOUNDARIES,
                    "Opimme yhdessä muiden organisaatioiden ja verkostojen kanssa.",
                    "Vi lär oss tillsammans med andra organisationer och nätverk.",
                    "We learn together with other organisations and networks."));

    private static final List<Question.Likert> COACHING_APPROACH = List.of(
            statement("ca1",
                    "Työyhteisössäni toimimme valmentavalla työotteella.",
                    "I min arbetsgemenskap arbetar vi med ett coachande arbetssätt.",
                    "In my work community we work with a coaching approach."),
            statement("ca2",
                    "Esihenkilöni toimii valmentavalla työotteella.",
                    "Min chef arbetar med ett coachande arbetssätt.",
                    "My supervisor works with a coaching approach."),
            statement("ca3",
                    "Yksikössäni valmentava työote näkyy siinä, miten työtä johdetaan ja tehdään.",
                    "I min enhet syns det coachande arbetssättet i hur arbetet leds och görs.",
                    "In my unit the coaching approach shows in how work is led and done."));

    private CultureStatements() {
    }

    /** The eighteen statements on the six elements, three per element. */
    public static List<Question.Likert> elements() {
        return ELEMENTS;
    }

    /** The three statements on recognising the coaching approach (work community, supervisor, unit). */
    public static List<Question.Likert> coachingApproach() {
        return COACHING_APPROACH;
    }

    /** Every standard statement: the six elements, then the coaching approach. */
    public static List<Question> all() {
        return java.util.stream.Stream.concat(ELEMENTS.stream(), COACHING_APPROACH.stream())
                .map(Question.class::cast).toList();
    }

    private static Question.Likert element(String id, CultureElement element, String fi, String sv, String en) {
        return new Question.Likert(id, LocalizedText.of(fi, sv, en), element, false);
    }

    private static Question.Likert statement(String id, String fi, String sv, String en) {
        return new Question.Likert(id, LocalizedText.of(fi, sv, en), null, false);
    }
}
