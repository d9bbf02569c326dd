package fi.kasvu.lms.pages;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A learner who launched an activity, with the name the platform sent, so the teacher's progress
 * view can name learners even when the platform offers no roster service.
 *
 * @param id         derived from the activity and the learner
 * @param subject    the learner's platform id
 * @param name       the name the platform sent ("" if none)
 * @param context    the activity
 * @param lastLaunch when the learner last launched it
 */
public record SeenLearner(String id, String subject, String name, String context, Instant lastLaunch) {

    /** The document kind: {@code pages.seen-learner}, owned by the learner, listed by activity. */
    public static final DocumentKind<SeenLearner> KIND = new DocumentKind<>("pages.seen-learner", SeenLearner.class,
            SeenLearner::id, s -> fi.kasvu.lms.lti.LtiIds.person(s.subject()), SeenLearner::context);

    /** @throws IllegalArgumentException naming the field if an id is blank */
    public SeenLearner {
        Require.id("id", id);
        fi.kasvu.lms.lti.LtiIds.require("subject", subject);
        name = Require.maxLength("name", name == null ? "" : name, 500);
        Require.id("context", context);
        Require.nonNull("lastLaunch", lastLaunch);
    }

    /** The record of a learner seen in an activity now. */
    public static SeenLearner of(String subject, String name, String context, Instant at) {
        return new SeenLearner(idOf(context, subject), subject, name, context, at);
    }

    /** The id of a learner's record in an activity. */
    static String idOf(String context, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((context + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return "seen-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }
}
