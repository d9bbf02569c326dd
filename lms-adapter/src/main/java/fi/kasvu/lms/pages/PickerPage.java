package fi.kasvu.lms.pages;

import fi.kasvu.common.Language;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.lms.pages.Views.Choice;
import fi.kasvu.lms.pages.Views.Field;
import fi.kasvu.lms.pages.Views.Message;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The teacher's activity picker of a deep-linking launch, returning the choice through the LTI layer. */
final class PickerPage {

    private final PagesServlet.Call call;
    private final DeepLinkSigner signer;
    private final PageTexts t;

    PickerPage(PagesServlet.Call call, DeepLinkSigner signer) {
        this.call = call;
        this.signer = signer;
        this.t = PageTexts.in(call.session().language());
    }

    void handle() throws IOException {
        if (!call.post()) {
            GrowTemplate template = GrowTemplates.defaultTemplate();
            render(template.id(), "", Integer.toString(template.minimumOptions()), "", true, List.of(), null, null,
                    HttpServletResponse.SC_OK);
            return;
        }
        String templateId = call.param("template");
        String title = call.param("title").strip();
        String minimum = call.param("minimum").strip();
        String language = call.param("language");
        boolean graded = !call.param("graded").isEmpty();
        List<Message> errors = new ArrayList<>();
        String titleError = null;
        String minimumError = null;
        Optional<GrowTemplate> template = GrowTemplates.byId(templateId);
        if (template.isEmpty()) {
            errors.add(new Message("#f-template", t.t("picker.error.kind")));
        }
        if (title.length() > ActivitySettings.MAX_TITLE) {
            titleError = t.t("field.tooLong", ActivitySettings.MAX_TITLE, title.length());
            errors.add(new Message("#f-title", titleError));
        }
        int min = 0;
        try {
            min = Integer.parseInt(minimum);
        } catch (NumberFormatException notANumber) {
            min = 0;
        }
        if (min < 1 || min > GrowConversation.MAX_MINIMUM_OPTIONS) {
            minimumError = t.t("picker.error.minimum", GrowConversation.MAX_MINIMUM_OPTIONS);
            errors.add(new Message("#f-minimum", minimumError));
        }
        if (!language.matches("|fi|sv|en")) {
            language = "";
        }
        if (!errors.isEmpty()) {
            render(templateId, title, minimum, language, graded, errors, titleError, minimumError, 422);
            return;
        }
        Optional<Language> chosenLanguage = language.isEmpty() ? Optional.empty() : Optional.of(Language.ofCode(language));
        String finalTitle = title.isEmpty() ? template.get().title().in(chosenLanguage.orElse(t.language())) : title;
        ActivitySettings settings = new ActivitySettings(template.get().id(), finalTitle, min, chosenLanguage, graded);
        String jwt = signer.sign(call.session(), settings);
        Views.Frame frame = frame(t.t("return.title"));
        PagesServlet.html(call.response(), HttpServletResponse.SC_OK, "return.jte",
                new Views.ReturnView(frame, call.session().returnUrl(), jwt, t.t("return.chosen", finalTitle)));
    }

    private void render(String templateId, String title, String minimum, String language, boolean graded,
                        List<Message> errors, String titleError, String minimumError, int status) throws IOException {
        List<Choice> templates = new ArrayList<>();
        for (GrowTemplate template : GrowTemplates.all()) {
            templates.add(new Choice(template.id(), template.title().in(t.language()), template.id().equals(templateId),
                    template.description().in(t.language())));
        }
        Field titleField = new Field("title", t.t("picker.name"), t.t("picker.name.hint"), title, "text",
                ActivitySettings.MAX_TITLE, titleError, List.of(), false, false);
        Field minimumField = new Field("minimum", t.t("picker.minimum"), t.t("picker.minimum.hint"), minimum, "number",
                2, minimumError, List.of(), false, false);
        Field languageField = new Field("language", t.t("picker.language"), t.t("picker.language.hint"), language,
                "select", 0, null, List.of(
                        new Choice("", t.t("picker.language.own"), language.isEmpty(), ""),
                        new Choice("fi", "Suomi", language.equals("fi"), ""),
                        new Choice("sv", "Svenska", language.equals("sv"), ""),
                        new Choice("en", "English", language.equals("en"), "")), false, false);
        Field gradedField = new Field("graded", t.t("picker.graded"), t.t("picker.graded.hint"), "on", "checkbox", 0,
                null, List.of(), graded, false);
        PagesServlet.html(call.response(), status, "picker.jte", new Views.PickerView(frame(t.t("picker.title")), errors,
                templates, titleField, minimumField, languageField, gradedField));
    }

    private Views.Frame frame(String title) {
        return new Views.Frame(t, title, call.session().courseTitle(), call.base(), call.session().csrf(),
                call.request().getContextPath() + Pages.PREFIX + "/static", true, "picker");
    }
}
