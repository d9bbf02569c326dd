package fi.kasvu.lms.moodle.sync;

import fi.kasvu.lms.moodle.EnrolledUser;
import fi.kasvu.lms.moodle.MoodleCalls;
import java.util.Locale;

/** How a Kasvu participant is found among the course's Moodle users. */
public enum MatchBy {
    /** The participant's email equals the Moodle email (ignoring case). */
    EMAIL,
    /** The participant's id equals the Moodle username (Moodle usernames are lower case). */
    USERNAME,
    /** The participant's id equals the Moodle idnumber (exactly). */
    IDNUMBER;

    String keyOf(SyncMember member) {
        return switch (this) {
            case EMAIL -> member.email().toLowerCase(Locale.ROOT);
            case USERNAME -> member.id().toLowerCase(Locale.ROOT);
            case IDNUMBER -> member.id();
        };
    }

    String keyOf(EnrolledUser user) {
        String value = switch (this) {
            case EMAIL -> user.email();
            case USERNAME -> user.username();
            case IDNUMBER -> user.idnumber();
        };
        if (value == null) {
            return "";
        }
        return this == IDNUMBER ? value : value.toLowerCase(Locale.ROOT);
    }

    MoodleCalls.UserField userField() {
        return switch (this) {
            case EMAIL -> MoodleCalls.UserField.EMAIL;
            case USERNAME -> MoodleCalls.UserField.USERNAME;
            case IDNUMBER -> MoodleCalls.UserField.IDNUMBER;
        };
    }
}
