package fi.kasvu.lms.web;

/** A score state as the learner and the organiser read it, in the page's language. */
public final class ScoreNotes {

    private ScoreNotes() {
    }

    /** What the learner is told about their score ({@code score.*} texts). */
    public static String learner(ScoreState state, PageTexts t) {
        return note("score.", state, t);
    }

    /** A score state as the organiser's progress table shows it ({@code progress.score.*} texts). */
    public static String organiser(ScoreState state, PageTexts t) {
        return note("progress.score.", state, t);
    }

    private static String note(String prefix, ScoreState state, PageTexts t) {
        String key = prefix + state.code();
        if (state instanceof ScoreState.Retrying retrying) {
            return t.t(key, When.format(retrying.nextAttempt(), t.language()));
        }
        if (state instanceof ScoreState.Refused refused) {
            return t.t(key, refused.status(), refused.message());
        }
        if (state instanceof ScoreState.Superseded superseded) {
            return t.t(key, superseded.message());
        }
        return t.t(key);
    }
}
