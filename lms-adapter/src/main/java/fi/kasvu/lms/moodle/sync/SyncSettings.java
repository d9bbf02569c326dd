package fi.kasvu.lms.moodle.sync;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How a sync runs.
 *
 * @param matchBy how participants are matched to Moodle users
 * @param batchSize how many items one write call carries (1..500; PHP drops fields beyond {@code max_input_vars})
 * @param meetingTime the time of day planned meetings start
 * @param zone the time zone of the meetings
 * @param meetingLength how long a meeting lasts
 * @param language the one language of group, grouping and event names, or null to take the course's
 *     forced language, else the language most members prefer
 */
public record SyncSettings(MatchBy matchBy, int batchSize, LocalTime meetingTime, ZoneId zone, Duration meetingLength,
        Language language) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming a batch size outside 1..500 or a meeting length outside 1 min..24 h
     */
    public SyncSettings {
        Require.nonNull("matchBy", matchBy);
        Require.range("batchSize", batchSize, 1, 500);
        Require.nonNull("meetingTime", meetingTime);
        Require.nonNull("zone", zone);
        Require.nonNull("meetingLength", meetingLength);
        if (meetingLength.compareTo(Duration.ofMinutes(1)) < 0 || meetingLength.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("meetingLength must be 1 minute..24 hours: " + meetingLength);
        }
    }

    /** Settings that choose the names' language from the course or the members. */
    public SyncSettings(MatchBy matchBy, int batchSize, LocalTime meetingTime, ZoneId zone, Duration meetingLength) {
        this(matchBy, batchSize, meetingTime, zone, meetingLength, null);
    }

    /** Match by email, 250 items per call, meetings at 13:00 Helsinki time for 90 minutes. */
    public static SyncSettings defaults() {
        return new SyncSettings(MatchBy.EMAIL, 250, LocalTime.of(13, 0), ZoneId.of("Europe/Helsinki"),
                Duration.ofMinutes(90));
    }

    /** The same settings with another matching. */
    public SyncSettings withMatchBy(MatchBy value) {
        return new SyncSettings(value, batchSize, meetingTime, zone, meetingLength, language);
    }

    /** The same settings with another batch size. */
    public SyncSettings withBatchSize(int value) {
        return new SyncSettings(matchBy, value, meetingTime, zone, meetingLength, language);
    }

    /** The same settings with the names in one given language (null: from the course or the members). */
    public SyncSettings withLanguage(Language value) {
        return new SyncSettings(matchBy, batchSize, meetingTime, zone, meetingLength, value);
    }
}
