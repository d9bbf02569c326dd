package fi.kasvu.experiment;

import fi.kasvu.common.Require;
import java.util.List;

/** Checks shared by the records of this package. */
final class Texts {

    private Texts() {
    }

    /** A copied list of non-blank items, naming the index of a bad one. */
    static List<String> items(String field, List<String> items) {
        List<String> copy = Require.list(field, items);
        for (int i = 0; i < copy.size(); i++) {
            Require.nonBlank(field + "[" + i + "]", copy.get(i));
        }
        return copy;
    }
}
