package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Require;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.grow.GrowEvents;
import fi.kasvu.grow.GrowService;
import fi.kasvu.grow.Mode;
import fi.kasvu.grow.Participants;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.web.PageSession;
import java.time.Clock;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A learner's exercise in one activity: found or started on launch (in one save, already in its
 * mode: SELF, or SUPERVISOR for a template held with a coach), changed through core's {@link GrowService} with one conditional write on the version
 * just read, and read again and retried only when another request saved in between.
 */
final class Exercise {

    private static final int ATTEMPTS = 5;
    private static final KasvuJson JSON = KasvuJson.create();

    private final GrowConversations conversations;
    private final GrowService service;
    private final Clock clock;
    private final IdGenerator ids;

    /** Makes development plans from completed conversations, or null where no plan store is wired. */
    private final fi.kasvu.plan.PlanService plans;

    Exercise(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids) {
        this(conversations, events, clock, ids, null);
    }

    Exercise(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids,
             fi.kasvu.plan.DevelopmentPlans plans) {
        this.plans = plans == null ? null : fi.kasvu.plan.PlanService.of(plans, fi.kasvu.plan.PlanEvents.none(), clock, ids);
        this.conversations = Require.nonNull("conversations", conversations);
        this.service = GrowService.of(conversations, events, clock, ids);
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The learner's conversation in the session's activity, started (alone, in SELF mode, in the
     * session's language, with the activity's minimum of options) if there is none yet.
     */
    Versioned<GrowConversation> findOrStart(PageSession session) {
        Optional<Versioned<GrowConversation>> existing = own(session.tenant(), session.person(), session.contextId());
        if (existing.isPresent()) {
            return existing.get();
        }
        GrowSettings settings = GrowSettings.fromCustom(session.placement().settings());
        return service.start(session.tenant(), prepare(settings, session.contextId(), Participants.alone(session.person()),
                session.language()));
    }

    /**
     * A new conversation of the activity's template: a template held with a coach (a development
     * discussion, an onboarding conversation) starts in core's SUPERVISOR mode and needs its coach
     * before the Goal phase completes; any other template is worked through alone, the questions
     * acting as coach (SELF).
     */
    private GrowConversation prepare(GrowSettings settings, String context, Participants participants,
                                     fi.kasvu.common.Language language) {
        Mode mode = Coaching.twoParty(settings.template()) ? Mode.SUPERVISOR : Mode.SELF;
        return GrowConversation.start(ids.next(), settings.template(), participants, language, clock)
                .inContext(context).withSetting(mode, participants).withMinimumOptions(settings.minimumOptions());
    }

    /** The person's own conversation (as coachee) in the context, the latest changed if several. */
    Optional<Versioned<GrowConversation>> own(fi.kasvu.common.TenantId tenant, fi.kasvu.common.PersonId person,
                                              String context) {
        return conversations.listByOwner(tenant, person).documents().stream()
                .filter(v -> context.equals(v.value().context()))
                .max(Comparator.comparing(v -> v.value().updated()));
    }

    /** The two-party conversations in the context that the person coaches, the latest changed first. */
    java.util.List<Versioned<GrowConversation>> coachedBy(fi.kasvu.common.TenantId tenant,
                                                          fi.kasvu.common.PersonId coach, String context) {
        return conversations.listByContext(tenant, context).documents().stream()
                .filter(v -> Coaching.twoParty(v.value()) && coach.equals(v.value().participants().coach()))
                .sorted(Comparator.comparing((Versioned<GrowConversation> v) -> v.value().updated()).reversed())
                .toList();
    }

    /** Every conversation in the context. */
    java.util.List<Versioned<GrowConversation>> inContext(fi.kasvu.common.TenantId tenant, String context) {
        return conversations.listByContext(tenant, context).documents();
    }

    /** A conversation of the tenant by id. */
    Optional<Versioned<GrowConversation>> byId(fi.kasvu.common.TenantId tenant, String id) {
        return conversations.find(tenant, id);
    }

    /**
     * Starts a coachee's conversation with a coach already paired (the teacher pairs before the
     * coachee launched), in the teacher's page language; the coachee may switch it.
     */
    Versioned<GrowConversation> startPaired(PageSession organiser, fi.kasvu.common.PersonId coachee,
                                            fi.kasvu.common.PersonId coach) {
        GrowSettings settings = GrowSettings.fromCustom(organiser.placement().settings());
        return service.start(organiser.tenant(), prepare(settings, organiser.contextId(),
                Participants.coached(coachee, coach), organiser.language()));
    }

    /** The learner's conversation, if it exists and is theirs. */
    Optional<Versioned<GrowConversation>> find(PageSession session) {
        if (session.documentId().isEmpty()) {
            return Optional.empty();
        }
        return conversations.find(session.tenant(), session.documentId())
                .filter(v -> v.value().coachee().equals(session.person()));
    }

    /** Whether a completed conversation can be turned into a development plan here. */
    boolean offersPlans() {
        return plans != null;
    }

    /**
     * Makes the coachee's development plan from their completed conversation (core's {@code PlanFromGrow}).
     *
     * @return the saved plan, or the problems (an unfinished conversation, not the coachee)
     */
    fi.kasvu.common.Result<fi.kasvu.common.Versioned<fi.kasvu.plan.DevelopmentPlan>, fi.kasvu.plan.PlanProblem> plan(
            PageSession session, GrowConversation conversation) {
        return plans.fromGrow(session.tenant(), conversation, session.person());
    }

    /** The conversation in Kasvu's JSON format (the learner's own download). */
    String json(GrowConversation conversation) {
        return JSON.toJson(conversation);
    }

    /** What a change produced: the changed conversation and an optional note for the page (a field error). */
    record Outcome(GrowConversation conversation, FieldError error) {
    }

    /** A saved change and its note. */
    record Changed(Versioned<GrowConversation> saved, FieldError error) {
    }

    /**
     * Applies a change to the conversation as just read and saves it on that version; when another
     * request saved in between (two autosaves racing), reads again and re-applies.
     *
     * @throws NoSuchElementException if the conversation does not exist or is not the learner's
     */
    Changed change(PageSession session, Versioned<GrowConversation> read, Function<GrowConversation, Outcome> change) {
        return change(session.tenant(), session.person(), read, change);
    }

    /**
     * The same change made for the coachee by someone else (the teacher pairing a coach): the
     * conversation must still be the coachee's.
     *
     * @throws NoSuchElementException if the conversation does not exist or is not the coachee's
     */
    Changed change(fi.kasvu.common.TenantId tenant, fi.kasvu.common.PersonId coachee, Versioned<GrowConversation> read,
                   Function<GrowConversation, Outcome> change) {
        Versioned<GrowConversation> current = read;
        for (int attempt = 1; ; attempt++) {
            if (!current.value().coachee().equals(coachee)) {
                throw new NoSuchElementException("no GROW conversation of this learner with id: " + current.value().id());
            }
            Outcome[] outcome = new Outcome[1];
            SaveResult<GrowConversation> result = service.change(tenant, current, c -> {
                outcome[0] = change.apply(c);
                return outcome[0].conversation();
            });
            if (result instanceof SaveResult.Saved<GrowConversation> saved) {
                return new Changed(saved.saved(), outcome[0].error());
            }
            if (attempt >= ATTEMPTS) {
                result.orElseThrow();
            }
            String id = current.value().id();
            current = conversations.find(tenant, id)
                    .orElseThrow(() -> new NoSuchElementException("no GROW conversation with id: " + id));
        }
    }
}
