package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import java.util.Locale;

/**
 * One role from a launch, as sent (a LIS v2 URI, a sub-role URI or a deprecated short name) and as
 * understood.
 *
 * @param value the role exactly as the platform sent it
 * @param kind  the principal role it names, {@link Kind#UNKNOWN} for roles Kasvu does not know
 * @param scope whether it is a role in the course, the institution or the system
 */
public record LtiRole(String value, Kind kind, Scope scope) {

    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    /** The principal roles Kasvu tells apart. */
    public enum Kind { LEARNER, INSTRUCTOR, TEACHING_ASSISTANT, CONTENT_DEVELOPER, MENTOR, MANAGER, MEMBER,
        ADMINISTRATOR, GUEST, UNKNOWN }

    /** Where a role applies. */
    public enum Scope { CONTEXT, INSTITUTION, SYSTEM, UNKNOWN }

    /** @throws NullPointerException if a part is null */
    public LtiRole {
        Require.nonNull("role", value);
        Require.nonNull("kind", kind);
        Require.nonNull("scope", scope);
    }

    /** Understands a role value; never fails, an unfamiliar role is {@link Kind#UNKNOWN}. */
    public static LtiRole parse(String value) {
        String v = value.strip();
        if (v.startsWith(LIS)) {
            String rest = v.substring(LIS.length());
            int hash = rest.indexOf('#');
            if (hash < 0) {
                return new LtiRole(value, Kind.UNKNOWN, Scope.UNKNOWN);
            }
            String vocabulary = rest.substring(0, hash);
            String name = rest.substring(hash + 1);
            Scope scope;
            if (vocabulary.equals("membership")) {
                scope = Scope.CONTEXT;
            } else if (vocabulary.startsWith("membership/")) {
                // A sub-role such as membership/Instructor#TeachingAssistant: the fragment is the role.
                scope = Scope.CONTEXT;
            } else if (vocabulary.equals("institution/person")) {
                scope = Scope.INSTITUTION;
            } else if (vocabulary.equals("system/person")) {
                scope = Scope.SYSTEM;
            } else {
                return new LtiRole(value, Kind.UNKNOWN, Scope.UNKNOWN);
            }
            return new LtiRole(value, kindOf(name), scope);
        }
        if (!v.contains(":") && !v.contains("/")) {
            // LTI 1.3 allows the context roles' short names (Moodle's NRPS sends "Instructor").
            return new LtiRole(value, kindOf(v), Scope.CONTEXT);
        }
        return new LtiRole(value, Kind.UNKNOWN, Scope.UNKNOWN);
    }

    private static Kind kindOf(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "learner", "student" -> Kind.LEARNER;
            case "instructor", "faculty" -> Kind.INSTRUCTOR;
            case "teachingassistant" -> Kind.TEACHING_ASSISTANT;
            case "contentdeveloper" -> Kind.CONTENT_DEVELOPER;
            case "mentor" -> Kind.MENTOR;
            case "manager" -> Kind.MANAGER;
            case "member" -> Kind.MEMBER;
            case "administrator", "sysadmin" -> Kind.ADMINISTRATOR;
            case "guest" -> Kind.GUEST;
            default -> Kind.UNKNOWN;
        };
    }

    /** The role's short name ({@code Instructor}), or the whole value for an unknown role. */
    public String shortName() {
        int hash = value.lastIndexOf('#');
        return hash >= 0 ? value.substring(hash + 1) : value;
    }
}
