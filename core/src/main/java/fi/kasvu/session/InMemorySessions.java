package fi.kasvu.session;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Sessions} in a map, refusing what the database stores refuse. */
final class InMemorySessions implements Sessions {

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void put(StoredSession session) {
        Require.nonNull("session", session);
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public Optional<StoredSession> find(String tokenHash, Instant now) {
        if (tokenHash == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.get(tokenHash)).filter(s -> s.openAt(now));
    }

    @Override
    public int revokePlatform(String platform) {
        return removeIf(s -> s.platform().equals(platform));
    }

    @Override
    public int revokePerson(PersonId person) {
        return removeIf(s -> s.person().equals(person));
    }

    @Override
    public int revokeOthers(TenantId tenant, PersonId person, String context, String keepTokenHash) {
        return removeIf(s -> s.tenant().equals(tenant) && s.person().equals(person) && s.context().equals(context)
                && !s.tokenHash().equals(keepTokenHash));
    }

    @Override
    public List<StoredSession> all() {
        return List.copyOf(sessions.values());
    }

    @Override
    public List<StoredSession> ofPerson(TenantId tenant, PersonId person) {
        return sessions.values().stream().filter(s -> s.tenant().equals(tenant) && s.person().equals(person)).toList();
    }

    @Override
    public int erase(TenantId tenant, PersonId person) {
        return removeIf(s -> s.tenant().equals(tenant) && s.person().equals(person));
    }

    @Override
    public int purgeClosed(Instant now) {
        return removeIf(s -> !s.openAt(now));
    }

    private int removeIf(java.util.function.Predicate<StoredSession> which) {
        int[] removed = new int[1];
        sessions.values().removeIf(s -> {
            boolean remove = which.test(s);
            removed[0] += remove ? 1 : 0;
            return remove;
        });
        return removed[0];
    }
}
