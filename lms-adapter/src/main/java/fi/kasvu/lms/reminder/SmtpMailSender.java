package fi.kasvu.lms.reminder;

import fi.kasvu.common.Require;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/** Mail through an SMTP server with Jakarta Mail (Eclipse Angus), with connect and read timeouts. */
public final class SmtpMailSender implements MailSender {

    private final Session session;
    private final InternetAddress from;

    /**
     * A sender through the server.
     *
     * @throws IllegalArgumentException if the sender address is not a valid address or the port is outside 1..65535
     */
    public SmtpMailSender(String host, int port, String fromAddress, Duration timeout) {
        Require.nonBlank("host", host);
        Require.range("port", port, 1, 65535);
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(fromAddress, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("fromAddress must be an e-mail address: " + fromAddress, e);
        }
    }

    /** Whether the text is one valid e-mail address (strict, as the sender checks it). */
    public static boolean valid(String address) {
        if (address == null || address.isBlank() || address.length() > 320 || address.contains(",")) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }

    @Override
    public void send(String to, String subject, String body, String optOutUrl) throws MailException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setHeader("List-Unsubscribe", "<" + optOutUrl + ">");
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailException("SMTP send failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
