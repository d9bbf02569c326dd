package fi.kasvu.lms.lti;

import java.time.Instant;
import java.util.Optional;

/** The port holding login state until the launch comes back, shared by every server instance. */
public interface LaunchStates {

    /** Stores the state until {@code expiresAt}. */
    void put(LaunchState state, Instant expiresAt);

    /**
     * Reads and deletes the state in one step, so a state is used by one launch only.
     *
     * @return the state, or empty if unknown, already used or expired at {@code now}
     */
    Optional<LaunchState> take(String state, Instant now);

    /**
     * Reads the state without using it up (to decide how to check the browser's copy).
     *
     * @return the state, or empty if unknown, used or expired at {@code now}
     */
    Optional<LaunchState> peek(String state, Instant now);
}
