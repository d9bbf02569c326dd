package fi.kasvu.lms.moodle.sync;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A journal kept in memory, for tests, benchmarks and one-off runs. */
public final class InMemorySyncJournal implements SyncJournal {

    private final Map<String, MessageState> messages = new ConcurrentHashMap<>();
    private final Set<String> assignments = ConcurrentHashMap.newKeySet();

    @Override
    public MessageState message(String key) {
        return messages.getOrDefault(key, MessageState.NONE);
    }

    @Override
    public void messageIntended(String key) {
        messages.put(key, MessageState.UNCERTAIN);
    }

    @Override
    public void messageSent(String key, long msgid) {
        messages.put(key, MessageState.SENT);
    }

    @Override
    public void messageFailed(String key, String reason) {
        messages.put(key, MessageState.FAILED);
    }

    @Override
    public boolean assigned(long groupingId, long groupId) {
        return assignments.contains(groupingId + "/" + groupId);
    }

    @Override
    public void assignedNow(long groupingId, long groupId) {
        assignments.add(groupingId + "/" + groupId);
    }
}
