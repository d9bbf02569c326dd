package fi.kasvu.common.internal;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The load → change → stamp → save-with-version → publish sequence every feature service runs,
 * written once. A change that meets a concurrent save is read again and applied again to the
 * newer document (the command's rules are checked again on it), up to {@link #ATTEMPTS} times;
 * events are published only for what was saved, after it was saved.
 *
 * @param <T> the aggregate
 * @param <P> its problem type
 * @param <E> its event type
 */
public final class DocumentCommands<T, P extends Problem, E> {

    /** How many times a change is tried before a run of conflicts is reported. */
    public static final int ATTEMPTS = 8;

    /** The events a change from {@code before} (null for a new document) to {@code after} amounts to. */
    @FunctionalInterface
    public interface EventsBetween<T, E> {
        /** The events, in the order they are published. */
        List<? extends E> between(T before, T after, Instant at);
    }

    private final DocumentRepository<T> documents;
    private final String idField;
    private final Function<T, String> idOf;
    private final EventsBetween<T, E> events;
    private final Consumer<? super E> listener;
    private final Clock clock;

    private DocumentCommands(DocumentRepository<T> documents, EventsBetween<T, E> events, Consumer<? super E> listener,
                             Clock clock) {
        this.documents = Require.nonNull("documents", documents);
        this.idField = documents.kind().name();
        this.idOf = documents.kind().id();
        this.events = Require.nonNull("events", events);
        this.listener = Require.nonNull("listener", listener);
        this.clock = Require.nonNull("clock", clock);
    }

    /**
     * Commands over the repository, publishing what {@code events} finds to the listener.
     *
     * @throws NullPointerException if a part is null
     */
    public static <T, P extends Problem, E> DocumentCommands<T, P, E> of(DocumentRepository<T> documents,
            EventsBetween<T, E> events, Consumer<? super E> listener, Clock clock) {
        return new DocumentCommands<>(documents, events, listener, clock);
    }

    /** The clock's instant, the one stamp a command gets. */
    public Instant now() {
        return clock.instant();
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /**
     * Saves a new document made by a rule at the clock's instant, and publishes its events.
     *
     * @return the saved document at version 1, or the rule's problems (nothing saved)
     * @throws IllegalStateException if the id is already taken (the id supplier repeats itself)
     */
    public Result<Versioned<T>, P> create(TenantId tenant, Function<Instant, Result<T, P>> rule) {
        Instant now = clock.instant();
        Result<T, P> made = Require.nonNull("rule result", rule.apply(now));
        if (!made.isAccepted()) {
            return Result.rejected(made.problems());
        }
        T created = made.orElseThrow();
        SaveResult<T> saved = documents.save(tenant, Versioned.unsaved(created));
        if (!saved.isSaved()) {
            throw new IllegalStateException(idField + " id already taken: " + idOf.apply(created));
        }
        publish(null, created, now);
        return Result.accepted(saved.orElseThrow());
    }

    /**
     * Applies a command to the stored document, saves it with the version read, and publishes its
     * events; on a conflict reads the document again and re-applies the command.
     *
     * @return the saved document at its new version, or the command's problems (nothing saved)
     * @throws NoSuchElementException           naming the kind and id if there is no such document
     * @throws ConcurrentModificationException if every attempt met a concurrent save
     * @throws IllegalArgumentException        if the command changed the document's id
     */
    public Result<Versioned<T>, P> change(TenantId tenant, String id, BiFunction<T, Instant, Result<T, P>> command) {
        Require.nonNull("command", command);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Versioned<T> stored = find(tenant, id);
            Instant now = clock.instant();
            Result<T, P> changed = Require.nonNull("command result", command.apply(stored.value(), now));
            if (!changed.isAccepted()) {
                return Result.rejected(changed.problems());
            }
            T after = changed.orElseThrow();
            if (!idOf.apply(after).equals(id)) {
                throw new IllegalArgumentException("a change must not alter the " + idField + " id: "
                        + idOf.apply(after));
            }
            SaveResult<T> saved = documents.save(tenant, stored.with(after));
            if (saved.isSaved()) {
                publish(stored.value(), after, now);
                return Result.accepted(saved.orElseThrow());
            }
        }
        throw new ConcurrentModificationException(idField + " " + id + " was changed concurrently " + ATTEMPTS
                + " times in a row; nothing was saved");
    }

    /**
     * The stored document.
     *
     * @throws NoSuchElementException naming the kind and id if there is none in the tenant
     */
    public Versioned<T> find(TenantId tenant, String id) {
        return documents.find(tenant, id)
                .orElseThrow(() -> new NoSuchElementException("no " + idField + " with id: " + id));
    }

    /** Publishes the events a change amounts to; for changes saved by other means (a compensated pair). */
    public void publish(T before, T after, Instant at) {
        for (E event : events.between(before, after, at)) {
            listener.accept(event);
        }
    }
}
