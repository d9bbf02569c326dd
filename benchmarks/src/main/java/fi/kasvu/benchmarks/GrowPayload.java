package fi.kasvu.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * A completed GROW conversation as JSON, in the shape of core's {@code grow.conversation} format:
 * goal, a dozen answers, reality, four options with pros and cons, will with three actions and
 * check-ins. Its size (about 6 KB) is what the store moves on every autosave.
 */
final class GrowPayload {

    private GrowPayload() {
    }

    static String conversation() {
        JsonArrayBuilder answers = Json.createArrayBuilder();
        String[] phases = {"GOAL", "REALITY", "OPTIONS", "WILL"};
        for (int i = 0; i < 12; i++) {
            answers.add(Json.createObjectBuilder().add("phase", phases[i % 4]).add("questionKey", "q." + phases[i % 4].toLowerCase() + "." + i)
                    .add("text", "Haluan oppia antamaan palautetta niin, että tiimi kokee sen reiluna ja "
                            + "hyödyllisenä. Viime viikolla huomasin, että kiireessä ohitan kuuntelemisen (" + i + ")."));
        }
        JsonArrayBuilder options = Json.createArrayBuilder();
        for (int i = 0; i < 4; i++) {
            options.add(Json.createObjectBuilder().add("id", "option-" + i)
                    .add("text", "Sovitaan viikoittainen 15 minuutin palautehetki jokaisen tiimiläisen kanssa " + i)
                    .add("notes", "Kokeillaan ensin kuukausi ja arvioidaan sitten yhdessä.")
                    .add("pros", Json.createArrayBuilder().add("säännöllisyys").add("matala kynnys").add("luottamus kasvaa"))
                    .add("cons", Json.createArrayBuilder().add("vie aikaa").add("voi tuntua pakotetulta"))
                    .add("impact", 7 + i % 3).add("feasibility", 6 + i % 4).add("chosen", i == 1));
        }
        JsonArrayBuilder actions = Json.createArrayBuilder();
        for (int i = 0; i < 3; i++) {
            actions.add(Json.createObjectBuilder().add("id", "action-" + i)
                    .add("what", "Varaan kalenterista palautehetket koko tiimille seuraavaksi neljäksi viikoksi " + i)
                    .add("who", "minä").add("dueDate", "2026-12-0" + (i + 1))
                    .add("progressNotes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("on", "2026-11-30").add("text", "Kaksi ensimmäistä keskustelua pidetty, hyvä vastaanotto.")))
                    .add("status", "OPEN"));
        }
        JsonObjectBuilder will = Json.createObjectBuilder().add("actions", actions)
                .add("obstacles", "Kiireiset viikot ja yllättävät asiakaspyynnöt.")
                .add("support", "Esihenkilö ja vertaisvalmentaja.")
                .add("commitment", 8)
                .add("checkIns", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "check-1")
                        .add("plannedOn", "2026-12-14").add("note", "Miten palautehetket ovat sujuneet?")));
        return Json.createObjectBuilder()
                .add("id", "conversation")
                .add("templateId", "grow.self-coaching")
                .add("mode", "SELF")
                .add("participants", Json.createObjectBuilder().add("coachee", "learner").add("observers", Json.createArrayBuilder()))
                .add("language", "fi")
                .add("topic", "Palautteen antaminen tiimissä")
                .add("created", "2026-11-23T09:00:00Z").add("updated", "2026-11-23T09:40:00Z")
                .add("minimumOptions", 3).add("currentPhase", "WILL")
                .add("completedPhases", Json.createArrayBuilder().add("GOAL").add("REALITY").add("OPTIONS"))
                .add("goal", Json.createObjectBuilder()
                        .add("sessionGoal", "Löytää tapa antaa palautetta säännöllisesti ja rakentavasti.")
                        .add("longTermGoal", "Tiimissä on avoin palautekulttuuri, jossa kaikki uskaltavat puhua.")
                        .add("measures", "Pulssikyselyn palautekysymyksen keskiarvo nousee 3,2:sta 4,0:aan.")
                        .add("targetDate", "2027-03-31"))
                .add("answers", answers)
                .add("reality", Json.createObjectBuilder().add("tried", "Olen antanut palautetta lähinnä kehityskeskusteluissa.")
                        .add("essentialInsight", "Palaute jää liian harvaksi ja tulee liian myöhään."))
                .add("options", options)
                .add("will", will)
                .add("sharedPhases", Json.createArrayBuilder().add("GOAL"))
                .build().toString();
    }
}
