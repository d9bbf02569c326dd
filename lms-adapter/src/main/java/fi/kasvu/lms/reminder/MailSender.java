package fi.kasvu.lms.reminder;

/** Sends one plain-text e-mail; a transport failure is a {@link MailException}, never silent. */
@FunctionalInterface
public interface MailSender {

    /**
     * Sends the message.
     *
     * @param to        the recipient's address
     * @param subject   the subject line
     * @param body      the plain-text body
     * @param optOutUrl the link that stops these reminders (sent as List-Unsubscribe as well)
     * @throws MailException if the mail server cannot be reached or refuses the message
     */
    void send(String to, String subject, String body, String optOutUrl) throws MailException;

    /** The mail server could not take the message; it is tried again later. */
    final class MailException extends Exception {
        private static final long serialVersionUID = 1L;

        /** With a message naming what failed (no addresses, no content). */
        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
