package fi.kasvu.examples;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowRules;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import fi.kasvu.i18n.GrowMessages;
import fi.kasvu.json.KasvuJson;
import java.time.Clock;
import java.time.LocalDate;

/** The shortest way to embed Kasvu core: create a GROW conversation, fill it, check its rules, complete it, store it as JSON. */
public final class EmbedCore {

    private EmbedCore() {
    }

    /** Runs the example and prints what it did. */
    public static void main(String[] args) {
        Clock clock = Clock.systemUTC();
        GrowConversation c = GrowConversation.start("conversation-1", GrowTemplates.PERSONAL_DEVELOPMENT,
                Participants.alone(PersonId.of("employee-42")), Language.EN, clock);
        c = c.withSessionGoal("Run shorter team meetings").withMeasures("Three meetings in a row end on time")
                .answer(Phase.REALITY, "grow.reality.1", "Our weekly meeting takes an hour")
                .withEssentialInsight("Nobody keeps time")
                .addOption("Rotating chair").addOption("Visible timer").addOption("Agenda items to chat")
                .chooseOption("option-1")
                .addAction("Propose a rotating chair", "me", LocalDate.now(clock).plusDays(7))
                .withCommitment(8).planCheckIn(LocalDate.now(clock).plusDays(14));
        GrowRules.check(c).forEach(problem -> System.out.println(GrowMessages.message(problem, Language.EN)));
        GrowConversation done = c.completeAt(clock.instant()).orElseThrow();
        KasvuJson json = KasvuJson.create();
        String text = json.toJson(done);
        GrowConversation again = json.fromJson(text, GrowConversation.class);
        System.out.println("complete: " + again.complete() + ", round trip equal: " + again.equals(done));
    }
}
