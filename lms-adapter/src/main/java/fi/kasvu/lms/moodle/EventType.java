package fi.kasvu.lms.moodle;

import java.util.Locale;

/** The calendar an event belongs to. {@code category} is left out: the function has no categoryid. */
public enum EventType {
    /** The token user's own calendar. */
    USER,
    /** Everyone in the course. */
    COURSE,
    /** One group of a course; needs both course and group id. */
    GROUP,
    /** The whole site (course id 1). */
    SITE;

    /** Moodle's name for it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
