package fi.kasvu.lms.lti;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Fetches keysets over HTTP with {@link HttpClient}, reading the cache lifetime from Cache-Control. */
public final class HttpJwksFetcher implements JwksFetcher {

    private final HttpClient http;

    /** A fetcher using this client. */
    public HttpJwksFetcher(HttpClient http) {
        this.http = http;
    }

    @Override
    public Fetched fetch(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("keyset " + url + " answered HTTP " + response.statusCode());
        }
        try {
            return new Fetched(JWKSet.parse(response.body()),
                    maxAge(response.headers().firstValue("Cache-Control").orElse(null)));
        } catch (ParseException e) {
            throw new IOException("keyset " + url + " is not a JWK set: " + e.getMessage(), e);
        }
    }

    /** The cache lifetime a Cache-Control header allows: zero for no-store/no-cache, empty if unsaid. */
    static Optional<Duration> maxAge(String cacheControl) {
        if (cacheControl == null || cacheControl.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> result = Optional.empty();
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("no-store") || d.equals("no-cache")) {
                return Optional.of(Duration.ZERO);
            }
            if (d.startsWith("max-age=")) {
                try {
                    long seconds = Long.parseLong(d.substring("max-age=".length()).replace("\"", "").strip());
                    result = Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
                } catch (NumberFormatException e) {
                    // An unreadable max-age counts as none.
                }
            }
        }
        return result;
    }
}
