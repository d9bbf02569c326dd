package fi.kasvu.lms.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin of a platform URL: scheme, host and port, exactly. A URL with user info
 * ({@code http://real@attacker/}) or without a proper host has no origin, so that a look-alike
 * cannot pass for the real platform; a suffix host ({@code moodle.example.org.attacker.tld}) is a
 * different origin.
 *
 * @param scheme {@code http} or {@code https}
 * @param host   the host, lowercase
 * @param port   the port, the scheme's default filled in
 */
public record PlatformOrigin(String scheme, String host, int port) {

    /** The origin of a URL, or empty if it is not an absolute http(s) URL with a host and no user info. */
    public static Optional<PlatformOrigin> of(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque() || url.getRawUserInfo() != null
                || url.getHost() == null || url.getHost().isEmpty()
                || (url.getRawAuthority() != null && url.getRawAuthority().contains("@"))) {
            return Optional.empty();
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.empty();
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(new PlatformOrigin(scheme, url.getHost().toLowerCase(Locale.ROOT), port));
    }

    /** The origin of a URL given as text, or empty if it does not parse or has no origin. */
    public static Optional<PlatformOrigin> of(String url) {
        if (url == null || url.isBlank() || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            return of(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether the URL has exactly this origin. */
    public boolean owns(URI url) {
        return of(url).filter(this::equals).isPresent();
    }
}
