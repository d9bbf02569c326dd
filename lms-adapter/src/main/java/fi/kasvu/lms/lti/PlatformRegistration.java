package fi.kasvu.lms.lti;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One LTI 1.3 platform as the tool knows it, keyed by issuer and client id, with the deployments
 * it has made of the tool (in Moodle each deployment id is a tool type id).
 *
 * @param issuer        the platform's {@code iss} (Moodle: its wwwroot)
 * @param clientId      the client id the platform gave this tool
 * @param authUrl       the platform's OIDC authorization endpoint
 * @param tokenUrl      the platform's OAuth2 token endpoint (for AGS and NRPS)
 * @param jwksUrl       the platform's keyset
 * @param deploymentIds the deployment ids this registration accepts, never empty
 * @param name          a display name for admins (the platform's name or the issuer)
 * @param state         whether launches are accepted (only when {@link RegistrationState#ACTIVE})
 */
public record PlatformRegistration(String issuer, String clientId, URI authUrl, URI tokenUrl, URI jwksUrl,
                                   Set<String> deploymentIds, String name, RegistrationState state) {

    /**
     * @throws IllegalArgumentException if the issuer or client id is blank, a URL is not absolute
     *                                  http(s), or there is no deployment id
     * @throws NullPointerException     if any part is null
     */
    public PlatformRegistration {
        Require.id("issuer", issuer);
        Require.id("client_id", clientId);
        requireHttpUrl("auth_url", authUrl);
        requireHttpUrl("token_url", tokenUrl);
        requireHttpUrl("jwks_url", jwksUrl);
        Require.nonNull("deployment ids", deploymentIds);
        if (deploymentIds.isEmpty()) {
            throw new IllegalArgumentException("deployment ids must not be empty: " + issuer + " " + clientId);
        }
        LinkedHashSet<String> copy = new LinkedHashSet<>();
        for (String id : deploymentIds) {
            copy.add(Require.id("deployment id", id));
        }
        deploymentIds = Set.copyOf(copy);
        name = name == null || name.isBlank() ? issuer : Require.text("name", name.strip());
        Require.nonNull("state", state);
    }

    /**
     * An active registration (what an admin adds by hand).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PlatformRegistration(String issuer, String clientId, URI authUrl, URI tokenUrl, URI jwksUrl,
                                Set<String> deploymentIds, String name) {
        this(issuer, clientId, authUrl, tokenUrl, jwksUrl, deploymentIds, name, RegistrationState.ACTIVE);
    }

    /** Whether launches of this registration are accepted. */
    public boolean active() {
        return state == RegistrationState.ACTIVE;
    }

    /** This registration in another state. */
    public PlatformRegistration withState(RegistrationState newState) {
        return new PlatformRegistration(issuer, clientId, authUrl, tokenUrl, jwksUrl, deploymentIds, name, newState);
    }

    /** Whether the platform has deployed the tool under this id. */
    public boolean hasDeployment(String deploymentId) {
        return deploymentIds.contains(deploymentId);
    }

    /** This registration with one more deployment id (the same registration if already known). */
    public PlatformRegistration withDeployment(String deploymentId) {
        if (hasDeployment(deploymentId)) {
            return this;
        }
        LinkedHashSet<String> more = new LinkedHashSet<>(deploymentIds);
        more.add(deploymentId);
        return new PlatformRegistration(issuer, clientId, authUrl, tokenUrl, jwksUrl, more, name, state);
    }

    /**
     * This registration's endpoints and name replaced by another's, deployments merged, state kept
     * (an admin's {@code kasvu platform add}; Dynamic Registration never changes a registration).
     */
    public PlatformRegistration updatedBy(PlatformRegistration newer) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(deploymentIds);
        merged.addAll(newer.deploymentIds);
        return new PlatformRegistration(issuer, clientId, newer.authUrl, newer.tokenUrl, newer.jwksUrl, merged,
                newer.name, state);
    }

    /**
     * The tenant of a deployment: issuer, client id and deployment, so that two Moodle sites, two
     * tool types in one site, or a second registration claiming the same issuer never share data.
     * Long keys are shortened to a hash.
     */
    public TenantId tenant(String deploymentId) {
        return tenantOf(issuer, clientId, deploymentId);
    }

    /** The tenant of an issuer, client id and deployment (see {@link #tenant(String)}). */
    public static TenantId tenantOf(String issuer, String clientId, String deploymentId) {
        if (clientId.indexOf('|') >= 0 || deploymentId.indexOf('|') >= 0) {
            // Keep "a|b" + "c" apart from "a" + "b|c": length-prefixed parts, always hashed.
            return hashed("lti:" + issuer.length() + ":" + issuer + clientId.length() + ":" + clientId + deploymentId);
        }
        return hashedIfLong("lti:" + issuer + "|" + clientId + "|" + deploymentId);
    }

    /**
     * The tenant a deployment had before the client id was part of the key (schema 3 and older),
     * for the migration that moves the data.
     */
    public static TenantId legacyTenantOf(String issuer, String deploymentId) {
        return hashedIfLong("lti:" + issuer + "|" + deploymentId);
    }

    private static TenantId hashedIfLong(String plain) {
        if (plain.length() <= Require.MAX_ID && plain.chars().noneMatch(Character::isISOControl)) {
            return TenantId.of(plain);
        }
        return hashed(plain);
    }

    private static TenantId hashed(String plain) {
        return TenantId.of("lti:sha256:" + Hashes.sha256Hex(plain));
    }

    /** A stable id of this registration for storage: issuer and client id. */
    public String id() {
        return idOf(issuer, clientId);
    }

    /** The storage id of the registration (issuer, client id). */
    public static String idOf(String issuer, String clientId) {
        return issuer + " " + clientId;
    }

    private static void requireHttpUrl(String field, URI url) {
        Require.nonNull(field, url);
        String scheme = url.getScheme();
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(field + " must be an absolute http(s) URL: " + url);
        }
    }
}
