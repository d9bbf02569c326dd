package fi.kasvu.lms.moodle;

import fi.kasvu.common.Require;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A message to one user. Moodle does not deduplicate by {@code clientmsgid}; it only echoes it.
 *
 * @param touserid the recipient's user id
 * @param text the text, at most 4096 bytes in UTF-8
 * @param textformat the text format (0 Moodle, 1 HTML, 2 plain, 4 Markdown), or null
 * @param clientmsgid the caller's id for the message, or null; Moodle accepts only letters, digits,
 *     {@code _} and {@code -} ({@code PARAM_ALPHANUMEXT}) and refuses the whole call otherwise
 */
public record InstantMessage(long touserid, String text, Integer textformat, String clientmsgid) {

    /** Moodle refuses longer texts ({@code core_message\api::MESSAGE_MAX_LENGTH}). */
    public static final int MAX_TEXT_BYTES = 4096;

    /** What Moodle's {@code PARAM_ALPHANUMEXT} accepts (fixture quirk 19). */
    private static final Pattern ALPHANUMEXT = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Checks the message.
     *
     * @throws IllegalArgumentException naming the recipient id, the text length or the client id Moodle would refuse
     */
    public InstantMessage {
        if (touserid < 1) {
            throw new IllegalArgumentException("touserid must be positive: " + touserid);
        }
        Require.nonBlank("text", text);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT_BYTES + " bytes: " + bytes + " bytes");
        }
        if (clientmsgid != null && !ALPHANUMEXT.matcher(clientmsgid).matches()) {
            throw new IllegalArgumentException("clientmsgid must be letters, digits, _ and - only (Moodle refuses"
                    + " the whole call otherwise): " + clientmsgid);
        }
    }
}
