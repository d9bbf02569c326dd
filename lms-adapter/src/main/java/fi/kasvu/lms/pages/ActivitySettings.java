package fi.kasvu.lms.pages;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.grow.GrowTemplates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a teacher chose in the picker, carried to later launches as the resource link's custom
 * parameters: the GROW template, the title, the minimum of options, a default language and
 * whether the activity is graded.
 *
 * @param templateId     the GROW template's id (one of {@link GrowTemplates#all()})
 * @param title          the activity's title
 * @param minimumOptions how many options the Options phase asks for, 1..20
 * @param language       the language learners start in, or empty for each learner's own
 * @param graded         whether completion posts a score
 */
public record ActivitySettings(String templateId, String title, int minimumOptions, Optional<Language> language,
                               boolean graded) {

    /** Custom parameter names (lower case: Moodle sends every key lowercased as well). */
    public static final String TEMPLATE = "kasvu_template", MINIMUM_OPTIONS = "kasvu_minimum_options",
            LANGUAGE = "kasvu_language", GRADED = "kasvu_graded";

    /** The longest title. */
    public static final int MAX_TITLE = 200;

    /**
     * @throws IllegalArgumentException naming the field and value if the template is unknown, the
     *                                  title blank or too long, or the minimum outside 1..20
     */
    public ActivitySettings {
        Require.nonNull("templateId", templateId);
        if (GrowTemplates.byId(templateId).isEmpty()) {
            throw new IllegalArgumentException("templateId must be a built-in GROW template: " + templateId);
        }
        Require.maxLength("title", Require.nonBlank("title", title), MAX_TITLE);
        Require.range("minimumOptions", minimumOptions, 1, GrowConversation.MAX_MINIMUM_OPTIONS);
        Require.nonNull("language", language);
    }

    /** The default activity: the default template, its title in English, graded. */
    public static ActivitySettings defaults() {
        GrowTemplate template = GrowTemplates.defaultTemplate();
        return new ActivitySettings(template.id(), template.title().in(Language.EN), template.minimumOptions(),
                Optional.empty(), true);
    }

    /** The template. */
    public GrowTemplate template() {
        return GrowTemplates.byId(templateId).orElseThrow();
    }

    /** The settings as custom parameters for a deep-linking content item. */
    public Map<String, String> toCustom() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put(TEMPLATE, templateId);
        custom.put(MINIMUM_OPTIONS, Integer.toString(minimumOptions));
        custom.put(LANGUAGE, language.map(Language::code).orElse(""));
        custom.put(GRADED, Boolean.toString(graded));
        return custom;
    }

    /**
     * The settings of a launch's custom parameters; anything missing or unreadable falls back to the
     * default template's values, so an activity placed by hand (without the picker) still works.
     */
    public static ActivitySettings fromCustom(Map<String, String> custom, String resourceTitle) {
        GrowTemplate template = GrowTemplates.byId(custom.getOrDefault(TEMPLATE, ""))
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
        String languageCode = custom.getOrDefault(LANGUAGE, "").strip();
        Optional<Language> language = languageCode.matches("(?i)fi|sv|en")
                ? Optional.of(Language.ofCode(languageCode)) : Optional.empty();
        boolean graded = !"false".equalsIgnoreCase(custom.getOrDefault(GRADED, "true").strip());
        String title = resourceTitle == null || resourceTitle.isBlank()
                ? template.title().in(language.orElse(Language.EN)) : resourceTitle.strip();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
        return new ActivitySettings(template.id(), title, minimum, language, graded);
    }
}
