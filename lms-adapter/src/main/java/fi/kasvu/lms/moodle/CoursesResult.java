package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * The answer of {@code core_course_get_courses_by_field}.
 *
 * @param courses the matching visible courses, possibly none
 * @param warnings per-item warnings
 */
public record CoursesResult(List<Course> courses, List<Warning> warnings) {

    /** Normalises missing lists to empty ones. */
    public CoursesResult {
        courses = courses == null ? List.of() : List.copyOf(courses);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
