package fi.kasvu.lms.pages;

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
import java.time.Clock;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A learner's exercise in one activity: found or started on launch, changed through core's
 * {@link GrowService} (which stamps and stores each change), retried on a concurrent save.
 */
final class Exercise {

    private static final int ATTEMPTS = 5;

    private final GrowConversations conversations;
    private final GrowService service;

    Exercise(GrowConversations conversations, Clock clock, IdGenerator ids) {
        this.conversations = Require.nonNull("conversations", conversations);
        this.service = GrowService.of(conversations, GrowEvents.none(), clock, ids);
    }

    /**
     * The learner's conversation in the session's activity, started (alone, in the session's
     * language, with the activity's minimum of options) if there is none yet.
     */
    Versioned<GrowConversation> findOrStart(PageSession session) {
        Optional<Versioned<GrowConversation>> existing = conversations.listByOwner(session.tenant(), session.person())
                .documents().stream()
                .filter(v -> session.contextId().equals(v.value().context()))
                .max(Comparator.comparing(v -> v.value().updated()));
        if (existing.isPresent()) {
            return existing.get();
        }
        Versioned<GrowConversation> started = service.start(session.tenant(), session.activity().template(),
                Participants.alone(session.person()), session.language(), session.contextId());
        // Inside the LMS each learner works through the exercise alone: the questions act as coach.
        return change(session, started.value().id(), c -> new Outcome(
                c.withSetting(Mode.SELF, Participants.alone(session.person()))
                        .withMinimumOptions(session.activity().minimumOptions()), null)).saved();
    }

    /** The learner's conversation, if it exists and is theirs. */
    Optional<Versioned<GrowConversation>> find(PageSession session) {
        if (session.conversationId().isEmpty()) {
            return Optional.empty();
        }
        return conversations.find(session.tenant(), session.conversationId())
                .filter(v -> v.value().coachee().equals(session.person()));
    }

    /** What a change produced: the changed conversation and an optional note for the page (a field error). */
    record Outcome(GrowConversation conversation, FieldError error) {
    }

    /** A saved change and its note. */
    record Changed(Versioned<GrowConversation> saved, FieldError error) {
    }

    /**
     * Applies a change to the learner's latest conversation and saves it, reading again and
     * re-applying when another request saved in between (two autosaves racing).
     *
     * @throws NoSuchElementException if the conversation does not exist
     */
    Changed change(PageSession session, String id, Function<GrowConversation, Outcome> change) {
        for (int attempt = 1; ; attempt++) {
            Versioned<GrowConversation> stored = conversations.find(session.tenant(), id)
                    .orElseThrow(() -> new NoSuchElementException("no GROW conversation with id: " + id));
            if (!stored.value().coachee().equals(session.person())) {
                throw new NoSuchElementException("no GROW conversation of this learner with id: " + id);
            }
            Outcome[] outcome = new Outcome[1];
            SaveResult<GrowConversation> result = service.change(session.tenant(), id, stored.version(), c -> {
                outcome[0] = change.apply(c);
                return outcome[0].conversation();
            });
            if (result instanceof SaveResult.Saved<GrowConversation> saved) {
                return new Changed(saved.saved(), outcome[0].error());
            }
            if (attempt >= ATTEMPTS) {
                result.orElseThrow();
            }
        }
    }
}
