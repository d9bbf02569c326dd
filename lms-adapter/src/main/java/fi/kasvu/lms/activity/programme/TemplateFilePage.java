package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.common.Result;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.i18n.ProgrammeTemplateFile;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.ProgrammeTemplate;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.programme.TemplateFileProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organiser's page for an agency's own programme template file ({@code docs/programmes.md},
 * "Template files"): she chooses the file, the first day and the time zone, and the programme is
 * created from the file as from a built-in template. A file with mistakes comes back with every
 * problem listed with its line, in her language, and creates nothing; the built-in templates can
 * be downloaded in the format as a starting point.
 */
final class TemplateFilePage {

    /** The form's file field: a file chosen arrives as its text (the web layer reads multipart forms). */
    static final String FILE = "templatefile";

    private final Call call;
    private final Clock clock;
    private final PageTexts t;
    private final Language language;

    TemplateFilePage(Call call, Clock clock) {
        this.call = call;
        this.clock = clock;
        this.t = call.texts();
        this.language = t.language();
    }

    /** The upload form; a placement that has its programme already goes to the organiser's page. */
    Answer show(Optional<Programme> existing) {
        if (existing.isPresent()) {
            return Answer.redirect(call.base() + "/manage");
        }
        return page(200, Map.of(), Map.of(), List.of());
    }

    /** A built-in template in the file format, to download and edit. */
    Answer example(String fileName) {
        String id = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : "";
        return ProgrammeTemplateFile.example(id)
                .<Answer>map(text -> new Answer.Download("text/plain; charset=utf-8", id + ".txt",
                        text.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(Answer::notFound);
    }

    /**
     * Creates the placement's programme from the uploaded file, or shows every problem of the file
     * and of the form, keeping what was typed.
     *
     * @param once a service whose only id is the placement's programme id, so a second create meets the first
     */
    Answer upload(Optional<Programme> existing, ProgrammeService once, java.util.function.Supplier<Answer> already) {
        if (existing.isPresent()) {
            return already.get();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("starts", call.param("starts"));
        form.put("zone", call.param("zone"));
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<LocalDate> starts = ProgrammeForms.day(form, "starts", t, errors);
        Optional<ZoneId> zone = ProgrammeForms.zone(form, "zone", t, errors);
        String text = call.param(FILE);
        List<String> problems = new ArrayList<>();
        ProgrammeTemplate template = null;
        int status = 422;
        if (text.isEmpty()) {
            errors.put("file", t.t("file.error.none"));
        } else {
            Result<ProgrammeTemplate, TemplateFileProblem> read = ProgrammeTemplateFile.read(text);
            read.problems().forEach(problem -> problems.add(ProgrammeMessages.atLine(problem, language)));
            if (read.problems().stream().anyMatch(p -> p instanceof TemplateFileProblem.FileTooLarge)) {
                status = 413;
            }
            template = read.orElse(null);
        }
        if (!problems.isEmpty()) {
            errors.put("file", t.t("file.error.summary", problems.size()));
        }
        if (!errors.isEmpty()) {
            return page(status, form, errors, problems);
        }
        try {
            once.fromTemplate(call.session().tenant(), template, call.session().contextId(), starts.get(), zone.get(),
                    call.session().person());
        } catch (IllegalStateException madeMeanwhile) {
            return already.get();
        }
        return Answer.redirect(call.base() + "/manage?done=file");
    }

    private Answer page(int status, Map<String, String> form, Map<String, String> errors, List<String> problems) {
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Views.Message(
                field.equals("file") && !problems.isEmpty() ? "#file-problems" : "#f-" + field, message)));
        LocalDate nextMonday = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Helsinki")).plusDays(7)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        List<Views.Field> fields = List.of(
                new Views.Field("starts", t.t("create.starts"), t.t("create.starts.hint"),
                        form.getOrDefault("starts", nextMonday.toString()), "date", 10, errors.get("starts"),
                        List.of(), false, false),
                new Views.Field("zone", t.t("create.zone"), t.t("create.zone.hint"),
                        form.getOrDefault("zone", "Europe/Helsinki"), "text", 60, errors.get("zone"), List.of(),
                        false, false));
        List<ProgrammeViews.NavLink> examples = new ArrayList<>();
        for (ProgrammeTemplate builtIn : ProgrammeTemplates.all()) {
            examples.add(new ProgrammeViews.NavLink(call.base() + "/template-file/" + builtIn.id() + ".txt",
                    builtIn.title().in(language) + " (" + builtIn.id() + ".txt)", false));
        }
        return Answer.page(status, "programme/template-file.jte", new ProgrammeViews.TemplateFileView(
                call.frame(t.t("file.title"), "template-file"), ProgrammeActivity.nav(call, "manage"), messages, fields,
                errors.get("file"), problems, examples, ProgrammeTemplateFile.MAX_BYTES / 1024,
                call.base() + "/manage"));
    }
}
