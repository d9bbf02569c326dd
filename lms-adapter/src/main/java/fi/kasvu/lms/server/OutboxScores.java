package fi.kasvu.lms.server;

import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.lti.ScoreJournal;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.ScorePublisher;
import fi.kasvu.lms.web.ScoreState;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.ScoreStates;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Completion scores with a stored, typed state: a completion writes the learner's score state
 * ({@code queued}) and the AGS outbox item in one transaction; only the background worker delivers
 * (poked at once), and as the {@link ScoreJournal} of that delivery this records what the platform
 * answered, so the learner and the teacher read the truth.
 */
final class OutboxScores implements ScorePublisher, ScoreJournal {

    /** The outbox topic of AGS scores (as {@code JdbcLtiStorage} stores them). */
    static final String SCORE_TOPIC = "lti.ags.score";

    /** The namespace of the remembered score targets in the shared expiring values. */
    static final String TARGETS = "score-target";
    /** How long a learner's score target is remembered after her last launch of the placement. */
    static final java.time.Duration REMEMBERED = java.time.Duration.ofDays(400);

    private final ScoreStates states;
    private final fi.kasvu.store.jdbc.ExpiringValues targets;
    private final Clock clock;
    private final Runnable poke;

    /**
     * @param poke asks the background worker to deliver soon (it must not deliver on the caller's thread)
     */
    OutboxScores(KasvuDatabase database, Clock clock, Runnable poke) {
        this.states = ScoreStates.of(database);
        this.targets = fi.kasvu.store.jdbc.ExpiringValues.of(database);
        this.clock = clock;
        this.poke = poke;
    }

    @Override
    public void publishCompletion(PageSession session, Activity.Completion completion, Instant at) {
        publishCompletion(session, session.subject(), completion, at);
    }

    @Override
    public void publishCompletion(PageSession session, String subject, Activity.Completion completion, Instant at) {
        if (session.lineItem().isEmpty() || !completion.complete() || subject.isBlank()) {
            return;
        }
        PendingScore pending = new PendingScore(session.issuer(), session.clientId(), URI.create(session.lineItem()),
                Score.graded(subject, completion.score(), completion.maximum(), at));
        if (states.queue(target(session, subject), completion.score(), completion.maximum(), SCORE_TOPIC,
                pending.toJson(), clock.instant())) {
            poke.run();
        }
    }

    /**
     * Remembers the graded placement's line item for the learner's document, under a key of two
     * SHA-256 hashes: of the platform user id (so that {@code kasvu gdpr} finds and erases a
     * person's remembered targets, {@link LmsPersonalData}) and of (tenant, kind, document, platform
     * user id). No learner text, and nothing a reader of the table could turn back into who
     * launched what without knowing the user id.
     */
    @Override
    public void remember(PageSession session) {
        if (session.lineItem().isEmpty() || session.documentId().isEmpty() || session.subject().isBlank()) {
            return;
        }
        rememberTarget(targets, session.tenant(), session.kind(), session.documentId(), session.subject(),
                session.issuer(), session.clientId(), session.lineItem(), clock.instant().plus(REMEMBERED));
    }

    /**
     * Stores one remembered score target (what {@link #remember} stores for a session): the value
     * names the tenant, the document and the line item, never the person.
     */
    static void rememberTarget(fi.kasvu.store.jdbc.ExpiringValues targets, TenantId tenant, String kind,
                               String documentId, String subject, String issuer, String clientId, String lineItem,
                               Instant expires) {
        String value = jakarta.json.Json.createObjectBuilder().add("tenant", tenant.value()).add("kind", kind)
                .add("documentId", documentId).add("issuer", issuer).add("clientId", clientId)
                .add("lineItem", lineItem).build().toString();
        targets.put(TARGETS, targetKey(tenant, kind, documentId, subject), value, expires);
    }

    @Override
    public int publishRemembered(PageSession session, String kind, String documentId, Activity.Completion completion,
                                 Instant at) {
        if (!completion.complete() || session.subject().isBlank() || documentId.isEmpty()) {
            return 0;
        }
        Optional<String> remembered = targets.get(TARGETS, targetKey(session.tenant(), kind, documentId,
                session.subject()), clock.instant());
        if (remembered.isEmpty()) {
            return 0;
        }
        jakarta.json.JsonObject target = jakarta.json.Json.createReader(new java.io.StringReader(remembered.get()))
                .readObject();
        String issuer = target.getString("issuer", "");
        String clientId = target.getString("clientId", "");
        String lineItem = target.getString("lineItem", "");
        // Only on the platform the session's learner came from: her user id means nothing on another.
        if (!issuer.equals(session.issuer()) || !clientId.equals(session.clientId()) || lineItem.isEmpty()) {
            return 0;
        }
        PendingScore pending = new PendingScore(issuer, clientId, URI.create(lineItem),
                Score.graded(session.subject(), completion.score(), completion.maximum(), at));
        if (states.queue(new ScoreStates.Target(session.tenant(), issuer, clientId, lineItem, session.subject(), kind,
                documentId), completion.score(), completion.maximum(), SCORE_TOPIC, pending.toJson(), clock.instant())) {
            poke.run();
        }
        return 1;
    }

