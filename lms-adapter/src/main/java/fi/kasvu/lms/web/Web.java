package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import fi.kasvu.common.Versioned;
import fi.kasvu.lms.lti.CrossSiteCookie;
import fi.kasvu.lms.lti.LaunchContext;
import fi.kasvu.lms.lti.MessageType;
import fi.kasvu.session.SeenPeople;
import fi.kasvu.session.SeenPerson;
import fi.kasvu.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The one web layer of the tool: the page frame (sessions, CSRF, CSP and the other security
 * headers, languages, static files, error pages), the hand-over from a verified launch, the
 * picker listing every registered activity kind, and the routing of every other page to its
 * {@link Activity}. Built once by the composition root; immutable.
 *
 * <p>Public paths: {@code /pages/s/<session>/…} (the session token travels in the path so that
 * the pages work in an iframe whose third-party cookies are blocked), {@code /pages/static/…}, and
 * {@code /pages/r/<kind>/…}, the pages of a kind reached without a session ({@link PublicPages}).
 */
public final class Web {

    /** The path prefix of every page. */
    public static final String PREFIX = "/pages";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Activities activities;
    private final PageSessions sessions;
    private final SeenPeople seen;
    private final fi.kasvu.session.CoursePlacements placements;
    private final Clock clock;
    private final Duration absolute;
    private final java.util.Optional<Boolean> secureCookies;
    private final WebServlet servlet;
    private final ScorePublisher scores;

    private Web(Builder b) {
        this.scores = b.scores;
        this.activities = b.activities;
        this.clock = b.clock;
        this.absolute = b.absolute;
        this.secureCookies = b.secureCookies;
        this.seen = b.seen;
        this.placements = b.placements;
        this.sessions = new PageSessions(b.sessions, b.clock, b.idle, b.absolute);
        this.servlet = new WebServlet(activities, sessions, seen, b.scores, b.deepLinks, b.roster, b.clock,
                b.platformOrigins, b.platformActive);
    }

    /** A builder; the activities and the stores are required. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The activity kinds offered. */
    public Activities activities() {
        return activities;
    }

    /**
     * The score sweeper (run by the background worker, never on a request): finds every graded
     * learner session whose document is complete but whose score was never recorded (the server
     * stopped between the save and the queueing) and queues that score. With it no completion
     * loses its score, even one whose request died half-way.
     *
     * @return how many scores were queued
     */
    public int sweepCompletions() {
        int queued = 0;
        java.util.Set<String> seenTargets = new java.util.HashSet<>();
        for (PageSession session : sessions.allWithoutToken()) {
            if (session.role() != PageSession.Role.LEARNER || !session.placement().graded()
                    || session.lineItem().isEmpty() || session.documentId().isEmpty()
                    || !seenTargets.add(session.tenant().value() + "\n" + session.lineItem() + "\n" + session.subject()
                            + "\n" + session.documentId())) {
                continue;
            }
            java.util.Optional<Activity> activity = activities.find(session.kind());
            if (activity.isEmpty() || scores.recorded(session)) {
                continue;
            }
            Activity.Completion completion = activity.get().completion(session);
            if (completion.complete()) {
                CompletionScores.publish(scores, activity.get(), session, completion, clock.instant());
                queued++;
            }
        }
        return queued;
    }

    /** Registers the pages and their static files on the tool's servlet context. */
    public void register(ServletContextHandler context) {
        context.setMaxFormContentSize(WebServlet.MAX_BODY);
        ServletHolder pages = new ServletHolder("kasvu-pages", servlet);
        // A form may send a file (a CSV without scripts): kept in memory, within the body limit.
        pages.getRegistration().setMultipartConfig(new jakarta.servlet.MultipartConfigElement("", WebServlet.MAX_BODY,
                WebServlet.MAX_BODY, WebServlet.MAX_BODY));
        context.addServlet(pages, PREFIX + "/s/*");
        context.addServlet(new ServletHolder("kasvu-pages-static", new StaticServlet()), PREFIX + "/static/*");
        context.addServlet(new ServletHolder("kasvu-pages-public", new PublicServlet(activities)), PREFIX + "/r/*");
    }

    /**
     * Starts a page session for a verified launch and returns the path to send the browser to:
     * the picker for a deep-linking launch, the organiser's home for a teacher, and for a learner
     * the activity's entry (their document, started on the first launch).
     *
     * @throws IllegalArgumentException if a resource-link launch has no resource link
     * @throws java.util.NoSuchElementException if the learner cannot enter the activity
     */
    public String start(LaunchContext launch) {
        Require.nonNull("launch", launch);
        PageSession session = sessionOf(launch);
        placed(session);
        String page;
        switch (session.role()) {
            case PICKER -> page = "picker";
            case ORGANISER -> {
                seen(session);
                page = activity(session).organiserHome();
            }
            default -> {
                seen(session);
                Activity.Entry entry = activity(session).enter(session);
                session = session.withDocument(entry.documentId()).withLanguage(entry.language());
                page = entry.path();
            }
        }
        if (session.role() == PageSession.Role.LEARNER) {
            if (session.placement().graded() && !session.lineItem().isEmpty() && !session.documentId().isEmpty()) {
                // Where her score for this document goes, kept past the session: a completion on
                // another placement's page (a reflection on the programme's timeline) is scored then.
                scores.remember(session);
            }
            // One transaction: the new session, and the learner's older ones of this activity ended.
            sessions.startReplacingOlder(session);
        } else {
            sessions.start(session);
        }
        return PREFIX + "/s/" + session.token() + "/" + page;
    }

