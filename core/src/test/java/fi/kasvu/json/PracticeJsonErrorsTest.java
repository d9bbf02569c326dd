package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentFixtures;
import fi.kasvu.grow.GrowFixtures;
import fi.kasvu.library.ExperimentSharing;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.LibraryFixtures;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.PlanFixtures;
import fi.kasvu.plan.PlanFromGrow;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyFixtures;
import fi.kasvu.survey.SurveyResponse;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad documents of every practice aggregate fail with the JSON path of the problem and what is wrong. */
class PracticeJsonErrorsTest {

    private static final KasvuJson JSON = KasvuJson.create();

    private static final String EXPERIMENT = JSON.toJson(ExperimentFixtures.shared());
    private static final String PLANNING = JSON.toJson(ExperimentFixtures.planned());
    private static final String PLAN = JSON.toJson(PlanFixtures.complete());
    private static final String SURVEY = JSON.toJson(SurveyFixtures.closedPulse());
    private static final String RESPONSE = JSON.toJson(SurveyFixtures.responses("r", SurveyFixtures.team("u", "t"), 1, 4).get(0));
    private static final String ENTRY = JSON.toJson(LibraryFixtures.caseExample());

    @Test
    void every_step_of_an_experiment_reads_back_equal() {
        for (Experiment experiment : ExperimentFixtures.atEveryStep()) {
            assertThat(JSON.fromJson(JSON.toJson(experiment), Experiment.class)).isEqualTo(experiment);
        }
        assertThat(EXPERIMENT).startsWith("{\"kind\":\"experiment\",\"schemaVersion\":1,\"id\":\"exp-1\"")
                .contains("\"step\":\"SHARE\"", "\"libraryEntryId\":\"lib-1\"");
    }

