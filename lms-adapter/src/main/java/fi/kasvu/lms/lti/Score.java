package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A score for one user on one line item (AGS Score Publish Service).
 *
 * @param userId           the platform's user id ({@code sub} of the launch)
 * @param scoreGiven       the score, if graded
 * @param scoreMaximum     the maximum, required with a score
 * @param comment          a comment for the learner, or empty
 * @param activityProgress how far the learner got
 * @param gradingProgress  how far grading got
 * @param timestamp        when the score was produced; a platform refuses scores older than its stored one
 */
public record Score(String userId, Optional<Double> scoreGiven, Optional<Double> scoreMaximum, String comment,
                   ActivityProgress activityProgress, GradingProgress gradingProgress, Instant timestamp) {

    /** The AGS activity progress values. */
    public enum ActivityProgress { Initialized, Started, InProgress, Submitted, Completed }

    /** The AGS grading progress values. */
    public enum GradingProgress { FullyGraded, Pending, PendingManual, Failed, NotReady }

    /**
     * @throws IllegalArgumentException if the user id is blank, a score comes without a maximum, or
     *                                  the score is negative or the maximum not positive
     */
    public Score {
        LtiIds.require("userId", userId);
        Require.nonNull("scoreGiven", scoreGiven);
        Require.nonNull("scoreMaximum", scoreMaximum);
        comment = comment == null ? "" : Require.text("comment", comment);
        Require.nonNull("activityProgress", activityProgress);
        Require.nonNull("gradingProgress", gradingProgress);
        Require.nonNull("timestamp", timestamp);
        if (scoreGiven.isPresent() && scoreMaximum.isEmpty()) {
            throw new IllegalArgumentException("scoreMaximum is required with scoreGiven: " + scoreGiven.get());
        }
        if (scoreGiven.isPresent() && !(scoreGiven.get() >= 0)) {
            throw new IllegalArgumentException("scoreGiven must be at least 0: " + scoreGiven.get());
        }
        if (scoreMaximum.isPresent() && !(scoreMaximum.get() > 0)) {
            throw new IllegalArgumentException("scoreMaximum must be positive: " + scoreMaximum.get());
        }
    }

    /** A final, fully graded score. */
    public static Score graded(String userId, double given, double maximum, Instant timestamp) {
        return new Score(userId, Optional.of(given), Optional.of(maximum), "", ActivityProgress.Completed,
                GradingProgress.FullyGraded, timestamp);
    }

    /** The score as the AGS JSON body. */
    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("userId", userId);
        scoreGiven.ifPresent(s -> json.add("scoreGiven", s));
        scoreMaximum.ifPresent(s -> json.add("scoreMaximum", s));
        if (!comment.isEmpty()) {
            json.add("comment", comment);
        }
        return json.add("activityProgress", activityProgress.name())
                .add("gradingProgress", gradingProgress.name())
                .add("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp))
                .build().toString();
    }

    /**
     * Reads a score written by {@link #toJson()}.
     *
     * @throws IOException if the text is no such score
     */
    public static Score fromJson(String text) throws IOException {
        JsonObject json = JsonBodies.object("score", text);
        try {
            return new Score(JsonBodies.string(json, "userId").orElse(""), JsonBodies.number(json, "scoreGiven"),
                    JsonBodies.number(json, "scoreMaximum"), JsonBodies.string(json, "comment").orElse(""),
                    ActivityProgress.valueOf(JsonBodies.string(json, "activityProgress").orElse("")),
                    GradingProgress.valueOf(JsonBodies.string(json, "gradingProgress").orElse("")),
                    Instant.parse(JsonBodies.string(json, "timestamp").orElse("")));
        } catch (RuntimeException e) {
            throw new IOException("stored score is unreadable: " + e.getMessage(), e);
        }
    }
}
