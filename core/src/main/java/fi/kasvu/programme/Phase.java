package fi.kasvu.programme;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.List;

/**
 * A phase of a programme (seed 002: "every phase of the process visible to all"), with its days,
 * events and assignments.
 *
 * @param id          unique within the programme
 * @param title       its title
 * @param starts      its first day
 * @param ends        its last day
 * @param events      its events, in time order
 * @param assignments its assignments
 */
public record Phase(String id, LocalizedText title, LocalDate starts, LocalDate ends, List<ScheduledEvent> events,
                    List<Assignment> assignments) {

    /** @throws IllegalArgumentException if the id is invalid; NullPointerException if a part is missing */
    public Phase {
        Require.id("phase id", id);
        Require.nonNull("title", title);
        Require.nonNull("starts", starts);
        Require.nonNull("ends", ends);
        events = Require.list("events", events).stream()
                .sorted(java.util.Comparator.comparing(ScheduledEvent::starts).thenComparing(ScheduledEvent::id)).toList();
        assignments = Require.list("assignments", assignments);
    }

    /** Whether the phase holds nothing to attend or do. */
    public boolean empty() {
        return events.isEmpty() && assignments.isEmpty();
    }
}
