package fi.kasvu.lms.pages;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * What the pages remember of one verified launch, kept server-side under a random token: who,
 * where, in which role and language, the activity's settings and the services to call back.
 *
 * @param token          the random session token carried in the page URLs
 * @param csrf           the random token every form and autosave must echo
 * @param view           which page the launch opened
 * @param tenant         the platform and deployment
 * @param issuer         the platform's issuer
 * @param clientId       the tool's client id there
 * @param deploymentId   the deployment id
 * @param subject        the user's stable id on the platform
 * @param displayName    the user's name as the platform sent it ("" if not sent)
 * @param platformOrigin the platform's origin ({@code https://moodle.example.org}), the only allowed frame ancestor
 * @param contextId      the activity's context for stored conversations ("" for the picker)
 * @param courseTitle    the course's title ("" if not sent)
 * @param activity       the activity's settings
 * @param language       the page language
 * @param lineItem       the AGS line item URL ("" if the activity is not graded or the platform offers none)
 * @param membershipsUrl the NRPS memberships URL ("" if not offered)
 * @param returnUrl      where the user goes back to in the platform ("" if not given), or for the picker the deep-link return URL
 * @param deepLinkData   the opaque deep-linking data to echo ("" if none)
 * @param conversationId the learner's conversation ("" until started)
 */
public record PageSession(String token, String csrf, View view, TenantId tenant, String issuer, String clientId,
                          String deploymentId, String subject, String displayName, String platformOrigin,
                          String contextId, String courseTitle, ActivitySettings activity, Language language,
                          String lineItem, String membershipsUrl, String returnUrl, String deepLinkData,
                          String conversationId) {

    /** Which page a launch opens. */
    public enum View {
        /** A learner's GROW exercise. */
        EXERCISE,
        /** A teacher's progress view of the activity. */
        PROGRESS,
        /** A teacher's activity picker (deep linking). */
        PICKER
    }

    /** @throws NullPointerException naming the part if one is null */
    public PageSession {
        Require.id("token", token);
        Require.id("csrf", csrf);
        Require.nonNull("view", view);
        Require.nonNull("tenant", tenant);
        Require.nonNull("issuer", issuer);
        Require.nonNull("clientId", clientId);
        Require.nonNull("deploymentId", deploymentId);
        fi.kasvu.lms.lti.LtiIds.require("subject", subject);
        Require.nonNull("displayName", displayName);
        Require.nonNull("platformOrigin", platformOrigin);
        Require.nonNull("contextId", contextId);
        Require.nonNull("courseTitle", courseTitle);
        Require.nonNull("activity", activity);
        Require.nonNull("language", language);
        Require.nonNull("lineItem", lineItem);
        Require.nonNull("membershipsUrl", membershipsUrl);
        Require.nonNull("returnUrl", returnUrl);
        Require.nonNull("deepLinkData", deepLinkData);
        Require.nonNull("conversationId", conversationId);
    }

    /** The user as a person of the tenant. */
    public PersonId person() {
        return fi.kasvu.lms.lti.LtiIds.person(subject);
    }

    /** This session in another language. */
    public PageSession withLanguage(Language newLanguage) {
        return new PageSession(token, csrf, view, tenant, issuer, clientId, deploymentId, subject, displayName,
                platformOrigin, contextId, courseTitle, activity, newLanguage, lineItem, membershipsUrl, returnUrl,
                deepLinkData, conversationId);
    }

    /** This session bound to the learner's conversation. */
    public PageSession withConversation(String id) {
        return new PageSession(token, csrf, view, tenant, issuer, clientId, deploymentId, subject, displayName,
                platformOrigin, contextId, courseTitle, activity, language, lineItem, membershipsUrl, returnUrl,
                deepLinkData, id);
    }

    /** The session as JSON, for the session store. */
    String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("token", token).add("csrf", csrf).add("view", view.name()).add("tenant", tenant.value())
                .add("issuer", issuer).add("clientId", clientId).add("deploymentId", deploymentId)
                .add("subject", subject).add("displayName", displayName).add("platformOrigin", platformOrigin)
                .add("contextId", contextId).add("courseTitle", courseTitle)
                .add("template", activity.templateId()).add("title", activity.title())
                .add("minimumOptions", activity.minimumOptions())
                .add("activityLanguage", activity.language().map(Language::code).orElse(""))
                .add("graded", activity.graded()).add("language", language.code()).add("lineItem", lineItem)
                .add("membershipsUrl", membershipsUrl).add("returnUrl", returnUrl)
                .add("deepLinkData", deepLinkData).add("conversationId", conversationId);
        return b.build().toString();
    }

    /**
     * The session a stored JSON text holds.
     *
     * @throws RuntimeException if the text is not a stored session
     */
    static PageSession fromJson(String text) {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(text))) {
            o = reader.readObject();
        }
        String activityLanguage = o.getString("activityLanguage");
        ActivitySettings activity = new ActivitySettings(o.getString("template"), o.getString("title"),
                o.getInt("minimumOptions"),
                activityLanguage.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Language.ofCode(activityLanguage)),
                o.getBoolean("graded"));
        return new PageSession(o.getString("token"), o.getString("csrf"), View.valueOf(o.getString("view")),
                TenantId.of(o.getString("tenant")), o.getString("issuer"), o.getString("clientId"),
                o.getString("deploymentId"), o.getString("subject"), o.getString("displayName"),
                o.getString("platformOrigin"), o.getString("contextId"), o.getString("courseTitle"), activity,
                Language.ofCode(o.getString("language")), o.getString("lineItem"), o.getString("membershipsUrl"),
                o.getString("returnUrl"), o.getString("deepLinkData"), o.getString("conversationId"));
    }
}
