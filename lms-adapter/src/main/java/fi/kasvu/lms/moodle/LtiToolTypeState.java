package fi.kasvu.lms.moodle;

/**
 * An LTI tool type's state.
 *
 * @param text the state as text, such as "Active"
 * @param pending whether it waits for an admin
 * @param configured whether it is active
 * @param rejected whether it was rejected
 * @param unknown whether the state is unknown
 */
public record LtiToolTypeState(String text, Boolean pending, Boolean configured, Boolean rejected, Boolean unknown) {
}
