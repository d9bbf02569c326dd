package fi.kasvu.lms.lti;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a verified launch tells Kasvu: whose tenant, which course and activity, who the user
 * is and in which roles, the language, custom parameters and the Advantage service endpoints.
 *
 * @param tenant        the platform and deployment the launch belongs to
 * @param issuer        the platform's issuer
 * @param clientId      the tool's client id on that platform
 * @param deploymentId  the deployment id
 * @param messageType   what kind of launch this is
 * @param targetLinkUri where the platform meant the launch to go
 * @param user          the user (only the subject is certain; names and email are optional)
 * @param roles         the roles, possibly empty, in the order sent
 * @param course        the course (LTI context), if sent
 * @param resourceLink  the activity, for resource-link launches
 * @param language      the user's language (from the launch locale; English if unknown)
 * @param locale        the locale as sent, or empty
 * @param custom        custom parameters as sent (Moodle sends each key twice: original and lowercased)
 * @param ags           Assignment and Grade Services endpoints and scopes, if offered
 * @param nrps          Names and Role Provisioning endpoint, if offered
 * @param deepLinking   the deep-linking settings, for deep-linking launches
 * @param returnUrl     where to send the user back to in the platform, if given
 * @param documentTarget how the platform shows the tool ({@code iframe}, {@code window}), or empty
 */
public record LaunchContext(TenantId tenant, String issuer, String clientId, String deploymentId,
                            MessageType messageType, String targetLinkUri, User user, List<LtiRole> roles,
                            Optional<Course> course, Optional<ResourceLink> resourceLink, Language language,
                            String locale, Map<String, String> custom, Optional<AgsEndpoint> ags,
                            Optional<NrpsEndpoint> nrps, Optional<DeepLinkingSettings> deepLinking,
                            Optional<String> returnUrl, String documentTarget) {

    /** @throws NullPointerException if a part is null */
    public LaunchContext {
        Require.nonNull("tenant", tenant);
        Require.nonNull("issuer", issuer);
        Require.nonNull("clientId", clientId);
        Require.nonNull("deploymentId", deploymentId);
        Require.nonNull("messageType", messageType);
        Require.nonNull("targetLinkUri", targetLinkUri);
        Require.nonNull("user", user);
        roles = List.copyOf(roles);
        Require.nonNull("course", course);
        Require.nonNull("resourceLink", resourceLink);
        Require.nonNull("language", language);
        Require.nonNull("locale", locale);
        custom = Map.copyOf(custom);
        Require.nonNull("ags", ags);
        Require.nonNull("nrps", nrps);
        Require.nonNull("deepLinking", deepLinking);
        Require.nonNull("returnUrl", returnUrl);
        Require.nonNull("documentTarget", documentTarget);
    }

    /** Whether any role makes the user a teacher here (instructor, teaching assistant, administrator). */
    public boolean isInstructor() {
        return roles.stream().anyMatch(r -> r.kind() == LtiRole.Kind.INSTRUCTOR
                || r.kind() == LtiRole.Kind.TEACHING_ASSISTANT
                || (r.kind() == LtiRole.Kind.ADMINISTRATOR));
    }

    /** Whether any role makes the user a learner here. */
    public boolean isLearner() {
        return roles.stream().anyMatch(r -> r.kind() == LtiRole.Kind.LEARNER);
    }

    /**
     * The user: the subject is the platform's stable id; names and email appear only if the
     * platform shares them.
     *
     * @param subject    the {@code sub} claim (Moodle: the user id)
     * @param name       the full name, if shared
     * @param givenName  the given name, if shared
     * @param familyName the family name, if shared
     * @param email      the email address, if shared
     */
    public record User(String subject, Optional<String> name, Optional<String> givenName,
                       Optional<String> familyName, Optional<String> email) {
        /** @throws IllegalArgumentException if the subject is blank */
        public User {
            LtiIds.require("sub", subject);
            Require.nonNull("name", name);
            Require.nonNull("givenName", givenName);
            Require.nonNull("familyName", familyName);
            Require.nonNull("email", email);
        }

        /** A name to greet the user by: the full name, the given name, or nothing. */
        public Optional<String> displayName() {
            return name.or(() -> givenName);
        }
    }

    /**
     * The course the launch comes from (the LTI context).
     *
     * @param id    the platform's context id (Moodle: course id)
     * @param label the short name, or empty
     * @param title the full name, or empty
     */
    public record Course(String id, String label, String title) {
        /** @throws IllegalArgumentException if the id is blank */
        public Course {
            LtiIds.require("context.id", id);
            label = label == null ? "" : label;
            title = title == null ? "" : title;
        }
    }

    /**
     * The activity being launched.
     *
     * @param id          the platform's resource link id
     * @param title       the activity's title, or empty
     * @param description the activity's description, or empty
     */
    public record ResourceLink(String id, String title, String description) {
        /** @throws IllegalArgumentException if the id is blank */
        public ResourceLink {
            LtiIds.require("resource_link.id", id);
            title = title == null ? "" : title;
            description = description == null ? "" : description;
        }
    }

    /**
     * Assignment and Grade Services for this launch.
     *
     * @param lineItems the course's line items URL, if given
     * @param lineItem  this activity's line item URL, if the platform coupled exactly one
     * @param scopes    the scopes the platform grants
     */
    public record AgsEndpoint(Optional<URI> lineItems, Optional<URI> lineItem, List<String> scopes) {
        /** @throws NullPointerException if a part is null */
        public AgsEndpoint {
            Require.nonNull("lineitems", lineItems);
            Require.nonNull("lineitem", lineItem);
            scopes = List.copyOf(scopes);
        }

        /** Whether scores may be posted. */
        public boolean canPostScores() {
            return scopes.contains(Ags.SCOPE_SCORE);
        }
    }

    /**
     * Names and Role Provisioning for this launch.
     *
     * @param membershipsUrl the course's memberships URL
     * @param versions       the service versions offered
     */
    public record NrpsEndpoint(URI membershipsUrl, List<String> versions) {
        /** @throws NullPointerException if the URL is null */
        public NrpsEndpoint {
            Require.nonNull("context_memberships_url", membershipsUrl);
            versions = List.copyOf(versions);
        }
    }

    /**
     * What the platform accepts back from a deep-linking launch.
     *
     * @param returnUrl      where the response JWT is posted
     * @param acceptTypes    content item types accepted (Moodle: only {@code ltiResourceLink})
     * @param acceptMultiple whether several items may be returned
     * @param data           opaque data to echo back, or empty
     * @param title          a default title, or empty
     * @param text           a default text, or empty
     */
    public record DeepLinkingSettings(URI returnUrl, List<String> acceptTypes, boolean acceptMultiple,
                                      Optional<String> data, String title, String text) {
        /** @throws NullPointerException if the return URL is null */
        public DeepLinkingSettings {
            Require.nonNull("deep_link_return_url", returnUrl);
            acceptTypes = List.copyOf(acceptTypes);
            Require.nonNull("data", data);
            title = title == null ? "" : title;
            text = text == null ? "" : text;
        }
    }
}
