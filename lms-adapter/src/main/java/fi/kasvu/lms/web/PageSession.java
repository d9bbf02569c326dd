package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;

/**
 * What the pages remember of one verified launch, kept server-side (under a hash of its token):
 * who, where, in which role and language, the placed activity, its document, and the services to
 * call back.
 *
 * @param token          the random session token carried in the page URLs (never stored)
 * @param csrf           the random token every form and autosave must echo
 * @param role           whose pages the launch opened
 * @param tenant         the platform and deployment
 * @param issuer         the platform's issuer
 * @param clientId       the tool's client id there
 * @param deploymentId   the deployment id
 * @param subject        the user's stable id on the platform
 * @param displayName    the user's name as the platform sent it ("" if not sent)
 * @param platformOrigin the platform's origin ({@code https://moodle.example.org}), the only allowed frame ancestor
 * @param contextId      the activity's context for stored documents ("" for the picker)
 * @param courseTitle    the course's title ("" if not sent)
 * @param placement      the placed activity (kind "" for the picker)
 * @param language       the page language
 * @param lineItem       the AGS line item URL ("" if the activity is not graded or the platform offers none)
 * @param membershipsUrl the NRPS memberships URL ("" if not offered)
 * @param returnUrl      where the user goes back to in the platform ("" if not given), or for the picker the deep-link return URL
 * @param deepLinkData   the opaque deep-linking data to echo ("" if none)
 * @param documentId     the learner's document in the activity ("" until entered)
 * @param courseId       the platform's course: the LTI context id, which is the course id on Moodle
 *                       ("" if the launch named no context); what {@link CourseServices} works on
 */
public record PageSession(String token, String csrf, Role role, TenantId tenant, String issuer, String clientId,
                          String deploymentId, String subject, String displayName, String platformOrigin,
                          String contextId, String courseTitle, Placement placement, Language language,
                          String lineItem, String membershipsUrl, String returnUrl, String deepLinkData,
                          String documentId, String courseId) {

    /** Whose pages a launch opens. */
    public enum Role {
        /** A learner's own (or their team's) work in the activity. */
        LEARNER,
        /** A teacher's or organiser's pages of the activity: progress and management. */
        ORGANISER,
        /** A teacher placing an activity (deep linking). */
        PICKER
    }

    /** @throws NullPointerException naming the part if one is null */
    public PageSession {
        Require.id("token", token);
        Require.id("csrf", csrf);
        Require.nonNull("role", role);
        Require.nonNull("tenant", tenant);
        Require.nonNull("issuer", issuer);
        Require.nonNull("clientId", clientId);
        Require.nonNull("deploymentId", deploymentId);
        fi.kasvu.lms.lti.LtiIds.require("subject", subject);
        Require.nonNull("displayName", displayName);
        Require.nonNull("platformOrigin", platformOrigin);
        Require.nonNull("contextId", contextId);
        Require.nonNull("courseTitle", courseTitle);
        Require.nonNull("placement", placement);
        Require.nonNull("language", language);
        Require.nonNull("lineItem", lineItem);
        Require.nonNull("membershipsUrl", membershipsUrl);
        Require.nonNull("returnUrl", returnUrl);
        Require.nonNull("deepLinkData", deepLinkData);
        Require.nonNull("documentId", documentId);
        Require.nonNull("courseId", courseId);
    }

    /** A session of a launch that named no course. */
    public PageSession(String token, String csrf, Role role, TenantId tenant, String issuer, String clientId,
                       String deploymentId, String subject, String displayName, String platformOrigin,
                       String contextId, String courseTitle, Placement placement, Language language,
                       String lineItem, String membershipsUrl, String returnUrl, String deepLinkData,
                       String documentId) {
        this(token, csrf, role, tenant, issuer, clientId, deploymentId, subject, displayName, platformOrigin,
                contextId, courseTitle, placement, language, lineItem, membershipsUrl, returnUrl, deepLinkData,
                documentId, "");
    }

    /** This session in the platform's course {@code id}. */
    public PageSession withCourse(String id) {
        return new PageSession(token, csrf, role, tenant, issuer, clientId, deploymentId, subject, displayName,
                platformOrigin, contextId, courseTitle, placement, language, lineItem, membershipsUrl, returnUrl,
                deepLinkData, documentId, id);
    }

    /** The user as a person of the tenant. */
    public PersonId person() {
        return fi.kasvu.lms.lti.LtiIds.person(subject);
    }

    /** The placed activity's kind ("" for the picker). */
    public String kind() {
        return placement.kind();
    }

    /** The platform registration the session came from, as sessions are revoked by it: {@code issuer|client id}. */
    public String platform() {
        return issuer + "|" + clientId;
    }

    /** This session in another language. */
    public PageSession withLanguage(Language newLanguage) {
        return new PageSession(token, csrf, role, tenant, issuer, clientId, deploymentId, subject, displayName,
                platformOrigin, contextId, courseTitle, placement, newLanguage, lineItem, membershipsUrl, returnUrl,
                deepLinkData, documentId, courseId);
    }

    /** This session bound to the learner's document. */
    public PageSession withDocument(String id) {
        return new PageSession(token, csrf, role, tenant, issuer, clientId, deploymentId, subject, displayName,
                platformOrigin, contextId, courseTitle, placement, language, lineItem, membershipsUrl, returnUrl,
                deepLinkData, id, courseId);
    }
}
