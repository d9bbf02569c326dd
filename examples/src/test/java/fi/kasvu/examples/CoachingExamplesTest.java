package fi.kasvu.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples quoted in docs/feedback-360.md and docs/programmes.md run and say what the docs say. */
class CoachingExamplesTest {

    private static String run(Runnable example) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip().replace("\r", "");
    }

    @Test
    void feedback360_example_refusesAReusedLink_hidesTheLoneDirectReport_andMakesAPlan() {
        assertThat(run(() -> Feedback360Example.main(new String[0]))).isEqualTo(
                "link used again: This invitation has already been answered. Thank you for your answer!\n"
                        + "shown: [ALL_RATERS, PEERS], merged into others: [], left out: 1\n"
                        + "asks-first: self 5, others 2.0\n"
                        + "plan goal: Asks and listens before offering their own solutions.");
    }

    @Test
    void programme_example_adaptsTheTemplate_andShowsAnnasTimeline() {
        assertThat(run(() -> ProgrammeExample.main(new String[0]))).isEqualTo(
                "to decide: 8, first: Give the event a place or a meeting link.\n"
                        + "moved past the end: The event's day 2027-10-13 is outside the programme (2026-09-01–2027-02-28).\n"
                        + "happened: 2, next: 8, due for Anna: 5\n"
                        + "reminders this week: 2 [programme.event.upcoming, programme.event.upcoming]");
    }
}
