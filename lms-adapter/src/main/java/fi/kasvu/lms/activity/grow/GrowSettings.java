package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.grow.GrowTemplates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GROW exercise's own settings, carried as custom parameters: the template and the minimum of
 * options (the title, language and grading are the web layer's {@code Placement}).
 *
 * @param templateId     the GROW template's id (one of {@link GrowTemplates#all()})
 * @param minimumOptions how many options the Options phase asks for, 1..20
 */
public record GrowSettings(String templateId, int minimumOptions) {

    /** Custom parameter names (lower case: Moodle sends every key lowercased as well). */
    public static final String TEMPLATE = "kasvu_template", MINIMUM_OPTIONS = "kasvu_minimum_options";

    /** @throws IllegalArgumentException naming the field and value if the template is unknown or the minimum outside 1..20 */
    public GrowSettings {
        Require.nonNull("templateId", templateId);
        if (GrowTemplates.byId(templateId).isEmpty()) {
            throw new IllegalArgumentException("templateId must be a built-in GROW template: " + templateId);
        }
        Require.range("minimumOptions", minimumOptions, 1, GrowConversation.MAX_MINIMUM_OPTIONS);
    }

    /** The default template with its own minimum. */
    public static GrowSettings defaults() {
        GrowTemplate template = GrowTemplates.defaultTemplate();
        return new GrowSettings(template.id(), template.minimumOptions());
    }

    /** The template. */
    public GrowTemplate template() {
        return GrowTemplates.byId(templateId).orElseThrow();
    }

    /** The settings as custom parameters. */
    public Map<String, String> toCustom() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put(TEMPLATE, templateId);
        custom.put(MINIMUM_OPTIONS, Integer.toString(minimumOptions));
        return custom;
    }

    /**
     * The settings of a launch's custom parameters; anything missing or unreadable falls back to the
     * default template's values, so an activity placed by hand (without the picker) still works.
     */
    public static GrowSettings fromCustom(Map<String, String> custom) {
        GrowTemplate template = GrowTemplates.byId(custom.getOrDefault(TEMPLATE, "").strip())
                .orElse(GrowTemplates.defaultTemplate());
        int minimum = template.minimumOptions();
        try {
            int given = Integer.parseInt(custom.getOrDefault(MINIMUM_OPTIONS, "").strip());
            if (given >= 1 && given <= GrowConversation.MAX_MINIMUM_OPTIONS) {
                minimum = given;
            }
        } catch (NumberFormatException notGiven) {
            // keep the template's minimum
        }
        return new GrowSettings(template.id(), minimum);
    }

    /** The template's title, as the activity's default title. */
    public String defaultTitle(Language language) {
        return template().title().in(language);
    }
}
