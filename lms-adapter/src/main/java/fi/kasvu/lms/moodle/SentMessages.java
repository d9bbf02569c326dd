package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * One page of {@code core_message_get_messages}.
 *
 * @param messages the messages, newest first when asked so
 * @param warnings per-item warnings
 */
public record SentMessages(List<SentMessage> messages, List<Warning> warnings) {

    /** Normalises missing lists to empty ones. */
    public SentMessages {
        messages = messages == null ? List.of() : List.copyOf(messages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
