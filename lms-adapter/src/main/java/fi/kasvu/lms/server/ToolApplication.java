package fi.kasvu.lms.server;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.lms.lti.AccessTokens;
import fi.kasvu.lms.lti.AgsClient;
import fi.kasvu.lms.lti.DynamicRegistration;
import fi.kasvu.lms.lti.HttpJwksFetcher;
import fi.kasvu.lms.lti.LaunchStates;
import fi.kasvu.lms.lti.LaunchValidator;
import fi.kasvu.lms.lti.LoginInitiation;
import fi.kasvu.lms.lti.NrpsClient;
import fi.kasvu.lms.lti.PlatformKeys;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.ScoreDelivery;
import fi.kasvu.lms.lti.SecureIds;
import fi.kasvu.lms.lti.ToolConfiguration;
import fi.kasvu.lms.lti.ToolKeyRing;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.store.jdbc.ExpiringValues;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.SingleUseTokens;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tool's services wired on one database; what the servlets share. */
final class ToolApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ToolApplication.class);

    private final KasvuDatabase database;
    private final JdbcLtiStorage storage;
    private final ToolConfiguration tool;
    private final Clock clock;
    private final IdGenerator ids = SecureIds.generator();
    private final ToolKeyRing keys;
    private final LoginInitiation login;
    private final LaunchValidator validator;
    private final DynamicRegistration registration;
    private final AgsClient ags;
    private final NrpsClient nrps;
    private final ScoreDelivery delivery;
    private volatile Runnable scoreSubmitted = () -> { };
    private volatile fi.kasvu.lms.pages.Pages pages;

    ToolApplication(KasvuDatabase database, ToolConfiguration tool, Clock clock, HttpClient http, Duration skew,
                    DynamicRegistration.Policy registrationPolicy) {
        this.database = database;
        this.storage = JdbcLtiStorage.on(database);
        this.tool = tool;
        this.clock = clock;
        this.keys = ToolKeyRing.create(storage.toolKeys(), clock, ids, 2048);
        this.login = LoginInitiation.create(storage.registrations(), storage.launchStates(), clock, ids,
                tool.launchUrl(), LoginInitiation.defaultStateLifetime());
        this.validator = LaunchValidator.create(storage.registrations(),
                PlatformKeys.create(new HttpJwksFetcher(http), clock), storage.nonces(), storage.launchStates(), clock,
                skew);
        this.registration = new DynamicRegistration(http, storage.registrations(), storage.invites(), tool, clock, ids,
                registrationPolicy);
        AccessTokens tokens = AccessTokens.create(http, keys, clock, ids);
        this.ags = new AgsClient(http, tokens);
        this.nrps = new NrpsClient(http, tokens);
        this.delivery = new ScoreDelivery(storage.scoreOutbox(), storage.registrations(), ags, clock);
    }

    ToolConfiguration tool() {
        return tool;
    }

    Clock clock() {
        return clock;
    }

    IdGenerator ids() {
        return ids;
    }

    ToolKeyRing keys() {
        return keys;
    }

    LoginInitiation login() {
        return login;
    }

    LaunchValidator validator() {
        return validator;
    }

    LaunchStates launchStates() {
        return storage.launchStates();
    }

    Registrations registrations() {
        return storage.registrations();
    }

    DynamicRegistration registration() {
        return registration;
    }

    NrpsClient nrps() {
        return nrps;
    }

    AgsClient ags() {
        return ags;
    }

    ScoreDelivery delivery() {
        return delivery;
    }

    ExpiringValues values() {
        return storage.expiringValues();
    }

    /** The learner and teacher pages launches hand over to, or null before they are wired. */
    fi.kasvu.lms.pages.Pages pages() {
        return pages;
    }

    void usePages(fi.kasvu.lms.pages.Pages value) {
        this.pages = value;
    }

    void onScoreSubmitted(Runnable action) {
        this.scoreSubmitted = action;
    }

    void scoreSubmitted() {
        scoreSubmitted.run();
    }

    /** Checks that the database answers. */
    boolean healthy() {
        try (var connection = database.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    void deliverQuietly() {
        try {
            ScoreDelivery.Round round = delivery.deliverDue(100);
            if (round.delivered() + round.retrying() + round.abandoned() > 0) {
                LOG.info("Score outbox: {} delivered, {} to retry, {} ended", round.delivered(), round.retrying(),
                        round.abandoned());
            }
        } catch (RuntimeException e) {
            LOG.warn("Score outbox round failed: {}", e.getMessage());
        }
    }

    void purgeQuietly() {
        try {
            SingleUseTokens.of(database).purgeExpired(clock.instant());
            storage.expiringValues().purgeExpired(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Purging expired nonces and states failed: {}", e.getMessage());
        }
    }
}
