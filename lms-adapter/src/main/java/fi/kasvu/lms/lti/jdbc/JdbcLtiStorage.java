package fi.kasvu.lms.lti.jdbc;

import com.nimbusds.jose.jwk.RSAKey;
import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.Require;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.lms.lti.CachingRegistrations;
import fi.kasvu.lms.lti.LaunchState;
import fi.kasvu.lms.lti.LaunchStates;
import fi.kasvu.lms.lti.NonceStore;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.RegistrationInvites;
import fi.kasvu.lms.lti.RegistrationState;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.ScoreOutbox;
import fi.kasvu.lms.lti.ToolKey;
import fi.kasvu.lms.lti.ToolKeys;
import fi.kasvu.lms.moodle.MoodleSiteConfig;
import fi.kasvu.lms.moodle.MoodleSiteStore;
import fi.kasvu.lms.moodle.MoodleToken;
import fi.kasvu.store.jdbc.DocumentCodec;
import fi.kasvu.store.jdbc.ExpiringValues;
import fi.kasvu.store.jdbc.JdbcDocumentRepository;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.Outbox;
import fi.kasvu.store.jdbc.OutboxItem;
import fi.kasvu.store.jdbc.SingleUseTokens;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every LTI storage port on one Kasvu database, so that any instance sharing the database can
 * finish a flow another instance started.
 */
