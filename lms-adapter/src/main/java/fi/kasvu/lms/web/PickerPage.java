package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.lms.web.Views.Choice;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's activity picker of a deep-linking launch: every registered kind, then the chosen
 * kind's settings with the web layer's own (title, language, grading), returned to the platform
 * as a signed deep-linking response.
 */
final class PickerPage {

    private final Activities activities;
    private final DeepLinkSigner signer;

    PickerPage(Activities activities, DeepLinkSigner signer) {
        this.activities = activities;
        this.signer = signer;
    }

    Answer handle(Call call) {
        List<Activity> all = activities.all();
        Optional<Activity> chosen = call.path().equals("picker")
                ? (all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty())
                : activities.find(call.path().substring("picker/".length()));
        if (chosen.isEmpty()) {
            if (!call.path().equals("picker")) {
                return Answer.notFound();
            }
            PageTexts t = call.texts();
            List<Choice> kinds = all.stream().map(a -> new Choice(call.base() + "/picker/" + a.kind(),
                    a.name().in(t.language()), false, a.description().in(t.language()))).toList();
            return Answer.page("picker.jte", new Views.PickerView(frame(call, t), List.of(), kinds, "", "", "",
                    List.of(), null, null, null));
        }
        Activity activity = chosen.get();
        PageTexts t = call.texts().with(activity.texts());
        if (!call.post()) {
            return form(call, t, activity, Map.of(), "", "", true, Map.of(), 200);
        }
        Map<String, String> form = new LinkedHashMap<>(call.parameters());
        String title = call.param("title").strip();
        String language = call.param("language");
        boolean graded = activity.gradable() && !call.param("graded").isEmpty();
        if (!language.matches("|fi|sv|en")) {
            language = "";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Activity.Settings settings = activity.readForm(form, t);
        errors.putAll(settings.errors());
        if (title.length() > Placement.MAX_TITLE) {
            errors.put("title", t.t("field.tooLong", Placement.MAX_TITLE, title.length()));
        }
        if (!errors.isEmpty()) {
            return form(call, t, activity, form, title, language, graded, errors, 422);
        }
        Optional<Language> chosenLanguage = language.isEmpty() ? Optional.empty() : Optional.of(Language.ofCode(language));
        String finalTitle = title.isEmpty()
                ? activity.defaultTitle(settings.custom(), chosenLanguage.orElse(t.language())) : title;
        Placement placement = new Placement(activity.kind(), finalTitle, chosenLanguage, graded, settings.custom());
        String jwt = signer.sign(call.session(), placement, activity.description().in(t.language()),
                activity.resourceId(settings.custom()));
        return Answer.page("return.jte", new Views.ReturnView(frame(call, t, t.t("return.title")),
                call.session().returnUrl(), jwt, t.t("return.chosen", finalTitle)));
    }

    private Answer form(Call call, PageTexts t, Activity activity, Map<String, String> form, String title,
                        String language, boolean graded, Map<String, String> errors, int status) {
        List<Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Message("#f-" + field.replace('.', '-'), message)));
        List<Field> fields = activity.settingsFields(t, form, errors);
        Field titleField = new Field("title", t.t("picker.name"), t.t("picker.name.hint"), title, "text",
                Placement.MAX_TITLE, errors.get("title"), List.of(), false, false);
        Field languageField = new Field("language", t.t("picker.language"), t.t("picker.language.hint"), language,
                "select", 0, null, List.of(
                        new Choice("", t.t("picker.language.own"), language.isEmpty(), ""),
                        new Choice("fi", "Suomi", language.equals("fi"), ""),
                        new Choice("sv", "Svenska", language.equals("sv"), ""),
                        new Choice("en", "English", language.equals("en"), "")), false, false);
        Field gradedField = !activity.gradable() ? null : new Field("graded", t.t("picker.graded"), t.t("picker.graded.hint"), "on", "checkbox", 0,
                null, List.of(), graded, false);
        String action = call.base() + "/picker/" + activity.kind();
        return Answer.page(status, "picker.jte", new Views.PickerView(frame(call, t), messages, List.of(),
                activity.name().in(t.language()), activity.description().in(t.language()), action, fields, titleField,
                languageField, gradedField));
    }

    private static Views.Frame frame(Call call, PageTexts t) {
        return frame(call, t, t.t("picker.title"));
    }

    private static Views.Frame frame(Call call, PageTexts t, String title) {
        return new Views.Frame(t, title, call.session().courseTitle(), call.base(), call.session().csrf(),
                call.staticBase(), true, call.path(), false);
    }
}
