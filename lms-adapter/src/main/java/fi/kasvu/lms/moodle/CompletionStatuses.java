package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * The answer of {@code core_completion_get_activities_completion_status}.
 *
 * @param statuses one entry per activity with completion
 * @param warnings per-item warnings
 */
public record CompletionStatuses(List<ActivityCompletion> statuses, List<Warning> warnings) {

    /** Normalises missing lists to empty ones. */
    public CompletionStatuses {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
