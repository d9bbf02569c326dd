package fi.kasvu.lms.server;

import fi.kasvu.grow.GrowConversation;
import fi.kasvu.lms.lti.ContentItem;
import fi.kasvu.lms.lti.DeepLinkTarget;
import fi.kasvu.lms.lti.DeepLinkingResponse;
import fi.kasvu.lms.lti.LaunchContext;
import fi.kasvu.lms.lti.LtiRole;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.PlatformServiceException;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.pages.ClassRoster;
import fi.kasvu.lms.pages.DeepLinkSigner;
import fi.kasvu.lms.pages.PageSession;
import fi.kasvu.lms.pages.Pages;
import fi.kasvu.lms.pages.ScorePublisher;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.Outbox;
import fi.kasvu.store.jdbc.OutboxItem;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the learner and teacher pages ({@link Pages}) to the tool: scores through the AGS
 * outbox, the picker's choice through the deep-linking response, names through NRPS.
 */
final class PagesWiring {

    private static final Logger LOG = LoggerFactory.getLogger(PagesWiring.class);

    /** The outbox topic of AGS scores (as {@code JdbcLtiStorage} stores them). */
    private static final String SCORE_TOPIC = "lti.ags.score";

    private PagesWiring() {
    }

    /** Builds the pages on the database, registers them on the context and hands launches to them. */
    static Pages register(ServletContextHandler context, ToolApplication app, KasvuDatabase database) {
        Pages pages = Pages.newBuilder().clock(app.clock()).storeIn(database)
                .secureCookies(LtiServlets.Base.secureCookies(app.tool().baseUrl()))
                .scores(new OutboxScores(app, Outbox.of(database)))
                .deepLinks(deepLinks(app))
                .roster(roster(app))
                .platformOrigins(() -> app.registrations().all().stream()
                        .filter(fi.kasvu.lms.lti.PlatformRegistration::active).map(r -> r.issuer()).toList())
                .build();
        pages.register(context);
        app.usePages(pages);
        return pages;
    }

    /** Completion scores: 1 of 1, Completed and FullyGraded, queued in the durable outbox and tried at once. */
    private record OutboxScores(ToolApplication app, Outbox outbox) implements ScorePublisher {
        @Override
        public Status publishCompletion(PageSession session, GrowConversation conversation, Instant at) {
            if (session.lineItem().isEmpty()) {
                return Status.NOT_GRADED;
            }
            app.delivery().submit(session.tenant(), new PendingScore(session.issuer(), session.clientId(),
                    URI.create(session.lineItem()), Score.graded(session.subject(), 1, 1, at)));
            app.deliverQuietly();
            return status(session, conversation);
        }

        @Override
        public Status status(PageSession session, GrowConversation conversation) {
            if (session.lineItem().isEmpty()) {
                return Status.NOT_GRADED;
            }
            for (OutboxItem item : outbox.pending(session.tenant(), SCORE_TOPIC)) {
                try {
                    PendingScore pending = PendingScore.fromJson(item.payload());
                    if (pending.score().userId().equals(session.subject())
                            && pending.lineItem().toString().equals(session.lineItem())) {
                        return Status.PENDING;
                    }
                } catch (IOException unreadable) {
                    // the delivery worker reports unreadable entries
                }
            }
            return Status.SENT;
        }
    }

    private static DeepLinkSigner deepLinks(ToolApplication app) {
        return (session, settings) -> {
            DeepLinkTarget target = new DeepLinkTarget(session.issuer(), session.clientId(), session.deploymentId(),
                    new LaunchContext.DeepLinkingSettings(URI.create(session.returnUrl()), List.of("ltiResourceLink"),
                            false, session.deepLinkData().isEmpty() ? Optional.empty() : Optional.of(session.deepLinkData()),
                            "", ""));
            Optional<ContentItem.LineItemSpec> lineItem = settings.graded()
                    ? Optional.of(new ContentItem.LineItemSpec(1, settings.title(), "grow:" + settings.templateId(), "kasvu"))
                    : Optional.empty();
            ContentItem item = new ContentItem(settings.title(), settings.template().description().in(session.language()),
                    settings.toCustom(), lineItem);
            return DeepLinkingResponse.sign(target, List.of(item), app.keys().current(), app.clock(), app.ids());
        };
    }

    private static ClassRoster roster(ToolApplication app) {
        return session -> {
            if (session.membershipsUrl().isEmpty()) {
                return List.of();
            }
            return app.registrations().find(session.issuer(), session.clientId()).map(registration -> {
                try {
                    return app.nrps().roster(registration, URI.create(session.membershipsUrl())).stream()
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
