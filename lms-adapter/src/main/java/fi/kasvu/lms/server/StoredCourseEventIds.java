package fi.kasvu.lms.server;

import fi.kasvu.lms.moodle.MoodleCourseServices;
import fi.kasvu.store.jdbc.ExpiringValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The Moodle ids of the course events Kasvu made, by platform, course and event key, in the shared
 * database's expiring values (five years), so that a restart or another instance publishes nothing twice.
 * The stored key is a SHA-256 of the three parts (keys may be long); the value is the Moodle event id.
 */
final class StoredCourseEventIds implements MoodleCourseServices.EventIds {

    private static final String NAMESPACE = "moodle-course-event";
    private static final Duration KEEP = Duration.ofDays(5 * 366);

    private final ExpiringValues values;
    private final Clock clock;

    StoredCourseEventIds(ExpiringValues values, Clock clock) {
        this.values = values;
        this.clock = clock;
    }

    @Override
    public Optional<Long> find(String platform, long courseId, String key) {
        return values.get(NAMESPACE, hash(platform, courseId, key), clock.instant()).flatMap(StoredCourseEventIds::id);
    }

    @Override
    public void remember(String platform, long courseId, String key, long eventId) {
        values.put(NAMESPACE, hash(platform, courseId, key), Long.toString(eventId), clock.instant().plus(KEEP));
    }

    private static Optional<Long> id(String stored) {
        try {
            return Optional.of(Long.parseLong(stored));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hash(String platform, long courseId, String key) {
        String plain = platform.length() + ":" + platform + courseId + ":" + key;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
