package fi.kasvu.lms.server;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.activity.experiment.ExperimentActivity;
import fi.kasvu.lms.activity.feedback.FeedbackActivity;
import fi.kasvu.lms.activity.feedback.RaterLinks;
import fi.kasvu.lms.activity.experiment.LibraryActivity;
import fi.kasvu.lms.activity.grow.GrowActivity;
import fi.kasvu.lms.activity.grow.GrowEventLog;
import fi.kasvu.lms.activity.peer.PeerActivity;
import fi.kasvu.lms.activity.programme.ProgrammeActivity;
import fi.kasvu.lms.activity.programme.ReflectionActivity;
import fi.kasvu.lms.activity.plan.PlanActivity;
import fi.kasvu.lms.lti.AccessTokens;
import fi.kasvu.lms.lti.AgsClient;
import fi.kasvu.lms.lti.ContentItem;
import fi.kasvu.lms.lti.DeepLinkTarget;
import fi.kasvu.lms.lti.DeepLinkingResponse;
import fi.kasvu.lms.lti.DynamicRegistration;
import fi.kasvu.lms.lti.HttpJwksFetcher;
import fi.kasvu.lms.lti.JwksFetcher;
import fi.kasvu.lms.lti.LaunchContext;
import fi.kasvu.lms.lti.LaunchValidator;
import fi.kasvu.lms.lti.LoginInitiation;
import fi.kasvu.lms.lti.LtiRole;
import fi.kasvu.lms.lti.NrpsClient;
import fi.kasvu.lms.lti.PlatformKeys;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.PlatformServiceException;
import fi.kasvu.lms.lti.ScoreDelivery;
import fi.kasvu.lms.lti.SecureIds;
import fi.kasvu.lms.lti.ToolConfiguration;
import fi.kasvu.lms.lti.ToolKeyRing;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.lms.moodle.ConfiguredMoodleSites;
import fi.kasvu.lms.moodle.MoodleSites;
import fi.kasvu.lms.reminder.MailSender;
import fi.kasvu.lms.reminder.ReminderLedger;
import fi.kasvu.lms.reminder.ReminderScheduler;
import fi.kasvu.lms.web.Activities;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.UnitOfWork;
import fi.kasvu.lms.web.DeepLinkSigner;
import fi.kasvu.lms.web.Web;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.SingleUseTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root: every service of the tool wired once on one database, immutable. The
 * servlets get the few collaborators each needs, never this object.
 *
 * <p>The activity kinds are registered in {@link #activities}: adding a kind is one line there.
 */
final class ToolApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ToolApplication.class);

    private final KasvuDatabase database;
    private final UnitOfWork units;
    private final JdbcLtiStorage storage;
    private final KasvuRepositories repositories;
    private final ToolConfiguration tool;
    private final Clock clock;
    private final IdGenerator ids = SecureIds.generator();
    private final ToolKeyRing keys;
    private final LoginInitiation login;
    private final LaunchValidator validator;
    private final DynamicRegistration registration;
    private final NrpsClient nrps;
    private final ScoreDelivery delivery;
    private final MoodleSites moodleSites;
    private final CourseServices courseServices;
    private final ClassRoster roster = roster();
    private final StoredCalendarSubscriptions calendars;
    private final ReminderLedger reminderLedger;
    private final LedgerReminderContacts contacts;
    private final URI baseUrl;
    private final Activities activities;
    private final Web web;

    /**
     * Wires the tool.
     *
     * @param background where score deliveries run (the outbox worker's thread), never a request thread
     * @param courseGiven the course services to use instead of the configured platforms' (tests), or null
     */
    ToolApplication(KasvuDatabase database, URI baseUrl, Clock clock, HttpClient http, Duration skew,
                    DynamicRegistration.Policy registrationPolicy, Executor background, CourseServices courseGiven) {
        this.database = database;
        this.units = new DatabaseUnits(database);
        this.storage = JdbcLtiStorage.on(database);
        this.repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
        this.clock = clock;
        this.moodleSites = ConfiguredMoodleSites.on(storage.moodleSites());
        this.calendars = new StoredCalendarSubscriptions(fi.kasvu.store.jdbc.ExpiringValues.of(database), clock);
        this.reminderLedger = new ReminderLedger(database);
        this.contacts = new LedgerReminderContacts(reminderLedger, clock);
        this.baseUrl = baseUrl;
        // The course's groups and calendar through the platform's Moodle web services, where configured
        // (a test may give its own); no database connection is held while Moodle answers.
        CourseServices course = released(courseGiven != null ? courseGiven
                : new fi.kasvu.lms.moodle.MoodleCourseServices(moodleSites, courseEventIds(storage, clock), clock));
        this.courseServices = course;
        this.activities = activities(repositories, roster, course, clock, ids, raterLinks(storage), calendars,
                contacts, baseUrl, units);
        this.tool = new ToolConfiguration(baseUrl, "Kasvu",
                activities.all().stream().map(a -> a.name().in(fi.kasvu.common.Language.EN)).toList());
        this.keys = ToolKeyRing.create(storage.toolKeys(), clock, ids, 2048);
        this.login = LoginInitiation.create(storage.registrations(), storage.launchStates(), clock, ids,
                tool.launchUrl(), LoginInitiation.defaultStateLifetime());
        this.validator = LaunchValidator.create(storage.registrations(),
                PlatformKeys.create(released(new HttpJwksFetcher(http)), clock), storage.nonces(), storage.launchStates(), clock,
                skew);
        this.registration = new DynamicRegistration(http, storage.registrations(), storage.invites(), tool, clock, ids,
                registrationPolicy);
        AccessTokens tokens = AccessTokens.create(http, keys, clock, ids);
        AgsClient ags = new AgsClient(http, tokens);
        this.nrps = new NrpsClient(http, tokens);
        // A completion only records its score; the background worker delivers it (poked at once).
        // (after the request's unit commits, so that the worker finds the score)
        OutboxScores scores = new OutboxScores(database, clock,
                () -> units.afterCommit(() -> background.execute(this::deliverQuietly)));
        this.delivery = new ScoreDelivery(storage.scoreOutbox(), storage.registrations(), ags, clock, scores);
        this.web = Web.newBuilder()
                .activities(activities)
                .sessions(repositories.sessions())
                .seenPeople(repositories.seenPeople())
                .coursePlacements(repositories.coursePlacements())
                .scores(scores)
                .deepLinks(deepLinks())
                .roster(roster)
                .clock(clock)
                .secureCookies(LtiServlets.secureCookies(tool.baseUrl()))
                .platformOrigins(() -> storage.registrations().all().stream()
                        .filter(PlatformRegistration::active).map(r -> r.issuer()).toList())
                .platformActive((issuer, clientId) -> storage.registrations().find(issuer, clientId)
                        .filter(PlatformRegistration::active).isPresent())
                .build();
    }

    /**
     * The activity kinds this tool offers, in the picker's order: one line per kind. A kind gets the
     * core ports it needs, and web-layer ports adapted here from the platform's services (the
     * roster, and the course's groups and calendar where the platform's web services are configured).
     */
    private static Activities activities(KasvuRepositories repositories, ClassRoster roster, CourseServices course,
                                         Clock clock, IdGenerator ids, RaterLinks raterLinks,
                                         StoredCalendarSubscriptions calendars, LedgerReminderContacts contacts,
                                         URI baseUrl, UnitOfWork units) {
        return Activities.of(
                GrowActivity.of(repositories.growConversations(), new GrowEventLog(), clock, ids,
                        repositories.developmentPlans(), repositories.growCoachNotes(), roster),
                ExperimentActivity.of(repositories.experiments(), repositories.libraryEntries(), roster, course, clock, ids),
                LibraryActivity.of(repositories.libraryEntries(), clock, ids),
                PeerActivity.of(repositories.peerRosters(), repositories.formations(), repositories.peerGroups(), roster, course,
                        repositories.growConversations(), clock, ids),
                fi.kasvu.lms.activity.survey.SurveyActivity.culture(repositories.surveys(),
                        repositories.surveyResponses(), repositories.surveyParticipations(),
                        repositories.surveyReportings(), course, repositories.teamDiscussions(), clock)
                        .writingBallotsApart(units),
                fi.kasvu.lms.activity.survey.SurveyActivity.pulse(repositories.surveys(),
                        repositories.surveyResponses(), repositories.surveyParticipations(),
                        repositories.surveyReportings(), course, repositories.teamDiscussions(), clock)
                        .writingBallotsApart(units),
                FeedbackActivity.of(repositories.feedbackAssessments(), repositories.developmentPlans(), roster,
                        raterLinks, clock, IdGenerator.uuids(), ToolApplication::linkToken, baseUrl),
                ProgrammeActivity.of(repositories.programmes(), repositories.reflectionAssignments(),
                        repositories.seenPeople(), roster, calendars, contacts, baseUrl, clock, ids,
                        dashboardSources(repositories), course),
                ReflectionActivity.of(repositories.programmes(), repositories.reflectionAssignments(), clock, ids),
                PlanActivity.of(repositories.developmentPlans(), repositories.planTeams(), roster, course, clock, ids));
    }

    /** The other kinds' stores the programme's dashboard, timeline, reminders and calendar read completion from. */
    private static fi.kasvu.lms.activity.programme.DashboardFigures.Sources dashboardSources(
            KasvuRepositories repositories) {
        return new fi.kasvu.lms.activity.programme.DashboardFigures.Sources(repositories.growConversations(),
                repositories.experiments(), repositories.feedbackAssessments(), repositories.developmentPlans(),
                repositories.peerGroups(), repositories.surveys(), repositories.surveyResponses(),
                repositories.surveyParticipations(), repositories.coursePlacements());
    }

    /** The Moodle ids of the course events Kasvu made, by key, kept for five years. */
    private static fi.kasvu.lms.moodle.MoodleCourseServices.EventIds courseEventIds(JdbcLtiStorage storage, Clock clock) {
        return new StoredCourseEventIds(storage.expiringValues(), clock);
    }

    /** 360 rater links: the SHA-256 of each token leads to its tenant and assessment (the token is never stored). */
    private static RaterLinks raterLinks(JdbcLtiStorage storage) {
        String namespace = "feedback-360-link";
        return new RaterLinks() {
            @Override
            public void remember(String tokenHash, Target target, java.time.Instant keepUntil) {
                storage.expiringValues().put(namespace, tokenHash, target.encode(), keepUntil);
            }

            @Override
            public Optional<Target> find(String tokenHash, java.time.Instant now) {
                return storage.expiringValues().get(namespace, tokenHash, now).flatMap(Target::decode);
            }
        };
    }

    private static final java.security.SecureRandom LINK_RANDOM = new java.security.SecureRandom();

    /** A rater link's secret: 192 random bits, URL-safe. */
    private static String linkToken() {
        byte[] bytes = new byte[24];
        LINK_RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    ToolConfiguration tool() {
        return tool;
    }

    Clock clock() {
        return clock;
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

    JdbcLtiStorage storage() {
        return storage;
    }

    DynamicRegistration registration() {
        return registration;
    }

    ScoreDelivery delivery() {
        return delivery;
    }

    Activities activities() {
        return activities;
    }

    MoodleSites moodleSites() {
        return moodleSites;
    }

    CourseServices courseServices() {
        return courseServices;
    }

    Web web() {
        return web;
    }

    /** The reminders' opt-out links' servlet. */
    OptOutServlet optOutServlet() {
        return new OptOutServlet(reminderLedger, clock);
    }

    /**
     * A reminder scheduler of this instance sending through the platforms' Moodle messages where configured, and
     * through the mail server if there is one (null: none); with a mail server the pages offer e-mail reminders.
     */
    ReminderScheduler reminders(MailSender mail, String instance) {
        if (mail != null) {
            contacts.enable();
        }
        return new ReminderScheduler(database, repositories.programmes(), repositories.reflectionAssignments(),
                reminderLedger, mail, new fi.kasvu.lms.moodle.MoodleReminderNotifier(storage.registrations(),
                moodleSites), baseUrl, clock, instance)
                .with(new fi.kasvu.lms.reminder.PersonalDueItems(database, repositories.developmentPlans(),
                        repositories.feedbackAssessments()))
                .withCompletion((tenant, programme) -> fi.kasvu.lms.activity.programme.DoneForPerson.completion(
                        dashboardSources(repositories), tenant, programme));
    }

    /** The public calendar addresses' servlet. */
    CalendarServlet calendarServlet() {
        return new CalendarServlet(calendars, repositories.programmes(), clock, repositories.reflectionAssignments(),
                dashboardSources(repositories));
    }

    KasvuRepositories repositories() {
        return repositories;
    }

    /**
     * Lets the activities that hold something in memory write it (survey ballots waiting for their
     * batch); called when the server stops, after it took its last request. A failure is logged by
     * its class and the next activity is still closed.
     */
    void close() {
        for (fi.kasvu.lms.web.Activity activity : activities.all()) {
            if (activity instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.error("Closing the {} activity failed: {}", activity.kind(), e.getClass().getName());
                }
            }
        }
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
            LOG.warn("Score outbox round failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Queues the scores of completions that were saved but never queued (see {@link Web#sweepCompletions}). */
    void sweepQuietly() {
        try {
            int queued = web.sweepCompletions();
            if (queued > 0) {
                LOG.info("Score sweeper queued {} scores of completions that had none", queued);
                deliverQuietly();
            }
        } catch (RuntimeException e) {
            LOG.warn("Score sweep failed: {}", e.getClass().getSimpleName());
        }
    }

    void purgeQuietly() {
        try {
            SingleUseTokens.of(database).purgeExpired(clock.instant());
            storage.expiringValues().purgeExpired(clock.instant());
            repositories.sessions().purgeClosed(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Purging expired nonces, states and sessions failed: {}", e.getClass().getSimpleName());
        }
    }

    private DeepLinkSigner deepLinks() {
        return (session, placement, description, resourceId) -> {
            DeepLinkTarget target = new DeepLinkTarget(session.issuer(), session.clientId(), session.deploymentId(),
                    new LaunchContext.DeepLinkingSettings(URI.create(session.returnUrl()), List.of("ltiResourceLink"),
                            false, session.deepLinkData().isEmpty() ? Optional.empty()
                                    : Optional.of(session.deepLinkData()), "", ""));
            Optional<ContentItem.LineItemSpec> lineItem = placement.graded()
                    ? Optional.of(new ContentItem.LineItemSpec(1, placement.title(), resourceId, "kasvu"))
                    : Optional.empty();
            ContentItem item = new ContentItem(placement.title(), description, placement.toCustom(), lineItem);
            return DeepLinkingResponse.sign(target, List.of(item), keys.current(), clock, ids);
        };
    }

    /** The platform's keyset, fetched with no database connection held (see {@link UnitOfWork#release()}). */
    private JwksFetcher released(JwksFetcher fetcher) {
        return url -> {
            units.release();
            return fetcher.fetch(url);
        };
    }

    /** The course services, called with no database connection held (see {@link UnitOfWork#release()}). */
    private CourseServices released(CourseServices course) {
        return new CourseServices() {
            @Override
            public Reply<List<CourseGroup>> groups(PageSession session) {
                units.release();
                return course.groups(session);
            }

            @Override
            public Reply<Published> publishGroups(PageSession session, String groupingName,
                                                  List<GroupToPublish> groups) {
                units.release();
                return course.publishGroups(session, groupingName, groups);
            }

            @Override
            public Reply<Published> publishEvents(PageSession session, List<CourseEvent> events) {
                units.release();
                return course.publishEvents(session, events);
            }

            @Override
            public Reply<Published> publishGroupEvents(PageSession session, List<GroupEvent> events) {
                units.release();
                return course.publishGroupEvents(session, events);
            }
        };
    }

    /** Each request's database work as one transaction, on this tool's database. */
    UnitOfWork units() {
        return units;
    }

    private ClassRoster roster() {
        return session -> {
            if (session.membershipsUrl().isEmpty()) {
                return List.of();
            }
            return storage.registrations().find(session.issuer(), session.clientId()).map(found -> {
                try {
                    units.release();
                    return nrps.roster(found, URI.create(session.membershipsUrl())).stream()
                            .filter(m -> m.active() && m.roles().stream().anyMatch(r -> r.kind() == LtiRole.Kind.LEARNER))
                            .map(m -> new ClassRoster.Member(m.userId(), m.name().orElse("")))
                            .toList();
                } catch (IOException | PlatformServiceException e) {
                    LOG.warn("Roster not available for the progress view: {}", e.getClass().getSimpleName());
                    return List.<ClassRoster.Member>of();
                }
            }).orElse(List.of());
        };
    }
}
