package fi.kasvu.lms.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fi.kasvu.common.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the signed Deep Linking 2.0 response (an {@code LtiDeepLinkingResponse} JWT) that the
 * browser posts, as form field {@code JWT}, to the platform's {@code deep_link_return_url}.
 */
public final class DeepLinkingResponse {

    private DeepLinkingResponse() {
    }

    /**
     * The signed response for a deep-linking launch.
     *
     * @param context the deep-linking launch being answered
     * @param items   the activities to create (one unless the platform accepts several)
     * @param key     the tool key to sign with
     * @return the compact JWT
     * @throws IllegalArgumentException if the launch is no deep-linking launch, or several items are
     *                                  returned to a platform that accepts one
     */
    public static String sign(LaunchContext context, List<ContentItem> items, ToolKey key, Clock clock,
                              IdGenerator ids) {
        return sign(DeepLinkTarget.of(context), items, key, clock, ids);
    }

    /**
     * The signed response to a deep-linking launch kept as a {@link DeepLinkTarget}.
     *
     * @return the compact JWT
     * @throws IllegalArgumentException if several items are returned to a platform that accepts one
     */
    public static String sign(DeepLinkTarget context, List<ContentItem> items, ToolKey key, Clock clock,
                              IdGenerator ids) {
        LaunchContext.DeepLinkingSettings settings = context.settings();
        if (items.size() > 1 && !settings.acceptMultiple()) {
            throw new IllegalArgumentException("platform accepts one content item, got: " + items.size());
        }
        List<Map<String, Object>> contentItems = new ArrayList<>();
        for (ContentItem item : items) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "ltiResourceLink");
            json.put("title", item.title());
            if (!item.text().isEmpty()) {
                json.put("text", item.text());
            }
            if (!item.custom().isEmpty()) {
                json.put("custom", new LinkedHashMap<>(item.custom()));
            }
            item.lineItem().ifPresent(line -> {
                Map<String, Object> lineItem = new LinkedHashMap<>();
                lineItem.put("scoreMaximum", line.scoreMaximum());
                lineItem.put("label", line.label());
                if (!line.resourceId().isEmpty()) {
                    lineItem.put("resourceId", line.resourceId());
                }
                if (!line.tag().isEmpty()) {
                    lineItem.put("tag", line.tag());
                }
                json.put("lineItem", lineItem);
            });
            contentItems.add(json);
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(context.clientId())
                .audience(context.issuer())
                // Moodle allows no skew on tool JWTs: backdate iat a little.
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(ids.next())
                .claim("nonce", ids.next())
                .claim("azp", context.clientId())
                .claim(Claims.DEPLOYMENT_ID, context.deploymentId())
                .claim(Claims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
                .claim(Claims.VERSION, Claims.LTI_VERSION)
                .claim(Claims.DL_CONTENT_ITEMS, contentItems);
        settings.data().ifPresent(data -> claims.claim(Claims.DL_DATA, data));
        return signJwt(claims.build(), key);
    }

    static String signJwt(JWTClaimsSet claims, ToolKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key.key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with tool key " + key.kid() + " failed", e);
        }
    }
}
