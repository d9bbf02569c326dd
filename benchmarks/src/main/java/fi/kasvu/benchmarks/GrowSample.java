package fi.kasvu.benchmarks;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A GROW conversation as a learner leaves it after a full session: goal, a dozen answers,
 * reality, four rated options with pros and cons, three actions and a check-in, in Finnish.
 */
final class GrowSample {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private GrowSample() {
    }

    static GrowConversation conversation(String id, PersonId coachee, String context) {
        GrowConversation c = GrowConversation.start(id, GrowTemplates.PERSONAL_DEVELOPMENT, Participants.alone(coachee),
                        Language.FI, CLOCK)
                .inContext(context)
                .withTopic("Palautteen antaminen tiimissä")
                .withSessionGoal("Löytää tapa antaa palautetta säännöllisesti ja rakentavasti.")
                .withLongTermGoal("Tiimissä on avoin palautekulttuuri, jossa kaikki uskaltavat puhua.")
                .withMeasures("Pulssikyselyn palautekysymyksen keskiarvo nousee 3,2:sta 4,0:aan.")
                .withTargetDate(TODAY.plusMonths(4))
                .withTried("Olen antanut palautetta lähinnä kehityskeskusteluissa kerran vuodessa.")
                .withEssentialInsight("Palaute jää liian harvaksi ja tulee liian myöhään.");
        Phase[] phases = {Phase.GOAL, Phase.REALITY, Phase.OPTIONS, Phase.WILL};
        for (int i = 0; i < 12; i++) {
            Phase phase = phases[i % 4];
            c = c.answer(phase, "grow." + phase.name().toLowerCase() + "." + (i / 4 + 1),
                    "Haluan oppia antamaan palautetta niin, että tiimi kokee sen reiluna ja hyödyllisenä. "
                            + "Viime viikolla huomasin, että kiireessä ohitan kuuntelemisen (" + i + ").");
        }
        for (int i = 1; i <= 4; i++) {
            c = c.addOption("Viikoittainen 15 minuutin palautehetki jokaisen tiimiläisen kanssa, malli " + i);
            int n = i;
            c = c.updateOption("option-" + i, option -> option.rated(1 + n % 5, 1 + (n + 2) % 5)
                    .withNotes("Kokeillaan ensin kuukausi ja arvioidaan sitten yhdessä.")
                    .withProsAndCons(List.of("säännöllisyys", "matala kynnys", "luottamus kasvaa"),
                            List.of("vie aikaa", "voi tuntua pakotetulta")));
        }
        c = c.chooseOption("option-2");
        for (int i = 1; i <= 3; i++) {
            c = c.addAction("Varaan kalenterista palautehetket koko tiimille seuraavaksi neljäksi viikoksi (" + i + ")",
                    "minä", TODAY.plusDays(7L * i));
        }
        return c.withObstacles("Kiireiset viikot ja yllättävät asiakaspyynnöt.")
                .withSupport("Esihenkilö ja vertaisvalmentaja.")
                .withCommitment(8)
                .planCheckIn(TODAY.plusDays(21));
    }
}
