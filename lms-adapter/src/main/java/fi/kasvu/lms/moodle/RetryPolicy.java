package fi.kasvu.lms.moodle;

import java.time.Duration;

/**
 * When and how long to wait before trying a call again: exponential backoff with jitter.
 *
 * <p>The client retries only what is safe: reads, and any call whose request never reached
 * Moodle (the connection could not be opened). Writes are made safe by idempotency keys
 * ({@code idnumber}) in the sync instead of blind retries.
 *
 * @param maxAttempts how many times a call is tried in all, 1 meaning no retry
 * @param initialDelay the wait before the second attempt
 * @param maxDelay the longest wait between two attempts
 * @param multiplier how much the wait grows per attempt
 * @param jitter the share (0..1) of each wait that is randomised, to spread clients apart
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

    /**
     * Checks the policy.
     *
     * @throws IllegalArgumentException naming the field and value that is out of range
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20: " + maxAttempts);
        }
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must be zero or positive: " + initialDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least initialDelay " + initialDelay + ": " + maxDelay);
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("multiplier must be 1..10: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be 0..1: " + jitter);
        }
    }

    /** Four attempts, waiting about 0.5 s, 1 s and 2 s (each up to half shorter, at random). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, 0.5);
    }

    /** One attempt, never a retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0);
    }

    /**
     * The wait after the given failed attempt (1-based), with {@code random} in 0..1 choosing the jitter.
     *
     * @throws IllegalArgumentException if the attempt is not positive or random is outside 0..1
     */
    public Duration delayAfter(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        }
        if (!(random >= 0.0 && random <= 1.0)) {
            throw new IllegalArgumentException("random must be 0..1: " + random);
        }
        double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        double withJitter = capped * (1.0 - jitter * random);
        return Duration.ofMillis(Math.round(withJitter));
    }

    /** Waits between attempts; tests inject one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {

        /** The real thing: {@link Thread#sleep(long)}. */
        Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

        /**
         * Waits for the duration.
         *
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }
}
