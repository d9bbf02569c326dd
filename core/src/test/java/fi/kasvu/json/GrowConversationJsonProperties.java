package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.grow.GrowArbitraries;
import fi.kasvu.grow.GrowConversation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GrowConversationJsonProperties {

    private final KasvuJson json = KasvuJson.create();

    @Property(tries = 300)
    void everyConversation_readsBackEqual(@ForAll("conversations") GrowConversation conversation) {
        String text = json.toJson(conversation);

        GrowConversation again = json.fromJson(text, GrowConversation.class);

        assertThat(again).isEqualTo(conversation);
        assertThat(json.toJson(again)).isEqualTo(text);
    }

    @Provide
    Arbitrary<GrowConversation> conversations() {
        return GrowArbitraries.conversations();
    }
}
