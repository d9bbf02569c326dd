package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last decoded value of recently read documents of one kind, by tenant and id, with the exact
 * stored text it was decoded from (issue 19). A read gets the kept value only when the text it
 * read from the database is equal, character for character, to the text that value came from; any
 * change (a save here, by another instance, by hand) changes the text and is decoded afresh. The
 * values must be immutable: the same object is handed to every reader. Bounded: when full, it is
 * emptied and fills again with what is read next.
 */
final class DecodedDocuments<T> {

    private record Key(String tenant, String id) {
    }

    private record Entry<T>(String text, T value) {
    }

    private final int capacity;
    private final Map<Key, Entry<T>> entries = new ConcurrentHashMap<>();

    DecodedDocuments(int capacity) {
        this.capacity = Require.range("capacity", capacity, 1, 1_000_000);
    }

    /** The value decoded from this text: kept from an earlier read of the same text, or decoded now. */
    T get(TenantId tenant, String id, String text, Function<String, T> decode) {
        Key key = new Key(tenant.value(), id);
        Entry<T> kept = entries.get(key);
        if (kept != null && kept.text().equals(text)) {
            return kept.value();
        }
        T value = decode.apply(text);
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry<>(text, value));
        return value;
    }

    /** How many documents are kept (tests). */
    int size() {
        return entries.size();
    }
}
