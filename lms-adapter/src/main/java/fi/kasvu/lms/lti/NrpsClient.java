package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Names and Role Provisioning: the course roster, every page. */
public final class NrpsClient {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NrpsClient.class);

    static final String MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private final HttpClient http;
    private final AccessTokens tokens;

    /** A client using this HTTP client and token source. */
    public NrpsClient(HttpClient http, AccessTokens tokens) {
        this.http = Require.nonNull("http", http);
        this.tokens = Require.nonNull("tokens", tokens);
    }

    /**
     * Every member of the course, following {@code Link: rel=next} (also with Moodle's curly quotes).
     *
     * @throws IOException              if the platform cannot be reached or answers no JSON
     * @throws PlatformServiceException if the platform refuses
     */
    public List<RosterMember> roster(PlatformRegistration registration, URI membershipsUrl)
            throws IOException, PlatformServiceException {
        List<RosterMember> members = new ArrayList<>();
        int skipped = 0;
        Optional<URI> page = Optional.of(membershipsUrl);
        int pages = 0;
        while (page.isPresent() && pages++ < 1000) {
            HttpResponse<String> response = ServiceCalls.call(http, tokens, registration, Set.of(Ags.SCOPE_NRPS), "GET",
                    page.get(), MEMBERSHIP_TYPE, null, null);
            if (response.statusCode() != 200) {
                throw new PlatformServiceException("memberships " + page.get(), response.statusCode(), response.body());
            }
            JsonObject json = JsonBodies.object("memberships", response.body());
            for (JsonValue value : JsonBodies.array(json, "members")) {
                if (!(value instanceof JsonObject member) || JsonBodies.string(member, "user_id")
                        .flatMap(id -> LtiIds.problem("user_id", id)).isPresent()
                        || JsonBodies.string(member, "user_id").isEmpty()) {
                    // One odd member (a 300-character or control-character id) must not hide the others.
                    skipped++;
                    continue;
                }
                {
                    List<LtiRole> roles = new ArrayList<>();
                    for (JsonValue role : JsonBodies.array(member, "roles")) {
                        if (role.getValueType() == JsonValue.ValueType.STRING) {
                            roles.add(LtiRole.parse(((jakarta.json.JsonString) role).getString()));
                        }
                    }
                    members.add(new RosterMember(JsonBodies.string(member, "user_id").get(), roles,
                            !"Inactive".equalsIgnoreCase(JsonBodies.string(member, "status").orElse("Active")),
                            clean(member, "name"), clean(member, "given_name"), clean(member, "family_name"),
                            clean(member, "email")));
                }
            }
            page = ServiceCalls.nextPage(response);
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} roster members without a valid user_id (blank, over {} characters or with control "
                    + "characters) in a roster of {} members", skipped, LtiIds.MAX, members.size() + skipped);
        }
        return members;
    }

    private static Optional<String> clean(JsonObject member, String key) {
        return JsonBodies.string(member, key).map(LtiIds::displayText);
    }
}
