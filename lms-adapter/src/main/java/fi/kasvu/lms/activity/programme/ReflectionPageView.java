package fi.kasvu.lms.activity.programme;

import fi.kasvu.lms.web.Views;
import java.util.List;

/**
 * The reflection page's model: the assignment, where the reflection stands and, for the learner
 * and their coach only, its text and the feedback.
 *
 * @param frame        the page frame
 * @param errors       what was wrong in the last form
 * @param notice       what the last action did ("" for none)
 * @param title        the assignment's title
 * @param instructions what to do ("" for none)
 * @param deadline     the deadline, formatted
 * @param status       where the reflection stands, in words
 * @param coachName    the coach's name ("" when none is named yet)
 * @param editable     whether the learner can still write (a draft)
 * @param text         the text field (the learner's own, while a draft)
 * @param submittedText the submitted text (read-only, "" while a draft)
 * @param feedback     the coach's feedback ("" for none)
 * @param feedbackField the coach's feedback field (null for the learner)
 * @param action       where the form posts
 * @param back         the way back to the timeline (null for none)
 */
public record ReflectionPageView(Views.Frame frame, List<Views.Message> errors, String notice, String title,
                                 String instructions, String deadline, String status, String coachName,
                                 boolean editable, Views.Field text, String submittedText, String feedback,
                                 Views.Field feedbackField, String action, String back) {

    /** A text of the page bundles. */
    public String m(String key, Object... arguments) {
        return frame.texts().t(key, arguments);
    }
}
