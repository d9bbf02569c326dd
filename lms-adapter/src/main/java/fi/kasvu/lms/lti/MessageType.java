package fi.kasvu.lms.lti;

import java.util.Optional;

/** The LTI messages Kasvu accepts. */
public enum MessageType {
    /** A learner or teacher opens an activity. */
    RESOURCE_LINK("LtiResourceLinkRequest"),
    /** A teacher picks an activity to place in the course. */
    DEEP_LINKING("LtiDeepLinkingRequest");

    private final String claim;

    MessageType(String claim) {
        this.claim = claim;
    }

    /** The value of the {@code message_type} claim. */
    public String claim() {
        return claim;
    }

    /** The type of a {@code message_type} claim value, if Kasvu supports it. */
    public static Optional<MessageType> ofClaim(String value) {
        for (MessageType type : values()) {
            if (type.claim.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
