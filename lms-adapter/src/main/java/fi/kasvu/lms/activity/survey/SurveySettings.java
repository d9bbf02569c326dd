package fi.kasvu.lms.activity.survey;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.survey.CultureStatements;
import fi.kasvu.survey.Question;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A survey activity's own settings, carried as custom parameters: for a pulse survey the
 * statements picked from the bank and the organiser's own statements (fi/sv/en); for both kinds
 * the units respondents may state for breakdowns. Lists travel base64url-encoded, since a
 * platform keeps custom parameters one per line.
 *
 * @param bank  the picked bank statements' ids, in the bank's order (empty for the culture self-assessment)
 * @param own   the organiser's own statements
 * @param units the units respondents choose from (empty: no breakdown by unit)
 * @param courseGroups whether results are broken down by the course's groups (never together with units)
 */
public record SurveySettings(List<String> bank, List<LocalizedText> own, List<String> units, boolean courseGroups) {

    /** Custom parameter names (lower case, as Moodle sends them). */
    public static final String STATEMENTS = "kasvu_statements", OWN = "kasvu_own", UNITS = "kasvu_units",
            GROUPS = "kasvu_groups";

    /** Limits of the organiser's input. */
    public static final int MAX_OWN = 10, MAX_STATEMENT = 300, MAX_UNITS = 30, MAX_UNIT = 80;

    /** Copies the lists; course groups are dropped when units are given (one breakdown only). */
    public SurveySettings {
        bank = List.copyOf(bank);
        own = List.copyOf(own);
        units = List.copyOf(units);
        courseGroups = courseGroups && units.isEmpty();
    }

    /** Settings without the course's groups. */
    public SurveySettings(List<String> bank, List<LocalizedText> own, List<String> units) {
        this(bank, own, units, false);
    }

    /** The statements a pulse survey can pick from: the six elements' and the coaching-approach indicator's. */
    public static List<Question.Likert> statementBank() {
        List<Question.Likert> all = new ArrayList<>(CultureStatements.coachingApproach());
        all.addAll(CultureStatements.elements());
        return all;
    }

    /** A pulse survey's default: the coaching-approach indicator. */
    public static SurveySettings defaults(boolean pulse) {
        return new SurveySettings(pulse ? CultureStatements.COACHING_APPROACH_IDS : List.of(), List.of(), List.of());
    }

    /** As custom parameters (only what is set). */
    public Map<String, String> toCustom(boolean pulse) {
        Map<String, String> custom = new LinkedHashMap<>();
        if (pulse) {
            custom.put(STATEMENTS, String.join(",", bank));
            if (!own.isEmpty()) {
                List<String> lines = own.stream().map(t -> t.in(Language.FI) + "\t" + t.in(Language.SV) + "\t"
                        + t.in(Language.EN)).toList();
                custom.put(OWN, encode(lines));
            }
        }
        if (!units.isEmpty()) {
            custom.put(UNITS, encode(units));
        }
        if (courseGroups) {
            custom.put(GROUPS, "course");
        }
        return custom;
    }

    /**
     * The settings of a launch's custom parameters; anything unreadable falls back to the
     * defaults, so an activity placed by hand still opens.
     */
    public static SurveySettings fromCustom(Map<String, String> custom, boolean pulse) {
        List<String> units = decode(custom.getOrDefault(UNITS, "")).map(lines -> validUnits(lines).orElse(List.of()))
                .orElse(List.of());
        boolean groups = custom.getOrDefault(GROUPS, "").strip().equals("course");
        if (!pulse) {
            return new SurveySettings(List.of(), List.of(), units, groups);
        }
        Set<String> picked = new LinkedHashSet<>(List.of(custom.getOrDefault(STATEMENTS, "").split(",")));
        List<String> bank = statementBank().stream().map(Question::id).filter(picked::contains).toList();
        List<LocalizedText> own = decode(custom.getOrDefault(OWN, "")).flatMap(SurveySettings::validOwn)
                .orElse(List.of());
        if (bank.isEmpty() && own.isEmpty()) {
            return new SurveySettings(CultureStatements.COACHING_APPROACH_IDS, List.of(), units, groups);
        }
        return new SurveySettings(bank, own, units, groups);
    }

    /** The organiser's own statements as typed ("fi | sv | en" per line), for the picker's form. */
    public static String ownAsText(List<LocalizedText> own) {
        return String.join("\n", own.stream().map(t -> t.in(Language.FI) + " | " + t.in(Language.SV) + " | "
                + t.in(Language.EN)).toList());
    }

    /** Own statements read from lines of three parts; empty if a line is not three clean parts within limits. */
    static Optional<List<LocalizedText>> validOwn(List<String> lines) {
        List<LocalizedText> own = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(line.contains("\t") ? "\t" : "\\|", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            for (String part : parts) {
                if (part.isBlank() || part.strip().length() > MAX_STATEMENT || hasControl(part)) {
                    return Optional.empty();
                }
            }
            own.add(LocalizedText.of(parts[0].strip(), parts[1].strip(), parts[2].strip()));
        }
        return own.size() > MAX_OWN ? Optional.empty() : Optional.of(own);
    }

    /** Units within the limits, or empty. */
    static Optional<List<String>> validUnits(List<String> lines) {
        Set<String> units = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.strip().length() > MAX_UNIT || hasControl(line)) {
                return Optional.empty();
            }
            units.add(line.strip());
        }
        return units.size() > MAX_UNITS ? Optional.empty() : Optional.of(List.copyOf(units));
    }

    /** The non-blank lines of a text. */
    static List<String> lines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
    }

    private static String encode(List<String> lines) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", lines)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<List<String>> decode(String value) {
        if (value.isBlank()) {
            return Optional.of(List.of());
        }
        try {
            return Optional.of(lines(new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
