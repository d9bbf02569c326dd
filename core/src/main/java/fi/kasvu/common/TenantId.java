package fi.kasvu.common;

/**
 * Whose data this is: an LMS platform and deployment, or an agency embedding core. Every stored
 * row carries one, and no query crosses it.
 */
public record TenantId(String value) {

    /**
     * @throws IllegalArgumentException if the value is blank, too long or has control characters
     */
    public TenantId {
        Require.id("tenant", value);
    }

    /** A tenant by its identifier. */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
