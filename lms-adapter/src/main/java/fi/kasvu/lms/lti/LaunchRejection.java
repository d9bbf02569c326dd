package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;

/**
 * Why a login or launch was refused: a typed reason with its HTTP status and an explanation for
 * the platform's admin, plus a detail naming the offending value.
 *
 * @param reason what was wrong
 * @param detail which claim or value, e.g. {@code aud [abc] does not contain client_id xyz}
 */
public record LaunchRejection(Reason reason, String detail) {

    /** @throws NullPointerException if a part is null */
    public LaunchRejection {
        Require.nonNull("reason", reason);
        Require.nonNull("detail", detail);
    }

    /** A rejection for this reason with this detail. */
    public static LaunchRejection of(Reason reason, String detail) {
        return new LaunchRejection(reason, detail);
    }

    /** Every way a login initiation or launch can be refused. */
    public enum Reason {
        /** The login initiation lacks a required parameter. */
        LOGIN_PARAMETER_MISSING(400, "The platform's login initiation is missing a required parameter."),
        /** No registration matches the issuer (and client id). */
        UNKNOWN_REGISTRATION(400, "This platform (issuer and client id) is not registered in Kasvu. Register it "
                + "with Dynamic Registration or `kasvu platform add`."),
        /** The registration is pending an admin's approval or disabled. */
        REGISTRATION_INACTIVE(403, "This platform's registration in Kasvu is not active: it waits for an "
                + "administrator's approval (`kasvu platform approve`) or has been disabled."),
        /** The deployment id is not one of the registration's. */
        UNKNOWN_DEPLOYMENT(400, "The deployment id is not registered for this platform. Add it with "
                + "`kasvu platform add … --deployment-id` or register the tool again."),
        /** The launch request carries no id_token. */
        TOKEN_MISSING(400, "The launch carried no id_token."),
        /** The id_token is not a JWT. */
        TOKEN_MALFORMED(400, "The id_token is not a well-formed signed JWT."),
        /** The JWT uses an algorithm other than RS256 (including none and HS256). */
        ALGORITHM_NOT_ALLOWED(400, "The id_token must be signed with RS256; other algorithms (none, HS256, …) "
                + "are refused."),
        /** The JWT header has no kid. */
        KID_MISSING(400, "The id_token header has no key id (kid)."),
        /** No key with that kid in the registration's keyset, even after a refetch. */
        UNKNOWN_KID(400, "No key with the id_token's key id was found in the platform keyset registered for "
                + "this platform. Check the keyset URL of the registration."),
        /** The platform's keyset could not be fetched and no cached copy is usable. */
        PLATFORM_KEYS_UNAVAILABLE(502, "The platform's keyset could not be fetched. Check that the keyset URL "
                + "is reachable from the Kasvu server."),
        /** The signature does not verify with the platform's key. */
        BAD_SIGNATURE(400, "The id_token's signature does not verify with the platform's key."),
        /** The issuer is not the one the login was initiated by. */
        WRONG_ISSUER(400, "The id_token's issuer (iss) is not the platform that started the login."),
        /** The audience does not name this tool's client id. */
        WRONG_AUDIENCE(400, "The id_token's audience (aud/azp) does not name Kasvu's client id."),
        /** A required claim is missing. */
        CLAIM_MISSING(400, "The id_token lacks a claim that LTI 1.3 requires for this message."),
        /** A claim has the wrong type or an impossible value. */
        CLAIM_INVALID(400, "The id_token has a claim with an invalid value."),
        /** The token has expired (beyond the allowed clock skew). */
        TOKEN_EXPIRED(400, "The id_token has expired. Check that the clocks of the platform and Kasvu agree."),
        /** The token was issued in the future (beyond the allowed clock skew). */
        TOKEN_NOT_YET_VALID(400, "The id_token was issued in the future. Check that the clocks of the platform "
                + "and Kasvu agree."),
        /** The nonce was used before: a replayed launch. */
        NONCE_REPLAYED(400, "This launch was already used once (replayed nonce). Start the activity again from "
                + "the platform."),
        /** The nonce is not the one sent at login. */
        NONCE_MISMATCH(400, "The id_token's nonce is not the one Kasvu sent at login."),
        /** The state is unknown, used or expired. */
        STATE_UNKNOWN(400, "The launch's state is unknown or expired. Start the activity again from the "
                + "platform; if it keeps happening, the login and the launch reach different Kasvu databases."),
        /** The state does not match the browser's or the login's. */
        STATE_MISMATCH(400, "The launch's state does not match the login it should answer."),
        /** The LTI version claim is missing. */
        VERSION_MISSING(400, "The id_token has no LTI version claim."),
        /** The LTI version is not 1.3.0. */
        VERSION_UNSUPPORTED(400, "Kasvu supports LTI version 1.3.0 only."),
        /** The JWT carries no LTI claims at all. */
        NOT_AN_LTI_MESSAGE(400, "The JWT is not an LTI message."),
        /** The message type claim is missing. */
        MESSAGE_TYPE_MISSING(400, "The id_token has no message_type claim."),
        /** The message type is not one Kasvu handles. */
        MESSAGE_TYPE_UNSUPPORTED(400, "Kasvu does not handle this LTI message type."),
        /** The platform answered the login with an error instead of an id_token. */
        PLATFORM_ERROR(400, "The platform refused the login.");

        private final int httpStatus;
        private final String explanation;

        Reason(int httpStatus, String explanation) {
            this.httpStatus = httpStatus;
            this.explanation = explanation;
        }

        /** The HTTP status of the error page. */
        public int httpStatus() {
            return httpStatus;
        }

        /** What an admin should know, in English. */
        public String explanation() {
            return explanation;
        }
    }
}
