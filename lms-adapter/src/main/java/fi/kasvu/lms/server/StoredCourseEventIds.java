package fi.kasvu.lms.server;

import fi.kasvu.lms.Hashes;
import fi.kasvu.lms.moodle.MoodleCourseServices;
import fi.kasvu.store.jdbc.ExpiringValues;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Moodle ids of the course events Kasvu made, by platform, course and event key, in the shared
 * database's expiring values (five years), so that a restart or another instance publishes nothing twice.
 * The stored key is a SHA-256 of the three parts (keys may be long); the value is the Moodle event id,
 * then a space and the fingerprint of what was sent (values stored before fingerprints hold the id only).
 * Each scope's published keys (an activity's course events, a group's meetings) are one value under a
 * SHA-256 of platform, course and scope: the keys, URL-encoded, one a line.
 */
final class StoredCourseEventIds implements MoodleCourseServices.EventIds {

    private static final String NAMESPACE = "moodle-course-event";
    private static final String SCOPES = "moodle-course-event-scope";
    private static final Duration KEEP = Duration.ofDays(5 * 366);

    private final ExpiringValues values;
    private final Clock clock;

    StoredCourseEventIds(ExpiringValues values, Clock clock) {
        this.values = values;
        this.clock = clock;
    }

    @Override
    public Optional<Made> made(String platform, long courseId, String key) {
        return values.get(NAMESPACE, hash(platform, courseId, key), clock.instant()).flatMap(StoredCourseEventIds::made);
    }

    @Override
    public void remember(String platform, long courseId, String key, long eventId, String fingerprint) {
        String fp = fingerprint == null ? "" : fingerprint.strip();
        values.put(NAMESPACE, hash(platform, courseId, key), fp.isEmpty() ? Long.toString(eventId) : eventId + " " + fp,
                clock.instant().plus(KEEP));
    }

    @Override
    public void forget(String platform, long courseId, String key) {
        values.remove(NAMESPACE, hash(platform, courseId, key));
    }

    @Override
    public Set<String> keys(String platform, long courseId, String scope) {
        return values.get(SCOPES, hash(platform, courseId, scope), clock.instant())
                .map(stored -> Arrays.stream(stored.split("\n")).filter(line -> !line.isEmpty())
                        .map(line -> URLDecoder.decode(line, StandardCharsets.UTF_8))
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .map(Set::copyOf).orElse(Set.of());
    }

    @Override
    public void keys(String platform, long courseId, String scope, Set<String> keys) {
        if (keys.isEmpty()) {
            values.remove(SCOPES, hash(platform, courseId, scope));
            return;
        }
        String stored = keys.stream().sorted().map(key -> URLEncoder.encode(key, StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        values.put(SCOPES, hash(platform, courseId, scope), stored, clock.instant().plus(KEEP));
    }

    private static Optional<Made> made(String stored) {
        String[] parts = stored.strip().split(" ", 2);
        try {
            return Optional.of(new Made(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hash(String platform, long courseId, String key) {
        String plain = platform.length() + ":" + platform + courseId + ":" + key;
        return Hashes.sha256Hex(plain);
    }
}
