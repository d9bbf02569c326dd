package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * What the tool remembers between a login initiation and the launch that answers it, stored
 * server-side under the {@code state} value so that no cookie is needed.
 *
 * @param state          the OIDC state sent to the platform
 * @param nonce          the nonce the id_token must carry
 * @param issuer         the platform that initiated the login
 * @param clientId       the client id the login was for
 * @param targetLinkUri  where the platform said the launch goes
 * @param storageTarget  the platform's {@code lti_storage_target} for LTI client-side storage, or "" if none
 * @param createdAt      when the login was initiated
 */
public record LaunchState(String state, String nonce, String issuer, String clientId, String targetLinkUri,
                          String storageTarget, Instant createdAt) {

    /** @throws IllegalArgumentException if a value is blank */
    public LaunchState {
        Require.id("state", state);
        Require.id("nonce", nonce);
        Require.id("issuer", issuer);
        Require.id("client_id", clientId);
        Require.text("target_link_uri", targetLinkUri == null ? "" : targetLinkUri);
        Require.nonNull("createdAt", createdAt);
        storageTarget = storageTarget == null ? "" : storageTarget;
    }

    /** Whether the platform offered client-side storage for this flow. */
    public boolean platformStorage() {
        return !storageTarget.isEmpty();
    }
}
