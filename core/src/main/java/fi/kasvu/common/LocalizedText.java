package fi.kasvu.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A text in one or more of Kasvu's languages; reading it in a missing language falls back to
 * English, then to any language present.
 */
public record LocalizedText(Map<Language, String> texts) {

    /**
     * Validates and copies the texts.
     *
     * @throws IllegalArgumentException if there is no text at all or one is blank
     */
    public LocalizedText {
        Objects.requireNonNull(texts, "texts must not be null");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("texts must hold at least one language: " + texts);
        }
        EnumMap<Language, String> copy = new EnumMap<>(Language.class);
        texts.forEach((language, text) -> copy.put(
                Objects.requireNonNull(language, "language must not be null"),
                Require.nonBlank("text (" + language.code() + ")", text)));
        texts = Map.copyOf(copy);
    }

    /** A text in all three languages. */
    public static LocalizedText of(String fi, String sv, String en) {
        return new LocalizedText(Map.of(Language.FI, fi, Language.SV, sv, Language.EN, en));
    }

    /** A text in a single language (an agency's own, say). */
    public static LocalizedText only(Language language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    /** The text in the given language, else English, else any language present. */
    public String in(Language language) {
        String text = texts.get(language);
        if (text == null) {
            text = texts.get(Language.EN);
        }
        return text != null ? text : texts.values().iterator().next();
    }

    /** Whether the text exists in the given language itself, without fallback. */
    public boolean has(Language language) {
        return texts.containsKey(language);
    }
}
