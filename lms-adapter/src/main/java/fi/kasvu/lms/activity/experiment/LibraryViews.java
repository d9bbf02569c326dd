package fi.kasvu.lms.activity.experiment;

import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Frame;
import fi.kasvu.lms.web.Views.Message;
import java.util.List;

/** The models of the case library's templates. */
public final class LibraryViews {

    private LibraryViews() {
    }

    /**
     * Browsing and searching.
     *
     * @param frame   the frame
     * @param notice  a notice ("" for none)
     * @param errors  the error summary
     * @param action  where the search form goes (GET)
     * @param search  the search fields
     * @param entries the entries found
     * @param hrefs   each entry's address, in the same order
     * @param count   how many were found, as a sentence
     * @param newHref where to contribute
     * @param back    where "back" leads ("" for none)
     */
    public record BrowseView(Frame frame, String notice, List<Message> errors, String action, List<Field> search,
                             List<ExperimentViews.Preview> entries, List<String> hrefs, String count, String newHref,
                             String back) {
        /** The address of the entry at the index. */
        public String href(int index) {
            return hrefs.get(index);
        }
    }

    /**
     * One entry in full.
     *
     * @param frame     the frame
     * @param entry     the entry
     * @param published when it was shared
     * @param back      the library's address
     */
    public record EntryPage(Frame frame, ExperimentViews.Preview entry, String published, String back) {
    }

    /**
     * Contributing a case example or an insight.
     *
     * @param frame  the frame
     * @param errors the error summary
     * @param action where the form posts
     * @param fields the fields
     * @param back   the library's address
     */
    public record NewView(Frame frame, List<Message> errors, String action, List<Field> fields, String back) {
    }
}
