package fi.kasvu.lms.moodle;

import java.util.Optional;

/**
 * An error Moodle reported itself: a web-service exception (which Moodle sends with HTTP 200), a
 * {@code login/token.php} error, or web services being switched off (HTTP 403 with an empty body).
 *
 * <p>The message names the function, the error code and Moodle's message; it never contains the
 * token or the request body.
 */
public final class MoodleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of error, so that callers need not compare error codes. */
    public enum Kind {
        /** The token is unknown, expired or for another site ({@code invalidtoken}). */
        INVALID_TOKEN,
        /** The function is not in the token's service, or the user lacks a capability ({@code accessexception}, {@code nopermissions}, {@code cannotcreatetoken}). */
        ACCESS_DENIED,
        /** The function does not exist on this Moodle at all (an {@code invalidrecord} on {@code external_functions}). */
        UNKNOWN_FUNCTION,
        /** A parameter was rejected; without debugging Moodle says no more ({@code invalidparameter}, {@code missingparam}). */
        INVALID_PARAMETER,
        /** A record (course, user, group) does not exist ({@code invalidrecord}, {@code invalidcourseid}, {@code invaliduser}). */
        MISSING_RECORD,
        /** A group or grouping with this idnumber already exists ({@code idnumbertaken}). */
        IDNUMBER_TAKEN,
        /** Wrong username or password at {@code login/token.php} ({@code invalidlogin}). */
        INVALID_LOGIN,
        /** The named external service does not exist or is disabled ({@code servicenotavailable}). */
        SERVICE_NOT_AVAILABLE,
        /** Web services or the REST protocol are switched off on the site (HTTP 403, empty body). */
        WEB_SERVICES_DISABLED,
        /** Any other Moodle error; see {@link #errorCode()}. */
        OTHER
    }

    private final Kind kind;
    private final String function;
    private final String errorCode;
    private final String moodleMessage;
    private final String debugInfo;
    private final String exceptionClass;

    /**
     * An error Moodle reported.
     *
     * @param function the web-service function or endpoint called
     * @param exceptionClass Moodle's PHP exception class, or "" when the shape has none
     * @param errorCode Moodle's error code
     * @param moodleMessage Moodle's human-readable message
     * @param debugInfo the detail Moodle adds only with debugging on, or null
     */
    public MoodleException(String function, String exceptionClass, String errorCode, String moodleMessage,
            String debugInfo) {
        super(function + ": " + errorCode + " (" + moodleMessage + ")"
                + (debugInfo == null || debugInfo.isBlank() ? "" : ": " + abbreviate(debugInfo)));
        this.function = function;
        this.exceptionClass = exceptionClass == null ? "" : exceptionClass;
        this.errorCode = errorCode == null ? "" : errorCode;
        this.moodleMessage = moodleMessage == null ? "" : moodleMessage;
        this.debugInfo = debugInfo;
        this.kind = kindOf(this.errorCode, this.moodleMessage);
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    private static Kind kindOf(String errorCode, String message) {
        return switch (errorCode) {
            case "invalidtoken" -> Kind.INVALID_TOKEN;
            case "accessexception", "nopermissions", "cannotcreatetoken", "usernotallowed" -> Kind.ACCESS_DENIED;
            case "invalidparameter", "missingparam" -> Kind.INVALID_PARAMETER;
            case "invalidrecord" -> message.contains("external_functions") ? Kind.UNKNOWN_FUNCTION : Kind.MISSING_RECORD;
            case "invalidcourseid", "invaliduser", "invalidrecordunknown" -> Kind.MISSING_RECORD;
            case "idnumbertaken" -> Kind.IDNUMBER_TAKEN;
            case "invalidlogin" -> Kind.INVALID_LOGIN;
            case "servicenotavailable" -> Kind.SERVICE_NOT_AVAILABLE;
            case "webservicesdisabled" -> Kind.WEB_SERVICES_DISABLED;
            default -> Kind.OTHER;
        };
    }

    /** Web services switched off: Moodle answers HTTP 403 with an empty body. */
    static MoodleException webServicesDisabled(String function) {
        return new MoodleException(function, "", "webservicesdisabled",
                "HTTP 403 with an empty body: web services or the REST protocol are disabled on this Moodle", null);
    }

    /** The kind of error. */
    public Kind kind() {
        return kind;
    }

    /** The web-service function (or {@code login/token.php}) that failed. */
    public String function() {
        return function;
    }

    /** Moodle's error code, such as {@code invalidparameter}. */
    public String errorCode() {
        return errorCode;
    }

    /** Moodle's message, such as "Invalid parameter value detected". */
    public String moodleMessage() {
        return moodleMessage;
    }

    /** The detail Moodle sends only when the site has debugging on. */
    public Optional<String> debugInfo() {
        return Optional.ofNullable(debugInfo);
    }

    /** Moodle's PHP exception class (may carry a namespace), or "" for {@code login/token.php} errors. */
    public String exceptionClass() {
        return exceptionClass;
    }
}
