package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowFixtures;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

/** An agency's own JSON-B object holding a Kasvu aggregate, written and read through {@link KasvuJson#jsonbConfig()}. */
class JsonbNestingTest {

    /** An agency's record of its own, with a conversation inside. */
    public static class CaseFile {
        public String caseNumber;
        public GrowConversation conversation;
    }

    @Test
    void nestedConversation_isWrittenInKasvuFormatAndReadBackEqual() throws Exception {
        CaseFile file = new CaseFile();
        file.caseNumber = "HR-2026-17";
        file.conversation = GrowFixtures.anyCompleted();

        try (Jsonb jsonb = JsonbBuilder.create(KasvuJson.create().jsonbConfig())) {
            String text = jsonb.toJson(file);
            CaseFile back = jsonb.fromJson(text, CaseFile.class);

            assertThat(text).contains("\"conversation\":{\"kind\":\"grow.conversation\",\"schemaVersion\":1,");
            assertThat(back.conversation).isEqualTo(file.conversation);
            assertThat(back.caseNumber).isEqualTo("HR-2026-17");
        }
    }

    @Test
    void badNestedConversation_carriesThePathAndProblem() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create(KasvuJson.create().jsonbConfig())) {
            String text = "{\"caseNumber\":\"x\",\"conversation\":{\"kind\":\"grow.conversation\",\"schemaVersion\":9}}";

            assertThatThrownBy(() -> jsonb.fromJson(text, CaseFile.class))
                    .isInstanceOf(JsonbException.class)
                    .hasRootCauseInstanceOf(KasvuJsonException.class)
                    .hasStackTraceContaining("$.schemaVersion: version 9 is newer than this Kasvu reads (up to 1)");
        }
    }
}
