package fi.kasvu.lms.moodle;

import java.util.Optional;

/**
 * The Moodle web services an admin configured for a registered platform, if any: the composition
 * root adapts them into the web layer's ports (course groups, calendar, notifications), so an
 * activity never sees a {@link MoodleClient}.
 */
public interface MoodleSites {

    /** The client for the platform's Moodle web services, or empty when none is configured. */
    Optional<MoodleClient> forPlatform(String issuer, String clientId);

    /** No platform has Moodle web services configured. */
    static MoodleSites none() {
        return (issuer, clientId) -> Optional.empty();
    }
}
