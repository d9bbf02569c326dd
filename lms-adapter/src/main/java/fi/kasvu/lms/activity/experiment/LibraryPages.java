package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Versioned;
import fi.kasvu.library.EntryView;
import fi.kasvu.library.Library;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.LibraryQuery;
import fi.kasvu.library.Reader;
import fi.kasvu.library.Visibility;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.lms.web.When;
import fi.kasvu.survey.CultureElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case library (seed 004: case examples, experiments, insights) as pages: browse and search
 * by building block, tag and free text, read an entry in full, contribute a case example or an
 * insight. Every reader sees only what the entry's level allows them ({@link Library#search}),
 * and authors are never shown. Served under {@code library} by the case library kind and by the
 * team experiment (so every experiment page links to it).
 */
final class LibraryPages {

    private static final int MAX_QUERY = 200;

    private final Call call;
    private final LibraryEntries entries;
    private final Clock clock;
    private final IdGenerator ids;
    private final Set<String> teams;
    private final String back;
    private final PageTexts t;

    /**
     * @param teams the reader's teams (their experiment team and this activity's course-level id)
     * @param back  where "back" leads ("" for none)
     */
    LibraryPages(Call call, LibraryEntries entries, Clock clock, IdGenerator ids, Set<String> teams, String back) {
        this.call = call;
        this.entries = entries;
        this.clock = clock;
        this.ids = ids;
        this.teams = Set.copyOf(teams);
        this.back = back;
        this.t = call.texts();
    }

    /** Whether the path is one of the library's. */
    static boolean handles(String path) {
        return path.equals("library") || path.equals("library/new") || path.startsWith("library/entry/");
    }

    Answer handle() {
        String path = call.path();
        if (path.equals("library") && !call.post()) {
            return browse();
        }
        if (path.equals("library/new")) {
            return call.post() ? contribute() : form(Map.of(), Map.of(), 200);
        }
        if (path.startsWith("library/entry/") && !call.post()) {
            return entry(path.substring("library/entry/".length()));
        }
        return Answer.notFound();
    }

    private Reader reader() {
        return new Reader(call.session().person(), SharePage.ORGANISATION, teams);
    }

    /**
     * The entries the reader may read: the tenant's own (its organisation's), and those every
     * organisation on the server shared with everyone (the library port's one read across tenants).
     */
    private List<EntryView> readable(LibraryQuery query) {
        List<LibraryEntry> all = new ArrayList<>(entries.listByContext(call.session().tenant(),
                SharePage.ORGANISATION).documents().stream().map(Versioned::value).toList());
        entries.sharedServerWide().documents().forEach(v -> all.add(v.value()));
        return Library.search(all, reader(), query);
    }

    private Answer browse() {
        String text = cut(call.param("q"));
        String tag = cut(call.param("tag")).strip();
        String block = call.param("block");
        String kind = call.param("kind");
        Set<String> tags = new LinkedHashSet<>();
        List<Message> errors = new ArrayList<>();
        if (!tag.isEmpty()) {
            try {
                tags.add(LibraryEntry.normaliseTag(tag));
            } catch (IllegalArgumentException tooLong) {
                errors.add(new Message("#f-tag", t.t("library.error.tag")));
            }
        }
        CultureElement element = ExperimentSettings.block(block);
        if (element != null) {
            tags.add(SharePage.blockTag(element));
        }
        Set<LibraryEntry.Kind> kinds = switch (kind) {
            case "case" -> EnumSet.of(LibraryEntry.Kind.CASE_EXAMPLE);
            case "experiment" -> EnumSet.of(LibraryEntry.Kind.EXPERIMENT);
            case "insight" -> EnumSet.of(LibraryEntry.Kind.INSIGHT);
            default -> EnumSet.noneOf(LibraryEntry.Kind.class);
        };
        List<EntryView> found = readable(new LibraryQuery(tags, text, kinds));
        List<ExperimentViews.Preview> rows = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        for (EntryView view : found) {
            rows.add(preview(view));
            hrefs.add(call.base() + "/library/entry/" + view.id());
        }
        List<Field> search = new ArrayList<>();
        search.add(new Field("q", t.t("library.search.text"), "", text, "text", MAX_QUERY, null, List.of(), false, false));
        List<Views.Choice> blocks = new ArrayList<>();
        blocks.add(new Views.Choice("", t.t("library.search.any"), element == null, ""));
        for (CultureElement e : CultureElement.values()) {
            blocks.add(new Views.Choice(ExperimentSettings.code(e), e.title().in(t.language()), e == element, ""));
        }
        search.add(new Field("block", t.t("library.blocks"), "", block, "select", 0, null, blocks, false, false));
        search.add(new Field("tag", t.t("library.search.tag"), "", tag, "text", 50,
                errors.isEmpty() ? null : t.t("library.error.tag"), List.of(), false, false));
        search.add(new Field("kind", t.t("library.search.kind"), "", kind, "select", 0, null, List.of(
                new Views.Choice("", t.t("library.search.any"), !kind.matches("case|experiment|insight"), ""),
                new Views.Choice("case", t.t("library.kind.case"), kind.equals("case"), ""),
                new Views.Choice("experiment", t.t("library.kind.experiment"), kind.equals("experiment"), ""),
                new Views.Choice("insight", t.t("library.kind.insight"), kind.equals("insight"), "")), false, false));
        boolean searched = !text.isEmpty() || !tags.isEmpty() || !kinds.isEmpty();
        String notice = call.param("done").equals("added") ? t.t("library.notice.added") : "";
        return Answer.page(errors.isEmpty() ? 200 : 422, "library/browse.jte", new LibraryViews.BrowseView(
                call.frame(t.t("library.title"), "library"), notice, errors, call.base() + "/library", search, rows,
                hrefs, searched ? t.t("library.found", rows.size()) : t.t("library.all", rows.size()),
                call.base() + "/library/new", back));
    }

