package fi.kasvu.session;

import fi.kasvu.common.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Kasvu placement (an LTI resource link) of a platform course: which kind of activity it is
 * and the document context its documents are stored under. A placement belongs to one course, so
 * its context is its id. It names no person: only the course, the kind and the context.
 *
 * @param context the placement's document context ({@code activity:<resource link>}), its id
 * @param course  the course key ({@link #courseKey}) of the platform course it is placed in
 * @param kind    the activity kind placed there ({@code grow}, {@code feedback-360}, …)
 */
public record CoursePlacement(String context, String course, String kind) {

    /** @throws IllegalArgumentException naming the field if a part is blank, too long or has control characters */
    public CoursePlacement {
        Require.id("context", context);
        Require.id("course", course);
        Require.id("kind", kind);
    }

    /**
     * The key a platform course is listed by: {@code course:<id>}, or a SHA-256 of the id when the
     * id is too long to be a document context or holds control characters. The tenant (the
     * platform registration) is not part of it: no store call crosses tenants.
     *
     * @throws IllegalArgumentException if the course id is empty
     */
    public static String courseKey(String courseId) {
        Require.nonNull("courseId", courseId);
        if (courseId.isEmpty()) {
            throw new IllegalArgumentException("courseId must not be empty");
        }
        String plain = "course:" + courseId;
        if (plain.length() <= Require.MAX_ID && !plain.isBlank() && plain.chars().noneMatch(Character::isISOControl)) {
            return plain;
        }
        try {
            return "course:sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(courseId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }
}
