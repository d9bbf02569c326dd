package fi.kasvu.lms.lti;

/**
 * The {@code Set-Cookie} value for a cookie the tool sets while it runs inside the platform's
 * iframe: over https it is Secure, SameSite=None and Partitioned (CHIPS), so browsers that block
 * third-party cookies still keep it per platform; over plain http (development) it is SameSite=Lax.
 */
public final class CrossSiteCookie {

    private CrossSiteCookie() {
    }

    /**
     * The header value {@code name=value; Path=…; Max-Age=…; HttpOnly} plus the cross-site attributes.
     *
     * @param secure whether the tool is served over https; a max-age of 0 deletes the cookie, and
     *               deleting a partitioned cookie needs the same attributes, so pass the same value
     */
    public static String header(String name, String value, String path, long maxAgeSeconds, boolean secure) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly"
                + (secure ? "; Secure; SameSite=None; Partitioned" : "; SameSite=Lax");
    }
}
