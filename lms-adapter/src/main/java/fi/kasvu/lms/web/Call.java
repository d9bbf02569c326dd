package fi.kasvu.lms.web;

import fi.kasvu.common.Require;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as an activity sees it: the session, the rest of the path after the activity's
 * routes begin, the method, the submitted parameters and the addresses to link to. It holds no
 * servlet types, so an activity cannot write to the response or call back into the servlet.
 *
 * @param session    the signed-in session
 * @param path       the path after the session's base, without the leading slash ({@code grow/goal})
 * @param post       whether it is a POST (the CSRF token was checked already)
 * @param parameters every parameter, query and body, first value of each
 * @param all        every parameter with all its values, in the order sent
 * @param base       the session's URL prefix ({@code /pages/s/<token>})
 * @param staticBase the URL prefix of the stylesheet and script
 * @param texts      the page texts in the session's language, with the activity's bundle first
 * @param scoreSource where the learner's score stands as stored ({@link ScoreState.NotCompleted} while no
 *                    score is recorded), read only when a page asks, so an autosave does not read it
 */
public record Call(PageSession session, String path, boolean post, Map<String, String> parameters,
                   Map<String, String[]> all, String base, String staticBase, PageTexts texts,
                   java.util.function.Supplier<ScoreState> scoreSource) {

    /** A call whose score state is already known. */
    public Call(PageSession session, String path, boolean post, Map<String, String> parameters,
                Map<String, String[]> all, String base, String staticBase, PageTexts texts, ScoreState score) {
        this(session, path, post, parameters, all, base, staticBase, texts, () -> score);
        Require.nonNull("score", score);
    }

    /** Copies the parameters; the score is read at most once. */
    public Call {
        Require.nonNull("session", session);
        Require.nonNull("path", path);
        parameters = Map.copyOf(parameters);
        Map<String, String[]> copy = new LinkedHashMap<>();
        all.forEach((k, v) -> copy.put(k, v.clone()));
        all = java.util.Collections.unmodifiableMap(copy);
        Require.nonNull("base", base);
        Require.nonNull("staticBase", staticBase);
        Require.nonNull("texts", texts);
        scoreSource = once(Require.nonNull("scoreSource", scoreSource));
    }

    /** Where the learner's score stands (read on the first call). */
    public ScoreState score() {
        return Require.nonNull("score", scoreSource.get());
    }

    private static java.util.function.Supplier<ScoreState> once(java.util.function.Supplier<ScoreState> source) {
        if (source instanceof Once) {
            return source;
        }
        return new Once(source);
    }

    /** A supplier that asks its source once. */
    private static final class Once implements java.util.function.Supplier<ScoreState> {
        private final java.util.function.Supplier<ScoreState> source;
        private volatile ScoreState value;

        Once(java.util.function.Supplier<ScoreState> source) {
            this.source = source;
        }

        @Override
        public ScoreState get() {
            ScoreState current = value;
            if (current == null) {
                current = source.get();
                value = current;
            }
            return current;
        }
    }

    /** A parameter's first value, or "" if it was not sent. */
    public String param(String name) {
        return parameters.getOrDefault(name, "");
    }

    /** Whether the parameter was sent. */
    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** The frame every page of this session shares, with its title and the path the language switch returns to. */
    public Views.Frame frame(String title, String back) {
        String context = session.placement().title()
                + (session.courseTitle().isEmpty() ? "" : " – " + session.courseTitle());
        return withScore(new Views.Frame(texts, title, context, base, session.csrf(), staticBase, true, back,
                session.role() == PageSession.Role.LEARNER));
    }

    /**
     * The frame with the note of where the learner's score stands, for a learner of a graded
     * placement once a score is recorded (queued, delivered, retrying, refused, superseded);
     * the frame unchanged otherwise. Every learner page of every gradable kind shows it.
     */
    public Views.Frame withScore(Views.Frame frame) {
        if (!frame.learner() || session.role() != PageSession.Role.LEARNER || !session.placement().graded()
                || session.lineItem().isEmpty()) {
            return frame;
        }
        ScoreState state = score();
        if (state instanceof ScoreState.NotGraded || state instanceof ScoreState.NotCompleted) {
            return frame;
        }
        return frame.withScore(ScoreNotes.learner(state, frame.texts()), state.code());
    }
}
