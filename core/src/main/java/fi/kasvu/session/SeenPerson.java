package fi.kasvu.session;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A person who opened an activity, with the name their platform sent, so that an organiser's view
 * can name people even when the platform offers no roster service.
 *
 * @param id         derived from the activity and the person
 * @param subject    the person's platform user id
 * @param name       the name the platform sent ("" if none)
 * @param context    the activity
 * @param lastLaunch when the person last opened it
 */
public record SeenPerson(String id, String subject, String name, String context, Instant lastLaunch) {

    /** The longest name kept. */
    public static final int MAX_NAME = 500;

    /** @throws IllegalArgumentException naming the field if an id is blank or the name too long */
    public SeenPerson {
        Require.id("id", id);
        Require.id("subject", subject);
        name = Require.maxLength("name", name == null ? "" : name, MAX_NAME);
        Require.id("context", context);
        Require.nonNull("lastLaunch", lastLaunch);
    }

    /** The record of a person seen in an activity at the instant. */
    public static SeenPerson of(String subject, String name, String context, Instant at) {
        return new SeenPerson(idOf(context, subject), subject, name, context, at);
    }

    /** The person. */
    public PersonId person() {
        return PersonId.of(subject);
    }

    /** This record seen again: the newer name (if one was sent) and launch time. */
    public SeenPerson seenAgain(String newName, Instant at) {
        return new SeenPerson(id, subject, newName == null || newName.isBlank() ? name : newName, context, at);
    }

    /** The id of a person's record in an activity: a hash, so that ids carry no personal data. */
    public static String idOf(String context, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((context + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return "seen-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

}
