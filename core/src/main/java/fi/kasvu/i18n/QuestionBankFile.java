package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.grow.Phase;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the question bank file format (documented in {@code docs/question-bank.md}): UTF-8 lines
 * of {@code <set>.<phase>.<id>.<language> = text}, {@code #} comments and {@code @replace <set>.<phase>}
 * directives. Every bad line is collected before anything is applied.
 */
final class QuestionBankFile {

    /** The longest question text. */
    static final int MAX_TEXT = 1000;

    private static final Pattern SET = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private record Entry(int line, String set, Phase phase, String id, Language language, String text) {
        String questionKey() {
            return set + "." + phase.key() + "." + id;
        }
    }

    private record Replace(String set, Phase phase) {
    }

    private QuestionBankFile() {
    }

    static QuestionBank apply(QuestionBank base, String source, InputStream utf8) {
        List<QuestionBankException.LineError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<Replace> replaces = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        LineFile.read("question bank " + source, utf8, errors,
                (number, line) -> parseLine(number, line, entries, replaces, seen, errors));
        if (!errors.isEmpty()) {
            throw new QuestionBankException(source, errors);
        }
        Map<String, Question> result = base.asMap();
        result.values().removeIf(q -> replaces.contains(new Replace(q.set(), q.phase())));
        for (Entry entry : entries) {
            String key = entry.questionKey();
            result.put(key, QuestionBank.merge(result.get(key), key, entry.set(), entry.phase(), entry.language(), entry.text()));
        }
        return new QuestionBank(result);
    }

    private static void parseLine(int number, String line, List<Entry> entries, Set<Replace> replaces,
                                  Map<String, Integer> seen, List<QuestionBankException.LineError> errors) {
        if (line.startsWith("@")) {
            parseDirective(number, line, replaces, errors);
            return;
        }
        int equals = line.indexOf('=');
        if (equals < 0) {
            errors.add(new QuestionBankException.LineError(number, "", "expected \"<set>.<phase>.<id>.<language> = question\" but found no '='"));
            return;
        }
        String key = line.substring(0, equals).strip();
        String text = line.substring(equals + 1).strip();
        String[] parts = key.split("\\.", -1);
        if (parts.length != 4) {
            errors.add(new QuestionBankException.LineError(number, key,
                    "key must have four parts <set>.<phase>.<id>.<language>, such as grow.goal.1.fi"));
            return;
        }
        String problem = checkSet(parts[0]);
        Phase phase = null;
        if (problem == null) {
            phase = phaseOf(parts[1]);
            if (phase == null) {
                problem = "unknown phase \"" + parts[1] + "\"; expected one of goal, reality, options, will";
            }
        }
        if (problem == null && !ID.matcher(parts[2]).matches()) {
            problem = "question id \"" + parts[2] + "\" must be 1..40 letters, digits, '-' or '_'";
        }
        Language language = null;
        if (problem == null) {
            language = LineFile.languageOf(parts[3]);
            if (language == null) {
                problem = "unknown language \"" + parts[3] + "\"; expected one of fi, sv, en";
            }
        }
        if (problem == null) {
            problem = checkText(text);
        }
        if (problem == null) {
            Integer earlier = seen.putIfAbsent(key, number);
            if (earlier != null) {
                problem = "repeats the key of line " + earlier;
            }
        }
        if (problem != null) {
            errors.add(new QuestionBankException.LineError(number, key, problem));
            return;
        }
        entries.add(new Entry(number, parts[0], phase, parts[2], language, text));
    }

    private static void parseDirective(int number, String line, Set<Replace> replaces,
                                       List<QuestionBankException.LineError> errors) {
        String[] words = line.split("\\s+");
        if (!words[0].equals("@replace") || words.length != 2) {
            errors.add(new QuestionBankException.LineError(number, "", "unknown directive \"" + LineFile.clip(line)
                    + "\"; the only directive is \"@replace <set>.<phase>\""));
            return;
        }
        String[] parts = words[1].split("\\.", -1);
        String problem = parts.length != 2 ? "@replace needs <set>.<phase>, such as grow.options" : checkSet(parts[0]);
        Phase phase = problem == null ? phaseOf(parts[1]) : null;
        if (problem == null && phase == null) {
            problem = "unknown phase \"" + parts[1] + "\"; expected one of goal, reality, options, will";
        }
        if (problem != null) {
            errors.add(new QuestionBankException.LineError(number, words[1], problem));
            return;
        }
        replaces.add(new Replace(parts[0], phase));
    }

    private static String checkSet(String set) {
        return SET.matcher(set).matches() ? null
                : "set \"" + LineFile.clip(set) + "\" must be grow or a template id (lower-case letters, digits and '-')";
    }

    private static String checkText(String text) {
        return LineFile.checkText("question", text, MAX_TEXT);
    }

    private static Phase phaseOf(String key) {
        for (Phase phase : Phase.values()) {
            if (phase.key().equals(key)) {
                return phase;
            }
        }
        return null;
    }
}
