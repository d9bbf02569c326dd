package fi.kasvu.benchmarks;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import fi.kasvu.json.KasvuJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The CPU time of the pieces of a launch that issue 19's session 7 replaced, old and new side by
 * side in one JVM (this thread's CPU time, so a busy machine slows both alike): instants read and
 * written with {@code DateTimeFormatter} or without it, and the GROW conversation decoded (what a
 * kept decoded document saves on the first page). Runs with only the Kasvu jar on the class path:
 * {@code java -cp lms-adapter/target/kasvu.jar benchmarks/src/main/java/fi/kasvu/benchmarks/LaunchPieces.java}.
 */
public final class LaunchPieces {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private LaunchPieces() {
    }

    /**
     * Prints nanoseconds of CPU per call for each piece.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String[] instants = new String[1024];
        Instant[] values = new Instant[instants.length];
        for (int i = 0; i < instants.length; i++) {
            values[i] = Instant.ofEpochSecond(1_790_000_000L + i * 7919L, (i % 3 == 0 ? 0 : 123_456_000 + i * 1000));
            instants[i] = values[i].toString();
        }
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T18:00:00Z"), ZoneOffset.UTC);
        KasvuJson json = KasvuJson.create();
        GrowConversation fresh = GrowConversation.start("c-1", GrowTemplates.PERSONAL_DEVELOPMENT,
                Participants.alone(PersonId.of("learner-1")), Language.FI, clock).inContext("resource-link-1");
        GrowConversation worked = fresh.withTopic("Palautteen antaminen tiimissä")
                .withSessionGoal("Löytää tapa antaa palautetta säännöllisesti ja rakentavasti.")
                .withTried("Olen antanut palautetta lähinnä kehityskeskusteluissa kerran vuodessa.");
        for (int i = 0; i < 8; i++) {
            Phase phase = i % 2 == 0 ? Phase.GOAL : Phase.REALITY;
            worked = worked.answer(phase, "grow." + phase.name().toLowerCase(Locale.ROOT) + "." + (i / 2 + 1),
                    "Haluan oppia antamaan palautetta niin, että tiimi kokee sen reiluna ja hyödyllisenä (" + i + ").");
        }
        String freshJson = json.toJson(fresh);
        String workedJson = json.toJson(worked);
        String workedCopy = new String(workedJson.toCharArray());
        for (int round = 1; round <= 5; round++) {
            boolean report = round >= 3;
            measure(report, "Instant.parse", 200_000, i -> sink = Instant.parse(instants[i & 1023]));
            measure(report, "KasvuJson.parseInstant", 200_000, i -> sink = KasvuJson.parseInstant(instants[i & 1023]));
            measure(report, "Instant.toString", 200_000, i -> sink = values[i & 1023].toString());
            measure(report, "KasvuJson.formatInstant", 200_000, i -> sink = KasvuJson.formatInstant(values[i & 1023]));
            measure(report, "decode a new conversation (" + freshJson.length() + " chars)", 20_000,
                    i -> sink = json.fromJson(freshJson, GrowConversation.class));
            measure(report, "decode a worked conversation (" + workedJson.length() + " chars)", 20_000,
                    i -> sink = json.fromJson(workedJson, GrowConversation.class));
            measure(report, "compare its stored text (a kept value's check)", 200_000,
                    i -> sink = workedJson.equals(workedCopy));
        }
    }

    private static void measure(boolean report, String what, int calls, IntConsumer call) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            call.accept(i);
        }
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        if (report) {
            System.out.printf(Locale.ROOT, "%-55s %9.0f ns CPU per call%n", what, (double) nanos / calls);
        }
    }
}
