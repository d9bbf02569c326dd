package fi.kasvu.lms.moodle;

import java.util.Optional;

/**
 * The outcome of one message: delivered with a message id, or refused ({@code msgid -1}) with
 * Moodle's reason.
 *
 * @param msgid the message id, -1 when refused
 * @param clientmsgid the caller's id, echoed
 * @param errormessage why the message was refused, or null
 * @param text the stored text
 * @param timecreated when it was stored, Unix seconds
 * @param conversationid the conversation id
 * @param useridfrom the sender's user id
 */
public record MessageResult(Long msgid, String clientmsgid, String errormessage, String text, Long timecreated,
        Long conversationid, Long useridfrom) {

    /** Whether Moodle stored the message. */
    public boolean delivered() {
        return msgid != null && msgid > 0;
    }

    /** Moodle's reason when it refused the message. */
    public Optional<String> failure() {
        return delivered() ? Optional.empty() : Optional.of(errormessage == null ? "refused" : errormessage);
    }
}
