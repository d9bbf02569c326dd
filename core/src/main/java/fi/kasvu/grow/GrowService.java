package fi.kasvu.grow;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.common.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Starts, changes and stores conversations, stamping each change with the clock and telling
 * {@link GrowEvents} what happened once the change is saved (never for a change that conflicted).
 */
public final class GrowService {

    private final GrowConversations conversations;
    private final GrowEvents events;
    private final Clock clock;
    private final IdGenerator ids;

    private GrowService(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids) {
        this.conversations = Require.nonNull("conversations", conversations);
        this.events = Require.nonNull("events", events);
        this.clock = Require.nonNull("clock", clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /**
     * A service over the repository, publishing to the listener.
     *
     * @throws NullPointerException if a part is null
     */
    public static GrowService of(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids) {
        return new GrowService(conversations, events, clock, ids);
    }

    /**
     * Starts and saves a new conversation from a template, in a context (null for none).
     *
     * @throws NullPointerException if a required part is null
     * @throws IllegalStateException if the new id is already taken
     */
    public Versioned<GrowConversation> start(TenantId tenant, GrowTemplate template, Participants participants,
                                             Language language, String context) {
        GrowConversation conversation = GrowConversation.start(ids.next(), template, participants, language, clock)
                .inContext(context);
        return conversations.save(tenant, Versioned.unsaved(conversation)).orElseThrow();
    }

    /**
     * Stores a conversation the caller started and prepared (with {@link GrowConversation#start},
     * then its mode or minimum set), in one save.
     *
     * @throws IllegalStateException if a conversation with its id exists already
     */
    public Versioned<GrowConversation> start(TenantId tenant, GrowConversation prepared) {
        Require.nonNull("prepared", prepared);
        Versioned<GrowConversation> saved = conversations.save(tenant, Versioned.unsaved(prepared)).orElseThrow();
        GrowEvent.between(null, prepared, clock.instant()).forEach(events::on);
        return saved;
    }

    /**
     * Applies a change to a conversation the caller has just read and saves it on that version,
     * without reading it again: one conditional write. A concurrent change is a conflict.
     *
     * @throws IllegalArgumentException if the change alters the conversation's id
     */
    public SaveResult<GrowConversation> change(TenantId tenant, Versioned<GrowConversation> read,
                                               UnaryOperator<GrowConversation> change) {
        Require.nonNull("read", read);
        Instant now = clock.instant();
        GrowConversation before = read.value();
        GrowConversation after = Require.nonNull("changed conversation", change.apply(before)).touched(now);
        if (!after.id().equals(before.id())) {
            throw new IllegalArgumentException("a change must not alter the conversation id: " + after.id());
        }
        SaveResult<GrowConversation> result = conversations.save(tenant, read.with(after));
        if (result.isSaved()) {
            GrowEvent.between(before, after, now).forEach(events::on);
        }
        return result;
    }

    /**
     * Applies a change to the conversation read at {@code expectedVersion}, stamps it, saves it and
     * publishes its events.
     *
     * @return the saved conversation, or a conflict if someone saved it meanwhile (nothing published)
     * @throws NoSuchElementException   naming the id if the conversation does not exist
     * @throws IllegalArgumentException if the change itself rejects a value
     * @throws RuntimeException         whatever a listener throws, after the change is saved (so a
     *                                  caller must not retry it blindly; listeners should not throw)
     */
    public SaveResult<GrowConversation> change(TenantId tenant, String id, long expectedVersion,
                                               UnaryOperator<GrowConversation> change) {
        Versioned<GrowConversation> stored = conversations.find(tenant, id)
                .orElseThrow(() -> new NoSuchElementException("no GROW conversation with id: " + id));
        if (stored.version() != expectedVersion) {
            return new SaveResult.Conflict<>(id, expectedVersion, stored.version());
        }
        Instant now = clock.instant();
        GrowConversation before = stored.value();
        GrowConversation after = Require.nonNull("changed conversation", change.apply(before)).touched(now);
        if (!after.id().equals(id)) {
            throw new IllegalArgumentException("a change must not alter the conversation id: " + after.id());
        }
        SaveResult<GrowConversation> result = conversations.save(tenant, stored.with(after));
        if (result.isSaved()) {
            GrowEvent.between(before, after, now).forEach(events::on);
        }
        return result;
    }

    /**
     * What the viewer may see of the conversation: all of it for the coachee, the shared view for
     * anyone else; empty if there is no such conversation in the tenant.
     */
    public Optional<ConversationView> view(TenantId tenant, String id, PersonId viewer) {
        return conversations.find(tenant, id).map(stored -> stored.value().viewFor(viewer));
    }

    /**
     * The progress of every conversation in a context (an activity, a group), newest change
     * first, for a teacher's or coach's overview: no content, only what {@link ConversationView.Progress} holds.
     */
    public List<ConversationView.Progress> progressIn(TenantId tenant, String context) {
        return conversations.listByContext(tenant, context).documents().stream()
                .map(stored -> ConversationView.Progress.of(stored.value()))
                .toList();
    }

    /**
     * Publishes an {@link GrowEvent.ActionDue} for every open action of the coachee's conversations
     * that is due on or before the clock's today (in the given time zone's sense of the clock).
     *
     * @return the events published
     */
    public List<GrowEvent> announceDueActions(TenantId tenant, PersonId coachee) {
        LocalDate today = LocalDate.now(clock);
        List<GrowEvent> due = new ArrayList<>();
        for (Versioned<GrowConversation> stored : conversations.listByOwner(tenant, coachee).documents()) {
            due.addAll(GrowEvent.dueBy(stored.value(), today));
        }
        due.forEach(events::on);
        return List.copyOf(due);
    }
}
