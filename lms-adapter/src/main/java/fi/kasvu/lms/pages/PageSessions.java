package fi.kasvu.lms.pages;

import fi.kasvu.common.Require;
import fi.kasvu.store.jdbc.ExpiringValues;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where page sessions live between requests: in the database, so any server instance can serve any page. */
public interface PageSessions {

    /** Stores (or replaces) a session until the instant. */
    void put(PageSession session, Instant expiresAt);

    /** The session of a token, if it exists and has not expired. */
    Optional<PageSession> find(String token, Instant now);

    /**
     * Sessions in the shared expiring-values table of store-jdbc.
     *
     * @throws NullPointerException if the store is null
     */
    static PageSessions over(ExpiringValues values) {
        Require.nonNull("values", values);
        String namespace = "pages.session";
        return new PageSessions() {
            @Override
            public void put(PageSession session, Instant expiresAt) {
                values.put(namespace, session.token(), session.toJson(), expiresAt);
            }

            @Override
            public Optional<PageSession> find(String token, Instant now) {
                if (token == null || token.isBlank() || token.length() > 100) {
                    return Optional.empty();
                }
                return values.get(namespace, token, now).map(PageSession::fromJson);
            }
        };
    }

    /** Sessions in this process's memory, for tests and single-instance demos. */
    static PageSessions inMemory() {
        Map<String, Map.Entry<String, Instant>> map = new ConcurrentHashMap<>();
        return new PageSessions() {
            @Override
            public void put(PageSession session, Instant expiresAt) {
                map.put(session.token(), Map.entry(session.toJson(), expiresAt));
            }

            @Override
            public Optional<PageSession> find(String token, Instant now) {
                Map.Entry<String, Instant> entry = token == null ? null : map.get(token);
                if (entry == null || !entry.getValue().isAfter(now)) {
                    return Optional.empty();
                }
                return Optional.of(PageSession.fromJson(entry.getKey()));
            }
        };
    }
}
