package fi.kasvu.lms.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The precompiled JTE templates (HTML content type: every value is escaped for its context). */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "fi.kasvu.lms.web.jte");

    private Templates() {
    }

    /** Renders a template ({@code phase.jte}) with its one model parameter. */
    static String render(String name, Object model) {
        StringOutput output = new StringOutput();
        ENGINE.render(name, model, output);
        return output.toString();
    }
}
