package fi.kasvu.survey;

import fi.kasvu.common.Require;
import fi.kasvu.common.internal.Hashes;

/**
 * How the LMS's survey kinds key the survey of an activity: from the kind's name and the
 * activity's context, so every launch of it finds the same survey. The survey kinds store surveys
 * under these ids and the programme dashboard and the command line find them by the same rule;
 * all call this one place.
 */
public final class SurveyKeys {

    /** The culture self-assessment kind's name. */
    public static final String CULTURE = "culture-assessment";
    /** The pulse survey kind's name. */
    public static final String PULSE = "pulse-survey";

    private SurveyKeys() {
    }

    /**
     * The id of the survey a kind keeps for an activity's context ({@code activity:<resource link id>}):
     * {@code survey-} and 32 hex digits of the SHA-256 of the kind, a line feed and the context.
     */
    public static String surveyId(String kind, String contextId) {
        Require.nonNull("kind", kind);
        Require.nonNull("contextId", contextId);
        return "survey-" + Hashes.sha256Hex(kind + "\n" + contextId).substring(0, 32);
    }
}
