package fi.kasvu.lms.lti;

import fi.kasvu.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory tool keys and score outbox, for protocol tests only. */
public final class MemoryStores {

    private MemoryStores() {
    }

    /** Tool keys in a map. */
    public static final class MemoryToolKeys implements ToolKeys {
        private final Map<String, ToolKey> keys = new ConcurrentHashMap<>();

        @Override
        public List<ToolKey> all() {
            return List.copyOf(keys.values());
        }

        @Override
        public void save(ToolKey key) {
            keys.put(key.kid(), key);
        }

        @Override
        public void delete(String kid) {
            keys.remove(kid);
        }
    }

    /** An outbox in a map. */
    public static final class MemoryOutbox implements ScoreOutbox {
        private record Entry(String id, TenantId tenant, String payload, Instant dueAt, int attempts,
                             Optional<Instant> leasedUntil, String lastError) {
        }

        private final Map<String, Entry> entries = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public synchronized void enqueue(TenantId tenant, PendingScore score, Instant dueAt) {
            String id = "o-" + ids.incrementAndGet();
            entries.put(id, new Entry(id, tenant, score.toJson(), dueAt, 0, Optional.empty(), ""));
        }

        @Override
        public synchronized List<Claimed> claimDue(int max, Instant now, Duration lease) {
            List<Claimed> claimed = new ArrayList<>();
            for (Entry e : List.copyOf(entries.values())) {
                if (claimed.size() < max && !e.dueAt.isAfter(now) && e.leasedUntil.map(now::isAfter).orElse(true)) {
                    entries.put(e.id, new Entry(e.id, e.tenant, e.payload, e.dueAt, e.attempts,
                            Optional.of(now.plus(lease)), e.lastError));
                    claimed.add(new Claimed(e.id, e.tenant, e.payload, e.attempts));
                }
            }
            return claimed;
        }

        @Override
        public synchronized void markDone(String id) {
            entries.remove(id);
        }

        @Override
        public synchronized void retryLater(String id, Instant next, String error) {
            Entry e = entries.get(id);
            entries.put(id, new Entry(id, e.tenant, e.payload, next, e.attempts + 1, Optional.empty(), error));
        }

        /** How many scores wait. */
        public int pending() {
            return entries.size();
        }
    }
}