    /**
     * Records which course the launched placement is in (kind and document context, no person),
     * so that a programme in the course reads the activities placed beside it. Only a verified
     * launch gets here; a repeat launch reads one row and writes nothing.
     */
    private void placed(PageSession session) {
        if (session.role() == PageSession.Role.PICKER || session.courseId().isEmpty() || session.contextId().isEmpty()) {
            return;
        }
        placements.record(session.tenant(), new fi.kasvu.session.CoursePlacement(session.contextId(),
                fi.kasvu.session.CoursePlacement.courseKey(session.courseId()), session.kind()));
    }

    private Activity activity(PageSession session) {
        return activities.find(session.kind()).orElseThrow();
    }

    private void seen(PageSession session) {
        SeenPerson now = SeenPerson.of(session.person().value(), session.displayName(), session.contextId(), clock.instant());
        var stored = seen.find(session.tenant(), now.id());
        if (stored.isPresent()) {
            if (!stored.get().value().name().equals(session.displayName()) && !session.displayName().isBlank()
                    || stored.get().value().lastLaunch().isBefore(clock.instant().minus(Duration.ofHours(1)))) {
                seen.save(session.tenant(), stored.get().with(stored.get().value().seenAgain(session.displayName(),
                        clock.instant())));
            }
        } else {
            seen.save(session.tenant(), Versioned.unsaved(now));
        }
    }

