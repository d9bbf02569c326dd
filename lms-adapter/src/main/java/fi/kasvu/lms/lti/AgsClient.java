package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Assignment and Grade Services: post scores, list, create and update line items. */
public final class AgsClient {

    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final String LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String RESULTS_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";
    private final HttpClient http;
    private final AccessTokens tokens;

    /** A client using this HTTP client and token source. */
    public AgsClient(HttpClient http, AccessTokens tokens) {
        this.http = Require.nonNull("http", http);
        this.tokens = Require.nonNull("tokens", tokens);
    }

    /**
     * Posts a score to a line item ({@code …/lineitem/scores}, keeping the line item's query).
     * Moodle answers 200 with an empty body, and 409 for a score older than the stored one.
     *
     * @throws IOException              if the platform cannot be reached
     * @throws PlatformServiceException if the platform refuses (status and body inside)
     */
    public void postScore(PlatformRegistration registration, URI lineItem, Score score)
            throws IOException, PlatformServiceException {
        URI url = scoresUrl(lineItem);
        HttpResponse<String> response = ServiceCalls.call(http, tokens, registration, Set.of(Ags.SCOPE_SCORE), "POST",
                url, null, SCORE_TYPE, score.toJson());
        if (response.statusCode() / 100 != 2) {
            throw new PlatformServiceException("score post " + url, response.statusCode(), response.body());
        }
    }

    /**
     * Every line item of the course, following {@code Link: rel=next} pages.
     *
     * @throws IOException              if the platform cannot be reached or answers no JSON
     * @throws PlatformServiceException if the platform refuses
     */
    public List<LineItem> lineItems(PlatformRegistration registration, URI lineItems)
            throws IOException, PlatformServiceException {
        List<LineItem> all = new ArrayList<>();
        Optional<URI> page = Optional.of(lineItems);
        int pages = 0;
        while (page.isPresent() && pages++ < 100) {
            HttpResponse<String> response = ServiceCalls.call(http, tokens, registration,
                    Set.of(Ags.SCOPE_LINEITEM_READONLY), "GET", page.get(), CONTAINER_TYPE, null, null);
            if (response.statusCode() != 200) {
                throw new PlatformServiceException("line items " + page.get(), response.statusCode(), response.body());
            }
            JsonStructure json = JsonBodies.parse("line items", response.body());
            if (json instanceof JsonArray array) {
                for (JsonValue value : array) {
                    if (value instanceof JsonObject object) {
                        all.add(LineItem.fromJson(object));
                    }
                }
            }
            page = ServiceCalls.nextPage(response);
        }
        return all;
    }

    /**
     * Creates a line item.
     *
     * @return the created line item with its id
     * @throws IOException              if the platform cannot be reached or answers no JSON
     * @throws PlatformServiceException if the platform refuses
     */
    public LineItem createLineItem(PlatformRegistration registration, URI lineItems, LineItem item)
            throws IOException, PlatformServiceException {
        HttpResponse<String> response = ServiceCalls.call(http, tokens, registration, Set.of(Ags.SCOPE_LINEITEM),
                "POST", lineItems, LINEITEM_TYPE, LINEITEM_TYPE, item.toJson());
        if (response.statusCode() / 100 != 2) {
            throw new PlatformServiceException("line item create " + lineItems, response.statusCode(), response.body());
        }
        return LineItem.fromJson(JsonBodies.object("created line item", response.body()));
    }

    /**
     * Updates a line item at its id.
     *
     * @throws IllegalArgumentException if the item has no id
     * @throws IOException              if the platform cannot be reached or answers no JSON
     * @throws PlatformServiceException if the platform refuses
     */
    public LineItem updateLineItem(PlatformRegistration registration, LineItem item)
            throws IOException, PlatformServiceException {
        URI id = item.id().orElseThrow(() -> new IllegalArgumentException("line item has no id: " + item.label()));
        HttpResponse<String> response = ServiceCalls.call(http, tokens, registration, Set.of(Ags.SCOPE_LINEITEM),
                "PUT", id, LINEITEM_TYPE, LINEITEM_TYPE, item.toJson());
        if (response.statusCode() / 100 != 2) {
            throw new PlatformServiceException("line item update " + id, response.statusCode(), response.body());
        }
        return response.body().isBlank() ? item : LineItem.fromJson(JsonBodies.object("line item", response.body()));
    }

    /**
     * The results of a line item ({@code …/lineitem/results}), every page.
     *
     * @throws IOException              if the platform cannot be reached or answers no JSON
     * @throws PlatformServiceException if the platform refuses
     */
    public List<GradeResult> results(PlatformRegistration registration, URI lineItem)
            throws IOException, PlatformServiceException {
        List<GradeResult> all = new ArrayList<>();
        Optional<URI> page = Optional.of(subresource(lineItem, "results"));
        int pages = 0;
        while (page.isPresent() && pages++ < 100) {
            HttpResponse<String> response = ServiceCalls.call(http, tokens, registration,
                    Set.of(Ags.SCOPE_RESULT_READONLY), "GET", page.get(), RESULTS_TYPE, null, null);
            if (response.statusCode() != 200) {
                throw new PlatformServiceException("results " + page.get(), response.statusCode(), response.body());
            }
            if (JsonBodies.parse("results", response.body()) instanceof JsonArray array) {
                for (JsonValue value : array) {
                    if (value instanceof JsonObject o && JsonBodies.string(o, "userId").isPresent()) {
                        all.add(new GradeResult(JsonBodies.string(o, "userId").get(), JsonBodies.number(o, "resultScore"),
                                JsonBodies.number(o, "resultMaximum"), JsonBodies.string(o, "comment").orElse("")));
                    }
                }
            }
            page = ServiceCalls.nextPage(response);
        }
        return all;
    }

    /** The scores URL of a line item: {@code /scores} appended to the path, before any query. */
    static URI scoresUrl(URI lineItem) {
        return subresource(lineItem, "scores");
    }

    /** A line item's sub-resource: appended to the path, before any query (Moodle keeps {@code ?type_id}). */
    static URI subresource(URI lineItem, String name) {
        String path = lineItem.getRawPath() == null ? "" : lineItem.getRawPath();
        String scores = (path.endsWith("/") ? path + name : path + "/" + name);
        String text = lineItem.getScheme() + "://" + lineItem.getRawAuthority() + scores
                + (lineItem.getRawQuery() == null ? "" : "?" + lineItem.getRawQuery());
        return URI.create(text);
    }
}
