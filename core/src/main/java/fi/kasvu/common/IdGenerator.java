package fi.kasvu.common;

import java.util.UUID;

/** Where new identifiers come from; injected so that tests get predictable ids. */
@FunctionalInterface
public interface IdGenerator {

    /** A new identifier, unique within its tenant. */
    String next();

    /** Random UUIDs: the default outside tests. */
    static IdGenerator uuids() {
        return () -> UUID.randomUUID().toString();
    }

    /** {@code prefix-1}, {@code prefix-2}, …: for tests and examples. */
    static IdGenerator sequence(String prefix) {
        long[] counter = {0};
        return () -> {
            synchronized (counter) {
                return prefix + "-" + (++counter[0]);
            }
        };
    }
}