    @Test
    void a_plan_made_from_grow_and_an_experiment_entry_read_back_equal() {
        DevelopmentPlan plan = PlanFromGrow.create(GrowFixtures.anyCompleted(), GrowFixtures.COACHEE, "p", GrowFixtures.START)
                .orElseThrow();
        LibraryEntry entry = ExperimentSharing.publish(ExperimentFixtures.decided(), ExperimentFixtures.FACILITATOR,
                new ExperimentSharing.Publication("lib-1", "um", fi.kasvu.common.Language.SV,
                        fi.kasvu.library.Visibility.TEAM, true, java.util.Set.of("Dialog")), ExperimentFixtures.AT).orElseThrow().entry();

        assertThat(JSON.toJson(plan)).contains("\"source\":{\"type\":\"GROW\",\"conversationId\":\"grow-1\"");
        assertThat(JSON.fromJson(JSON.toJson(plan), DevelopmentPlan.class)).isEqualTo(plan);
        assertThat(JSON.fromJson(JSON.toJson(entry), LibraryEntry.class)).isEqualTo(entry);
        assertThat(JSON.fromJson(SURVEY, Survey.class)).isEqualTo(SurveyFixtures.closedPulse());
        assertThat(JSON.fromJson(JSON.toJson(SurveyFixtures.selfAssessment()), Survey.class))
                .isEqualTo(SurveyFixtures.selfAssessment());
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                // experiment
                bad(Experiment.class, EXPERIMENT, "\"step\":\"SHARE\"", "\"step\":\"DONE\"", "$.step",
                        "unknown value \"DONE\"; expected one of SITUATIONAL_PICTURE"),
                bad(Experiment.class, PLANNING, "\"step\":\"PLAN\"", "\"step\":\"PLAN\",\"evaluation\":{}", "$.evaluation",
                        "not part of an experiment at step PLAN"),
                bad(Experiment.class, EXPERIMENT, "\"step\":\"SHARE\"", "\"step\":\"DECISION\"", "$.libraryEntryId",
                        "not part of an experiment at step DECISION"),
                bad(Experiment.class, EXPERIMENT, "\"verdict\":\"MET\"", "\"verdict\":\"GREAT\"",
                        "$.evaluation.results[0].verdict", "unknown value \"GREAT\""),
                bad(Experiment.class, EXPERIMENT, "\"facilitator\":\"fac\"", "\"facilitator\":\"\"", "$.facilitator",
                        "person id must be 1..200 characters"),
                bad(Experiment.class, EXPERIMENT, "\"startedOn\":\"2026-03-09\"", "\"startedOn\":\"9.3.2026\"",
                        "$.run.startedOn", "expected an ISO-8601 date"),
                bad(Experiment.class, EXPERIMENT, "\"text\":\"Morning check-ins keep us in touch\"", "\"text\":\" \"",
                        "$.picture.entries[0]", "text must not be blank"),
                bad(Experiment.class, EXPERIMENT, "\"type\":\"ADOPT\"", "\"type\":\"EXTEND\",\"newEnd\":\"2026-05-01\"",
                        "$", "decision of a shared experiment must not be EXTEND"),
                bad(Experiment.class, EXPERIMENT, "\"members\":[", "\"memebers\":[", "$.memebers", "unknown field"),
                // development plan
                bad(DevelopmentPlan.class, PLAN, "\"type\":\"WRITTEN\"", "\"type\":\"GROW\"", "$.source.conversationId",
                        "missing required field"),
                bad(DevelopmentPlan.class, PLAN, "\"status\":\"OPEN\"", "\"status\":\"DROPPED\"", "$.goals[0].actions[0]",
                        "note must say why a dropped action was dropped"),
                bad(DevelopmentPlan.class, PLAN, "\"scheduledOn\":\"2026-06-04\"", "\"scheduledOn\":null",
                        "$.reviews[0].scheduledOn", "missing required field"),
                bad(DevelopmentPlan.class, PLAN, "\"owner\":\"supervisor-7\"", "\"owner\":7", "$.owner",
                        "expected a string but found the number 7"),
                // survey
                bad(Survey.class, SURVEY, "\"type\":\"PULSE\"", "\"type\":\"CULTURE_SELF_ASSESSMENT\"", "$",
                        "statements for COMMUNITY_DIRECTED must be at least 3: 0"),
                bad(Survey.class, SURVEY, "\"type\":\"LIKERT\"", "\"type\":\"SLIDER\"", "$.questions[0].type",
                        "unknown value \"SLIDER\""),
                bad(Survey.class, SURVEY, "\"title\":{\"fi\":\"Pulssi\"", "\"title\":{\"de\":\"Puls\",\"fi\":\"Pulssi\"",
                        "$.title.de", "unknown field"),
                bad(Survey.class, SURVEY, "\"number\":1", "\"number\":2", "$", "rounds[0].number must be 1: 2"),
                bad(Survey.class, SURVEY, "\"closed\":\"2026-01-26\"", "\"closed\":\"2026-01-01\"", "$.rounds[0]",
                        "closed must not be before opened 2026-01-12: 2026-01-01"),
                // survey response
                bad(SurveyResponse.class, RESPONSE, "\"value\":4", "\"value\":7", "$.answers[0].value",
                        "value must be 1..5: 7"),
                bad(SurveyResponse.class, RESPONSE, "\"round\":1", "\"round\":0", "$", "round must be at least 1: 0"),
                bad(SurveyResponse.class, RESPONSE, "\"organisation\":\"om\"", "\"person\":\"p-1\",\"organisation\":\"om\"",
                        "$.group.person", "unknown field"),
                // library entry
                bad(LibraryEntry.class, ENTRY, "\"visibility\":\"EVERYONE\"", "\"visibility\":\"PUBLIC\"", "$.visibility",
                        "unknown value \"PUBLIC\""),
                bad(LibraryEntry.class, ENTRY, "\"language\":\"fi\"", "\"language\":\"de\"", "$.language",
                        "language must be one of fi, sv, en: de"),
                bad(LibraryEntry.class, ENTRY, "\"tags\":[\"poliisi\"", "\"tags\":[\" \"", "$.tags[0]",
                        "tag must not be blank"),
                bad(LibraryEntry.class, ENTRY, "\"authorShown\":true", "\"authorShown\":\"yes\"", "$.authorShown",
                        "expected true or false"),
                bad(LibraryEntry.class, ENTRY, "\"type\":\"CASE_EXAMPLE\"", "\"type\":\"EXPERIMENT\"", "$",
                        "sourceExperimentId must be given for an EXPERIMENT entry"));
    }

    private static Arguments bad(Class<?> type, String valid, String from, String to, String path, String problem) {
        assertThat(valid).as("fixture document contains " + from).contains(from);
        return Arguments.of(type.getSimpleName() + ": " + to, type, valid.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), path, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void bad_document_names_path_and_problem(String name, Class<?> type, String document, String path, String problem) {
        assertThatThrownBy(() -> JSON.fromJson(document, type))
                .asInstanceOf(InstanceOfAssertFactories.type(KasvuJsonException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void a_newer_schema_version_is_refused() {
        String newer = PLAN.replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> JSON.fromJson(newer, DevelopmentPlan.class))
                .hasMessageContaining("$.schemaVersion: version 2 is newer than this Kasvu reads (up to 1)");
    }

    @Test
    void a_document_of_another_kind_is_refused() {
        assertThatThrownBy(() -> JSON.fromJson(SURVEY, SurveyResponse.class))
                .hasMessage("$.kind: expected \"survey.response\" but found \"survey\"");
    }
}
