package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * The events created or found, with per-item warnings (such as {@code nopermissions}).
 *
 * @param events the events
 * @param warnings per-item warnings
 */
public record CalendarEventsResult(List<CalendarEvent> events, List<Warning> warnings) {

    /** Normalises missing lists to empty ones. */
    public CalendarEventsResult {
        events = events == null ? List.of() : List.copyOf(events);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
