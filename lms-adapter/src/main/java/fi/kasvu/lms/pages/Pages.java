package fi.kasvu.lms.pages;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.lms.lti.CrossSiteCookie;
import fi.kasvu.lms.lti.LaunchContext;
import fi.kasvu.lms.lti.MessageType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The learner and teacher pages, wired once and registered on the tool's servlet context; a
 * verified launch hands over with {@link #handOver}.
 *
 * <p>Public paths: {@code /pages/s/<session>/…} (the pages; the session token travels in the
 * path so that the pages work in an iframe whose third-party cookies are blocked) and
 * {@code /pages/static/…} (stylesheet and script).
 */
public final class Pages {

    /** The path prefix of every page. */
    public static final String PREFIX = "/pages";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PagesServlet servlet;
    private final Exercise exercise;
    private final PageSessions sessions;
    private final DocumentRepository<SeenLearner> seen;
    private final Clock clock;
    private final Duration lifetime;
    private final Optional<Boolean> secureCookies;

    private Pages(Builder b) {
        this.secureCookies = b.secureCookies;
        this.sessions = b.sessions;
        this.seen = b.seen;
        this.clock = b.clock;
        this.lifetime = b.lifetime;
        this.exercise = new Exercise(b.conversations, b.clock, b.ids);
        this.servlet = new PagesServlet(exercise, b.conversations, b.sessions,
                b.seen, b.scores, b.deepLinks, b.roster, b.clock, b.lifetime, b.platformOrigins);
    }

    /** A builder; conversations are required, everything else has a default for a single-instance tool. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Registers the pages and their static files on the tool's servlet context. */
    public void register(ServletContextHandler context) {
        context.setMaxFormContentSize(PagesServlet.MAX_BODY);
        context.addServlet(new ServletHolder("kasvu-pages", servlet), PREFIX + "/s/*");
        context.addServlet(new ServletHolder("kasvu-pages-static", new StaticServlet()), PREFIX + "/static/*");
    }

    /**
     * Starts a page session for a verified launch and returns the path to send the browser to:
     * the picker for a deep-linking launch, the progress view for a teacher, and for a learner the
     * exercise where they left off (started on the first launch), or its summary once complete.
     */
    public String start(LaunchContext launch) {
        Require.nonNull("launch", launch);
        PageSession session = sessionOf(launch);
        String page;
        switch (session.view()) {
            case PICKER -> page = "/picker";
            case PROGRESS -> page = "/progress";
            default -> {
                seen(session);
                fi.kasvu.grow.GrowConversation conversation = exercise.findOrStart(session).value();
                session = session.withConversation(conversation.id()).withLanguage(conversation.language());
                page = conversation.complete() ? "/summary" : "/grow/" + conversation.currentPhase().key();
            }
        }
        sessions.put(session, clock.instant().plus(lifetime));
        return PREFIX + "/s/" + session.token() + page;
    }

    private void seen(PageSession session) {
        SeenLearner now = SeenLearner.of(session.subject(), session.displayName(), session.contextId(), clock.instant());
        seen.find(session.tenant(), now.id()).ifPresentOrElse(
                stored -> seen.save(session.tenant(), stored.with(now)),
                () -> seen.save(session.tenant(), fi.kasvu.common.Versioned.unsaved(now)));
    }

    /**
     * The hand-over from the launch endpoint: starts the session, sets the session cookie (Secure,
     * SameSite=None and Partitioned over https) and redirects with 303 to the first page.
     *
     * @throws IOException if the response cannot be sent
     */
    public void handOver(LaunchContext launch, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = start(launch);
        String token = path.substring((PREFIX + "/s/").length()).replaceFirst("/.*", "");
        response.addHeader("Set-Cookie", sessionCookie(token, secureCookies.orElseGet(request::isSecure), lifetime));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    /**
     * The language of the page session a request path names ({@code /pages/s/<token>/…}), for
     * refusals made before the pages see the request.
     */
    public Optional<fi.kasvu.common.Language> sessionLanguage(String path) {
        String prefix = PREFIX + "/s/";
        if (path == null || !path.startsWith(prefix)) {
            return Optional.empty();
        }
        String token = path.substring(prefix.length()).replaceFirst("/.*", "");
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return sessions.find(token, clock.instant()).map(PageSession::language);
    }

    /** The session cookie's header value: third-party-safe attributes over https, Lax over plain http. */
    static String sessionCookie(String token, boolean secure, Duration lifetime) {
        return CrossSiteCookie.header("kasvu_session", token, PREFIX + "/", lifetime.toSeconds(), secure);
    }

    private PageSession sessionOf(LaunchContext launch) {
        PageSession.View view = launch.messageType() == MessageType.DEEP_LINKING ? PageSession.View.PICKER
                : launch.isInstructor() ? PageSession.View.PROGRESS : PageSession.View.EXERCISE;
        String title = launch.resourceLink().map(LaunchContext.ResourceLink::title).orElse("");
        ActivitySettings activity = ActivitySettings.fromCustom(lowerCase(launch), title);
        Language language = activity.language().orElse(launch.language());
        String contextId = launch.resourceLink().map(r -> contextOf(r.id())).orElse("");
        if (view != PageSession.View.PICKER && contextId.isEmpty()) {
            throw new IllegalArgumentException("a resource-link launch needs a resource link: " + launch.messageType());
        }
        String lineItem = activity.graded()
                ? launch.ags().filter(LaunchContext.AgsEndpoint::canPostScores)
                        .flatMap(LaunchContext.AgsEndpoint::lineItem).map(URI::toString).orElse("")
                : "";
        String returnUrl = view == PageSession.View.PICKER
                ? launch.deepLinking().map(d -> d.returnUrl().toString()).orElse("")
                : launch.returnUrl().orElse("");
        return new PageSession(secret(), secret(), view, launch.tenant(), launch.issuer(), launch.clientId(),
                launch.deploymentId(), launch.user().subject(), launch.user().displayName().orElse(""),
                originOf(launch.issuer()), contextId, launch.course().map(LaunchContext.Course::title).orElse(""),
                activity, language, lineItem,
                launch.nrps().map(n -> n.membershipsUrl().toString()).orElse(""), returnUrl,
                launch.deepLinking().flatMap(LaunchContext.DeepLinkingSettings::data).orElse(""), "");
    }

    private static java.util.Map<String, String> lowerCase(LaunchContext launch) {
        java.util.Map<String, String> custom = new java.util.HashMap<>();
        launch.custom().forEach((k, v) -> custom.put(k.toLowerCase(Locale.ROOT), v));
        return custom;
    }

    /** The context of stored conversations for a resource link. */
    static String contextOf(String resourceLinkId) {
        String context = "activity:" + resourceLinkId;
        return context.length() <= 200 ? context : "activity:" + SeenLearner.idOf("", resourceLinkId);
    }

    /** The origin ({@code scheme://host[:port]}) of a URL, or "" if it has none. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }

    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Builds {@link Pages}; each setter rejects null. */
    public static final class Builder {
        private GrowConversations conversations;
        private PageSessions sessions = PageSessions.inMemory();
        private DocumentRepository<SeenLearner> seen;
        private ScorePublisher scores = ScorePublisher.none();
        private DeepLinkSigner deepLinks = (session, settings) -> {
            throw new IllegalStateException("deep linking is not wired to the LTI layer");
        };
        private ClassRoster roster = ClassRoster.none();
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.uuids();
        private Duration lifetime = Duration.ofHours(12);
        private Supplier<Collection<String>> platformOrigins = List::of;
        private Optional<Boolean> secureCookies = Optional.empty();

        private Builder() {
        }

        /** Where conversations are stored. */
        public Builder conversations(GrowConversations value) {
            this.conversations = Require.nonNull("conversations", value);
            return this;
        }

        /**
         * Stores conversations, page sessions and learner names in a Kasvu database, so that any
         * server instance on it can serve any page.
         */
        public Builder storeIn(fi.kasvu.store.jdbc.KasvuDatabase database) {
            Require.nonNull("database", database);
            conversations(GrowConversations.over(fi.kasvu.store.jdbc.JdbcDocumentRepository.of(database,
                    GrowConversations.KIND, fi.kasvu.store.jdbc.DocumentCodec.kasvuJson(fi.kasvu.json.KasvuJson.create(),
                            GrowConversation.class), clock)));
            sessions(PageSessions.over(fi.kasvu.store.jdbc.ExpiringValues.of(database)));
            seenLearners(fi.kasvu.store.jdbc.JdbcDocumentRepository.of(database, SeenLearner.KIND, new SeenLearnerCodec(),
                    clock));
            return this;
        }

        /** Where page sessions are stored (in memory by default; use the database for several instances). */
        public Builder sessions(PageSessions value) {
            this.sessions = Require.nonNull("sessions", value);
            return this;
        }

        /** Where the names of learners who launched are kept (in memory by default). */
        public Builder seenLearners(DocumentRepository<SeenLearner> value) {
            this.seen = Require.nonNull("seenLearners", value);
            return this;
        }

        /** How completion scores reach the platform (none by default). */
        public Builder scores(ScorePublisher value) {
            this.scores = Require.nonNull("scores", value);
            return this;
        }

        /** How the picker's choice is signed for the platform. */
        public Builder deepLinks(DeepLinkSigner value) {
            this.deepLinks = Require.nonNull("deepLinks", value);
            return this;
        }

        /** The course roster (none by default). */
        public Builder roster(ClassRoster value) {
            this.roster = Require.nonNull("roster", value);
            return this;
        }

        /** The clock (system UTC by default). */
        public Builder clock(Clock value) {
            this.clock = Require.nonNull("clock", value);
            return this;
        }

        /** The id generator for new conversations (UUIDs by default). */
        public Builder ids(IdGenerator value) {
            this.ids = Require.nonNull("ids", value);
            return this;
        }

        /**
         * How long a page session lives after its last change (12 hours by default).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder sessionLifetime(Duration value) {
            if (Require.nonNull("sessionLifetime", value).isNegative() || value.isZero()) {
                throw new IllegalArgumentException("sessionLifetime must be positive: " + value);
            }
            this.lifetime = value;
            return this;
        }

        /**
         * Whether the session cookie is cross-site (Secure, SameSite=None, Partitioned), decided once
         * from the public base URL like the LTI state cookie, so that a TLS proxy in front does not
         * matter; without it, the request's own scheme decides.
         */
        public Builder secureCookies(boolean value) {
            this.secureCookies = Optional.of(value);
            return this;
        }

        /** The origins of registered platforms, allowed to frame pages shown without a session (error pages). */
        public Builder platformOrigins(Supplier<Collection<String>> value) {
            this.platformOrigins = Require.nonNull("platformOrigins", value);
            return this;
        }

        /**
         * The pages.
         *
         * @throws IllegalStateException if no conversation store was given
         */
        public Pages build() {
            if (conversations == null) {
                throw new IllegalStateException("conversations must be set");
            }
            if (seen == null) {
                seen = InMemoryDocumentRepository.of(SeenLearner.KIND, clock);
            }
            return new Pages(this);
        }
    }
}
