package fi.kasvu.programme;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * An event of a programme: a kick-off, coaching session, meetup or closing, at a time and a venue.
 * Times a person could get wrong (an end before the start, a day outside the programme) are the
 * programme's rules' business, not this record's.
 *
 * @param id      unique within the programme
 * @param kind    what kind of event
 * @param title   its title
 * @param starts  when it starts
 * @param ends    when it ends
 * @param venue   where
 * @param speaker the speaker of a meetup ("" for none or not yet known)
 */
public record ScheduledEvent(String id, EventKind kind, LocalizedText title, Instant starts, Instant ends, Venue venue,
                             String speaker) {

    /** @throws IllegalArgumentException if the id is invalid; NullPointerException if a part is missing */
    public ScheduledEvent {
        Require.id("event id", id);
        Require.nonNull("kind", kind);
        Require.nonNull("title", title);
        Require.nonNull("starts", starts);
        Require.nonNull("ends", ends);
        Require.nonNull("venue", venue);
        speaker = Require.maxLength("speaker", Require.text("speaker", speaker).strip(), Require.MAX_ID);
    }
}
