package fi.kasvu.session;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.time.Instant;

/**
 * One sign-in session as a store keeps it: never the token itself, only its hash, with what is
 * needed to end it (its platform, person and activity) and an opaque payload the web layer reads.
 *
 * @param tokenHash the SHA-256 of the session token, hex (64 characters)
 * @param tenant    the platform and deployment the person signed in through
 * @param person    the person (their platform user id)
 * @param platform  the platform registration the session came from ({@code issuer|client id})
 * @param context   the activity the session was opened for ("" for none, such as a picker)
 * @param payload   what the web layer keeps of the launch (at most {@value #MAX_PAYLOAD} characters)
 * @param createdAt when the session started
 * @param idleUntil when it ends unless used again
 * @param endsAt    when it ends however much it is used (the absolute lifetime)
 */
public record StoredSession(String tokenHash, TenantId tenant, PersonId person, String platform, String context,
                            String payload, Instant createdAt, Instant idleUntil, Instant endsAt) {

    /** The largest payload kept. */
    public static final int MAX_PAYLOAD = 20_000;

    /**
     * @throws IllegalArgumentException naming the field if the hash is not 64 hex digits, the
     *                                  payload too long, or the idle end after the absolute end
     * @throws NullPointerException     naming the field if a part is null
     */
    public StoredSession {
        Require.nonNull("tokenHash", tokenHash);
        if (!isHash(tokenHash)) {
            throw new IllegalArgumentException("tokenHash must be 64 lowercase hex digits: " + tokenHash.length()
                    + " characters");
        }
        Require.nonNull("tenant", tenant);
        Require.nonNull("person", person);
        Require.maxLength("platform", Require.nonNull("platform", platform), 1000);
        Require.maxLength("context", Require.nonNull("context", context), Require.MAX_ID);
        Require.maxLength("payload", Require.nonNull("payload", payload), MAX_PAYLOAD);
        Require.nonNull("createdAt", createdAt);
        Require.nonNull("idleUntil", idleUntil);
        Require.nonNull("endsAt", endsAt);
        if (idleUntil.isAfter(endsAt)) {
            throw new IllegalArgumentException("idleUntil must not be after endsAt: " + idleUntil + " > " + endsAt);
        }
    }

    /** Whether the session is still open at the instant. */
    public boolean openAt(Instant now) {
        return now.isBefore(idleUntil) && now.isBefore(endsAt);
    }

    /** This session used at {@code now}: its idle end moves on by {@code idle}, never past its absolute end. */
    public StoredSession usedAt(Instant now, java.time.Duration idle) {
        Instant next = now.plus(idle);
        return new StoredSession(tokenHash, tenant, person, platform, context, payload, createdAt,
                next.isAfter(endsAt) ? endsAt : next, endsAt);
    }

    /** This session with another payload (a changed language, a bound document). */
    public StoredSession withPayload(String newPayload) {
        return new StoredSession(tokenHash, tenant, person, platform, context, newPayload, createdAt, idleUntil, endsAt);
    }

    /**
     * Whether the text is 64 lowercase hex digits: {@code matches("[0-9a-f]{64}")} without
     * compiling the pattern on every session read and write (issue 19).
     */
    static boolean isHash(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
