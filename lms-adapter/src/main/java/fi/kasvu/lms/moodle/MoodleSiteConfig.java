package fi.kasvu.lms.moodle;

import fi.kasvu.lms.lti.PlatformOrigin;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Moodle web services an admin configured for one registered platform (issuer and client id):
 * the site's address and the web-service token Kasvu calls it with.
 *
 * <p>The site must have the platform issuer's origin (Moodle's issuer is its wwwroot), so that a
 * registration can never send its token to another server by mistake; an admin can allow
 * another origin explicitly (a Moodle whose web services are reached through another host name).
 *
 * @param issuer            the platform's issuer
 * @param clientId          the client id of the registration
 * @param siteUrl           the Moodle site's wwwroot
 * @param token             the web-service token (never printed)
 * @param otherOriginAllowed whether the admin allowed a site URL whose origin is not the issuer's
 * @param configuredAt      when the admin configured it
 */
public record MoodleSiteConfig(String issuer, String clientId, URI siteUrl, MoodleToken token,
                               boolean otherOriginAllowed, Instant configuredAt) {

    /**
     * @throws IllegalArgumentException if the site URL is not an http(s) site root, or its origin is not the
     *     issuer's and that was not allowed, naming both origins (never the token)
     */
    public MoodleSiteConfig {
        Objects.requireNonNull(issuer, "issuer must not be null");
        Objects.requireNonNull(clientId, "clientId must not be null");
        Objects.requireNonNull(siteUrl, "siteUrl must not be null");
        Objects.requireNonNull(token, "token must not be null");
        Objects.requireNonNull(configuredAt, "configuredAt must not be null");
        // The client builder's checks: an absolute http(s) site root without query, fragment or user info.
        siteUrl = MoodleClient.siteRoot(siteUrl);
        Optional<String> mismatch = originMismatch(issuer, siteUrl);
        if (mismatch.isPresent() && !otherOriginAllowed) {
            throw new IllegalArgumentException(mismatch.get());
        }
    }

    /** The storage id: the registration's. */
    public String id() {
        return idOf(issuer, clientId);
    }

    /** The storage id of a platform's configuration. */
    public static String idOf(String issuer, String clientId) {
        return issuer + " " + clientId;
    }

    /**
     * Why the site URL's origin is not the issuer's, or empty when they are the same.
     */
    public static Optional<String> originMismatch(String issuer, URI siteUrl) {
        Optional<PlatformOrigin> platform = PlatformOrigin.of(issuer);
        Optional<PlatformOrigin> site = PlatformOrigin.of(siteUrl);
        if (platform.isPresent() && platform.equals(site)) {
            return Optional.empty();
        }
        return Optional.of("the Moodle site " + site.map(MoodleSiteConfig::text).orElse(String.valueOf(siteUrl))
                + " is not on the platform's origin " + platform.map(MoodleSiteConfig::text).orElse(issuer)
                + "; the token would go to another server than the platform's (allow it explicitly if that server "
                + "is the same Moodle)");
    }

    private static String text(PlatformOrigin origin) {
        boolean defaultPort = origin.port() == ("https".equals(origin.scheme()) ? 443 : 80);
        return origin.scheme() + "://" + origin.host() + (defaultPort ? "" : ":" + origin.port());
    }

    @Override
    public String toString() {
        return "MoodleSiteConfig[" + issuer + " " + clientId + " -> " + siteUrl + (otherOriginAllowed
                ? ", other origin allowed" : "") + ", configured " + configuredAt + "]";
    }
}
