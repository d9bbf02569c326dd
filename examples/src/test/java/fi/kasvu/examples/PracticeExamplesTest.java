package fi.kasvu.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The examples quoted in docs/experiments.md, development-plans.md, surveys.md, library.md,
 * feedback-360.md and programmes.md run and say what the docs say.
 */
class PracticeExamplesTest {

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
    void experiment_example_goes_from_picture_to_library() {
        assertThat(run(() -> ExperimentExample.main(new String[0]))).isEqualTo(
                "evaluate before run: experiment.step.wrong\n"
                        + "step: SHARE, entry: EXPERIMENT, json starts: {\"kind\":\"experiment\",\"schemaVersion\":1,\"id\":\"");
    }

    @Test
    void development_plan_example_converts_a_grow_conversation() {
        assertThat(run(() -> DevelopmentPlanExample.main(new String[0]))).isEqualTo(
                "source: FromGrow[conversationId=grow-7, completedAt=2026-05-04T12:00:00Z], goals: 1, actions: 1,"
                        + " visible to team: true");
    }

    @Test
    void survey_example_hides_the_small_team_and_what_would_reveal_it() {
        assertThat(run(() -> SurveyExample.main(new String[0]))).isEqualTo("""
                team-a: 4 respondents
                team-b: not shown
                team-c: not shown
                organisation indicator: OptionalDouble[0.6666666666666666]""");
    }

    @Test
    void library_example_searches_and_hides_the_author() {
        assertThat(run(() -> LibraryExample.main(new String[0]))).isEqualTo("""
                Ask first by (author hidden)
                tagged yhteisöohjautuvuus: 1""");
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