    /**
     * The key of a remembered score target: {@link #personPrefix} of the user id, a dot, and the
     * SHA-256 of tenant, kind, document and user id (hex).
     */
    static String targetKey(TenantId tenant, String kind, String documentId, String subject) {
        return personPrefix(subject) + "." + sha256(tenant.value() + "\n" + kind + "\n" + documentId + "\n" + subject);
    }

    /** The part of every remembered target key of a platform user: the SHA-256 of her user id (hex). */
    static String personPrefix(String subject) {
        return sha256("person\n" + subject);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    @Override
    public boolean recorded(PageSession session) {
        return recorded(session, session.subject());
    }

    @Override
    public boolean recorded(PageSession session, String subject) {
        if (session.lineItem().isEmpty()) {
            return true;
        }
        return states.find(session.tenant(), session.lineItem(), subject)
                .filter(s -> s.target().documentId().equals(session.documentId())).isPresent();
    }

    @Override
    public ScoreState status(PageSession session, String subject) {
        if (session.lineItem().isEmpty()) {
            return new ScoreState.NotGraded();
        }
        // Completed but not queued yet (the save and the queueing were cut apart): the sweeper queues it.
        return stored(session, subject).orElseGet(() -> new ScoreState.Queued(clock.instant()));
    }

    @Override
    public Optional<ScoreState> stored(PageSession session, String subject) {
        if (session.lineItem().isEmpty() || subject.isBlank()) {
            return Optional.empty();
        }
        return states.find(session.tenant(), session.lineItem(), subject).map(OutboxScores::state);
    }

    private static ScoreState state(ScoreStates.Stored s) {
        return switch (s.state()) {
            case QUEUED -> new ScoreState.Queued(s.queuedAt());
            case DELIVERED -> new ScoreState.Delivered(s.updatedAt());
            case RETRYING -> new ScoreState.Retrying(s.nextAttempt() == null ? s.updatedAt() : s.nextAttempt(),
                    s.attempts(), s.message());
            case REFUSED -> new ScoreState.Refused(s.status(), s.message(), s.updatedAt());
            case SUPERSEDED -> new ScoreState.Superseded(s.message(), s.updatedAt());
        };
    }

    @Override
    public boolean resend(PageSession session, String subject) {
        if (session.lineItem().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        boolean queued = states.resend(session.tenant(), session.lineItem(), subject, SCORE_TOPIC,
                stored -> new PendingScore(stored.target().issuer(), stored.target().clientId(),
                        URI.create(stored.target().lineItem()),
                        Score.graded(subject, stored.score(), stored.maximum(), now)).toJson(), now).isPresent();
        if (queued) {
            poke.run();
        }
        return queued;
    }

    private static ScoreStates.Target target(PageSession session, String subject) {
        return new ScoreStates.Target(session.tenant(), session.issuer(), session.clientId(), session.lineItem(),
                subject, session.kind(), session.documentId());
    }

    // ---- the delivery worker's journal ----

    @Override
    public void delivered(TenantId tenant, PendingScore score, Instant at) {
        states.delivered(tenant, score.lineItem().toString(), score.score().userId(), at);
    }

    @Override
    public void retrying(TenantId tenant, PendingScore score, Instant next, String reason, Instant at) {
        states.retrying(tenant, score.lineItem().toString(), score.score().userId(), next, reason, at);
    }

    @Override
    public void refused(TenantId tenant, PendingScore score, int status, String message, Instant at) {
        states.refused(tenant, score.lineItem().toString(), score.score().userId(), status, readable(message), at);
    }

    @Override
    public void superseded(TenantId tenant, PendingScore score, String message, Instant at) {
        states.superseded(tenant, score.lineItem().toString(), score.score().userId(), 409, readable(message), at);
    }

    /**
     * The platform's message as people read it: of a JSON error body (Moodle and the spec's
     * examples answer {@code {"status":400,"reason":"…"}}), its reason, message or error
     * description; any other body as it is (the store cuts it short and drops control characters).
     */
    static String readable(String message) {
        if (message == null) {
            return "";
        }
        String body = message.strip();
        if (!body.startsWith("{") || body.length() > 100_000) {
            return body;
        }
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            jakarta.json.JsonObject json = reader.readObject();
            for (String name : java.util.List.of("reason", "message", "error_description", "error")) {
                if (json.get(name) instanceof jakarta.json.JsonString text && !text.getString().isBlank()) {
                    return text.getString();
                }
            }
            return body;
        } catch (RuntimeException notJson) {
            return body;
        }
    }
}
