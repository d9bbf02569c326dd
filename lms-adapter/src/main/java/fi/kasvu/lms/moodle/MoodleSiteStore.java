package fi.kasvu.lms.moodle;

import java.util.List;
import java.util.Optional;

/** Where the platforms' Moodle web-service configurations are kept (their tokens encrypted at rest). */
public interface MoodleSiteStore {

    /** The configuration of a platform, if any. */
    Optional<MoodleSiteConfig> find(String issuer, String clientId);

    /** Every configuration. */
    List<MoodleSiteConfig> all();

    /** Stores a platform's configuration, replacing the one it had. */
    void save(MoodleSiteConfig config);

    /** Removes a platform's configuration; whether there was one. */
    boolean remove(String issuer, String clientId);
}
