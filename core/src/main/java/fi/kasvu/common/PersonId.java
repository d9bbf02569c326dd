package fi.kasvu.common;

/**
 * A person within a tenant: an LMS user id, an agency's employee id, or any other stable key.
 * It carries no name or e-mail, so it may appear in logs.
 */
public record PersonId(String value) {

    /**
     * @throws IllegalArgumentException if the value is blank, too long or has control characters
     */
    public PersonId {
        Require.id("person id", value);
    }

    /** A person by their identifier. */
    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