    /**
     * The hand-over from the launch endpoint: starts the session, sets the session cookie (Secure,
     * SameSite=None and Partitioned over https) and redirects with 303 to the first page.
     *
     * @throws IOException if the response cannot be sent
     */
    public void handOver(LaunchContext launch, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (launch.messageType() == MessageType.DEEP_LINKING && !launch.isInstructor()) {
            servlet.error(request, response, null, HttpServletResponse.SC_FORBIDDEN, "error.teachersOnly",
                    launch.language());
            return;
        }
        String path;
        try {
            path = start(launch);
        } catch (java.util.NoSuchElementException | IllegalArgumentException cannotEnter) {
            servlet.error(request, response, null, HttpServletResponse.SC_NOT_FOUND, "error.notFound",
                    launch.language());
            return;
        }
        String token = firstSegment(path.substring((PREFIX + "/s/").length()));
        response.addHeader("Set-Cookie", sessionCookie(token, secureCookies.orElseGet(request::isSecure), absolute));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    /**
     * The language of the page session a request path names ({@code /pages/s/<token>/…}), for
     * refusals made before the pages see the request.
     */
    public java.util.Optional<Language> sessionLanguage(String path) {
        String prefix = PREFIX + "/s/";
        if (path == null || !path.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String token = firstSegment(path.substring(prefix.length()));
        return sessions.find(token).map(found -> found.session().language());
    }

    /** The text up to its first slash (all of it if it has none); {@code replaceFirst("/.*", "")} without a regex. */
    static String firstSegment(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    /** The session cookie's header value: third-party-safe attributes over https, Lax over plain http. */
    static String sessionCookie(String token, boolean secure, Duration lifetime) {
        return CrossSiteCookie.header("kasvu_session", token, PREFIX + "/", lifetime.toSeconds(), secure);
    }

    private PageSession sessionOf(LaunchContext launch) {
        PageSession.Role role = launch.messageType() == MessageType.DEEP_LINKING ? PageSession.Role.PICKER
                : launch.isInstructor() ? PageSession.Role.ORGANISER : PageSession.Role.LEARNER;
        Map<String, String> custom = lowerCase(launch);
        Placement placement = Placement.none();
        if (role != PageSession.Role.PICKER) {
            String title = launch.resourceLink().map(LaunchContext.ResourceLink::title).orElse("");
            String kind = custom.getOrDefault(Placement.KIND, "").strip();
            Activity activity = kind.isEmpty() ? activities.first() : activities.find(kind).orElseThrow(() ->
                    new IllegalArgumentException("this tool offers no activity kind " + kind));
            placement = Placement.fromCustom(activity, custom, title);
        }
        Language language = placement.language().orElse(launch.language());
        String contextId = launch.resourceLink().map(r -> contextOf(r.id())).orElse("");
        if (role != PageSession.Role.PICKER && contextId.isEmpty()) {
            throw new IllegalArgumentException("a resource-link launch needs a resource link: " + launch.messageType());
        }
        String lineItem = placement.graded()
                ? launch.ags().filter(LaunchContext.AgsEndpoint::canPostScores)
                        .flatMap(LaunchContext.AgsEndpoint::lineItem).map(URI::toString).orElse("")
                : "";
        String returnUrl = role == PageSession.Role.PICKER
                ? launch.deepLinking().map(d -> d.returnUrl().toString()).orElse("")
                : launch.returnUrl().orElse("");
        return new PageSession(secret(), secret(), role, launch.tenant(), launch.issuer(), launch.clientId(),
                launch.deploymentId(), launch.user().subject(), launch.user().displayName().orElse(""),
                originOf(launch.issuer()), contextId, launch.course().map(LaunchContext.Course::title).orElse(""),
                placement, language, lineItem,
                launch.nrps().map(n -> n.membershipsUrl().toString()).orElse(""), returnUrl,
                launch.deepLinking().flatMap(LaunchContext.DeepLinkingSettings::data).orElse(""), "",
                launch.course().map(LaunchContext.Course::id).orElse(""));
    }

    private static Map<String, String> lowerCase(LaunchContext launch) {
        Map<String, String> custom = new HashMap<>();
        launch.custom().forEach((k, v) -> custom.put(k.toLowerCase(Locale.ROOT), v));
        return custom;
    }

    /** The context of stored documents for a resource link. */
    public static String contextOf(String resourceLinkId) {
        String context = "activity:" + resourceLinkId;
        return context.length() <= 200 ? context : "activity:" + SeenPerson.idOf("", resourceLinkId);
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

    /** Builds {@link Web}; each setter rejects null. */
    public static final class Builder {
        private Activities activities;
        private Sessions sessions;
        private SeenPeople seen;
        private fi.kasvu.session.CoursePlacements placements = fi.kasvu.session.CoursePlacements.inMemory(
                Clock.systemUTC());
        private ScorePublisher scores = ScorePublisher.none();
        private DeepLinkSigner deepLinks = (session, placement, description, resourceId) -> {
            throw new IllegalStateException("deep linking is not wired to the LTI layer");
        };
        private ClassRoster roster = ClassRoster.none();
        private Clock clock = Clock.systemUTC();
        private Duration idle = Duration.ofHours(2);
        private Duration absolute = Duration.ofHours(12);
        private Supplier<Collection<String>> platformOrigins = List::of;
        private BiPredicate<String, String> platformActive = (issuer, clientId) -> true;
        private java.util.Optional<Boolean> secureCookies = java.util.Optional.empty();

        private Builder() {
        }

        /** The activity kinds offered. */
        public Builder activities(Activities value) {
            this.activities = Require.nonNull("activities", value);
            return this;
        }

        /** Where page sessions are stored (token hashes only). */
        public Builder sessions(Sessions value) {
            this.sessions = Require.nonNull("sessions", value);
            return this;
        }

        /** Where the people seen in each activity are kept. */
        public Builder seenPeople(SeenPeople value) {
            this.seen = Require.nonNull("seenPeople", value);
            return this;
        }

        /** Where the placements of each course are recorded (in memory by default). */
        public Builder coursePlacements(fi.kasvu.session.CoursePlacements value) {
            this.placements = Require.nonNull("coursePlacements", value);
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

        /**
         * How long a session lives without use (2 hours by default) and at most (12 hours by default).
         *
         * @throws IllegalArgumentException if either is not positive or idle exceeds absolute
         */
        public Builder sessionLifetime(Duration idleLifetime, Duration absoluteLifetime) {
            for (Duration d : List.of(Require.nonNull("idle", idleLifetime), Require.nonNull("absolute", absoluteLifetime))) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("session lifetimes must be positive: " + d);
                }
            }
            if (idleLifetime.compareTo(absoluteLifetime) > 0) {
                throw new IllegalArgumentException("idle lifetime must not exceed the absolute one: " + idleLifetime
                        + " > " + absoluteLifetime);
            }
            this.idle = idleLifetime;
            this.absolute = absoluteLifetime;
            return this;
        }

        /**
         * Whether the session cookie is cross-site (Secure, SameSite=None, Partitioned), decided once
         * from the public base URL like the LTI state cookie, so that a TLS proxy in front does not
         * matter; without it, the request's own scheme decides.
         */
        public Builder secureCookies(boolean value) {
            this.secureCookies = java.util.Optional.of(value);
            return this;
        }

        /** The origins of registered platforms, allowed to frame pages shown without a session (error pages). */
        public Builder platformOrigins(Supplier<Collection<String>> value) {
            this.platformOrigins = Require.nonNull("platformOrigins", value);
            return this;
        }

        /** Whether a platform registration (issuer, client id) still exists and is active: a session of one that is not ends. */
        public Builder platformActive(BiPredicate<String, String> value) {
            this.platformActive = Require.nonNull("platformActive", value);
            return this;
        }

        /**
         * The web layer.
         *
         * @throws IllegalStateException if the activities or a store were not given
         */
        public Web build() {
            if (activities == null || sessions == null || seen == null) {
                throw new IllegalStateException("activities, sessions and seenPeople must be set");
            }
            return new Web(this);
        }
    }
}
