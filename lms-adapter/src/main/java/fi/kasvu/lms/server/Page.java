package fi.kasvu.lms.server;

import fi.kasvu.common.Language;

/**
 * A small HTML page built from escaped pieces: {@link #text} escapes, {@link #raw} is for
 * constant markup written in this package only.
 */
final class Page {

    private final StringBuilder html = new StringBuilder();

    private Page(Language language, String title) {
        html.append("<!DOCTYPE html><html lang=\"").append(language.code()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;"
                        + "line-height:1.5;color:#1b1b1b}code{background:#f2f2f2;padding:0 .2em}"
                        + ".muted{color:#555}label{display:block;margin-top:.8rem}button{margin-top:1rem;"
                        + "padding:.5rem 1rem}</style></head><body>");
    }

    static Page start(Language language, String title) {
        return new Page(language, title);
    }

    /** Appends constant markup (never user or platform data). */
    Page raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Page text(Object value) {
        html.append(Html.escape(value));
        return this;
    }

    /** Appends an element with escaped text content. */
    Page element(String tag, Object value) {
        html.append('<').append(tag).append('>').append(Html.escape(value)).append("</").append(tag).append('>');
        return this;
    }

    /** Appends a paragraph with escaped text. */
    Page paragraph(Object value) {
        return element("p", value);
    }

    /** Appends a hidden form field with escaped name and value. */
    Page hidden(String name, Object value) {
        html.append("<input type=\"hidden\" name=\"").append(Html.escape(name)).append("\" value=\"")
                .append(Html.escape(value)).append("\">");
        return this;
    }

    String finish() {
        return html.append("</body></html>").toString();
    }
}