    private Answer entry(String id) {
        Optional<EntryView> view = readable(LibraryQuery.everything()).stream().filter(v -> v.id().equals(id))
                .findFirst();
        if (view.isEmpty()) {
            return Answer.notFound();
        }
        return Answer.page("library/entry.jte", new LibraryViews.EntryPage(call.frame(view.get().title(), "library"),
                preview(view.get()), When.format(view.get().published(), t.language()), call.base() + "/library"));
    }

    private ExperimentViews.Preview preview(EntryView view) {
        List<String> tags = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (String tag : view.tags()) {
            CultureElement block = tag.startsWith("block-") ? ExperimentSettings.block(tag.substring(6)) : null;
            if (block != null) {
                blocks.add(block.title().in(t.language()));
            } else {
                tags.add(tag);
            }
        }
        String kind = switch (view.kind()) {
            case CASE_EXAMPLE -> t.t("library.kind.case");
            case EXPERIMENT -> t.t("library.kind.experiment");
            case INSIGHT -> t.t("library.kind.insight");
        };
        String level = switch (view.visibility()) {
            case TEAM -> t.t("library.level.limited");
            case ORGANISATION -> t.t("share.level.organisation");
            case EVERYONE -> t.t("share.level.everyone");
        };
        return new ExperimentViews.Preview(view.title(), kind, level, view.summary(), view.body(), tags, blocks);
    }

