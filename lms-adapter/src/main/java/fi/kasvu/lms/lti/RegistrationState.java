package fi.kasvu.lms.lti;

/**
 * Where a platform registration stands: only an {@link #ACTIVE} one may start logins, launches
 * and page sessions.
 */
public enum RegistrationState {
    /** Registered through an invite that asked for approval; waits for {@code kasvu platform approve}. */
    PENDING,
    /** Trusted: launches are accepted. */
    ACTIVE,
    /** Switched off by an admin; launches and sessions are refused, the data is kept. */
    DISABLED;

    /** The lowercase name used in storage and on the command line. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The state of a stored code.
     *
     * @throws IllegalArgumentException naming the value if it is not a state
     */
    public static RegistrationState ofCode(String code) {
        for (RegistrationState state : values()) {
            if (state.code().equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("registration state must be pending, active or disabled: " + code);
    }
}
