package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowFixtures;
import org.junit.jupiter.api.Test;

class GrowConversationJsonTest {

    private final KasvuJson json = KasvuJson.create();

    @Test
    void completedConversation_readsBackEqual() {
        GrowConversation conversation = GrowFixtures.anyCompleted()
                .markActionDone("action-1", GrowFixtures.TODAY.plusDays(3), "Tiimi innostui")
                .recordCheckIn("check-in-1", GrowFixtures.TODAY.plusDays(14), "Kaksi palaveria ajallaan");

        String text = json.toJson(conversation);

        assertThat(text).startsWith("{\"kind\":\"grow.conversation\",\"schemaVersion\":1,");
        assertThat(json.fromJson(text, GrowConversation.class)).isEqualTo(conversation);
    }
}
