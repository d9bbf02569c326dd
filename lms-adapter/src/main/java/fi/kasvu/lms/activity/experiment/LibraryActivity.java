package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.Visibility;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case library as an activity kind of its own: everyone in the course browses and searches
 * the tenant's shared experiments, case examples and insights (as far as each entry's level
 * allows) and contributes case examples and insights. It lives in the experiment package because
 * the team experiment serves the same pages from every experiment page, and activity packages
 * may not depend on each other.
 */
public final class LibraryActivity implements Activity {

    /** The kind's id. */
    public static final String KIND = "library";

    private static final LocalizedText NAME = LocalizedText.of("Tapauskirjasto", "Fallbibliotek", "Case library");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Tapausesimerkit, kokeilut ja oivallukset: selaa ja hae rakennusaineen, tunnisteen tai sanan mukaan, ja "
                    + "jaa omasi.",
            "Fallexempel, försök och insikter: bläddra och sök efter byggsten, tagg eller ord, och dela dina egna.",
            "Case examples, experiments and insights: browse and search by building block, tag or word, and share "
                    + "your own.");

    private final LibraryEntries entries;
    private final Clock clock;
    private final IdGenerator ids;

    private LibraryActivity(LibraryEntries entries, Clock clock, IdGenerator ids) {
        this.entries = entries;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The case library on core's port.
     *
     * @throws NullPointerException if an argument is null
     */
    public static LibraryActivity of(LibraryEntries entries, Clock clock, IdGenerator ids) {
        return new LibraryActivity(Require.nonNull("entries", entries), Require.nonNull("clock", clock),
                Require.nonNull("ids", ids));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public LocalizedText name() {
        return NAME;
    }

    @Override
    public LocalizedText description() {
        return DESCRIPTION;
    }

    @Override
    public String texts() {
        return ExperimentActivity.TEXTS;
    }

    @Override
    public List<Views.Field> settingsFields(PageTexts texts, Map<String, String> form, Map<String, String> errors) {
        return List.of();
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts texts) {
        return Settings.accepted(Map.of());
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        return Map.of();
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return NAME.in(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        return KIND;
    }

    @Override
    public Entry enter(PageSession session) {
        return new Entry(KIND, session.language(), "library");
    }

    @Override
    public Answer handle(Call call) {
        if (call.path().equals("language")) {
            return Answer.redirect(call.base() + "/start");
        }
        if (call.session().role() == PageSession.Role.PICKER || !LibraryPages.handles(call.path())) {
            return Answer.notFound();
        }
        return new LibraryPages(call, entries, clock, ids, Set.of(Teams.activityKey(call.session().contextId())), "")
                .handle();
    }

    @Override
    public String organiserHome() {
        return "library";
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        int[] counts = new int[LibraryEntry.Kind.values().length];
        String course = Teams.activityKey(session.contextId());
        entries.listByContext(session.tenant(), SharePage.ORGANISATION).documents().stream().map(v -> v.value())
                .filter(e -> e.visibility() != Visibility.TEAM || course.equals(e.team()))
                .forEach(e -> counts[e.kind().ordinal()]++);
        List<String> labels = List.of(t.t("library.kind.case"), t.t("library.kind.experiment"),
                t.t("library.kind.insight"));
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        List<Views.Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(labels.get(i), counts[i], 48 + i * 84, 210 - height, height));
            rows.add(new Row("", labels.get(i), List.of(Integer.toString(counts[i])), List.of(), false));
        }
        return new Progress(List.of(t.t("library.progress.count")), rows, bars, t.t("library.progress.chart"),
                t.t("library.progress.intro"));
    }

    @Override
    public Completion completion(TenantId tenant, String documentId) {
        return Completion.notYet();
    }

    /** A library is read and added to, never completed: the picker offers no grading for it. */
    @Override
    public boolean gradable() {
        return false;
    }
}
