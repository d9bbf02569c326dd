package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowFixtures;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GrowConversationJsonTest {

    private static final KasvuJson JSON = KasvuJson.create();

    /** A completed conversation with an action done and a check-in held: every part of the format present. */
    private static GrowConversation full() {
        return GrowFixtures.anyCompleted()
                .markActionDone("action-1", GrowFixtures.TODAY.plusDays(3), "Tiimi innostui")
                .recordCheckIn("check-in-1", GrowFixtures.TODAY.plusDays(14), "Kaksi palaveria ajallaan");
    }

    private static final String VALID = JSON.toJson(full());

    @Test
    void completedConversation_readsBackEqual() {
        GrowConversation conversation = full();

        String text = JSON.toJson(conversation);

        assertThat(text).startsWith("{\"kind\":\"grow.conversation\",\"schemaVersion\":1,\"id\":\"grow-1\"");
        assertThat(text).contains("\"language\":\"fi\"", "\"commitment\":8", "\"status\":\"DONE\"");
        assertThat(JSON.fromJson(text, GrowConversation.class)).isEqualTo(conversation);
    }

    @Test
    void droppedActionAndSharing_readBackEqual() {
        GrowConversation conversation = full()
                .addAction("Kokeilu ajastimella", "", null)
                .dropAction("action-2", GrowFixtures.TODAY.plusDays(1), "Tiimi ei halunnut")
                .share(fi.kasvu.grow.Phase.GOAL, true)
                .inContext("course-7/activity-3");

        assertThat(JSON.fromJson(JSON.toJson(conversation), GrowConversation.class)).isEqualTo(conversation);
    }

    @Test
    void minimalDocument_readsWithDefaults() {
        String minimal = """
                {"kind":"grow.conversation","schemaVersion":1,"id":"g-1","templateId":"personal-development",
                 "mode":"SELF","participants":{"coachee":"p-1"},"language":"sv","created":"2026-11-23T10:00:00Z",
                 "updated":"2026-11-23T10:00:00Z","minimumOptions":3,"currentPhase":"GOAL","goal":{},
                 "reality":{},"will":{}}""";

        GrowConversation read = JSON.fromJson(minimal, GrowConversation.class);

        assertThat(read.options()).isEmpty();
        assertThat(read.will().commitment()).isNull();
        assertThat(read.sharing().phases()).isEmpty();
        assertThat(read.language()).isEqualTo(fi.kasvu.common.Language.SV);
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                bad("wrong type", s -> s.replace("\"minimumOptions\":3", "\"minimumOptions\":\"three\""),
                        "$.minimumOptions", "expected a whole number but found the string \"three\""),
                bad("object where text expected", s -> s.replace("\"topic\":\"Palaverikäytännöt\"", "\"topic\":{}"),
                        "$.topic", "expected a string but found an object"),
                bad("unknown current phase", s -> s.replace("\"currentPhase\":\"WILL\"", "\"currentPhase\":\"WONDER\""),
                        "$.currentPhase", "unknown value \"WONDER\"; expected one of GOAL, REALITY, OPTIONS, WILL"),
                bad("unknown phase of an answer", s -> s.replace("\"phase\":\"REALITY\"", "\"phase\":\"REALTY\""),
                        "$.answers[0].phase", "unknown value \"REALTY\""),
                bad("unknown completed phase", s -> s.replace("\"completedPhases\":[\"GOAL\"", "\"completedPhases\":[\"GOALS\""),
                        "$.completedPhases[0]", "unknown value \"GOALS\""),
                bad("commitment 11", s -> s.replace("\"commitment\":8", "\"commitment\":11"),
                        "$.will.commitment", "commitment must be 1..10: 11"),
                bad("impact 7", s -> s.replace("\"impact\":4", "\"impact\":7"),
                        "$.options[0].impact", "impact must be 1..5: 7"),
                bad("fractional commitment", s -> s.replace("\"commitment\":8", "\"commitment\":8.5"),
                        "$.will.commitment", "expected a whole number but found the number 8.5"),
                bad("missing template", s -> s.replace("\"templateId\":\"personal-development\",", ""),
                        "$.templateId", "missing required field"),
                bad("missing coachee", s -> s.replace("\"coachee\":\"coachee-1\",", ""),
                        "$.participants.coachee", "missing required field"),
                bad("action without what", s -> s.replace("\"what\":\"Ehdotan kiertävää puheenjohtajaa tiimille\",", ""),
                        "$.will.actions[0].what", "missing required field"),
                bad("null id", s -> s.replace("\"id\":\"grow-1\"", "\"id\":null"),
                        "$.id", "missing required field"),
                bad("blank id", s -> s.replace("\"id\":\"grow-1\"", "\"id\":\"  \""),
                        "$", "id must be 1..200 characters without control characters"),
                bad("over-long goal", s -> s.replace("\"sessionGoal\":\"", "\"sessionGoal\":\"" + "x".repeat(10_001)),
                        "$.goal", "goal.sessionGoal must be at most 10000 characters"),
                bad("over-long topic", s -> s.replace("\"topic\":\"", "\"topic\":\"" + "x".repeat(500)),
                        "$.topic", "topic must be at most 500 characters: 517 characters"),
                bad("text over the reader's limit", s -> s.replace("\"sessionGoal\":\"", "\"sessionGoal\":\"" + "x".repeat(100_001)),
                        "$.goal.sessionGoal", "at most 100000 are read"),
                bad("deeply nested garbage", s -> s.replace("\"topic\":\"Palaverikäytännöt\"",
                                "\"topic\":" + "[".repeat(40) + "]".repeat(40)),
                        "$.topic" + "[0]".repeat(31), "nested deeper than 32 levels"),
                bad("newer schema version", s -> s.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                        "$.schemaVersion", "version 2 is newer than this Kasvu reads (up to 1)"),
                bad("schema version zero", s -> s.replace("\"schemaVersion\":1", "\"schemaVersion\":0"),
                        "$.schemaVersion", "must be at least 1: 0"),
                bad("wrong kind", s -> s.replace("\"kind\":\"grow.conversation\"", "\"kind\":\"experiment\""),
                        "$.kind", "expected \"grow.conversation\" but found \"experiment\""),
                bad("unknown field", s -> s.replace("\"topic\":", "\"topik\":"),
                        "$.topik", "unknown field"),
                bad("unknown language", s -> s.replace("\"language\":\"fi\"", "\"language\":\"de\""),
                        "$.language", "unknown value \"de\"; expected one of fi, sv, en"),
                bad("unknown action status", s -> s.replace("\"status\":\"DONE\"", "\"status\":\"FINISHED\""),
                        "$.will.actions[0].status", "unknown value \"FINISHED\""),
                bad("dropped without reason", s -> s.replace("\"status\":\"DONE\"", "\"status\":\"DROPPED\""),
                        "$.will.actions[0]", "dropped.reason must not be blank"),
                bad("repeated option id", s -> s.replace("\"id\":\"option-2\"", "\"id\":\"option-1\""),
                        "$", "options must have unique ids: option-1"),
                bad("completed without every phase", s -> s.replace("\"completedPhases\":[\"GOAL\",\"REALITY\",\"OPTIONS\",\"WILL\"]", "\"completedPhases\":[\"GOAL\",\"REALITY\",\"OPTIONS\"]"),
                        "$", "completedAt needs every phase completed"),
                bad("phases completed out of order", s -> s.replace("\"completedPhases\":[\"GOAL\",", "\"completedPhases\":["),
                        "$", "completedPhases must be completed in order from GOAL: [REALITY, OPTIONS, WILL]"),
                bad("current phase not reached", s -> s.replace("\"completedPhases\":[\"GOAL\",\"REALITY\",\"OPTIONS\",\"WILL\"]", "\"completedPhases\":[\"GOAL\"]")
                                .replace(",\"completedAt\":\"2026-11-23T10:00:00Z\"", ""),
                        "$", "currentPhase must be a phase already reached: WILL before REALITY is completed"),
                bad("bad date", s -> s.replace("\"targetDate\":\"2027-01-23\"", "\"targetDate\":\"23.1.2027\""),
                        "$.goal.targetDate", "expected an ISO-8601 date such as 2026-11-23 but found \"23.1.2027\""),
                bad("updated before created", s -> s.replace("\"updated\":\"2026-11-23T10:00:00Z\"", "\"updated\":\"2020-01-01T00:00:00Z\""),
                        "$", "updated must not be before created"),
                bad("coach equals coachee", s -> s.replace("\"coachee\":\"coachee-1\",", "\"coachee\":\"coachee-1\",\"coach\":\"coachee-1\","),
                        "$.participants", "coach must differ from the coachee: coachee-1"),
                bad("not an object", s -> "[1,2,3]", "$", "expected an object but found an array"),
                bad("truncated", s -> s.substring(0, s.indexOf(",\"schemaVersion\"")), "$.kind", "malformed JSON at line 1"),
                bad("empty", s -> "", "$", "empty document"));
    }

    private static Arguments bad(String name, UnaryOperator<String> change, String path, String problem) {
        return Arguments.of(name, change, path, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void invalidDocument_isRejectedNamingPathAndProblem(String name, UnaryOperator<String> change, String path,
                                                         String problem) {
        String document = change.apply(VALID);
        assertThat(document).as("the test must change the document").isNotEqualTo(VALID);

        assertThatThrownBy(() -> JSON.fromJson(document, GrowConversation.class))
                .isInstanceOf(KasvuJsonException.class)
                .asInstanceOf(InstanceOfAssertFactories.type(KasvuJsonException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.getMessage()).startsWith(path + ": ");
                });
    }
}
