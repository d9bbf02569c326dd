package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code ltiResourceLink} a teacher places through Deep Linking.
 *
 * @param title    the activity's title (Moodle: the activity name)
 * @param text     a description, or empty
 * @param custom   custom parameters the launch will carry back (activity kind, template, options)
 * @param lineItem the grade column to create, if the activity is graded
 */
public record ContentItem(String title, String text, Map<String, String> custom, Optional<LineItemSpec> lineItem) {

    /** @throws IllegalArgumentException if the title is blank or too long */
    public ContentItem {
        Require.nonBlank("title", title);
        Require.maxLength("title", title, 255);
        text = text == null ? "" : Require.text("text", text);
        custom = Map.copyOf(custom);
        Require.nonNull("lineItem", lineItem);
    }

    /**
     * The line item of a graded activity.
     *
     * @param scoreMaximum the maximum score, positive
     * @param label        the grade column's label
     * @param resourceId   the tool's id for the activity, or empty
     * @param tag          a tag, or empty
     */
    public record LineItemSpec(double scoreMaximum, String label, String resourceId, String tag) {
        /** @throws IllegalArgumentException if the maximum is not positive or the label blank */
        public LineItemSpec {
            if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
                throw new IllegalArgumentException("scoreMaximum must be positive: " + scoreMaximum);
            }
            Require.nonBlank("label", label);
            resourceId = resourceId == null ? "" : resourceId;
            tag = tag == null ? "" : tag;
        }
    }
}
