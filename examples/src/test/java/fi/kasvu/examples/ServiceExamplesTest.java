package fi.kasvu.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The embedding examples (one per service, docs/embedding.md) run and print what an agency system would hear. */
class ServiceExamplesTest {

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
    void teamExperiment_isRunThroughTheServiceAndHeardStepByStep() {
        assertThat(run(() -> TeamExperimentService.main(new String[0]))).isEqualTo("""
                heard: ExperimentBegun
                member closing the picture: experiment.rights.notAllowed
                heard: step PHENOMENON_MAPPING
                heard: step CHANGE_MAPPING
                heard: step PLAN
                heard: step RUN
                heard: run 2026-03-09 to 2026-04-06
                heard: ObservationRecorded
                heard: step EVALUATION
                heard: decided ADOPT
                heard: step DECISION
                heard: step SHARE
                library: lib-1
                shared as lib-1 (EXPERIMENT)""");
    }

    @Test
    void surveyRound_isClosedAndOnlyPublishableFiguresAreRead() {
        String output = run(() -> SurveyRoundService.main(new String[0]));

        assertThat(output).isEqualTo("""
                round 1 closed on 2026-01-26: results can be read
                publishable: ALL everyone, 9 respondents
                publishable: ORGANISATION om, 9 respondents
                publishable: UNIT unit-1, 9 respondents
                publishable: TEAM team-a, 4 respondents""");
    }

    @Test
    void triads_areFormedAndEachHeldMeetingIsHeard() {
        assertThat(run(() -> TriadMeetings.main(new String[0]))).isEqualTo("""
                formed 2 triads
                meeting 1 of triad-1 held on 2026-03-16, attended by 3
                meeting 1 of triad-2 held on 2026-03-16, attended by 3""");
    }
}
