package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Optional;

/**
 * A grade column in the platform (AGS line item).
 *
 * @param id             its URL, empty before it is created
 * @param label          the column's label
 * @param scoreMaximum   the maximum score
 * @param resourceId     the tool's id for it, or empty
 * @param tag            a tag, or empty
 * @param resourceLinkId the activity it belongs to, or empty
 */
public record LineItem(Optional<URI> id, String label, double scoreMaximum, String resourceId, String tag,
                       String resourceLinkId) {

    /** @throws IllegalArgumentException if the label is blank or the maximum not positive */
    public LineItem {
        Require.nonNull("id", id);
        Require.nonBlank("label", label);
        if (!(scoreMaximum > 0)) {
            throw new IllegalArgumentException("scoreMaximum must be positive: " + scoreMaximum);
        }
        resourceId = resourceId == null ? "" : resourceId;
        tag = tag == null ? "" : tag;
        resourceLinkId = resourceLinkId == null ? "" : resourceLinkId;
    }

    String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        id.ifPresent(u -> json.add("id", u.toString()));
        json.add("label", label).add("scoreMaximum", scoreMaximum);
        if (!resourceId.isEmpty()) {
            json.add("resourceId", resourceId);
        }
        if (!tag.isEmpty()) {
            json.add("tag", tag);
        }
        if (!resourceLinkId.isEmpty()) {
            json.add("resourceLinkId", resourceLinkId);
        }
        return json.build().toString();
    }

    static LineItem fromJson(JsonObject json) {
        return new LineItem(JsonBodies.string(json, "id").map(URI::create), JsonBodies.string(json, "label").orElse("?"),
                JsonBodies.number(json, "scoreMaximum").orElse(100.0), JsonBodies.string(json, "resourceId").orElse(""),
                JsonBodies.string(json, "tag").orElse(""), JsonBodies.string(json, "resourceLinkId").orElse(""));
    }
}
