package fi.kasvu.lms.pages;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Every visible string of the pages, read from the UTF-8 resource bundles
 * {@code fi/kasvu/lms/pages/messages_fi|sv|en.properties}.
 */
public final class PageTexts {

    /** The base name of the bundles. */
    public static final String BUNDLE = "fi.kasvu.lms.pages.messages";

    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK.INSTANCE));
        }
    }

    private final Language language;

    private PageTexts(Language language) {
        this.language = Require.nonNull("language", language);
    }

    /** The texts in one language. */
    public static PageTexts in(Language language) {
        return new PageTexts(language);
    }

    /** The language of these texts. */
    public Language language() {
        return language;
    }

    /**
     * The text of a key, with its {@code {0}}, {@code {1}} … filled in by position.
     *
     * @throws MissingResourceException naming the key if it does not exist (a test keeps that from happening)
     */
    public String t(String key, Object... arguments) {
        String text = BUNDLES.get(language).getString(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** Whether the key exists in this language. */
    public boolean has(String key) {
        return BUNDLES.get(language).containsKey(key);
    }

    /** Every key of one language's bundle. */
    static Set<String> keys(Language language) {
        return BUNDLES.get(language).keySet();
    }

    /** Keeps each language's bundle from falling back to the JVM's default locale. */
    private static final class NO_FALLBACK extends ResourceBundle.Control {
        static final NO_FALLBACK INSTANCE = new NO_FALLBACK();

        @Override
        public java.util.Locale getFallbackLocale(String baseName, java.util.Locale locale) {
            return null;
        }
    }
}
