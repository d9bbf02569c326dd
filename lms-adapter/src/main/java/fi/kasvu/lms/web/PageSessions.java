package fi.kasvu.lms.web;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.session.Sessions;
import fi.kasvu.session.StoredSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Page sessions over core's {@link Sessions} port: the store gets a SHA-256 of each token, never
 * the token; a session ends after {@code idle} without a change and after {@code absolute}
 * however busy it is.
 */
final class PageSessions {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call (a ServiceLoader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How long before its idle end a used session is extended: fewer writes on busy pages. */
    private static final Duration EXTEND_MARGIN = Duration.ofMinutes(5);

    private final Sessions sessions;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    PageSessions(Sessions sessions, Clock clock, Duration idle, Duration absolute) {
        this.sessions = Require.nonNull("sessions", sessions);
        this.clock = Require.nonNull("clock", clock);
        this.idle = Require.nonNull("idle", idle);
        this.absolute = Require.nonNull("absolute", absolute);
        if (idle.compareTo(absolute) > 0) {
            throw new IllegalArgumentException("idle lifetime must not exceed the absolute one: " + idle + " > " + absolute);
        }
    }

    /** Stores a new session. */
    void start(PageSession session) {
        sessions.put(stored(session));
    }

    /** Stores a new session and ends the person's older sessions of the same activity, in one transaction. */
    int startReplacingOlder(PageSession session) {
        return sessions.putReplacingOthers(stored(session));
    }

    private StoredSession stored(PageSession session) {
        Instant now = clock.instant();
        return new StoredSession(hash(session.token()), session.tenant(), session.person(), session.platform(),
                session.contextId(), payload(session), now, now.plus(idle), now.plus(absolute));
    }

    /** The open session of a token. */
    Optional<Found> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return sessions.find(hash(token), clock.instant()).map(stored -> new Found(read(token, stored), stored));
    }

    /**
     * The open session of a token, read with the document the request names ({@code kind:id}, see
     * {@link Sessions#find(String, Instant, String, String)}): a store reads both in one statement
     * and keeps the document for the activity's next read of it. The hint only saves a round trip;
     * the activity still reads the session's own document and nothing else.
     */
    Optional<Found> find(String token, String documentHint) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        int colon = documentHint == null ? -1 : documentHint.indexOf(':');
        if (colon <= 0 || colon == documentHint.length() - 1 || documentHint.length() > 300) {
            return find(token);
        }
        return sessions.find(hash(token), clock.instant(), documentHint.substring(0, colon),
                documentHint.substring(colon + 1)).map(stored -> new Found(read(token, stored), stored));
    }

    /** Stores a changed session (language, document), keeping its ends. */
    void update(Found found, PageSession changed) {
        sessions.put(found.stored().withPayload(payload(changed)));
    }

    /** Extends a used session's idle end (never past its absolute end), writing only when it is near. */
    void used(Found found) {
        Instant now = clock.instant();
        StoredSession stored = found.stored();
        if (stored.idleUntil().isBefore(now.plus(idle).minus(EXTEND_MARGIN)) && stored.idleUntil().isBefore(stored.endsAt())) {
            sessions.put(stored.usedAt(now, idle));
        }
    }


    /**
     * One page of the learner sessions, without their tokens, that may have been used at or after
     * {@code since} ({@link Instant#MIN}: every stored one), in token-hash order after
     * {@code afterTokenHash}. A use extends a session's idle end to at least {@code use + idle -}
     * {@link #EXTEND_MARGIN} (or its absolute end), which is what the store filters on. Rows that
     * cannot be read are skipped; {@link Page#next} is where the next page starts.
     */
    Page usedSinceWithoutToken(Instant since, String afterTokenHash, int limit) {
        Instant idleUntilFrom = since.equals(Instant.MIN) ? Instant.MIN : since.plus(idle).minus(EXTEND_MARGIN);
        java.util.List<StoredSession> rows = sessions.usedSince(since, idleUntilFrom, afterTokenHash, limit);
        java.util.List<PageSession> read = new java.util.ArrayList<>(rows.size());
        for (StoredSession stored : rows) {
            try {
                read.add(read("-", stored));
            } catch (RuntimeException unreadable) {
                // a session stored by another version: it cannot carry a score target we understand
            }
        }
        return new Page(read, rows.size() < limit ? java.util.Optional.empty()
                : java.util.Optional.of(rows.get(rows.size() - 1).tokenHash()));
    }

    /** A page of sessions, and the token hash after which the next page starts, if there may be one. */
    record Page(java.util.List<PageSession> sessions, java.util.Optional<String> next) {
    }

    /** A session and the stored row it came from. */
    record Found(PageSession session, StoredSession stored) {
    }

    /** The SHA-256 of a token, hex. */
    static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    /** What the store keeps of a session: everything but its token. */
    static String payload(PageSession s) {
        JsonObjectBuilder settings = JSON.createObjectBuilder();
        s.placement().settings().forEach(settings::add);
        return JSON.createObjectBuilder()
                .add("csrf", s.csrf()).add("role", s.role().name()).add("tenant", s.tenant().value())
                .add("issuer", s.issuer()).add("clientId", s.clientId()).add("deploymentId", s.deploymentId())
                .add("subject", s.subject()).add("displayName", s.displayName()).add("platformOrigin", s.platformOrigin())
                .add("contextId", s.contextId()).add("courseTitle", s.courseTitle())
                .add("kind", s.placement().kind()).add("title", s.placement().title())
                .add("activityLanguage", s.placement().language().map(Language::code).orElse(""))
                .add("graded", s.placement().graded()).add("settings", settings)
                .add("language", s.language().code()).add("lineItem", s.lineItem())
                .add("membershipsUrl", s.membershipsUrl()).add("returnUrl", s.returnUrl())
                .add("deepLinkData", s.deepLinkData()).add("documentId", s.documentId())
                .add("courseId", s.courseId())
                .build().toString();
    }

    private static PageSession read(String token, StoredSession stored) {
        JsonObject o;
        try (var reader = JSON.createReader(new StringReader(stored.payload()))) {
            o = reader.readObject();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        o.getJsonObject("settings").forEach((k, v) -> settings.put(k, ((jakarta.json.JsonString) v).getString()));
        String activityLanguage = o.getString("activityLanguage");
        Placement placement = new Placement(o.getString("kind"), o.getString("title"),
                activityLanguage.isEmpty() ? Optional.empty() : Optional.of(Language.ofCode(activityLanguage)),
                o.getBoolean("graded"), settings);
        return new PageSession(token, o.getString("csrf"), PageSession.Role.valueOf(o.getString("role")),
                TenantId.of(o.getString("tenant")), o.getString("issuer"), o.getString("clientId"),
                o.getString("deploymentId"), o.getString("subject"), o.getString("displayName"),
                o.getString("platformOrigin"), o.getString("contextId"), o.getString("courseTitle"), placement,
                Language.ofCode(o.getString("language")), o.getString("lineItem"), o.getString("membershipsUrl"),
                o.getString("returnUrl"), o.getString("deepLinkData"), o.getString("documentId"),
                o.getString("courseId", ""));
    }
}
