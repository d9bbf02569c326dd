package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * The answer of {@code mod_lti_get_ltis_by_courses}.
 *
 * @param ltis the activities
 * @param warnings per-item warnings
 */
public record LtisResult(List<LtiActivity> ltis, List<Warning> warnings) {

    /** Normalises missing lists to empty ones. */
    public LtisResult {
        ltis = ltis == null ? List.of() : List.copyOf(ltis);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
