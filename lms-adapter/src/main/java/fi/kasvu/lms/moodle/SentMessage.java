package fi.kasvu.lms.moodle;

/**
 * A message the token user sent, as {@code core_message_get_messages} lists it (other fields are ignored).
 *
 * @param id the message id
 * @param useridfrom the sender
 * @param useridto the recipient
 * @param smallmessage the text as sent
 * @param fullmessage the text as sent (the same as {@code smallmessage} for instant messages)
 * @param timecreated when Moodle stored it, Unix seconds
 */
public record SentMessage(Long id, Long useridfrom, Long useridto, String smallmessage, String fullmessage,
        Long timecreated) {

    /** Whether this message went to the user with this text (line endings compared loosely). */
    public boolean is(long recipient, String text) {
        if (useridto == null || useridto != recipient || text == null) {
            return false;
        }
        String wanted = normalise(text);
        return wanted.equals(normalise(smallmessage)) || wanted.equals(normalise(fullmessage));
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }
}
