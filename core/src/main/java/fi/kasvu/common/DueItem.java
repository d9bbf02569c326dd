package fi.kasvu.common;

import java.time.Instant;

/**
 * Something a person should do or attend by a time, for reminders and calendars: what kind of
 * thing, which document and item, and when. It never carries what anyone wrote, so a reminder
 * built from it cannot leak private text; the reminder's text comes from the kind's message key.
 * The kind, document, item and recipient together identify a reminder, so a sender can keep it
 * from going out twice.
 *
 * @param recipient  who is reminded
 * @param kind       a stable dotted key such as {@code programme.assignment.due}
 * @param documentId the document the item belongs to (a programme, an assessment)
 * @param itemId     the item within it (an event, an assignment, an invitation)
 * @param due        when it is due or starts
 */
public record DueItem(PersonId recipient, String kind, String documentId, String itemId, Instant due) {

    /** @throws IllegalArgumentException if an id is invalid; NullPointerException if a part is missing */
    public DueItem {
        Require.nonNull("recipient", recipient);
        Require.id("kind", kind);
        Require.id("documentId", documentId);
        Require.id("itemId", itemId);
        Require.nonNull("due", due);
    }
}
