package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.feedback.CompetenceSet;
import fi.kasvu.feedback.CompetenceStatement;
import fi.kasvu.feedback.CompetenceTheme;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the competence statement file format (documented in {@code docs/feedback-360.md}):
 * {@code set.id = <id>}, {@code set.title.<language>}, {@code theme.<theme>.<language>} and
 * {@code statement.<theme>.<id>.<language>} lines in the shared {@link LineFile} format. Themes and
 * statements keep the order of their first line. Every bad line is collected before anything is built.
 */
final class CompetenceSetFile {

    /** The longest title or statement. */
    static final int MAX_TEXT = 500;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /** Texts of one title or statement, with the line it first appeared on. */
    private static final class Texts {
        final int line;
        final Map<Language, String> byLanguage = new EnumMap<>(Language.class);

        Texts(int line) {
            this.line = line;
        }

        LocalizedText text() {
            return new LocalizedText(byLanguage);
        }
    }

    private final List<QuestionBankException.LineError> errors = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private String setId;
    private Texts setTitle;
    private final Map<String, Texts> themes = new LinkedHashMap<>();
    private final Map<String, Map<String, Texts>> statements = new LinkedHashMap<>();
    private final Map<String, String> themeOfStatement = new HashMap<>();
    private int lastLine;

    private CompetenceSetFile() {
    }

    static CompetenceSet read(String source, InputStream utf8) {
        CompetenceSetFile file = new CompetenceSetFile();
        LineFile.read("competence statement file " + source, utf8, file.errors, file::parseLine);
        if (file.errors.isEmpty()) {
            file.checkWhole();
        }
        if (!file.errors.isEmpty()) {
            throw new CompetenceSetException(source, file.errors);
        }
        return file.build();
    }

    private void parseLine(int number, String line) {
        lastLine = number;
        int equals = line.indexOf('=');
        if (equals < 0) {
            error(number, "", "expected \"<key> = text\" (such as statement.coaching.asks-first.fi = ...) but found no '='");
            return;
        }
        String key = line.substring(0, equals).strip();
        String text = line.substring(equals + 1).strip();
        String[] parts = key.split("\\.", -1);
        Integer earlier = seen.putIfAbsent(key, number);
        if (earlier != null) {
            error(number, key, "repeats the key of line " + earlier);
            return;
        }
        switch (parts[0]) {
            case "set" -> parseSet(number, key, parts, text);
            case "theme" -> parseTheme(number, key, parts, text);
            case "statement" -> parseStatement(number, key, parts, text);
            default -> error(number, key, "key must start with set, theme or statement");
        }
    }

    private void parseSet(int number, String key, String[] parts, String text) {
        if (parts.length == 2 && parts[1].equals("id")) {
            if (!ID.matcher(text).matches()) {
                error(number, key, "set id \"" + LineFile.clip(text) + "\" must be 1..60 lower-case letters, digits and '-'");
            } else {
                setId = text;
            }
            return;
        }
        if (parts.length != 3 || !parts[1].equals("title")) {
            error(number, key, "expected set.id or set.title.<language>, such as set.title.fi");
            return;
        }
        Language language = language(number, key, parts[2], text);
        if (language != null) {
            if (setTitle == null) {
                setTitle = new Texts(number);
            }
            setTitle.byLanguage.put(language, text);
        }
    }

    private void parseTheme(int number, String key, String[] parts, String text) {
        if (parts.length != 3) {
            error(number, key, "key must have three parts theme.<theme>.<language>, such as theme.coaching.fi");
            return;
        }
        if (!id(number, key, "theme", parts[1])) {
            return;
        }
        Language language = language(number, key, parts[2], text);
        if (language != null) {
            themes.computeIfAbsent(parts[1], t -> new Texts(number)).byLanguage.put(language, text);
        }
    }

    private void parseStatement(int number, String key, String[] parts, String text) {
        if (parts.length != 4) {
            error(number, key, "key must have four parts statement.<theme>.<id>.<language>, such as statement.coaching.asks-first.fi");
            return;
        }
        if (!id(number, key, "theme", parts[1]) || !id(number, key, "statement", parts[2])) {
            return;
        }
        String otherTheme = themeOfStatement.putIfAbsent(parts[2], parts[1]);
        if (otherTheme != null && !otherTheme.equals(parts[1])) {
            error(number, key, "statement id \"" + parts[2] + "\" is already used in theme \"" + otherTheme
                    + "\"; statement ids must be unique in the file");
            return;
        }
        Language language = language(number, key, parts[3], text);
        if (language != null) {
            statements.computeIfAbsent(parts[1], t -> new LinkedHashMap<>())
                    .computeIfAbsent(parts[2], s -> new Texts(number)).byLanguage.put(language, text);
        }
    }

    private void checkWhole() {
        if (setId == null) {
            error(Math.max(1, lastLine), "set.id", "the file has no set.id line; add one such as \"set.id = our-leadership\"");
        }
        if (setTitle == null) {
            error(Math.max(1, lastLine), "set.title", "the file has no set.title line; add one such as \"set.title.fi = ...\"");
        }
        for (Map.Entry<String, Texts> theme : themes.entrySet()) {
            if (!statements.containsKey(theme.getKey())) {
                error(theme.getValue().line, "theme." + theme.getKey(), "theme \"" + theme.getKey()
                        + "\" has no statements; add statement." + theme.getKey() + ".<id>.<language> lines");
            }
        }
        for (Map.Entry<String, Map<String, Texts>> theme : statements.entrySet()) {
            if (!themes.containsKey(theme.getKey())) {
                Texts first = theme.getValue().values().iterator().next();
                error(first.line, "statement." + theme.getKey(), "theme \"" + theme.getKey()
                        + "\" has statements but no title; add a theme." + theme.getKey() + ".<language> line");
            }
        }
        if (setId != null && themes.isEmpty()) {
            error(Math.max(1, lastLine), "", "the file has no themes; add theme.<theme>.<language> lines");
        }
    }

    private CompetenceSet build() {
        List<CompetenceTheme> built = new ArrayList<>();
        for (Map.Entry<String, Texts> theme : themes.entrySet()) {
            List<CompetenceStatement> items = new ArrayList<>();
            statements.get(theme.getKey()).forEach((id, texts) -> items.add(new CompetenceStatement(id, texts.text())));
            built.add(new CompetenceTheme(theme.getKey(), theme.getValue().text(), items));
        }
        return new CompetenceSet(setId, setTitle.text(), built);
    }

    private boolean id(int number, String key, String what, String value) {
        if (ID.matcher(value).matches()) {
            return true;
        }
        error(number, key, what + " id \"" + LineFile.clip(value) + "\" must be 1..60 lower-case letters, digits and '-'");
        return false;
    }

    private Language language(int number, String key, String code, String text) {
        Language language = LineFile.languageOf(code);
        if (language == null) {
            error(number, key, "unknown language \"" + LineFile.clip(code) + "\"; expected one of fi, sv, en");
            return null;
        }
        String problem = LineFile.checkText(key.startsWith("statement") ? "statement" : "title", text, MAX_TEXT);
        if (problem != null) {
            error(number, key, problem);
            return null;
        }
        return language;
    }

    private void error(int number, String key, String problem) {
        if (errors.size() < LineFile.MAX_ERRORS) {
            errors.add(new QuestionBankException.LineError(number, key, problem));
        }
    }
}
