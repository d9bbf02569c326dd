package fi.kasvu.lms.moodle.sync;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a sync remembers between runs about the writes Moodle cannot be asked about: welcome
 * messages (no web-service function in the service reads them back, and {@code clientmsgid} does
 * not deduplicate) and grouping assignments (get_course_groupings does not list groups).
 *
 * <p>A message is recorded as intended before it is sent and as sent or failed after; one left
 * "intended" was interrupted and may have reached the member, so it is never sent again
 * automatically (at most once).
 */
public interface SyncJournal {

    /** What is known of one message. */
    enum MessageState {
        /** Never tried. */
        NONE,
        /** Tried, outcome unknown (the run was interrupted or the call failed after sending). */
        UNCERTAIN,
        /** Moodle stored it. */
        SENT,
        /** Moodle refused it, or it never left; it may be tried again. */
        FAILED
    }

    /** What is known of the message with this key. */
    MessageState message(String key);

    /**
     * Records that the message is about to be sent.
     *
     * @throws IOException if the record cannot be written (then the message must not be sent)
     */
    void messageIntended(String key) throws IOException;

    /**
     * Records that Moodle stored the message.
     *
     * @throws IOException if the record cannot be written
     */
    void messageSent(String key, long msgid) throws IOException;

    /**
     * Records that the message was refused or never left.
     *
     * @throws IOException if the record cannot be written
     */
    void messageFailed(String key, String reason) throws IOException;

    /**
     * Records that these messages are about to be sent, in one write where the journal can.
     *
     * @throws IOException if the records cannot be written (then the messages must not be sent)
     */
    default void messagesIntended(List<String> keys) throws IOException {
        for (String key : keys) {
            messageIntended(key);
        }
    }

    /**
     * Records that Moodle stored these messages (key and message id), in one write where the journal can.
     *
     * @throws IOException if the records cannot be written
     */
    default void messagesSent(List<Map.Entry<String, Long>> sent) throws IOException {
        for (Map.Entry<String, Long> message : sent) {
            messageSent(message.getKey(), message.getValue());
        }
    }

    /** Whether this group was put in this grouping by an earlier run. */
    boolean assigned(long groupingId, long groupId);

    /**
     * Records that the group is in the grouping.
     *
     * @throws IOException if the record cannot be written
     */
    void assignedNow(long groupingId, long groupId) throws IOException;
}
