package fi.kasvu.lms.lti;

/**
 * Values from outside (a platform's answer, a request parameter) made safe to put in a log line
 * or an admin page: control characters (CR, LF, NUL, bidi controls are kept out) replaced and
 * the length capped, so that no one can forge a log line or flood the log.
 */
public final class LogSafe {

    /** The longest value written. */
    public static final int MAX = 120;

    private LogSafe() {
    }

    /** The value with control and format characters as {@code ?}, cut to {@value #MAX} characters. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 1));
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            out.append(Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR ? '?' : c);
        }
        return text.length() > MAX ? out + "…" : out.toString();
    }
}
