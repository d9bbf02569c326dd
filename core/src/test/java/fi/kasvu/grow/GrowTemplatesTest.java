package fi.kasvu.grow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GrowTemplatesTest {

    static Iterable<GrowTemplate> templates() {
        return GrowTemplates.all();
    }

    @Test
    void fourTemplates_withDistinctIds() {
        assertThat(GrowTemplates.all()).extracting(GrowTemplate::id).containsExactly(
                "personal-development", "development-discussion", "expert-or-supervisor", "newcomer-onboarding");
        assertThat(GrowTemplates.byId("development-discussion")).contains(GrowTemplates.DEVELOPMENT_DISCUSSION);
        assertThat(GrowTemplates.byId("nope")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyTemplate_hasTitleAndDescriptionInEveryLanguage(GrowTemplate template) {
        for (Language language : Language.values()) {
            assertThat(template.title().has(language)).as(template.id() + " title " + language).isTrue();
            assertThat(template.description().has(language)).as(template.id() + " description " + language).isTrue();
        }
    }

    @Test
    void supervisorTemplates_startInSupervisorMode() {
        assertThat(GrowTemplates.DEVELOPMENT_DISCUSSION.mode()).isEqualTo(Mode.SUPERVISOR);
        assertThat(GrowTemplates.ONBOARDING.mode()).isEqualTo(Mode.SUPERVISOR);
        assertThat(GrowTemplates.ROLE_REFLECTION.mode()).isEqualTo(Mode.SELF);
    }

    @Test
    void badTemplateId_isRejectedNamingTheValue() {
        LocalizedText text = LocalizedText.only(Language.EN, "x");

        assertThatIllegalArgumentException().isThrownBy(() -> new GrowTemplate("My Template", text, text, Mode.SELF, 3, 14))
                .withMessage("template id must be lower-case letters, digits and dashes: \"My Template\"");
        assertThatIllegalArgumentException().isThrownBy(() -> new GrowTemplate("mine", text, text, Mode.SELF, 0, 14))
                .withMessage("minimumOptions must be 1..20: 0");
    }
}
