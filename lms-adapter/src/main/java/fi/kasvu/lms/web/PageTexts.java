package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every visible string of the pages, read from UTF-8 resource bundles: the web layer's own
 * ({@code fi/kasvu/lms/web/messages_fi|sv|en.properties}) and, on an activity's pages, the
 * activity's bundle in front of it ({@link #with}).
 */
public final class PageTexts {

    /** The base name of the web layer's bundles. */
    public static final String BUNDLE = "fi.kasvu.lms.web.messages";

    private static final Map<String, ResourceBundle> LOADED = new ConcurrentHashMap<>();

    private final Language language;
    private final List<String> bundles;

    private PageTexts(Language language, List<String> bundles) {
        this.language = Require.nonNull("language", language);
        this.bundles = List.copyOf(bundles);
        this.bundles.forEach(name -> bundle(name, language));
    }

    /** The web layer's texts in one language. */
    public static PageTexts in(Language language) {
        return new PageTexts(language, List.of(BUNDLE));
    }

    /**
     * These texts with another bundle looked up first (an activity's own texts).
     *
     * @throws MissingResourceException if the bundle does not exist in this language
     */
    public PageTexts with(String bundle) {
        List<String> names = new ArrayList<>();
        names.add(Require.nonBlank("bundle", bundle));
        names.addAll(bundles);
        return new PageTexts(language, names);
    }

    /** The same bundles in another language. */
    public PageTexts inLanguage(Language other) {
        return new PageTexts(other, bundles);
    }

    /** The language of these texts. */
    public Language language() {
        return language;
    }

    /**
     * The text of a key, with its {@code {0}}, {@code {1}} … filled in by position.
     *
     * @throws MissingResourceException naming the key if no bundle has it (a test keeps that from happening)
     */
    public String t(String key, Object... arguments) {
        for (String name : bundles) {
            ResourceBundle bundle = bundle(name, language);
            if (bundle.containsKey(key)) {
                String text = bundle.getString(key);
                for (int i = 0; i < arguments.length; i++) {
                    text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
                }
                return text;
            }
        }
        throw new MissingResourceException("no text for key " + key + " in " + bundles + " (" + language.code() + ")",
                PageTexts.class.getName(), key);
    }

    /** Whether a bundle has the key in this language. */
    public boolean has(String key) {
        return bundles.stream().anyMatch(name -> bundle(name, language).containsKey(key));
    }

    /** Every key of one bundle in one language. */
    public static Set<String> keys(String bundle, Language language) {
        return bundle(bundle, language).keySet();
    }

    private static ResourceBundle bundle(String name, Language language) {
        return LOADED.computeIfAbsent(name + "_" + language.code(),
                key -> ResourceBundle.getBundle(name, language.locale(), NoFallback.INSTANCE));
    }

    /** Keeps each language's bundle from falling back to the JVM's default locale. */
    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();

        @Override
        public java.util.Locale getFallbackLocale(String baseName, java.util.Locale locale) {
            return null;
        }
    }
}
