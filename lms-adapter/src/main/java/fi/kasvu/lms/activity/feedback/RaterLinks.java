package fi.kasvu.lms.activity.feedback;

import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a rater link leads: from the SHA-256 of a link's token to the tenant and assessment it
 * belongs to, so that the public page can find the assessment from the link alone. Only the
 * hash is kept (the token exists only in the link the subject copied); an entry is kept a while
 * past the link's expiry, so that an expired link is told it expired rather than that it is unknown.
 */
public interface RaterLinks {

    /** Remembers where the link whose token hashes to {@code tokenHash} leads, until {@code keepUntil}. */
    void remember(String tokenHash, Target target, Instant keepUntil);

    /** Where the link leads, if it is known and kept at {@code now}. */
    Optional<Target> find(String tokenHash, Instant now);

    /**
     * An assessment of a tenant.
     *
     * @param tenant       the tenant
     * @param assessmentId the assessment
     */
    record Target(TenantId tenant, String assessmentId) {
        /** @throws IllegalArgumentException if the id is not an id */
        public Target {
            Require.nonNull("tenant", tenant);
            Require.id("assessmentId", assessmentId);
        }

        /** The stored form: the assessment id, a line feed, the tenant. */
        public String encode() {
            return assessmentId + "\n" + tenant.value();
        }

        /** The target from its stored form, if it is well formed. */
        public static Optional<Target> decode(String stored) {
            int cut = stored == null ? -1 : stored.indexOf('\n');
            if (cut <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Target(TenantId.of(stored.substring(cut + 1)), stored.substring(0, cut)));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
    }

    /** Links kept in memory (tests, a single short-lived process). */
    static RaterLinks inMemory() {
        Map<String, Map.Entry<Target, Instant>> links = new ConcurrentHashMap<>();
        return new RaterLinks() {
            @Override
            public void remember(String tokenHash, Target target, Instant keepUntil) {
                links.put(tokenHash, Map.entry(target, keepUntil));
            }

            @Override
            public Optional<Target> find(String tokenHash, Instant now) {
                return Optional.ofNullable(links.get(tokenHash)).filter(e -> e.getValue().isAfter(now)).map(Map.Entry::getKey);
            }
        };
    }
}