public final class JdbcLtiStorage {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call (a ServiceLoader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The tenant of tool-wide documents (registrations, tool keys), which belong to no platform. */
    public static final TenantId TOOL_TENANT = TenantId.of("kasvu:tool");
    static final String NONCES = "lti.nonce";
    static final String STATES = "lti.state";
    static final String SCORE_TOPIC = "lti.ags.score";
    static final String INVITES = "lti.registration-invite";

    private final Registrations registrations;
    private final ToolKeys toolKeys;
    private final NonceStore nonces;
    private final LaunchStates launchStates;
    private final ScoreOutbox outbox;
    private final ExpiringValues values;
    private final RegistrationInvites invites;
    private final MoodleSiteStore moodleSites;

    private JdbcLtiStorage(KasvuDatabase database, ToolKeyProtection protection) {
        Require.nonNull("database", database);
        Require.nonNull("protection", protection);
        ToolKeyCodec keyCodec = new ToolKeyCodec(protection);
        // Read through a short cache (a launch needs its registration three times, every page request
        // once); removing or disabling a platform ends its sessions in the same transaction, at once.
        this.registrations = CachingRegistrations.of(new JdbcRegistrations(database, JdbcDocumentRepository.of(database,
                new DocumentKind<>("lti.registration", PlatformRegistration.class, PlatformRegistration::id, r -> null,
                        r -> null), new RegistrationCodec())), java.time.Clock.systemUTC(), CachingRegistrations.DEFAULT_TTL);
        this.toolKeys = new JdbcToolKeys(JdbcDocumentRepository.of(database, new DocumentKind<>("lti.tool-key",
                ToolKey.class, ToolKey::kid, k -> null, k -> null), keyCodec));
        SingleUseTokens tokens = SingleUseTokens.of(database);
        this.nonces = (nonce, expiresAt) -> tokens.consume(NONCES, nonce, expiresAt);
        this.values = ExpiringValues.of(database);
        this.launchStates = new JdbcLaunchStates(values);
        this.outbox = new JdbcScoreOutbox(Outbox.of(database));
        this.invites = new JdbcInvites(values);
        this.moodleSites = new JdbcMoodleSites(JdbcDocumentRepository.of(database, new DocumentKind<>("moodle.site",
                MoodleSiteConfig.class, MoodleSiteConfig::id, c -> null, c -> null), new MoodleSiteCodec(protection)));
        List<ToolKey> keys = toolKeys.all();
        if (keyCodec.sawPlaintext()) {
            // Keys stored before encryption at rest: written again, now encrypted.
            keys.forEach(toolKeys::save);
        }
    }

    /**
     * The LTI stores on this database, the tool's private keys encrypted under the key the
     * environment names ({@link ToolKeyProtection#fromEnvironment}).
     */
    public static JdbcLtiStorage on(KasvuDatabase database) {
        String url = database.dataSource() instanceof com.zaxxer.hikari.HikariDataSource pool ? pool.getJdbcUrl() : null;
        return new JdbcLtiStorage(database, ToolKeyProtection.fromEnvironment(System.getenv(),
                ToolKeyProtection.defaultFile(url)));
    }

    /** The LTI stores on this database, the tool's private keys encrypted with this protection. */
    public static JdbcLtiStorage on(KasvuDatabase database, ToolKeyProtection protection) {
        return new JdbcLtiStorage(database, protection);
    }

    /** The platform registrations. */
    public Registrations registrations() {
        return registrations;
    }

    /** The tool's keys. */
    public ToolKeys toolKeys() {
        return toolKeys;
    }

    /** The used nonces. */
    public NonceStore nonces() {
        return nonces;
    }

    /** The login states awaiting their launch. */
    public LaunchStates launchStates() {
        return launchStates;
    }

    /** The durable score outbox. */
    public ScoreOutbox scoreOutbox() {
        return outbox;
    }

    /** The admin's Dynamic Registration invites (hashes only). */
    public RegistrationInvites invites() {
        return invites;
    }

    /** The platforms' Moodle web services (site and token, the token encrypted like the tool's keys). */
    public MoodleSiteStore moodleSites() {
        return moodleSites;
    }

    /** Short-lived values of the web flows (deep-linking picker sessions). */
    public ExpiringValues expiringValues() {
        return values;
    }

    private static final class JdbcRegistrations implements Registrations {
        private final KasvuDatabase database;
        private final JdbcDocumentRepository<PlatformRegistration> documents;

        JdbcRegistrations(KasvuDatabase database, JdbcDocumentRepository<PlatformRegistration> documents) {
            this.database = database;
            this.documents = documents;
        }

        @Override
        public Optional<PlatformRegistration> find(String issuer, String clientId) {
            return documents.find(TOOL_TENANT, PlatformRegistration.idOf(issuer, clientId)).map(Versioned::value);
        }

        @Override
        public List<PlatformRegistration> all() {
            return documents.listAll(TOOL_TENANT).documents().stream().map(Versioned::value)
                    .sorted(Comparator.comparing(PlatformRegistration::id)).toList();
        }

        @Override
        public void save(PlatformRegistration registration) {
            database.inUnit(() -> {
                for (int attempt = 0; attempt < 5; attempt++) {
                    Optional<Versioned<PlatformRegistration>> existing = documents.find(TOOL_TENANT, registration.id());
                    SaveResult<PlatformRegistration> result = documents.save(TOOL_TENANT,
                            existing.map(e -> e.with(registration)).orElse(Versioned.unsaved(registration)));
                    if (result.isSaved()) {
                        if (!registration.active()) {
                            endSessions(registration.issuer(), registration.clientId());
                        }
                        return null;
                    }
                }
                throw new IllegalStateException("registration " + registration.id() + " kept changing while being saved");
            });
        }

        @Override
        public boolean create(PlatformRegistration registration) {
            // An unsaved document is inserted only if no document has its id: never an update.
            return documents.save(TOOL_TENANT, Versioned.unsaved(registration)).isSaved();
        }

        @Override
        public boolean remove(String issuer, String clientId) {
            String id = PlatformRegistration.idOf(issuer, clientId);
            return database.inUnit(() -> {
                boolean removed = documents.find(TOOL_TENANT, id).map(v -> documents.delete(TOOL_TENANT, id, v.version()))
                        .orElse(false);
                if (removed) {
                    endSessions(issuer, clientId);
                }
                return removed;
            });
        }

        /**
         * Ends the page sessions of a platform that was removed or disabled, in the change's own
         * transaction, so that they end at once on every instance and whatever any instance has
         * cached ({@code Sessions.revokePlatform}; the sessions' platform is "issuer|client id").
         */
        private void endSessions(String issuer, String clientId) {
            try (java.sql.Connection connection = database.connection();
                 java.sql.PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM kasvu_session WHERE platform = ?")) {
                delete.setString(1, issuer + "|" + clientId);
                delete.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not end the sessions of the platform: " + e.getSQLState(), e);
            }
        }
    }

    private static final class JdbcInvites implements RegistrationInvites {
        private final ExpiringValues values;

        JdbcInvites(ExpiringValues values) {
            this.values = values;
        }

        @Override
        public void store(String tokenHash, Terms terms) {
            values.put(INVITES, tokenHash, JSON.createObjectBuilder().add("expiresAt", terms.expiresAt().toString())
                    .add("requireApproval", terms.requireApproval()).build().toString(), terms.expiresAt());
        }

        @Override
        public Optional<Terms> redeem(String tokenHash, Instant now) {
            if (tokenHash.length() > ExpiringValues.MAX_KEY) {
                return Optional.empty();
            }
            return values.take(INVITES, tokenHash, now).map(json -> {
                JsonObject o = JSON.createReader(new StringReader(json)).readObject();
                return new Terms(Instant.parse(o.getString("expiresAt")), o.getBoolean("requireApproval", false));
            });
        }
    }

    private static final class JdbcToolKeys implements ToolKeys {
        private final JdbcDocumentRepository<ToolKey> documents;

        JdbcToolKeys(JdbcDocumentRepository<ToolKey> documents) {
            this.documents = documents;
        }

        @Override
        public List<ToolKey> all() {
            var listing = documents.listAll(TOOL_TENANT);
            if (!listing.unreadable().isEmpty()) {
                // Never sign with a fresh key silently: the stored one exists but cannot be decrypted.
                throw new IllegalStateException(listing.unreadable().size() + " stored tool keys cannot be decrypted "
                        + "with this key-encryption key (check " + ToolKeyProtection.ENV_KEY + " / "
                        + ToolKeyProtection.ENV_KEY_FILE + ")");
            }
            return listing.documents().stream().map(Versioned::value).toList();
        }

        @Override
        public void save(ToolKey key) {
            for (int attempt = 0; attempt < 5; attempt++) {
                Optional<Versioned<ToolKey>> existing = documents.find(TOOL_TENANT, key.kid());
                if (documents.save(TOOL_TENANT, existing.map(e -> e.with(key)).orElse(Versioned.unsaved(key)))
                        .isSaved()) {
                    return;
                }
            }
            throw new IllegalStateException("tool key " + key.kid() + " kept changing while being saved");
        }

        @Override
        public void delete(String kid) {
            documents.find(TOOL_TENANT, kid).ifPresent(v -> documents.delete(TOOL_TENANT, kid, v.version()));
        }
    }

    private static final class JdbcLaunchStates implements LaunchStates {
        private final ExpiringValues values;

        JdbcLaunchStates(ExpiringValues values) {
            this.values = values;
        }

        @Override
        public void put(LaunchState state, Instant expiresAt) {
            String json = JSON.createObjectBuilder().add("nonce", state.nonce()).add("issuer", state.issuer())
                    .add("clientId", state.clientId()).add("targetLinkUri", state.targetLinkUri())
                    .add("storageTarget", state.storageTarget())
                    .add("createdAt", fi.kasvu.json.KasvuJson.formatInstant(state.createdAt()))
                    .build().toString();
            values.put(STATES, state.state(), json, expiresAt);
        }

        @Override
        public Optional<LaunchState> take(String state, Instant now) {
            if (state.length() > ExpiringValues.MAX_KEY) {
                return Optional.empty();
            }
            return values.take(STATES, state, now).map(json -> read(state, json));
        }

        @Override
        public Optional<LaunchState> peek(String state, Instant now) {
            if (state.length() > ExpiringValues.MAX_KEY) {
                return Optional.empty();
            }
            return values.get(STATES, state, now).map(json -> read(state, json));
        }

        private static LaunchState read(String state, String json) {
            JsonObject o = JSON.createReader(new StringReader(json)).readObject();
            return new LaunchState(state, o.getString("nonce"), o.getString("issuer"), o.getString("clientId"),
                    o.getString("targetLinkUri"), o.getString("storageTarget", ""),
                    fi.kasvu.json.KasvuJson.parseInstant(o.getString("createdAt")));
        }
    }

    private static final class JdbcScoreOutbox implements ScoreOutbox {
        private final Outbox outbox;

        JdbcScoreOutbox(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public void enqueue(TenantId tenant, PendingScore score, Instant dueAt) {
            outbox.enqueue(tenant, SCORE_TOPIC, score.toJson(), dueAt);
        }

        @Override
        public List<Claimed> claimDue(int max, Instant now, Duration lease) {
            List<Claimed> scores = new java.util.ArrayList<>();
            for (OutboxItem item : outbox.claimDue(max, now, lease)) {
                if (item.topic().equals(SCORE_TOPIC)) {
                    scores.add(claimed(item));
                } else {
                    // The store's outbox claims across topics; hand other workers' items straight back.
                    outbox.retryLater(item.id(), item.dueAt(), item.lastError());
                }
            }
            return scores;
        }

        private static Claimed claimed(OutboxItem item) {
            // The outbox counts this claim as an attempt already.
            return new Claimed(String.valueOf(item.id()), item.tenant(), item.payload(), Math.max(0, item.attempts() - 1));
        }

        @Override
        public void markDone(String id) {
            outbox.markDone(Long.parseLong(id));
        }

        @Override
        public void retryLater(String id, Instant next, String error) {
            outbox.retryLater(Long.parseLong(id), next, error);
        }
    }

    /** Registrations as JSON documents. */
    static final class RegistrationCodec implements DocumentCodec<PlatformRegistration> {
        @Override
        public String write(PlatformRegistration r) {
            JsonArrayBuilder deployments = JSON.createArrayBuilder();
            r.deploymentIds().stream().sorted().forEach(deployments::add);
            return JSON.createObjectBuilder().add("kind", "lti.registration").add("schemaVersion", 1)
                    .add("issuer", r.issuer()).add("clientId", r.clientId()).add("authUrl", r.authUrl().toString())
                    .add("tokenUrl", r.tokenUrl().toString()).add("jwksUrl", r.jwksUrl().toString())
                    .add("deploymentIds", deployments).add("name", r.name()).add("state", r.state().code())
                    .build().toString();
        }

        @Override
        public PlatformRegistration read(String json) {
            JsonObject o = JSON.createReader(new StringReader(json)).readObject();
            Set<String> deployments = new LinkedHashSet<>();
            o.getJsonArray("deploymentIds").getValuesAs(JsonString.class).forEach(s -> deployments.add(s.getString()));
            return new PlatformRegistration(o.getString("issuer"), o.getString("clientId"),
                    URI.create(o.getString("authUrl")), URI.create(o.getString("tokenUrl")),
                    URI.create(o.getString("jwksUrl")), deployments, o.getString("name", ""),
                    RegistrationState.ofCode(o.getString("state", RegistrationState.ACTIVE.code())));
        }
    }

    /** Tool keys as JSON documents holding the private JWK encrypted (a JWE); older plain ones are read too. */
    static final class ToolKeyCodec implements DocumentCodec<ToolKey> {
        private final ToolKeyProtection protection;
        private final java.util.concurrent.atomic.AtomicBoolean plaintextSeen = new java.util.concurrent.atomic
                .AtomicBoolean();

        ToolKeyCodec(ToolKeyProtection protection) {
            this.protection = protection;
        }

        boolean sawPlaintext() {
            return plaintextSeen.get();
        }

        @Override
        public String write(ToolKey k) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", "lti.tool-key").add("schemaVersion", 2)
                    .add("kid", k.kid()).add("jwe", protection.encrypt(k.key().toJSONString()))
                    .add("createdAt", k.createdAt().toString());
            k.publishedUntil().ifPresent(until -> json.add("publishedUntil", until.toString()));
            return json.build().toString();
        }

        @Override
        public ToolKey read(String json) {
            JsonObject o = JSON.createReader(new StringReader(json)).readObject();
            try {
                String jwk;
                if (o.containsKey("jwe")) {
                    jwk = protection.decrypt(o.getString("jwe"));
                } else {
                    plaintextSeen.set(true);
                    jwk = o.getString("jwk");
                }
                return new ToolKey(RSAKey.parse(jwk), Instant.parse(o.getString("createdAt")),
                        o.containsKey("publishedUntil") ? Optional.of(Instant.parse(o.getString("publishedUntil")))
                                : Optional.empty());
            } catch (ParseException e) {
                throw new IllegalArgumentException("jwk: not an RSA key: " + e.getMessage(), e);
            }
        }
    }

    private static final class JdbcMoodleSites implements MoodleSiteStore {
        private final JdbcDocumentRepository<MoodleSiteConfig> documents;

        JdbcMoodleSites(JdbcDocumentRepository<MoodleSiteConfig> documents) {
            this.documents = documents;
        }

        @Override
        public Optional<MoodleSiteConfig> find(String issuer, String clientId) {
            return documents.find(TOOL_TENANT, MoodleSiteConfig.idOf(issuer, clientId)).map(Versioned::value);
        }

        @Override
        public List<MoodleSiteConfig> all() {
            var listing = documents.listAll(TOOL_TENANT);
            if (!listing.unreadable().isEmpty()) {
                throw new IllegalStateException(listing.unreadable().size() + " stored Moodle web-service tokens "
                        + "cannot be decrypted with this key-encryption key (check " + ToolKeyProtection.ENV_KEY
                        + " / " + ToolKeyProtection.ENV_KEY_FILE + ")");
            }
            return listing.documents().stream().map(Versioned::value)
                    .sorted(Comparator.comparing(MoodleSiteConfig::id)).toList();
        }

        @Override
        public void save(MoodleSiteConfig config) {
            for (int attempt = 0; attempt < 5; attempt++) {
                Optional<Versioned<MoodleSiteConfig>> existing = documents.find(TOOL_TENANT, config.id());
                if (documents.save(TOOL_TENANT, existing.map(e -> e.with(config))
                        .orElse(Versioned.unsaved(config))).isSaved()) {
                    return;
                }
            }
            throw new IllegalStateException("the Moodle web services of " + config.id()
                    + " kept changing while being saved");
        }

        @Override
        public boolean remove(String issuer, String clientId) {
            String id = MoodleSiteConfig.idOf(issuer, clientId);
            return documents.find(TOOL_TENANT, id).map(v -> documents.delete(TOOL_TENANT, id, v.version()))
                    .orElse(false);
        }
    }

    /** A platform's Moodle site as a JSON document whose token is a JWE under the key-encryption key. */
    static final class MoodleSiteCodec implements DocumentCodec<MoodleSiteConfig> {
        private final ToolKeyProtection protection;

        MoodleSiteCodec(ToolKeyProtection protection) {
            this.protection = protection;
        }

        @Override
        public String write(MoodleSiteConfig c) {
            return JSON.createObjectBuilder().add("kind", "moodle.site").add("schemaVersion", 1)
                    .add("issuer", c.issuer()).add("clientId", c.clientId()).add("siteUrl", c.siteUrl().toString())
                    .add("tokenJwe", c.token().sealWith(protection::encrypt))
                    .add("otherOriginAllowed", c.otherOriginAllowed()).add("configuredAt", c.configuredAt().toString())
                    .build().toString();
        }

        @Override
        public MoodleSiteConfig read(String json) {
            JsonObject o = JSON.createReader(new StringReader(json)).readObject();
            return new MoodleSiteConfig(o.getString("issuer"), o.getString("clientId"),
                    URI.create(o.getString("siteUrl")), MoodleToken.of(protection.decrypt(o.getString("tokenJwe"))),
                    o.getBoolean("otherOriginAllowed", false), Instant.parse(o.getString("configuredAt")));
        }
    }
}
