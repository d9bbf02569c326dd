package fi.kasvu.session;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sign-in sessions live between requests, shared by every server instance. A store keeps
 * only token hashes, so reading the store gives no one a usable session.
 */
public interface Sessions {

    /** Stores the session, replacing one with the same token hash. */
    void put(StoredSession session);

    /** The session with this token hash, if it is open at {@code now}. */
    Optional<StoredSession> find(String tokenHash, Instant now);

    /**
     * The session with this token hash, if it is open at {@code now}, told that the request is
     * about to read the document {@code documentKind}/{@code documentId} of the session's tenant: a
     * store may read that document in the same statement and keep it for the request's own next
     * read of it (issue 19: an autosave is then one read and one conditional write). The hint may
     * come from the browser, so it is only a hint: a store never reads a document of another tenant
     * for it, and what it kept is found only by a read of that very document, in that tenant. The
     * default ignores the hint.
     */
    default Optional<StoredSession> find(String tokenHash, Instant now, String documentKind, String documentId) {
        return find(tokenHash, now);
    }

    /**
     * Ends every session that came from the platform registration ({@code issuer|client id}).
     *
     * @return how many ended
     */
    int revokePlatform(String platform);

    /**
     * Ends every session of the person in any tenant (a platform user id).
     *
     * @return how many ended
     */
    int revokePerson(PersonId person);

    /**
     * Ends the person's other sessions for the same activity in the tenant: a new launch replaces them.
     *
     * @return how many ended
     */
    int revokeOthers(TenantId tenant, PersonId person, String context, String keepTokenHash);

    /**
     * Stores a new session and ends the person's other sessions for the same activity in the
     * tenant ({@link #revokeOthers}); a store may do both in one transaction.
     *
     * @return how many other sessions ended
     */
    default int putReplacingOthers(StoredSession session) {
        put(session);
        return revokeOthers(session.tenant(), session.person(), session.context(), session.tokenHash());
    }

    /** The person's sessions in the tenant, open or not yet purged (for their data export). */
    List<StoredSession> ofPerson(TenantId tenant, PersonId person);

    /**
     * Ends the person's sessions in the tenant (erasure).
     *
     * @return how many ended
     */
    int erase(TenantId tenant, PersonId person);

    /**
     * Removes every session closed at {@code now}.
     *
     * @return how many were removed
     */
    int purgeClosed(Instant now);

    /**
     * Every stored session, open or closed but not yet purged (the score sweeper reads them to find
     * completions whose score was never queued). The stores Kasvu ships list them; the default, for
     * a store written before this method existed, says it cannot.
     *
     * @throws UnsupportedOperationException if the store cannot list its sessions
     */
    default List<StoredSession> all() {
        throw new UnsupportedOperationException("this session store cannot list its sessions: "
                + getClass().getName());
    }

    /** Sessions in this process's memory, for tests and single-instance embedding. */
    static Sessions inMemory() {
        return new InMemorySessions();
    }
}