    private Answer contribute() {
        Map<String, String> errors = new LinkedHashMap<>();
        String kind = call.param("entry.kind");
        if (!kind.matches("case|insight")) {
            errors.put("entry.kind", t.t("library.error.kind"));
        }
        String title = call.param("entry.title").strip();
        if (title.isEmpty()) {
            errors.put("entry.title", t.t("error.required"));
        } else if (title.length() > 200) {
            errors.put("entry.title", t.t("error.tooLong", 200, title.length()));
        }
        String summary = call.param("entry.summary");
        if (summary.isBlank()) {
            errors.put("entry.summary", t.t("error.required"));
        } else if (summary.length() > TeamFields.MAX) {
            errors.put("entry.summary", t.t("error.tooLong", TeamFields.MAX, summary.length()));
        }
        String body = call.param("entry.body");
        if (body.length() > TeamFields.MAX) {
            errors.put("entry.body", t.t("error.tooLong", TeamFields.MAX, body.length()));
        }
        List<String> given = Arrays.stream(call.param("entry.tags").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (given.size() > SharePage.MAX_TAGS) {
            errors.put("entry.tags", t.t("error.tags.many", SharePage.MAX_TAGS, given.size()));
        } else if (given.stream().anyMatch(tag -> tag.length() > 50)) {
            errors.put("entry.tags", t.t("error.tags.long", 50));
        }
        String level = call.param("entry.level");
        if (!level.matches("course|organisation|everyone")) {
            errors.put("entry.level", t.t("error.level"));
        }
        if (call.param("entry.confirm").isEmpty()) {
            errors.put("entry.confirm", t.t("error.confirm"));
        }
        if (!errors.isEmpty()) {
            return form(call.parameters(), errors, 422);
        }
        Set<String> tags = new LinkedHashSet<>(given);
        for (CultureElement block : CultureElement.values()) {
            if (!call.param("entry.block-" + ExperimentSettings.code(block)).isEmpty()) {
                tags.add(SharePage.blockTag(block));
            }
        }
        boolean course = level.equals("course");
        LibraryEntry entry = new LibraryEntry(ids.next(), kind.equals("case") ? LibraryEntry.Kind.CASE_EXAMPLE
                : LibraryEntry.Kind.INSIGHT, t.language(), title, summary, body, tags, SharePage.organisation(level),
                course ? Teams.activityKey(call.session().contextId()) : null,
                SharePage.visibility(level), call.session().person(), false, clock.instant(),
                null);
        entries.save(call.session().tenant(), Versioned.unsaved(entry)).orElseThrow();
        return Answer.redirect(call.base() + "/library?done=added");
    }

    private Answer form(Map<String, String> values, Map<String, String> errors, int status) {
        List<Field> fields = new ArrayList<>();
        String kind = values.getOrDefault("entry.kind", "case");
        fields.add(new Field("entry.kind", t.t("library.new.kind"), "", kind, "radio", 0, errors.get("entry.kind"),
                List.of(new Views.Choice("case", t.t("library.kind.case"), kind.equals("case"),
                                t.t("library.kind.case.hint")),
                        new Views.Choice("insight", t.t("library.kind.insight"), kind.equals("insight"),
                                t.t("library.kind.insight.hint"))), false, false));
        fields.add(new Field("entry.title", t.t("library.new.title"), "", values.getOrDefault("entry.title", ""),
                "text", 200, errors.get("entry.title"), List.of(), false, false));
        fields.add(new Field("entry.summary", t.t("library.new.summary"), t.t("library.new.summary.hint"),
                values.getOrDefault("entry.summary", ""), "textarea", TeamFields.MAX, errors.get("entry.summary"),
                List.of(), false, false));
        fields.add(new Field("entry.body", t.t("library.new.body"), "", values.getOrDefault("entry.body", ""),
                "textarea", TeamFields.MAX, errors.get("entry.body"), List.of(), false, false));
        boolean first = true;
        for (CultureElement block : CultureElement.values()) {
            String name = "entry.block-" + ExperimentSettings.code(block);
            fields.add(new Field(name, block.title().in(t.language()), first ? t.t("library.new.blocks.hint") : "",
                    "on", "checkbox", 0, null, List.of(), !values.getOrDefault(name, "").isEmpty(), false));
            first = false;
        }
        fields.add(new Field("entry.tags", t.t("field.share.tags"), t.t("library.new.tags.hint"),
                values.getOrDefault("entry.tags", ""), "text", 600, errors.get("entry.tags"), List.of(), false,
                false));
        String level = values.getOrDefault("entry.level", "course");
        fields.add(new Field("entry.level", t.t("field.share.level"), "", level, "radio", 0, errors.get("entry.level"),
                List.of(new Views.Choice("course", t.t("share.level.course"), level.equals("course"),
                                t.t("library.level.course.hint")),
                        new Views.Choice("organisation", t.t("share.level.organisation"),
                                level.equals("organisation"), t.t("share.level.organisation.hint")),
                        new Views.Choice("everyone", t.t("share.level.everyone"), level.equals("everyone"),
                                t.t("share.level.everyone.hint"))), false, false));
        fields.add(new Field("entry.confirm", t.t("field.share.confirm"), "", "on", "checkbox", 0,
                errors.get("entry.confirm"), List.of(), !values.getOrDefault("entry.confirm", "").isEmpty(), false));
        List<Message> messages = new ArrayList<>();
        for (Field f : fields) {
            if (f.error() != null) {
                messages.add(new Message("#" + f.id(), f.label() + ": " + f.error()));
            }
        }
        return Answer.page(status, "library/new.jte", new LibraryViews.NewView(call.frame(t.t("library.new.heading"),
                "library/new"), messages, call.base() + "/library/new", fields, call.base() + "/library"));
    }

    private static String cut(String text) {
        return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
    }
}
