package fi.kasvu.lms.server;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.activity.programme.CalendarSubscriptions;
import fi.kasvu.store.jdbc.ExpiringValues;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Calendar subscriptions in the shared expiring values of the database, so every instance answers
 * them: a secret's SHA-256 leads to its subscriber, and the subscriber's key leads to the hash of
 * their one live secret (to replace or revoke it). The secret itself is never stored.
 */
final class StoredCalendarSubscriptions implements CalendarSubscriptions {

    private static final String BY_SECRET = "calendar.secret";
    private static final String BY_PERSON = "calendar.person";
    /** How long an address lives without being renewed. */
    static final Duration LIFETIME = Duration.ofDays(3 * 365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExpiringValues values;
    private final Clock clock;

    StoredCalendarSubscriptions(ExpiringValues values, Clock clock) {
        this.values = values;
        this.clock = clock;
    }

    @Override
    public String renew(Subscriber subscriber) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String personKey = personKey(subscriber.tenant(), subscriber.programmeId(), subscriber.person());
        values.get(BY_PERSON, personKey, clock.instant()).ifPresent(old -> values.remove(BY_SECRET, old));
        String hash = sha256(secret);
        var expires = clock.instant().plus(LIFETIME);
        values.put(BY_SECRET, hash, String.join("\n", subscriber.tenant().value(), subscriber.programmeId(),
                subscriber.person().value(), subscriber.language().code()), expires);
        values.put(BY_PERSON, personKey, hash, expires);
        return secret;
    }

    @Override
    public boolean revoke(TenantId tenant, String programmeId, PersonId person) {
        Optional<String> hash = values.take(BY_PERSON, personKey(tenant, programmeId, person), clock.instant());
        hash.ifPresent(h -> values.remove(BY_SECRET, h));
        return hash.isPresent();
    }

    @Override
    public boolean active(TenantId tenant, String programmeId, PersonId person) {
        return values.get(BY_PERSON, personKey(tenant, programmeId, person), clock.instant()).isPresent();
    }

    @Override
    public Optional<Subscriber> find(String secret) {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return values.get(BY_SECRET, sha256(secret), clock.instant()).map(value -> {
            String[] parts = value.split("\n", -1);
            return new Subscriber(TenantId.of(parts[0]), parts[1], PersonId.of(parts[2]), Language.ofCode(parts[3]));
        });
    }

    private static String personKey(TenantId tenant, String programmeId, PersonId person) {
        return sha256(tenant.value() + "\n" + programmeId + "\n" + person.value());
    }

    static String sha256(String value) {
        return Hashes.sha256Hex(value);
    }
}
