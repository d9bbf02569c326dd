package fi.kasvu.lms.moodle;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names as Moodle 4.5 keeps and lists them, so that a name Kasvu wrote can be recognised in
 * Moodle's answers.
 *
 * <p>Moodle cleans a group's or event's name on the way in ({@code PARAM_TEXT}: PHP's
 * {@code strip_tags}) and formats it on the way out ({@code format_string} with the defaults,
 * {@code $CFG->formatstringstriptags} on and no filters on strings: an {@code &} not starting an
 * entity becomes {@code &amp;}, tags are stripped, and {@code <} and {@code >} become {@code &lt;}
 * and {@code &gt;}; quotes are left alone). So "Tiimi A & B" is listed as "Tiimi A &amp; B"
 * (recorded: {@code ws-course-services/core_group_get_course_groups__name_with_ampersand}), while
 * the create answers give the name as sent. Comparing Kasvu's name with the listed one as they
 * are sees a difference where there is none.
 */
public final class MoodleText {

    /** {@code replace_ampersands_not_followed_by_entity} in Moodle's lib/weblib.php. */
    private static final Pattern LONE_AMPERSAND = Pattern.compile("&(?![a-zA-Z0-9#]{1,8};)");

    private MoodleText() {
    }

    /**
     * Whether a name Moodle listed is the name Kasvu wrote: the same after Moodle's cleaning and
     * formatting, or the same once the listed name's HTML escaping is undone (a site that formats
     * names another way).
     */
    public static boolean sameName(String written, String listed) {
        Objects.requireNonNull(written, "written must not be null");
        if (listed == null) {
            return false;
        }
        return listed.equals(listed(written)) || unescape(listed).equals(written);
    }

    /** The name as Moodle lists it after Kasvu wrote {@code written}: stored cleaned, then formatted. */
    public static String listed(String written) {
        return format(stripTags(written == null ? "" : written));
    }

    /** Moodle's {@code format_string} on a stored name, with Moodle's default settings. */
    static String format(String stored) {
        String text = LONE_AMPERSAND.matcher(stored).replaceAll("&amp;");
        return stripTags(text).replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Undoes the HTML escaping of a listed name, for showing it: {@code &amp;} → {@code &} and the like. */
    public static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#039;", "'")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /**
     * PHP's {@code strip_tags} as far as names need it: a {@code <} followed by white space is text;
     * any other {@code <} opens a tag that runs to its {@code >} (quotes inside a tag hide a
     * {@code >}; a tag never closed runs to the end), and {@code <!-- … -->} is a comment.
     */
    static String stripTags(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '<' || i + 1 < n && Character.isWhitespace(text.charAt(i + 1))) {
                out.append(c);
                i++;
                continue;
            }
            if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int depth = 0;
            char quote = 0;
            i++;
            while (i < n) {
                char t = text.charAt(i++);
                if (quote != 0) {
                    if (t == quote) {
                        quote = 0;
                    }
                } else if (t == '"' || t == '\'') {
                    quote = t;
                } else if (t == '<') {
                    depth++;
                } else if (t == '>') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
            }
        }
        return out.toString();
    }
}
