package fi.kasvu.lms.server;

import org.eclipse.jetty.util.StringUtil;

/** HTML escaping through Jetty's XML sanitizer: every dynamic value on a page goes through here. */
final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} and control characters escaped, safe in element and attribute content. */
    static String escape(Object text) {
        return text == null ? "" : StringUtil.sanitizeXmlString(String.valueOf(text));
    }
}
