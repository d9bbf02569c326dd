package fi.kasvu.survey;

import java.util.Map;
import java.util.Set;

/**
 * The survey's use of {@link fi.kasvu.common.DisclosureControl} over its organisation, unit and
 * team tree: no figure, and no difference between figures, describes fewer than {@code k}
 * respondents. The reasoning is on the shared class.
 */
final class DisclosureControl {

    private DisclosureControl() {
    }

    /**
     * The groups that may show a figure for one measure.
     *
     * @param own        respondents counted by this measure, by the innermost group they belong to
     * @param candidates the groups allowed to show it at all (all groups, or those showing the respondent count)
     * @param minimum    the anonymity threshold
     */
    static Set<GroupRef> publishable(Map<GroupRef, Integer> own, Set<GroupRef> candidates, int minimum) {
        return fi.kasvu.common.DisclosureControl.publishable(own, GroupRef::parent, candidates, Set.of(), minimum);
    }

    /** Every group with at least one respondent in the measure, and their ancestors. */
    static Set<GroupRef> groups(Map<GroupRef, Integer> own) {
        return fi.kasvu.common.DisclosureControl.groups(own, GroupRef::parent);
    }
}
