package fi.kasvu.lms.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand (the one such clock of lms-adapter's tests). */
public class MutableClock extends Clock {
    private volatile Instant now;

    /** A clock standing at {@code now}. */
    public MutableClock(Instant now) {
        this.now = now;
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Sets the clock. */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
