package fi.kasvu.lms.lti;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bearer-authenticated calls to LTI Advantage services, with one retry on a refused token. */
final class ServiceCalls {

    /** A Link header's next page; Moodle writes the quotes as “ ”. */
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*?rel\\s*=\\s*[\"“”]?next[\"“”]?");

    private ServiceCalls() {
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling " + request.uri(), e);
        }
    }

    static HttpResponse<String> call(HttpClient http, AccessTokens tokens, PlatformRegistration registration,
                                     Set<String> scopes, String method, URI url, String accept, String contentType,
                                     String body) throws IOException, PlatformServiceException {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            String token = tokens.token(registration, scopes);
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token);
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (body != null) {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            response = send(http, request.build());
            if (response.statusCode() != 401) {
                return response;
            }
            tokens.invalidate(registration, scopes);
        }
        return response;
    }

    static Optional<URI> nextPage(HttpResponse<?> response) {
        for (String raw : response.headers().allValues("Link")) {
            // HTTP headers arrive as ISO-8859-1; Moodle's curly quotes are UTF-8 bytes inside them.
            String link = raw.chars().allMatch(c -> c < 256)
                    ? new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : raw;
            Matcher matcher = NEXT.matcher(link);
            if (matcher.find()) {
                return Optional.of(URI.create(matcher.group(1).strip()));
            }
        }
        return Optional.empty();
    }
}
