package fi.kasvu.lms.server;

import fi.kasvu.common.Require;
import fi.kasvu.lms.lti.DynamicRegistration;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import fi.kasvu.lms.lti.LaunchValidator;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.ScoreDelivery;
import fi.kasvu.lms.lti.ToolConfiguration;
import fi.kasvu.lms.web.Activities;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.lms.lti.ToolKeyRing;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kasvu LTI tool on embedded Jetty 12, storing everything in one Kasvu database. */
public final class KasvuServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KasvuServer.class);

    private final Server jetty;
    private final ToolApplication app;
    private final ScheduledExecutorService background;

    /**
     * How the server runs.
     *
     * @param host             the interface to listen on ({@code 0.0.0.0} for all)
     * @param port             the port, 0 for any free one
     * @param baseUrl          the public base URL; empty for {@code http://localhost:<port>}
     * @param skew             the clock skew allowed on id_tokens
     * @param deliveryInterval how often the score outbox is worked; zero to leave it to {@link #deliverScores()}
     * @param registration     the limits of Dynamic Registration (allowed hosts, registration limit, timeouts)
     */
    public record Settings(String host, int port, Optional<URI> baseUrl, Duration skew, Duration deliveryInterval,
                           DynamicRegistration.Policy registration) {

        /** @throws IllegalArgumentException if the port is outside 0..65535 */
        public Settings {
            Require.nonBlank("host", host);
            Require.range("port", port, 0, 65535);
            Require.nonNull("baseUrl", baseUrl);
            Require.nonNull("skew", skew);
            Require.nonNull("deliveryInterval", deliveryInterval);
            Require.nonNull("registration", registration);
        }

        /** Settings with the default Dynamic Registration policy. */
        public Settings(String host, int port, Optional<URI> baseUrl, Duration skew, Duration deliveryInterval) {
            this(host, port, baseUrl, skew, deliveryInterval, DynamicRegistration.Policy.defaults());
        }

        /** These settings with another Dynamic Registration policy. */
        public Settings withRegistrationPolicy(DynamicRegistration.Policy policy) {
            return new Settings(host, port, baseUrl, skew, deliveryInterval, policy);
        }

        /** Port 8080 on all interfaces, base URL from the port, 60 s skew, scores worked every 5 s. */
        public static Settings defaults() {
            return new Settings("0.0.0.0", 8080, Optional.empty(), LaunchValidator.defaultSkew(), Duration.ofSeconds(5));
        }

        /** These settings on another port. */
        public Settings withPort(int newPort) {
            return new Settings(host, newPort, baseUrl, skew, deliveryInterval, registration);
        }

        /** These settings with a public base URL. */
        public Settings withBaseUrl(URI url) {
            return new Settings(host, port, Optional.of(url), skew, deliveryInterval, registration);
        }

        /** These settings with another outbox interval. */
        public Settings withDeliveryInterval(Duration interval) {
            return new Settings(host, port, baseUrl, skew, interval, registration);
        }
    }

    private KasvuServer(Server jetty, ToolApplication app, ScheduledExecutorService background) {
        this.jetty = jetty;
        this.app = app;
        this.background = background;
    }

    /**
     * Starts the server on the database.
     *
     * @throws Exception if Jetty cannot start (for example, the port is taken)
     */
    public static KasvuServer start(KasvuDatabase database, Settings settings, Clock clock) throws Exception {
        return start(database, settings, clock, null);
    }

    /**
     * Starts the server on the database with these course services instead of the ones the
     * platforms' configuration gives (tests: a course kept in memory).
     *
     * @param course the course's groups and calendar, or null for the configured platforms' own
     * @throws Exception if Jetty cannot start (for example, the port is taken)
     */
    public static KasvuServer start(KasvuDatabase database, Settings settings, Clock clock,
                                    fi.kasvu.lms.web.CourseServices course) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("kasvu-http");
        Server jetty = new Server(threads);
        HttpConfiguration http1 = new HttpConfiguration();
        http1.setSendServerVersion(false);
        http1.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http1));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        connector.open();
        int port = connector.getLocalPort();
        URI baseUrl = settings.baseUrl().orElse(URI.create("http://localhost:" + port));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kasvu-outbox");
            t.setDaemon(true);
            return t;
        });
        ToolApplication app = new ToolApplication(database, baseUrl, clock, http, settings.skew(),
                settings.registration(), background, course);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new EdgeFilter(app.web()::sessionLanguage)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        FilterHolder unit = new FilterHolder(new UnitFilter(app.units()));
        for (String path : List.of("/lti/login", "/lti/launch", "/pages/s/*")) {
            context.addFilter(unit, path, EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(new LtiServlets.Login(app.login(), app.tool())), "/lti/login");
        context.addServlet(new ServletHolder(new LtiServlets.Launch(app.validator(), app.storage().launchStates(),
                app.storage().registrations(), app.tool(), app.web(), clock)), "/lti/launch");
        context.addServlet(new ServletHolder(new LtiServlets.Jwks(app.keys())), "/lti/jwks");
        ServletHolder register = new ServletHolder(new LtiServlets.Register(app.registration(), app.tool(),
                app.activities()));
        context.addServlet(register, "/lti/register");
        context.addServlet(register, "/lti/register/*");
        context.addServlet(new ServletHolder(new LtiServlets.Health(app::healthy, clock)), "/health");
        app.web().register(context);
        context.addServlet(new ServletHolder(app.calendarServlet()), "/calendar/*");
        context.addServlet(new ServletHolder(app.optOutServlet()), "/reminders/optout/*");
        context.addServlet(new ServletHolder(new LtiServlets.Home(app.tool(), app.activities())), "/");
        jetty.setHandler(context);
        jetty.setStopAtShutdown(false);
        jetty.start();
        app.keys().current();

        if (!settings.deliveryInterval().isZero()) {
            long millis = settings.deliveryInterval().toMillis();
            background.scheduleWithFixedDelay(app::deliverQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
        // The sweeper runs before any purge (both on this one thread), so a session is never purged
        // before its completion's score was recorded.
        background.scheduleWithFixedDelay(app::sweepQuietly, 0, 1, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(app::purgeQuietly, 1, 10, TimeUnit.MINUTES);
        LOG.info("Kasvu LTI tool listening on port {} as {}", port, baseUrl);
        return new KasvuServer(jetty, app, background);
    }

    /** The public base URL. */
    public URI baseUrl() {
        return app.tool().baseUrl();
    }

    /** The tool's public URLs. */
    public ToolConfiguration tool() {
        return app.tool();
    }

    /** The registered platforms (editable while running). */
    public Registrations registrations() {
        return app.storage().registrations();
    }

    /** The repositories of every aggregate, sessions and seen people on the server's database. */
    public KasvuRepositories repositories() {
        return app.repositories();
    }

    /** The activity kinds the server offers. */
    public Activities activities() {
        return app.activities();
    }

    /** The platforms' Moodle web services, as the activities get them ({@code kasvu platform moodle}). */
    public fi.kasvu.lms.moodle.MoodleSites moodleSites() {
        return app.moodleSites();
    }

    /** The course services the activities get (the platforms' Moodle groups and calendars). */
    public fi.kasvu.lms.web.CourseServices courseServices() {
        return app.courseServices();
    }

    /** Dynamic Registration, for creating invites. */
    public DynamicRegistration dynamicRegistration() {
        return app.registration();
    }

    /** The tool's keys. */
    public ToolKeyRing keys() {
        return app.keys();
    }

    /** Works the score outbox once now. */
    public ScoreDelivery.Round deliverScores() {
        return app.delivery().deliverDue(100);
    }

    /**
     * Runs the score sweeper once now: queues the score of every graded completion that has none
     * (the background worker does this every minute).
     *
     * @return how many scores were queued
     */
    public int sweepCompletions() {
        return app.web().sweepCompletions();
    }

    /**
     * Starts this instance's reminder scheduler: a round at once and then every {@code every}, on
     * the background thread; safe to run on every instance sharing the database.
     *
     * @param mail     the mail server to send through, or null for reminders through the platforms' Moodle only
     * @param instance this instance's name in the reminders' claims
     * @return the scheduler (for a round on demand)
     */
    public fi.kasvu.lms.reminder.ReminderScheduler startReminders(fi.kasvu.lms.reminder.MailSender mail,
                                                                   Duration every, String instance) {
        fi.kasvu.lms.reminder.ReminderScheduler scheduler = app.reminders(mail, instance);
        background.scheduleWithFixedDelay(scheduler::runQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /**
     * Stops the server and its background work, then lets the activities write what they hold in
     * memory (survey ballots waiting for their batch); the database stays open, for the caller to
     * close after this. No new job starts once this is called; a job under way (score delivery,
     * sweep, purge, reminders) and the requests in flight are let finish, never interrupted: an
     * interrupt during H2's file I/O closes H2's file channel, and the database then closes as after
     * a crash. A job still running after {@value #JOBS_STOP_SECONDS} s is interrupted.
     */
    @Override
    public void close() throws Exception {
        try {
            background.shutdown();
            jetty.stop();
        } finally {
            try {
                if (!background.awaitTermination(JOBS_STOP_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("A background job did not finish within {} s of the stop; interrupting it",
                            JOBS_STOP_SECONDS);
                    background.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                app.close();
            }
        }
    }

    /** How long {@link #close()} waits for a background job under way. */
    static final int JOBS_STOP_SECONDS = 30;

    /** The background jobs' thread (tests: a job running while the server stops). */
    java.util.concurrent.ScheduledExecutorService background() {
        return background;
    }
}
