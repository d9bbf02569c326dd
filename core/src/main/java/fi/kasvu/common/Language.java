package fi.kasvu.common;

import java.util.Locale;

/** The three languages every learner-facing text exists in: Finnish, Swedish and English. */
public enum Language {
    /** Finnish (suomi). */
    FI("fi"),
    /** Swedish (svenska), Finland's second official language. */
    SV("sv"),
    /** English, the fallback for any text missing in another language. */
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code: {@code fi}, {@code sv} or {@code en}. */
    public String code() {
        return code;
    }

    /** The Java locale of this language. */
    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /**
     * The language of an exact code ({@code fi}, {@code sv}, {@code en}, any case).
     *
     * @throws IllegalArgumentException if the code is not one of the three, naming the value
     */
    public static Language ofCode(String code) {
        if (code != null) {
            for (Language language : values()) {
                if (language.code.equalsIgnoreCase(code.strip())) {
                    return language;
                }
            }
        }
        throw new IllegalArgumentException("language must be one of fi, sv, en: " + code);
    }

    /**
     * The best language for a BCP 47 tag from a browser or an LMS ({@code fi-FI}, {@code sv-FI},
     * {@code en-GB}, {@code fi_FI}), English for anything else or nothing.
     */
    public static Language fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return EN;
        }
        String primary = tag.strip().replace('_', '-').split("-", 2)[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "fi" -> FI;
            case "sv" -> SV;
            default -> EN;
        };
    }
}
