package fi.kasvu.lms.lti;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory implementations of the LTI storage ports, for protocol tests only. */
public final class MemoryPorts {

    private MemoryPorts() {
    }

    /** Registrations in a map. */
    public static final class MemoryRegistrations implements Registrations {
        private final Map<String, PlatformRegistration> byId = new ConcurrentHashMap<>();

        @Override
        public Optional<PlatformRegistration> find(String issuer, String clientId) {
            return Optional.ofNullable(byId.get(PlatformRegistration.idOf(issuer, clientId)));
        }

        @Override
        public List<PlatformRegistration> all() {
            List<PlatformRegistration> list = new ArrayList<>(byId.values());
            list.sort(Comparator.comparing(PlatformRegistration::id));
            return list;
        }

        @Override
        public void save(PlatformRegistration registration) {
            byId.put(registration.id(), registration);
        }

        @Override
        public boolean create(PlatformRegistration registration) {
            return byId.putIfAbsent(registration.id(), registration) == null;
        }

        @Override
        public boolean remove(String issuer, String clientId) {
            return byId.remove(PlatformRegistration.idOf(issuer, clientId)) != null;
        }
    }

    /** Invites in a map, keyed by the token's hash as the real store is. */
    public static final class MemoryInvites implements RegistrationInvites {
        private final Map<String, Terms> byHash = new ConcurrentHashMap<>();

        @Override
        public void store(String tokenHash, Terms terms) {
            byHash.put(tokenHash, terms);
        }

        @Override
        public Optional<Terms> redeem(String tokenHash, Instant now) {
            Terms terms = byHash.remove(tokenHash);
            return terms == null || !now.isBefore(terms.expiresAt()) ? Optional.empty() : Optional.of(terms);
        }

        /** The stored keys (token hashes). */
        public java.util.Set<String> storedKeys() {
            return byHash.keySet();
        }
    }

    /** Nonces in a set. */
    public static final class MemoryNonces implements NonceStore {
        private final Map<String, Instant> used = new ConcurrentHashMap<>();

        @Override
        public boolean consume(String nonce, Instant expiresAt) {
            return used.putIfAbsent(nonce, expiresAt) == null;
        }
    }

    /** Launch states in a map. */
    public static final class MemoryLaunchStates implements LaunchStates {
        private final Map<String, Map.Entry<LaunchState, Instant>> states = new ConcurrentHashMap<>();

        @Override
        public void put(LaunchState state, Instant expiresAt) {
            states.put(state.state(), Map.entry(state, expiresAt));
        }

        @Override
        public Optional<LaunchState> take(String state, Instant now) {
            Map.Entry<LaunchState, Instant> entry = states.remove(state);
            return entry == null || !now.isBefore(entry.getValue()) ? Optional.empty() : Optional.of(entry.getKey());
        }

        @Override
        public Optional<LaunchState> peek(String state, Instant now) {
            Map.Entry<LaunchState, Instant> entry = states.get(state);
            return entry == null || !now.isBefore(entry.getValue()) ? Optional.empty() : Optional.of(entry.getKey());
        }
    }
}
