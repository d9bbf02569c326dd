package fi.kasvu.grow;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Ready-made GROW conversations for tests in every module (core's test-jar exports this):
 * {@code GrowFixtures.anyCompleted()}, {@code GrowFixtures.started()}, and the steps between.
 */
public final class GrowFixtures {

    /** The moment every fixture starts at: 2026-11-23 10:00 UTC. */
    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    /** A clock fixed at {@link #START}. */
    public static final Clock CLOCK = Clock.fixed(START, ZoneOffset.UTC);

    /** The day of {@link #START}. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** The coachee of every fixture. */
    public static final PersonId COACHEE = PersonId.of("coachee-1");

    /** The coach of coached fixtures. */
    public static final PersonId COACH = PersonId.of("coach-1");

    /** An observer of peer-triad fixtures. */
    public static final PersonId OBSERVER = PersonId.of("observer-1");

    private GrowFixtures() {
    }

    /** A new personal-development conversation, alone, in Finnish, nothing written. */
    public static GrowConversation started() {
        return started("grow-1");
    }

    /** A new personal-development conversation with the id. */
    public static GrowConversation started(String id) {
        return GrowConversation.start(id, GrowTemplates.PERSONAL_DEVELOPMENT, Participants.alone(COACHEE), Language.FI, CLOCK);
    }

    /** A new conversation in a peer triad (coach, coachee, observer). */
    public static GrowConversation peerTriad() {
        return GrowConversation.start("grow-peer", GrowTemplates.PERSONAL_DEVELOPMENT,
                Participants.triad(COACH, COACHEE, OBSERVER), Language.SV, CLOCK).withSetting(Mode.PEER,
                Participants.triad(COACH, COACHEE, OBSERVER));
    }

    /** A conversation whose Goal phase meets its rules. */
    public static GrowConversation withGoal() {
        return started()
                .withTopic("Palaverikäytännöt")
                .withSessionGoal("Tiedän, miten lyhennän viikkopalaverin puoleen tuntiin.")
                .withLongTermGoal("Tiimimme palaverit ovat lyhyitä ja hyödyllisiä.")
                .withMeasures("Palaveri päättyy ajallaan kolmena viikkona peräkkäin.")
                .withTargetDate(TODAY.plusMonths(2));
    }

    /** A conversation whose Goal and Reality phases meet their rules. */
    public static GrowConversation withReality() {
        return withGoal()
                .answer(Phase.REALITY, "grow.reality.1", "Palaveri venyy tunnin mittaiseksi joka viikko.")
                .withTried("Asialista etukäteen, mutta sitä ei noudatettu.")
                .withEssentialInsight("Kukaan ei vastaa ajankäytöstä.");
    }

    /** A conversation whose Goal, Reality and Options phases meet their rules. */
    public static GrowConversation withOptions() {
        GrowConversation c = withReality()
                .addOption("Kiertävä puheenjohtaja")
                .addOption("Ajastin näkyviin")
                .addOption("Osa asioista chattiin");
        return c.updateOption("option-1", o -> o.rated(4, 5).withNotes("Helppo kokeilla"))
                .updateOption("option-2", o -> o.withProsAndCons(java.util.List.of("Konkreettinen"), java.util.List.of("Voi stressata")))
                .chooseOption("option-1");
    }

    /** A conversation whose every phase meets its rules, not yet completed. */
    public static GrowConversation readyToComplete() {
        return withOptions()
                .addAction("Ehdotan kiertävää puheenjohtajaa tiimille", "minä", TODAY.plusDays(7))
                .withObstacles("Kiire ennen joulua")
                .withSupport("Esihenkilön tuki ehdotukselle")
                .withCommitment(8)
                .planCheckIn(TODAY.plusDays(14));
    }

    /** A completed conversation, every phase done, completed at {@link #START}. */
    public static GrowConversation anyCompleted() {
        return readyToComplete().completeAt(START).orElseThrow();
    }
}
