package fi.kasvu.lms.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved forward on demand, so the outbox's retry delay can pass without waiting. */
final class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    void advance(Duration duration) {
        shift = shift.plus(duration);
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
        return Instant.now().plus(shift);
    }
}
