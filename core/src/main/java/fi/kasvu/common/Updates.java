package fi.kasvu.common;

import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Runs a command on a stored aggregate the way every service does: read, apply, save at the
 * version read, and when someone else saved first, read again and apply again. Commands are pure
 * functions of the aggregate, so re-applying one to the newer state is safe, and a single-use
 * rule (a rater link) holds: the second attempt sees the link already used.
 */
public final class Updates {

    /** How many times a command is tried before concurrent saves are reported as a failure. */
    public static final int ATTEMPTS = 5;

    private Updates() {
    }

    /**
     * A command that went through and was saved.
     *
     * @param before the aggregate the command was applied to
     * @param saved  the aggregate as saved, with its new version
     * @param value  what the command returned (the aggregate, or a value holding it)
     */
    public record Update<T, V>(T before, Versioned<T> saved, V value) {
        /** @throws NullPointerException if a part is missing */
        public Update {
            Require.nonNull("before", before);
            Require.nonNull("saved", saved);
            Require.nonNull("value", value);
        }
    }

    /**
     * Applies the command to the stored aggregate and saves the result, retrying on conflicts.
     *
     * @param command   the command; its rejection is returned as it is and nothing is saved
     * @param aggregate the changed aggregate within the command's value
     * @return the update, or the command's problems
     * @throws NoSuchElementException naming the id if the aggregate does not exist
     * @throws IllegalStateException  if every attempt met a concurrent save
     */
    public static <T, V, P extends Problem> Result<Update<T, V>, P> apply(DocumentRepository<T> repository,
                                                                         TenantId tenant, String id,
                                                                         Function<T, Result<V, P>> command,
                                                                         Function<V, T> aggregate) {
        Require.nonNull("command", command);
        Require.nonNull("aggregate", aggregate);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned<T> stored = repository.find(tenant, id).orElseThrow(() -> new NoSuchElementException(
                    "no " + repository.kind().name() + " with id: " + id));
            Result<V, P> result = command.apply(stored.value());
            if (!(result instanceof Result.Accepted<V, P> accepted)) {
                return Result.rejected(result.problems());
            }
            T changed = Require.nonNull("changed aggregate", aggregate.apply(accepted.value()));
            if (!repository.kind().id().apply(changed).equals(id)) {
                throw new IllegalArgumentException("a command must not alter the id: " + id);
            }
            SaveResult<T> saved = repository.save(tenant, stored.with(changed));
            if (saved instanceof SaveResult.Saved<T> done) {
                return Result.accepted(new Update<>(stored.value(), done.saved(), accepted.value()));
            }
        }
        throw new IllegalStateException(repository.kind().name() + " " + id + " kept changing under "
                + ATTEMPTS + " attempts; try again");
    }
}
