package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a teacher placed an activity, as the platform sends it back on every launch in custom
 * parameters: the kind, the title, a default language, whether it is graded, and the kind's own
 * settings ({@code kasvu_*} parameters the kind reads and validates).
 *
 * @param kind     the activity kind ("" for a picker session, which has no placement yet)
 * @param title    the activity's title
 * @param language the language learners start in, or empty for each learner's own
 * @param graded   whether completion posts a score
 * @param settings the kind's own settings as custom parameters
 */
public record Placement(String kind, String title, Optional<Language> language, boolean graded,
                        Map<String, String> settings) {

    /** Custom parameter names the web layer owns (lower case: Moodle lowercases every key). */
    public static final String KIND = "kasvu_kind", LANGUAGE = "kasvu_language", GRADED = "kasvu_graded";

    /** The longest title. */
    public static final int MAX_TITLE = 200;

    /** Compiled once: a launch builds a placement, and {@code String.matches} compiles the pattern per call. */
    private static final java.util.regex.Pattern KIND_FORM = java.util.regex.Pattern.compile("|[a-z][a-z0-9-]{0,39}");

    /**
     * @throws IllegalArgumentException naming the field if the kind is malformed or the title too long
     */
    public Placement {
        Require.nonNull("kind", kind);
        if (!KIND_FORM.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must be lower-case letters, digits or dashes: " + kind);
        }
        Require.maxLength("title", Require.nonNull("title", title), MAX_TITLE);
        Require.nonNull("language", language);
        settings = Map.copyOf(settings);
    }

    /** A picker session's placeholder: no kind yet. */
    public static Placement none() {
        return new Placement("", "", Optional.empty(), false, Map.of());
    }

    /** Every custom parameter of this placement, the kind's own settings included. */
    public Map<String, String> toCustom() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put(KIND, kind);
        custom.putAll(settings);
        custom.put(LANGUAGE, language.map(Language::code).orElse(""));
        custom.put(GRADED, Boolean.toString(graded));
        return custom;
    }

    /**
     * The placement a launch's custom parameters (keys lower case) describe, for the kind the
     * registry found; the kind validates its own settings, and a missing or unreadable web setting
     * falls back to its default.
     */
    public static Placement fromCustom(Activity activity, Map<String, String> custom, String resourceTitle) {
        Map<String, String> settings = activity.readCustom(custom);
        String code = custom.getOrDefault(LANGUAGE, "").strip().toLowerCase(Locale.ROOT);
        Optional<Language> language = (code.equals("fi") || code.equals("sv") || code.equals("en")) ? Optional.of(Language.ofCode(code)) : Optional.empty();
        boolean graded = activity.gradable()
                && !"false".equalsIgnoreCase(custom.getOrDefault(GRADED, "true").strip());
        String title = resourceTitle == null || resourceTitle.isBlank()
                ? activity.defaultTitle(settings, language.orElse(Language.EN)) : resourceTitle.strip();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
        return new Placement(activity.kind(), title, language, graded, settings);
    }
}
